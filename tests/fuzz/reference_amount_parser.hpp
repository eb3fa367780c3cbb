// A second parser of the Swedish amount grammar (include/anslag/krona/amount_text.hpp), written
// to be obviously right rather than fast, for fuzz_amount's differential check: decode the
// whole text, strip the spaces at both ends, cut off a currency from the start, ":-" or the unit
// from the end, then check the sign,
// the digit groups and the fraction one by one; the value is computed with unbounded integers
// and only then compared with the int64 range. It says only "accepted, value" or "refused".
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace anslag::fuzz {

// The code points of `text`, or nothing when it is not well-formed UTF-8.
inline std::optional<std::u32string> decode_utf8(std::string_view text) {
  std::u32string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    int length = 0;
    char32_t c = 0;
    if (b <= 0x7F) { length = 1; c = b; }
    else if (b >= 0xC2 && b <= 0xDF) { length = 2; c = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) { length = 3; c = b & 0x0F; }
    else if (b >= 0xF0 && b <= 0xF4) { length = 4; c = b & 0x07; }
    else return std::nullopt;
    if (i + static_cast<std::size_t>(length) > text.size()) return std::nullopt;
    for (int k = 1; k < length; ++k) {
      const auto continuation = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if (continuation < 0x80 || continuation > 0xBF) return std::nullopt;
      c = (c << 6) | (continuation & 0x3F);
    }
    const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    const bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    if (overlong || surrogate || c > 0x10FFFF) return std::nullopt;
    out.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

inline bool reference_is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool reference_is_separator(char32_t c) {
  return c == U' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}
inline bool reference_is_space(char32_t c) {
  return reference_is_separator(c) || c == U'\t' || c == U'\r' || c == U'\n';
}
inline bool reference_is_unit_character(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'.';
}

// How many öre one of `unit` is, as a power of ten; nothing for a word that is not a unit.
inline std::optional<int> reference_unit_exponent(const std::u32string& unit) {
  std::string lower;
  for (char32_t c : unit) lower += static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c);
  if (lower == "kr" || lower == "kr." || lower == "kronor" || lower == "sek" || lower == "skr")
    return 2;
  if (lower == "tkr") return 5;
  if (lower == "mnkr" || lower == "mkr" || lower == "msek") return 8;
  if (lower == "mdkr") return 11;
  return std::nullopt;
}

// The integer part without its separators, when it is all digits or correctly grouped by three.
inline std::optional<std::u32string> reference_integer_digits(const std::u32string& part) {
  if (part.empty()) return std::nullopt;
  // Split at separators; every piece must be non-empty and all digits.
  std::vector<std::u32string> groups(1);
  for (char32_t c : part) {
    if (reference_is_separator(c)) groups.emplace_back();
    else if (reference_is_digit(c)) groups.back().push_back(c);
    else return std::nullopt;
  }
  std::u32string digits;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::size_t size = groups[g].size();
    if (size == 0) return std::nullopt;
    if (groups.size() > 1 && g == 0 && size > 3) return std::nullopt;
    if (g > 0 && size != 3) return std::nullopt;
    digits += groups[g];
  }
  return digits;
}

inline std::optional<std::int64_t> reference_parse_amount(std::string_view text) {
  using boost::multiprecision::cpp_int;
  const auto decoded = decode_utf8(text);
  if (!decoded) return std::nullopt;
  std::u32string s = *decoded;
  while (!s.empty() && reference_is_space(s.back())) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && reference_is_space(s[start])) ++start;
  s = s.substr(start);

  // A currency worth one krona before the amount ("SEK 25 000"), then no unit after it.
  std::size_t prefix_end = 0;
  while (prefix_end < s.size() && reference_is_unit_character(s[prefix_end])) ++prefix_end;
  const bool currency_before = prefix_end > 0;
  if (currency_before) {
    if (reference_unit_exponent(s.substr(0, prefix_end)) != 2) return std::nullopt;
    while (prefix_end < s.size() && reference_is_space(s[prefix_end])) ++prefix_end;
    s = s.substr(prefix_end);
  }
  // Whole kronor as "25 000:-" (a hyphen or an en dash after the colon): no decimals, no currency.
  if (s.size() >= 2 && s[s.size() - 2] == U':' && (s.back() == U'-' || s.back() == 0x2013)) {
    if (currency_before) return std::nullopt;
    s.resize(s.size() - 2);
    while (!s.empty() && reference_is_space(s.back())) s.pop_back();
    if (s.find(U',') != std::u32string::npos) return std::nullopt;
  }

  std::size_t unit_start = s.size();
  while (unit_start > 0 && reference_is_unit_character(s[unit_start - 1])) --unit_start;
  int exponent = 2;
  if (unit_start < s.size()) {
    if (currency_before) return std::nullopt;
    const auto unit_exponent = reference_unit_exponent(s.substr(unit_start));
    if (!unit_exponent) return std::nullopt;
    exponent = *unit_exponent;
  }
  s = s.substr(0, unit_start);
  while (!s.empty() && reference_is_space(s.back())) s.pop_back();

  bool negative = false;
  if (!s.empty() && (s[0] == U'-' || s[0] == 0x2212)) {
    negative = true;
    s = s.substr(1);
  }
  const std::size_t comma = s.find(U',');
  std::u32string fraction;
  if (comma != std::u32string::npos) {
    fraction = s.substr(comma + 1);
    if (fraction.empty()) return std::nullopt;
    for (char32_t c : fraction)
      if (!reference_is_digit(c)) return std::nullopt;
    s = s.substr(0, comma);
  }
  const auto whole = reference_integer_digits(s);
  if (!whole) return std::nullopt;

  cpp_int numerator = 0;  // the amount in öre times 10^(fraction digits)
  for (char32_t c : *whole + fraction) numerator = numerator * 10 + static_cast<int>(c - U'0');
  numerator *= boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(exponent));
  const cpp_int denominator = boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(fraction.size()));
  if (numerator % denominator != 0) return std::nullopt;  // not a whole number of öre
  cpp_int ore = numerator / denominator;
  if (negative) ore = -ore;
  if (ore < cpp_int(INT64_MIN) || ore > cpp_int(INT64_MAX)) return std::nullopt;
  return static_cast<std::int64_t>(ore);
}

}  // namespace anslag::fuzz
