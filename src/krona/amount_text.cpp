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

// What a reader returns instead of a code point; all lie beyond Unicode's last, U+10FFFF.
constexpr char32_t end_of_text = 0x110000;
constexpr char32_t invalid_utf8 = 0x110001;    // a byte that does not begin a UTF-8 sequence
constexpr char32_t beyond_unicode = 0x110002;  // a UCS-4 unit above U+10FFFF

constexpr bool is_group_separator(char32_t c) {
  return c == U' ' || c == no_break_space || c == narrow_no_break_space || c == thin_space;
}
constexpr bool is_space(char32_t c) {
  return is_group_separator(c) || c == U'\t' || c == U'\n' || c == U'\r';
}
constexpr bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
constexpr bool is_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
constexpr bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

// Readers give the parser one code point at a time and count positions in code points, so an
// error names the character a reader of the text sees.
class utf8_reader {
 public:
  explicit utf8_reader(std::string_view text) : text_(text) { decode(); }
  char32_t peek() const { return current_; }
  char32_t peek_next() const {
    utf8_reader next = *this;
    next.advance();
    return next.current_;
  }
  std::size_t position() const { return position_; }
  void advance() {
    byte_ += width_;
    ++position_;
    decode();
  }

 private:
  void decode() {
    width_ = 1;
    if (byte_ >= text_.size()) {
      current_ = end_of_text;
      return;
    }
    const auto lead = static_cast<unsigned char>(text_[byte_]);
    if (lead < 0x80) {
      current_ = lead;
      return;
    }
    std::size_t continuation = 0;
    char32_t c = 0;
    if ((lead & 0xE0) == 0xC0) {
      continuation = 1;
      c = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
      continuation = 2;
      c = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
      continuation = 3;
      c = lead & 0x07u;
    } else {
      current_ = invalid_utf8;
      return;
    }
    if (text_.size() - byte_ <= continuation) {  // the sequence is cut off by the end
      current_ = invalid_utf8;
      return;
    }
    for (std::size_t i = 1; i <= continuation; ++i) {
      const auto b = static_cast<unsigned char>(text_[byte_ + i]);
      if ((b & 0xC0) != 0x80) {
        current_ = invalid_utf8;
        return;
      }
      c = (c << 6) | (b & 0x3Fu);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
    static constexpr char32_t smallest[] = {0, 0x80, 0x800, 0x10000};
    if (c < smallest[continuation] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
      current_ = invalid_utf8;
      return;
    }
    current_ = c;
    width_ = continuation + 1;
  }

  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t width_ = 1;
  std::size_t position_ = 0;
  char32_t current_ = end_of_text;
};

template <typename Unit>
class fixed_reader {
 public:
  explicit fixed_reader(std::span<const Unit> units) : units_(units) {}
  char32_t peek() const { return at(index_); }
  char32_t peek_next() const { return at(index_ + 1); }
  std::size_t position() const { return index_; }
  void advance() { ++index_; }

 private:
  char32_t at(std::size_t i) const {
    if (i >= units_.size()) return end_of_text;
    const char32_t c = units_[i];
    return c > 0x10FFFF ? beyond_unicode : c;
  }
  std::span<const Unit> units_;
  std::size_t index_ = 0;
};

[[noreturn]] void fail(std::size_t position, const std::string& what) {
  throw parse_error(what + " at position " + std::to_string(position), position);
}

// Characters with a message of their own wherever they stand; nullptr for the rest.
const char* special_message(char32_t c) {
  if (c == invalid_utf8) return "invalid UTF-8";
  if (c == beyond_unicode) return "not a Unicode character";
  if (is_control(c)) return "control character";
  if (c == U'.')
    return "a point is not a decimal separator in Swedish amounts (write 1,5 for one and a half "
           "and 1 500 for fifteen hundred)";
  return nullptr;
}

[[noreturn]] void fail_expected(char32_t found, std::size_t position, const std::string& expected) {
  if (const char* message = special_message(found)) fail(position, message);
  if (found == end_of_text) fail(position, "unexpected end: expected " + expected);
  fail(position, "expected " + expected);
}

template <typename Reader>
void skip_space(Reader& at) {
  while (is_space(at.peek())) at.advance();
}

constexpr std::uint64_t power_of_ten[] = {
    1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000,
    10'000'000'000, 100'000'000'000};

struct unit_entry {
  std::string_view name;  // lower case
  int ore_exponent;       // the unit is 10^ore_exponent öre
};
constexpr unit_entry units[] = {
    {"kr", 2},   {"kr.", 2},  {"kronor", 2}, {"sek", 2},  {"skr", 2},
    {"tkr", 5},  {"mnkr", 8}, {"mkr", 8},    {"msek", 8}, {"mdkr", 11},
};
constexpr std::size_t longest_unit_name = 6;
// The largest unit is 10^11 öre, so no amount has more than 11 decimals that matter.
constexpr int max_fraction_digits = 11;
constexpr const char* unit_list = "kr, kr., kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr";

// The grammar of amount_text.hpp over any reader. Syntax is checked in full before the range,
// so text that is both malformed and too large reports the malformation.
template <typename Reader>
Krona parse(Reader at) {
  skip_space(at);
  if (at.peek() == end_of_text) fail(at.position(), at.position() == 0 ? "empty amount" : "blank amount");
  const bool negative = at.peek() == U'-' || at.peek() == minus_sign;
  if (negative) at.advance();
  if (!is_digit(at.peek())) fail_expected(at.peek(), at.position(), "a digit 0-9");

  bool too_large = false;
  std::uint64_t whole = 0;
  const auto push_digit = [&](char32_t digit) {
    too_large |= __builtin_mul_overflow(whole, std::uint64_t{10}, &whole);
    too_large |= __builtin_add_overflow(whole, std::uint64_t{digit - U'0'}, &whole);
  };

  // Integer part: ungrouped, or groups of three after a first group of one to three digits.
  std::size_t first_group = 0;
  for (; is_digit(at.peek()); at.advance(), ++first_group) push_digit(at.peek());
  while (is_group_separator(at.peek()) && is_digit(at.peek_next())) {
    if (first_group > 3)
      fail(at.position(), "a grouped amount must start with a group of one to three digits");
    at.advance();
    int group = 0;
    for (; is_digit(at.peek()); at.advance(), ++group) {
      if (group == 3) fail(at.position(), "a group of digits must have three digits");
      push_digit(at.peek());
    }
    if (group != 3) fail(at.position(), "a group of digits must have three digits");
  }

  // Fraction: only digits up to the last nonzero one count ("1,500 kr" is 150 öre), kept as an
  // integer until the unit says what a decimal is worth.
  std::uint64_t fraction = 0;  // the significant fraction digits as an integer, < 10^11
  std::size_t significant = 0;
  bool beyond_any_unit = false;  // a nonzero digit past the 11th decimal
  std::size_t fraction_start = 0;
  if (at.peek() == U',') {
    at.advance();
    if (!is_digit(at.peek()))
      fail_expected(at.peek(), at.position(), "a digit 0-9 after the decimal comma");
    fraction_start = at.position();
    for (std::size_t count = 1; is_digit(at.peek()); at.advance(), ++count) {
      const std::uint64_t digit = at.peek() - U'0';
      if (digit == 0) continue;
      if (count > max_fraction_digits) {
        beyond_any_unit = true;
        continue;
      }
      fraction = fraction * power_of_ten[count - significant] + digit;
      significant = count;
    }
  }

  skip_space(at);
  int ore_exponent = 2;
  if (at.peek() != end_of_text) {
    if (!is_letter(at.peek()))
      fail_expected(at.peek(), at.position(), std::string("a unit (") + unit_list + ") or the end");
    const std::size_t unit_start = at.position();
    char name[longest_unit_name];
    std::size_t length = 0;
    for (; is_letter(at.peek()) || at.peek() == U'.'; at.advance(), ++length) {
      const char32_t c = at.peek();
      if (length < longest_unit_name)
        name[length] = static_cast<char>(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
    }
    const unit_entry* unit = nullptr;
    if (length <= longest_unit_name)
      for (const auto& u : units)
        if (u.name == std::string_view(name, length)) unit = &u;
    if (unit == nullptr) fail(unit_start, std::string("unknown unit (") + unit_list + ")");
    ore_exponent = unit->ore_exponent;
    skip_space(at);
    if (at.peek() != end_of_text) {
      const char* message = special_message(at.peek());
      fail(at.position(), message != nullptr ? message : "unexpected text after the unit");
    }
  }

  if (beyond_any_unit || significant > static_cast<std::size_t>(ore_exponent))
    fail(fraction_start + static_cast<std::size_t>(ore_exponent), "more decimals than whole öre");
  // fraction < 10^significant, so fraction_ore < 10^ore_exponent <= 10^11.
  const std::uint64_t fraction_ore =
      fraction * power_of_ten[static_cast<std::size_t>(ore_exponent) - significant];
  std::uint64_t magnitude = 0;
  too_large |= __builtin_mul_overflow(whole, power_of_ten[ore_exponent], &magnitude);
  too_large |= __builtin_add_overflow(magnitude, fraction_ore, &magnitude);

  constexpr std::uint64_t int64_min_magnitude = std::uint64_t{1} << 63;
  if (too_large || magnitude > int64_min_magnitude || (!negative && magnitude == int64_min_magnitude))
    throw overflow_error("amount out of range");
  // Two's complement negation in uint64 reaches INT64_MIN, whose magnitude has no int64.
  return Krona::from_ore(static_cast<std::int64_t>(negative ? std::uint64_t{0} - magnitude : magnitude));
}

}  // namespace

Krona parse_amount(std::string_view text) { return parse(utf8_reader(text)); }
Krona parse_amount(std::span<const std::uint8_t> code_points) {
  return parse(fixed_reader<std::uint8_t>(code_points));
}
Krona parse_amount(std::span<const std::uint16_t> code_points) {
  return parse(fixed_reader<std::uint16_t>(code_points));
}
Krona parse_amount(std::span<const std::uint32_t> code_points) {
  return parse(fixed_reader<std::uint32_t>(code_points));
}

void append_amount(std::string& out, Krona amount, const amount_format& format) {
  const std::int64_t ore = amount.ore();
  // The magnitude as unsigned, so that the most negative amount has one too.
  const std::uint64_t magnitude =
      ore < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
  std::uint64_t whole = magnitude / 100;
  const auto cents = static_cast<unsigned>(magnitude % 100);
  if (format.fraction == amount_format::decimals::never && cents != 0)
    throw invalid_argument_error("amount has öre but the format has no decimals");

  char digits[20];  // 2^63 / 100 has 17 digits
  std::size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  if (ore < 0) out += format.minus;
  for (std::size_t i = count; i-- > 0;) {
    out += digits[i];
    if (i != 0 && i % 3 == 0) out += format.group_separator;
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
}

std::string format_amount(Krona amount, const amount_format& format) {
  std::string out;
  append_amount(out, amount, format);
  return out;
}

Krona Krona::parse(std::string_view text) { return parse_amount(text); }
std::string Krona::to_string() const { return format_amount(*this); }

}  // namespace anslag
