#include <anslag/krona/amount_text.hpp>

#include <anslag/detail/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>

namespace anslag {
namespace {

constexpr char32_t no_break_space = 0x00A0;
constexpr char32_t narrow_no_break_space = 0x202F;
constexpr char32_t thin_space = 0x2009;
constexpr char32_t minus_sign = 0x2212;
constexpr char32_t en_dash = 0x2013;

// What decoding gives instead of a code point; all lie beyond Unicode's last, U+10FFFF.
constexpr char32_t end_of_text = 0x110000;
constexpr char32_t invalid_utf8 = 0x110001;    // a byte that does not begin a UTF-8 sequence
constexpr char32_t beyond_unicode = 0x110002;  // a UCS-4 unit above U+10FFFF

constexpr bool is_group_separator(char32_t c) {
  return c == U' ' || c == no_break_space || c == narrow_no_break_space || c == thin_space;
}
constexpr bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }
constexpr bool is_digit(char32_t c) { return c - U'0' < 10; }  // unsigned: wraps below '0'
constexpr bool is_letter(char32_t c) { return (c | 0x20) - U'a' < 26; }
constexpr bool is_ascii_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }

struct decoded {
  char32_t code_point;
  std::size_t width;  // in units
};

// The encodings the parser reads. Both keep ASCII as single units below 0x80, so the parser tests
// ASCII characters on the unit itself and decodes only at a unit of 0x80 or more.
struct utf8 {
  using unit = unsigned char;
  static decoded decode(const unit* p, const unit* end) {
    const auto d = detail::decode_utf8(p, end);
    return d.valid ? decoded{d.code_point, d.width} : decoded{invalid_utf8, 1};
  }
};

template <typename Unit>
struct fixed_width {
  using unit = Unit;
  static decoded decode(const unit* p, const unit*) {
    const char32_t c = *p;
    return {c > 0x10FFFF ? beyond_unicode : c, 1};
  }
};

[[noreturn]] void fail_at(std::size_t position, const std::string& what) {
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

constexpr std::uint64_t power_of_ten[] = {
    1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000,
    10'000'000'000, 100'000'000'000};

// A unit name of up to 8 ASCII characters packed into an integer, one byte each, so that
// matching compares integers rather than strings.
constexpr std::uint64_t pack(std::string_view name) {
  std::uint64_t key = 0;
  for (char c : name) key = key << 8 | static_cast<unsigned char>(c);
  return key;
}
struct unit_entry {
  std::uint64_t key;  // pack() of the lower-case name
  int ore_exponent;   // the unit is 10^ore_exponent öre
};
constexpr unit_entry units[] = {
    {pack("kr"), 2},   {pack("kr."), 2},  {pack("kronor"), 2}, {pack("sek"), 2},  {pack("skr"), 2},
    {pack("tkr"), 5},  {pack("mnkr"), 8}, {pack("mkr"), 8},    {pack("msek"), 8}, {pack("mdkr"), 11},
};
constexpr std::size_t longest_unit_name = 6;
// The largest unit is 10^11 öre, so no amount has more than 11 decimals that matter.
constexpr std::size_t max_fraction_digits = 11;
constexpr const char* unit_list = "kr, kr., kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr";

// A text in one encoding, and what the parser asks of it at a cursor `p` into its units. Both
// encodings keep ASCII as single units below 0x80, so ASCII characters are tested on the unit
// itself and only a unit of 0x80 or more is decoded. Positions in code points are counted only
// for an error.
template <typename Encoding>
struct text {
  using unit = typename Encoding::unit;
  const unit* begin;
  const unit* end;

  // The code point at p, or end_of_text.
  char32_t at(const unit* p) const {
    if (p == end) return end_of_text;
    return *p < 0x80 ? *p : Encoding::decode(p, end).code_point;
  }
  const unit* after(const unit* p) const { return p + (*p < 0x80 ? 1 : Encoding::decode(p, end).width); }
  bool digit_at(const unit* p) const { return p != end && is_digit(*p); }

  // The width of a group separator at p that a digit follows; 0 if there is none.
  std::size_t separator_before_digit(const unit* p) const {
    if (p == end) return 0;
    const decoded c = *p < 0x80 ? decoded{*p, 1} : Encoding::decode(p, end);
    if (!is_group_separator(c.code_point) || end - p <= static_cast<std::ptrdiff_t>(c.width)) return 0;
    return is_digit(p[c.width]) ? c.width : 0;
  }

  const unit* skip_space(const unit* p) const {
    while (p != end) {
      if (*p > U' ' && *p < 0x80) break;  // most characters, in two comparisons
      if (is_ascii_space(*p)) {
        ++p;
      } else if (*p >= 0x80) {
        const decoded c = Encoding::decode(p, end);
        if (!is_group_separator(c.code_point)) break;
        p += c.width;
      } else {
        break;
      }
    }
    return p;
  }

  // The position of p in code points (an invalid UTF-8 byte counts as one).
  std::size_t position(const unit* p) const {
    std::size_t count = 0;
    for (const unit* q = begin; q < p; q += Encoding::decode(q, end).width) ++count;
    return count;
  }

  [[noreturn]] void fail(const unit* p, const std::string& what) const { fail_at(position(p), what); }

  // The unit whose name (letters and '.') begins at p, advancing p past the name; nullptr for a
  // name that is no unit.
  const unit_entry* read_unit(const unit*& p) const {
    const unit* name = p;
    std::uint64_t key = 0;  // pack() of the name in lower case ('.' | 0x20 would change it)
    for (; p != end && (is_letter(*p) || *p == U'.'); ++p) key = key << 8 | (*p == U'.' ? *p : *p | 0x20u);
    if (p - name > static_cast<std::ptrdiff_t>(longest_unit_name)) return nullptr;
    for (const auto& u : units)
      if (u.key == key) return &u;
    return nullptr;
  }

  // After the amount and its unit: nothing but space.
  void expect_end(const unit* p, const char* otherwise) const {
    p = skip_space(p);
    if (p != end) {
      const char* message = special_message(at(p));
      fail(p, message != nullptr ? message : otherwise);
    }
  }

  [[noreturn]] void fail_expected(const unit* p, const std::string& expected) const {
    const char32_t found = at(p);
    if (const char* message = special_message(found)) fail(p, message);
    if (found == end_of_text) fail(p, "unexpected end: expected " + expected);
    fail(p, "expected " + expected);
  }
};

// The grammar of amount_text.hpp. Syntax is checked in full before the range, so text that is
// both malformed and too large reports the malformation.
template <typename Encoding>
Krona parse(const text<Encoding> t) {
  using unit = typename Encoding::unit;
  const unit* p = t.skip_space(t.begin);
  if (p == t.end) t.fail(p, p == t.begin ? "empty amount" : "blank amount");
  // A currency before the amount ("SEK 25 000", "kr 25 000"): a unit worth one krona. Any other
  // word is where a digit was expected.
  const unit* currency_before = nullptr;
  if (is_letter(*p)) {
    currency_before = p;
    const unit_entry* currency = t.read_unit(p);
    if (currency == nullptr || currency->ore_exponent != 2) t.fail_expected(currency_before, "a digit 0-9");
    p = t.skip_space(p);
  }
  const bool negative = p != t.end && (*p == U'-' || t.at(p) == minus_sign);
  if (negative) p = t.after(p);
  if (!t.digit_at(p)) t.fail_expected(p, "a digit 0-9");

  std::uint64_t whole = 0;
  bool too_large = false;
  const auto push_digit = [&] {
    // Below 10^18 one more digit cannot wrap; above it the value is past any amount's range.
    too_large |= whole > 1'000'000'000'000'000'000u;
    whole = whole * 10 + (*p++ - U'0');
  };

  // Integer part: ungrouped, or groups of three after a first group of one to three digits.
  const unit* first_group = p;
  while (t.digit_at(p)) push_digit();
  const auto first_group_length = p - first_group;
  for (std::size_t width; (width = t.separator_before_digit(p)) != 0;) {
    if (first_group_length > 3)
      t.fail(p, "a grouped amount must start with a group of one to three digits");
    p += width;
    // Three digits at once (a separator was only taken before a digit, so p[0] is one).
    if (t.end - p < 3 || !is_digit(p[1]) || !is_digit(p[2]))
      t.fail(p + (t.digit_at(p + 1) ? 2 : 1), "a group of digits must have three digits");
    if (t.digit_at(p + 3)) t.fail(p + 3, "a group of digits must have three digits");
    // Below 10^15 three more digits cannot wrap; above it the value is past any amount's range.
    too_large |= whole > 1'000'000'000'000'000u;
    whole = whole * 1000 + (p[0] - U'0') * 100u + (p[1] - U'0') * 10u + (p[2] - U'0');
    p += 3;
  }

  // Fraction: its first 11 digits as an integer (no unit is worth more than 10^11 öre, so a
  // nonzero digit past the 11th can never be whole öre), kept until the unit says what a decimal
  // is worth.
  std::uint64_t fraction = 0;  // < 10^11
  std::size_t fraction_digits = 0;  // how many digits `fraction` holds
  bool beyond_any_unit = false;     // a nonzero digit past the 11th
  const unit* fraction_start = p;
  const bool has_fraction = p != t.end && *p == U',';
  if (has_fraction) {
    ++p;
    if (!t.digit_at(p)) t.fail_expected(p, "a digit 0-9 after the decimal comma");
    fraction_start = p;
    for (; t.digit_at(p); ++p) {
      if (fraction_digits < max_fraction_digits) {
        fraction = fraction * 10 + (*p - U'0');
        ++fraction_digits;
      } else {
        beyond_any_unit |= *p != U'0';
      }
    }
  }

  p = t.skip_space(p);
  std::size_t ore_exponent = 2;
  if (p != t.end && *p == U':') {
    // "25 000:-" and "25 000:–", the Swedish way of writing whole kronor.
    const unit* colon = p;
    p = t.after(p);
    const char32_t dash = t.at(p);
    if (dash != U'-' && dash != en_dash) t.fail_expected(p, "'-' or '–' after ':' (25 000:-)");
    if (currency_before != nullptr) t.fail(colon, "a currency both before and after the amount");
    if (has_fraction) t.fail(colon, "':-' marks whole kronor: no decimals before it");
    t.expect_end(t.after(p), "unexpected text after ':-'");
  } else if (p != t.end) {
    if (!is_letter(*p)) t.fail_expected(p, std::string("a unit (") + unit_list + ") or the end");
    const unit* name = p;
    const unit_entry* found = t.read_unit(p);
    if (found == nullptr) t.fail(name, std::string("unknown unit (") + unit_list + ")");
    if (currency_before != nullptr) t.fail(name, "a currency both before and after the amount");
    ore_exponent = static_cast<std::size_t>(found->ore_exponent);
    t.expect_end(p, "unexpected text after the unit");
  }

  // The fraction in öre: fraction · 10^(ore_exponent - fraction_digits), whole only if the
  // digits past the öre are zeros ("1,500 kr" is 150 öre, "1,005 kr" an error). Fraction digits
  // are ASCII, one unit each, so the first decimal past whole öre is at fraction_start +
  // ore_exponent.
  std::uint64_t fraction_ore = 0;  // < 10^ore_exponent <= 10^11
  if (fraction_digits <= ore_exponent) {
    fraction_ore = fraction * power_of_ten[ore_exponent - fraction_digits];
  } else {
    const std::uint64_t past_ore = power_of_ten[fraction_digits - ore_exponent];
    beyond_any_unit |= fraction % past_ore != 0;
    fraction_ore = fraction / past_ore;
  }
  if (beyond_any_unit) t.fail(fraction_start + ore_exponent, "more decimals than whole öre");
  std::uint64_t magnitude = 0;
  too_large |= __builtin_mul_overflow(whole, power_of_ten[ore_exponent], &magnitude);
  too_large |= __builtin_add_overflow(magnitude, fraction_ore, &magnitude);

  constexpr std::uint64_t int64_min_magnitude = std::uint64_t{1} << 63;
  if (too_large || magnitude > int64_min_magnitude || (!negative && magnitude == int64_min_magnitude))
    throw overflow_error("amount out of range (\u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr to "
                         "92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr)");
  // Two's complement negation in uint64 reaches INT64_MIN, whose magnitude has no int64.
  return Krona::from_ore(static_cast<std::int64_t>(negative ? std::uint64_t{0} - magnitude : magnitude));
}

// The common shape, in one pass: [sign] d{1,3} (separator ddd)* [,dd] [separator "kr"], as
// format_amount writes it and most documents print it. Anything else (and any value near the
// range's end) returns nothing and goes to the full parser, which alone reports errors: this
// only ever accepts what `parse` accepts, with the same value (the fuzz target fuzz_amount and
// the tests compare both ways on every input).
template <typename Unit>
std::optional<Krona> parse_common_shape(const Unit* p, const Unit* const end) {
  const auto digit = [](Unit c) { return static_cast<unsigned>(c) - U'0' < 10u; };
  const auto separator = [](Unit c) { return is_group_separator(static_cast<char32_t>(c)); };
  const bool negative = p != end && (*p == U'-' || *p == minus_sign);
  if (negative) ++p;
  std::uint64_t whole = 0;  // < 10^15 while grouping, so no step can wrap
  int first = 0;
  for (; first < 4 && p != end && digit(*p); ++first, ++p) whole = whole * 10 + (*p - U'0');
  if (first == 0 || first == 4) return std::nullopt;
  while (end - p >= 4 && separator(p[0]) && digit(p[1]) && digit(p[2]) && digit(p[3])) {
    if (whole >= 1'000'000'000'000u) return std::nullopt;
    whole = whole * 1000 + (p[1] - U'0') * 100u + (p[2] - U'0') * 10u + (p[3] - U'0');
    p += 4;
  }
  std::uint64_t ore = whole * 100;  // < 10^17
  if (end - p >= 3 && p[0] == U',' && digit(p[1]) && digit(p[2])) {
    ore += (p[1] - U'0') * 10u + (p[2] - U'0');
    p += 3;
  }
  if (p != end && !(end - p == 3 && separator(p[0]) && p[1] == U'k' && p[2] == U'r')) return std::nullopt;
  const auto value = static_cast<std::int64_t>(ore);
  return Krona::from_ore(negative ? -value : value);
}

template <typename Encoding, typename Unit>
Krona parse(const Unit* data, std::size_t size) {
  if constexpr (!std::is_same_v<Encoding, utf8>) {
    if (const auto common = parse_common_shape(data, data + size)) return *common;
  }
  return parse(text<Encoding>{data, data + size});
}

}  // namespace

Krona parse_amount(std::string_view text) {
  return parse<utf8>(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}
Krona parse_amount(std::span<const std::uint8_t> code_points) {
  return parse<fixed_width<std::uint8_t>>(code_points.data(), code_points.size());
}
Krona parse_amount(std::span<const std::uint16_t> code_points) {
  return parse<fixed_width<std::uint16_t>>(code_points.data(), code_points.size());
}
Krona parse_amount(std::span<const std::uint32_t> code_points) {
  return parse<fixed_width<std::uint32_t>>(code_points.data(), code_points.size());
}

namespace {

// The unit's worth as a power of ten öre.
int ore_exponent(amount_unit unit) {
  switch (unit) {
    case amount_unit::tkr: return 5;
    case amount_unit::mnkr: return 8;
    case amount_unit::mdkr: return 11;
    default: return 2;
  }
}

// Options under which the text would not read back as the amount are refused.
void check_options(const amount_format& format) {
  const std::string& separator = format.group_separator;
  if (!separator.empty() && separator != " " && separator != "\u00A0" && separator != "\u202F" &&
      separator != "\u2009")
    throw invalid_argument_error("group separator '" + separator +
                                 "' is not one the parser reads (empty, space, U+00A0, U+202F, U+2009)");
  if (format.minus != "-" && format.minus != "\u2212")
    throw invalid_argument_error("minus '" + format.minus + "' is not one the parser reads ('-', U+2212)");
  if (static_cast<unsigned>(format.unit) > static_cast<unsigned>(amount_unit::mdkr))
    throw invalid_argument_error("amount unit " + std::to_string(static_cast<int>(format.unit)) +
                                 " is not an amount_unit");
}

}  // namespace

std::string_view to_string(amount_unit unit) noexcept {
  switch (unit) {
    case amount_unit::none: return "";
    case amount_unit::kr: return "kr";
    case amount_unit::kronor: return "kronor";
    case amount_unit::sek: return "SEK";
    case amount_unit::skr: return "Skr";
    case amount_unit::tkr: return "tkr";
    case amount_unit::mnkr: return "mnkr";
    case amount_unit::mdkr: return "mdkr";
  }
  return "";
}

std::optional<amount_unit> amount_unit_from_name(std::string_view name) noexcept {
  for (const auto unit : {amount_unit::none, amount_unit::kr, amount_unit::kronor, amount_unit::sek,
                          amount_unit::skr, amount_unit::tkr, amount_unit::mnkr, amount_unit::mdkr})
    if (to_string(unit) == name) return unit;
  return std::nullopt;
}

void append_amount(std::string& out, Krona amount, const amount_format& format) {
  check_options(format);
  const std::int64_t ore = amount.ore();
  // The magnitude as unsigned, so that the most negative amount has one too.
  const std::uint64_t magnitude =
      ore < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
  const int exponent = ore_exponent(format.unit);
  const std::uint64_t worth = power_of_ten[exponent];
  std::uint64_t whole = magnitude / worth;
  const std::uint64_t fraction = magnitude % worth;
  // The decimals to write: öre of kronor in pairs (",50"), a fraction of a larger unit up to its
  // last nonzero digit ("5,5 tkr"); `always` writes at least two.
  int significant = exponent;
  if (fraction == 0) {
    significant = 0;
  } else if (exponent > 2) {
    for (std::uint64_t rest = fraction; rest % 10 == 0; rest /= 10) --significant;
  }
  int decimals = significant;
  switch (format.fraction) {
    case amount_format::decimals::automatic: break;
    case amount_format::decimals::always: decimals = significant < 2 ? 2 : significant; break;
    case amount_format::decimals::never:
      if (fraction != 0)
        throw invalid_argument_error(exponent == 2 ? std::string("amount has öre but the format has no decimals")
                                                   : "amount " + amount.to_string() + " is not a whole number of " +
                                                         std::string(to_string(format.unit)) +
                                                         " and the format has no decimals");
      decimals = 0;
      break;
  }

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
  if (decimals != 0) {
    out += ',';
    for (int i = 1; i <= decimals; ++i)
      out += i <= exponent ? static_cast<char>('0' + fraction / power_of_ten[exponent - i] % 10) : '0';
  }
  if (format.unit != amount_unit::none) {
    out += "\u00A0";
    out += to_string(format.unit);
  }
}

std::string format_amount(Krona amount, const amount_format& format) {
  std::string out;
  append_amount(out, amount, format);
  return out;
}

std::error_code parse(std::string_view text, Krona& out) noexcept {
  try {
    out = parse_amount(text);
    return {};
  } catch (const error& e) {
    return e.error_code();
  } catch (const std::bad_alloc&) {  // building an error's message
    return std::make_error_code(std::errc::not_enough_memory);
  }
}

Krona Krona::parse(std::string_view text) { return parse_amount(text); }
std::string Krona::to_string() const { return format_amount(*this); }

std::ostream& operator<<(std::ostream& out, Krona amount) { return out << amount.to_string(); }

}  // namespace anslag
