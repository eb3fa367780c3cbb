// The audit of one round, private to src/audit/: the auditor holds what every family of checks
// shares (the round's rows indexed by fund, each row's unit, the facts the rules and statements
// fix) and the walk over rows (audit.cpp); each family of docs/audit.md is a file of its own:
// units.cpp, decisions.cpp, limits.cpp (caps, limits per förvaltning, budgets), conditions.cpp,
// duplicates.cpp, totals.cpp, derived.cpp (totals with unknown rows) and counts.cpp.
#pragma once

#include "finding_helpers.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/detail/text.hpp>
#include "../krona/wide.hpp"
#include <anslag/rules/facts.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace anslag::audit_detail {

// "R1, R2, ... R10 och ytterligare 20" / "R1, R2, ... R10 and 20 more".
std::string rules_sv(const std::vector<std::string>& rules);
std::string rules_en(const std::vector<std::string>& rules);

std::string amount(Krona k);
bool fits(const detail::wide& ore);

// An exact sum of amounts or counts: 128 bits hold the sum of any number of 64-bit values below
// 2^64, so adding never fails; a sum beyond the range of an amount is still shown exactly.
struct exact_sum {
  detail::wide value = 0;

  exact_sum& operator+=(Krona k) {
    value += k.ore();
    return *this;
  }
  // The sum as an amount; empty beyond the range of Krona.
  std::optional<Krona> krona() const {
    if (!fits(value)) return std::nullopt;
    return Krona::from_ore(detail::narrow(value));
  }
  std::optional<figure> as_amount() const {
    const auto k = krona();
    return k ? std::optional<figure>(figure::of(*k)) : std::nullopt;
  }
};

// The canonical Swedish form of an exact number of öre (as Krona::to_string), also beyond the
// range of Krona.
std::string amount(const detail::wide& ore);
std::string amount(const exact_sum& sum);
std::string count_text(const detail::wide& n);

// Units of one kind, in the organisation's words (the registry's), or of any kind when none is
// given, in the plural.
std::pair<std::string, std::string> kind_plural(const unit_kind_vocabulary& kinds, std::optional<unit_kind> k);

finding citing(finding f, const statement& s);
void add_reading(finding& f, const std::string& text);

// The round file's readings of the fields a check used, gathered over the rows and entries of
// one finding: each (field, text) once, with the entries it stands on, in the order first met,
// so that a finding over many rows names each reading once ("decision of R1, R2: text").
// `fields` name the round file's keys; "assessments" also matches a field "assessments.RULE".
class readings_used {
 public:
  void add(const application& a, std::initializer_list<std::string_view> fields);
  void add(const std::vector<reading>& readings, const std::string& entry,
           std::initializer_list<std::string_view> fields);
  void add_all(const std::vector<reading>& readings, const std::string& entry);
  void into(finding& f) const;
  bool empty() const noexcept { return used_.empty(); }

 private:
  void note(const reading& r, const std::string& entry);
  struct used {
    const reading* read;
    std::vector<std::string> entries;
  };
  std::vector<used> used_;
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> index_;  // (field, text) → used_
};

// How the applicant text of one application resolved against the registry.
struct name_resolution {
  enum class outcome { resolved, unnamed, unknown, ambiguous } state = outcome::unnamed;
  const unit* resolved = nullptr;
  std::vector<std::string> alternatives;  // suggestions or candidates
  std::string message;
};

class auditor {
 public:
  auditor(const grant_round& r, const unit_registry& units);
  report run();

 private:
  // --- units (units.cpp) --------------------------------------------------------------------
  // Rows whose unit gives one finding: grouped by fund and unit.
  struct unit_group {
    std::string fund;
    const unit* u = nullptr;
    std::vector<std::string> rows;
    bool co_applicant = false;
    source_ref source;
    readings_used read;  // the round file's readings of the rows' units and names
  };
  const name_resolution& resolve_name(const std::string& applicant);
  void resolve_units();
  void report_ceasing(const std::vector<unit_group>& ceasing);
  static std::string name_key(const std::string& text);

  // --- the walk over rows (audit.cpp) -------------------------------------------------------
  // The amounts of one kind (requested or granted) that a fund's rows print.
  struct printed_amounts {
    exact_sum sum;
    std::size_t not_printed = 0;

    void add(const std::optional<Krona>& k) {
      if (k) sum += *k;
      else ++not_printed;
    }
  };
  // A fund's rows, in the round's order, and what they sum to, gathered in the one walk that
  // indexes the rows: a stated total or a budget that these sums settle needs no walk of its
  // own over the rows, each of which waits on memory in a round of a million.
  struct fund_index {
    std::vector<std::size_t> rows;
    printed_amounts requested, granted;  // check_total
    exact_sum grants;                    // the amounts granted, as amounts_ knows them (check_budget)
    bool grant_unknown = false;          // a row is granted an amount amounts_ does not know
  };
  const unit* forvaltning_of(std::size_t index) const;
  const fund_index& index_of(const std::string& fund_id) const;
  const std::vector<std::size_t>& rows_of(const std::string& fund_id) const;
  std::vector<std::string> scope_of(const std::vector<std::string>& funds) const;
  std::vector<const fund*> funds_in(const std::vector<std::string>& scope) const;
  std::vector<std::size_t> rows_in(const statement& s) const;
  std::string scope_name(const statement& s) const;
  std::string scope_text(const statement& s) const;
  static void note_basis(finding& x, const known_amount& k);
  static std::string shown_sv(const known_amount& k);
  static std::string shown_en(const known_amount& k);

  // --- the checks of each row and fund ------------------------------------------------------
  void check_amounts_and_decisions(const fund& f);  // decisions.cpp
  void check_caps(const fund& f);                   // limits.cpp
  void check_unit_limits(const fund& f);
  void check_budget(const fund& f);
  void check_required_conditions();                 // conditions.cpp
  void check_condition_group(const std::vector<const rule*>& group);
  void check_duplicates(const fund& f);             // duplicates.cpp
  const rule* one_grant_rule(const fund& f) const;

  // --- statements (totals.cpp, derived.cpp, counts.cpp) -------------------------------------
  // What two statements must share to state the same thing: kind, scope (sorted; empty for
  // every fund), decision and applicant kind.
  using statement_key =
      std::tuple<statement_kind, std::vector<std::string>, std::optional<decision>, std::optional<unit_kind>>;
  statement_key key_of(const statement& s) const;
  static figure value_of(const statement& s);
  static std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> value_key(const statement& s);
  void check_statements();
  void check_total(const statement& s);
  bool printed_sums_agree(const statement& s, bool requested) const;
  void check_total_with_unknown_rows(const statement& s, finding x, const exact_sum& known,
                                     const std::vector<const application*>& unknown, const std::string& what_sv,
                                     const std::string& what_en);
  void check_row_count(const statement& s);
  void check_applicant_count(const statement& s);
  void check_statements_agree();

  const grant_round& round_;
  const unit_registry& units_;
  const fund_limits limits_;    // each fund's cap and per-förvaltning limit, from their rules
  const amount_facts amounts_;  // the amounts the rows, decisions and statements fix
  std::unordered_map<std::string_view, fund_index> fund_indexes_;
  const rule* one_grant_every_ = nullptr;
  std::unordered_map<std::string_view, const rule*> one_grant_by_fund_;
  std::vector<const unit*> unit_of_;  // per application; nullptr when not known
  std::unordered_map<std::string, name_resolution> names_;
  std::unordered_map<std::string, std::vector<finding>> condition_findings_;  // by fund, in rule order
  std::vector<finding> findings_;
};

}  // namespace anslag::audit_detail
