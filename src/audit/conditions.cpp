// Conditions every granted application must meet (docs/audit.md: REQUIRED_CRITERION_NOT_MET),
// judged by the rules layer, rules that cannot tell rows apart differently judged as a group.
#include "auditor.hpp"

#include <anslag/rules/evaluate.hpp>

#include <map>
#include <tuple>

namespace anslag::audit_detail {

// Conditions every granted application must meet: required criteria, exclusions, the
// application window and the approved-report condition. The verdicts are the rules layer's
// (anslag::judge), so a condition means the same in an evaluation and in the audit.
//
// Rules that cannot tell two rows apart differently (criteria nobody assessed, approved-report
// conditions, windows with the same dates) over the same funds give the same verdicts: they
// are judged once as a group, and each finding names every rule of its group. Findings wait
// in condition_findings_ to be reported with their fund's.
void auditor::check_required_conditions() {
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

void auditor::check_condition_group(const std::vector<const rule*>& group) {
  const rule& r = *group.front();
  std::vector<std::string> ids;
  for (const rule* u : group) ids.push_back(u->id);
  const std::string also_sv = group.size() > 1 ? " (likaså " + rules_sv({ids.begin() + 1, ids.end()}) + ")" : "";
  const std::string also_en = group.size() > 1 ? " (likewise " + rules_en({ids.begin() + 1, ids.end()}) + ")" : "";
  // What a verdict reads of a row: its decision (only granted rows are judged) and the field the
  // condition tests.
  const bool assessed = r.kind == rule_kind::required_criterion || r.kind == rule_kind::exclusion;
  const std::string_view tested = assessed                                       ? "assessments"
                                  : r.kind == rule_kind::application_window ? "submitted"
                                                                            : "approved_report";
  for (const fund* f : funds_in(scope_of(r.funds))) {
    std::vector<finding>& out = condition_findings_[f->id];
    std::vector<std::string> unknown;
    readings_used unknown_read;
    for (const std::size_t i : rows_of(f->id)) {
      const application& a = round_.applications[i];
      if (!is_granted(a.outcome)) continue;
      const verdict v = judge(round_, a, r, units_);
      if (v.state == verdict_state::unknown) {
        unknown.push_back(a.id);
        unknown_read.add(a, {"decision", tested});
      }
      if (v.state != verdict_state::not_met) continue;
      finding x = found(finding_code::required_criterion_not_met, severity::error, f->id, {a.id});
      x.message_sv = a.id + " beviljas, men: " + v.explanation_sv + also_sv;
      x.message_en = a.id + " is granted, but: " + v.explanation_en + also_en;
      x = citing(std::move(x), r);
      readings_used read;
      read.add(a, {"decision", tested});
      read.into(x);
      out.push_back(std::move(x));
    }
    if (unknown.empty()) continue;
    finding x = found(finding_code::missing_data, severity::info, f->id, unknown);
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
    x = citing(std::move(x), r);
    unknown_read.into(x);
    out.push_back(std::move(x));
  }
}

}  // namespace anslag::audit_detail
