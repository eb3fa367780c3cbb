#include <anslag/krona/allocate.hpp>

#include "wide.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>

namespace anslag {

using detail::narrow;
using detail::wide;

std::vector<Krona> allocate_magnitudes(Krona total, std::span<const std::uint64_t> weights, Krona unit) {
  if (unit.ore() <= 0) throw invalid_argument_error("allocation unit must be positive");
  if (total.ore() % unit.ore() != 0)
    throw invalid_argument_error("total is not a multiple of the allocation unit");
  wide weight_sum = 0;  // <= count · (2^64 - 1) < 2^127 for any count below 2^63
  for (std::uint64_t w : weights) weight_sum += w;
  if (weight_sum == 0) throw invalid_argument_error("total weight is zero");

  const bool negative = total.ore() < 0;
  // |units| <= 2^63 (the magnitude of INT64_MIN öre with a unit of 1 öre), exact in wide.
  wide units = wide(total.ore()) / unit.ore();
  if (negative) units = -units;

  const std::size_t n = weights.size();
  std::vector<wide> base(n);
  std::vector<wide> remainder(n);
  wide given = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const wide product = units * weights[i];  // <= 2^63 · (2^64 - 1) < 2^127
    base[i] = product / weight_sum;          // <= units
    remainder[i] = product % weight_sum;     // in [0, weight_sum)
    given += base[i];
  }
  // Each base is the floor of its share, so the shortfall is less than one unit per part.
  const auto leftover = static_cast<std::size_t>(narrow(units - given));

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto before = [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    if (weights[a] != weights[b]) return weights[a] > weights[b];
    return a < b;
  };
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(leftover),
                   order.end(), before);
  for (std::size_t k = 0; k < leftover; ++k) base[order[k]] += 1;

  std::vector<Krona> parts;
  parts.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    // base[i] · unit <= |total| <= 2^63; the signed result lies in the int64 range.
    wide ore = base[i] * unit.ore();
    if (negative) ore = -ore;
    parts.push_back(Krona::from_ore(narrow(ore)));
  }
  return parts;
}

}  // namespace anslag
