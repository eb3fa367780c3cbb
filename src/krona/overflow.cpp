// The message of an amount beyond the range of Krona: the operation and its operands, each in
// the canonical form, so that the message says what was computed (docs/amounts.md, "Errors").
#include <anslag/krona/krona.hpp>

#include "wide.hpp"

#include <cstdint>
#include <string>

namespace anslag {

namespace {

std::string krona_text(std::int64_t ore) { return Krona::from_ore(ore).to_string(); }

}  // namespace

void throw_amount_overflow(amount_operation operation, std::int64_t first, std::int64_t second,
                           std::int64_t third) {
  std::string what;
  switch (operation) {
    case amount_operation::from_kronor: what = "from_kronor of " + std::to_string(first) + " kronor"; break;
    case amount_operation::negation: what = "negation of " + krona_text(first); break;
    case amount_operation::addition: what = "addition of " + krona_text(first) + " and " + krona_text(second); break;
    case amount_operation::subtraction:
      what = "subtraction of " + krona_text(second) + " from " + krona_text(first);
      break;
    case amount_operation::multiplication:
      what = "multiplication of " + krona_text(first) + " by " + std::to_string(second);
      break;
    case amount_operation::rounding:
      what = "rounding of " + krona_text(first) + " to a multiple of " + krona_text(second);
      break;
    case amount_operation::scaling:
      what = "scaling of " + krona_text(first) + " by " + std::to_string(second) + "/" + std::to_string(third);
      break;
    case amount_operation::sum: {
      // The wrapped total and its count of wraps are the exact sum, total + wraps · 2^64: each
      // addition wraps at most once, so |wraps| < 2^63 and the sum lies within ±2^127, inside
      // wide's ±(2^128 - 1).
      const detail::wide exact = detail::wide(first) + detail::wide(second) * (detail::wide(1) << 64);
      what = "sum of " + std::to_string(third) + " amounts, which is " + detail::amount_text(exact);
      break;
    }
  }
  throw overflow_error("amount out of range in " + what);
}

}  // namespace anslag
