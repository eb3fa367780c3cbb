// The amount parser against a reference parser, and against its own formatter: whatever one of
// the two parsers accepts the other must accept with the same value; an accepted amount must
// format, in every parseable format, to text that parses back to the same value; a refusal is
// a parse_error naming a position inside the text, or an overflow_error. Valid UTF-8 is also
// parsed as the fixed-width code points CPython stores (one, two or four bytes each, as narrow as
// the text allows), which take the one-pass path for the common shape first: the outcome must be
// the same value, or the same error at the same position.
#include "fuzz_check.hpp"
#include "reference_amount_parser.hpp"

#include <anslag/detail/utf8.hpp>
#include <anslag/krona/amount_text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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
  const anslag::amount_unit units[] = {anslag::amount_unit::none, anslag::amount_unit::kr,
                                       anslag::amount_unit::kronor, anslag::amount_unit::sek,
                                       anslag::amount_unit::skr,  anslag::amount_unit::tkr,
                                       anslag::amount_unit::mnkr, anslag::amount_unit::mdkr};
  const amount_format::decimals fractions[] = {amount_format::decimals::automatic,
                                               amount_format::decimals::always,
                                               amount_format::decimals::never};
  const auto has_fraction = [&](anslag::amount_unit unit) {
    const std::int64_t worth = unit == anslag::amount_unit::tkr    ? 100'000
                               : unit == anslag::amount_unit::mnkr ? 100'000'000
                               : unit == anslag::amount_unit::mdkr ? 100'000'000'000
                                                                   : 100;
    return amount.ore() % worth != 0;
  };
  for (const char* separator : separators)
    for (const char* minus : minuses)
      for (const anslag::amount_unit unit : units)
        for (const auto fraction : fractions) {
          const amount_format format{separator, minus, unit, fraction};
          if (fraction == amount_format::decimals::never && has_fraction(unit)) {
            FUZZ_CHECK(anslag::fuzz::throws<anslag::invalid_argument_error>(
                [&] { (void)anslag::format_amount(amount, format); }));
            continue;
          }
          const std::string text = anslag::format_amount(amount, format);
          FUZZ_CHECK(anslag::parse_amount(text) == amount);
          FUZZ_CHECK(anslag::fuzz::reference_parse_amount(text) == amount.ore());
        }
}

// What a parse gives: the value, or the kind of error and its position.
struct outcome {
  std::optional<std::int64_t> ore;
  int error = 0;  // 1 parse_error, 2 overflow_error
  std::size_t position = 0;
  bool operator==(const outcome&) const = default;
};

template <typename Parse>
outcome outcome_of(Parse parse) {
  try {
    return {parse().ore(), 0, 0};
  } catch (const anslag::parse_error& e) {
    return {std::nullopt, 1, e.position()};
  } catch (const anslag::overflow_error&) {
    return {std::nullopt, 2, 0};
  }
}

template <typename Unit>
outcome fixed_width_outcome(const std::vector<char32_t>& code_points) {
  const std::vector<Unit> units(code_points.begin(), code_points.end());
  return outcome_of([&] { return anslag::parse_amount(std::span<const Unit>(units)); });
}

void check_fixed_width(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<char32_t> code_points;
  char32_t widest = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = anslag::detail::decode_utf8(bytes + i, bytes + text.size());
    if (!d.valid) return;  // CPython's str holds no invalid UTF-8
    code_points.push_back(d.code_point);
    widest = std::max(widest, d.code_point);
    i += d.width;
  }
  const outcome utf8 = outcome_of([&] { return anslag::parse_amount(text); });
  FUZZ_CHECK(fixed_width_outcome<std::uint32_t>(code_points) == utf8);
  if (widest < 0x10000) FUZZ_CHECK(fixed_width_outcome<std::uint16_t>(code_points) == utf8);
  if (widest < 0x100) FUZZ_CHECK(fixed_width_outcome<std::uint8_t>(code_points) == utf8);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_fixed_width(text);
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
