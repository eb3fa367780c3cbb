// Reading the unit registry from its TOML file (data/units.toml; the format is in docs/units.md).
//
// Thread safety: no shared state; any number of threads may load registries at once.
// Exceptions: round_file_error naming the file, line and column.
// Lifetimes: values; the registry refers to nothing in the text.
#pragma once

#include <anslag/export.hpp>
#include <anslag/model/unit.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace anslag {

// Everything that keeps a file from loading (a TOML syntax error, an unknown or missing key, a
// value of the wrong type, an unknown kind, an inconsistent registry) is a round_file_error
// naming the file, line and column of the offending key or value.
ANSLAG_API unit_registry load_units(const std::filesystem::path& path);

// The same for text already read; `file_name` is what errors name.
ANSLAG_API unit_registry parse_units(std::string_view toml_text, const std::string& file_name);

// `registry` with the spellings of an aliases file of your own added (docs/units.md, "Official
// names and your own aliases"): a TOML file whose one table, [aliases], holds
// `"spelling" = "unit-id"` lines. The registry is copied, never edited. A value that is not a
// string, an id the registry does not have, a spelling another unit already has and any other
// key is a round_file_error naming the file, line and column.
ANSLAG_API unit_registry with_aliases(const unit_registry& registry, const std::filesystem::path& path);

// The same for text already read; `file_name` is what errors name.
ANSLAG_API unit_registry parse_aliases(const unit_registry& registry, std::string_view toml_text,
                                       const std::string& file_name);

}  // namespace anslag
