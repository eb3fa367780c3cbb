// `anslag check ROUND_FILE [--document PATH]`: every entry of a round file checked against its
// document where it cites it (docs/drafting.md, "Checking"). The document is the file's seed, a
// plain file name looked up beside the round file, then among the bundled seeds: a seed naming
// a path ("../x", "/etc/passwd") is refused. Exit 0 when all hold, 1 with the problems listed
// ("DOCUMENT:LINE: ENTRY: FIELD: recorded ...; printed ..."), 2 for bad input. Every line
// printed is escaped: quotes and document lines are data.
#include "commands.hpp"

#include <anslag/ingest/source_check.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/report/escape.hpp>
#include <anslag/report/html.hpp>

#include <iostream>

namespace anslag::cli {
namespace {

// The round's seed beside the round file, else among the bundled seeds, as the HTML report finds
// it: a seed naming a path is never followed.
std::filesystem::path document_of(const grant_round& r, const std::filesystem::path& round_file) {
  if (const auto found = find_document(r, round_file, data_dir() / "seeds")) return *found;
  throw not_found_error("no document '" + r.document.seed +
                        "' beside the round file or among the bundled seeds (a seed is a file name, not a path)");
}

}  // namespace

void add_check_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("check", "Check every entry of a round file where it cites its document");
  auto round_file = std::make_shared<std::string>();
  auto document = std::make_shared<std::string>();
  command->add_option("round", *round_file, "A round file, or a bundled round's year")->required();
  command->add_option("--document", *document, "The document (default: the file's seed)");
  command->callback([round_file, document, &context] {
    try {
      const auto path = round_path(*round_file);
      const grant_round r = load_round(path);
      const std::filesystem::path doc = document->empty() ? document_of(r, path) : std::filesystem::path(*document);
      const unit_registry units = load_units(data_dir() / "units.toml");
      const auto problems = check_sources(r, doc, &units);
      for (const auto& p : problems)
        std::cout << escape_controls(p.document + ":" + std::to_string(p.line) + ": " + describe(p)) << "\n";
      for (const auto& d : derived_entries(r))
        std::cout << escape_controls(path.string() + ": " + d.entry + ": not printed (derived): " + d.why) << "\n";
      std::cout << escape_controls(path.string() + ": " +
                                   (problems.empty() ? "every entry stands where it is cited in "
                                                     : std::to_string(problems.size()) + " problems against ") +
                                   doc.string())
                << "\n";
      context.exit_code = problems.empty() ? 0 : 1;
    } catch (const error& e) {
      std::cerr << "anslag check: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
