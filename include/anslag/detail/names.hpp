// Name tables for the enums that appear in files, JSON and Python: one table per enum, looked
// up both ways, so that a name and its value cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace anslag::detail {

template <typename Enum, std::size_t N>
using name_table = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
constexpr std::string_view name_of(const name_table<Enum, N>& names, Enum value) noexcept {
  for (const auto& [candidate, name] : names)
    if (candidate == value) return name;
  return {};
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> value_of(const name_table<Enum, N>& names, std::string_view text) noexcept {
  for (const auto& [candidate, name] : names)
    if (name == text) return candidate;
  return std::nullopt;
}

}  // namespace anslag::detail
