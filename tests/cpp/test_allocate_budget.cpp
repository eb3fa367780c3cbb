// anslag::allocate_budget: worked cases of each strategy, the edges, and the exact messages.
// The generated-case properties and the agreement with a Fraction reference are in
// tests/python/test_allocation_properties.py.
#include <anslag/allocate/budget.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

using anslag::allocation_strategy;
using anslag::grant_reason;
using anslag::Krona;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr auto full = grant_reason::full_request;
constexpr auto cap = grant_reason::cap;
constexpr auto exhausted = grant_reason::budget_exhausted;
constexpr auto rounding = grant_reason::unit_rounding;

struct outcome {
  std::vector<std::int64_t> grants;
  std::vector<grant_reason> reasons;
};

outcome run(allocation_strategy strategy, std::int64_t budget, std::vector<std::int64_t> requests,
            std::int64_t unit = 1, std::optional<std::int64_t> cap_ore = std::nullopt) {
  std::vector<Krona> amounts;
  for (auto r : requests) amounts.push_back(Krona::from_ore(r));
  anslag::budget_options options;
  options.unit = Krona::from_ore(unit);
  if (cap_ore) options.cap = Krona::from_ore(*cap_ore);
  const auto result = anslag::allocate_budget(Krona::from_ore(budget), amounts, strategy, options);
  outcome o;
  for (Krona g : result.grants) o.grants.push_back(g.ore());
  o.reasons = result.reasons;
  return o;
}

using G = std::vector<std::int64_t>;
using R = std::vector<grant_reason>;
constexpr auto ranked = allocation_strategy::ranked;
constexpr auto pro_rata = allocation_strategy::pro_rata;
constexpr auto equal_cap = allocation_strategy::equal_cap;

}  // namespace

TEST_CASE("ranked meets requests in order, gives the first misfit the rest, the others nothing",
          "[allocate][ranked]") {
  const auto o = run(ranked, 1000, {400, 300, 500, 100});
  REQUIRE(o.grants == G{400, 300, 300, 0});
  REQUIRE(o.reasons == R{full, full, exhausted, exhausted});
}

TEST_CASE("ranked rounds the misfit down to the unit; what that leaves is not passed on",
          "[allocate][ranked][unit]") {
  const auto o = run(ranked, 1000, {400, 300, 500, 100}, 200);
  REQUIRE(o.grants == G{400, 300, 200, 0});
  // 100 stays unspent: enough for the last request, which ranked still leaves out.
  REQUIRE(o.reasons == R{full, full, exhausted, rounding});
}

TEST_CASE("ranked applies the cap before fitting requests into the budget", "[allocate][ranked][cap]") {
  const auto o = run(ranked, 1000, {400, 300, 500, 100}, 1, 350);
  REQUIRE(o.grants == G{350, 300, 350, 0});
  REQUIRE(o.reasons == R{cap, full, cap, exhausted});
}

TEST_CASE("a request of zero after the budget runs out is still met in full", "[allocate][ranked]") {
  const auto o = run(ranked, 1000, {600, 500, 0});
  REQUIRE(o.grants == G{600, 400, 0});
  REQUIRE(o.reasons == R{full, exhausted, full});
}

TEST_CASE("pro_rata gives exact shares when they are whole", "[allocate][pro_rata]") {
  const auto o = run(pro_rata, 600, {100, 200, 300, 400});
  REQUIRE(o.grants == G{60, 120, 180, 240});
  REQUIRE(o.reasons == R(4, exhausted));
}

TEST_CASE("pro_rata gives leftover öre by largest remainder, ties to the larger request, then the "
          "earlier",
          "[allocate][pro_rata][ties]") {
  REQUIRE(run(pro_rata, 5, {3, 6}).grants == G{2, 3});            // remainders 2/3 and 1/3
  REQUIRE(run(pro_rata, 2, {1, 1, 4}).grants == G{0, 0, 2});      // three remainders of 1/3
  REQUIRE(run(pro_rata, 100, {100, 100, 100}).grants == G{34, 33, 33});
}

TEST_CASE("pro_rata shares the budget in whole units", "[allocate][pro_rata][unit]") {
  // Shares 375, 375, 250 öre: 300, 300, 200 in units of 100, and the two units left go to the
  // two remainders of 75.
  const auto o = run(pro_rata, 1000, {450, 450, 300}, 100);
  REQUIRE(o.grants == G{400, 400, 200});
  REQUIRE(o.reasons == R(3, exhausted));
}

TEST_CASE("pro_rata clips a part rounded above its request to the request", "[allocate][pro_rata][unit]") {
  // Shares 980.2 and 19.8: the unit left goes to the first, whose 1 000 is clipped to 990.
  const auto o = run(pro_rata, 1000, {990, 20}, 100);
  REQUIRE(o.grants == G{990, 0});
  REQUIRE(o.reasons == R{full, exhausted});
}

TEST_CASE("pro_rata calls a grant unit_rounding when the unspent budget would pay its rest",
          "[allocate][pro_rata][unit]") {
  // 1 000 of the 1 050 is shared (whole units); shares 925.2, 37.4, 37.4. The unit left goes to
  // the earlier of the two equal remainders, clipped to 40; 110 stays unspent.
  const auto o = run(pro_rata, 1050, {990, 40, 40}, 100);
  REQUIRE(o.grants == G{900, 40, 0});
  REQUIRE(o.reasons == R{rounding, full, rounding});
}

TEST_CASE("equal_cap raises everyone to one level, as high as the budget allows",
          "[allocate][equal_cap]") {
  const auto o = run(equal_cap, 1000, {100, 500, 800});
  REQUIRE(o.grants == G{100, 450, 450});
  REQUIRE(o.reasons == R{full, exhausted, exhausted});
}

TEST_CASE("equal_cap with a unit: the level in whole units, then one unit more in index order",
          "[allocate][equal_cap][unit]") {
  // Level 400; the 100 left raises the first short request to 500, its full request.
  const auto o = run(equal_cap, 1000, {100, 500, 800}, 100);
  REQUIRE(o.grants == G{100, 500, 400});
  REQUIRE(o.reasons == R{full, full, exhausted});
}

TEST_CASE("equal_cap raises the cheapest first: a request within a unit of the level before a "
          "whole unit",
          "[allocate][equal_cap][unit]") {
  // Level 300; 100 left: 30 completes the first, 40 the second, and 30 is too little for a unit.
  const auto o = run(equal_cap, 1000, {330, 340, 400}, 100);
  REQUIRE(o.grants == G{330, 340, 300});
  REQUIRE(o.reasons == R{full, full, exhausted});
}

TEST_CASE("equal_cap breaks a tie between equal requests by the earlier index",
          "[allocate][equal_cap][ties]") {
  REQUIRE(run(equal_cap, 10, {5, 5, 5}).grants == G{4, 3, 3});
}

TEST_CASE("equal_cap calls a grant unit_rounding when the unspent budget would pay its rest",
          "[allocate][equal_cap][unit]") {
  // Level 0; 110 pays one unit of 100; the 10 left would complete the 110 but is not a unit.
  const auto o = run(equal_cap, 110, {0, 110, 100}, 100);
  REQUIRE(o.grants == G{0, 100, 0});
  REQUIRE(o.reasons == R{full, rounding, exhausted});
}

TEST_CASE("every strategy meets every capped request when the budget covers them",
          "[allocate][edge]") {
  for (auto s : {ranked, pro_rata, equal_cap}) {
    CAPTURE(anslag::to_string(s));
    const auto o = run(s, 10'000, {450, 450, 300}, 100, 400);
    REQUIRE(o.grants == G{400, 400, 300});
    REQUIRE(o.reasons == R{cap, cap, full});
    REQUIRE(run(s, 1200, {450, 450, 300}, 7).grants == G{450, 450, 300});
  }
}

TEST_CASE("no requests give no grants; a budget of zero gives zero grants", "[allocate][edge]") {
  for (auto s : {ranked, pro_rata, equal_cap}) {
    CAPTURE(anslag::to_string(s));
    const auto empty = run(s, 1000, {});
    REQUIRE(empty.grants.empty());
    REQUIRE(empty.reasons.empty());
    const auto none = run(s, 0, {300, 0, 200}, 100);
    REQUIRE(none.grants == G{0, 0, 0});
    REQUIRE(none.reasons == R{exhausted, full, exhausted});
    const auto capped_to_zero = run(s, 1000, {300, 0}, 1, 0);
    REQUIRE(capped_to_zero.grants == G{0, 0});
    REQUIRE(capped_to_zero.reasons == R{cap, full});
  }
}

TEST_CASE("amounts near the top of the range go through 128-bit intermediates exactly",
          "[allocate][edge][wide]") {
  constexpr std::int64_t half_up = int64_max / 2 + 1;
  REQUIRE(run(pro_rata, int64_max, {int64_max, int64_max}).grants == G{half_up, int64_max / 2});
  REQUIRE(run(equal_cap, int64_max, {int64_max, int64_max}).grants == G{half_up, int64_max / 2});
  REQUIRE(run(ranked, int64_max, {int64_max, int64_max}).grants == G{int64_max, 0});
  // Three units fit the budget; the two big shares are one and a half units each, and the
  // third unit goes to the earlier of their equal remainders.
  REQUIRE(run(pro_rata, int64_max, {int64_max, 1, int64_max}, int64_max / 3).grants ==
          G{int64_max / 3 * 2, 0, int64_max / 3});
}

TEST_CASE("bad arguments are refused with exact messages", "[allocate][errors]") {
  using anslag::invalid_argument_error;
  REQUIRE_THROWS_MATCHES(run(ranked, -1, {1}), invalid_argument_error,
                         Catch::Message("allocation budget is negative"));
  REQUIRE_THROWS_MATCHES(run(pro_rata, 10, {1, 2, -3}), invalid_argument_error,
                         Catch::Message("request at index 2 is negative"));
  REQUIRE_THROWS_MATCHES(run(equal_cap, 10, {1}, 1, -1), invalid_argument_error,
                         Catch::Message("allocation cap is negative"));
  REQUIRE_THROWS_MATCHES(run(equal_cap, 10, {1}, 0), invalid_argument_error,
                         Catch::Message("allocation unit must be positive"));
  REQUIRE_THROWS_MATCHES(run(ranked, 10, {1}, -100), invalid_argument_error,
                         Catch::Message("allocation unit must be positive"));
  REQUIRE_THROWS_MATCHES(anslag::parse_allocation_strategy("greedy"), anslag::parse_error,
                         Catch::Message("unknown allocation strategy 'greedy' (ranked, pro_rata, equal_cap)"));
  std::vector<std::int64_t> requests{1, 2};
  std::vector<std::int64_t> grants(1);
  std::vector<grant_reason> reasons(2);
  REQUIRE_THROWS_MATCHES(anslag::allocate_budget_ore(10, requests, ranked, {}, grants, reasons),
                         invalid_argument_error,
                         Catch::Message("grants and reasons need one element per request"));
}

TEST_CASE("strategy and reason names round-trip", "[allocate][names]") {
  for (auto s : {ranked, pro_rata, equal_cap})
    REQUIRE(anslag::parse_allocation_strategy(anslag::to_string(s)) == s);
  REQUIRE(anslag::to_string(grant_reason::full_request) == "full_request");
  REQUIRE(anslag::to_string(grant_reason::cap) == "cap");
  REQUIRE(anslag::to_string(grant_reason::budget_exhausted) == "budget_exhausted");
  REQUIRE(anslag::to_string(grant_reason::unit_rounding) == "unit_rounding");
  REQUIRE(anslag::to_string(grant_reason::unit_limit) == "unit_limit");
}
