// What C++ programs expect of a value type: streaming, hashing, formatting, std::chrono, the
// version, and allocate over any range of integers.
#include <anslag/krona/allocate.hpp>
#include <anslag/krona/fmt.hpp>
#include <anslag/krona/krona.hpp>
#include <anslag/model/chrono.hpp>
#include <anslag/model/fmt.hpp>
#include <anslag/version.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <list>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

using anslag::Krona;

TEST_CASE("operator<< writes the canonical Swedish form", "[krona][conveniences]") {
  std::ostringstream out;
  out << Krona::from_ore(123'450) << "|" << Krona::from_kronor(-250) << "|" << Krona{};
  REQUIRE(out.str() == "1\u00A0234,50\u00A0kr|\u2212250\u00A0kr|0\u00A0kr");
}

TEST_CASE("std::hash<Krona>: equal amounts hash alike, amounts are keys", "[krona][conveniences]") {
  REQUIRE(std::hash<Krona>{}(Krona::from_kronor(5)) == std::hash<Krona>{}(Krona::from_ore(500)));
  std::unordered_set<Krona> seen{Krona::from_kronor(1), Krona::from_ore(100), Krona::from_ore(101)};
  REQUIRE(seen.size() == 2);
}

TEST_CASE("fmt::formatter<Krona> gives the canonical form with the string format spec",
          "[krona][conveniences]") {
  REQUIRE(fmt::format("{}", Krona::from_ore(123'450)) == "1\u00A0234,50\u00A0kr");
  // The width counts code points: "5 kr" is four of them, padded to six.
  REQUIRE(fmt::format("[{:>6}]", Krona::from_kronor(5)) == "[  5\u00A0kr]");
#if defined(__cpp_lib_format)
  REQUIRE(std::format("{}", Krona::from_kronor(5)) == "5\u00A0kr");
#endif
}

TEST_CASE("the formatters parse their own spec: fill, align, width; never a precision", "[krona][conveniences]") {
  const Krona k = Krona::from_kronor(1'234);
  REQUIRE(fmt::format("[{:<8}]", Krona::from_kronor(5)) == "[5\u00A0kr    ]");
  REQUIRE(fmt::format("[{:^8}]", Krona::from_kronor(5)) == "[  5\u00A0kr  ]");
  // "1 234 kr" is eight code points: padded to ten, two of the fill.
  REQUIRE(fmt::format("[{:*>10}]", k) == "[**1\u00A0234\u00A0kr]");
  REQUIRE(fmt::format("[{:\u2026>10}]", k) == "[\u2026\u20261\u00A0234\u00A0kr]");
  REQUIRE(fmt::format("[{:4}]", k) == "[1\u00A0234\u00A0kr]");  // a width below the text's cuts nothing
  // At run time (a format string not known at compile time) a precision, sign, zero padding or type
  // is a format_error, never a cut amount ("{:.2}" gave "1\u00A0" before).
  for (const char* spec : {"{:.2}", "{:+}", "{:08}", "{:s}", "{:#}", "{:{}}"}) {
    INFO(spec);
    REQUIRE_THROWS_AS(fmt::format(fmt::runtime(spec), k, 3), fmt::format_error);
  }
  REQUIRE_THROWS_WITH(fmt::format(fmt::runtime("{:.2}"), k),
                      "the format spec of an anslag value is [[fill]align][width] (no precision, sign or type)");
}

TEST_CASE("calendar_date streams and formats as ISO 8601", "[date][conveniences]") {
  const anslag::calendar_date d(2019, 12, 17);
  std::ostringstream out;
  out << d;
  REQUIRE(out.str() == "2019-12-17");
  REQUIRE(fmt::format("{}|{:>12}|{:-<11}", d, d, d) == "2019-12-17|  2019-12-17|2019-12-17-");
  REQUIRE_THROWS_AS(fmt::format(fmt::runtime("{:.4}"), d), fmt::format_error);
}

TEST_CASE("anslag::date and std::chrono::year_month_day convert both ways", "[date][conveniences]") {
  using namespace std::chrono;
  constexpr anslag::calendar_date d(2024, 2, 29);
  constexpr year_month_day ymd = anslag::to_year_month_day(d);
  static_assert(ymd == 2024y / February / 29d);
  static_assert(anslag::to_date(ymd) == d);
  REQUIRE(anslag::to_date(sys_days(ymd) + days(1)) == anslag::calendar_date(2024, 3, 1));
  REQUIRE_THROWS_MATCHES(anslag::to_date(2023y / February / 29d), anslag::invalid_argument_error,
                         Catch::Message("no such date: year 2023, month 2, day 29"));
  REQUIRE_THROWS_AS(anslag::to_date(year(10000) / 1 / 1), anslag::invalid_argument_error);
  REQUIRE_THROWS_AS(anslag::to_date(2024y / 13 / 1), anslag::invalid_argument_error);
}

TEST_CASE("the version header follows the project's version", "[conveniences]") {
  static_assert(ANSLAG_VERSION_NUMBER ==
                ANSLAG_VERSION_MAJOR * 10000 + ANSLAG_VERSION_MINOR * 100 + ANSLAG_VERSION_PATCH);
  REQUIRE(std::string(ANSLAG_VERSION_STRING) == std::to_string(ANSLAG_VERSION_MAJOR) + "." +
                                                    std::to_string(ANSLAG_VERSION_MINOR) + "." +
                                                    std::to_string(ANSLAG_VERSION_PATCH));
}

TEST_CASE("allocate takes weights from any range of integers", "[allocate][conveniences]") {
  const std::vector<Krona> expected{Krona::from_ore(50), Krona::from_ore(25), Krona::from_ore(25)};
  REQUIRE(anslag::allocate(Krona::from_ore(100), std::list<int>{2, 1, 1}) == expected);
  REQUIRE(anslag::allocate(Krona::from_ore(100), std::array<std::uint8_t, 3>{2, 1, 1}) == expected);
  REQUIRE(anslag::allocate(Krona::from_ore(100), {2, 1, 1}) == expected);
  // Unsigned weights beyond the int64 range are exact too.
  const std::vector<std::uint64_t> huge{UINT64_MAX, UINT64_MAX};
  REQUIRE(anslag::allocate(Krona::from_ore(3), huge) == std::vector<Krona>{Krona::from_ore(2), Krona::from_ore(1)});
  REQUIRE_THROWS_MATCHES(anslag::allocate(Krona::from_ore(100), std::list<short>{1, -1}),
                         anslag::invalid_argument_error, Catch::Message("allocation weight is negative"));
}
