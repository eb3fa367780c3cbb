// The audit. Each check below reads only the round's data, its rules and the unit registry;
// none knows a year, a fund or an applicant. docs/audit.md defines every code and severity.
#include "finding_helpers.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/detail/text.hpp>
#include "../krona/wide.hpp"
#include <anslag/rules/evaluate.hpp>
#include <anslag/rules/facts.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace anslag {

std::size_t report::count(severity level) const noexcept {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [level](const finding& f) { return f.level == level; }));
}

namespace {

using audit_detail::citing;
using audit_detail::found;
using audit_detail::rows_en;
using audit_detail::rows_sv;
using audit_detail::list_rows;
using audit_detail::rows_named_in_messages;
// "R1, R2, ... R10 och ytterligare 20" / "R1, R2, ... R10 and 20 more".
std::string rules_sv(const std::vector<std::string>& rules) { return list_rows(rules, "och ytterligare"); }
std::string rules_en(const std::vector<std::string>& rules) {
  return rules.size() > rows_named_in_messages ? list_rows(rules, "and") + " more" : list_rows(rules, "and");
}

std::string amount(Krona k) { return k.to_string(); }

bool fits(const detail::wide& ore) {
  return ore >= std::numeric_limits<std::int64_t>::min() && ore <= std::numeric_limits<std::int64_t>::max();
}

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
std::string amount(const detail::wide& ore) {
  if (fits(ore)) return amount(Krona::from_ore(detail::narrow(ore)));
  const bool negative = ore < 0;
  const std::string digits = (negative ? detail::wide(-ore) : ore).str();
  const std::string kronor = digits.substr(0, digits.size() - 2), fraction = digits.substr(digits.size() - 2);
  std::string grouped;
  for (std::size_t i = 0; i < kronor.size(); ++i) {
    if (i != 0 && (kronor.size() - i) % 3 == 0) grouped += "\u00A0";
    grouped += kronor[i];
  }
  return (negative ? "\u2212" : "") + grouped + (fraction == "00" ? "" : "," + fraction) + "\u00A0kr";
}
std::string amount(const exact_sum& sum) { return amount(sum.value); }

std::string count_text(const detail::wide& n) { return n.str(); }

// Units of one kind, in the organisation's words (the registry's), or of any kind when none is
// given, in the plural.
std::pair<std::string, std::string> kind_plural(const unit_kind_vocabulary& kinds, std::optional<unit_kind> k) {
  if (!k) return {"förvaltningar", "administrations"};
  const unit_kind_words& words = kinds.of(*k);
  return {words.plural, words.english};
}

finding citing(finding f, const statement& s) {
  f.statement = s.id;
  f.quote = s.quote;
  f.source = s.source;
  if (!s.readings.empty()) {
    std::string text;
    for (const auto& reading : s.readings) text += (text.empty() ? "" : "; ") + reading.text;
    f.reading = text;
  }
  return f;
}

void add_reading(finding& f, const std::string& text) {
  f.reading = f.reading ? *f.reading + "; " + text : text;
}

// How the applicant text of one application resolved against the registry.
struct name_resolution {
  enum class outcome { resolved, unnamed, unknown, ambiguous } state = outcome::unnamed;
  const unit* resolved = nullptr;
  std::vector<std::string> alternatives;  // suggestions or candidates
  std::string message;
};

class auditor {
 public:
  auditor(const grant_round& r, const unit_registry& units)
      : round_(r), units_(units), limits_(r), amounts_(r), unit_of_(r.applications.size(), nullptr) {
    // Every check of a fund looks at that fund's rows only, so the audit grows with the round,
    // not with funds × applications.
    for (std::size_t i = 0; i < r.applications.size(); ++i) rows_of_fund_[r.applications[i].fund].push_back(i);
    for (const auto& u : r.rules) {
      if (u.kind != rule_kind::one_grant_per_destination) continue;
      if (u.funds.empty()) one_grant_every_ = &u;
      for (const auto& f : u.funds) one_grant_by_fund_[f] = &u;
    }
  }

  report run() {
    resolve_units();
    check_required_conditions();
    for (const auto& f : round_.funds) {
      check_amounts_and_decisions(f);
      check_caps(f);
      for (auto& x : condition_findings_[f.id]) findings_.push_back(std::move(x));
      check_unit_limits(f);
      check_duplicates(f);
      check_budget(f);
    }
    check_statements();
    check_statements_agree();
    report out;
    out.year = round_.year;
    out.title = round_.document.title;
    out.dated = round_.document.dated;
    out.file = round_.file;
    out.findings = std::move(findings_);
    return out;
  }

 private:
  // --- units --------------------------------------------------------------------------------
  // Rows whose unit gives one finding: grouped by fund and unit.
  struct unit_group {
    std::string fund;
    const unit* u = nullptr;
    std::vector<std::string> rows;
    bool co_applicant = false;
    source_ref source;
    std::vector<std::size_t> indices;  // of the rows, for their readings
  };

  const name_resolution& resolve_name(const std::string& applicant) {
    auto [it, inserted] = names_.try_emplace(applicant);
    if (!inserted) return it->second;
    name_resolution& r = it->second;
    if (applicant.find_first_not_of(" \t") == std::string::npos) return r;  // unnamed
    try {
      r.resolved = &units_.resolve(applicant);
      r.state = name_resolution::outcome::resolved;
    } catch (const unknown_unit_error& e) {
      r.state = name_resolution::outcome::unknown;
      r.alternatives = e.suggestions();
      r.message = e.what();
    } catch (const ambiguous_unit_error& e) {
      r.state = name_resolution::outcome::ambiguous;
      r.alternatives = e.candidates();
      r.message = e.what();
    } catch (const parse_error& e) {  // not UTF-8: a name that matches no unit
      r.state = name_resolution::outcome::unknown;
      r.message = e.what();
    }
    return r;
  }

  // Resolves every application's unit: the file's `unit` where the encoder gives it, else the
  // applicant's name. Findings are grouped by fund and name (its key), so a name misspelt
  // in many rows gives one finding listing them.
  void resolve_units() {
    struct group {
      std::string fund, name;
      const name_resolution* resolution = nullptr;
      std::vector<std::string> rows;
      std::vector<std::string> file_units;  // the encoder's unit ids, where given
      source_ref source;
    };
    std::vector<group> unresolved;
    std::map<std::pair<std::string, std::string>, std::size_t> unresolved_index;
    std::vector<group> unknown_ids;
    std::map<std::pair<std::string, std::string>, std::size_t> unknown_id_index;
    std::vector<unit_group> invalid;
    std::map<std::tuple<std::string, std::string, bool>, std::size_t> invalid_index;
    // Granted to a unit that exists on the document's date but ceases during the round's year:
    // whoever reports on and repays the funds is then its successor.
    std::vector<unit_group> ceasing;
    std::map<std::pair<std::string, std::string>, std::size_t> ceasing_index;
    const calendar_date year_end(round_.year, 12, 31);
    const auto note_ceasing = [&](const application& a, const unit& u) {
      if (!is_granted(a.outcome) || !u.valid_on(round_.document.dated) || !u.valid_until ||
          *u.valid_until >= year_end)
        return;
      auto [it, inserted] = ceasing_index.try_emplace({a.fund, u.id}, ceasing.size());
      if (inserted) ceasing.push_back({a.fund, &u, {}, false, a.source, {}});
      ceasing[it->second].rows.push_back(a.id);
    };

    const auto note_invalid = [&](std::size_t index, const unit& u, bool co_applicant) {
      const application& a = round_.applications[index];
      if (u.valid_on(round_.document.dated)) return;
      const auto key = std::make_tuple(a.fund, u.id, co_applicant);
      auto [it, inserted] = invalid_index.try_emplace(key, invalid.size());
      if (inserted) invalid.push_back({a.fund, &u, {}, co_applicant, a.source, {}});
      invalid[it->second].rows.push_back(a.id);
      invalid[it->second].indices.push_back(index);
    };
    const auto note_unknown_id = [&](const application& a, const std::string& id) {
      auto [it, inserted] = unknown_id_index.try_emplace({a.fund, id}, unknown_ids.size());
      if (inserted) unknown_ids.push_back({a.fund, id, nullptr, {}, {}, a.source});
      unknown_ids[it->second].rows.push_back(a.id);
    };

    for (std::size_t i = 0; i < round_.applications.size(); ++i) {
      const application& a = round_.applications[i];
      const name_resolution& by_name = resolve_name(a.applicant);
      const unit* by_file = nullptr;
      if (a.unit) {
        by_file = units_.find(*a.unit);
        if (!by_file) note_unknown_id(a, *a.unit);
      }
      unit_of_[i] = a.unit ? by_file : by_name.resolved;
      if (by_name.state == name_resolution::outcome::unknown ||
          by_name.state == name_resolution::outcome::ambiguous) {
        // By the name's key, as the registry and the duplicates check compare names: a decomposed
        // "ö" or a zero-width space does not make the same name a second finding.
        auto [it, inserted] = unresolved_index.try_emplace({a.fund, name_key(a.applicant)}, unresolved.size());
        if (inserted) unresolved.push_back({a.fund, a.applicant, &by_name, {}, {}, a.source});
        unresolved[it->second].rows.push_back(a.id);
        if (by_file) unresolved[it->second].file_units.push_back(by_file->name);
      }
      if (unit_of_[i]) {
        note_invalid(i, *unit_of_[i], false);
        note_ceasing(a, *unit_of_[i]);
      }
      for (const auto& co : a.co_applicants) {
        if (const unit* u = units_.find(co)) note_invalid(i, *u, true);
        else note_unknown_id(a, co);
      }
    }

    for (const auto& g : unresolved) {
      const bool ambiguous = g.resolution->state == name_resolution::outcome::ambiguous;
      // A name that names several units, one of which the round file records as the applicant,
      // was settled by the encoder (a joint application): worth knowing, not a problem. So is a
      // name that matches nothing when every row of it has a `unit` the registry knows: the
      // format gives `unit` only where the encoder is certain (docs/round-format.md), and the
      // checks per förvaltning use it. Without a `unit` on every row, some rows lack a unit.
      const auto& candidates = g.resolution->alternatives;
      const bool settled =
          !g.file_units.empty() &&
          (ambiguous ? std::all_of(g.file_units.begin(), g.file_units.end(),
                                   [&](const std::string& name) {
                                     return std::find(candidates.begin(), candidates.end(), name) != candidates.end();
                                   })
                     : g.file_units.size() == g.rows.size());
      finding f = found(ambiguous ? finding_code::ambiguous_unit : finding_code::unknown_unit,
                        settled ? severity::info : severity::warning, g.fund, g.rows);
      f.quote = g.name;
      f.source = g.source;
      const std::string alternatives = detail::joined(g.resolution->alternatives);
      if (settled && ambiguous) {
        f.message_sv = "Sökande \"" + g.name + "\" nämner flera förvaltningar (" + alternatives + "); gäller " +
                       rows_sv(g.rows) + ".";
        f.message_en = "Applicant \"" + g.name + "\" names several administrations (" + alternatives +
                       "); concerns " + rows_en(g.rows) + ".";
      } else if (ambiguous) {
        f.message_sv = "Sökande \"" + g.name + "\" kan avse flera förvaltningar (" + alternatives +
                       "); kontroller per förvaltning saknar enhet för " + rows_sv(g.rows) + ".";
        f.message_en = "Applicant \"" + g.name + "\" may name several administrations (" + alternatives +
                       "); checks per administration lack a unit for " + rows_en(g.rows) + ".";
      } else {
        const std::string hint_sv = alternatives.empty() ? "" : " (menas " + alternatives + "?)";
        const std::string hint_en = alternatives.empty() ? "" : " (did you mean " + alternatives + "?)";
        f.message_sv = "Sökande \"" + g.name + "\" motsvarar ingen känd enhet" + hint_sv + "; gäller " +
                       rows_sv(g.rows) + ".";
        f.message_en = "Applicant \"" + g.name + "\" matches no known unit" + hint_en + "; concerns " +
                       rows_en(g.rows) + ".";
      }
      if (!g.file_units.empty()) {
        f.message_sv += " Rundfilen läser den som " + g.file_units.front() + ".";
        f.message_en += " The round file reads it as " + g.file_units.front() + ".";
        f.reading = "the round file's unit for " + rows_en(g.rows) + ": " + g.file_units.front();
      }
      findings_.push_back(std::move(f));
    }
    for (const auto& g : unknown_ids) {
      finding f = found(finding_code::unknown_unit, severity::error, g.fund, g.rows);
      f.source = g.source;
      f.message_sv = "Rundfilen anger enheten \"" + g.name + "\", som inte finns i enhetsregistret; gäller " +
                     rows_sv(g.rows) + ".";
      f.message_en = "The round file names unit \"" + g.name + "\", which is not in the unit registry; concerns " +
                     rows_en(g.rows) + ".";
      findings_.push_back(std::move(f));
    }
    for (const auto& g : invalid) {
      finding f = found(finding_code::unit_not_valid_on_date, severity::warning, g.fund, g.rows);
      f.quote = g.u->name;
      f.source = g.source;
      const calendar_date day = round_.document.dated;
      const unit* successor = units_.successor_on(*g.u, day);
      const std::string role_sv = g.co_applicant ? "Medsökande " : "";
      const std::string role_en = g.co_applicant ? "Co-applicant " : "";
      f.message_sv = role_sv + g.u->name + " fanns inte " + day.to_string() + " (dokumentets datum)";
      f.message_en = role_en + g.u->name + " did not exist on " + day.to_string() + " (the document's date)";
      if (successor) {
        f.message_sv += "; dess efterföljare då var " + successor->name;
        f.message_en += "; its successor then was " + successor->name;
      }
      f.message_sv += "; gäller " + rows_sv(g.rows) + ".";
      f.message_en += "; concerns " + rows_en(g.rows) + ".";
      for (const std::size_t i : g.indices) {
        for (const auto& r : round_.applications[i].readings)
          if (r.field == "unit" || r.field == "co_applicants") add_reading(f, r.text);
      }
      findings_.push_back(std::move(f));
    }
    report_ceasing(ceasing);
  }

  void report_ceasing(const std::vector<unit_group>& ceasing) {
    for (const auto& g : ceasing) {
      finding f = found(finding_code::unit_not_valid_on_date, severity::info, g.fund, g.rows);
      f.quote = g.u->name;
      f.source = g.source;
      const calendar_date last = *g.u->valid_until;
      const unit* successor = units_.successor_on(*g.u, calendar_date(round_.year, 12, 31));
      f.message_sv = g.u->name + " fanns på dokumentets datum men upphörde efter " + last.to_string() +
                     ", under året " + std::to_string(round_.year) + " som medlen avser";
      f.message_en = g.u->name + " existed on the document's date but ceased after " + last.to_string() +
                     ", during the year " + std::to_string(round_.year) + " the funds are for";
      if (successor) {
        f.message_sv += "; därefter svarar " + successor->name + " för medlen";
        f.message_en += "; " + successor->name + " answers for the funds after that";
      }
      f.message_sv += "; gäller " + rows_sv(g.rows) + ".";
      f.message_en += "; concerns " + rows_en(g.rows) + ".";
      findings_.push_back(std::move(f));
    }
  }

  // The förvaltning an application counts as on the document's date, or nullptr when its unit
  // is not known.
  const unit* forvaltning_of(std::size_t index) const {
    return unit_of_[index] ? &units_.forvaltning_on(*unit_of_[index], round_.document.dated) : nullptr;
  }

  // --- per application ---------------------------------------------------------------------
  const std::vector<std::size_t>& rows_of(const std::string& fund_id) const {
    static const std::vector<std::size_t> none;
    const auto it = rows_of_fund_.find(fund_id);
    return it == rows_of_fund_.end() ? none : it->second;
  }

  // A finding that uses an amount the row does not print says how it is known: the statement it
  // is derived from, and the reading.
  static void note_basis(finding& x, const known_amount& k) {
    if (k.basis == amount_basis::printed) return;
    if (k.basis == amount_basis::statement && x.statement.empty()) x.statement = k.statement;
    add_reading(x, k.reading);
  }

  static std::string shown_sv(const known_amount& k) { return amount(k.value) + basis_note(k).first; }
  static std::string shown_en(const known_amount& k) { return amount(k.value) + basis_note(k).second; }

  // The decision word against the amounts: the printed ones, and those a stated total fixes
  // (an amount the decision word itself fixes agrees with it by definition). A row is every
  // finding it is: a partial grant above its whole request is also a grant above the request.
  void check_amounts_and_decisions(const fund& f) {
    for (const std::size_t i : rows_of(f.id)) {
      const application& a = round_.applications[i];
      const auto requested = amounts_.requested(a);
      const auto granted = amounts_.granted(a);
      if (granted && requested && granted->value > requested->value) {
        finding x = found(finding_code::grant_exceeds_request, severity::error, f.id, {a.id});
        x.expected = figure::of(requested->value);
        x.actual = figure::of(granted->value);
        x.source = a.source;
        x.quote = a.project;
        x.message_sv = a.id + ": beviljat " + shown_sv(*granted) + " är mer än ansökt " + shown_sv(*requested) + ".";
        x.message_en = a.id + ": granted " + shown_en(*granted) + " is more than requested " + shown_en(*requested) + ".";
        note_basis(x, *granted);
        note_basis(x, *requested);
        findings_.push_back(std::move(x));
      }
      if (!granted) continue;
      const Krona zero;
      const Krona grant = granted->value;
      std::string why_sv, why_en;
      std::optional<figure> expected;
      switch (a.outcome) {
        case decision::rejected:
          if (grant != zero) {
            why_sv = "avslag men beviljat " + shown_sv(*granted);
            why_en = "rejected but granted " + shown_en(*granted);
            expected = figure::of(zero);
          }
          break;
        case decision::granted:
          if (grant == zero) {
            why_sv = "beviljas men beviljat belopp är 0 kr" + basis_note(*granted).first;
            why_en = "granted but the amount granted is 0 kr" + basis_note(*granted).second;
          } else if (requested && grant != requested->value) {
            why_sv = "beviljas i sin helhet men beviljat " + shown_sv(*granted) + " av ansökt " + shown_sv(*requested);
            why_en = "granted in full but granted " + shown_en(*granted) + " of " + shown_en(*requested) + " requested";
            expected = figure::of(requested->value);
          }
          break;
        case decision::partly_granted:
          if (grant == zero) {
            why_sv = "beviljas delvis men beviljat belopp är 0 kr" + basis_note(*granted).first;
            why_en = "partly granted but the amount granted is 0 kr" + basis_note(*granted).second;
          } else if (requested && grant == requested->value) {
            why_sv = "beviljas delvis men hela det ansökta beloppet " + shown_sv(*requested) + " beviljas";
            why_en = "partly granted but the whole amount requested, " + shown_en(*requested) + ", is granted";
          } else if (requested && grant > requested->value) {
            why_sv = "beviljas delvis men beviljat " + shown_sv(*granted) + " är mer än hela det ansökta beloppet " +
                     shown_sv(*requested);
            why_en = "partly granted but granted " + shown_en(*granted) + ", more than the whole amount requested, " +
                     shown_en(*requested);
          }
          break;
      }
      if (why_en.empty()) continue;
      finding x = found(finding_code::decision_amount_mismatch, severity::error, f.id, {a.id});
      x.expected = expected;
      x.actual = figure::of(grant);
      x.source = a.source;
      x.quote = a.reason;
      x.message_sv = a.id + ": " + why_sv + ".";
      x.message_en = a.id + ": " + why_en + ".";
      note_basis(x, *granted);
      if (requested) note_basis(x, *requested);
      findings_.push_back(std::move(x));
    }
  }

  // The fund's cap (anslag::cap_rule) on each row, decided by anslag::test_cap as `evaluate`
  // decides it: a CAP_EXCEEDED for each verdict not met, one MISSING_DATA for those unknown.
  void check_caps(const fund& f) {
    const rule* cap_rule = limits_.cap_rule(f.id);
    if (!cap_rule) return;
    const Krona cap = *cap_rule->amount;
    std::vector<std::string> unknown_requests;
    for (const std::size_t i : rows_of(f.id)) {
      const application& a = round_.applications[i];
      const cap_test test = test_cap(cap, amounts_.requested(a), amounts_.granted(a));
      if (test.state == verdict_state::unknown) unknown_requests.push_back(a.id);
      if (test.state != verdict_state::not_met) continue;
      // A request over the cap that was rejected is a rule enforced, not broken.
      finding x = found(finding_code::cap_exceeded,
                        test.on_grant || is_granted(a.outcome) ? severity::error : severity::warning, f.id, {a.id});
      x.expected = figure::of(cap);
      x.actual = figure::of(test.amount->value);
      x.message_sv = a.id + ": " + (test.on_grant ? "beviljat " : "ansökt ") + shown_sv(*test.amount) +
                     " överstiger högsta belopp per ansökan, " + amount(cap) + ".";
      x.message_en = a.id + ": " + (test.on_grant ? "granted " : "requested ") + shown_en(*test.amount) +
                     " exceeds the cap per application, " + amount(cap) + ".";
      x = citing(std::move(x), *cap_rule);
      note_basis(x, *test.amount);
      findings_.push_back(std::move(x));
    }
    if (unknown_requests.empty()) return;
    finding x = found(finding_code::missing_data, severity::info, f.id, unknown_requests);
    x.expected = figure::of(cap);
    x.message_sv = "Ansökt belopp anges inte för " + std::to_string(unknown_requests.size()) +
                   " ansökningar (" + rows_sv(unknown_requests) + "); att ansökan håller sig inom " +
                   amount(cap) + " kan inte prövas.";
    x.message_en = "The requested amount is not given for " + std::to_string(unknown_requests.size()) +
                   " applications (" + rows_en(unknown_requests) + "); whether each request stays within " +
                   amount(cap) + " cannot be checked.";
    x.reading = "beviljas (granted in full) means granted as requested: full grants are checked through their grants";
    findings_.push_back(citing(std::move(x), *cap_rule));
  }

  // Conditions every granted application must meet: required criteria, exclusions, the
  // application window and the approved-report condition. The verdicts are the rules layer's
  // (anslag::judge), so a condition means the same in an evaluation and in the audit.
  //
  // Rules that cannot tell two rows apart differently (criteria nobody assessed, approved-report
  // conditions, windows with the same dates) over the same funds give the same verdicts: they
  // are judged once as a group, and each finding names every rule of its group. Findings wait
  // in condition_findings_ to be reported with their fund's.
  void check_required_conditions() {
    std::unordered_map<std::string_view, std::vector<std::size_t>> assessing;  // rule id → rows
    for (std::size_t i = 0; i < round_.applications.size(); ++i)
      for (const auto& [rule_id, ignored] : round_.applications[i].assessments) assessing[rule_id].push_back(i);

    using group_key = std::tuple<int, std::string, std::optional<calendar_date>, std::optional<calendar_date>, std::vector<std::string>>;
    std::map<group_key, std::size_t> group_of;
    std::vector<std::vector<const rule*>> groups;
    for (const auto& r : round_.rules) {
      const bool assessed = r.kind == rule_kind::required_criterion || r.kind == rule_kind::exclusion;
      const bool condition = assessed || r.kind == rule_kind::application_window || r.kind == rule_kind::approved_report;
      if (!condition || !has_verdict(r)) continue;
      // An assessed rule that some row assesses is a group of its own: its id keys it.
      const bool own = assessed && assessing.count(r.id);
      group_key key{static_cast<int>(assessed ? rule_kind::required_criterion : r.kind), own ? r.id : "",
                    r.from, r.to, scope_of(r.funds)};
      const auto [it, inserted] = group_of.try_emplace(std::move(key), groups.size());
      if (inserted) groups.emplace_back();
      groups[it->second].push_back(&r);
    }
    for (const auto& group : groups) check_condition_group(group);
  }

  // The funds a rule or statement names, sorted and each once; empty when it names every fund.
  std::vector<std::string> scope_of(const std::vector<std::string>& funds) const {
    std::vector<std::string> scope = funds;
    std::sort(scope.begin(), scope.end());
    scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
    const bool every = scope.size() == round_.funds.size() &&
                       std::all_of(scope.begin(), scope.end(), [&](const std::string& id) { return round_.find_fund(id); });
    if (every) scope.clear();
    return scope;
  }

  // The funds of a scope, in the round's order.
  std::vector<const fund*> funds_in(const std::vector<std::string>& scope) const {
    std::vector<const fund*> out;
    for (const auto& f : round_.funds)
      if (scope.empty() || std::binary_search(scope.begin(), scope.end(), f.id)) out.push_back(&f);
    return out;
  }

  void check_condition_group(const std::vector<const rule*>& group) {
    const rule& r = *group.front();
    std::vector<std::string> ids;
    for (const rule* u : group) ids.push_back(u->id);
    const std::string also_sv = group.size() > 1 ? " (likaså " + rules_sv({ids.begin() + 1, ids.end()}) + ")" : "";
    const std::string also_en = group.size() > 1 ? " (likewise " + rules_en({ids.begin() + 1, ids.end()}) + ")" : "";
    for (const fund* f : funds_in(scope_of(r.funds))) {
      std::vector<finding>& out = condition_findings_[f->id];
      std::vector<std::string> unknown;
      for (const std::size_t i : rows_of(f->id)) {
        const application& a = round_.applications[i];
        if (!is_granted(a.outcome)) continue;
        const verdict v = judge(round_, a, r, units_);
        if (v.state == verdict_state::unknown) unknown.push_back(a.id);
        if (v.state != verdict_state::not_met) continue;
        finding x = found(finding_code::required_criterion_not_met, severity::error, f->id, {a.id});
        x.message_sv = a.id + " beviljas, men: " + v.explanation_sv + also_sv;
        x.message_en = a.id + " is granted, but: " + v.explanation_en + also_en;
        out.push_back(citing(std::move(x), r));
      }
      if (unknown.empty()) continue;
      finding x = found(finding_code::missing_data, severity::info, f->id, unknown);
      const bool assessed = r.kind == rule_kind::required_criterion || r.kind == rule_kind::exclusion;
      const std::string data_sv = assessed ? "ingen bedömning mot regeln" : r.kind == rule_kind::application_window
                                                                                ? "inget ansökningsdatum"
                                                                                : "ingen uppgift om godkänd rapport";
      const std::string data_en = assessed ? "no assessment against the rule" : r.kind == rule_kind::application_window
                                                                                    ? "no date of application"
                                                                                    : "no word on an approved report";
      const std::string named_sv = group.size() > 1 ? "reglerna " + rules_sv(ids) : "regeln " + r.id;
      const std::string named_en = group.size() > 1 ? "rules " + rules_en(ids) : "rule " + r.id;
      x.message_sv = "Dokumentet ger " + data_sv + " för " + std::to_string(unknown.size()) +
                     " beviljade ansökningar (" + rows_sv(unknown) + "); " + named_sv + " kan inte prövas för dem.";
      x.message_en = "The document gives " + data_en + " for " + std::to_string(unknown.size()) +
                     " granted applications (" + rows_en(unknown) + "); " + named_en + " cannot be checked for them.";
      out.push_back(citing(std::move(x), r));
    }
  }

  // The fund's per-förvaltning limit (anslag::unit_limit_rule), as `evaluate` decides it: a
  // förvaltning granted more than the limit is a finding; a row whose verdict is unknown (its
  // unit is unknown, or rows of unknown unit could take its förvaltning past the limit) is
  // listed in one MISSING_DATA.
  void check_unit_limits(const fund& f) {
    const rule* limit_rule = limits_.unit_limit_rule(f.id);
    if (!limit_rule) return;
    const std::int64_t limit = *limit_rule->count;
    std::map<std::string, std::vector<std::size_t>> granted_by_forvaltning;
    std::vector<std::size_t> unknown;
    for (const std::size_t i : rows_of(f.id)) {
      if (!is_granted(round_.applications[i].outcome)) continue;
      if (const unit* fv = forvaltning_of(i)) granted_by_forvaltning[fv->id].push_back(i);
      else unknown.push_back(i);
    }
    const auto ids = [&](const std::vector<std::size_t>& rows) {
      std::vector<std::string> out;
      for (const std::size_t i : rows) out.push_back(round_.applications[i].id);
      return out;
    };
    std::vector<std::size_t> undecided;  // known unit, but the unknown ones could exceed the limit
    for (const auto& [id, indices] : granted_by_forvaltning) {
      const auto granted = static_cast<std::int64_t>(indices.size());
      if (granted <= limit) {
        if (granted + static_cast<std::int64_t>(unknown.size()) > limit)
          undecided.insert(undecided.end(), indices.begin(), indices.end());
        continue;
      }
      const std::vector<std::string> rows = ids(indices);
      const std::string name = units_.find(id)->name;
      finding x = found(finding_code::unit_limit_exceeded, severity::error, f.id, rows);
      x.expected = figure::of_count(limit);
      x.actual = figure::of_count(granted);
      x.message_sv = name + " beviljas " + std::to_string(rows.size()) + " ansökningar (" + rows_sv(rows) +
                     "); högst " + std::to_string(limit) + " per förvaltning.";
      x.message_en = name + " is granted " + std::to_string(rows.size()) + " applications (" + rows_en(rows) +
                     "); at most " + std::to_string(limit) + " per administration.";
      findings_.push_back(citing(std::move(x), *limit_rule));
    }
    if (unknown.empty()) return;
    std::sort(undecided.begin(), undecided.end());
    std::vector<std::size_t> all = unknown;
    all.insert(all.end(), undecided.begin(), undecided.end());
    std::sort(all.begin(), all.end());
    const std::vector<std::string> unknown_ids = ids(unknown);
    finding x = found(finding_code::missing_data, severity::info, f.id, ids(all));
    x.message_sv = "Förvaltningen är okänd för " + std::to_string(unknown.size()) + " beviljade ansökningar (" +
                   rows_sv(unknown_ids) + "); gränsen per förvaltning kan inte prövas för dem";
    x.message_en = "The administration is unknown for " + std::to_string(unknown.size()) +
                   " granted applications (" + rows_en(unknown_ids) + "); the limit per administration cannot be checked for them";
    if (!undecided.empty()) {
      const std::vector<std::string> undecided_ids = ids(undecided);
      x.message_sv += ", och inte heller för " + rows_sv(undecided_ids) + ", vars förvaltning de kan föra över gränsen";
      x.message_en += ", nor for " + rows_en(undecided_ids) + ", whose administration they could take past it";
    }
    x.message_sv += ".";
    x.message_en += ".";
    findings_.push_back(citing(std::move(x), *limit_rule));
  }

  // A name's comparison key; a name that is not UTF-8 is compared as written.
  static std::string name_key(const std::string& text) {
    try {
      return normalize_unit_name(text);
    } catch (const parse_error&) {
      return text;
    }
  }

  // The same applicant (its förvaltning's department, or its name) twice for the same project
  // or destination in one fund.
  void check_duplicates(const fund& f) {
    const rule* one_grant = one_grant_rule(f);
    // The key of a row: "who \x1f what"; empty when the applicant is unnamed (no comparison).
    const auto key_of = [&](std::size_t i) {
      const application& a = round_.applications[i];
      std::string key = unit_of_[i] ? unit_of_[i]->id : name_key(a.applicant);
      if (key.empty()) return key;
      key += '\x1f';
      key += name_key(a.destination ? *a.destination : a.project);
      return key;
    };
    // Rows sorted by the hash of their key: equal keys become neighbours without a node or a
    // vector per row; within a run of equal hashes the keys themselves decide.
    std::vector<std::pair<std::size_t, std::size_t>> hashed;  // (hash of key, row)
    for (const std::size_t i : rows_of(f.id)) {
      const std::string key = key_of(i);
      if (!key.empty()) hashed.emplace_back(std::hash<std::string>{}(key), i);
    }
    std::sort(hashed.begin(), hashed.end());
    std::vector<std::vector<std::size_t>> duplicates;
    for (std::size_t begin = 0, end = 0; begin < hashed.size(); begin = end) {
      for (end = begin + 1; end < hashed.size() && hashed[end].first == hashed[begin].first; ++end) {
      }
      if (end - begin < 2) continue;
      std::map<std::string, std::vector<std::size_t>> same;  // rows ascending within each key
      for (std::size_t k = begin; k < end; ++k) same[key_of(hashed[k].second)].push_back(hashed[k].second);
      for (auto& [ignored, members] : same)
        if (members.size() > 1) duplicates.push_back(std::move(members));
    }
    // In the order of each group's first row, so that the report does not depend on hashing.
    std::sort(duplicates.begin(), duplicates.end(),
              [](const auto& a, const auto& b) { return a.front() < b.front(); });
    for (const auto& members : duplicates) {
      std::vector<std::string> rows;
      std::size_t granted = 0;
      for (std::size_t i : members) {
        rows.push_back(round_.applications[i].id);
        if (is_granted(round_.applications[i].outcome)) ++granted;
      }
      const application& first = round_.applications[members.front()];
      finding x = found(finding_code::duplicate_application, granted > 1 ? severity::warning : severity::info, f.id,
                        rows);
      x.actual = figure::of_count(static_cast<std::int64_t>(granted));
      x.source = first.source;
      x.quote = first.destination ? *first.destination : first.project;
      x.message_sv = std::to_string(rows.size()) + " ansökningar från " + first.applicant + " avser samma sak (" +
                     rows_sv(rows) + "); " + std::to_string(granted) + " av dem beviljas.";
      x.message_en = std::to_string(rows.size()) + " applications from " + first.applicant + " are for the same thing (" +
                     rows_en(rows) + "); " + std::to_string(granted) + " of them granted.";
      if (one_grant) {
        x = citing(std::move(x), *one_grant);
        x.expected = figure::of_count(1);
      }
      findings_.push_back(std::move(x));
    }
  }

  void check_budget(const fund& f) {
    exact_sum known;
    std::vector<std::string> unknown;
    std::map<std::string, std::vector<std::string>> not_printed;  // reading → rows whose grant rests on it
    for (const std::size_t i : rows_of(f.id)) {
      const application& a = round_.applications[i];
      if (const auto granted = amounts_.granted(a)) {
        known += granted->value;
        if (granted->basis != amount_basis::printed) not_printed[granted->reading].push_back(a.id);
      } else if (is_granted(a.outcome)) {
        unknown.push_back(a.id);
      }
    }
    const auto with_readings = [&](finding x) {
      for (const auto& [text, rows] : not_printed) add_reading(x, text + " (" + rows_en(rows) + ")");
      return x;
    };
    if (known.value > f.budget.ore()) {
      finding x = found(finding_code::budget_exceeded, severity::error, f.id);
      x.expected = figure::of(f.budget);
      x.actual = known.as_amount();
      x.message_sv = "Beviljade belopp i " + f.id + " summerar till " + amount(known) + ", mer än de avsatta " +
                     amount(f.budget) + (unknown.empty() ? "" : " (utan de okända beloppen)") + ".";
      x.message_en = "Grants in " + f.id + " sum to " + amount(known) + ", more than the " + amount(f.budget) +
                     " set aside" + (unknown.empty() ? "" : " (without the unknown amounts)") + ".";
      findings_.push_back(with_readings(std::move(x)));
    } else if (!unknown.empty()) {
      finding x = found(finding_code::missing_data, severity::info, f.id, unknown);
      x.expected = figure::of(f.budget);
      x.actual = known.as_amount();
      x.message_sv = "Beviljat belopp saknas för " + rows_sv(unknown) + "; att " + f.id + " håller sig inom " +
                     amount(f.budget) + " kan inte prövas fullt ut (kända belopp: " + amount(known) + ").";
      x.message_en = "The amount granted is missing for " + rows_en(unknown) + "; whether " + f.id + " stays within " +
                     amount(f.budget) + " cannot be fully checked (known amounts: " + amount(known) + ").";
      findings_.push_back(with_readings(std::move(x)));
    }
  }

  // --- statements ---------------------------------------------------------------------------
  std::string scope_name(const statement& s) const {
    if (s.funds.empty()) return "";
    if (s.funds.size() == 1) return s.funds.front();
    return "";
  }
  std::string scope_text(const statement& s) const {
    if (s.funds.empty()) return "alla fonder / all funds";
    std::string out;
    for (const auto& f : s.funds) out += (out.empty() ? "" : "+") + f;
    return out;
  }

  // The rows a statement covers, in the round's order.
  std::vector<std::size_t> rows_in(const statement& s) const {
    std::vector<std::size_t> rows;
    const auto scope = scope_of(s.funds);
    if (s.funds.empty() || scope.empty()) {
      rows.resize(round_.applications.size());
      for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
      return rows;
    }
    for (const auto& f : scope) {
      const auto& in_fund = rows_of(f);
      rows.insert(rows.end(), in_fund.begin(), in_fund.end());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  // What two statements must share to state the same thing: kind, scope (sorted; empty for
  // every fund), decision and applicant kind.
  using statement_key =
      std::tuple<statement_kind, std::vector<std::string>, std::optional<decision>, std::optional<unit_kind>>;
  statement_key key_of(const statement& s) const {
    return {s.kind, scope_of(s.funds), s.of_decision, s.applicant_kind};
  }
  static figure value_of(const statement& s) {
    return s.amount ? figure::of(*s.amount) : figure::of_count(s.count.value_or(0));
  }
  // A statement's figure, to compare two.
  static std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> value_key(const statement& s) {
    return {s.amount ? std::optional<std::int64_t>(s.amount->ore()) : std::nullopt, s.count};
  }

  // Each statement against the rows: the first statement of each thing (statement_key) is
  // checked; a later one of the same figure is named in its findings, and a later one of another
  // figure is reported against the first (check_statements_agree). So copies of a sentence do
  // not repeat a finding, and the cost grows with the things stated, not with copies × rows.
  void check_statements() {
    std::map<statement_key, std::size_t> group_of;
    std::vector<std::vector<const statement*>> groups;
    for (const auto& s : round_.statements) {
      if (!s.amount && !s.count) continue;
      const auto [it, inserted] = group_of.try_emplace(key_of(s), groups.size());
      if (inserted) groups.emplace_back();
      groups[it->second].push_back(&s);
    }
    for (const auto& group : groups) {
      const statement& s = *group.front();
      const std::size_t before = findings_.size();
      switch (s.kind) {
        case statement_kind::requested_total:
        case statement_kind::granted_total: check_total(s); break;
        case statement_kind::application_count:
        case statement_kind::decision_count: check_row_count(s); break;
        case statement_kind::applicant_count: check_applicant_count(s); break;
      }
      std::vector<std::string> same;
      for (std::size_t k = 1; k < group.size(); ++k)
        if (value_key(*group[k]) == value_key(s)) same.push_back(group[k]->id);
      if (same.empty()) continue;
      for (std::size_t k = before; k < findings_.size(); ++k) {
        findings_[k].message_sv += " Samma uppgift står i " + rows_sv(same) + ".";
        findings_[k].message_en += " The same figure is stated in " + rows_en(same) + ".";
      }
    }
  }

  void check_total(const statement& s) {
    if (!s.amount) return;
    const bool requested = s.kind == statement_kind::requested_total;
    const std::string what_sv = requested ? "ansökta belopp" : "beviljade belopp";
    const std::string what_en = requested ? "requested amounts" : "granted amounts";
    exact_sum known;
    std::vector<const application*> unknown;
    for (const std::size_t i : rows_in(s)) {
      const application& a = round_.applications[i];
      const auto& value = requested ? a.requested : a.granted;
      if (value) known += *value;
      else unknown.push_back(&a);
    }
    // A mismatch, unless the decisions account for the unknown values (a derived value, below).
    finding x = found(finding_code::total_mismatch, severity::error, scope_name(s));
    x.expected = figure::of(*s.amount);
    x.actual = known.as_amount();
    const detail::wide stated = s.amount->ore();
    if (unknown.empty()) {
      if (known.value == stated) return;
      const std::string beyond_sv = x.actual ? "" : " (utanför beloppens område)";
      const std::string beyond_en = x.actual ? "" : " (beyond the range of amounts)";
      x.message_sv = "Angiven summa av " + what_sv + " (" + scope_text(s) + ") är " + amount(*s.amount) +
                     ", men raderna summerar till " + amount(known) + beyond_sv + " (skillnad " +
                     amount(stated - known.value) + ").";
      x.message_en = "The stated sum of " + what_en + " (" + scope_text(s) + ") is " + amount(*s.amount) +
                     ", but the rows sum to " + amount(known) + beyond_en + " (difference " +
                     amount(stated - known.value) + ").";
      findings_.push_back(citing(std::move(x), s));
      return;
    }

    // What the decisions say of the unknown values. Requested: a full grant was granted as
    // requested; a partial grant is less than its request; a rejection says nothing. Granted:
    // a rejection grants nothing; any grant is more than nothing.
    exact_sum implied;  // exactly known through the decision word
    detail::wide lower = 0;  // the least the other unknown values can sum to
    std::vector<std::string> implied_rows, open_rows, all_rows;
    for (const application* a : unknown) {
      all_rows.push_back(a->id);
      if (requested && a->outcome == decision::granted && a->granted) {
        implied += *a->granted;
        implied_rows.push_back(a->id);
      } else if (!requested && a->outcome == decision::rejected) {
        implied_rows.push_back(a->id);
      } else {
        if (requested && a->outcome == decision::partly_granted && a->granted) lower += a->granted->ore() + 1;
        if (!requested) lower += 1;
        open_rows.push_back(a->id);
      }
    }
    const detail::wide derived = stated - known.value;  // the sum of the unknown values
    const std::string reading_text(requested ? std::string(full_grant_reading) +
                                                   "; delvis beviljas (granted in part) means less than requested"
                                             : std::string(rejection_reading));
    x.rows = all_rows;
    if (derived < implied.value + lower || (open_rows.empty() && derived != implied.value)) {
      x.message_sv = "Angiven summa av " + what_sv + " (" + scope_text(s) + ") är " + amount(*s.amount) +
                     "; kända rader ger " + amount(known) + " och besluten kräver " +
                     (open_rows.empty() ? "exakt " : "minst ") + amount(implied.value + lower) + " för de " +
                     std::to_string(all_rows.size()) + " okända, men bara " + amount(derived) + " återstår.";
      x.message_en = "The stated sum of " + what_en + " (" + scope_text(s) + ") is " + amount(*s.amount) +
                     "; the known rows give " + amount(known) + " and the decisions require " +
                     (open_rows.empty() ? "exactly " : "at least ") + amount(implied.value + lower) + " for the " +
                     std::to_string(all_rows.size()) + " unknown ones, but only " + amount(derived) + " remains.";
      x = citing(std::move(x), s);
      add_reading(x, reading_text);
      findings_.push_back(std::move(x));
      return;
    }
    x.code = finding_code::derived_value;
    x.level = severity::info;
    x.actual.reset();  // nothing is compared: the message gives the derived figures
    x.message_sv = "De " + std::to_string(all_rows.size()) + " okända " + what_sv + " (" + scope_text(s) +
                   ") summerar enligt angiven summa " + amount(*s.amount) + " till " + amount(derived) + ".";
    x.message_en = "By the stated sum " + amount(*s.amount) + ", the " + std::to_string(all_rows.size()) +
                   " unknown " + what_en + " (" + scope_text(s) + ") sum to " + amount(derived) + ".";
    if (!implied_rows.empty()) {
      const std::string basis_sv = requested ? " beviljas i sin helhet och ger " : " avslås och ger ";
      const std::string basis_en = requested ? " are granted in full and account for " : " are rejected and account for ";
      x.message_sv += " " + std::to_string(implied_rows.size()) + basis_sv + amount(implied) + "; ";
      x.message_en += " " + std::to_string(implied_rows.size()) + basis_en + amount(implied) + "; ";
      if (open_rows.empty()) {
        x.message_sv += "summan stämmer då exakt.";
        x.message_en += "the sum then agrees exactly.";
      } else {
        x.message_sv += "återstår " + amount(derived - implied.value) + " för " + rows_sv(open_rows) + ".";
        x.message_en += amount(derived - implied.value) + " remains for " + rows_en(open_rows) + ".";
      }
      add_reading(x, reading_text);
    }
    if (open_rows.size() == 1) {
      x.message_sv += " Det belopp för " + open_rows.front() + " används i kontrollerna av raden.";
      x.message_en += " That amount of " + open_rows.front() + " is used in the checks of the row.";
    }
    findings_.push_back(citing(std::move(x), s));
  }

  void check_row_count(const statement& s) {
    if (!s.count) return;
    std::int64_t rows = 0;
    for (const std::size_t i : rows_in(s))
      if (s.kind != statement_kind::decision_count || round_.applications[i].outcome == s.of_decision) ++rows;
    if (rows == *s.count) return;
    const std::string what_sv = s.kind == statement_kind::decision_count
                                    ? "ansökningar med beslutet " + std::string(to_string(*s.of_decision))
                                    : "ansökningar";
    const std::string what_en = s.kind == statement_kind::decision_count
                                    ? "applications with decision " + std::string(to_string(*s.of_decision))
                                    : "applications";
    finding x = found(finding_code::count_mismatch, severity::error, scope_name(s));
    x.expected = figure::of_count(*s.count);
    x.actual = figure::of_count(rows);
    x.message_sv = "Dokumentet anger " + std::to_string(*s.count) + " " + what_sv + " (" + scope_text(s) +
                   "), raderna visar " + std::to_string(rows) + ".";
    x.message_en = "The document states " + std::to_string(*s.count) + " " + what_en + " (" + scope_text(s) +
                   "); the rows show " + std::to_string(rows) + ".";
    findings_.push_back(citing(std::move(x), s));
  }

  // The number of applying förvaltningar: compared only when every application's unit is known.
  // The literal reading counts distinct förvaltningar of main applicants; when it fails, two
  // other readings are tried and named: co-applicants counted too, and applications counted.
  void check_applicant_count(const statement& s) {
    if (!s.count) return;
    std::vector<std::string> unknown;
    std::set<std::string> main, with_co;
    std::int64_t applications = 0;
    const auto counts = [&](const unit& fv) { return !s.applicant_kind || fv.kind == *s.applicant_kind; };
    for (const std::size_t i : rows_in(s)) {
      const application& a = round_.applications[i];
      const unit* fv = forvaltning_of(i);
      if (!fv) {
        unknown.push_back(a.id);
        continue;
      }
      if (counts(*fv)) {
        main.insert(fv->id);
        with_co.insert(fv->id);
        ++applications;
      }
      for (const auto& co : a.co_applicants)
        if (const unit* u = units_.find(co); u && counts(units_.forvaltning_on(*u, round_.document.dated)))
          with_co.insert(units_.forvaltning_on(*u, round_.document.dated).id);
    }
    const auto [kind_text_sv, kind_text_en] = kind_plural(units_.kinds(), s.applicant_kind);
    // A mismatch, unless the units of some applications are unknown; how grave, the readings
    // below decide.
    finding x = found(finding_code::count_mismatch, severity::error, scope_name(s));
    x.expected = figure::of_count(*s.count);
    if (!unknown.empty()) {
      x.code = finding_code::missing_data;
      x.level = severity::info;
      x.rows = unknown;
      x.message_sv = "Antalet sökande " + kind_text_sv + " (angivet " + std::to_string(*s.count) +
                     ") kan inte prövas: förvaltningen är okänd för " + std::to_string(unknown.size()) +
                     " ansökningar (" + rows_sv(unknown) + ").";
      x.message_en = "The number of applying " + kind_text_en + " (stated " + std::to_string(*s.count) +
                     ") cannot be checked: the administration is unknown for " + std::to_string(unknown.size()) +
                     " applications (" + rows_en(unknown) + ").";
      findings_.push_back(citing(std::move(x), s));
      return;
    }
    const auto distinct = static_cast<std::int64_t>(main.size());
    if (distinct == *s.count) return;
    x.actual = figure::of_count(distinct);
    x.message_sv = "Dokumentet anger " + std::to_string(*s.count) + " sökande " + kind_text_sv + " (" +
                   scope_text(s) + "); raderna visar " + std::to_string(distinct);
    x.message_en = "The document states " + std::to_string(*s.count) + " applying " + kind_text_en + " (" +
                   scope_text(s) + "); the rows show " + std::to_string(distinct);
    x = citing(std::move(x), s);
    if (static_cast<std::int64_t>(with_co.size()) == *s.count) {
      x.level = severity::info;
      x.message_sv += ", och " + std::to_string(with_co.size()) + " när medsökande räknas: uppgiften stämmer med den läsningen.";
      x.message_en += ", and " + std::to_string(with_co.size()) + " when co-applicants (medsökande) are counted: the statement holds on that reading.";
      add_reading(x, "co-applicants (medsökande) counted as applicants");
    } else if (applications == *s.count) {
      x.level = severity::warning;
      x.message_sv += "; " + std::to_string(*s.count) + " är antalet ansökningar från dem, inte antalet " + kind_text_sv + ".";
      x.message_en += "; " + std::to_string(*s.count) + " is the number of applications from them, not of " + kind_text_en + ".";
      add_reading(x, "the stated number counts applications rather than administrations");
    } else {
      x.message_sv += ".";
      x.message_en += ".";
    }
    findings_.push_back(std::move(x));
  }

  // Statements against each other: two that state the same thing must agree, and a statement
  // over several funds must equal the sum of the same statement made for each fund. Sums are
  // exact, so figures past the range of an amount are a finding, not a failure.
  void check_statements_agree() {
    std::map<statement_key, const statement*> first;
    // Statements over several funds, the first of each thing: a later one of another figure
    // already differs from it (below).
    std::vector<std::pair<const statement*, statement_key>> several;
    for (const auto& s : round_.statements) {
      if (!s.amount && !s.count) continue;
      statement_key key = key_of(s);
      const auto [it, inserted] = first.try_emplace(key, &s);
      if (inserted && std::get<1>(key).size() != 1 && s.kind != statement_kind::applicant_count)
        several.emplace_back(&s, key);
      if (inserted || value_of(*it->second) == value_of(s)) continue;
      finding x = found(s.amount ? finding_code::total_mismatch : finding_code::count_mismatch, severity::error,
                        scope_name(s));
      x.expected = value_of(*it->second);
      x.actual = value_of(s);
      x.message_sv = "Två uppgifter om samma sak skiljer sig: " + it->second->id + " anger " +
                     value_of(*it->second).to_string() + ", " + s.id + " anger " + value_of(s).to_string() + ".";
      x.message_en = "Two statements of the same thing differ: " + it->second->id + " states " +
                     value_of(*it->second).to_string() + ", " + s.id + " states " + value_of(s).to_string() + ".";
      findings_.push_back(citing(std::move(x), s));
    }
    for (const auto& [s_ptr, key] : several) {
      const statement& s = *s_ptr;
      const auto funds = funds_in(std::get<1>(key));
      if (funds.size() < 2) continue;
      detail::wide sum = 0;
      std::string parts;
      bool complete = true;
      for (const fund* f : funds) {
        statement_key part = key;
        std::get<1>(part) = {f->id};
        const auto it = first.find(part);
        if (it == first.end()) {
          complete = false;
          break;
        }
        sum += it->second->amount ? detail::wide(it->second->amount->ore()) : detail::wide(it->second->count.value_or(0));
        parts += (parts.empty() ? "" : " + ") + value_of(*it->second).to_string() + " (" + it->second->id + ")";
      }
      if (!complete) continue;
      const detail::wide stated = s.amount ? detail::wide(s.amount->ore()) : detail::wide(*s.count);
      if (sum == stated) continue;
      const std::string sum_text = s.amount ? amount(sum) : count_text(sum);
      finding x = found(s.amount ? finding_code::total_mismatch : finding_code::count_mismatch, severity::error, "");
      x.expected = value_of(s);
      if (fits(sum))
        x.actual = s.amount ? figure::of(Krona::from_ore(detail::narrow(sum))) : figure::of_count(detail::narrow(sum));
      x.message_sv = "Angiven sammanlagd uppgift " + value_of(s).to_string() + " är inte summan av uppgifterna per fond: " +
                     parts + " = " + sum_text + ".";
      x.message_en = "The stated overall figure " + value_of(s).to_string() + " is not the sum of the figures per fund: " +
                     parts + " = " + sum_text + ".";
      findings_.push_back(citing(std::move(x), s));
    }
  }

  // The one_grant_per_destination rule of a fund (the last that applies, as a reader of the
  // rules in order would take it).
  const rule* one_grant_rule(const fund& f) const {
    const auto it = one_grant_by_fund_.find(f.id);
    const rule* named = it == one_grant_by_fund_.end() ? nullptr : it->second;
    if (!named) return one_grant_every_;
    if (!one_grant_every_) return named;
    return std::max(named, one_grant_every_);  // rules of one vector: the later one
  }

  const grant_round& round_;
  const unit_registry& units_;
  const fund_limits limits_;    // each fund's cap and per-förvaltning limit, from their rules
  const amount_facts amounts_;  // the amounts the rows, decisions and statements fix
  std::unordered_map<std::string_view, std::vector<std::size_t>> rows_of_fund_;  // in the round's order
  const rule* one_grant_every_ = nullptr;
  std::unordered_map<std::string_view, const rule*> one_grant_by_fund_;
  std::vector<const unit*> unit_of_;  // per application; nullptr when not known
  std::unordered_map<std::string, name_resolution> names_;
  std::unordered_map<std::string, std::vector<finding>> condition_findings_;  // by fund, in rule order
  std::vector<finding> findings_;
};

}  // namespace

report audit(const grant_round& r, const unit_registry& units) { return auditor(r, units).run(); }

}  // namespace anslag
