// The audit of a recorded round: every stated total, count and rule checked against the rows.
//
// Every check derives its findings from the round data and the rules alone; none knows about a
// particular year, fund or applicant. Unknown is never a pass and never a failure: a total with
// an unknown row is not compared but becomes a DERIVED_VALUE or MISSING_DATA finding.
#pragma once

#include <anslag/audit/finding.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace anslag {

struct report {
  int year = 0;
  std::string title;           // the document's title
  date dated{2000, 1, 1};      // the document's date
  std::string file;            // the round file audited
  std::vector<finding> findings;

  std::size_t count(severity level) const noexcept;
  bool has_errors() const noexcept { return count(severity::error) > 0; }

  friend bool operator==(const report&, const report&) = default;
};

report audit(const round& r, const unit_registry& units);

}  // namespace anslag
