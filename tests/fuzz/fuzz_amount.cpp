// The amount parser against a reference parser, and against its own formatter: whatever one of
// the two parsers accepts the other must accept with the same value; an accepted amount must
// format, in every parseable format, to text that parses back to the same value; a refusal is
// a parse_error naming a position inside the text, or an overflow_error.
#include "fuzz_check.hpp"
#include "reference_amount_parser.hpp"

#include <anslag/krona/amount_text.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

void check_round_trips(anslag::Krona amount) {
  using anslag::amount_format;
  const char* separators[] = {"", " ", "\u00A0", "\u202F", "\u2009"};
  const char* minuses[] = {"-", "\u2212"};
  const char* units[] = {"", "kr", "kr.", "kronor", "SEK", "Skr"};
  const amount_format::decimals fractions[] = {amount_format::decimals::automatic,
                                               amount_format::decimals::always,
                                               amount_format::decimals::never};
  const bool has_ore = amount.ore() % 100 != 0;
  for (const char* separator : separators)
    for (const char* minus : minuses)
      for (const char* unit : units)
        for (const auto fraction : fractions) {
          const amount_format format{separator, minus, unit, fraction};
          if (fraction == amount_format::decimals::never && has_ore) {
            FUZZ_CHECK(anslag::fuzz::throws<anslag::invalid_argument_error>(
                [&] { (void)anslag::format_amount(amount, format); }));
            continue;
          }
          const std::string text = anslag::format_amount(amount, format);
          FUZZ_CHECK(anslag::parse_amount(text) == amount);
          FUZZ_CHECK(anslag::fuzz::reference_parse_amount(text) == amount.ore());
        }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<std::int64_t> expected = anslag::fuzz::reference_parse_amount(text);
  std::optional<anslag::Krona> parsed;
  try {
    parsed = anslag::parse_amount(text);
  } catch (const anslag::parse_error& e) {
    FUZZ_CHECK(e.position() <= code_points(text));
  } catch (const anslag::overflow_error&) {
  }
  FUZZ_CHECK(parsed.has_value() == expected.has_value());
  if (!parsed) return 0;
  FUZZ_CHECK(parsed->ore() == *expected);
  check_round_trips(*parsed);
  return 0;
}
