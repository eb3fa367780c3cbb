// The anslag command line: one subcommand per capability, each registered from its own file.
#include "commands.hpp"

#include <anslag/error.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"anslag: exact rules and krona arithmetic for municipal grant rounds"};
  app.set_version_flag("--version", std::string("anslag ") + ANSLAG_VERSION);
  app.require_subcommand(1);
  anslag::cli::context context;
  anslag::cli::add_amount_command(app, context);
  anslag::cli::add_units_command(app, context);
  anslag::cli::add_round_command(app, context);
  anslag::cli::add_allocate_command(app, context);
  anslag::cli::add_propose_command(app, context);
  anslag::cli::add_rules_commands(app, context);
  anslag::cli::add_audit_command(app, context);
  anslag::cli::add_draft_command(app, context);
  anslag::cli::add_check_command(app, context);
  anslag::cli::add_synthetic_command(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits 0 for --help and --version; usage errors are bad input: exit 2.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return context.exit_code;
}
