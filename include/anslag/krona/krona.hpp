// anslag::Krona: an exact amount of Swedish money, a signed 64-bit count of öre.
//
// Range: [-9 223 372 036 854 775 808, 9 223 372 036 854 775 807] öre, about ±92 233 billion
// kronor. Every operation that would leave the range throws anslag::overflow_error; nothing
// wraps, nothing widens silently, and nothing passes through a floating-point type: the
// constructors from float and double are deleted, and there is no operator/ (a share of an
// amount exists only through Krona::round and anslag::allocate, which say how to round).
//
// Thread safety: Krona is a value; every function is pure and may run on any thread.
// Exceptions: overflow_error (a result beyond the range), invalid_argument_error (a non-positive
// rounding unit, a zero denominator), parse_error (Krona::parse); `noexcept` where none can occur.
// Lifetimes: values only; nothing refers into an argument after the call.
#pragma once

#include <anslag/export.hpp>
#include <anslag/error.hpp>
#include <anslag/krona/arithmetic.hpp>

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <iterator>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <version>
#if defined(__cpp_lib_format)
#include <anslag/detail/format_spec.hpp>
#endif

namespace anslag {

// How Krona::round resolves an amount that lies between two multiples of the unit.
//   half_even: to the nearest, halves to the even multiple (banker's rounding; Python's round()).
//   half_up:   to the nearest, halves away from zero. Swedish öresavrundning (lag 1970:1029,
//              rounding to whole kronor in cash payment) rounds halves up: 50 öre becomes 1 kr.
//   down:      toward zero.        up:      away from zero.
//   floor:     toward -infinity.   ceiling: toward +infinity.
enum class rounding { half_even, half_up, down, up, floor, ceiling };

// What an amount beyond the range came from, for the message of the overflow_error that says so.
enum class amount_operation { from_kronor, negation, addition, subtraction, multiplication, rounding, scaling, sum };

// Throws overflow_error naming the operation and its operands in the canonical form:
// "amount out of range in addition of 92 233 720 368 547 758,07 kr and 0,01 kr". The operands
// by operation: from_kronor (kronor), negation (öre), addition and subtraction (öre, öre),
// multiplication (öre, factor), rounding (öre, unit in öre), scaling (öre, numerator,
// denominator), sum (the wrapped total in öre, its count of wraps, the count of amounts: the
// message gives the exact sum). Out of line (src/krona/overflow.cpp): it formats amounts, and
// only the path that throws calls it.
[[noreturn]] ANSLAG_API void throw_amount_overflow(amount_operation operation, std::int64_t first,
                                                   std::int64_t second = 0, std::int64_t third = 0);

namespace detail {

// Whether a quotient truncated toward zero moves one step further from zero under `mode`, for a
// division with a remainder: `remainder` is the remainder's magnitude (> 0), `rest` the distance
// to the multiple away from zero (divisor - remainder), `negative` the sign of the exact
// quotient, `odd` the parity of the truncated one.
template <typename Magnitude>
constexpr bool rounds_away(rounding mode, bool negative, Magnitude remainder, Magnitude rest, bool odd) {
  switch (mode) {
    case rounding::down: return false;
    case rounding::up: return true;
    case rounding::floor: return negative;
    case rounding::ceiling: return !negative;
    case rounding::half_up: return remainder >= rest;
    case rounding::half_even: return remainder > rest || (remainder == rest && odd);
  }
  return false;
}
}  // namespace detail

class ANSLAG_API Krona {
 public:
  static constexpr std::int64_t ore_per_krona = 100;

  constexpr Krona() noexcept = default;
  Krona(float) = delete;
  Krona(double) = delete;
  Krona(long double) = delete;

  // The factories take signed integers only. A floating-point argument would be truncated
  // (from_kronor(1234.56) is not 1 234,56 kr), an unsigned one can wrap to a negative amount,
  // bool and the character types are no counts: each is a deleted overload, so the mistake is a
  // compile error, not a warning (tests/compile_fail).
  static constexpr Krona from_ore(std::int64_t ore) noexcept { return Krona(ore); }
  template <typename T>
    requires(!detail::signed_integer<T>)
  static Krona from_ore(T) = delete;

  // Whole kronor; |kronor| must be at most 92 233 720 368 547 758.
  static constexpr Krona from_kronor(std::int64_t kronor) {
    std::int64_t ore = 0;
    if (detail::mul_overflows(kronor, ore_per_krona, ore)) throw_amount_overflow(amount_operation::from_kronor, kronor);
    return Krona(ore);
  }
  template <typename T>
    requires(!detail::signed_integer<T>)
  static Krona from_kronor(T) = delete;

  static constexpr Krona max() noexcept { return Krona(detail::int64_max); }
  static constexpr Krona min() noexcept { return Krona(detail::int64_min); }

  // The Swedish amount grammar of docs/amounts.md ("8 618 500 kr", "1 234,50", "3,5 mnkr").
  // Throws parse_error naming the character position, or overflow_error.
  static Krona parse(std::string_view text);

  constexpr std::int64_t ore() const noexcept { return ore_; }

  // The canonical Swedish form: "8 618 500 kr", "1 234,50 kr", "−250 kr" (U+00A0 between
  // groups and before the unit, U+2212 for minus, decimals only when there are öre).
  std::string to_string() const;

  constexpr Krona operator-() const {
    std::int64_t r = 0;
    if (detail::sub_overflows(0, ore_, r)) throw_amount_overflow(amount_operation::negation, ore_);
    return Krona(r);
  }
  constexpr Krona abs() const { return ore_ < 0 ? -*this : *this; }

  friend constexpr Krona operator+(Krona a, Krona b) {
    std::int64_t r = 0;
    if (detail::add_overflows(a.ore_, b.ore_, r)) throw_amount_overflow(amount_operation::addition, a.ore_, b.ore_);
    return Krona(r);
  }
  friend constexpr Krona operator-(Krona a, Krona b) {
    std::int64_t r = 0;
    if (detail::sub_overflows(a.ore_, b.ore_, r)) throw_amount_overflow(amount_operation::subtraction, a.ore_, b.ore_);
    return Krona(r);
  }
  constexpr Krona& operator+=(Krona b) { return *this = *this + b; }
  constexpr Krona& operator-=(Krona b) { return *this = *this - b; }
  template <detail::signed_integer I>
  constexpr Krona& operator*=(I factor) {
    return *this = *this * factor;
  }

  // Scaling by a count of a signed integer type, which converts to int64 exactly; an unsigned
  // count, a bool or a character does not compile (a share is scale, round or allocate).
  template <detail::signed_integer I>
  friend constexpr Krona operator*(Krona a, I factor) {
    std::int64_t r = 0;
    if (detail::mul_overflows(a.ore_, static_cast<std::int64_t>(factor), r))
      throw_amount_overflow(amount_operation::multiplication, a.ore_, static_cast<std::int64_t>(factor));
    return Krona(r);
  }
  template <detail::signed_integer I>
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
    // |q| <= |ore_| and r in (-unit, unit) with the sign of ore_. The step away from zero cannot
    // overflow: r != 0 needs unit >= 2, so |q| <= 2^62.
    std::int64_t q = ore_ / unit.ore_;
    const std::int64_t r = ore_ % unit.ore_;
    if (r == 0) return *this;
    const bool negative = r < 0;
    const std::int64_t remainder = negative ? -r : r;
    if (detail::rounds_away(mode, negative, remainder, unit.ore_ - remainder, q % 2 != 0))
      q += negative ? -1 : 1;
    std::int64_t result = 0;
    if (detail::mul_overflows(q, unit.ore_, result)) throw_amount_overflow(amount_operation::rounding, ore_, unit.ore_);
    return Krona(result);
  }

  // This amount times numerator/denominator, rounded once to whole öre by `mode`: 85 % is
  // scale(85, 100, mode), a third scale(1, 3, mode). The product is exact (128 bits), so the
  // call throws overflow_error only when the rounded result itself is beyond the range;
  // a zero denominator is an invalid_argument_error. Both counts are signed integers of at most
  // 64 bits, as for operator*: 0.85 (which would truncate to 0), an unsigned count (which could
  // wrap to a negative one) and bool do not compile (tests/compile_fail).
  template <detail::signed_integer N, detail::signed_integer D>
  constexpr Krona scale(N numerator_count, D denominator_count, rounding mode) const {
    const auto numerator = static_cast<std::int64_t>(numerator_count);
    const auto denominator = static_cast<std::int64_t>(denominator_count);
    if (denominator == 0) throw invalid_argument_error("scale denominator must not be zero");
    // On magnitudes: |product| < 2^126, so the quotient and its step away from zero fit 128 bits.
    const bool negative = ((ore_ < 0) != (numerator < 0)) != (denominator < 0);
    const std::uint64_t divisor = detail::magnitude(denominator);
    auto [q, r] = detail::divide(detail::multiply(detail::magnitude(ore_), detail::magnitude(numerator)), divisor);
    if (r != 0 && detail::rounds_away(mode, negative, r, divisor - r, (q.low & 1u) != 0)) {
      q.low += 1;
      if (q.low == 0) q.high += 1;
    }
    if (q.high != 0 || !detail::fits_int64(negative, q.low)) throw_amount_overflow(amount_operation::scaling, ore_, numerator, denominator);
    return Krona(detail::with_sign(negative, q.low));
  }

 private:
  constexpr explicit Krona(std::int64_t ore) noexcept : ore_(ore) {}
  std::int64_t ore_ = 0;
};

// Writes the canonical Swedish form: out << amount is out << amount.to_string() (so a width
// counts bytes, as for any std::string; U+00A0 and U+2212 are two and three).
ANSLAG_API std::ostream& operator<<(std::ostream& out, Krona amount);

namespace detail {

// Adds `value` to `total` with wrapping and counts the wraps in `wraps` (+1 past the top, -1
// past the bottom): the pair is the exact sum, which lies in the range exactly when the wraps
// cancel.
constexpr void add_counting_wraps(std::int64_t& total, std::int64_t& wraps, std::int64_t value) {
  if (add_overflows(total, value, total)) wraps += value < 0 ? -1 : 1;
}

// The exact sum of contiguous amounts in öre, in a loop the compiler vectorises with three
// single-cycle operations per amount on any vector unit (SSE2, AVX2, AVX-512): no shifts, no
// high/low split, no branch. In each block of `block` amounts it adds the amounts with wrapping
// addition and ORs together every amount plus 2^52. While that OR stays below 2^53, every
// amount of the block lies in [-2^52, 2^52) (about ±45 billion kronor) and the block's sum, at
// most 2^10 · 2^52 = 2^62 in magnitude, did not wrap. The rare block holding a larger amount is
// added again one amount at a time, counting wraps. Block sums are added counting wraps too, so
// the total is exact and in range exactly when no wrap is left. `block` is a parameter for the
// tests.
template <std::size_t block = 1024, typename T, typename Ore>
constexpr std::int64_t exact_sum(const T* values, std::size_t count, Ore ore) {
  static_assert(block >= 1 && block <= 1024);
  constexpr std::uint64_t bias = std::uint64_t{1} << 52;
  std::int64_t total = 0;
  std::int64_t wraps = 0;
  for (std::size_t start = 0; start < count; start += block) {
    const std::size_t end = count - start < block ? count : start + block;
    std::uint64_t block_sum = 0;
    std::uint64_t spread = 0;
    for (std::size_t i = start; i < end; ++i) {
      const auto u = static_cast<std::uint64_t>(ore(values[i]));
      block_sum += u;
      spread |= u + bias;
    }
    if (spread < 2 * bias) {
      add_counting_wraps(total, wraps, static_cast<std::int64_t>(block_sum));
    } else {
      for (std::size_t i = start; i < end; ++i) add_counting_wraps(total, wraps, ore(values[i]));
    }
  }
  if (wraps != 0) throw_amount_overflow(amount_operation::sum, total, wraps, static_cast<std::int64_t>(count));
  return total;
}

}  // namespace detail

// A range whose elements are Krona (a vector, an array, a span, a list, a view of amounts): what
// sum() adds. Constraining sum() to it keeps the name out of overload resolution for any other
// range, so a program's own sum() over, say, pairs holding a Krona is not made ambiguous by
// argument-dependent lookup finding this one.
template <typename Range>
concept krona_range = requires(const Range& r) {
  std::begin(r);
  std::end(r);
} && std::same_as<std::iter_value_t<decltype(std::begin(std::declval<const Range&>()))>, Krona>;

// The exact sum of a range of Krona. It throws overflow_error only when the sum itself is beyond
// the range, whatever the order: partial sums may leave the range on the way ({max, 1, -1} sums
// to max). A contiguous range (vector, array, span) is summed by detail::exact_sum, which the
// compiler vectorises; any other range with wrapping addition and a count of the wraps, one add
// and one rarely taken branch per amount.
template <krona_range Range>
constexpr Krona sum(const Range& amounts) {
  if constexpr (std::contiguous_iterator<decltype(std::begin(amounts))> &&
                requires { std::data(amounts); std::size(amounts); }) {
    return Krona::from_ore(detail::exact_sum(std::data(amounts), std::size(amounts),
                                             [](Krona k) { return k.ore(); }));
  } else {
    std::int64_t total = 0;
    std::int64_t wraps = 0;
    std::int64_t count = 0;
    for (Krona k : amounts) {
      detail::add_counting_wraps(total, wraps, k.ore());
      ++count;
    }
    if (wraps != 0) throw_amount_overflow(amount_operation::sum, total, wraps, count);
    return Krona::from_ore(total);
  }
}

// The exact sum of amounts given in öre, as sum() gives it: for arrays of öre (numpy's int64
// columns among them) that are not Krona.
constexpr Krona sum_ore(std::span<const std::int64_t> ore) {
  return Krona::from_ore(detail::exact_sum(ore.data(), ore.size(), [](std::int64_t v) { return v; }));
}

}  // namespace anslag

// Krona as a key of unordered containers: equal amounts hash alike.
template <>
struct std::hash<anslag::Krona> {
  std::size_t operator()(anslag::Krona k) const noexcept { return std::hash<std::int64_t>{}(k.ore()); }
};

#if defined(__cpp_lib_format)
// std::format("{}", amount): the canonical Swedish form, with [[fill]align][width]. Only where
// the standard library has <format> (not libstdc++ 12); {fmt} users include
// <anslag/krona/fmt.hpp>.
template <>
struct std::formatter<anslag::Krona, char> : anslag::detail::std_formatter_by_to_string {
  template <typename FormatContext>
  auto format(anslag::Krona amount, FormatContext& context) const {
    return format_text(amount, context);
  }
};
#endif
