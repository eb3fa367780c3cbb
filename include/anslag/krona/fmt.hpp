// fmt::format("{}", amount) with {fmt}: the canonical Swedish form, with the string format spec
// (width, fill, alignment: "{:>16}"). Opt-in: only a program that includes this header needs
// {fmt} (link fmt::fmt; Debian's libfmt-dev); anslag itself never includes it.
//
// Thread safety: the formatter is stateless; formatting from several threads is safe.
// Exceptions: fmt::format_error for a format spec that is not a string spec; std::bad_alloc.
// Lifetimes: values only.
#pragma once

#include <anslag/krona/krona.hpp>

#include <fmt/format.h>

#include <string_view>

template <>
struct fmt::formatter<anslag::Krona> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(anslag::Krona amount, FormatContext& context) const {
    return fmt::formatter<std::string_view>::format(amount.to_string(), context);
  }
};
