// The format spec of Krona and calendar_date under {fmt} and std::format: [[fill]align][width],
// parsed by the library itself rather than inherited from the string formatter, whose precision
// would cut the text ("{:.2}" made "1\u00A0" of 1 234 kr). Anything else is refused: at compile
// time where the format string is checked at compile time, at run time otherwise.
#pragma once

#include <cstddef>
#include <string>
#include <version>
#if defined(__cpp_lib_format)
#include <algorithm>
#include <format>
#include <memory>
#endif

namespace anslag::detail {

struct format_spec {
  char fill[4] = {' ', 0, 0, 0};  // one code point in UTF-8
  std::size_t fill_size = 1;
  char align = '<';               // '<', '>' or '^'; text is left-aligned, as strings are
  std::size_t width = 0;          // in code points
};

// Throws the formatting library's error (fmt::format_error, std::format_error) for a spec outside
// the grammar; in a constant evaluation (a format string checked at compile time) the throw is
// the compile error.
template <typename FormatError>
[[noreturn]] constexpr void refuse_format_spec() {
  throw FormatError("the format spec of an anslag value is [[fill]align][width] (no precision, sign or type)");
}

// The number of bytes of the UTF-8 sequence that `lead` begins (1 for a stray byte).
constexpr std::size_t utf8_width(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

// Parses [p, end) up to its '}' into `spec`, leaving p where it stopped; false when the spec is
// not of the grammar (the caller throws its library's format error). An empty spec may come as
// [nullptr, nullptr) ({fmt} formats "{}" so), which is why p is not the result.
constexpr bool parse_format_spec(const char*& p, const char* end, format_spec& spec) {
  const auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
  if (p == end || *p == '}') return true;
  const std::size_t first = utf8_width(*p);
  if (static_cast<std::size_t>(end - p) > first && is_align(p[first]) && *p != '{' && *p != '}') {
    for (std::size_t i = 0; i < first; ++i) spec.fill[i] = p[i];
    spec.fill_size = first;
    spec.align = p[first];
    p += first + 1;
  } else if (is_align(*p)) {
    spec.align = *p++;
  }
  if (p != end && *p == '0') return false;  // zero padding is a number's, not a text's
  for (; p != end && *p >= '0' && *p <= '9'; ++p) {
    spec.width = spec.width * 10 + static_cast<std::size_t>(*p - '0');
    if (spec.width > 1'000'000) return false;
  }
  return p == end || *p == '}';
}

// `text` padded to the spec's width with its fill; the width counts code points.
inline std::string apply_format_spec(const format_spec& spec, std::string text) {
  std::size_t length = 0;
  for (char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (length >= spec.width) return text;
  const std::size_t pad = spec.width - length;
  const std::size_t before = spec.align == '>' ? pad : spec.align == '^' ? pad / 2 : 0;
  std::string out;
  out.reserve(text.size() + pad * spec.fill_size);
  for (std::size_t i = 0; i < before; ++i) out.append(spec.fill, spec.fill_size);
  out += text;
  for (std::size_t i = before; i < pad; ++i) out.append(spec.fill, spec.fill_size);
  return out;
}

}  // namespace anslag::detail

#if defined(__cpp_lib_format)
namespace anslag::detail {
// The std::format formatter of a value whose text is its to_string(), with the spec of
// detail/format_spec.hpp: a precision (which would cut the text) is a std::format_error, at
// compile time for a format string checked at compile time.
struct std_formatter_by_to_string {
  format_spec spec;
  constexpr auto parse(std::format_parse_context& context) {
    const char* begin = std::to_address(context.begin());
    const char* stop = begin;
    if (!parse_format_spec(stop, std::to_address(context.end()), spec)) refuse_format_spec<std::format_error>();
    return context.begin() + (stop - begin);
  }
  template <typename Value, typename FormatContext>
  auto format_text(const Value& value, FormatContext& context) const {
    const std::string text = apply_format_spec(spec, value.to_string());
    return std::copy(text.begin(), text.end(), context.out());
  }
};
}  // namespace anslag::detail
#endif
