// Wide integers for the intermediates that do not fit 64 bits: amount × weight before the
// division by the total weight, and sums of many weights. Boost.Multiprecision's fixed
// 128-bit integer (no allocation, exact); every use states why 128 bits suffice.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <string>

namespace anslag::detail {

using wide = boost::multiprecision::int128_t;  // range ±(2^128 - 1), signed magnitude

// Narrows a value that the caller has proved to lie in the int64 range.
inline std::int64_t narrow(const wide& w) { return w.convert_to<std::int64_t>(); }

// The canonical Swedish form of an exact count of öre, as Krona::to_string writes an amount
// ("92 233 720 368 547 758,08 kr": U+00A0 between groups and before "kr", U+2212 for minus,
// decimals only when there are öre), also beyond the range of Krona: an exact sum that is not
// an amount, in a finding or an overflow's message.
std::string amount_text(const wide& ore);

}  // namespace anslag::detail
