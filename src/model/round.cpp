#include <anslag/model/round.hpp>

#include <anslag/detail/names.hpp>

#include <algorithm>

namespace anslag {
namespace {

using detail::name_of;
using detail::value_of;


constexpr detail::name_table<decision, 3> decision_names{{
    {decision::granted, "granted"},
    {decision::partly_granted, "partly_granted"},
    {decision::rejected, "rejected"},
}};

constexpr detail::name_table<rule_kind, 11> rule_kind_names{{
    {rule_kind::required_criterion, "required_criterion"},
    {rule_kind::priority_area, "priority_area"},
    {rule_kind::exclusion, "exclusion"},
    {rule_kind::cap_per_application, "cap_per_application"},
    {rule_kind::max_granted_per_unit, "max_granted_per_unit"},
    {rule_kind::application_window, "application_window"},
    {rule_kind::approved_report, "approved_report"},
    {rule_kind::one_grant_per_destination, "one_grant_per_destination"},
    {rule_kind::ranking, "ranking"},
    {rule_kind::set_aside_condition, "set_aside_condition"},
    {rule_kind::repayment_notice, "repayment_notice"},
}};

constexpr detail::name_table<statement_kind, 6> statement_kind_names{{
    {statement_kind::requested_total, "requested_total"},
    {statement_kind::granted_total, "granted_total"},
    {statement_kind::application_count, "application_count"},
    {statement_kind::applicant_count, "applicant_count"},
    {statement_kind::decision_count, "decision_count"},
    {statement_kind::granted_count, "granted_count"},
}};

}  // namespace

std::string_view to_string(decision d) noexcept { return name_of(decision_names, d); }
std::optional<decision> decision_from_name(std::string_view text) noexcept {
  return value_of(decision_names, text);
}
std::string_view to_string(rule_kind k) noexcept { return name_of(rule_kind_names, k); }
std::optional<rule_kind> rule_kind_from_name(std::string_view text) noexcept {
  return value_of(rule_kind_names, text);
}
std::string_view to_string(statement_kind k) noexcept { return name_of(statement_kind_names, k); }
std::optional<statement_kind> statement_kind_from_name(std::string_view text) noexcept {
  return value_of(statement_kind_names, text);
}

const unit* unit_of(const application& a, const unit_registry& units) {
  if (a.unit) return units.find(*a.unit);
  try {
    return &units.resolve(a.applicant);
  } catch (const unknown_unit_error&) {
    return nullptr;
  } catch (const ambiguous_unit_error&) {
    return nullptr;
  } catch (const parse_error&) {
    return nullptr;
  }
}

bool rule::applies_to(std::string_view fund_id) const {
  return funds.empty() || std::find(funds.begin(), funds.end(), fund_id) != funds.end();
}

const fund* grant_round::find_fund(std::string_view id) const& noexcept {
  for (const auto& f : funds)
    if (f.id == id) return &f;
  return nullptr;
}

const application* grant_round::find_application(std::string_view id) const& noexcept {
  for (const auto& a : applications)
    if (a.id == id) return &a;
  return nullptr;
}

}  // namespace anslag
