// `anslag synthetic --rounds N --out DIR [--applications N] [--year Y] [--seed S] [--faults LIST]`:
// consistent synthetic round files with planted faults (include/anslag/synthetic/rounds.hpp), a
// corpus to scale on. A progress bar on a terminal; one line saying what was written.
#include "commands.hpp"
#include "round_paths.hpp"

#include <anslag/error.hpp>
#include <anslag/synthetic/rounds.hpp>
#include <anslag/io/units_file.hpp>

#include <iostream>
#include <memory>
#include <sstream>

namespace anslag::cli {
namespace {

// "none", "all", or names separated by commas.
std::vector<synthetic_fault> parse_faults(const std::string& text) {
  if (text == "none") return {};
  if (text == "all") return all_synthetic_faults();
  std::vector<synthetic_fault> faults;
  std::stringstream in(text);
  for (std::string name; std::getline(in, name, ',');) {
    const auto fault = synthetic_fault_from_name(name);
    if (!fault)
      throw invalid_argument_error("unknown fault '" + name +
                                   "' (grant-exceeds-request, total-mismatch, count-mismatch, unknown-unit, all, none)");
    faults.push_back(*fault);
  }
  return faults;
}

}  // namespace

void add_synthetic_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("synthetic", "Write consistent synthetic round files with planted faults");
  struct options {
    std::size_t rounds = 1;
    std::string out;
    synthetic_options round;
    std::string faults = "none";
  };
  auto o = std::make_shared<options>();
  // The sizes are checked by write_synthetic_rounds, which says the ranges it offers.
  command->add_option("--rounds", o->rounds, "How many round files (1 to 1000000)")->required();
  command->add_option("--out", o->out, "The folder to write them in (made if missing)")->required();
  command->add_option("--applications", o->round.applications, "Applications per round (1 to 50000)")
      ->default_val(o->round.applications);
  command->add_option("--year", o->round.year, "The first round's year")->default_val(o->round.year);
  command->add_option("--seed", o->round.seed, "The first round's seed")->default_val(o->round.seed);
  command->add_option("--faults", o->faults,
                      "Faults planted in every round: none, all, or a list of grant-exceeds-request, "
                      "total-mismatch, count-mismatch, unknown-unit")
      ->default_val("none");
  command->callback([o, &context] {
    try {
      o->round.faults = parse_faults(o->faults);
      const unit_registry units = load_units(data_dir() / "units.toml");
      std::size_t written = 0;
      {
        progress_bar bar("writing");
        written = write_synthetic_rounds(units, o->out, o->rounds, o->round,
                                         [&bar](std::size_t done, std::size_t total) { bar(done, total); })
                      .size();
      }
      std::cout << "wrote " << written << " round files to " << o->out << "\n";
    } catch (const error& e) {
      std::cerr << "anslag synthetic: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
