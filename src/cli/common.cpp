#include "commands.hpp"

#include <anslag/detail/utf8.hpp>
#include <anslag/error.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <map>
#include <system_error>

#include <unistd.h>

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

void add_units_option(CLI::App* command, registry_arguments& registry) {
  command->add_option("--units", registry.units,
                      "The unit registry to resolve names with, a TOML file (default: the bundled one)");
  command->add_option("--aliases", registry.aliases,
                      "Spellings of your own for the registry's units, a TOML file with an [aliases] table "
                      "(default: $ANSLAG_UNIT_ALIASES with the bundled registry, if set)");
}

unit_registry load_units_argument(const registry_arguments& registry) {
  const unit_registry units =
      load_units(registry.units.empty() ? data_dir() / "units.toml" : std::filesystem::path(registry.units));
  // As in Python, $ANSLAG_UNIT_ALIASES adds to the bundled registry only.
  const char* variable = registry.units.empty() ? std::getenv("ANSLAG_UNIT_ALIASES") : nullptr;
  const std::string aliases = !registry.aliases.empty() ? registry.aliases : variable ? variable : "";
  return aliases.empty() ? units : with_aliases(units, aliases);
}

// A file that exists is what its name says, even when the name looks like a year: `anslag audit
// 2024` in a folder holding a file `2024` audits that file, as every other tool would read it.
bool is_bundled_year(const std::string& year_or_file) {
  std::error_code ignored;
  return year_or_file.size() == 4 && year_or_file.find_first_not_of("0123456789") == std::string::npos &&
         !std::filesystem::exists(year_or_file, ignored);
}

std::filesystem::path round_path(const std::string& year_or_file) {
  if (!is_bundled_year(year_or_file)) return year_or_file;
  const auto path = data_dir() / "rounds" / (year_or_file + ".toml");
  if (!std::filesystem::exists(path))
    throw not_found_error("no bundled round for " + year_or_file);
  return path;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const auto d = detail::decode_utf8(p, end);
    if (d.valid)
      out.append(reinterpret_cast<const char*>(p), d.width);
    else
      out += "\xEF\xBF\xBD";  // U+FFFD
    p += d.width;
  }
  return out;
}

grant_round load_round_argument(const std::string& year_or_file) {
  grant_round r = load_round(round_path(year_or_file));
  // Every text of a round is UTF-8 (toml++ checks), but its file name is the system's bytes; JSON
  // and the reports need text.
  if (std::string shown = valid_utf8(r.file); shown != r.file) {
    std::cerr << "anslag: the file name is not UTF-8; reports show it with U+FFFD for each bad byte\n";
    r.file = std::move(shown);
  }
  return r;
}

// Read from the descriptor itself: std::cin takes a directory on standard input (read fails with
// EISDIR) for an empty stream, and `anslag amount --sum < DIR` printed 0 kr.
std::string read_standard_input() {
  std::string text;
  char chunk[1 << 16];
  while (true) {
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw failure("cannot read standard input: " + std::generic_category().message(errno));
    if (n == 0) return text;
    text.append(chunk, static_cast<std::size_t>(n));
    if (text.size() > max_standard_input_bytes) throw failure("standard input larger than 16 MiB");
  }
}

}  // namespace anslag::cli
