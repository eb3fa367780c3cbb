#include <anslag/audit/validate.hpp>

#include <anslag/error.hpp>

#include <initializer_list>
#include <string>

namespace anslag {
namespace {

// The severities each code is raised with, as src/audit/ raises them (docs/audit.md, "Findings";
// an ambiguous or a dated-out unit the round file settles is info there too).
bool raised_with(finding_code code, severity level) {
  const auto one_of = [level](std::initializer_list<severity> levels) {
    for (const severity s : levels)
      if (s == level) return true;
    return false;
  };
  using enum severity;
  switch (code) {
    case finding_code::count_mismatch:
    case finding_code::unknown_unit: return one_of({error, warning, info});
    case finding_code::cap_exceeded: return one_of({error, warning});
    case finding_code::duplicate_application:
    case finding_code::missing_data:
    case finding_code::unit_not_valid_on_date:
    case finding_code::ambiguous_unit: return one_of({warning, info});
    case finding_code::project_funded_before:
    case finding_code::merged_unit_limit_exceeded:
    case finding_code::duplicate_round: return level == warning;
    case finding_code::derived_value: return level == info;
    case finding_code::total_mismatch:
    case finding_code::decision_amount_mismatch:
    case finding_code::grant_exceeds_request:
    case finding_code::unit_limit_exceeded:
    case finding_code::budget_exceeded:
    case finding_code::required_criterion_not_met:
    case finding_code::report_not_approved: return level == error;
  }
  return false;
}

}  // namespace

void validate(const report& r) {
  if (r.year < 1 || r.year > 9999)
    throw invalid_argument_error("report year " + std::to_string(r.year) + " is not in range 1 to 9999");
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const finding& f = r.findings[i];
    const std::string which = "finding " + std::to_string(i) + ": ";
    if (!raised_with(f.code, f.level))
      throw invalid_argument_error(which + std::string(to_string(f.code)) + " is never " + std::string(to_string(f.level)));
    if (f.message_sv.empty() || f.message_en.empty()) throw invalid_argument_error(which + "a message is empty");
  }
}

}  // namespace anslag
