// The audit of one round: the auditor (auditor.hpp) runs each family of checks in turn over the
// walk over rows defined here. Each check reads only the round's data, its rules and the unit
// registry; none knows a year, a fund or an applicant. docs/audit.md defines every code and severity.
#include "auditor.hpp"

#include <algorithm>
#include <limits>

namespace anslag {

std::size_t report::count(severity level) const noexcept {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [level](const finding& f) { return f.level == level; }));
}

std::size_t report::count_on_a_reading(severity level) const noexcept {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [level](const finding& f) {
    return f.level == level && f.reading.has_value();
  }));
}

namespace audit_detail {

std::string rules_sv(const std::vector<std::string>& rules) { return list_rows(rules, "och ytterligare"); }
std::string rules_en(const std::vector<std::string>& rules) {
  return rules.size() > rows_named_in_messages ? list_rows(rules, "and") + " more" : list_rows(rules, "and");
}

std::string amount(Krona k) { return k.to_string(); }

bool fits(const detail::wide& ore) {
  return ore >= std::numeric_limits<std::int64_t>::min() && ore <= std::numeric_limits<std::int64_t>::max();
}

// The canonical Swedish form of an exact number of öre, also beyond the range of Krona.
std::string amount(const detail::wide& ore) { return detail::amount_text(ore); }
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
  readings_used read;
  read.add_all(s.readings, s.id);
  read.into(f);
  return f;
}

void add_reading(finding& f, const std::string& text) {
  f.reading = f.reading ? *f.reading + "; " + text : text;
}

namespace {
bool concerns(const reading& r, std::initializer_list<std::string_view> fields) {
  return std::any_of(fields.begin(), fields.end(), [&](std::string_view field) {
    return r.field == field || (r.field.size() > field.size() && r.field.compare(0, field.size(), field) == 0 &&
                                r.field[field.size()] == '.');
  });
}
}  // namespace

void readings_used::note(const reading& r, const std::string& entry) {
  const auto [it, inserted] = index_.try_emplace({r.field, r.text}, used_.size());
  if (inserted) used_.push_back({&r, {}});
  auto& entries = used_[it->second].entries;
  if (entries.empty() || entries.back() != entry) entries.push_back(entry);
}

void readings_used::add(const application& a, std::initializer_list<std::string_view> fields) {
  add(a.readings, a.id, fields);
}

void readings_used::add(const std::vector<reading>& readings, const std::string& entry,
                        std::initializer_list<std::string_view> fields) {
  for (const auto& r : readings)
    if (concerns(r, fields)) note(r, entry);
}

void readings_used::add_all(const std::vector<reading>& readings, const std::string& entry) {
  for (const auto& r : readings) note(r, entry);
}

void readings_used::into(finding& f) const {
  if (used_.empty()) return;
  std::string text = f.reading.value_or("");
  for (const auto& u : used_) {
    if (!text.empty()) text += "; ";
    text += u.read->field + " of " + rows_en(u.entries) + ": " + u.read->text;
  }
  f.reading = std::move(text);
}

auditor::auditor(const grant_round& r, const unit_registry& units)
    : round_(r), units_(units), limits_(r), amounts_(r), unit_of_(r.applications.size(), nullptr) {
  // Every check of a fund looks at that fund's rows only, so the audit grows with the round,
  // not with funds × applications.
  for (std::size_t i = 0; i < r.applications.size(); ++i) {
    const application& a = r.applications[i];
    fund_index& of_fund = fund_indexes_[a.fund];
    of_fund.rows.push_back(i);
    of_fund.requested.add(a.requested);
    of_fund.granted.add(a.granted);
    if (const auto granted = amounts_.granted(a)) of_fund.grants += granted->value;
    else if (is_granted(a.outcome)) of_fund.grant_unknown = true;
  }
  for (const auto& u : r.rules) {
    if (u.kind != rule_kind::one_grant_per_destination) continue;
    if (u.funds.empty()) one_grant_every_ = &u;
    for (const auto& f : u.funds) one_grant_by_fund_[f] = &u;
  }
}

report auditor::run() {
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

// The förvaltning an application counts as on the document's date, or nullptr when its unit
// is not known.
const unit* auditor::forvaltning_of(std::size_t index) const {
  return unit_of_[index] ? &units_.forvaltning_on(*unit_of_[index], round_.document.dated) : nullptr;
}

const auditor::fund_index& auditor::index_of(const std::string& fund_id) const {
  static const fund_index none;
  const auto it = fund_indexes_.find(fund_id);
  return it == fund_indexes_.end() ? none : it->second;
}

const std::vector<std::size_t>& auditor::rows_of(const std::string& fund_id) const { return index_of(fund_id).rows; }

// The funds a rule or statement names, sorted and each once; empty when it names every fund.
std::vector<std::string> auditor::scope_of(const std::vector<std::string>& funds) const {
  std::vector<std::string> scope = funds;
  std::sort(scope.begin(), scope.end());
  scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
  const bool every = scope.size() == round_.funds.size() &&
                     std::all_of(scope.begin(), scope.end(), [&](const std::string& id) { return round_.find_fund(id); });
  if (every) scope.clear();
  return scope;
}

// The funds of a scope, in the round's order.
std::vector<const fund*> auditor::funds_in(const std::vector<std::string>& scope) const {
  std::vector<const fund*> out;
  for (const auto& f : round_.funds)
    if (scope.empty() || std::binary_search(scope.begin(), scope.end(), f.id)) out.push_back(&f);
  return out;
}

// The rows a statement covers, in the round's order.
std::vector<std::size_t> auditor::rows_in(const statement& s) const {
  std::vector<std::size_t> rows;
  const auto scope = scope_of(s.funds);
  if (scope.empty()) {
    rows.resize(round_.applications.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    return rows;
  }
  for (const auto& f : scope) {
    const auto& in_fund = rows_of(f);
    rows.insert(rows.end(), in_fund.begin(), in_fund.end());
  }
  // Each fund's rows are in the round's order already: only those of several funds need sorting.
  if (scope.size() > 1) std::sort(rows.begin(), rows.end());
  return rows;
}

std::string auditor::scope_name(const statement& s) const {
  if (s.funds.empty()) return "";
  if (s.funds.size() == 1) return s.funds.front();
  return "";
}

std::string auditor::scope_text(const statement& s) const {
  if (s.funds.empty()) return "alla fonder / all funds";
  std::string out;
  for (const auto& f : s.funds) out += (out.empty() ? "" : "+") + f;
  return out;
}

// A finding that uses an amount the row does not print says how it is known: the statement it
// is derived from, and the reading.
void auditor::note_basis(finding& x, const known_amount& k) {
  if (k.basis == amount_basis::printed) return;
  if (k.basis == amount_basis::statement && x.statement.empty()) x.statement = k.statement;
  add_reading(x, k.reading);
}

std::string auditor::shown_sv(const known_amount& k) { return amount(k.value) + basis_note(k).first; }

std::string auditor::shown_en(const known_amount& k) { return amount(k.value) + basis_note(k).second; }

}  // namespace audit_detail

report audit(const grant_round& r, const unit_registry& units) { return audit_detail::auditor(r, units).run(); }

}  // namespace anslag
