// The same applicant twice for the same thing in one fund (docs/audit.md: DUPLICATE_APPLICATION).
#include "auditor.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace anslag::audit_detail {

// The same applicant (its förvaltning's department, or its name) twice for the same project
// or destination in one fund.
void auditor::check_duplicates(const fund& f) {
  const rule* one_grant = one_grant_rule(f);
  // The key of a row: "who \x1f what"; empty when the applicant is unnamed (no comparison).
  const auto key_of = [&](std::size_t i) {
    const application& a = round_.applications[i];
    std::string key = unit_of_[i] ? unit_of_[i]->id : name_key(a.applicant);
    if (key.empty()) return key;
    key += '\x1f';
    key += name_key(a.destination ? *a.destination : a.project);
    return key;
  };
  // Rows sorted by the hash of their key: equal keys become neighbours without a node or a
  // vector per row; within a run of equal hashes the keys themselves decide.
  std::vector<std::pair<std::size_t, std::size_t>> hashed;  // (hash of key, row)
  for (const std::size_t i : rows_of(f.id)) {
    const std::string key = key_of(i);
    if (!key.empty()) hashed.emplace_back(std::hash<std::string>{}(key), i);
  }
  std::sort(hashed.begin(), hashed.end());
  std::vector<std::vector<std::size_t>> duplicates;
  for (std::size_t begin = 0, end = 0; begin < hashed.size(); begin = end) {
    for (end = begin + 1; end < hashed.size() && hashed[end].first == hashed[begin].first; ++end) {
    }
    if (end - begin < 2) continue;
    std::map<std::string, std::vector<std::size_t>> same;  // rows ascending within each key
    for (std::size_t k = begin; k < end; ++k) same[key_of(hashed[k].second)].push_back(hashed[k].second);
    for (auto& [ignored, members] : same)
      if (members.size() > 1) duplicates.push_back(std::move(members));
  }
  // In the order of each group's first row, so that the report does not depend on hashing.
  std::sort(duplicates.begin(), duplicates.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  for (const auto& members : duplicates) {
    std::vector<std::string> rows;
    std::size_t granted = 0;
    readings_used read;
    for (std::size_t i : members) {
      rows.push_back(round_.applications[i].id);
      if (is_granted(round_.applications[i].outcome)) ++granted;
      read.add(round_.applications[i], {"applicant", "unit", "project", "destination", "decision"});
    }
    const application& first = round_.applications[members.front()];
    finding x = found(finding_code::duplicate_application, granted > 1 ? severity::warning : severity::info, f.id,
                      rows);
    x.actual = figure::of_count(static_cast<std::int64_t>(granted));
    x.source = first.source;
    x.quote = first.destination ? *first.destination : first.project;
    x.message_sv = std::to_string(rows.size()) + " ansökningar från " + first.applicant + " avser samma sak (" +
                   rows_sv(rows) + "); " + std::to_string(granted) + " av dem beviljas.";
    x.message_en = std::to_string(rows.size()) + " applications from " + first.applicant + " are for the same thing (" +
                   rows_en(rows) + "); " + std::to_string(granted) + " of them granted.";
    if (one_grant) {
      x = citing(std::move(x), *one_grant);
      x.expected = figure::of_count(1);
    }
    read.into(x);
    findings_.push_back(std::move(x));
  }
}

// The one_grant_per_destination rule of a fund (the last that applies, as a reader of the
// rules in order would take it).
const rule* auditor::one_grant_rule(const fund& f) const {
  const auto it = one_grant_by_fund_.find(f.id);
  const rule* named = it == one_grant_by_fund_.end() ? nullptr : it->second;
  if (!named) return one_grant_every_;
  if (!one_grant_every_) return named;
  return std::max(named, one_grant_every_);  // rules of one vector: the later one
}

}  // namespace anslag::audit_detail
