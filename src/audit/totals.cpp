// Stated totals against the rows and against each other (docs/audit.md: TOTAL_MISMATCH); a
// total with unknown rows goes on to derived.cpp.
#include "auditor.hpp"

#include <map>

namespace anslag::audit_detail {

auditor::statement_key auditor::key_of(const statement& s) const {
  return {s.kind, scope_of(s.funds), s.of_decision, s.applicant_kind};
}

figure auditor::value_of(const statement& s) {
  return s.amount ? figure::of(*s.amount) : figure::of_count(s.count.value_or(0));
}

// A statement's figure, to compare two.
std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> auditor::value_key(const statement& s) {
  return {s.amount ? std::optional<std::int64_t>(s.amount->ore()) : std::nullopt, s.count};
}

// Each statement against the rows: the first statement of each thing (statement_key) is
// checked; a later one of the same figure is named in its findings, and a later one of another
// figure is reported against the first (check_statements_agree). So copies of a sentence do
// not repeat a finding, and the cost grows with the things stated, not with copies × rows.
void auditor::check_statements() {
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
      case statement_kind::decision_count:
      case statement_kind::granted_count: check_row_count(s); break;
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

// Whether every row a total covers prints the amount and they sum to the stated total: then
// the sums per fund, made as the rows were indexed, settle it without a walk over the rows.
bool auditor::printed_sums_agree(const statement& s, bool requested) const {
  exact_sum sum;
  std::size_t not_printed = 0;
  const auto add = [&](const fund_index& f) {
    const printed_amounts& printed = requested ? f.requested : f.granted;
    sum.value += printed.sum.value;
    not_printed += printed.not_printed;
  };
  const auto scope = scope_of(s.funds);  // empty: every row (rows_in)
  if (scope.empty())
    for (const auto& [ignored, f] : fund_indexes_) add(f);
  for (const auto& id : scope) add(index_of(id));
  return not_printed == 0 && sum.value == s.amount->ore();
}

void auditor::check_total(const statement& s) {
  if (!s.amount) return;
  const bool requested = s.kind == statement_kind::requested_total;
  if (printed_sums_agree(s, requested)) return;
  const std::string what_sv = requested ? "ansökta belopp" : "beviljade belopp";
  const std::string what_en = requested ? "requested amounts" : "granted amounts";
  exact_sum known;
  std::vector<const application*> unknown;
  readings_used read;  // of the amounts summed, and of the decisions that stand for unknown ones
  const std::string_view field = requested ? "requested" : "granted";
  for (const std::size_t i : rows_in(s)) {
    const application& a = round_.applications[i];
    const auto& value = requested ? a.requested : a.granted;
    if (value) {
      known += *value;
      read.add(a, {field});
    } else {
      unknown.push_back(&a);
      read.add(a, {field, "decision"});
    }
  }
  // A mismatch, unless the decisions account for the unknown values (a derived value, below).
  finding x = found(finding_code::total_mismatch, severity::error, scope_name(s));
  read.into(x);
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
  check_total_with_unknown_rows(s, std::move(x), known, unknown, what_sv, what_en);
}

// Statements against each other: two that state the same thing must agree, and a statement
// over several funds must equal the sum of the same statement made for each fund. Sums are
// exact, so figures past the range of an amount are a finding, not a failure.
void auditor::check_statements_agree() {
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
    readings_used read;
    read.add_all(it->second->readings, it->second->id);
    read.into(x);
    findings_.push_back(citing(std::move(x), s));
  }
  for (const auto& [s_ptr, key] : several) {
    const statement& s = *s_ptr;
    const auto funds = funds_in(std::get<1>(key));
    if (funds.size() < 2) continue;
    detail::wide sum = 0;
    std::string parts;
    readings_used read;  // of the statements per fund
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
      read.add_all(it->second->readings, it->second->id);
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
    read.into(x);
    findings_.push_back(citing(std::move(x), s));
  }
}

}  // namespace anslag::audit_detail
