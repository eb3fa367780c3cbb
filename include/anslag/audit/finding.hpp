// A finding of the audit: what was checked, what the document states and what its rows show,
// which rule and which sentence it rests on, and whether it depends on an interpretation.
// The vocabulary of codes is fixed and defined in docs/audit.md.
//
// Thread safety: findings are values; the name look-ups are pure.
// Exceptions: none but std::bad_alloc; the look-ups are noexcept.
// Lifetimes: values only.
#pragma once

#include <anslag/export.hpp>
#include <anslag/krona/krona.hpp>
#include <anslag/model/round.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

enum class finding_code {
  total_mismatch,               // a stated sum differs from the sum of the rows (or of other statements)
  count_mismatch,               // a stated number differs from what the rows show
  decision_amount_mismatch,     // the decision word and the amounts disagree
  grant_exceeds_request,        // granted more than requested
  cap_exceeded,                 // a request or grant above the fund's cap per application
  unit_limit_exceeded,          // more applications granted to one förvaltning than allowed
  budget_exceeded,              // grants sum above the fund's budget
  unknown_unit,                 // an applicant name that matches no unit
  unit_not_valid_on_date,       // a unit that did not exist on the document's date
  ambiguous_unit,               // an applicant name that names more than one unit
  duplicate_application,        // the same applicant applying twice for the same thing
  required_criterion_not_met,   // granted although a required criterion is assessed as not met
  derived_value,                // what the statements imply about values the rows do not give
  missing_data,                 // a check that could not be made, and the data it lacked
  // Across rounds (include/anslag/audit/cross_round.hpp):
  report_not_approved,          // granted while the report owed on last year's grant is stated not approved
  project_funded_before,        // assessed as new, but an earlier round funded the same project
  merged_unit_limit_exceeded,   // a förvaltning over a round's limit once its merged predecessors count as one
  duplicate_round,              // two round files for one year
};

enum class severity { error, warning, info };

ANSLAG_API std::string_view to_string(finding_code code) noexcept;  // "TOTAL_MISMATCH", ...
ANSLAG_API std::string_view to_string(severity s) noexcept;          // "error", "warning", "info"
ANSLAG_API std::optional<finding_code> finding_code_from_name(std::string_view text) noexcept;
ANSLAG_API std::optional<severity> severity_from_name(std::string_view text) noexcept;

// A compared figure: an amount or a count.
struct ANSLAG_API figure {
  std::optional<Krona> amount;
  std::optional<std::int64_t> count;

  static figure of(Krona k) { return {k, std::nullopt}; }
  static figure of_count(std::int64_t n) { return {std::nullopt, n}; }
  std::string to_string() const;  // canonical Swedish amount, or the count
  friend bool operator==(const figure&, const figure&) = default;
};

struct finding {
  finding_code code = finding_code::missing_data;
  severity level = severity::info;
  std::string fund;                    // the fund concerned; empty: the round as a whole
  std::string rule;                    // the rule id it rests on; empty: none
  std::string statement;               // the statement id it checks; empty: none
  std::string message_sv;
  std::string message_en;
  std::optional<figure> expected;      // what the document states (or the rule allows)
  std::optional<figure> actual;        // what the rows show
  std::vector<std::string> rows;       // application ids concerned
  shared_text quote;                   // the document's sentence, shared with the rule or statement
  source_ref source;                   // where it stands
  // Every interpretation the finding rests on, "; "-separated: the round file's readings of the
  // fields its check used ("decision of 2020-LUM-03: ..."), and the audit's own. Empty: it holds
  // on every reading.
  std::optional<std::string> reading;

  friend bool operator==(const finding&, const finding&) = default;
};

}  // namespace anslag
