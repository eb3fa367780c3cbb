// Reading a round file (TOML, format version 1, specified in docs/round-format.md) into the model.
//
// A file either loads whole or throws round_file_error naming the file, the line and column of
// the offending node and what is wrong with it; nothing half-built escapes. Only the form is
// checked here (types, keys, references between ids); whether the content adds up is the
// audit's business, and unit ids are checked against the registry by the audit too.
//
// Thread safety: no shared state; any number of threads may load or parse files at once.
// Exceptions: round_file_error naming the file, line and column (or the file alone, for one that
// cannot be read or is over the size limit).
// Lifetimes: values; a loaded round refers to nothing in the text or the file.
#pragma once

#include <anslag/export.hpp>
#include <anslag/model/round.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace anslag {

// How large a round file may be. A real round file is tens of kilobytes, and a file from outside
// is refused past 16 MiB ("file larger than 16 MiB"), which bounds the time and memory one load
// can take (docs/reliability.md). `unbounded` is for rounds a program wrote itself, such as the
// synthetic rounds of a million applications that bench/audit_bench.cpp measures.
enum class size_limit { bounded, unbounded };
inline constexpr std::size_t max_round_file_bytes = std::size_t{16} << 20;  // size_limit::bounded

// The round in `toml_text`; `file_name` is what errors and round::file name.
ANSLAG_API grant_round parse_round(std::string_view toml_text, const std::string& file_name,
                  size_limit limit = size_limit::bounded);

// The round in the file at `path` (an unreadable file is a round_file_error at 0:0).
ANSLAG_API grant_round load_round(const std::filesystem::path& path, size_limit limit = size_limit::bounded);

}  // namespace anslag
