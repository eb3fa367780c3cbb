// The one wording of the ranges of the round's integers and limits, or "" when a value is in
// range: validate() words its failures with them, the loader asks before it narrows a value to
// `int` (the year, a source line), and the Python extension holds a pickled Fund's cap and limit
// to them (bindings/round.cpp). Private to the library and its extension: not exported.
#pragma once

#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace anslag::detail {

std::string year_problem(std::int64_t year);
std::string count_problem(std::string_view key, std::int64_t value);
// A cap not above 0 kr, a limit below 1.
std::string cap_problem(const Krona& cap);
std::string limit_problem(std::int64_t limit);

}  // namespace anslag::detail
