// fmt::format("{}", amount) with {fmt}: the canonical Swedish form, with the spec
// [[fill]align][width] ("{:>16}", "{:*^12}"); the width counts code points. A precision, a sign,
// zero padding or a type is refused (a string's precision would cut the amount's text): at
// compile time for a format string checked at compile time (fmt::format's default in C++20),
// with fmt::format_error otherwise. Opt-in: only a program that includes this header needs {fmt}
// (link fmt::fmt; Debian's libfmt-dev); anslag itself never includes it.
//
// Thread safety: the formatter holds only its parsed spec; formatting from several threads is safe.
// Exceptions: fmt::format_error for a format spec outside that grammar; std::bad_alloc.
// Lifetimes: values only.
#pragma once

#include <anslag/detail/format_spec.hpp>
#include <anslag/krona/krona.hpp>

#include <fmt/format.h>

#include <string_view>

namespace anslag::detail {
// The {fmt} formatter of a value whose text is its to_string().
struct fmt_formatter_by_to_string {
  format_spec spec;
  constexpr auto parse(fmt::format_parse_context& context) -> decltype(context.begin()) {
    const char* stop = context.begin();
    if (!parse_format_spec(stop, context.end(), spec)) refuse_format_spec<fmt::format_error>();
    return stop;
  }
  template <typename Value, typename FormatContext>
  auto format_text(const Value& value, FormatContext& context) const {
    const std::string text = apply_format_spec(spec, value.to_string());
    return fmt::format_to(context.out(), "{}", std::string_view(text));
  }
};
}  // namespace anslag::detail

template <>
struct fmt::formatter<anslag::Krona> : anslag::detail::fmt_formatter_by_to_string {
  template <typename FormatContext>
  auto format(anslag::Krona amount, FormatContext& context) const {
    return format_text(amount, context);
  }
};
