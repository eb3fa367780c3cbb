// `anslag draft DOCUMENT [--output FILE] [--year YEAR] [--units FILE] [--vocabulary FILE]`: a round file drafted from a decision
// document (text or PDF), written to FILE or standard output; the review list goes to standard
// error, one item a line, "DOCUMENT:LINE: FIELD: WHY". Exit 0 with a draft, 2 for bad input.
#include "commands.hpp"

#include <anslag/ingest/draft.hpp>

#include <fstream>
#include <optional>
#include <iostream>

namespace anslag::cli {

void add_draft_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("draft", "Draft a round file from a decision document (text or PDF)");
  auto document = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  auto year = std::make_shared<int>(0);
  auto vocabulary_file = std::make_shared<std::string>();
  auto units_file = std::make_shared<registry_arguments>();
  command->add_option("document", *document, "The decision document: UTF-8 text or PDF")->required();
  command->add_option("--output,-o", *output, "Write the round file here (default: standard output)");
  command->add_option("--year", *year, "The round's year (default: the year the title names)")
      ->check(CLI::Range(1, 9999));
  command->add_option("--vocabulary", *vocabulary_file,
                      "A TOML file of decision words and column labels added to the bundled ones");
  add_units_option(command, *units_file);
  command->callback([document, output, year, vocabulary_file, units_file, &context] {
    try {
      const auto units = load_units_argument(*units_file);
      draft_options options;
      options.units = &units;
      options.draft_file = *output;
      std::optional<vocabulary> words;
      if (!vocabulary_file->empty()) options.words = &words.emplace(load_vocabulary(*vocabulary_file));
      if (*year != 0) options.year = *year;
      const auto draft = draft_round_file(*document, options);
      if (output->empty()) {
        std::cout << draft.text;
      } else {
        std::ofstream file(*output, std::ios::binary);
        file << draft.text;
        if (!file.flush()) {
          std::cerr << "anslag draft: " << *output << ": cannot write the file\n";
          context.exit_code = 2;
          return;
        }
      }
      for (const auto& item : draft.review)
        std::cerr << *document << ":" << item.line << ": REVIEW " << item.field << ": " << item.why << "\n";
      std::cerr << "anslag draft: " << draft.drafted.applications.size() << " applications, "
                << draft.drafted.statements.size() << " statements, " << draft.drafted.rules.size() << " rules; "
                << draft.review.size() << " items to review\n";
    } catch (const error& e) {
      std::cerr << "anslag draft: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
