// A folder of round files: every `*.toml` directly in it (not in subfolders), in name order,
// so that a folder of years reads in the order of its years.
//
// Thread safety: no shared state; it lists the folder as it is at the call.
// Exceptions: not_found_error for a folder without round files (below).
// Lifetimes: values (paths).
#pragma once

#include <anslag/export.hpp>
#include <filesystem>
#include <vector>

namespace anslag {

// The round files in `folder`: every entry named *.toml but a folder, so that one that is no
// regular file (a FIFO, a link loop) is named by the load that refuses it. A folder without any is a not_found_error
// "no round files (*.toml) in FOLDER"; a path that is no folder, "not a folder: PATH".
ANSLAG_API std::vector<std::filesystem::path> round_files(const std::filesystem::path& folder);

}  // namespace anslag
