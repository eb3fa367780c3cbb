// fmt::format("{}", day) with {fmt}: "2019-12-17", with the spec [[fill]align][width], as for
// Krona in <anslag/krona/fmt.hpp> (which this header includes). Opt-in: link fmt::fmt.
//
// Thread safety: the formatter holds only its parsed spec; formatting from several threads is safe.
// Exceptions: fmt::format_error for a format spec outside that grammar; std::bad_alloc.
// Lifetimes: values only.
#pragma once

#include <anslag/krona/fmt.hpp>
#include <anslag/model/date.hpp>

template <>
struct fmt::formatter<anslag::calendar_date> : anslag::detail::fmt_formatter_by_to_string {
  template <typename FormatContext>
  auto format(const anslag::calendar_date& day, FormatContext& context) const {
    return format_text(day, context);
  }
};
