#include <anslag/krona/amount_text.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace anslag {
namespace {

constexpr char32_t no_break_space = 0x00A0;
constexpr char32_t narrow_no_break_space = 0x202F;
constexpr char32_t thin_space = 0x2009;
constexpr char32_t minus_sign = 0x2212;
constexpr char32_t end_of_text = 0xFFFFFFFF;
constexpr char32_t invalid = 0xFFFFFFFE;

bool is_group_separator(char32_t c) {
  return c == U' ' || c == no_break_space || c == narrow_no_break_space || c == thin_space;
}
bool is_space(char32_t c) { return is_group_separator(c) || c == U'\t' || c == U'\n' || c == U'\r'; }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// A cursor over UTF-8 text that counts code points, so errors name the character a reader sees.
class cursor {
 public:
  explicit cursor(std::string_view text) : text_(text) { decode(); }
  char32_t peek() const { return current_; }
  std::size_t position() const { return position_; }
  void advance() {
    byte_ += width_;
    ++position_;
    decode();
  }
  // The code point after the current one, without moving.
  char32_t peek_next() const {
    cursor copy = *this;
    copy.advance();
    return copy.current_;
  }

 private:
  void decode() {
    if (byte_ >= text_.size()) {
      current_ = end_of_text;
      width_ = 0;
      return;
    }
    const auto b0 = static_cast<unsigned char>(text_[byte_]);
    std::size_t need = 0;
    char32_t c = 0;
    if (b0 < 0x80) {
      current_ = b0;
      width_ = 1;
      return;
    } else if ((b0 & 0xE0) == 0xC0) {
      need = 1;
      c = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
      need = 2;
      c = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
      need = 3;
      c = b0 & 0x07;
    } else {
      current_ = invalid;
      width_ = 1;
      return;
    }
    if (byte_ + need >= text_.size()) {  // truncated sequence
      current_ = invalid;
      width_ = 1;
      return;
    }
    for (std::size_t i = 1; i <= need; ++i) {
      const auto b = static_cast<unsigned char>(text_[byte_ + i]);
      if ((b & 0xC0) != 0x80) {
        current_ = invalid;
        width_ = 1;
        return;
      }
      c = (c << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
    static constexpr char32_t smallest[] = {0, 0x80, 0x800, 0x10000};
    if (c < smallest[need] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
      current_ = invalid;
      width_ = 1;
      return;
    }
    current_ = c;
    width_ = need + 1;
  }

  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t width_ = 0;
  std::size_t position_ = 0;
  char32_t current_ = end_of_text;
};

[[noreturn]] void fail_at(std::size_t position, const std::string& what) {
  throw parse_error(what + " at position " + std::to_string(position), position);
}
[[noreturn]] void fail(const cursor& at, const std::string& what) { fail_at(at.position(), what); }

// Why the character at the cursor cannot start or continue an amount, for the message.
[[noreturn]] void fail_unexpected(const cursor& at, const char* expected) {
  const char32_t c = at.peek();
  if (c == invalid) fail(at, "invalid UTF-8");
  if (c == end_of_text) fail(at, std::string("unexpected end: expected ") + expected);
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) fail(at, "control character");
  if (c == U'.')
    fail(at,
         "a point is not a decimal separator in Swedish amounts (write 1,5 for one and a half "
         "and 1 500 for fifteen hundred)");
  fail(at, std::string("expected ") + expected);
}

void skip_space(cursor& at) {
  while (is_space(at.peek())) at.advance();
}

// Appends one decimal digit to a magnitude that may reach 2^63 (the most negative amount).
bool push_digit(std::uint64_t& magnitude, char32_t digit) {
  return __builtin_mul_overflow(magnitude, 10u, &magnitude) ||
         __builtin_add_overflow(magnitude, static_cast<std::uint64_t>(digit - U'0'), &magnitude);
}

[[noreturn]] void out_of_range() { throw overflow_error("amount out of range"); }

struct unit_entry {
  std::string_view name;    // lower case
  int ore_exponent;         // the unit is 10^ore_exponent öre
};
constexpr unit_entry units[] = {
    {"kr", 2},   {"kr.", 2},  {"kronor", 2}, {"sek", 2},  {"skr", 2},
    {"tkr", 5},  {"mnkr", 8}, {"mkr", 8},    {"msek", 8}, {"mdkr", 11},
};

}  // namespace

Krona parse_amount(std::string_view text) {
  cursor at(text);
  skip_space(at);
  if (at.peek() == end_of_text) {
    if (at.position() == 0) fail(at, "empty amount");
    fail(at, "blank amount");
  }
  bool negative = false;
  if (at.peek() == U'-' || at.peek() == minus_sign) {
    negative = true;
    at.advance();
  }
  if (!is_digit(at.peek())) fail_unexpected(at, "a digit");

  // Integer part: ungrouped, or groups of three after a first group of one to three digits.
  std::uint64_t whole = 0;
  std::size_t first_group = 0;
  while (is_digit(at.peek())) {
    if (push_digit(whole, at.peek())) out_of_range();
    ++first_group;
    at.advance();
  }
  while (is_group_separator(at.peek()) && is_digit(at.peek_next())) {
    if (first_group > 3) fail(at, "a grouped amount must start with a group of one to three digits");
    at.advance();
    std::size_t group = 0;
    while (is_digit(at.peek())) {
      if (group == 3) fail(at, "a group of digits must have three digits");
      if (push_digit(whole, at.peek())) out_of_range();
      ++group;
      at.advance();
    }
    if (group != 3) fail(at, "a group of digits must have three digits");
  }

  // Fraction after a decimal comma: kept as digits until the unit says what they are worth.
  // Trailing zeros do not count ("1,500 kr" is 150 öre); 11 significant digits are the most
  // any unit can turn into whole öre (mdkr is 10^11 öre), so the value stays below 10^11.
  std::uint64_t fraction = 0;
  int significant = 0;        // fraction digits up to the last nonzero one
  bool too_long = false;      // a nonzero digit beyond the 11th
  std::size_t fraction_position = 0;
  if (at.peek() == U',') {
    at.advance();
    if (!is_digit(at.peek())) fail_unexpected(at, "a digit after the decimal comma");
    fraction_position = at.position();
    int count = 0;
    int pending_zeros = 0;
    while (is_digit(at.peek())) {
      ++count;
      if (at.peek() == U'0') {
        ++pending_zeros;
      } else if (count > 11) {
        too_long = true;
      } else {
        for (; pending_zeros > 0; --pending_zeros) fraction *= 10;
        fraction = fraction * 10 + (at.peek() - U'0');
        significant = count;
      }
      if (at.peek() != U'0') pending_zeros = 0;
      at.advance();
    }
  }
  if (at.peek() == U'.') fail_unexpected(at, "");

  skip_space(at);
  int ore_exponent = 2;
  if (at.peek() != end_of_text) {
    if (!is_letter(at.peek())) fail_unexpected(at, "a unit (kr, kronor, SEK, Skr, tkr, mnkr, mdkr) or the end");
    const cursor unit_start = at;
    std::string name;
    while (is_letter(at.peek()) || at.peek() == U'.') {
      const char32_t c = at.peek();
      name += static_cast<char>(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
      at.advance();
    }
    bool known = false;
    for (const auto& u : units) {
      if (u.name == name) {
        ore_exponent = u.ore_exponent;
        known = true;
      }
    }
    if (!known) fail(unit_start, "unknown unit (kr, kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr)");
    skip_space(at);
    if (at.peek() != end_of_text) fail(at, "unexpected text after the unit");
  }

  if (too_long || significant > ore_exponent)
    fail_at(fraction_position + static_cast<std::size_t>(ore_exponent), "more decimals than whole öre");
  // whole · 10^e and fraction · 10^(e - k): each checked; their sum is the magnitude in öre.
  std::uint64_t magnitude = whole;
  for (int i = 0; i < ore_exponent; ++i)
    if (__builtin_mul_overflow(magnitude, 10u, &magnitude)) out_of_range();
  std::uint64_t fraction_ore = fraction;
  for (int i = significant; i < ore_exponent; ++i) fraction_ore *= 10;  // < 10^11
  if (__builtin_add_overflow(magnitude, fraction_ore, &magnitude)) out_of_range();

  constexpr std::uint64_t limit = std::uint64_t{1} << 63;  // |INT64_MIN|
  if (negative) {
    if (magnitude > limit) out_of_range();
    return Krona::from_ore(magnitude == limit ? INT64_MIN : -static_cast<std::int64_t>(magnitude));
  }
  if (magnitude >= limit) out_of_range();
  return Krona::from_ore(static_cast<std::int64_t>(magnitude));
}

std::string format_amount(Krona amount, const amount_format& format) {
  const std::int64_t ore = amount.ore();
  // The magnitude as unsigned, so that the most negative amount has one too.
  const std::uint64_t magnitude =
      ore < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
  const std::uint64_t whole = magnitude / 100;
  const auto cents = static_cast<unsigned>(magnitude % 100);
  if (format.fraction == amount_format::decimals::never && cents != 0)
    throw invalid_argument_error("amount has öre but the format has no decimals");

  const std::string digits = std::to_string(whole);
  std::string out;
  out.reserve(digits.size() * 2 + 16);
  if (ore < 0) out += format.minus;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += format.group_separator;
    out += digits[i];
  }
  if (cents != 0 || format.fraction == amount_format::decimals::always) {
    out += ',';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  if (!format.unit.empty()) {
    out += "\u00A0";
    out += format.unit;
  }
  return out;
}

Krona Krona::parse(std::string_view text) { return parse_amount(text); }
std::string Krona::to_string() const { return format_amount(*this); }

}  // namespace anslag
