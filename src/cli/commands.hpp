// Each subcommand lives in its own file and registers itself through one function here.
#pragma once

#include <CLI/CLI.hpp>

namespace anslag::cli {

// Exit codes: 0 success; 1 the command ran and found an error-severity finding; 2 bad input.
struct context {
  int exit_code = 0;
};

void add_amount_command(CLI::App& app, context& context);

}  // namespace anslag::cli
