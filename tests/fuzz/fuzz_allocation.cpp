// The promises of allocation as assertions, on arguments decoded from the input, checked with
// exact rationals:
// - anslag::allocate (include/anslag/krona/allocate.hpp): the parts are multiples of the unit,
//   sum to the total, and each lies within one unit of its exact share T·w/W;
// - anslag::allocate_budget (include/anslag/allocate/budget.hpp), every strategy: no grant below
//   0 or above its capped request, the grants within the budget, every request met when the
//   budget covers them all, every grant a whole number of units or its full capped request; and
//   each strategy's own promise (ranked: nothing after the first request left short; pro_rata:
//   each grant within one unit of its share of the budget rounded down to the unit; equal_cap:
//   no grant more than one unit above a request left short).
// Arguments outside the contract must be refused with invalid_argument_error.
#include "fuzz_check.hpp"
#include "fuzz_input.hpp"

#include <anslag/allocate/budget.hpp>
#include <anslag/krona/allocate.hpp>

#include <algorithm>

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

void check_allocate_budget(anslag::fuzz::input& in) {
  const auto strategy = static_cast<anslag::allocation_strategy>(in.take<std::uint8_t>() % 3);
  const std::int64_t budget = take_number(in);
  const std::int64_t unit = take_number(in);
  const bool has_cap = in.take<std::uint8_t>() % 2 == 0;
  const std::int64_t cap = has_cap ? take_number(in) : 0;
  std::vector<anslag::Krona> requests;
  while (!in.empty() && requests.size() < 64) requests.push_back(anslag::Krona::from_ore(take_number(in)));
  anslag::budget_options options;
  options.unit = anslag::Krona::from_ore(unit);
  if (has_cap) options.cap = anslag::Krona::from_ore(cap);
  const bool valid = budget >= 0 && unit > 0 && (!has_cap || cap >= 0) &&
                     std::all_of(requests.begin(), requests.end(), [](anslag::Krona r) { return r.ore() >= 0; });
  if (!valid) {
    FUZZ_CHECK(anslag::fuzz::throws<anslag::invalid_argument_error>([&] {
      (void)anslag::allocate_budget(anslag::Krona::from_ore(budget), requests, strategy, options);
    }));
    return;
  }
  const auto result = anslag::allocate_budget(anslag::Krona::from_ore(budget), requests, strategy, options);
  FUZZ_CHECK(result.grants.size() == requests.size() && result.reasons.size() == requests.size());
  std::vector<std::int64_t> capped, grants;
  cpp_int demand = 0, given = 0;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    capped.push_back(has_cap ? std::min(requests[i].ore(), cap) : requests[i].ore());
    grants.push_back(result.grants[i].ore());
    demand += capped[i];
    given += grants[i];
    FUZZ_CHECK(0 <= grants[i] && grants[i] <= capped[i]);
    FUZZ_CHECK(grants[i] % unit == 0 || grants[i] == capped[i]);
  }
  FUZZ_CHECK(given <= budget);
  if (demand <= budget) {
    FUZZ_CHECK(grants == capped);
    return;
  }
  const auto short_of = [&](std::size_t i) { return grants[i] < capped[i]; };
  switch (strategy) {
    case anslag::allocation_strategy::ranked:
      for (std::size_t i = 0; i < grants.size(); ++i)
        if (short_of(i))
          for (std::size_t j = i + 1; j < grants.size(); ++j) FUZZ_CHECK(grants[j] == 0);
      break;
    case anslag::allocation_strategy::pro_rata: {
      const cpp_int spendable = cpp_int(budget) - cpp_int(budget) % unit;
      for (std::size_t i = 0; i < grants.size(); ++i) {
        const cpp_rational share(spendable * capped[i], demand);
        FUZZ_CHECK(abs(cpp_rational(grants[i]) - share) < cpp_rational(unit));
      }
      break;
    }
    case anslag::allocation_strategy::equal_cap:
      for (std::size_t i = 0; i < grants.size(); ++i)
        if (short_of(i))
          for (std::size_t j = 0; j < grants.size(); ++j) FUZZ_CHECK(cpp_int(grants[j]) <= cpp_int(grants[i]) + unit);
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  anslag::fuzz::input in(data, size);
  // The first byte chooses what to fuzz, so one corpus grows inputs for both.
  if (in.take<std::uint8_t>() % 2 == 0) check_krona_allocate(in);
  else check_allocate_budget(in);
  return 0;
}
