// anslag::allocate's promise (include/anslag/krona/allocate.hpp) as assertions, on a total, a
// unit and weights decoded from the input: the parts are multiples of the unit, sum to the
// total, and each lies within one unit of its exact share T·w/W, computed here with rationals.
// Arguments outside the contract must be refused with invalid_argument_error.
#include "fuzz_check.hpp"
#include "fuzz_input.hpp"

#include <anslag/krona/allocate.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <vector>

namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

// Small values are the interesting ones (ties, zero weights), but the extremes must be reached
// too: a selector byte picks the width of the next number.
std::int64_t take_number(anslag::fuzz::input& in) {
  switch (in.take<std::uint8_t>() % 4) {
    case 0: return in.take<std::int8_t>();
    case 1: return in.take<std::int16_t>();
    case 2: return in.take<std::int32_t>();
    default: return in.take<std::int64_t>();
  }
}

void check_krona_allocate(anslag::fuzz::input& in) {
  const std::int64_t unit = take_number(in);
  std::int64_t total = take_number(in);
  // Most inputs should satisfy the contract, so make the total a multiple of a positive unit
  // unless the selector asks for a bad one.
  const bool keep_raw = in.take<std::uint8_t>() % 8 == 0;
  if (!keep_raw && unit > 0) total -= total % unit;
  std::vector<std::int64_t> weights;
  while (!in.empty() && weights.size() < 64) weights.push_back(take_number(in));

  cpp_int weight_sum = 0;
  bool negative_weight = false;
  for (std::int64_t w : weights) {
    weight_sum += w;
    negative_weight = negative_weight || w < 0;
  }
  const bool valid = unit > 0 && total % unit == 0 && !negative_weight && weight_sum > 0;
  if (!valid) {
    FUZZ_CHECK(anslag::fuzz::throws<anslag::invalid_argument_error>([&] {
      (void)anslag::allocate(anslag::Krona::from_ore(total), weights, anslag::Krona::from_ore(unit));
    }));
    return;
  }
  const std::vector<anslag::Krona> parts =
      anslag::allocate(anslag::Krona::from_ore(total), weights, anslag::Krona::from_ore(unit));
  FUZZ_CHECK(parts.size() == weights.size());
  cpp_int sum = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::int64_t part = parts[i].ore();
    sum += part;
    FUZZ_CHECK(part % unit == 0);
    const cpp_rational share = cpp_rational(cpp_int(total) * weights[i], weight_sum);
    const cpp_rational difference = cpp_rational(part) - share;
    FUZZ_CHECK(abs(difference) < cpp_rational(unit));
  }
  FUZZ_CHECK(sum == total);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  anslag::fuzz::input in(data, size);
  check_krona_allocate(in);
  return 0;
}
