// `anslag synthetic --rounds N --out DIR [--applications N] [--year Y] [--seed S] [--faults LIST]
//                   [--units FILE]`:
// consistent synthetic round files with planted faults (include/anslag/synthetic/rounds.hpp), a
// corpus to scale on. With `--documents N [--layout KNOB=VALUE,...]` instead of `--rounds`, each
// round printed as a decision document in a layout drawn from the layout space
// (include/anslag/synthetic/documents.hpp): document-00001.txt beside document-00001.toml, the
// round it prints, each entry cited at the document's lines (synthetic_round_file). A progress bar on a terminal; one line saying what was written.
#include "commands.hpp"
#include "round_paths.hpp"

#include <anslag/error.hpp>
#include <anslag/synthetic/documents.hpp>
#include <anslag/synthetic/rounds.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
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

// "KNOB=VALUE,KNOB=VALUE"; draw_layout checks the names.
document_layout parse_layout(const std::string& text) {
  document_layout layout;
  std::stringstream in(text);
  for (std::string pair; std::getline(in, pair, ',');) {
    const auto equals = pair.find('=');
    if (equals == std::string::npos)
      throw invalid_argument_error("a layout is KNOB=VALUE pairs separated by commas, not '" + pair + "'");
    layout[pair.substr(0, equals)] = pair.substr(equals + 1);
  }
  return layout;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw invalid_argument_error("cannot write " + path.string());
}

// document-00001.txt and document-00001.toml, the round file headed by the document's layout.
std::size_t write_documents(const unit_registry& units, const std::filesystem::path& folder, std::size_t count,
                            const synthetic_options& options, const document_layout& fixed, progress_bar& bar) {
  std::error_code failed;
  std::filesystem::create_directories(folder, failed);
  if (failed) throw invalid_argument_error("cannot write " + folder.string());
  draw_layout(0, fixed);  // an unknown knob fails before anything is written
  for (std::size_t i = 0; i < count; ++i) {
    synthetic_options one = options;
    one.seed = options.seed + i;
    const auto document = synthetic_document_of(units, one, fixed);
    char name[32];
    std::snprintf(name, sizeof name, "document-%05zu", i + 1);
    std::string layout = "# The round printed by " + std::string(name) +
                         ".txt, every entry cited at its lines there\n# layout:";
    for (const auto& [knob, value] : document.layout) layout += " " + knob + "=" + value;
    layout += "\n# lines per page: " + std::to_string(document.lines_per_page) + "\n";
    write_file(folder / (std::string(name) + ".txt"), document.text);
    write_file(folder / (std::string(name) + ".toml"), layout + synthetic_round_file(document, std::string(name) + ".txt"));
    bar(i + 1, count);
  }
  return count;
}

}  // namespace

void add_synthetic_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("synthetic", "Write consistent synthetic round files with planted faults");
  struct options {
    std::size_t rounds = 0;
    std::size_t documents = 0;
    std::string layout;
    std::string out;
    synthetic_options round;
    std::string faults = "none";
    registry_arguments units;
  };
  auto o = std::make_shared<options>();
  // The number of rounds is checked by write_synthetic_rounds, which says the range it offers.
  auto* rounds = command->add_option("--rounds", o->rounds, "How many round files (1 to 1000000)");
  auto* documents = command->add_option("--documents", o->documents,
                                        "How many decision documents (each beside the round file it prints)")
                        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
                        ->excludes(rounds);
  command->add_option("--layout", o->layout,
                      "Layout knobs to fix, KNOB=VALUE separated by commas (docs/drafting.md lists them); "
                      "the others are drawn from each document's seed")
      ->needs(documents);
  command->add_option("--out", o->out, "The folder to write them in (made if missing)")->required();
  command->add_option("--applications", o->round.applications, "Applications per round (1 to 50000)")
      ->default_val(o->round.applications);
  command->add_option("--year", o->round.year, "The first round's year")->default_val(o->round.year);
  command->add_option("--seed", o->round.seed, "The first round's seed")->default_val(o->round.seed);
  command->add_option("--faults", o->faults,
                      "Faults planted in every round: none, all, or a list of grant-exceeds-request, "
                      "total-mismatch, count-mismatch, unknown-unit")
      ->default_val("none");
  add_units_option(command, o->units);
  command->callback([o, rounds, documents, &context] {
    try {
      o->round.faults = parse_faults(o->faults);
      if (rounds->count() == 0 && documents->count() == 0)
        throw invalid_argument_error("say how many: --rounds N (round files) or --documents N (decision documents)");
      const unit_registry units = load_units_argument(o->units);
      if (documents->count() > 0) {
        const auto fixed = parse_layout(o->layout);
        std::size_t written = 0;
        {
          progress_bar bar("writing");
          written = write_documents(units, o->out, o->documents, o->round, fixed, bar);
        }
        std::cout << "wrote " << written << " documents and their round files to " << o->out << "\n";
        return;
      }
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
