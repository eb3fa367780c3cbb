// Limits and caps (docs/audit.md: CAP_EXCEEDED, UNIT_LIMIT_EXCEEDED, BUDGET_EXCEEDED): a fund's
// cap per application, its limit per förvaltning and its budget.
#include "auditor.hpp"

#include <anslag/rules/evaluate.hpp>

#include <map>

namespace anslag::audit_detail {

// The fund's cap (anslag::cap_rule) on each row, decided by anslag::test_cap as `evaluate`
// decides it: a CAP_EXCEEDED for each verdict not met, one MISSING_DATA for those unknown.
void auditor::check_caps(const fund& f) {
  const rule* cap_rule = limits_.cap_rule(f.id);
  if (!cap_rule) return;
  const Krona cap = *cap_rule->amount;
  std::vector<std::string> unknown_requests;
  readings_used unknown_read;  // of the rows whose verdict is unknown
  for (const std::size_t i : rows_of(f.id)) {
    const application& a = round_.applications[i];
    const cap_test test = test_cap(cap, amounts_.requested(a), amounts_.granted(a));
    if (test.state == verdict_state::unknown) {
      unknown_requests.push_back(a.id);
      unknown_read.add(a, {"requested", "granted", "decision"});
    }
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
    readings_used read;
    read.add(a, {"requested", "granted", "decision"});
    read.into(x);
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
  unknown_read.into(x);
  findings_.push_back(citing(std::move(x), *cap_rule));
}

// The fund's per-förvaltning limit (anslag::unit_limit_rule), as `evaluate` decides it: a
// förvaltning granted more than the limit is a finding; a row whose verdict is unknown (its
// unit is unknown, or rows of unknown unit could take its förvaltning past the limit) is
// listed in one MISSING_DATA.
void auditor::check_unit_limits(const fund& f) {
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
  // Whether a row counts, and for which förvaltning, rests on its decision, unit and name.
  const auto readings_of = [&](const std::vector<std::size_t>& rows) {
    readings_used read;
    for (const std::size_t i : rows) read.add(round_.applications[i], {"decision", "unit", "applicant"});
    return read;
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
    x = citing(std::move(x), *limit_rule);
    readings_of(indices).into(x);
    findings_.push_back(std::move(x));
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
  x = citing(std::move(x), *limit_rule);
  readings_of(all).into(x);
  findings_.push_back(std::move(x));
}

void auditor::check_budget(const fund& f) {
  // Within its budget, with every grant known, a fund gives no finding: its sums tell so
  // without a walk over its rows.
  const fund_index& sums = index_of(f.id);
  if (!sums.grant_unknown && sums.grants.value <= f.budget.ore()) return;
  exact_sum known;
  std::vector<std::string> unknown;
  std::map<std::string, std::vector<std::string>> not_printed;  // reading → rows whose grant rests on it
  readings_used read;
  read.add(f.readings, f.id, {"budget"});
  for (const std::size_t i : rows_of(f.id)) {
    const application& a = round_.applications[i];
    if (const auto granted = amounts_.granted(a)) {
      read.add(a, {"granted", "decision"});
      known += granted->value;
      if (granted->basis != amount_basis::printed) not_printed[granted->reading].push_back(a.id);
    } else if (is_granted(a.outcome)) {
      read.add(a, {"granted", "decision"});
      unknown.push_back(a.id);
    }
  }
  const auto with_readings = [&](finding x) {
    for (const auto& [text, rows] : not_printed) add_reading(x, text + " (" + rows_en(rows) + ")");
    read.into(x);
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

}  // namespace anslag::audit_detail
