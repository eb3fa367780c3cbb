#include <anslag/audit/finding.hpp>

#include <anslag/detail/names.hpp>

namespace anslag {
namespace {

constexpr detail::name_table<finding_code, 18> code_names{{
    {finding_code::total_mismatch, "TOTAL_MISMATCH"},
    {finding_code::count_mismatch, "COUNT_MISMATCH"},
    {finding_code::decision_amount_mismatch, "DECISION_AMOUNT_MISMATCH"},
    {finding_code::grant_exceeds_request, "GRANT_EXCEEDS_REQUEST"},
    {finding_code::cap_exceeded, "CAP_EXCEEDED"},
    {finding_code::unit_limit_exceeded, "UNIT_LIMIT_EXCEEDED"},
    {finding_code::budget_exceeded, "BUDGET_EXCEEDED"},
    {finding_code::unknown_unit, "UNKNOWN_UNIT"},
    {finding_code::unit_not_valid_on_date, "UNIT_NOT_VALID_ON_DATE"},
    {finding_code::ambiguous_unit, "AMBIGUOUS_UNIT"},
    {finding_code::duplicate_application, "DUPLICATE_APPLICATION"},
    {finding_code::required_criterion_not_met, "REQUIRED_CRITERION_NOT_MET"},
    {finding_code::derived_value, "DERIVED_VALUE"},
    {finding_code::missing_data, "MISSING_DATA"},
    {finding_code::report_not_approved, "REPORT_NOT_APPROVED"},
    {finding_code::project_funded_before, "PROJECT_FUNDED_BEFORE"},
    {finding_code::merged_unit_limit_exceeded, "MERGED_UNIT_LIMIT_EXCEEDED"},
    {finding_code::duplicate_round, "DUPLICATE_ROUND"},
}};

constexpr detail::name_table<severity, 3> severity_names{{
    {severity::error, "error"}, {severity::warning, "warning"}, {severity::info, "info"}}};

}  // namespace

std::string_view to_string(finding_code code) noexcept { return detail::name_of(code_names, code); }
std::string_view to_string(severity s) noexcept { return detail::name_of(severity_names, s); }
std::optional<finding_code> finding_code_from_name(std::string_view text) noexcept {
  return detail::value_of(code_names, text);
}
std::optional<severity> severity_from_name(std::string_view text) noexcept {
  return detail::value_of(severity_names, text);
}

std::string figure::to_string() const {
  if (amount) return amount->to_string();
  if (count) return std::to_string(*count);
  return {};
}

}  // namespace anslag
