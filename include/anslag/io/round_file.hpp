// Reading a round file (TOML, format version 1, specified in docs/round-format.md) into the model.
//
// A file either loads whole or throws round_file_error naming the file, the line and column of
// the offending node and what is wrong with it; nothing half-built escapes. Only the form is
// checked here (types, keys, references between ids); whether the content adds up is the
// audit's business, and unit ids are checked against the registry by the audit too.
#pragma once

#include <anslag/model/round.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace anslag {

// The round in `toml_text`; `file_name` is what errors and round::file name.
round parse_round(std::string_view toml_text, const std::string& file_name);

// The round in the file at `path` (an unreadable file is a round_file_error at 0:0).
round load_round(const std::filesystem::path& path);

}  // namespace anslag
