#include "commands.hpp"

#include <anslag/error.hpp>

#include <cstdlib>
#include <map>

namespace anslag::cli {

void add_format_option(CLI::App* command, output_format& format) {
  const std::map<std::string, output_format> names{
      {"text", output_format::text}, {"markdown", output_format::markdown}, {"json", output_format::json}};
  command->add_option("--format", format, "Output format: text, markdown or json")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->default_str("text");
}

std::filesystem::path data_dir() {
  if (const char* from_environment = std::getenv("ANSLAG_DATA_DIR"))
    return from_environment;
  const std::filesystem::path build_tree = ANSLAG_BUILD_DATA_DIR;
  if (std::filesystem::exists(build_tree / "units.toml")) return build_tree;
  return ANSLAG_INSTALL_DATA_DIR;
}

bool is_bundled_year(const std::string& year_or_file) {
  return year_or_file.size() == 4 && year_or_file.find_first_not_of("0123456789") == std::string::npos;
}

std::filesystem::path round_path(const std::string& year_or_file) {
  if (!is_bundled_year(year_or_file)) return year_or_file;
  const auto path = data_dir() / "rounds" / (year_or_file + ".toml");
  if (!std::filesystem::exists(path))
    throw not_found_error("no bundled round for " + year_or_file);
  return path;
}

}  // namespace anslag::cli
