// anslag::calendar_date: a calendar day of the proleptic Gregorian calendar, as the documents
// write it (2019-12-17). A small value type: constructed only valid, ordered, printed in ISO 8601.
// <anslag/model/chrono.hpp> converts it to and from std::chrono::year_month_day (apart, so that
// the model's headers do not pay for <chrono>).
//
// Thread safety: calendar_date is a value; every function is pure.
// Exceptions: invalid_argument_error "no such date: year Y, month M, day D" (or "no such month:
// M" from days_in_month), parse_error (parse).
// Lifetimes: values only.
#pragma once

#include <anslag/export.hpp>
#include <anslag/error.hpp>

#include <compare>
#include <cstdio>
#include <iosfwd>
#include <string>
#include <string_view>
#include <version>
#if defined(__cpp_lib_format)
#include <anslag/detail/format_spec.hpp>
#endif

namespace anslag {

class calendar_date {
 public:
  // Throws invalid_argument_error for a day that does not exist (2023-02-29, 2024-13-01).
  constexpr calendar_date(int year, int month, int day) : year_(year), month_(month), day_(day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
      throw invalid_argument_error("no such date: year " + std::to_string(year) + ", month " +
                                   std::to_string(month) + ", day " + std::to_string(day));
  }

  // "YYYY-MM-DD" exactly; parse_error names the position of the first wrong character.
  static calendar_date parse(std::string_view text) {
    if (text.size() != 10) throw parse_error("expected a date YYYY-MM-DD at position 0", 0);
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t widths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
      for (std::size_t i = starts[p]; i < starts[p] + widths[p]; ++i) {
        if (text[i] < '0' || text[i] > '9')
          throw parse_error("expected a digit at position " + std::to_string(i), i);
        parts[p] = parts[p] * 10 + (text[i] - '0');
      }
    }
    for (std::size_t i : {std::size_t{4}, std::size_t{7}})
      if (text[i] != '-') throw parse_error("expected '-' at position " + std::to_string(i), i);
    try {
      return calendar_date(parts[0], parts[1], parts[2]);
    } catch (const invalid_argument_error&) {
      throw parse_error("no such date at position 0", 0);
    }
  }

  constexpr int year() const noexcept { return year_; }
  constexpr int month() const noexcept { return month_; }
  constexpr int day() const noexcept { return day_; }

  // The day before (used for "valid until the day before a merger").
  constexpr calendar_date previous() const {
    if (day_ > 1) return calendar_date(year_, month_, day_ - 1);
    if (month_ > 1) return calendar_date(year_, month_ - 1, days_in_month(year_, month_ - 1));
    return calendar_date(year_ - 1, 12, 31);
  }

  std::string to_string() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
    return buffer;
  }

  friend constexpr bool operator==(const calendar_date&, const calendar_date&) = default;
  friend constexpr std::strong_ordering operator<=>(const calendar_date&, const calendar_date&) = default;

  static constexpr bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }
  // Throws invalid_argument_error "no such month: M" for a month outside 1 to 12.
  static constexpr int days_in_month(int year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) throw invalid_argument_error("no such month: " + std::to_string(month));
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
  }

 private:
  int year_;
  int month_;
  int day_;
};

// Writes the ISO 8601 form, as to_string() ("2019-12-17").
ANSLAG_API std::ostream& operator<<(std::ostream& out, const calendar_date& day);

#if defined(ANSLAG_LEGACY_NAMES)
// The name before calendar_date, for code written against it before 0.2. Opt-in, because a type
// anslag::date makes Hinnant's namespace date ambiguous (date::year_month_day) under
// `using namespace anslag;`: docs/architecture.md, "Names".
using date = calendar_date;
#endif

}  // namespace anslag

#if defined(__cpp_lib_format)
// std::format("{}", day): "2019-12-17", with [[fill]align][width]. Only where the standard
// library has <format>; {fmt} users include <anslag/model/fmt.hpp>.
template <>
struct std::formatter<anslag::calendar_date, char> : anslag::detail::std_formatter_by_to_string {
  template <typename FormatContext>
  auto format(const anslag::calendar_date& day, FormatContext& context) const {
    return format_text(day, context);
  }
};
#endif
