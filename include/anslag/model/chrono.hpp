// anslag::calendar_date and std::chrono::year_month_day, both ways: to chrono always (every
// calendar_date is a valid day), from chrono with a check (a year_month_day may be !ok(), or
// outside the years 1 to 9999 that calendar_date covers). A header of its own, so that only the
// programs that convert include <chrono>.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: to_date: invalid_argument_error "no such date: ..."; to_year_month_day: none.
// Lifetimes: values only.
#pragma once

#include <anslag/model/date.hpp>

#include <chrono>

namespace anslag {

constexpr std::chrono::year_month_day to_year_month_day(calendar_date d) noexcept {
  return std::chrono::year_month_day{std::chrono::year{d.year()},
                                     std::chrono::month{static_cast<unsigned>(d.month())},
                                     std::chrono::day{static_cast<unsigned>(d.day())}};
}

// invalid_argument_error "no such date: year Y, month M, day D" when !day.ok() or the year is
// outside 1 to 9999 (calendar_date's own check, which refuses exactly those).
constexpr calendar_date to_date(std::chrono::year_month_day day) {
  return calendar_date(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
                       static_cast<int>(static_cast<unsigned>(day.day())));
}

}  // namespace anslag
