// Each subcommand lives in its own file and registers itself through one function here.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

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

// A round named on the command line: a year of a bundled round ("2020") or a file path.
std::filesystem::path round_path(const std::string& year_or_file);
bool is_bundled_year(const std::string& year_or_file);

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
