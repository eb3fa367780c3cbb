#include <anslag/allocate/budget.hpp>

#include <anslag/error.hpp>
#include <anslag/krona/allocate.hpp>
#include "../krona/wide.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace anslag {
namespace {

using detail::wide;

// The reason for a grant once the strategy has fixed it. A short grant whose rest the unspent
// budget would cover is short because the budget is handed out in whole units, not for want of
// money (docs/allocation.md says where each strategy leaves such a grant).
grant_reason reason_for(std::int64_t grant, std::int64_t request, std::int64_t capped,
                        std::int64_t unspent) {
  if (grant == capped) return capped < request ? grant_reason::cap : grant_reason::full_request;
  return capped - grant <= unspent ? grant_reason::unit_rounding : grant_reason::budget_exhausted;
}

void ranked(std::int64_t budget, std::int64_t unit, std::span<const std::int64_t> capped,
            std::span<std::int64_t> grants) {
  std::int64_t left = budget;
  bool exhausted = false;
  for (std::size_t i = 0; i < capped.size(); ++i) {
    if (!exhausted && capped[i] <= left) {
      grants[i] = capped[i];
      left -= capped[i];
    } else if (!exhausted) {
      grants[i] = left - left % unit;
      exhausted = true;
    } else {
      grants[i] = 0;
    }
  }
}

// Called only when the capped requests sum above the budget, so their sum is positive.
void pro_rata(std::int64_t budget, std::int64_t unit, std::span<const std::int64_t> capped,
              std::span<std::int64_t> grants) {
  const Krona distributable = Krona::from_ore(budget - budget % unit);
  const std::vector<Krona> parts = allocate(distributable, capped, Krona::from_ore(unit));
  // A part exceeds its share by less than a unit and the share is below the capped request
  // (the budget is), so clipping takes back less than one unit per part.
  for (std::size_t i = 0; i < capped.size(); ++i) grants[i] = std::min(parts[i].ore(), capped[i]);
}

// Called only when the capped requests sum above the budget.
void equal_cap(std::int64_t budget, std::int64_t unit, std::span<const std::int64_t> capped,
                       std::span<std::int64_t> grants) {
  const std::size_t n = capped.size();
  std::vector<std::int64_t> sorted(capped.begin(), capped.end());
  std::sort(sorted.begin(), sorted.end());
  // met = how many requests the exact water level covers in full; paid = their sum.
  // A request is covered when the level at its own amount is affordable:
  // paid + sorted[met]·(n - met) <= budget. paid <= budget throughout, and the product is below
  // 2^63 · 2^64, within 128 bits.
  std::size_t met = 0;
  std::int64_t paid = 0;
  while (met < n && wide(sorted[met]) * (n - met) + paid <= budget) paid += sorted[met++];
  // met < n because the requests sum above the budget. The exact level is
  // (budget - paid) / (n - met), below sorted[met]; L is it rounded down to the unit.
  const wide level_units = wide(budget - paid) / (wide(n - met) * unit);
  const std::int64_t level = detail::narrow(level_units * unit);

  std::int64_t left = budget;
  std::vector<std::size_t> partial;  // short requests raised by less than a unit to their full
  std::vector<std::size_t> whole;    // short requests raised by a whole unit
  for (std::size_t i = 0; i < n; ++i) {
    grants[i] = std::min(capped[i], level);
    left -= grants[i];
    if (capped[i] <= level) continue;
    (capped[i] - level < unit ? partial : whole).push_back(i);
  }
  // The cheapest raise first maximises how many are raised; among equal raises, the earlier
  // index. Every whole-unit raise costs more than every partial one, and `whole` is in index order.
  std::sort(partial.begin(), partial.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(capped[a], a) < std::pair(capped[b], b);
  });
  // Raises come in ascending cost, so once one does not fit none after it does.
  const auto raise = [&](std::size_t i, std::int64_t to) {
    if (to - grants[i] > left) return;
    left -= to - grants[i];
    grants[i] = to;
  };
  for (std::size_t i : partial) raise(i, capped[i]);
  for (std::size_t i : whole) raise(i, level + unit);
}

}  // namespace

std::string_view to_string(allocation_strategy s) noexcept {
  switch (s) {
    case allocation_strategy::ranked: return "ranked";
    case allocation_strategy::pro_rata: return "pro_rata";
    case allocation_strategy::equal_cap: return "equal_cap";
  }
  return "?";
}

allocation_strategy parse_allocation_strategy(std::string_view name) {
  for (auto s : {allocation_strategy::ranked, allocation_strategy::pro_rata,
                 allocation_strategy::equal_cap})
    if (to_string(s) == name) return s;
  throw parse_error("unknown allocation strategy '" + std::string(name) + "' (ranked, pro_rata, equal_cap)", 0);
}

std::string_view to_string(grant_reason r) noexcept {
  switch (r) {
    case grant_reason::full_request: return "full_request";
    case grant_reason::cap: return "cap";
    case grant_reason::budget_exhausted: return "budget_exhausted";
    case grant_reason::unit_rounding: return "unit_rounding";
    case grant_reason::unit_limit: return "unit_limit";
  }
  return "?";
}

void allocate_budget_ore(std::int64_t budget, std::span<const std::int64_t> requests,
                         allocation_strategy strategy, const budget_options& options,
                         std::span<std::int64_t> grants, std::span<grant_reason> reasons) {
  if (budget < 0) throw invalid_argument_error("allocation budget is negative");
  if (options.cap && options.cap->ore() < 0) throw invalid_argument_error("allocation cap is negative");
  const std::int64_t unit = options.unit.ore();
  if (unit <= 0) throw invalid_argument_error("allocation unit must be positive");
  if (grants.size() != requests.size() || reasons.size() != requests.size())
    throw invalid_argument_error("grants and reasons need one element per request");

  std::vector<std::int64_t> capped(requests.size());
  wide demand = 0;  // <= n · (2^63 - 1), within 128 bits for any n below 2^64
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (requests[i] < 0)
      throw invalid_argument_error("request at index " + std::to_string(i) + " is negative");
    capped[i] = options.cap ? std::min(requests[i], options.cap->ore()) : requests[i];
    demand += capped[i];
  }

  if (demand <= budget) {
    std::copy(capped.begin(), capped.end(), grants.begin());
  } else {
    switch (strategy) {
      case allocation_strategy::ranked: ranked(budget, unit, capped, grants); break;
      case allocation_strategy::pro_rata: pro_rata(budget, unit, capped, grants); break;
      case allocation_strategy::equal_cap: equal_cap(budget, unit, capped, grants); break;
    }
  }
  std::int64_t unspent = budget;  // the grants sum to at most the budget: no overflow
  for (std::int64_t g : grants) unspent -= g;
  for (std::size_t i = 0; i < grants.size(); ++i)
    reasons[i] = reason_for(grants[i], requests[i], capped[i], unspent);
}

budget_allocation allocate_budget(Krona budget, std::span<const Krona> requests,
                                  allocation_strategy strategy, const budget_options& options) {
  std::vector<std::int64_t> ore(requests.size());
  std::transform(requests.begin(), requests.end(), ore.begin(), [](Krona k) { return k.ore(); });
  std::vector<std::int64_t> grants(requests.size());
  budget_allocation result;
  result.reasons.resize(requests.size());
  allocate_budget_ore(budget.ore(), ore, strategy, options, grants, result.reasons);
  result.grants.reserve(grants.size());
  for (std::int64_t g : grants) result.grants.push_back(Krona::from_ore(g));
  return result;
}

}  // namespace anslag
