#include <anslag/rules/facts.hpp>

#include "../krona/wide.hpp"
#include "decision_bounds.hpp"
#include <anslag/rules/evaluate.hpp>

#include <algorithm>
#include <limits>
#include <vector>

namespace anslag {
namespace {

// The rule of two that binds more: the lower cap or count (the earlier on a tie).
const rule* binding(const rule* current, const rule& candidate) noexcept {
  if (!current) return &candidate;
  if (candidate.kind == rule_kind::cap_per_application)
    return *candidate.amount < *current->amount ? &candidate : current;
  return *candidate.count < *current->count ? &candidate : current;
}

// What the rows of one fund show of one kind of amount (requested or granted), for the
// derivation from a stated total: printed values, those the decision words fix, and those open.
struct fund_sums {
  detail::wide known = 0;    // the printed values
  detail::wide implied = 0;  // fixed by the decision word
  detail::wide lower = 0;    // the least the open values can be
  detail::wide upper = 0;    // the most they can be, when every one is bounded
  bool bounded = true;
  std::size_t open = 0;
  const application* first_open = nullptr;
  bool by_full_grant = false, by_rejection = false;  // which decision words fixed values

  fund_sums& operator+=(const fund_sums& o) {
    known += o.known;
    implied += o.implied;
    lower += o.lower;
    upper += o.upper;
    bounded = bounded && o.bounded;
    open += o.open;
    if (!first_open) first_open = o.first_open;
    by_full_grant = by_full_grant || o.by_full_grant;
    by_rejection = by_rejection || o.by_rejection;
    return *this;
  }
};

// What one row adds to its fund's sums; the same readings as the audit's totals (docs/audit.md).
void add_row(fund_sums& sums, const application& a, bool requested) {
  const auto& value = requested ? a.requested : a.granted;
  if (value) {
    sums.known += value->ore();
    return;
  }
  const rules_detail::decision_bounds bounds = rules_detail::bounds_by_decision(a, requested);
  if (bounds.exact) {
    sums.implied += bounds.least;
    (bounds.reading == rejection_reading ? sums.by_rejection : sums.by_full_grant) = true;
    return;
  }
  sums.lower += bounds.least;
  if (bounds.most) sums.upper += *bounds.most;
  else sums.bounded = false;
  ++sums.open;
  if (!sums.first_open) sums.first_open = &a;
}

std::optional<known_amount> with_basis(std::optional<known_amount> from, std::string_view reading) {
  if (!from) return from;
  if (from->basis == amount_basis::printed) from->basis = amount_basis::decision;
  from->reading = from->reading.empty() ? std::string(reading) : from->reading + "; " + std::string(reading);
  return from;
}

}  // namespace

fund_limits::fund_limits(const grant_round& r) {
  for (const auto& u : r.rules) {
    const bool cap = u.kind == rule_kind::cap_per_application;
    if ((!cap && u.kind != rule_kind::max_granted_per_unit) || !has_verdict(u)) continue;
    const auto add = [&](limits& l) {
      const rule*& slot = cap ? l.cap : l.unit_limit;
      slot = binding(slot, u);
    };
    if (u.funds.empty()) add(every_fund_);
    for (const auto& f : u.funds) add(by_fund_[f]);
  }
}

const rule* fund_limits::cap_rule(std::string_view fund_id) const noexcept {
  const auto it = by_fund_.find(fund_id);
  if (it == by_fund_.end() || !it->second.cap) return every_fund_.cap;
  return every_fund_.cap ? binding(every_fund_.cap, *it->second.cap) : it->second.cap;
}

const rule* fund_limits::unit_limit_rule(std::string_view fund_id) const noexcept {
  const auto it = by_fund_.find(fund_id);
  if (it == by_fund_.end() || !it->second.unit_limit) return every_fund_.unit_limit;
  return every_fund_.unit_limit ? binding(every_fund_.unit_limit, *it->second.unit_limit) : it->second.unit_limit;
}

namespace {
// The binding rule of `kind` with a verdict that applies to `fund_id`, by one scan of the rules:
// what fund_limits answers, without building one (no allocation, so the callers stay noexcept).
const rule* binding_rule(const grant_round& r, std::string_view fund_id, rule_kind kind) noexcept {
  const rule* every_fund = nullptr;
  const rule* this_fund = nullptr;
  for (const auto& u : r.rules) {
    if (u.kind != kind || !has_verdict(u)) continue;
    if (u.funds.empty()) every_fund = binding(every_fund, u);
    if (std::find(u.funds.begin(), u.funds.end(), fund_id) != u.funds.end()) this_fund = binding(this_fund, u);
  }
  return every_fund && this_fund ? binding(every_fund, *this_fund) : every_fund ? every_fund : this_fund;
}
}  // namespace

const rule* cap_rule(const grant_round& r, std::string_view fund_id) noexcept {
  return binding_rule(r, fund_id, rule_kind::cap_per_application);
}
std::optional<Krona> cap_per_application(const grant_round& r, std::string_view fund_id) noexcept {
  const rule* u = cap_rule(r, fund_id);
  return u ? u->amount : std::nullopt;
}
const rule* unit_limit_rule(const grant_round& r, std::string_view fund_id) noexcept {
  return binding_rule(r, fund_id, rule_kind::max_granted_per_unit);
}
std::optional<std::int64_t> max_granted_per_unit(const grant_round& r, std::string_view fund_id) noexcept {
  const rule* u = unit_limit_rule(r, fund_id);
  return u ? u->count : std::nullopt;
}

const rule* application_window_rule(const grant_round& r) noexcept {
  for (const auto& u : r.rules)
    if (u.kind == rule_kind::application_window && u.from && u.to) return &u;
  return nullptr;
}

const rule* repayment_notice_rule(const grant_round& r) noexcept {
  for (const auto& u : r.rules)
    if (u.kind == rule_kind::repayment_notice && u.to) return &u;
  return nullptr;
}

std::pair<std::string, std::string> basis_note(const known_amount& k) {
  switch (k.basis) {
    case amount_basis::printed: return {};
    case amount_basis::decision:
      if (k.reading == rejection_reading) return {" (avslås: inget beviljat)", " (rejected: nothing granted)"};
      return {" (beviljas i sin helhet: som ansökt)", " (granted in full: as requested)"};
    case amount_basis::statement:
      return {" (härlett ur uppgift " + k.statement + ")", " (derived from statement " + k.statement + ")"};
  }
  return {};
}

cap_test test_cap(Krona cap, const std::optional<known_amount>& requested,
                  const std::optional<known_amount>& granted) {
  // Of a request and a grant both above the cap, the one the row prints is shown.
  const bool request_over = requested && requested->value > cap;
  const bool grant_over = granted && granted->value > cap;
  if (grant_over && (!request_over || (granted->basis == amount_basis::printed &&
                                       requested->basis != amount_basis::printed)))
    return {verdict_state::not_met, true, granted};
  if (!requested) return {};
  return {requested->value > cap ? verdict_state::not_met : verdict_state::met, false, requested};
}

amount_facts::amount_facts(const grant_round& r) {
  // Both kinds of amount in one walk over the rows: a row's amounts lie side by side, and a
  // round of a million rows is read from memory once rather than twice.
  struct row_sums {
    fund_sums requested, granted;
  };
  std::unordered_map<std::string_view, row_sums> by_fund;
  for (const auto& a : r.applications) {
    row_sums& sums = by_fund[a.fund];
    add_row(sums.requested, a, true);
    add_row(sums.granted, a, false);
  }
  for (const bool requested : {true, false}) {
    const auto of_kind = [requested](const row_sums& sums) -> const fund_sums& {
      return requested ? sums.requested : sums.granted;
    };
    fund_sums all;
    for (const auto& f : r.funds) all += of_kind(by_fund[f.id]);
    auto& derived = requested ? requested_ : granted_;
    for (const auto& s : r.statements) {
      const bool kind = s.kind == (requested ? statement_kind::requested_total : statement_kind::granted_total);
      if (!kind || !s.amount) continue;
      fund_sums scope;
      if (s.funds.empty()) {
        scope = all;
      } else {
        std::vector<std::string_view> funds(s.funds.begin(), s.funds.end());
        std::sort(funds.begin(), funds.end());
        funds.erase(std::unique(funds.begin(), funds.end()), funds.end());
        for (const auto f : funds)
          if (const auto it = by_fund.find(f); it != by_fund.end()) scope += of_kind(it->second);
      }
      if (scope.open != 1) continue;
      const detail::wide value = detail::wide(s.amount->ore()) - scope.known - scope.implied;
      // A value the decision words forbid is the statement's error (a TOTAL_MISMATCH in the
      // audit), not the row's amount.
      if (value < scope.lower || (scope.bounded && value > scope.upper) ||
          value > std::numeric_limits<std::int64_t>::max())
        continue;
      known_amount k{Krona::from_ore(detail::narrow(value)), amount_basis::statement, s.id,
                     "the stated total " + s.id + " less the other rows of its scope"};
      if (scope.by_full_grant) k.reading += "; " + std::string(full_grant_reading);
      if (scope.by_rejection) k.reading += "; " + std::string(rejection_reading);
      derived.try_emplace(scope.first_open->id, std::move(k));
    }
  }
}

std::optional<known_amount> amount_facts::derived_requested(const application& a) const {
  if (a.requested) return known_amount{*a.requested, amount_basis::printed, {}, {}};
  const auto it = requested_.find(a.id);
  if (it == requested_.end()) return std::nullopt;
  return it->second;
}

std::optional<known_amount> amount_facts::derived_granted(const application& a) const {
  if (a.granted) return known_amount{*a.granted, amount_basis::printed, {}, {}};
  const auto it = granted_.find(a.id);
  if (it == granted_.end()) return std::nullopt;
  return it->second;
}

std::optional<known_amount> amount_facts::requested(const application& a) const {
  if (auto k = derived_requested(a)) return k;
  if (a.outcome == decision::granted) return with_basis(derived_granted(a), full_grant_reading);
  return std::nullopt;
}

std::optional<known_amount> amount_facts::granted(const application& a) const {
  if (auto k = derived_granted(a)) return k;
  if (a.outcome == decision::granted) return with_basis(derived_requested(a), full_grant_reading);
  if (a.outcome == decision::rejected) return known_amount{Krona{}, amount_basis::decision, {}, std::string(rejection_reading)};
  return std::nullopt;
}

}  // namespace anslag
