// anslag::allocate: split an amount into parts proportional to integer weights, exactly.
//
// Promise, for total T (a multiple of unit u), weights w_i >= 0 with W = Σ w_i > 0:
//   * every part is a multiple of u, and the parts sum to exactly T;
//   * each part differs from its exact share T·w_i/W by less than one unit (it is the share
//     rounded down or up to a multiple of u, toward zero or away from it for negative T);
//   * the units left after rounding every share toward zero go, one each, to the parts with the
//     largest remainders; ties go to the larger weight, then to the earlier index. The result
//     therefore depends only on the weights and their order, never on hidden state.
// Largest remainder is the Hamilton method; it is not monotone in T (the Alabama paradox):
// raising T by one unit can lower one part by a unit. See docs/amounts.md.
//
// The weights come from any range of integers (signed or unsigned, any width up to 64 bits; not
// bool, not characters). A wider weight (__int128, an integral type under -std=gnu++20) does
// not compile: converted to 64 bits it would be cut silently ({2^64 + 1, 1} split as {1, 1}). The arithmetic is done in 128 bits in the library (src/krona/allocate.cpp),
// so this header brings no wide-integer library into the programs that include it.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: invalid_argument_error (weights, unit, total), as each function states.
// Lifetimes: values only; the weights are read during the call, never kept.
#pragma once

#include <anslag/error.hpp>
#include <anslag/export.hpp>
#include <anslag/krona/arithmetic.hpp>
#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <initializer_list>
#include <ranges>
#include <span>
#include <vector>

namespace anslag {

// Each allocate throws invalid_argument_error: "allocation weight is negative", "allocation unit
// must be positive", "total is not a multiple of the allocation unit", "total weight is zero".

// allocate() over weights already known to be non-negative, as unsigned 64-bit magnitudes: the
// one out-of-line form every allocate() below reduces to (and the one to call with a contiguous
// array of such weights, copied nowhere).
ANSLAG_API std::vector<Krona> allocate_magnitudes(Krona total, std::span<const std::uint64_t> weights,
                                                  Krona unit = Krona::from_ore(1));

template <typename Weight>
concept allocation_weight = detail::integer<Weight> && sizeof(Weight) <= sizeof(std::uint64_t);

template <std::ranges::input_range Weights>
  requires allocation_weight<std::ranges::range_value_t<Weights>>
std::vector<Krona> allocate(Krona total, Weights&& weights, Krona unit = Krona::from_ore(1)) {
  std::vector<std::uint64_t> magnitudes;
  if constexpr (std::ranges::sized_range<Weights>) magnitudes.reserve(std::ranges::size(weights));
  for (const auto w : weights) {
    if constexpr (std::signed_integral<std::ranges::range_value_t<Weights>>)
      if (w < 0) throw invalid_argument_error("allocation weight is negative");
    magnitudes.push_back(static_cast<std::uint64_t>(w));
  }
  return allocate_magnitudes(total, magnitudes, unit);
}

// allocate(total, {2, 1, 1}): a braced list deduces no range.
inline std::vector<Krona> allocate(Krona total, std::initializer_list<std::int64_t> weights,
                                   Krona unit = Krona::from_ore(1)) {
  return allocate(total, std::span<const std::int64_t>(weights.begin(), weights.size()), unit);
}

}  // namespace anslag
