// Error paths not raised elsewhere: each throw of the amount grammar, the date and Krona with its
// exact message (scripts/check-error-coverage checks that every message of the library appears in
// a C++ and a Python test).
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/krona/allocate.hpp>
#include <anslag/krona/amount_text.hpp>
#include <anslag/model/date.hpp>
#include <anslag/rules/evaluate.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace {
std::string parse_message(const std::string& text) {
  try {
    anslag::parse_amount(text);
  } catch (const anslag::error& e) {
    return e.what();
  }
  return "parsed";
}
std::string date_message(const std::string& text) {
  try {
    anslag::calendar_date::parse(text);
  } catch (const anslag::parse_error& e) {
    return e.what();
  }
  return "parsed";
}
}  // namespace

TEST_CASE("every refusal of the amount grammar names what is wrong and where", "[errors]") {
  CHECK(parse_message("") == "empty amount at position 0");
  CHECK(parse_message("  ") == "blank amount at position 2");
  CHECK(parse_message("-") == "unexpected end: expected a digit 0-9 at position 1");
  CHECK(parse_message("1,") == "unexpected end: expected a digit 0-9 after the decimal comma at position 2");
  CHECK(parse_message("1\x01") == "control character at position 1");
  CHECK(parse_message("1 \xff") == "invalid UTF-8 at position 2");
  CHECK(parse_message("1.500") ==
        "a point is not a decimal separator in Swedish amounts (write 1,5 for one and a half and 1 500 "
        "for fifteen hundred) at position 1");
  CHECK(parse_message("1234 567") == "a grouped amount must start with a group of one to three digits at position 4");
  CHECK(parse_message("1 2345") == "a group of digits must have three digits at position 5");
  CHECK(parse_message("1 23") == "a group of digits must have three digits at position 4");
  CHECK(parse_message("5 euro") == "unknown unit (kr, kr., kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr) at position 2");
  CHECK(parse_message("5 kr 6") == "unexpected text after the unit at position 5");
  CHECK(parse_message("1,005 kr") == "more decimals than whole öre at position 4");
  CHECK(parse_message("92233720368547758,08") == "amount out of range (\u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr to 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr)");
  CHECK(parse_message("5 €") == "expected a unit (kr, kr., kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr) or the end at position 2");
}

TEST_CASE("formatting without decimals refuses an amount with öre rather than rounding it", "[errors]") {
  anslag::amount_format whole;
  whole.fraction = anslag::amount_format::decimals::never;
  CHECK_THROWS_WITH(anslag::format_amount(anslag::Krona::from_ore(150), whole),
                    "amount has öre but the format has no decimals");
  CHECK(anslag::format_amount(anslag::Krona::from_ore(100), whole) == "1\u00A0kr");
}

TEST_CASE("a date that is not YYYY-MM-DD or not in the calendar is refused with its position", "[errors]") {
  CHECK(date_message("2023-2-1") == "expected a date YYYY-MM-DD at position 0");
  CHECK(date_message("2023-0x-01") == "expected a digit at position 6");
  CHECK(date_message("2023/02/01") == "expected '-' at position 4");
  CHECK(date_message("2023-02-29") == "no such date at position 0");
  CHECK_THROWS_AS(anslag::calendar_date(2023, 2, 29), anslag::invalid_argument_error);
  CHECK_THROWS_WITH(anslag::calendar_date(2024, 13, 1), "no such date: year 2024, month 13, day 1");
  CHECK_THROWS_WITH(anslag::calendar_date(0, 1, 1), "no such date: year 0, month 1, day 1");
  // days_in_month read past its table for a month outside 1 to 12 (ASan: stack-buffer-overflow).
  CHECK_THROWS_WITH(anslag::calendar_date::days_in_month(2024, 13), "no such month: 13");
  CHECK_THROWS_WITH(anslag::calendar_date::days_in_month(2024, 0), "no such month: 0");
  CHECK(anslag::calendar_date::days_in_month(2024, 2) == 29);
}

TEST_CASE("Krona and allocate refuse what would leave the range or break their contract", "[errors]") {
  using anslag::Krona;
  CHECK_THROWS_WITH(Krona::max() + Krona::from_ore(1), "amount out of range in addition of 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr and 0,01\u00a0kr");
  CHECK_THROWS_WITH(Krona::from_ore(1).round(Krona(), anslag::rounding::half_up), "rounding unit must be positive");
  const std::int64_t weights[] = {1, 2};
  const std::int64_t negative[] = {1, -2};
  const std::int64_t zero[] = {0, 0};
  CHECK_THROWS_WITH(anslag::allocate(Krona::from_ore(10), weights, Krona()), "allocation unit must be positive");
  CHECK_THROWS_WITH(anslag::allocate(Krona::from_ore(10), weights, Krona::from_ore(3)),
                    "total is not a multiple of the allocation unit");
  CHECK_THROWS_WITH(anslag::allocate(Krona::from_ore(10), negative), "allocation weight is negative");
  CHECK_THROWS_WITH(anslag::allocate(Krona::from_ore(10), zero), "total weight is zero");
}

TEST_CASE("judge refuses a rule that has no verdict (a ranking, not encoded)", "[errors]") {
  const auto r = anslag::load_round(ANSLAG_DATA_DIR "/rounds/2020.toml");
  const auto units = anslag::load_units(ANSLAG_DATA_DIR "/units.toml");
  const anslag::rule* ranking = nullptr;
  for (const auto& u : r.rules)
    if (u.id == "2020.LUM.prioritering") ranking = &u;
  REQUIRE(ranking != nullptr);
  REQUIRE_FALSE(anslag::has_verdict(*ranking));
  CHECK_THROWS_WITH(anslag::judge(r, r.applications.front(), *ranking, units),
                    "rule 2020.LUM.prioritering has no verdict");
}
