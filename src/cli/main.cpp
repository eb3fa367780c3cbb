// The anslag command line: one subcommand per capability, each registered from its own file.
// What every subcommand shares is done here once: a mistyped subcommand gets a suggestion, a
// failure of a command's own input is exit 2 with its reason, and so is an output that could not
// be written (a full disk, a closed standard output): a report nobody received is no success.
#include "commands.hpp"

#include <anslag/detail/text.hpp>
#include <anslag/error.hpp>

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <system_error>

namespace {

// "did you mean 'audit'?" for a first argument that is no subcommand but near one.
std::string suggestion_for(const CLI::App& app, const std::string& typed) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::size_t d = anslag::detail::edit_distance(typed, command->get_name());
    if (d < best_distance) {
      best_distance = d;
      best = command->get_name();
    }
  }
  return best;
}

bool is_subcommand(const CLI::App& app, const std::string& name) {
  return !app.get_subcommands([&](const CLI::App* command) { return command->check_name(name); }).empty();
}

int cannot_write(int reason) {
  std::cout.exceptions(std::ios::goodbit);  // the flush at exit must not throw again
  std::cerr << "anslag: cannot write the output: "
            << (reason ? std::generic_category().message(reason) : std::string("the stream failed")) << "\n";
  return 2;
}

}  // namespace

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
  const CLI::App& commands = app;
  if (argc > 1 && argv[1][0] != '-' && !is_subcommand(commands, argv[1])) {
    const std::string typed = argv[1];
    const std::string near = suggestion_for(commands, typed);
    std::cerr << "anslag: unknown command '" << anslag::escape_controls(typed) << "'"
              << (near.empty() ? std::string() : "; did you mean '" + near + "'?") << "\n"
              << "Run with --help for the list of commands.\n";
    return 2;
  }
  // A write that fails throws at once, while errno still says why.
  std::cout.exceptions(std::ios::badbit | std::ios::failbit);
  int code = 0;
  try {
    app.parse(argc, argv);
    code = context.exit_code;
  } catch (const CLI::ParseError& e) {
    // CLI11 exits 0 for --help and --version; usage errors are bad input: exit 2.
    code = app.exit(e) == 0 ? 0 : 2;
  } catch (const anslag::cli::failure& e) {
    const auto commands = app.get_subcommands();
    std::cerr << "anslag" << (commands.empty() ? "" : " " + commands.front()->get_name()) << ": " << anslag::escape_controls(e.what()) << "\n";
    code = 2;
  } catch (const std::ios_base::failure&) {
    return cannot_write(errno);
  }
  try {
    std::cout.flush();
  } catch (const std::ios_base::failure&) {
    return cannot_write(errno);
  }
  return code;
}
