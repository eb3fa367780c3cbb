// The checks across rounds. Like the checks of one round, none knows a year, fund or applicant:
// a round's rules say what it demands (an approved report, a limit per förvaltning, a project
// not tried before), the registry says which förvaltning carries on which.
#include "finding_helpers.hpp"

#include <anslag/audit/cross_round.hpp>
#include <anslag/rules/facts.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <utility>

namespace anslag {

using audit_detail::citing;
using audit_detail::found;
using audit_detail::rows_en;
using audit_detail::rows_sv;

std::vector<std::string> title_tokens(std::string_view title) {
  const std::string normal = normalize_unit_name(title);
  std::vector<std::string> tokens;
  std::string token;
  // Bytes from 0x80 up belong to letters: the normalisation leaves no punctuation outside ASCII
  // that the titles use (dashes became '-').
  for (const char c : normal + ' ') {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
      token += c;
    } else if (!token.empty()) {
      tokens.push_back(std::move(token));
      token.clear();
    }
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

namespace {

// Dice >= 4/5 in integers.
bool near_same(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else ++common, ++i, ++j;
  }
  return 10 * common >= 4 * (a.size() + b.size());
}

// Prefix filtering: a near-same partner of a title of n tokens shares at least ceil(2n/3) of
// them (Dice >= 4/5 forces the partner to have at least 2n/3 tokens, and the overlap to be at
// least 2/5 of both sizes), so two near-same titles share a token among the first
// n - ceil(2n/3) + 1 tokens of each in the (lexicographic) token order. Only those are indexed
// and probed, which keeps a common word from making every title a candidate of every other.
std::size_t prefix_length(std::size_t n) { return n - (2 * n + 2) / 3 + 1; }

std::string qualified(const grant_round& r, const std::string& id) { return std::to_string(r.year) + ":" + id; }

// "2020 (rounds/2020.toml), 2024 (rounds/2024.toml)": the rounds a finding read, in order.
std::string rounds_text(std::vector<const grant_round*> read) {
  std::sort(read.begin(), read.end(), [](const grant_round* a, const grant_round* b) {
    return std::tie(a->year, a->file) < std::tie(b->year, b->file);
  });
  read.erase(std::unique(read.begin(), read.end()), read.end());
  std::string text;
  for (const grant_round* r : read) text += (text.empty() ? "" : ", ") + std::to_string(r->year) + " (" + r->file + ")";
  return text;
}

void state_rounds(finding& f, const std::vector<const grant_round*>& read) {
  const std::string text = rounds_text(read);
  f.message_sv += " Lästa omgångar: " + text + ".";
  f.message_en += " Rounds read: " + text + ".";
}

bool is_novelty_rule(const rule& r) {
  return normalize_unit_name(r.quote).find("inte tidigare provats") != std::string::npos;
}

struct funded_project {
  const grant_round* in = nullptr;
  const application* a = nullptr;
  std::vector<std::string> tokens;
};

// The earlier rounds' funded projects, indexed by the förvaltning that carries them on the date
// of the round being read, and within it by the tokens of each title's prefix.
class funded_index {
 public:
  explicit funded_index(const unit_registry& units) : units_(units) {}

  // Moves every förvaltning on to the one that carries it on `day`, merging the indexes of
  // förvaltningar that merged. Only the keys that move are touched (at most the registry's
  // units, each once, since a merger is for good), so reading many rounds stays linear.
  void carry_to(calendar_date day) {
    std::vector<std::pair<std::string, std::string>> moves;
    for (const auto& [id, postings] : by_forvaltning_)
      if (std::string to = units_.forvaltning_on(*units_.find(id), day).id; to != id) moves.emplace_back(id, to);
    for (const auto& [from, to] : moves) {
      auto moved = by_forvaltning_.extract(from);
      auto& target = by_forvaltning_[to];
      for (auto& [token, entries] : moved.mapped()) {
        auto& list = target[token];
        list.insert(list.end(), entries.begin(), entries.end());
      }
    }
  }

  void add(const grant_round& r, const application& a, const unit& forvaltning) {
    funded_project p{&r, &a, title_tokens(a.project)};
    const std::size_t index = projects_.size();
    auto& postings = by_forvaltning_[forvaltning.id];
    for (std::size_t i = 0; i < prefix_length(p.tokens.size()) && i < p.tokens.size(); ++i)
      postings[p.tokens[i]].push_back(index);
    projects_.push_back(std::move(p));
  }

  std::vector<const funded_project*> matches(const std::vector<std::string>& tokens, const unit& forvaltning) const {
    std::vector<const funded_project*> out;
    const auto it = by_forvaltning_.find(forvaltning.id);
    if (it == by_forvaltning_.end() || tokens.empty()) return out;
    std::set<std::size_t> candidates;
    for (std::size_t i = 0; i < prefix_length(tokens.size()); ++i)
      if (const auto found = it->second.find(tokens[i]); found != it->second.end())
        candidates.insert(found->second.begin(), found->second.end());
    for (const std::size_t c : candidates)
      if (near_same(tokens, projects_[c].tokens)) out.push_back(&projects_[c]);
    return out;
  }

 private:
  using by_token = std::unordered_map<std::string, std::vector<std::size_t>>;
  const unit_registry& units_;
  std::vector<funded_project> projects_;
  std::unordered_map<std::string, by_token> by_forvaltning_;
};

class across {
 public:
  across(std::span<const grant_round> rounds, const unit_registry& units) : rounds_(rounds), units_(units) {
    order_.resize(rounds.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(rounds[a].year, rounds[a].document.dated) < std::tie(rounds[b].year, rounds[b].document.dated);
    });
    unit_of_.resize(rounds.size());
    for (std::size_t i = 0; i < rounds.size(); ++i)
      for (const auto& a : rounds[i].applications) unit_of_[i].push_back(unit_of(a, units));
  }

  std::vector<cross_round_finding> run() {
    check_duplicate_years();
    check_reports_owed();
    check_projects_funded_before();
    check_merged_limits();
    return std::move(out_);
  }

 private:
  // The förvaltning of application `k` of round `i` as it stands on `day`; nullptr when unknown.
  const unit* forvaltning(std::size_t i, std::size_t k, calendar_date day) const {
    const unit* u = unit_of_[i][k];
    return u ? &units_.forvaltning_on(*u, day) : nullptr;
  }

  void add(std::size_t round_index, finding f, const std::vector<const grant_round*>& read) {
    state_rounds(f, read);
    out_.push_back({round_index, std::move(f)});
  }

  // The rounds read in order, grouped by year: [begin, end) ranges of order_.
  std::vector<std::pair<std::size_t, std::size_t>> years() const {
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    for (std::size_t begin = 0; begin < order_.size();) {
      std::size_t end = begin + 1;
      while (end < order_.size() && rounds_[order_[end]].year == rounds_[order_[begin]].year) ++end;
      groups.emplace_back(begin, end);
      begin = end;
    }
    return groups;
  }

  void check_duplicate_years() {
    for (const auto& [begin, end] : years()) {
      if (end - begin < 2) continue;
      std::vector<const grant_round*> read;
      for (std::size_t k = begin; k < end; ++k) read.push_back(&rounds_[order_[k]]);
      const std::string year = std::to_string(read.front()->year);
      for (std::size_t k = begin + 1; k < end; ++k) {
        finding f = found(finding_code::duplicate_round, severity::warning, "");
        f.message_sv = "Flera rundfiler för år " + year + "; var och en granskas, och kontrollerna över omgångar läser alla.";
        f.message_en = "Several round files for the year " + year + "; each is audited, and the checks across rounds read all of them.";
        add(order_[k], std::move(f), read);
      }
    }
  }

  // (a) An approved report on last year's funds as a condition: every granted application of a
  // förvaltning that was granted funds in a round of the year before.
  void check_reports_owed() {
    const auto groups = years();
    for (std::size_t g = 1; g < groups.size(); ++g) {
      const auto [prev_begin, prev_end] = groups[g - 1];
      const auto [begin, end] = groups[g];
      if (rounds_[order_[prev_begin]].year + 1 != rounds_[order_[begin]].year) continue;
      for (std::size_t k = begin; k < end; ++k) {
        const std::size_t i = order_[k];
        const grant_round& r = rounds_[i];
        for (const auto& condition : r.rules) {
          if (condition.kind != rule_kind::approved_report) continue;
          // The förvaltningar granted funds the year before, as they stand on this round's date.
          std::map<std::string, std::vector<std::string>> granted_before;
          std::map<std::string, std::vector<const grant_round*>> read_before;
          for (std::size_t p = prev_begin; p < prev_end; ++p) {
            const std::size_t j = order_[p];
            for (std::size_t n = 0; n < rounds_[j].applications.size(); ++n) {
              const application& earlier = rounds_[j].applications[n];
              const unit* fv = forvaltning(j, n, r.document.dated);
              if (!fv || !is_granted(earlier.outcome)) continue;
              granted_before[fv->id].push_back(qualified(rounds_[j], earlier.id));
              read_before[fv->id].push_back(&rounds_[j]);
            }
          }
          for (std::size_t n = 0; n < r.applications.size(); ++n) {
            const application& a = r.applications[n];
            const unit* fv = forvaltning(i, n, r.document.dated);
            if (!fv || !is_granted(a.outcome) || !condition.applies_to(a.fund)) continue;
            const auto before = granted_before.find(fv->id);
            if (before == granted_before.end() || a.approved_report.value_or(false)) continue;
            std::vector<std::string> rows{qualified(r, a.id)};
            rows.insert(rows.end(), before->second.begin(), before->second.end());
            const bool unstated = !a.approved_report;
            finding f = found(unstated ? finding_code::missing_data : finding_code::report_not_approved,
                              unstated ? severity::warning : severity::error, a.fund, rows);
            const std::vector<std::string> earlier(before->second.begin(), before->second.end());
            const std::string last = std::to_string(r.year - 1);
            if (unstated) {
              f.message_sv = a.id + " beviljas, och " + fv->name + " beviljades medel " + last + " (" + rows_sv(earlier) +
                             "), men det anges inte om rapporten för de medlen är godkänd.";
              f.message_en = a.id + " is granted, and " + fv->name + " was granted funds in " + last + " (" +
                             rows_en(earlier) + "), but whether the report on those funds was approved is not stated.";
            } else {
              f.message_sv = a.id + " beviljas, men rapporten för " + fv->name + "s medel " + last + " (" +
                             rows_sv(earlier) + ") är inte godkänd.";
              f.message_en = a.id + " is granted, but the report on " + fv->name + "'s funds of " + last + " (" +
                             rows_en(earlier) + ") is not approved.";
            }
            f = citing(std::move(f), condition);
            std::vector<const grant_round*> read = read_before[fv->id];
            read.push_back(&r);
            add(i, std::move(f), read);
          }
        }
      }
    }
  }

  // (b) A project assessed as not tried before, whose title an earlier round funded for the
  // same förvaltning.
  void check_projects_funded_before() {
    // Without a rule asking for new projects, there is nothing to index.
    const auto asks_for_new = [](const grant_round& r) { return std::any_of(r.rules.begin(), r.rules.end(), is_novelty_rule); };
    if (std::none_of(rounds_.begin(), rounds_.end(), asks_for_new)) return;
    funded_index funded(units_);
    for (const auto& [begin, end] : years()) {
      funded.carry_to(rounds_[order_[begin]].document.dated);
      for (std::size_t k = begin; k < end; ++k) check_novelty(order_[k], funded);
      for (std::size_t k = begin; k < end; ++k) {
        const std::size_t i = order_[k];
        const grant_round& r = rounds_[i];
        for (std::size_t n = 0; n < r.applications.size(); ++n)
          if (const unit* fv = forvaltning(i, n, r.document.dated); fv && is_granted(r.applications[n].outcome))
            funded.add(r, r.applications[n], *fv);
      }
    }
  }

  void check_novelty(std::size_t i, const funded_index& funded) {
    const grant_round& r = rounds_[i];
    for (const auto& novelty : r.rules) {
      if (!is_novelty_rule(novelty)) continue;
      for (std::size_t n = 0; n < r.applications.size(); ++n) {
        const application& a = r.applications[n];
        if (!novelty.applies_to(a.fund)) continue;
        const auto assessed = a.assessments.find(novelty.id);
        const bool stated_new = assessed != a.assessments.end() && assessed->second == assessment::met;
        // Granted under a required criterion with no assessment written: the grant is the verdict.
        const bool granted_as_new = assessed == a.assessments.end() && is_granted(a.outcome) &&
                                    novelty.kind == rule_kind::required_criterion;
        if (!stated_new && !granted_as_new) continue;
        const unit* fv = forvaltning(i, n, r.document.dated);
        if (!fv) continue;
        const auto matches = funded.matches(title_tokens(a.project), *fv);
        if (matches.empty()) continue;
        std::vector<std::string> rows{qualified(r, a.id)}, earlier;
        std::vector<const grant_round*> read{&r};
        std::string titles;
        for (const funded_project* m : matches) {
          earlier.push_back(qualified(*m->in, m->a->id));
          read.push_back(m->in);
          titles += (titles.empty() ? "" : "; ") + qualified(*m->in, m->a->id) + " \"" + m->a->project + "\"";
        }
        rows.insert(rows.end(), earlier.begin(), earlier.end());
        finding f = found(finding_code::project_funded_before, severity::warning, a.fund, rows);
        f.message_sv = a.id + " \"" + a.project + "\" bedöms som inte tidigare provat, men samma förvaltning (" +
                       fv->name + ") har tidigare beviljats medel för samma eller nästan samma projekt: " + titles + ".";
        f.message_en = a.id + " \"" + a.project + "\" is assessed as not tried before, but the same administration (" +
                       fv->name + ") was granted funds for the same or a near-same project before: " + titles + ".";
        f = citing(std::move(f), novelty);
        f.reading = "near-same titles: Dice coefficient of the title tokens at least 4/5 (docs/audit.md)";
        if (granted_as_new) f.reading = *f.reading + "; granted under the required criterion, so assessed as met";
        add(i, std::move(f), read);
      }
    }
  }

  // (c) A round's limit per förvaltning, counted for the förvaltning that carries the grants on
  // the date of the next round read: predecessors that merged count as one.
  void check_merged_limits() {
    const auto groups = years();
    for (std::size_t g = 0; g + 1 < groups.size(); ++g) {
      const grant_round& next = rounds_[order_[groups[g + 1].first]];
      for (std::size_t k = groups[g].first; k < groups[g].second; ++k) check_merged_limits(order_[k], next);
    }
  }

  void check_merged_limits(std::size_t i, const grant_round& next) {
    const grant_round& r = rounds_[i];
    const calendar_date later = next.document.dated;
    for (const auto& f : r.funds) {
      // The limit lives in its rule (rules/facts.hpp): of several, the lowest binds.
      std::vector<std::pair<std::int64_t, const rule*>> limits;
      if (const rule* limit = unit_limit_rule(r, f.id)) limits.emplace_back(*limit->count, limit);
      if (limits.empty()) continue;
      std::map<std::string, std::vector<std::string>> then, carried;
      std::map<std::string, std::set<std::string>> parts;  // carried förvaltning -> its förvaltningar then
      for (std::size_t n = 0; n < r.applications.size(); ++n) {
        const application& a = r.applications[n];
        const unit* at_round = forvaltning(i, n, r.document.dated);
        if (a.fund != f.id || !is_granted(a.outcome) || !at_round) continue;
        const std::string to = forvaltning(i, n, later)->id;
        then[at_round->id].push_back(a.id);
        carried[to].push_back(a.id);
        parts[to].insert(at_round->id);
      }
      for (const auto& [limit, limit_rule] : limits) {
        for (const auto& [id, rows] : carried) {
          const auto& merged = parts[id];
          if (static_cast<std::int64_t>(rows.size()) <= limit || merged.size() < 2) continue;
          // A predecessor over the limit on its own is the audit of the round's finding already.
          // `limit = limit`: clang 14 (the fuzz build) cannot capture a structured binding.
          if (std::any_of(merged.begin(), merged.end(), [&, limit = limit](const std::string& p) {
                return static_cast<std::int64_t>(then[p].size()) > limit;
              }))
            continue;
          std::vector<std::string> names, qualified_rows;
          for (const auto& p : merged) names.push_back(units_.find(p)->name);
          for (const auto& row : rows) qualified_rows.push_back(qualified(r, row));
          const std::string name = units_.find(id)->name;
          finding x = found(finding_code::merged_unit_limit_exceeded, severity::warning, f.id, qualified_rows);
          x.expected = figure::of_count(limit);
          x.actual = figure::of_count(static_cast<std::int64_t>(rows.size()));
          x.message_sv = name + ", som " + later.to_string() + " svarar för " + names_joined(names, " och ") + ", har " +
                         std::to_string(rows.size()) + " beviljade ansökningar i omgången " + std::to_string(r.year) +
                         " (" + rows_sv(rows) + "); högst " + std::to_string(limit) + " per förvaltning.";
          x.message_en = name + ", which carries on " + names_joined(names, " and ") + " on " + later.to_string() + ", holds " +
                         std::to_string(rows.size()) + " granted applications of the " + std::to_string(r.year) +
                         " round (" + rows_en(rows) + "); at most " + std::to_string(limit) + " per administration.";
          x = citing(std::move(x), limit_rule);
          x.reading = "the limit counted for the förvaltning that carries the grants on the next round's date (" +
                      later.to_string() + ")";
          add(i, std::move(x), {&r, &next});
        }
      }
    }
  }

  // "A, B och C".
  static std::string names_joined(const std::vector<std::string>& names, const char* last) {
    std::string text;
    for (std::size_t n = 0; n < names.size(); ++n)
      text += (n == 0 ? "" : n + 1 == names.size() ? last : ", ") + names[n];
    return text;
  }

  std::span<const grant_round> rounds_;
  const unit_registry& units_;
  std::vector<std::size_t> order_;
  std::vector<std::vector<const unit*>> unit_of_;
  std::vector<cross_round_finding> out_;
};

}  // namespace

bool near_same_title(std::string_view a, std::string_view b) { return near_same(title_tokens(a), title_tokens(b)); }

std::vector<cross_round_finding> audit_across(std::span<const grant_round> rounds, const unit_registry& units) {
  return across(rounds, units).run();
}

std::vector<report> audit_rounds(std::span<const grant_round> rounds, const unit_registry& units,
                                 const progress_callback& progress) {
  std::vector<report> reports;
  reports.reserve(rounds.size());
  for (const auto& r : rounds) {
    reports.push_back(audit(r, units));
    if (progress) progress(reports.size(), rounds.size());
  }
  for (auto& x : audit_across(rounds, units)) reports[x.round].findings.push_back(std::move(x.found));
  return reports;
}

}  // namespace anslag
