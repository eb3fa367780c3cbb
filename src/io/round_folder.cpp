#include <anslag/io/round_folder.hpp>

#include <anslag/error.hpp>

#include <algorithm>
#include <system_error>

namespace anslag {

std::vector<std::filesystem::path> round_files(const std::filesystem::path& folder) {
  std::error_code failed;
  if (!std::filesystem::is_directory(folder, failed)) throw not_found_error("not a folder: " + folder.string());
  std::vector<std::filesystem::path> files;
  // Every other entry named *.toml is listed, whatever it is: a FIFO, a device, a dangling link or
  // a link loop is then refused by name when it is loaded (io/regular_file.hpp), never opened.
  for (const auto& entry : std::filesystem::directory_iterator(folder, failed)) {
    std::error_code unreadable;
    if (entry.path().extension() == ".toml" && !entry.is_directory(unreadable)) files.push_back(entry.path());
  }
  if (failed) throw not_found_error("not a folder: " + folder.string());
  if (files.empty()) throw not_found_error("no round files (*.toml) in " + folder.string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace anslag
