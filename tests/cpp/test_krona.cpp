// Krona arithmetic: the value type's promises, checked at both ends of the range.
#include <anslag/krona/allocate.hpp>
#include <anslag/krona/krona.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <random>
#include <ranges>
#include <vector>

using anslag::Krona;
using anslag::rounding;

namespace {
// The reference for exact sums and products: the compiler's 128-bit integer, independent of
// the library's arithmetic (which the portable build replaces).
__extension__ using wide = __int128;
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
Krona ore(std::int64_t n) { return Krona::from_ore(n); }
}  // namespace

TEST_CASE("Krona is a constexpr value type counting öre", "[krona]") {
  constexpr Krona a = Krona::from_kronor(8'618'500);
  static_assert(a.ore() == 861'850'000);
  static_assert((a + Krona::from_ore(50)).ore() == 861'850'050);
  static_assert((a * 2).ore() == 1'723'700'000);
  static_assert(Krona::from_ore(-5).abs() == Krona::from_ore(5));
  static_assert(Krona::from_ore(250).round(Krona::from_kronor(1), rounding::half_even) ==
                Krona::from_kronor(2));
  STATIC_REQUIRE(Krona{} == Krona::from_ore(0));
}

TEST_CASE("arithmetic overflow throws at both ends of the range, never wraps", "[krona][overflow]") {
  REQUIRE_THROWS_MATCHES(Krona::max() + ore(1), anslag::overflow_error,
                         Catch::Message("amount out of range in addition of 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr and 0,01\u00a0kr"));
  REQUIRE_THROWS_MATCHES(Krona::min() - ore(1), anslag::overflow_error,
                         Catch::Message("amount out of range in subtraction of 0,01\u00a0kr from \u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr"));
  REQUIRE_THROWS_MATCHES(-Krona::min(), anslag::overflow_error,
                         Catch::Message("amount out of range in negation of \u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr"));
  REQUIRE_THROWS_MATCHES(Krona::min().abs(), anslag::overflow_error,
                         Catch::Message("amount out of range in negation of \u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr"));
  REQUIRE_THROWS_MATCHES(Krona::from_kronor(92'233'720'368'547'759), anslag::overflow_error,
                         Catch::Message("amount out of range in from_kronor of 92233720368547759 kronor"));
  REQUIRE_THROWS_MATCHES(Krona::max() * 2, anslag::overflow_error,
                         Catch::Message("amount out of range in multiplication of 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr by 2"));
  REQUIRE_THROWS_AS(ore(2) * int64_max, anslag::overflow_error);
  REQUIRE_THROWS_AS(ore(-2) * int64_min, anslag::overflow_error);
  REQUIRE_THROWS_AS(Krona::from_kronor(int64_max / 100 + 1), anslag::overflow_error);
  REQUIRE(Krona::max() + Krona::min() == ore(-1));
  REQUIRE((Krona::min() * 1) == Krona::min());
  REQUIRE(ore(-1) * std::int8_t{3} == ore(-3));
  REQUIRE(3L * ore(-1) == ore(-3));
  REQUIRE_THROWS_AS(ore(-1) * int64_min, anslag::overflow_error);
  REQUIRE(ore(1) * int64_min == Krona::min());
  REQUIRE(ore(-1) * int64_max == ore(int64_min + 1));
  REQUIRE(-Krona::max() == ore(-int64_max));
  REQUIRE(Krona::from_kronor(int64_min / 100).ore() == int64_min / 100 * 100);
}

TEST_CASE("overflow errors carry the overflow code", "[krona][overflow]") {
  try {
    (void)(Krona::max() + ore(1));
    FAIL("no exception");
  } catch (const anslag::error& e) {
    REQUIRE(e.code() == anslag::errc::overflow);
  }
}

// Each mode on the ties (x,50) and just off them, for positive and negative amounts, to 1 kr.
TEST_CASE("round: every mode on ties, near-ties and negatives", "[krona][round]") {
  const Krona kr = Krona::from_kronor(1);
  struct row {
    std::int64_t in;
    std::int64_t half_even, half_up, down, up, floor, ceiling;
  };
  const std::vector<row> table{
      // in öre   half_even half_up down  up   floor ceiling   (results in öre)
      {250, 200, 300, 200, 300, 200, 300},
      {350, 400, 400, 300, 400, 300, 400},
      {251, 300, 300, 200, 300, 200, 300},
      {249, 200, 200, 200, 300, 200, 300},
      {-250, -200, -300, -200, -300, -300, -200},
      {-350, -400, -400, -300, -400, -400, -300},
      {-251, -300, -300, -200, -300, -300, -200},
      {-249, -200, -200, -200, -300, -300, -200},
      {50, 0, 100, 0, 100, 0, 100},
      {-50, 0, -100, 0, -100, -100, 0},
      {300, 300, 300, 300, 300, 300, 300},
      {0, 0, 0, 0, 0, 0, 0},
  };
  for (const auto& r : table) {
    INFO("amount " << r.in << " öre");
    CHECK(ore(r.in).round(kr, rounding::half_even) == ore(r.half_even));
    CHECK(ore(r.in).round(kr, rounding::half_up) == ore(r.half_up));
    CHECK(ore(r.in).round(kr, rounding::down) == ore(r.down));
    CHECK(ore(r.in).round(kr, rounding::up) == ore(r.up));
    CHECK(ore(r.in).round(kr, rounding::floor) == ore(r.floor));
    CHECK(ore(r.in).round(kr, rounding::ceiling) == ore(r.ceiling));
  }
}

TEST_CASE("round to 50 öre, 1 000 kr and odd units", "[krona][round]") {
  CHECK(ore(125).round(ore(50), rounding::half_up) == ore(150));
  CHECK(ore(125).round(ore(50), rounding::half_even) == ore(100));
  CHECK(Krona::from_kronor(1'500).round(Krona::from_kronor(1'000), rounding::half_even) ==
        Krona::from_kronor(2'000));
  CHECK(Krona::from_kronor(2'500).round(Krona::from_kronor(1'000), rounding::half_even) ==
        Krona::from_kronor(2'000));
  CHECK(ore(10).round(ore(3), rounding::half_up) == ore(9));
  CHECK(ore(11).round(ore(3), rounding::half_up) == ore(12));
}

TEST_CASE("round refuses a non-positive unit and overflows past the range", "[krona][round]") {
  REQUIRE_THROWS_MATCHES(ore(1).round(ore(0), rounding::up), anslag::invalid_argument_error,
                         Catch::Message("rounding unit must be positive"));
  REQUIRE_THROWS_AS(ore(1).round(ore(-100), rounding::up), anslag::invalid_argument_error);
  REQUIRE_THROWS_MATCHES(Krona::max().round(ore(100), rounding::up), anslag::overflow_error,
                         Catch::Message("amount out of range in rounding of 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr to a multiple of 1\u00a0kr"));
  REQUIRE_THROWS_AS(Krona::min().round(ore(100), rounding::floor), anslag::overflow_error);
  REQUIRE(Krona::max().round(ore(100), rounding::down) == ore(int64_max / 100 * 100));
  REQUIRE(Krona::min().round(ore(1), rounding::half_even) == Krona::min());
}

TEST_CASE("allocate: parts sum to the total, within one unit of the exact share", "[allocate]") {
  const std::vector<std::int64_t> weights{1, 1, 1};
  const auto parts = anslag::allocate(ore(100), weights);
  REQUIRE(parts == std::vector<Krona>{ore(34), ore(33), ore(33)});

  // Leftovers follow the largest remainder, not the position: 10 by 1:2:7 over units of 1.
  const std::vector<std::int64_t> skewed{1, 2, 7};
  REQUIRE(anslag::allocate(ore(11), skewed) == std::vector<Krona>{ore(1), ore(2), ore(8)});
  // Equal remainders: the larger weight first (3 by 1:2 → shares 1 and 2 exactly, no tie;
  // 5 by 2:1:2 → shares 2, 1, 2 exactly).
  const std::vector<std::int64_t> tied{1, 3};
  REQUIRE(anslag::allocate(ore(2), tied) == std::vector<Krona>{ore(0), ore(2)});
  // 1 by 1:1 ties on remainder and weight: the earlier index.
  const std::vector<std::int64_t> even{1, 1};
  REQUIRE(anslag::allocate(ore(1), even) == std::vector<Krona>{ore(1), ore(0)});
}

TEST_CASE("allocate in units, negative totals and zero weights", "[allocate]") {
  const std::vector<std::int64_t> weights{2, 1, 0};
  const auto parts = anslag::allocate(Krona::from_kronor(3'500'000), weights, Krona::from_kronor(1'000));
  REQUIRE(parts == std::vector<Krona>{Krona::from_kronor(2'333'000), Krona::from_kronor(1'167'000),
                                      Krona{}});
  REQUIRE(anslag::allocate(ore(-100), std::vector<std::int64_t>{1, 1, 1}) ==
          std::vector<Krona>{ore(-34), ore(-33), ore(-33)});
}

TEST_CASE("allocate at the ends of the range uses wide intermediates", "[allocate][overflow]") {
  const std::vector<std::int64_t> weights{int64_max, int64_max - 1, 1};
  const auto parts = anslag::allocate(Krona::max(), weights);
  REQUIRE(parts[0] + parts[1] + parts[2] == Krona::max());
  const auto negative = anslag::allocate(Krona::min(), std::vector<std::int64_t>{1, 1});
  REQUIRE(negative[0] == ore(int64_min / 2));
  REQUIRE(negative[1] == ore(int64_min / 2));
}

TEST_CASE("allocate refuses what has no answer", "[allocate]") {
  REQUIRE_THROWS_MATCHES(anslag::allocate(ore(100), std::vector<std::int64_t>{0, 0}),
                         anslag::invalid_argument_error, Catch::Message("total weight is zero"));
  REQUIRE_THROWS_MATCHES(anslag::allocate(ore(100), std::vector<std::int64_t>{}),
                         anslag::invalid_argument_error, Catch::Message("total weight is zero"));
  REQUIRE_THROWS_MATCHES(anslag::allocate(ore(100), std::vector<std::int64_t>{1, -1}),
                         anslag::invalid_argument_error,
                         Catch::Message("allocation weight is negative"));
  REQUIRE_THROWS_MATCHES(anslag::allocate(ore(150), std::vector<std::int64_t>{1}, ore(100)),
                         anslag::invalid_argument_error,
                         Catch::Message("total is not a multiple of the allocation unit"));
  REQUIRE_THROWS_MATCHES(anslag::allocate(ore(100), std::vector<std::int64_t>{1}, ore(0)),
                         anslag::invalid_argument_error,
                         Catch::Message("allocation unit must be positive"));
}

TEST_CASE("sum is exact whatever the order and throws only when the total is out of range",
          "[krona][sum][overflow]") {
  static_assert(anslag::sum(std::array{Krona::from_ore(1), Krona::from_ore(2), Krona::from_ore(-4)}) ==
                Krona::from_ore(-1));
  REQUIRE(anslag::sum(std::vector<Krona>{}) == Krona{});
  // Partial sums leave the range on the way; the total does not.
  REQUIRE(anslag::sum(std::vector<Krona>{Krona::max(), ore(1), ore(-1)}) == Krona::max());
  REQUIRE(anslag::sum(std::vector<Krona>{Krona::min(), ore(-5), ore(5)}) == Krona::min());
  REQUIRE(anslag::sum(std::vector<Krona>{Krona::max(), Krona::max(), Krona::min(), Krona::min(),
                                         ore(-1)}) == ore(-3));
  // The message gives the exact sum, which no Krona holds.
  REQUIRE_THROWS_MATCHES(anslag::sum(std::vector<Krona>{Krona::max(), ore(1)}), anslag::overflow_error,
                         Catch::Message("amount out of range in sum of 2 amounts, which is "
                                        "92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr"));
  REQUIRE_THROWS_MATCHES(anslag::sum(std::vector<Krona>{Krona::min(), ore(-1)}), anslag::overflow_error,
                         Catch::Message("amount out of range in sum of 2 amounts, which is "
                                        "\u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,09\u00a0kr"));
  REQUIRE_THROWS_MATCHES(anslag::sum(std::vector<Krona>(3, Krona::min())), anslag::overflow_error,
                         Catch::Message("amount out of range in sum of 3 amounts, which is "
                                        "\u2212276\u00a0701\u00a0161\u00a0105\u00a0643\u00a0274,24\u00a0kr"));
  // max + max wraps past the top, and adding min later does not bring it back into range.
  REQUIRE_THROWS_AS(anslag::sum(std::vector<Krona>{Krona::max(), Krona::max(), Krona::max(),
                                                   Krona::min()}),
                    anslag::overflow_error);
}

TEST_CASE("the vectorised sum of contiguous amounts equals a 128-bit reference, across blocks",
          "[krona][sum][overflow]") {
  std::mt19937_64 random(20261123);
  // Mostly extremes, so that sums of high and low halves, negatives and carries all matter.
  // ±2^52 bound the amounts a block sums without counting wraps.
  constexpr std::int64_t fast = std::int64_t{1} << 52;
  const std::array<std::int64_t, 11> edges{int64_min, int64_min + 1, -1, 0, 1, int64_max - 1, int64_max,
                                           std::int64_t{1} << 32, -fast, fast - 1, fast};
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::int64_t> values(random() % 13);
    for (auto& v : values) v = random() % 3 == 0 ? static_cast<std::int64_t>(random()) : edges[random() % edges.size()];
    wide exact = 0;
    for (std::int64_t v : values) exact += v;
    const bool in_range = exact >= int64_min && exact <= int64_max;
    const auto identity = [](std::int64_t v) { return v; };
    // Blocks of 3 and of 1 amount exercise the carries from block to block that a real array
    // reaches only past 2^30 amounts.
    const auto small_blocks = [&] { return anslag::detail::exact_sum<3>(values.data(), values.size(), identity); };
    const auto single_blocks = [&] { return anslag::detail::exact_sum<1>(values.data(), values.size(), identity); };
    std::vector<Krona> amounts;
    for (std::int64_t v : values) amounts.push_back(ore(v));
    // A range that is not contiguous takes the loop that counts wraps.
    const auto generic = [&] { return anslag::sum(amounts | std::views::transform([](Krona k) { return k; })); };
    if (in_range) {
      const auto expected = static_cast<std::int64_t>(exact);
      REQUIRE(anslag::sum_ore(values).ore() == expected);
      REQUIRE(anslag::sum(amounts).ore() == expected);
      REQUIRE(small_blocks() == expected);
      REQUIRE(single_blocks() == expected);
      REQUIRE(generic().ore() == expected);
    } else {
      // Every path names the same exact sum, however its blocks wrapped.
      const auto message = [](const auto& summing) {
        try {
          summing();
        } catch (const anslag::overflow_error& e) {
          return std::string(e.what());
        }
        return std::string("no overflow_error");
      };
      const std::string expected = message([&] { return anslag::sum_ore(values); });
      REQUIRE(expected.starts_with("amount out of range in sum of " + std::to_string(values.size()) +
                                   " amounts, which is "));
      REQUIRE(message([&] { return anslag::sum(amounts); }) == expected);
      REQUIRE(message(small_blocks) == expected);
      REQUIRE(message(single_blocks) == expected);
      REQUIRE(message(generic) == expected);
      REQUIRE_THROWS_AS(generic(), anslag::overflow_error);
    }
  }
  static_assert(anslag::sum_ore(std::array<std::int64_t, 3>{int64_max, 1, -1}) == Krona::max());
}

TEST_CASE("scale: the exact product rounded once, in every mode", "[krona][scale]") {
  // 85 % of 1 234,57 kr = 104 938,45 öre: every mode but the exact ones differ.
  const Krona amount = ore(123'457);
  CHECK(amount.scale(85, 100, rounding::half_even) == ore(104'938));
  CHECK(amount.scale(85, 100, rounding::half_up) == ore(104'938));
  CHECK(amount.scale(85, 100, rounding::up) == ore(104'939));
  CHECK(amount.scale(85, 100, rounding::ceiling) == ore(104'939));
  CHECK(amount.scale(85, 100, rounding::down) == ore(104'938));
  CHECK((-amount).scale(85, 100, rounding::floor) == ore(-104'939));
  CHECK((-amount).scale(85, 100, rounding::ceiling) == ore(-104'938));
  // Ties: 5 öre / 2 and 15 öre / 2.
  CHECK(ore(5).scale(1, 2, rounding::half_even) == ore(2));
  CHECK(ore(15).scale(1, 2, rounding::half_even) == ore(8));
  CHECK(ore(5).scale(1, 2, rounding::half_up) == ore(3));
  CHECK(ore(-5).scale(1, 2, rounding::half_up) == ore(-3));
  // A negative denominator flips the sign, as the fraction says.
  CHECK(ore(10).scale(1, -3, rounding::floor) == ore(-4));
  CHECK(ore(10).scale(-1, 3, rounding::floor) == ore(-4));
  static_assert(Krona::from_ore(100).scale(1, 3, rounding::half_even) == Krona::from_ore(33));
}

TEST_CASE("scale: overflow only when the result is beyond the range", "[krona][scale]") {
  // The product max * 3 is far beyond 64 bits, but the result max * 3 / 4 is not.
  const auto three_quarters =
      static_cast<std::int64_t>((wide{int64_max} * 3) / 4);
  CHECK(Krona::max().scale(3, 4, rounding::down) == ore(three_quarters));
  CHECK(Krona::min().scale(int64_max, int64_max, rounding::down) == Krona::min());
  CHECK(Krona::max().scale(std::numeric_limits<std::int64_t>::min(),
                           std::numeric_limits<std::int64_t>::min(), rounding::down) == Krona::max());
  REQUIRE_THROWS_MATCHES(Krona::max().scale(2, 1, rounding::down), anslag::overflow_error,
                         Catch::Message("amount out of range in scaling of 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr by 2/1"));
  REQUIRE_THROWS_AS(Krona::min().scale(-1, 1, rounding::down), anslag::overflow_error);
  REQUIRE_THROWS_MATCHES(ore(1).scale(1, 0, rounding::down), anslag::invalid_argument_error,
                         Catch::Message("scale denominator must not be zero"));
}

TEST_CASE("the arithmetic primitives agree with the compiler's 128-bit integers", "[krona][arithmetic]") {
  // Run by both builds: with the builtins, and with ANSLAG_PORTABLE_ARITHMETIC (ctest -R portable).
  __extension__ using uwide = unsigned __int128;
  std::mt19937_64 random(20261201);
  const std::array<std::int64_t, 10> edges{int64_min, int64_min + 1, -(std::int64_t{1} << 32), -3, -1, 0,
                                           1, 2, std::int64_t{1} << 32, int64_max};
  const auto draw = [&] {
    switch (random() % 3) {
      case 0: return edges[random() % edges.size()];
      case 1: return static_cast<std::int64_t>(random()) >> (random() % 64);
      default: return static_cast<std::int64_t>(random());
    }
  };
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t a = draw(), b = draw();
    INFO(a << " and " << b);
    const wide sum = wide{a} + b, difference = wide{a} - b, product = wide{a} * b;
    const auto fits = [](wide v) { return v >= int64_min && v <= int64_max; };
    std::int64_t r = 0;
    REQUIRE(anslag::detail::add_overflows(a, b, r) == !fits(sum));
    if (fits(sum)) REQUIRE(r == static_cast<std::int64_t>(sum));
    REQUIRE(anslag::detail::sub_overflows(a, b, r) == !fits(difference));
    if (fits(difference)) REQUIRE(r == static_cast<std::int64_t>(difference));
    REQUIRE(anslag::detail::mul_overflows(a, b, r) == !fits(product));
    if (fits(product)) REQUIRE(r == static_cast<std::int64_t>(product));

    const auto ua = anslag::detail::magnitude(a), ub = anslag::detail::magnitude(b);
    const auto p = anslag::detail::multiply(ua, ub);
    REQUIRE(((uwide{p.high} << 64) | p.low) == uwide{ua} * ub);
    if (ub != 0) {
      const auto [q, rest] = anslag::detail::divide(p, ub == 1 ? ua | 1 : ub - 1);
      const uwide divisor = ub == 1 ? ua | 1 : ub - 1;
      const uwide n = uwide{ua} * ub;
      REQUIRE(((uwide{q.high} << 64) | q.low) == n / divisor);
      REQUIRE(rest == n % divisor);
    }
  }
}

TEST_CASE("scale equals the 128-bit reference rounded by each mode", "[krona][scale]") {
  std::mt19937_64 random(20261202);
  const std::array modes{rounding::half_even, rounding::half_up, rounding::down,
                         rounding::up,        rounding::floor,   rounding::ceiling};
  for (int i = 0; i < 20000; ++i) {
    const auto amount = static_cast<std::int64_t>(random()) >> (random() % 64);
    const auto numerator = static_cast<std::int64_t>(random()) >> (random() % 64);
    auto denominator = static_cast<std::int64_t>(random()) >> (random() % 64);
    if (denominator == 0) denominator = 7;
    const rounding mode = modes[random() % modes.size()];
    INFO(amount << " * " << numerator << " / " << denominator << " mode " << static_cast<int>(mode));
    const wide n = wide{amount} * numerator;
    const wide d = denominator;
    // Floor division, then each mode from the floor and the exact fraction's position.
    wide q = n / d;
    if ((n % d != 0) && ((n < 0) != (d < 0))) q -= 1;
    const wide twice_rest = 2 * (n - q * d);  // 2·(n - floor·d), compared with |d| below
    const wide ad = d < 0 ? -d : d;
    const wide fraction_twice = d < 0 ? -twice_rest : twice_rest;  // in [0, 2|d|)
    wide expected = q;
    if (fraction_twice != 0) {
      const bool exact_negative = (n < 0) != (d < 0);
      switch (mode) {
        case rounding::floor: break;
        case rounding::ceiling: expected = q + 1; break;
        case rounding::down: expected = exact_negative ? q + 1 : q; break;
        case rounding::up: expected = exact_negative ? q : q + 1; break;
        case rounding::half_up:
          expected = fraction_twice > ad || (fraction_twice == ad && !exact_negative) ? q + 1 : q;
          break;
        case rounding::half_even:
          expected = fraction_twice > ad || (fraction_twice == ad && q % 2 != 0) ? q + 1 : q;
          break;
      }
    }
    if (expected >= int64_min && expected <= int64_max) {
      REQUIRE(ore(amount).scale(numerator, denominator, mode) == ore(static_cast<std::int64_t>(expected)));
    } else {
      REQUIRE_THROWS_AS(ore(amount).scale(numerator, denominator, mode), anslag::overflow_error);
    }
  }
}

// A program's own sum() over its own records, found beside anslag::sum by argument-dependent
// lookup (the pair's Krona makes namespace anslag associated): before sum() was constrained to
// ranges of Krona the call below was ambiguous and did not compile (issue 27, item 10).
namespace consumer {
template <typename Range>
anslag::Krona sum(const Range& rows) {
  anslag::Krona total;
  for (const auto& row : rows) total += row.second;
  return total;
}
}  // namespace consumer

TEST_CASE("sum is constrained to ranges of Krona, so a program's own sum stays unambiguous", "[krona][sum]") {
  using consumer::sum;
  const std::vector<std::pair<int, Krona>> rows{{1, Krona::from_kronor(2)}, {2, Krona::from_kronor(3)}};
  REQUIRE(sum(rows) == Krona::from_kronor(5));
  static_assert(anslag::krona_range<std::vector<Krona>>);
  static_assert(anslag::krona_range<std::array<Krona, 2>>);
  static_assert(!anslag::krona_range<std::vector<std::pair<int, Krona>>>);
  static_assert(!anslag::krona_range<std::vector<std::int64_t>>);
  // A range of Krona that is not contiguous is summed too.
  const auto doubled = std::views::transform(std::vector<Krona>{ore(1), ore(2)}, [](Krona k) { return k * 2; });
  REQUIRE(anslag::sum(doubled) == ore(6));
}

TEST_CASE("scale takes signed integer counts of each width; *= scales in place", "[krona][scale]") {
  const Krona a = Krona::from_kronor(1000);
  const std::int32_t numerator = 85;
  const short denominator = 100;
  REQUIRE(a.scale(numerator, denominator, rounding::half_even) == Krona::from_kronor(850));
  REQUIRE(a.scale(std::int64_t{-1}, std::int8_t{3}, rounding::floor) == ore(-33'334));
  Krona b = Krona::from_kronor(7);
  b *= 3;
  REQUIRE(b == Krona::from_kronor(21));
  b *= std::int16_t{-2};
  REQUIRE(b == Krona::from_kronor(-42));
  Krona top = Krona::max();
  REQUIRE_THROWS_AS(top *= 2, anslag::overflow_error);
  REQUIRE(top == Krona::max());  // unchanged by the failed multiplication
}

TEST_CASE("anslag::errc is a std::error_code enum of the anslag category", "[krona][errc]") {
  static_assert(std::is_error_code_enum_v<anslag::errc>);
  const std::error_code code = anslag::errc::overflow;
  REQUIRE(code.category() == anslag::anslag_category());
  REQUIRE(std::string(code.category().name()) == "anslag");
  REQUIRE(code.message() == "value beyond the range of an amount");
  REQUIRE(code == anslag::errc::overflow);
  REQUIRE(code != anslag::errc::parse);
  REQUIRE(std::error_code(anslag::errc::parse).message() == "text is not of the expected form");
  REQUIRE(anslag::anslag_category().message(99) == "unknown anslag error 99");
  try {
    (void)(Krona::max() + ore(1));
    FAIL("no overflow");
  } catch (const anslag::error& e) {
    REQUIRE(e.error_code() == anslag::errc::overflow);
  }
}
