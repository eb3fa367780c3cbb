// The Swedish amount grammar of docs/amounts.md, row by row: what is accepted (and its öre), what
// is refused (with the exact message and the code-point position), and the canonical form.
#include <anslag/krona/amount_text.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

using anslag::amount_format;
using anslag::Krona;
using anslag::parse_amount;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

// Valid UTF-8 to code points, for feeding the same rows to the fixed-width parsers.
std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = width == 1 ? lead : lead & (0xFFu >> (width + 1));
    for (std::size_t k = 1; k < width; ++k) c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    out += c;
    i += width;
  }
  return out;
}

// The text in every fixed-width form it fits: UCS-4 always, UCS-2 and Latin-1 when small enough.
struct fixed_forms {
  std::vector<std::uint32_t> ucs4;
  std::optional<std::vector<std::uint16_t>> ucs2;
  std::optional<std::vector<std::uint8_t>> latin1;
};
fixed_forms fixed_width(std::string_view utf8) {
  fixed_forms forms;
  const std::u32string cps = code_points(utf8);
  forms.ucs4.assign(cps.begin(), cps.end());
  char32_t largest = 0;
  for (char32_t c : cps) largest = std::max(largest, c);
  if (largest <= 0xFFFF) forms.ucs2 = std::vector<std::uint16_t>(cps.begin(), cps.end());
  if (largest <= 0xFF) forms.latin1 = std::vector<std::uint8_t>(cps.begin(), cps.end());
  return forms;
}

std::string units_list() { return "kr, kr., kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr"; }
const std::string point_message =
    "a point is not a decimal separator in Swedish amounts (write 1,5 for one and a half and "
    "1 500 for fifteen hundred)";

struct accepted {
  std::string text;
  std::int64_t ore;
};

struct refused {
  std::string text;
  std::string message;  // without the " at position N" that the parser appends
  std::size_t position;
  bool valid_utf8 = true;
};

template <typename Parse>
void check_refused(const refused& row, Parse parse) {
  try {
    (void)parse();
    FAIL("accepted");
  } catch (const anslag::parse_error& e) {
    CHECK(std::string(e.what()) == row.message + " at position " + std::to_string(row.position));
    CHECK(e.position() == row.position);
    CHECK(e.code() == anslag::errc::parse);
  }
}

}  // namespace

TEST_CASE("accepted amounts and their öre", "[amount_text][parse]") {
  const std::vector<accepted> table{
      // digits, grouped by each of the four separators, or not at all
      {"0", 0},
      {"5", 500},
      {"007", 700},
      {"8618500", 861'850'000},
      {"8 618 500", 861'850'000},
      {"8\u00A0618\u00A0500", 861'850'000},
      {"8\u202F618\u202F500", 861'850'000},
      {"8\u2009618\u2009500", 861'850'000},
      {"8 618\u00A0500", 861'850'000},
      {"12 345", 1'234'500},
      {"123 456 789", 12'345'678'900},
      // sign: hyphen-minus or U+2212
      {"-250", -25'000},
      {"\u2212250", -25'000},
      {"\u22121 234,50 kr", -123'450},
      {"-0", 0},
      {"-0,01", -1},
      // decimal comma; trailing zeros do not count
      {"1 234,50", 123'450},
      {"1 234,5", 123'450},
      {"0,01", 1},
      {"1,500 kr", 150},
      // whole kronor written with ':-' (a hyphen or an en dash), and a currency before the amount
      {"25 000:-", 2'500'000},
      {"25 000:\u2013", 2'500'000},
      {"25 000 :-  ", 2'500'000},
      {"-5:-", -500},
      {"SEK 25 000", 2'500'000},
      {"kr 25 000", 2'500'000},
      {"sek25000", 2'500'000},
      {"Skr -1,50", -150},
      {"kr. 3", 300},
      {"1,0000000000000000000 kr", 100},
      // units, case-insensitive, with or without a space
      {"5 kr", 500},
      {"5kr", 500},
      {"5 KR", 500},
      {"5 Kr", 500},
      {"5 kr.", 500},
      {"5 KR.", 500},
      {"5 kronor", 500},
      {"5 Kronor", 500},
      {"5 KRONOR", 500},
      {"5 SEK", 500},
      {"5 sek", 500},
      {"5 Skr", 500},
      {"5 SKR", 500},
      {"5\u00A0kr", 500},
      {"5\u202Fkr", 500},
      // multipliers
      {"5 tkr", 500'000},
      {"5 TKR", 500'000},
      {"5 Tkr", 500'000},
      {"5 mnkr", 500'000'000},
      {"5 MNKR", 500'000'000},
      {"5 Mkr", 500'000'000},
      {"5 mkr", 500'000'000},
      {"5 MSEK", 500'000'000},
      {"5 msek", 500'000'000},
      {"5 mdkr", 500'000'000'000},
      {"5 Mdkr", 500'000'000'000},
      // decimals with multipliers, as long as the result is whole öre
      {"3,5 mnkr", 350'000'000},
      {"1,25 tkr", 125'000},
      {"0,00001 tkr", 1},
      {"2,75 MSEK", 275'000'000},
      {"1,5 mdkr", 150'000'000'000},
      {"0,00000000001 mdkr", 1},
      {"-3,5 mnkr", -350'000'000},
      {"1 234,567 tkr", 123'456'700},
      // surrounding white space
      {"  5 kr  ", 500},
      {"\t5 kr\n", 500},
      {"\r\n5\r\n", 500},
      {"\u00A05\u00A0", 500},
      {"\u2009-5 kr\u202F", -500},
      {"5 \t kr", 500},
      // the ends of the range are reachable exactly
      {"92 233 720 368 547 758,07 kr", int64_max},
      {"92233720368547758,07", int64_max},
      {"-92 233 720 368 547 758,08 kr", int64_min},
      {"\u221292233720368547758,08", int64_min},
      {"92 233 720 368 547,75807 tkr", int64_max},
      {"92 233 720,36854775807 mdkr", int64_max},
      {"-92 233 720,36854775808 mdkr", int64_min},
  };
  for (const auto& row : table) {
    INFO("text: \"" << row.text << "\"");
    CHECK(parse_amount(row.text).ore() == row.ore);
    CHECK(Krona::parse(row.text).ore() == row.ore);
    // The same text stored one code point per element gives the same amount.
    const auto forms = fixed_width(row.text);
    CHECK(parse_amount(std::span<const std::uint32_t>(forms.ucs4)).ore() == row.ore);
    if (forms.ucs2) CHECK(parse_amount(std::span<const std::uint16_t>(*forms.ucs2)).ore() == row.ore);
    if (forms.latin1) CHECK(parse_amount(std::span<const std::uint8_t>(*forms.latin1)).ore() == row.ore);
  }
}

TEST_CASE("refused amounts name the message and the code-point position", "[amount_text][parse]") {
  const std::vector<refused> table{
      {"", "empty amount", 0},
      {"   ", "blank amount", 3},
      {"\u00A0\t", "blank amount", 2},
      // groups of three, after a first group of one to three
      {"1 23", "a group of digits must have three digits", 4},
      {"1 23 kr", "a group of digits must have three digits", 4},
      {"1 2345", "a group of digits must have three digits", 5},
      {"1 234 56", "a group of digits must have three digits", 8},
      {"1\u00A023", "a group of digits must have three digits", 4},
      {"1234 567", "a grouped amount must start with a group of one to three digits", 4},
      {"1 000\t000", "expected a unit (" + units_list() + ") or the end", 6},
      // a point is never a decimal separator
      {"1.5", point_message, 1},
      {"1.500", point_message, 1},
      {"1 234.50", point_message, 5},
      {"\u22121.5", point_message, 2},
      {"1,5.", point_message, 3},
      // units
      {"5 kr kr", "unexpected text after the unit", 5},
      {"5 kr 5", "unexpected text after the unit", 5},
      {"5 krkr", "unknown unit (" + units_list() + ")", 2},
      {"5 kr..", "unknown unit (" + units_list() + ")", 2},
      // ':-' is whole kronor alone; a currency stands before or after, not both
      {"25,50:-", "':-' marks whole kronor: no decimals before it", 5},
      {"25:", "unexpected end: expected '-' or '–' after ':' (25 000:-)", 3},
      {"25:x", "expected '-' or '–' after ':' (25 000:-)", 3},
      {"25:- kr", "unexpected text after ':-'", 5},
      {"SEK 25:-", "a currency both before and after the amount", 6},
      {"SEK 25 kr", "a currency both before and after the amount", 7},
      {"tkr 25", "expected a digit 0-9", 0},
      {"kr", "unexpected end: expected a digit 0-9", 2},
      {"5 kronorna", "unknown unit (" + units_list() + ")", 2},
      {"5 €", "expected a unit (" + units_list() + ") or the end", 2},
      {"5-", "expected a unit (" + units_list() + ") or the end", 1},
      {"mnkr 5", "expected a digit 0-9", 0},  // a currency before the amount is worth one krona
      // not numbers of this grammar
      {"NaN", "expected a digit 0-9", 0},
      {"inf", "expected a digit 0-9", 0},
      {"1e6", "unknown unit (" + units_list() + ")", 1},
      {"+5", "expected a digit 0-9", 0},
      {"--5", "expected a digit 0-9", 1},
      {"- 5", "expected a digit 0-9", 1},
      {"-", "unexpected end: expected a digit 0-9", 1},
      {",50", "expected a digit 0-9", 0},
      // ASCII digits only
      {"\u0661\u0662\u0663", "expected a digit 0-9", 0},            // Arabic-Indic
      {"\uFF11\uFF12\uFF13", "expected a digit 0-9", 0},            // fullwidth
      {"1\uFF12", "expected a unit (" + units_list() + ") or the end", 1},
      // control characters, anywhere
      {std::string("1\x01", 2), "control character", 1},
      {std::string("\0" "5", 2), "control character", 0},
      {"\x7F" "5", "control character", 0},
      {"5\u0085", "control character", 1},
      {"5 kr\x1B", "control character", 4},
      // invalid UTF-8
      {"\xFF" "5", "invalid UTF-8", 0, false},
      {"5 \xC3", "invalid UTF-8", 2, false},
      {"\xC0\xB5", "invalid UTF-8", 0, false},          // overlong '5'
      {"\xED\xA0\x80", "invalid UTF-8", 0, false},      // a surrogate
      {"5\xF4\x90\x80\x80", "invalid UTF-8", 1, false}, // beyond U+10FFFF
      {"\xE2\x88", "invalid UTF-8", 0, false},          // a cut-off U+2212
      // whole öre, never rounded
      {"1,005 kr", "more decimals than whole öre", 4},
      {"1,001", "more decimals than whole öre", 4},
      {"0,000001 tkr", "more decimals than whole öre", 7},
      {"0,000000000001 mdkr", "more decimals than whole öre", 13},
      {"1,", "unexpected end: expected a digit 0-9 after the decimal comma", 2},
      {"1, kr", "expected a digit 0-9 after the decimal comma", 2},
      {"1,,5", "expected a digit 0-9 after the decimal comma", 2},
  };
  for (const auto& row : table) {
    INFO("text: \"" << row.text << "\"");
    check_refused(row, [&] { return parse_amount(row.text); });
    if (!row.valid_utf8) continue;
    const auto forms = fixed_width(row.text);
    check_refused(row, [&] { return parse_amount(std::span<const std::uint32_t>(forms.ucs4)); });
    if (forms.ucs2)
      check_refused(row, [&] { return parse_amount(std::span<const std::uint16_t>(*forms.ucs2)); });
    if (forms.latin1)
      check_refused(row, [&] { return parse_amount(std::span<const std::uint8_t>(*forms.latin1)); });
  }
}

TEST_CASE("a UCS-4 unit beyond Unicode is refused, never taken for the end", "[amount_text][parse]") {
  const std::vector<std::uint32_t> text{U'5', 0xFFFFFFFF};
  REQUIRE_THROWS_MATCHES(parse_amount(std::span<const std::uint32_t>(text)), anslag::parse_error,
                         Catch::Message("not a Unicode character at position 1"));
}

TEST_CASE("well-formed amounts beyond the range are overflow errors at both ends",
          "[amount_text][overflow]") {
  const std::vector<std::string> beyond{
      "92 233 720 368 547 758,08 kr",  "-92 233 720 368 547 758,09 kr",
      "92 233 720 368 547 759 kr",     "\u221292 233 720 368 547 759 kr",
      "100 000 000 mdkr",              "92 233 720,36854775808 mdkr",
      "99999999999999999999999999999", "-99999999999999999999999999999",
      "18446744073709551616",          "184467440737095516,16",
  };
  for (const auto& text : beyond) {
    INFO("text: \"" << text << "\"");
    REQUIRE_THROWS_MATCHES(parse_amount(text), anslag::overflow_error,
                           Catch::Message("amount out of range (\u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr to 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr)"));
  }
}

TEST_CASE("a malformed amount is a parse error even when its digits are out of range",
          "[amount_text][overflow]") {
  REQUIRE_THROWS_AS(parse_amount("99999999999999999999999 xx"), anslag::parse_error);
  REQUIRE_THROWS_AS(parse_amount("99999999999999999999999,001"), anslag::parse_error);
}

TEST_CASE("the canonical form: U+00A0 between groups and before kr, U+2212, öre only when any",
          "[amount_text][format]") {
  struct formatted {
    std::int64_t ore;
    std::string text;
  };
  const std::vector<formatted> table{
      {0, "0\u00A0kr"},
      {1, "0,01\u00A0kr"},
      {10, "0,10\u00A0kr"},
      {100, "1\u00A0kr"},
      {99'999, "999,99\u00A0kr"},
      {100'000, "1\u00A0000\u00A0kr"},
      {123'450, "1\u00A0234,50\u00A0kr"},
      {861'850'000, "8\u00A0618\u00A0500\u00A0kr"},
      {-1, "\u22120,01\u00A0kr"},
      {-25'000, "\u2212250\u00A0kr"},
      {int64_max, "92\u00A0233\u00A0720\u00A0368\u00A0547\u00A0758,07\u00A0kr"},
      {int64_min, "\u221292\u00A0233\u00A0720\u00A0368\u00A0547\u00A0758,08\u00A0kr"},
  };
  for (const auto& row : table) {
    INFO("öre: " << row.ore);
    CHECK(anslag::format_amount(Krona::from_ore(row.ore)) == row.text);
    CHECK(Krona::from_ore(row.ore).to_string() == row.text);
  }
}

TEST_CASE("format options: separator, minus, unit and decimals", "[amount_text][format]") {
  const Krona amount = Krona::from_ore(-123'450);
  amount_format ascii;
  ascii.group_separator = " ";
  ascii.minus = "-";
  CHECK(anslag::format_amount(amount, ascii) == "-1 234,50\u00A0kr");

  amount_format bare;
  bare.group_separator = "";
  bare.unit = anslag::amount_unit::none;
  CHECK(anslag::format_amount(amount, bare) == "\u22121234,50");

  amount_format sek;
  sek.unit = anslag::amount_unit::sek;
  CHECK(anslag::format_amount(amount, sek) == "\u22121\u00A0234,50\u00A0SEK");

  amount_format always;
  always.fraction = amount_format::decimals::always;
  CHECK(anslag::format_amount(Krona::from_kronor(1'234), always) == "1\u00A0234,00\u00A0kr");
  CHECK(anslag::format_amount(Krona::from_ore(5), always) == "0,05\u00A0kr");

  amount_format never;
  never.fraction = amount_format::decimals::never;
  CHECK(anslag::format_amount(Krona::from_kronor(1'234), never) == "1\u00A0234\u00A0kr");
  REQUIRE_THROWS_MATCHES(anslag::format_amount(amount, never), anslag::invalid_argument_error,
                         Catch::Message("amount has öre but the format has no decimals"));
}

TEST_CASE("append_amount adds to what the buffer holds", "[amount_text][format]") {
  std::string out = "total: ";
  anslag::append_amount(out, Krona::from_kronor(5));
  anslag::append_amount(out, Krona::from_ore(-1));
  CHECK(out == "total: 5\u00A0kr\u22120,01\u00A0kr");
}

TEST_CASE("parsing the formatted form gives back the same amount, at the ends of the range",
          "[amount_text][format][parse]") {
  amount_format ascii;
  ascii.group_separator = " ";
  ascii.minus = "-";
  amount_format plain;
  plain.group_separator = "";
  plain.unit = anslag::amount_unit::none;
  plain.fraction = amount_format::decimals::always;
  amount_format narrow;
  narrow.group_separator = "\u202F";
  narrow.unit = anslag::amount_unit::sek;
  const std::vector<amount_format> formats{amount_format{}, ascii, plain, narrow};
  const std::vector<std::int64_t> values{int64_min, int64_min + 1, int64_min / 100 * 100, -100'001,
                                         -1,        0,             1,                     99,
                                         100'000,   int64_max / 100 * 100,                int64_max - 1,
                                         int64_max};
  for (const auto& format : formats) {
    for (std::int64_t ore : values) {
      const std::string text = anslag::format_amount(Krona::from_ore(ore), format);
      INFO("text: \"" << text << "\"");
      CHECK(parse_amount(text).ore() == ore);
    }
  }
}

TEST_CASE("format options name a unit that scales the amount", "[amount_text][format]") {
  const auto with_unit = [](anslag::amount_unit unit, amount_format::decimals fraction = amount_format::decimals::automatic) {
    amount_format f;
    f.unit = unit;
    f.fraction = fraction;
    return f;
  };
  using anslag::amount_unit;
  using decimals = amount_format::decimals;
  // 5 000 kr in tkr is 5 tkr, never "5 000 tkr" (which reads as 5 000 000 kr).
  CHECK(anslag::format_amount(Krona::from_kronor(5'000), with_unit(amount_unit::tkr)) == "5\u00A0tkr");
  CHECK(anslag::format_amount(Krona::from_kronor(5'500), with_unit(amount_unit::tkr)) == "5,5\u00A0tkr");
  CHECK(anslag::format_amount(Krona::from_ore(1), with_unit(amount_unit::tkr)) == "0,00001\u00A0tkr");
  CHECK(anslag::format_amount(Krona::from_kronor(3'500'000), with_unit(amount_unit::mnkr)) == "3,5\u00A0mnkr");
  CHECK(anslag::format_amount(Krona::from_kronor(3'500'000), with_unit(amount_unit::mnkr, decimals::always)) ==
        "3,50\u00A0mnkr");
  CHECK(anslag::format_amount(Krona::from_kronor(2'000'000'000), with_unit(amount_unit::mdkr, decimals::never)) ==
        "2\u00A0mdkr");
  CHECK(anslag::format_amount(Krona::from_kronor(12), with_unit(amount_unit::kronor)) == "12\u00A0kronor");
  CHECK(anslag::format_amount(Krona::from_kronor(12), with_unit(amount_unit::skr)) == "12\u00A0Skr");
  // Formatting never rounds: an amount that is not whole in the unit says so.
  REQUIRE_THROWS_MATCHES(anslag::format_amount(Krona::from_kronor(5'500), with_unit(amount_unit::tkr, decimals::never)),
                         anslag::invalid_argument_error,
                         Catch::Message("amount 5\u00A0500\u00A0kr is not a whole number of tkr and the format has no decimals"));
  for (auto unit : {amount_unit::none, amount_unit::kr, amount_unit::kronor, amount_unit::sek, amount_unit::skr,
                    amount_unit::tkr, amount_unit::mnkr, amount_unit::mdkr})
    CHECK(anslag::amount_unit_from_name(anslag::to_string(unit)) == unit);
  CHECK(anslag::amount_unit_from_name("KR") == std::nullopt);
}

TEST_CASE("format options that would give text read as another amount are refused", "[amount_text][format]") {
  const Krona amount = Krona::from_kronor(1'230);
  const auto refused = [&](amount_format f, const std::string& message) {
    REQUIRE_THROWS_MATCHES(anslag::format_amount(amount, f), anslag::invalid_argument_error, Catch::Message(message));
  };
  amount_format comma;
  comma.group_separator = ",";  // "1,230 kr" reads as 1,23 kr
  refused(comma, "group separator ',' is not one the parser reads (empty, space, U+00A0, U+202F, U+2009)");
  amount_format digit;
  digit.group_separator = "0";
  refused(digit, "group separator '0' is not one the parser reads (empty, space, U+00A0, U+202F, U+2009)");
  amount_format no_minus;
  no_minus.minus = "";  // would drop the sign
  REQUIRE_THROWS_MATCHES(anslag::format_amount(-amount, no_minus), anslag::invalid_argument_error,
                         Catch::Message("minus '' is not one the parser reads ('-', U+2212)"));
  amount_format bad_unit;
  bad_unit.unit = static_cast<anslag::amount_unit>(42);
  refused(bad_unit, "amount unit 42 is not an amount_unit");
}

TEST_CASE("parse(format(x, options)) == x for every option set", "[amount_text][format][parse]") {
  using anslag::amount_unit;
  const std::vector<std::string> separators{"", " ", "\u00A0", "\u202F", "\u2009"};
  const std::vector<std::string> minuses{"-", "\u2212"};
  const std::vector<amount_unit> units{amount_unit::none, amount_unit::kr,  amount_unit::kronor, amount_unit::sek,
                                       amount_unit::skr,  amount_unit::tkr, amount_unit::mnkr,   amount_unit::mdkr};
  const std::vector<amount_format::decimals> fractions{
      amount_format::decimals::automatic, amount_format::decimals::always, amount_format::decimals::never};
  std::vector<std::int64_t> values{int64_min, int64_min + 1, -100'001, -1, 0, 1, 99, 100'000, 500'000'000,
                                   int64_max - 1, int64_max};
  std::mt19937_64 random(27);
  for (int i = 0; i < 300; ++i) values.push_back(static_cast<std::int64_t>(random()) >> (random() % 60));
  std::size_t cases = 0;
  for (const auto& separator : separators)
    for (const auto& minus : minuses)
      for (const auto unit : units)
        for (const auto fraction : fractions)
          for (const std::int64_t ore : values) {
            const amount_format format{separator, minus, unit, fraction};
            const auto formatted = [&]() -> std::optional<std::string> {
              try {
                return anslag::format_amount(Krona::from_ore(ore), format);
              } catch (const anslag::invalid_argument_error&) {
                return std::nullopt;
              }
            }();
            if (!formatted) {
              // Only decimals::never refuses, and only for an amount with a fraction of the unit.
              const std::int64_t worth = unit == amount_unit::tkr    ? 100'000
                                         : unit == amount_unit::mnkr ? 100'000'000
                                         : unit == amount_unit::mdkr ? 100'000'000'000
                                                                     : 100;
              REQUIRE(fraction == amount_format::decimals::never);
              REQUIRE(ore % worth != 0);
              continue;
            }
            INFO("text: \"" << *formatted << "\"");
            REQUIRE(parse_amount(*formatted).ore() == ore);
            ++cases;
          }
  REQUIRE(cases > 20'000);
}

TEST_CASE("the non-throwing parse reports a code and leaves the amount as it was", "[amount_text][errc]") {
  Krona k = Krona::from_ore(7);
  REQUIRE(!anslag::parse("1 234,50 kr", k));
  REQUIRE(k == Krona::from_ore(123'450));
  REQUIRE(anslag::parse("1.5", k) == anslag::errc::parse);
  REQUIRE(anslag::parse("", k) == anslag::errc::parse);
  REQUIRE(anslag::parse("92 233 720 368 547 758,08 kr", k) == anslag::errc::overflow);
  REQUIRE(k == Krona::from_ore(123'450));
  REQUIRE(!anslag::parse("SEK 25 000", k));
  REQUIRE(k == Krona::from_kronor(25'000));
  static_assert(noexcept(anslag::parse(std::string_view(), k)));
}
