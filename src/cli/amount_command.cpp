// `anslag amount TEXT...` and `anslag amount --sum` (amounts from standard input).
#include "commands.hpp"

#include <anslag/krona/amount_text.hpp>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace anslag::cli {

void add_amount_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("amount", "Parse Swedish amounts: print öre and canonical form");
  auto texts = std::make_shared<std::vector<std::string>>();
  auto sum = std::make_shared<bool>(false);
  auto* text_option =
      command->add_option("text", *texts, "Amounts such as \"8 618 500 kr\" or \"1 234,50\"");
  command->add_flag("--sum", *sum, "Sum the amounts read one a line from standard input")
      ->excludes(text_option);
  command->callback([texts, sum, &context] {
    if (*sum) {
      Krona total;
      std::istringstream in(read_standard_input());
      std::string line;
      std::size_t number = 0;
      while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
          total += parse_amount(line);
        } catch (const error& e) {
          std::cerr << "anslag amount: line " << number << ": " << escape_controls(e.what()) << "\n";
          context.exit_code = 2;
          return;
        }
      }
      std::cout << total.ore() << "\t" << total.to_string() << "\n";
      return;
    }
    if (texts->empty()) {
      std::cerr << "anslag amount: give one or more amounts, or --sum to read them from standard input\n";
      context.exit_code = 2;
      return;
    }
    for (const auto& text : *texts) {
      try {
        const Krona k = parse_amount(text);
        std::cout << k.ore() << "\t" << k.to_string() << "\n";
      } catch (const error& e) {
        std::cerr << "anslag amount: \"" << escape_controls(text) << "\": " << escape_controls(e.what()) << "\n";
        context.exit_code = 2;
      }
    }
  });
}

}  // namespace anslag::cli
