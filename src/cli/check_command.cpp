// `anslag check ROUND_FILE [--document PATH]`: every quote, cited line and printed amount of a
// round file checked against its document (by default the file's seed, looked up beside the
// round file, then among the bundled seeds). Exit 0 when all hold, 1 with the problems listed
// ("DOCUMENT:LINE: ENTRY: expected ...; the line says ..."), 2 for bad input.
#include "commands.hpp"

#include <anslag/io/round_file.hpp>
#include <anslag/ingest/source_check.hpp>

#include <iostream>

namespace anslag::cli {
namespace {

std::filesystem::path document_of(const grant_round& r, const std::filesystem::path& round_file) {
  // A link beside the round file is its document even when it leads nowhere: reading it names
  // the loop or the missing target, where exists() would throw a raw filesystem_error.
  std::error_code unreadable;
  const auto beside = round_file.parent_path() / r.document.seed;
  if (std::filesystem::exists(std::filesystem::symlink_status(beside, unreadable))) return beside;
  const auto bundled = data_dir() / "seeds" / r.document.seed;
  if (std::filesystem::exists(bundled, unreadable)) return bundled;
  throw not_found_error("no document '" + r.document.seed + "' beside the round file or among the bundled seeds");
}

}  // namespace

void add_check_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("check", "Check a round file's quotes, lines and amounts against its document");
  auto round_file = std::make_shared<std::string>();
  auto document = std::make_shared<std::string>();
  command->add_option("round", *round_file, "A round file, or a bundled round's year")->required();
  command->add_option("--document", *document, "The document (default: the file's seed)");
  command->callback([round_file, document, &context] {
    try {
      const auto path = round_path(*round_file);
      const grant_round r = load_round(path);
      const std::filesystem::path doc = document->empty() ? document_of(r, path) : std::filesystem::path(*document);
      const auto problems = check_sources(r, doc);
      for (const auto& p : problems)
        std::cout << p.document << ":" << p.line << ": " << p.entry << ": expected " << p.expected << "; the line says: "
                  << p.found << "\n";
      std::cout << path.string() << ": " << (problems.empty() ? "every quote, line and amount stands in "
                                                            : std::to_string(problems.size()) + " problems against ")
                << doc.string() << "\n";
      context.exit_code = problems.empty() ? 0 : 1;
    } catch (const error& e) {
      std::cerr << "anslag check: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
