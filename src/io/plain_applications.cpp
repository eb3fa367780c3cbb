#include "plain_applications.hpp"

#include <anslag/error.hpp>
#include <anslag/krona/amount_text.hpp>
#include <anslag/detail/utf8.hpp>

#include "../model/problems.hpp"

#include <cstdint>
#include <iterator>
#include <utility>

namespace anslag::detail {
namespace {

constexpr std::string_view application_header = "[[applications]]";

// The first line at or after `from` that starts with "[[applications]]", or npos.
std::size_t header_line(std::string_view text, std::size_t from) noexcept {
  for (std::size_t at = text.find(application_header, from); at != std::string_view::npos;
       at = text.find(application_header, at + 1)) {
    if (at == 0 || text[at - 1] == '\n') return at;
  }
  return std::string_view::npos;
}

// Thrown at the first byte that is not plain; read_plain_applications turns it into nullopt.
struct not_plain {};

// The keys of an application table as bits, in the order of application_keys: a key seen twice
// is a TOML error, a required key missing the loader's.
enum application_key : unsigned {
  key_id, key_fund, key_applicant, key_unit, key_co_applicants, key_project, key_destination,
  key_purpose, key_requested, key_granted, key_decision, key_reason, key_assessments,
  key_submitted, key_approved_report, key_source, key_readings, application_key_count
};
static_assert(std::size(application_keys) == application_key_count && application_keys[key_readings] == "readings");
constexpr unsigned required_keys = 1u << key_id | 1u << key_fund | 1u << key_applicant |
                                   1u << key_project | 1u << key_decision | 1u << key_source;

constexpr bool is_bare_key_byte(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
// Printable ASCII that a basic string holds as it is: not the quote, not the backslash.
constexpr bool is_literal_string_byte(char c) noexcept {
  return (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') || c == '\t';
}

// One pass over the tail, byte by byte: every function reads one piece of the grammar at p_
// and throws not_plain where the text is anything else.
class plain_reader {
 public:
  plain_reader(std::string_view text, const std::string& seed)
      : p_(text.data()), end_(text.data() + text.size()), seed_(seed) {}

  std::vector<application> applications(std::size_t expected) {
    std::vector<application> read;
    read.reserve(expected);
    unsigned seen = 0;
    while (p_ != end_) {
      skip_blanks();
      if (next_is('[')) {
        if (!take(application_header)) throw not_plain{};
        end_of_line();
        if (!read.empty()) check_required(seen);
        read.emplace_back();
        seen = 0;
      } else if (next_is('#') || next_is('\r') || next_is('\n') || p_ == end_) {
        end_of_line();
      } else {
        if (read.empty()) throw not_plain{};
        key_value(read.back(), seen);
        end_of_line();
      }
    }
    if (!read.empty()) check_required(seen);
    return read;
  }

 private:
  bool next_is(char c) const noexcept { return p_ != end_ && *p_ == c; }
  bool take(char c) noexcept {
    if (!next_is(c)) return false;
    ++p_;
    return true;
  }
  bool take(std::string_view word) noexcept {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }
  void expect(char c) {
    if (!take(c)) throw not_plain{};
  }
  void skip_blanks() noexcept {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t')) ++p_;
  }

  // Blanks, a comment, then LF, CR LF or the end of the text.
  void end_of_line() {
    skip_blanks();
    if (take('#')) {
      // TOML allows no control character but tab in a comment, and only UTF-8.
      while (p_ != end_ && *p_ != '\n' && *p_ != '\r') {
        const auto c = static_cast<unsigned char>(*p_);
        if (c < 0x80) {
          if ((c < 0x20 && c != '\t') || c == 0x7F) throw not_plain{};
          ++p_;
        } else {
          p_ += valid_utf8_width();
        }
      }
    }
    if (p_ == end_) return;
    take('\r');
    expect('\n');
  }

  // The width of the valid UTF-8 sequence at p_.
  std::size_t valid_utf8_width() const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(p_);
    const auto decoded = decode_utf8(bytes, reinterpret_cast<const unsigned char*>(end_));
    if (!decoded.valid) throw not_plain{};
    return decoded.width;
  }

  std::string_view bare_key() {
    const char* start = p_;
    while (p_ != end_ && is_bare_key_byte(*p_)) ++p_;
    if (p_ == start) throw not_plain{};
    return {start, static_cast<std::size_t>(p_ - start)};
  }

  // A key of an inline table: bare or a basic string (an assessment's rule id "2020.LUM.x").
  std::string table_key() { return next_is('"') ? basic_string() : std::string(bare_key()); }

  std::string basic_string() {
    expect('"');
    if (take('"')) {
      if (next_is('"')) throw not_plain{};  // """: a multi-line string
      return {};
    }
    std::string text;
    for (;;) {
      const char* run = p_;
      while (p_ != end_ && is_literal_string_byte(*p_)) ++p_;
      text.append(run, p_);
      if (p_ == end_) throw not_plain{};
      if (take('"')) return text;
      if (take('\\')) {
        escape(text);
      } else if (static_cast<unsigned char>(*p_) < 0x80) {
        throw not_plain{};  // a control character, which a basic string must escape
      } else {
        const std::size_t width = valid_utf8_width();
        text.append(p_, width);
        p_ += width;
      }
    }
  }

  void escape(std::string& text) {
    if (p_ == end_) throw not_plain{};
    switch (*p_++) {
      case 'b': text += '\b'; return;
      case 't': text += '\t'; return;
      case 'n': text += '\n'; return;
      case 'f': text += '\f'; return;
      case 'r': text += '\r'; return;
      case '"': text += '"'; return;
      case '\\': text += '\\'; return;
      case 'u': return unicode_escape(text, 4);
      case 'U': return unicode_escape(text, 8);
      default: throw not_plain{};
    }
  }

  // \uXXXX or \UXXXXXXXX. Only a scalar value past ASCII is plain: what an escape of a control
  // character or NUL becomes is the general reader's to say.
  void unicode_escape(std::string& text, int digits) {
    std::uint32_t value = 0;  // 8 hex digits: at most 0xFFFFFFFF
    for (int i = 0; i < digits; ++i) {
      if (p_ == end_) throw not_plain{};
      const char c = *p_++;
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') digit = static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
      else throw not_plain{};
      value = value * 16 + digit;
    }
    if (value < 0x80 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) throw not_plain{};
    append_utf8(text, static_cast<char32_t>(value));
  }

  // A decimal integer of at most 18 digits (no sign, no '_', no leading zero): it cannot overflow.
  std::int64_t integer() {
    const char* start = p_;
    std::int64_t value = 0;
    if (!take('0')) {
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9' && p_ - start < 18) value = value * 10 + (*p_++ - '0');
      if (p_ == start) throw not_plain{};
    }
    return value;
  }

  bool boolean() {
    if (take(std::string_view("true"))) return true;
    if (take(std::string_view("false"))) return false;
    throw not_plain{};
  }

  // YYYY-MM-DD, a date of the calendar. A time after it ends the plain form where the caller
  // looks for the end of the value.
  calendar_date date() {
    int parts[3] = {0, 0, 0};
    constexpr int widths[3] = {4, 2, 2};
    for (int part = 0; part < 3; ++part) {
      if (part > 0) expect('-');
      for (int i = 0; i < widths[part]; ++i) {
        if (p_ == end_ || *p_ < '0' || *p_ > '9') throw not_plain{};
        parts[part] = parts[part] * 10 + (*p_++ - '0');
      }
    }
    try {
      return calendar_date(parts[0], parts[1], parts[2]);
    } catch (const invalid_argument_error&) {
      throw not_plain{};
    }
  }

  Krona amount() {
    const std::string text = basic_string();
    Krona value;
    if (text.find_first_not_of(" \t") == std::string::npos || parse(text, value)) throw not_plain{};
    return value;
  }

  // { key = value, ... } on one line, no trailing comma; `entry` reads each value.
  template <class Entry>
  void inline_table(Entry&& entry) {
    expect('{');
    skip_blanks();
    if (take('}')) return;
    for (;;) {
      const std::string key = table_key();
      skip_blanks();
      expect('=');
      skip_blanks();
      entry(key);
      skip_blanks();
      if (take('}')) return;
      expect(',');
      skip_blanks();
    }
  }

  // [ value, ... ] on one line, a trailing comma allowed; `element` reads each value.
  template <class Element>
  void array(Element&& element) {
    expect('[');
    skip_blanks();
    if (take(']')) return;
    for (;;) {
      element();
      skip_blanks();
      if (take(']')) return;
      expect(',');
      skip_blanks();
      if (take(']')) return;
    }
  }

  // Each key of `names` at most once; the index of `key` among them.
  template <std::size_t N>
  static std::size_t once(std::string_view key, const std::string_view (&names)[N], unsigned& seen) {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] != key) continue;
      if (seen & (1u << i)) throw not_plain{};
      seen |= 1u << i;
      return i;
    }
    throw not_plain{};
  }

  source_ref source() {
    static constexpr std::string_view names[] = {"document", "line", "lines", "section", "derived"};
    source_ref s;
    s.document = seed_;
    std::int64_t line = 0;  // the general reader's defaults, checked as it checks them
    std::int64_t lines = 1;
    unsigned seen = 0;
    inline_table([&](std::string_view key) {
      switch (once(key, names, seen)) {
        case 0: s.document = basic_string(); break;
        case 1: line = integer(); break;
        case 2: lines = integer(); break;
        case 3: s.section = basic_string(); break;
        default:
          s.derived = basic_string();
          if (s.derived.empty()) throw not_plain{};
      }
    });
    if (!count_problem("line", line).empty() || !count_problem("lines", lines).empty()) throw not_plain{};
    s.line = static_cast<int>(line);
    s.lines = static_cast<int>(lines);
    return s;
  }

  reading one_reading() {
    static constexpr std::string_view names[] = {"field", "text"};
    reading r;
    unsigned seen = 0;
    inline_table([&](std::string_view key) { (once(key, names, seen) == 0 ? r.field : r.text) = basic_string(); });
    if (seen != 3u) throw not_plain{};
    return r;
  }

  static void check_required(unsigned seen) {
    if ((seen & required_keys) != required_keys) throw not_plain{};
  }

  void key_value(application& a, unsigned& seen) {
    const std::string_view key = bare_key();
    skip_blanks();
    expect('=');
    skip_blanks();
    switch (once(key, application_keys, seen)) {
      case key_id: a.id = basic_string(); break;
      case key_fund: a.fund = basic_string(); break;
      case key_applicant: a.applicant = basic_string(); break;
      case key_unit: a.unit = basic_string(); break;
      case key_co_applicants: array([&] { a.co_applicants.push_back(basic_string()); }); break;
      case key_project: a.project = basic_string(); break;
      case key_destination: a.destination = basic_string(); break;
      case key_purpose: a.purpose = basic_string(); break;
      case key_requested: a.requested = amount(); break;
      case key_granted: a.granted = amount(); break;
      case key_decision: {
        const auto outcome = decision_from_name(basic_string());
        if (!outcome) throw not_plain{};
        a.outcome = *outcome;
        break;
      }
      case key_reason: a.reason = basic_string(); break;
      case key_assessments:
        inline_table([&](std::string rule_id) {
          const std::string value = basic_string();
          if (value != "met" && value != "not_met") throw not_plain{};
          const auto said = value == "met" ? assessment::met : assessment::not_met;
          if (!a.assessments.emplace(std::move(rule_id), said).second) throw not_plain{};
        });
        break;
      case key_submitted: a.submitted = date(); break;
      case key_approved_report: a.approved_report = boolean(); break;
      case key_source: a.source = source(); break;
      default: array([&] { a.readings.push_back(one_reading()); });
    }
  }

  const char* p_;
  const char* end_;
  const std::string& seed_;
};

}  // namespace

std::size_t plain_applications_start(std::string_view text) noexcept { return header_line(text, 0); }

std::optional<std::vector<application>> read_plain_applications(std::string_view tail, const std::string& seed) {
  // Every header of a plain tail starts a line, so this counts its applications: one
  // allocation for all of them.
  std::size_t headers = 0;
  for (std::size_t at = header_line(tail, 0); at != std::string_view::npos; at = header_line(tail, at + 1)) ++headers;
  try {
    return plain_reader(tail, seed).applications(headers);
  } catch (const not_plain&) {
    return std::nullopt;
  }
}

}  // namespace anslag::detail
