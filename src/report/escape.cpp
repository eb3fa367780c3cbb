#include <anslag/report/escape.hpp>

#include <anslag/detail/utf8.hpp>

namespace anslag {

namespace {

bool acts_rather_than_shows(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

void append_hex(std::string& out, unsigned value, int digits) {
  static constexpr char hex[] = "0123456789abcdef";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += hex[(value >> shift) & 0xFu];
}

}  // namespace

std::string escape_controls(std::string_view text, bool keep_tabs) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const auto decoded = detail::decode_utf8(p, end);
    const char32_t c = decoded.code_point;
    if (!decoded.valid) {
      out += "\\x";
      append_hex(out, *p, 2);
    } else if (!acts_rather_than_shows(c) || (keep_tabs && c == '\t')) {
      out.append(reinterpret_cast<const char*>(p), decoded.width);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x80) {
      out += "\\x";
      append_hex(out, static_cast<unsigned>(c), 2);
    } else {
      out += "\\u";
      append_hex(out, static_cast<unsigned>(c), 4);
    }
    p += decoded.width;
  }
  return out;
}

}  // namespace anslag
