// Each subcommand lives in its own file and registers itself through one function here.
#pragma once

#include <CLI/CLI.hpp>

#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>
#include <anslag/report/escape.hpp>

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace anslag::cli {

// Exit codes: 0 success; 1 the command ran and found an error-severity finding; 2 bad input.
struct context {
  int exit_code = 0;
};

enum class output_format { text, markdown, json };

// Adds `--format text|markdown|json` (default text) to a subcommand.
void add_format_option(CLI::App* command, output_format& format);

// The folder holding units.toml and rounds/: $ANSLAG_DATA_DIR, else the source tree's data/
// when run from a build tree, else the installed share/anslag.
std::filesystem::path data_dir();

// `--units FILE` and `--aliases FILE` on every subcommand that resolves unit names: the unit
// registry of the organisation whose rounds are read, and spellings of one's own added to it
// (docs/units.md). Empty: the bundled registry, with the aliases file $ANSLAG_UNIT_ALIASES names,
// if it is set (as in Python, only for the bundled registry).
struct registry_arguments {
  std::string units;
  std::string aliases;
};
void add_units_option(CLI::App* command, registry_arguments& registry);

// The registry `--units` names (load_units), else the bundled one (units.toml in data_dir()),
// with the spellings of the aliases file added (with_aliases); either file's errors are
// round_file_errors naming the file, line and column.
unit_registry load_units_argument(const registry_arguments& registry);

// A round named on the command line: a file path, or when no file of that name exists and it is
// four digits, the year of a bundled round ("2020").
std::filesystem::path round_path(const std::string& year_or_file);
bool is_bundled_year(const std::string& year_or_file);

// The round named on the command line, loaded; a file name that is not UTF-8 is kept in
// `round::file` with U+FFFD for each bad byte (and a note on standard error), so that every
// report, JSON included, can print it.
grant_round load_round_argument(const std::string& year_or_file);

// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// Bad input the command line finds itself (not the library): main prints "anslag COMMAND:
// MESSAGE" and exits 2.
struct failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Standard input is read whole, up to this bound (the round files' limit); more is a failure.
inline constexpr std::size_t max_standard_input_bytes = std::size_t{16} << 20;
std::string read_standard_input();

void add_amount_command(CLI::App& app, context& context);
void add_allocate_command(CLI::App& app, context& context);
void add_propose_command(CLI::App& app, context& context);
void add_audit_command(CLI::App& app, context& context);
void add_units_command(CLI::App& app, context& context);
void add_round_command(CLI::App& app, context& context);
void add_draft_command(CLI::App& app, context& context);
void add_check_command(CLI::App& app, context& context);
void add_synthetic_command(CLI::App& app, context& context);
// `anslag rules` and `anslag evaluate`.
void add_rules_commands(CLI::App& app, context& context);

}  // namespace anslag::cli
