// The message of an amount beyond the range of Krona: the operation and its operands, each in
// the canonical form, so that the message says what was computed (docs/amounts.md, "Errors").
#include <anslag/krona/krona.hpp>

#include "wide.hpp"

#include <cstdint>
#include <string>

namespace anslag {

namespace {

// The canonical form of an exact count of öre that may lie beyond 64 bits (the sum of many
// amounts): "92 233 720 368 547 758,08 kr", with U+00A0 between groups and before "kr", U+2212
// for minus and decimals only when there are öre, as Krona::to_string writes an amount in range.
std::string wide_amount_text(const detail::wide& ore) {
  const bool negative = ore < 0;
  const detail::wide magnitude = negative ? detail::wide(-ore) : ore;
  const std::string kronor = detail::wide(magnitude / Krona::ore_per_krona).str();
  const auto cents = static_cast<int>(detail::narrow(magnitude % Krona::ore_per_krona));
  std::string text = negative ? "\u2212" : "";
  for (std::size_t i = 0; i < kronor.size(); ++i) {
    if (i > 0 && (kronor.size() - i) % 3 == 0) text += "\u00a0";
    text += kronor[i];
  }
  if (cents != 0) text += "," + std::string(1, static_cast<char>('0' + cents / 10)) + static_cast<char>('0' + cents % 10);
  return text + "\u00a0kr";
}

std::string amount_text(std::int64_t ore) { return Krona::from_ore(ore).to_string(); }

}  // namespace

void throw_amount_overflow(amount_operation operation, std::int64_t first, std::int64_t second,
                           std::int64_t third) {
  std::string what;
  switch (operation) {
    case amount_operation::from_kronor: what = "from_kronor of " + std::to_string(first) + " kronor"; break;
    case amount_operation::negation: what = "negation of " + amount_text(first); break;
    case amount_operation::addition: what = "addition of " + amount_text(first) + " and " + amount_text(second); break;
    case amount_operation::subtraction:
      what = "subtraction of " + amount_text(second) + " from " + amount_text(first);
      break;
    case amount_operation::multiplication:
      what = "multiplication of " + amount_text(first) + " by " + std::to_string(second);
      break;
    case amount_operation::rounding:
      what = "rounding of " + amount_text(first) + " to a multiple of " + amount_text(second);
      break;
    case amount_operation::scaling:
      what = "scaling of " + amount_text(first) + " by " + std::to_string(second) + "/" + std::to_string(third);
      break;
    case amount_operation::sum: {
      // The wrapped total and its count of wraps are the exact sum, total + wraps · 2^64: each
      // addition wraps at most once, so |wraps| < 2^63 and the sum lies within ±2^127, inside
      // wide's ±(2^128 - 1).
      const detail::wide exact = detail::wide(first) + detail::wide(second) * (detail::wide(1) << 64);
      what = "sum of " + std::to_string(third) + " amounts, which is " + wide_amount_text(exact);
      break;
    }
  }
  throw overflow_error("amount out of range in " + what);
}

}  // namespace anslag
