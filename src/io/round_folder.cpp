#include <anslag/io/round_folder.hpp>

#include <anslag/error.hpp>

#include <algorithm>
#include <system_error>

namespace anslag {

std::vector<std::filesystem::path> round_files(const std::filesystem::path& folder) {
  std::error_code failed;
  if (!std::filesystem::is_directory(folder, failed)) throw not_found_error("not a folder: " + folder.string());
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, failed))
    if (entry.path().extension() == ".toml" && !entry.is_directory()) files.push_back(entry.path());
  if (failed) throw not_found_error("not a folder: " + folder.string());
  if (files.empty()) throw not_found_error("no round files (*.toml) in " + folder.string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace anslag
