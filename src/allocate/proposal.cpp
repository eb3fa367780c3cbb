#include <anslag/allocate/proposal.hpp>

#include <anslag/error.hpp>
#include "../krona/wide.hpp"
#include <anslag/rules/facts.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <string>

namespace anslag {
namespace {

// The fund's applications in the order of allocation: `order` first, the rest in document order.
std::vector<const application*> ordered(const grant_round& r, const std::string& fund_id,
                                        const propose_options& options) {
  std::vector<const application*> in_fund;
  for (const auto& a : r.applications)
    if (a.fund == fund_id && (options.include_rejected || is_granted(a.outcome)))
      in_fund.push_back(&a);
  std::vector<const application*> result;
  for (const auto& id : options.order) {
    const auto found = std::find_if(in_fund.begin(), in_fund.end(),
                                    [&](const application* a) { return a && a->id == id; });
    if (found == in_fund.end()) {
      const bool listed = std::any_of(result.begin(), result.end(),
                                      [&](const application* a) { return a->id == id; });
      if (listed) throw invalid_argument_error("application '" + id + "' is twice in the order");
      throw not_found_error("no application '" + id + "' in fund " + fund_id);
    }
    result.push_back(*found);
    *found = nullptr;
  }
  for (const application* a : in_fund)
    if (a) result.push_back(a);
  return result;
}

// The förvaltning an application counts as in the per-förvaltning limit, on the document's
// date (the same notion as the rules and the audit); empty when its unit is not known.
std::optional<std::string> forvaltning_of(const grant_round& r, const application& a, const unit_registry& units) {
  const unit* u = unit_of(a, units);
  if (!u) return std::nullopt;
  return units.forvaltning_on(*u, r.document.dated).id;
}

}  // namespace

proposal propose(const grant_round& r, std::string_view fund_id, allocation_strategy strategy,
                 const unit_registry& units, const propose_options& options) {
  const fund* f = r.find_fund(fund_id);
  if (!f)
    throw not_found_error("no fund '" + std::string(fund_id) + "' in the " +
                          std::to_string(r.year) + " round");
  proposal p;
  p.year = r.year;
  p.fund = f->id;
  p.strategy = strategy;
  p.budget = f->budget;
  p.cap = cap_per_application(r, f->id);
  p.unit = options.unit;
  p.limit = max_granted_per_unit(r, f->id);

  std::map<std::string, std::int64_t> taken;  // förvaltning → applications taking part so far
  std::vector<std::size_t> taking_part;       // indices into p.grants
  std::vector<Krona> requests;
  for (const application* a : ordered(r, f->id, options)) {
    proposed_grant g{a->id, forvaltning_of(r, *a, units), a->requested, {}, {}, a->granted};
    if (g.requested) {
      if (!g.forvaltning) {
        p.unlimited.push_back(a->id);
      } else if (p.limit && taken[*g.forvaltning] >= *p.limit) {
        g.proposed = Krona{};
        g.reason = grant_reason::unit_limit;
      } else {
        ++taken[*g.forvaltning];
      }
      if (!g.reason) {
        taking_part.push_back(p.grants.size());
        requests.push_back(*g.requested);
      }
    }
    p.grants.push_back(std::move(g));
  }

  budget_options settings;
  settings.unit = options.unit;
  settings.cap = p.cap;
  const budget_allocation result = allocate_budget(f->budget, requests, strategy, settings);
  for (std::size_t k = 0; k < taking_part.size(); ++k) {
    p.grants[taking_part[k]].proposed = result.grants[k];
    p.grants[taking_part[k]].reason = result.reasons[k];
  }
  return p;
}

comparison proposal::compare() const {
  // Exact sums (128 bits hold any number of 64-bit amounts below 2^64): a total beyond the range
  // of an amount is an error naming the fund, or the application, not a bare overflow.
  const auto in_range = [&](const detail::wide& ore, const std::string& what) {
    if (ore < std::numeric_limits<std::int64_t>::min() || ore > std::numeric_limits<std::int64_t>::max())
      throw overflow_error(what + " is beyond the range of amounts");
    return Krona::from_ore(detail::narrow(ore));
  };
  // A total is known when at least one of its terms is: the sum of nothing known is unknown.
  struct total {
    detail::wide ore = 0;
    bool known = false;
    void add(Krona k) {
      ore += k.ore();
      known = true;
    }
  };
  const auto result = [&](const total& t, const std::string& what) -> std::optional<Krona> {
    if (!t.known) return std::nullopt;
    return in_range(t.ore, what);
  };
  comparison c;
  total recorded, proposed, difference;
  for (const auto& g : grants) {
    compared_grant row{g.application, g.recorded, g.proposed, {}, g.reason};
    if (g.recorded) recorded.add(*g.recorded);
    else ++c.recorded_unknown;
    if (g.proposed) proposed.add(*g.proposed);
    else ++c.proposed_unknown;
    if (g.recorded && g.proposed) {
      row.difference = in_range(detail::wide(g.proposed->ore()) - g.recorded->ore(),
                                "the difference for application '" + g.application + "' in fund " + fund);
      difference.add(*row.difference);
    }
    c.rows.push_back(std::move(row));
  }
  c.recorded_total = result(recorded, "the sum of the recorded grants in fund " + fund);
  c.proposed_total = result(proposed, "the sum of the proposed grants in fund " + fund);
  c.difference_total = result(difference, "the sum of the differences in fund " + fund);
  return c;
}

}  // namespace anslag
