// anslag::Krona: an exact amount of Swedish money, a signed 64-bit count of öre.
//
// Range: [-9 223 372 036 854 775 808, 9 223 372 036 854 775 807] öre, about ±92 233 billion
// kronor. Every operation that would leave the range throws anslag::overflow_error; nothing
// wraps, nothing widens silently, and nothing passes through a floating-point type: the
// constructors from float and double are deleted, and there is no operator/ (a share of an
// amount exists only through Krona::round and anslag::allocate, which say how to round).
#pragma once

#include <anslag/error.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>
#include <ranges>
#include <span>
#include <string>
#include <string_view>

namespace anslag {

// How Krona::round resolves an amount that lies between two multiples of the unit.
//   half_even: to the nearest, halves to the even multiple (banker's rounding; Python's round()).
//   half_up:   to the nearest, halves away from zero. Swedish öresavrundning (lag 1970:1029,
//              rounding to whole kronor in cash payment) rounds halves up: 50 öre becomes 1 kr.
//   down:      toward zero.        up:      away from zero.
//   floor:     toward -infinity.   ceiling: toward +infinity.
enum class rounding { half_even, half_up, down, up, floor, ceiling };

namespace detail {
[[noreturn]] inline void throw_overflow(const char* operation) {
  throw overflow_error(std::string("amount out of range in ") + operation);
}

// The one place a 128-bit integer is named, for exact products of two 64-bit values.
__extension__ using wide_int = __int128;

// The quotient q of some n / d (d > 0, truncated toward zero, with remainder r: |r| < d, r of the
// sign of n) moved to the integer `mode` chooses. Int is std::int64_t or wide_int; the caller
// checks that the result fits where it goes. The step away from zero cannot overflow: r != 0
// needs d >= 2, so |q| <= |n| / 2, half of Int's range at most.
template <typename Int>
constexpr Int rounded_quotient(Int q, Int r, Int d, rounding mode) {
  if (r == 0) return q;
  const bool negative = r < 0;
  // |r| < d, so negating r cannot overflow; neither can d - |r|.
  const Int magnitude = negative ? -r : r;
  const Int rest = d - magnitude;  // distance to the multiple away from zero
  bool away = false;  // true: move from q one step further from zero
  switch (mode) {
    case rounding::down: away = false; break;
    case rounding::up: away = true; break;
    case rounding::floor: away = negative; break;
    case rounding::ceiling: away = !negative; break;
    case rounding::half_up: away = magnitude >= rest; break;
    case rounding::half_even: away = magnitude > rest || (magnitude == rest && (q % 2 != 0)); break;
  }
  if (!away) return q;
  return negative ? q - 1 : q + 1;
}
}  // namespace detail

class Krona {
 public:
  static constexpr std::int64_t ore_per_krona = 100;

  constexpr Krona() noexcept = default;
  Krona(float) = delete;
  Krona(double) = delete;
  Krona(long double) = delete;

  static constexpr Krona from_ore(std::int64_t ore) noexcept { return Krona(ore); }

  // Whole kronor; |kronor| must be at most 92 233 720 368 547 758.
  static constexpr Krona from_kronor(std::int64_t kronor) {
    std::int64_t ore = 0;
    if (__builtin_mul_overflow(kronor, ore_per_krona, &ore)) detail::throw_overflow("from_kronor");
    return Krona(ore);
  }

  static constexpr Krona max() noexcept { return Krona(std::numeric_limits<std::int64_t>::max()); }
  static constexpr Krona min() noexcept { return Krona(std::numeric_limits<std::int64_t>::min()); }

  // The Swedish amount grammar of docs/amounts.md ("8 618 500 kr", "1 234,50", "3,5 mnkr").
  // Throws parse_error naming the character position, or overflow_error.
  static Krona parse(std::string_view text);

  constexpr std::int64_t ore() const noexcept { return ore_; }

  // The canonical Swedish form: "8 618 500 kr", "1 234,50 kr", "−250 kr" (U+00A0 between
  // groups and before the unit, U+2212 for minus, decimals only when there are öre).
  std::string to_string() const;

  constexpr Krona operator-() const {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(std::int64_t{0}, ore_, &r)) detail::throw_overflow("negation");
    return Krona(r);
  }
  constexpr Krona abs() const { return ore_ < 0 ? -*this : *this; }

  friend constexpr Krona operator+(Krona a, Krona b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a.ore_, b.ore_, &r)) detail::throw_overflow("addition");
    return Krona(r);
  }
  friend constexpr Krona operator-(Krona a, Krona b) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a.ore_, b.ore_, &r)) detail::throw_overflow("subtraction");
    return Krona(r);
  }
  constexpr Krona& operator+=(Krona b) { return *this = *this + b; }
  constexpr Krona& operator-=(Krona b) { return *this = *this - b; }

  // Scaling by a count. The builtin checks the product in the factor's own type first (any
  // integral type, signed or unsigned), so no conversion can wrap before the check.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  friend constexpr Krona operator*(Krona a, I factor) {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a.ore_, factor, &r)) detail::throw_overflow("multiplication");
    return Krona(r);
  }
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  friend constexpr Krona operator*(I factor, Krona a) {
    return a * factor;
  }

  friend constexpr bool operator==(Krona, Krona) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(Krona, Krona) noexcept = default;

  // This amount rounded to a multiple of `unit` (1 öre, 50 öre, 1 kr, 1 000 kr, ...).
  // `unit` must be positive (invalid_argument_error); a result beyond the range throws
  // overflow_error.
  constexpr Krona round(Krona unit, rounding mode) const {
    if (unit.ore_ <= 0) throw invalid_argument_error("rounding unit must be positive");
    // q in [-2^63, 2^63-1] (|q| <= |ore_|); r in (-unit, unit) with the sign of ore_.
    const std::int64_t q = ore_ / unit.ore_;
    const std::int64_t r = ore_ % unit.ore_;
    if (r == 0) return *this;
    std::int64_t result = 0;
    if (__builtin_mul_overflow(detail::rounded_quotient(q, r, unit.ore_, mode), unit.ore_, &result))
      detail::throw_overflow("rounding");
    return Krona(result);
  }

  // This amount times numerator/denominator, rounded once to whole öre by `mode`: 85 % is
  // scale(85, 100, mode), a third scale(1, 3, mode). The product is exact (128 bits), so the
  // call throws overflow_error only when the rounded result itself is beyond the range;
  // a zero denominator is an invalid_argument_error.
  constexpr Krona scale(std::int64_t numerator, std::int64_t denominator, rounding mode) const {
    if (denominator == 0) throw invalid_argument_error("scale denominator must not be zero");
    // |product| <= 2^126 and |denominator| <= 2^63: both fit 128 signed bits, and so do their
    // negations, which make the denominator positive.
    detail::wide_int product = detail::wide_int{ore_} * numerator;
    detail::wide_int divisor = denominator;
    if (divisor < 0) {
      product = -product;
      divisor = -divisor;
    }
    const detail::wide_int q = product / divisor;  // |q| <= 2^126
    const detail::wide_int r = product % divisor;  // |r| < divisor, sign of product
    const detail::wide_int result = detail::rounded_quotient(q, r, divisor, mode);
    if (result < std::numeric_limits<std::int64_t>::min() ||
        result > std::numeric_limits<std::int64_t>::max())
      detail::throw_overflow("scaling");
    return Krona(static_cast<std::int64_t>(result));
  }

 private:
  constexpr explicit Krona(std::int64_t ore) noexcept : ore_(ore) {}
  std::int64_t ore_ = 0;
};

namespace detail {

// Adds `value` to `total` with wrapping and counts the wraps in `wraps` (+1 past the top, -1
// past the bottom): the pair is the exact sum, which lies in the range exactly when the wraps
// cancel.
constexpr void add_counting_wraps(std::int64_t& total, std::int64_t& wraps, std::int64_t value) {
  if (__builtin_add_overflow(total, value, &total)) wraps += value < 0 ? -1 : 1;
}

// The exact sum of contiguous amounts in öre, without a branch per amount, so that the compiler
// vectorises the loop. Read as unsigned, an amount's bits are u = high·2^32 + low with high,
// low < 2^32, and u is the amount plus 2^64 when the amount is negative. Over a block of at most
// 2^30 amounts the three sums (of high, of low, and the count of negatives) stay below 2^62, and
//   block sum = (Σhigh + ⌊Σlow / 2^32⌋ − negatives·2^32) · 2^32 + (Σlow mod 2^32)
// exactly. The first factor (`upper`, within ±2^62 + 2^30 for a block) is added up across
// blocks with a count of wraps; the low 32 bits carry into it. The total is in range exactly
// when no wrap is left and upper fits in 32 signed bits. `block` is a parameter for the tests.
template <std::size_t block = std::size_t{1} << 30, typename T, typename Ore>
constexpr std::int64_t exact_sum(const T* values, std::size_t count, Ore ore) {
  static_assert(block <= std::size_t{1} << 30);
  std::int64_t upper = 0;
  std::int64_t wraps = 0;
  std::uint64_t lower = 0;  // < 2^32
  for (std::size_t start = 0; start < count; start += block) {
    const std::size_t end = count - start < block ? count : start + block;
    std::uint64_t high = 0, low = 0, negatives = 0;  // each < 2^62
    for (std::size_t i = start; i < end; ++i) {
      const auto u = static_cast<std::uint64_t>(ore(values[i]));
      high += u >> 32;
      low += u & 0xFFFF'FFFFu;
      negatives += u >> 63;
    }
    low += lower;  // < 2^62 + 2^32
    lower = low & 0xFFFF'FFFFu;
    const auto block_upper =
        static_cast<std::int64_t>(high + (low >> 32)) - static_cast<std::int64_t>(negatives << 32);
    add_counting_wraps(upper, wraps, block_upper);
  }
  if (wraps != 0 || upper < std::numeric_limits<std::int32_t>::min() ||
      upper > std::numeric_limits<std::int32_t>::max())
    throw_overflow("sum");
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(upper) << 32 | lower);
}

}  // namespace detail

// The exact sum of a range of Krona. It throws overflow_error only when the sum itself is beyond
// the range, whatever the order: partial sums may leave the range on the way ({max, 1, -1} sums
// to max). A contiguous range (vector, array, span) is summed by detail::exact_sum, which the
// compiler vectorises; any other range with wrapping addition and a count of the wraps, one add
// and one rarely taken branch per amount.
template <typename Range>
constexpr Krona sum(const Range& amounts) {
  if constexpr (std::ranges::contiguous_range<Range> &&
                std::same_as<std::ranges::range_value_t<Range>, Krona>) {
    return Krona::from_ore(detail::exact_sum(std::ranges::data(amounts), std::ranges::size(amounts),
                                             [](Krona k) { return k.ore(); }));
  } else {
    std::int64_t total = 0;
    std::int64_t wraps = 0;
    for (Krona k : amounts) detail::add_counting_wraps(total, wraps, k.ore());
    if (wraps != 0) detail::throw_overflow("sum");
    return Krona::from_ore(total);
  }
}

// The exact sum of amounts given in öre, as sum() gives it: for arrays of öre (numpy's int64
// columns among them) that are not Krona.
constexpr Krona sum_ore(std::span<const std::int64_t> ore) {
  return Krona::from_ore(detail::exact_sum(ore.data(), ore.size(), [](std::int64_t v) { return v; }));
}

}  // namespace anslag
