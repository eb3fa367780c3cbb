// The integer arithmetic under Krona: checked 64-bit addition, subtraction and multiplication,
// and the exact 128-bit product of two 64-bit magnitudes with its division by a third.
//
// GCC and Clang have builtins for each (__builtin_*_overflow, unsigned __int128), which compile
// to a flag test or a single instruction. Elsewhere, or wherever ANSLAG_PORTABLE_ARITHMETIC is
// defined, the same functions are written in standard C++ alone (32-bit limbs, long division).
// Both give identical results; the tests run with either (ctest -R portable). Define the macro
// for every translation unit of a program or for none, as for any macro that changes an inline
// function.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: none; every function is noexcept and reports an overflow by its result.
// Lifetimes: values only.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

#if !defined(ANSLAG_PORTABLE_ARITHMETIC) && !defined(__GNUC__) && !defined(__clang__)
#define ANSLAG_PORTABLE_ARITHMETIC 1
#endif

namespace anslag::detail {

// Character types hold text, not counts: '7' is 55. (signed char and unsigned char are also
// std::int8_t and std::uint8_t, so they count as integers.)
template <typename T>
concept character = std::same_as<std::remove_cv_t<T>, char> || std::same_as<std::remove_cv_t<T>, wchar_t> ||
                    std::same_as<std::remove_cv_t<T>, char8_t> ||
                    std::same_as<std::remove_cv_t<T>, char16_t> ||
                    std::same_as<std::remove_cv_t<T>, char32_t>;

// A count: an integral type that is neither bool nor a character type.
template <typename T>
concept integer = std::integral<T> && !std::same_as<std::remove_cv_t<T>, bool> && !character<T>;

// A count that converts to std::int64_t without changing its value, whatever the value.
template <typename T>
concept signed_integer = integer<T> && std::signed_integral<T> && sizeof(T) <= sizeof(std::int64_t);

inline constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

// |v| as unsigned: exact for every v, int64_min included (2^63).
constexpr std::uint64_t magnitude(std::int64_t v) noexcept {
  const auto u = static_cast<std::uint64_t>(v);
  return v < 0 ? std::uint64_t{0} - u : u;
}

// The value of sign·m, when it lies in the int64 range (m <= 2^63 - 1, or 2^63 if negative).
// The conversion of an unsigned value to signed is modular since C++20.
constexpr std::int64_t with_sign(bool negative, std::uint64_t m) noexcept {
  return static_cast<std::int64_t>(negative ? std::uint64_t{0} - m : m);
}

// Whether sign·m lies in the int64 range.
constexpr bool fits_int64(bool negative, std::uint64_t m) noexcept {
  return m <= (negative ? magnitude(int64_min) : static_cast<std::uint64_t>(int64_max));
}

// An unsigned 128-bit value as two halves.
struct uint128 {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
};

// a · b, exactly.
constexpr uint128 multiply(std::uint64_t a, std::uint64_t b) noexcept {
#ifndef ANSLAG_PORTABLE_ARITHMETIC
  __extension__ using u128 = unsigned __int128;
  const u128 p = static_cast<u128>(a) * b;
  return {static_cast<std::uint64_t>(p >> 64), static_cast<std::uint64_t>(p)};
#else
  // Schoolbook over 32-bit limbs: each partial product and each column sum fits 64 bits.
  const std::uint64_t a_lo = a & 0xFFFF'FFFFu, a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xFFFF'FFFFu, b_hi = b >> 32;
  const std::uint64_t lo_lo = a_lo * b_lo;
  const std::uint64_t hi_lo = a_hi * b_lo;
  const std::uint64_t lo_hi = a_lo * b_hi;
  const std::uint64_t hi_hi = a_hi * b_hi;
  const std::uint64_t middle = (lo_lo >> 32) + (hi_lo & 0xFFFF'FFFFu) + (lo_hi & 0xFFFF'FFFFu);
  return {hi_hi + (hi_lo >> 32) + (lo_hi >> 32) + (middle >> 32), (middle << 32) | (lo_lo & 0xFFFF'FFFFu)};
#endif
}

struct uint128_division {
  uint128 quotient;
  std::uint64_t remainder = 0;
};

// n / d and n % d for d > 0.
constexpr uint128_division divide(uint128 n, std::uint64_t d) noexcept {
#ifndef ANSLAG_PORTABLE_ARITHMETIC
  __extension__ using u128 = unsigned __int128;
  const u128 wide = static_cast<u128>(n.high) << 64 | n.low;
  const u128 q = wide / d;
  return {{static_cast<std::uint64_t>(q >> 64), static_cast<std::uint64_t>(q)},
          static_cast<std::uint64_t>(wide % d)};
#else
  // The high half divides alone; its remainder (< d) and the low half then divide bit by bit.
  std::uint64_t remainder = n.high % d;
  std::uint64_t low_quotient = 0;
  for (int bit = 63; bit >= 0; --bit) {
    // remainder < d < 2^64 before the shift, so 2·remainder + 1 < 2^65: the bit shifted out is
    // the 2^64 digit, and with it the value is below 2·d, so one subtraction brings it under d.
    const bool carry = (remainder >> 63) != 0;
    remainder = remainder << 1 | ((n.low >> bit) & 1u);
    low_quotient <<= 1;
    if (carry || remainder >= d) {
      remainder -= d;  // wraps back into range exactly when carry is set
      low_quotient |= 1u;
    }
  }
  return {{n.high / d, low_quotient}, remainder};
#endif
}

// a + b into `result`; true when the exact sum is beyond the int64 range (result then wraps).
constexpr bool add_overflows(std::int64_t a, std::int64_t b, std::int64_t& result) noexcept {
#ifndef ANSLAG_PORTABLE_ARITHMETIC
  return __builtin_add_overflow(a, b, &result);
#else
  result = static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
  return b > 0 ? a > int64_max - b : a < int64_min - b;
#endif
}

// a - b, as add_overflows.
constexpr bool sub_overflows(std::int64_t a, std::int64_t b, std::int64_t& result) noexcept {
#ifndef ANSLAG_PORTABLE_ARITHMETIC
  return __builtin_sub_overflow(a, b, &result);
#else
  result = static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
  return b < 0 ? a > int64_max + b : a < int64_min + b;
#endif
}

// a · b, as add_overflows (result is meaningful only when it returns false).
constexpr bool mul_overflows(std::int64_t a, std::int64_t b, std::int64_t& result) noexcept {
#ifndef ANSLAG_PORTABLE_ARITHMETIC
  return __builtin_mul_overflow(a, b, &result);
#else
  const bool negative = (a < 0) != (b < 0);
  const uint128 p = multiply(magnitude(a), magnitude(b));
  result = with_sign(negative, p.low);
  return p.high != 0 || !fits_int64(negative, p.low);
#endif
}

}  // namespace anslag::detail
