// The audit of a recorded round: every stated total, count and rule checked against the rows.
//
// Every check derives its findings from the round data and the rules alone; none knows about a
// particular year, fund or applicant. Unknown is never a pass and never a failure: a total with
// an unknown row is not compared but becomes a DERIVED_VALUE or MISSING_DATA finding. The facts
// the rules state (a fund's cap and limit) and the amounts the statements fix come from the rules
// layer (rules/facts.hpp), the verdicts from anslag::judge: the audit and `evaluate` agree.
//
// Cost: O(N log N) time and O(N) memory for a round of N entries in the shapes docs/audit.md
// ("Cost and size of the report") names, with identical findings over many rules grouped.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Several threads may audit one round.
// Exceptions: no anslag::error (below); std::bad_alloc.
// Lifetimes: values (copies); a report refers to nothing in the round or the registry.
#pragma once

#include <anslag/export.hpp>
#include <anslag/audit/finding.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace anslag {

struct ANSLAG_API report {
  int year = 0;
  std::string title;           // the document's title
  calendar_date dated{2000, 1, 1};  // the document's date
  std::string file;            // the round file audited
  std::vector<finding> findings;

  std::size_t count(severity level) const noexcept;
  // Of those, the findings that rest on a reading (their `reading` is set): the encoder's or the
  // audit's. What holds on every reading is count(level) - count_on_a_reading(level).
  std::size_t count_on_a_reading(severity level) const noexcept;
  bool has_errors() const noexcept { return count(severity::error) > 0; }

  friend bool operator==(const report&, const report&) = default;
};

// Throws no anslag::error (only std::bad_alloc when memory runs out): every sum is exact, and a
// sum beyond the range of an amount is a finding (TOTAL_MISMATCH, BUDGET_EXCEEDED) that shows the
// exact figure, not an overflow. A round built in code with an application in a fund it does not
// have is not checked for that application, and one whose year is no calendar year (1 to 9999) is
// not checked for units that cease during that year, a MISSING_DATA naming the rows it would
// have read (anslag::validate refuses both). Reads `r` and
// `units` only: concurrent audits of one round are safe.
ANSLAG_API report audit(const grant_round& r, const unit_registry& units);

}  // namespace anslag
