// `anslag allocate --budget AMOUNT [--unit AMOUNT] [--cap AMOUNT] --strategy NAME FILE|-`:
// shares a budget among requests read one a line (or from one CSV column) and prints each
// request, its grant and the reason, with the totals.
#include "commands.hpp"
#include "table_output.hpp"

#include <anslag/allocate/budget.hpp>
#include <anslag/krona/amount_text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>
#include <cerrno>
#include <optional>
#include <string>
#include <vector>

namespace anslag::cli {
namespace {

struct request_line {
  std::size_t line;  // 1-based line in the input
  Krona amount;
};

struct options {
  std::string budget;
  std::string unit;
  std::string cap;
  std::string strategy;
  std::string column;
  char delimiter = ',';
  std::string file;
  output_format format = output_format::text;
};

// A bad input: what to print after "anslag allocate: ", then exit 2.
struct bad_input {
  std::string message;
};

bool blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

// The fields of one CSV record (RFC 4180 quoting: "a ""b""" is a "b"; no line breaks in fields).
std::vector<std::string> split_csv(const std::string& line, char delimiter) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') fields.back() += c;
      else if (i + 1 < line.size() && line[i + 1] == '"') fields.back() += line[++i];
      else quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::vector<request_line> read_requests(std::istream& in, const std::string& name,
                                        const options& o) {
  std::vector<request_line> requests;
  std::optional<std::size_t> column;  // the CSV column's index, once the header is read
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    // Excel's "CSV UTF-8" starts with a byte-order mark, which is not part of the first field.
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (blank(line)) continue;
    std::string text = line;
    if (!o.column.empty()) {
      const auto fields = split_csv(line, o.delimiter);
      if (!column) {
        const auto found = std::find_if(fields.begin(), fields.end(),
                                        [&](const std::string& f) { return trimmed(f) == o.column; });
        if (found == fields.end())
          throw bad_input{name + ":" + std::to_string(number) + ": no column '" + o.column +
                          "' in the header"};
        column = static_cast<std::size_t>(found - fields.begin());
        continue;
      }
      if (*column >= fields.size())
        throw bad_input{name + ":" + std::to_string(number) + ": no field for column '" +
                        o.column + "'"};
      text = fields[*column];
    }
    try {
      requests.push_back({number, parse_amount(text)});
    } catch (const error& e) {
      throw bad_input{name + ":" + std::to_string(number) + ": " + e.what()};
    }
  }
  if (!o.column.empty() && !column) throw bad_input{name + ": no header line"};
  return requests;
}

Krona option_amount(const std::string& option, const std::string& text) {
  try {
    return parse_amount(text);
  } catch (const error& e) {
    throw bad_input{option + ": " + e.what()};
  }
}

void print(const options& o, const budget_options& settings, Krona budget,
           const std::vector<request_line>& requests, const budget_allocation& result) {
  std::vector<Krona> amounts;
  for (const auto& r : requests) amounts.push_back(r.amount);
  const Krona requested = sum(amounts);
  const Krona granted = sum(result.grants);
  const Krona unspent = budget - granted;

  if (o.format == output_format::json) {
    nlohmann::json grants = nlohmann::json::array();
    for (std::size_t i = 0; i < requests.size(); ++i)
      grants.push_back({{"line", requests[i].line},
                        {"request", amount_json(requests[i].amount)},
                        {"grant", amount_json(result.grants[i])},
                        {"reason", to_string(result.reasons[i])}});
    nlohmann::json out = {
        {"strategy", o.strategy},
        {"budget", amount_json(budget)},
        {"unit", amount_json(settings.unit)},
        {"cap", settings.cap ? amount_json(*settings.cap) : nlohmann::json(nullptr)},
        {"grants", grants},
        {"totals",
         {{"requested", amount_json(requested)},
          {"granted", amount_json(granted)},
          {"unspent", amount_json(unspent)}}}};
    std::cout << out.dump(2) << "\n";
    return;
  }

  const std::string cap_text = settings.cap ? settings.cap->to_string() : "none";
  table rows{{"line", "request", "grant", "reason"}};
  for (std::size_t i = 0; i < requests.size(); ++i)
    rows.push_back({std::to_string(requests[i].line), requests[i].amount.to_string(),
                    result.grants[i].to_string(), std::string(to_string(result.reasons[i]))});
  rows.push_back({"total", requested.to_string(), granted.to_string(),
                  "unspent " + unspent.to_string()});

  if (o.format == output_format::markdown) {
    std::cout << "Strategy `" << o.strategy << "`, budget " << budget.to_string() << ", unit "
              << settings.unit.to_string() << ", cap " << cap_text << ".\n\n";
    print_markdown_table(std::cout, rows, true);
    return;
  }
  std::cout << "strategy " << o.strategy << ", budget " << budget.to_string() << ", unit "
            << settings.unit.to_string() << ", cap " << cap_text << "\n";
  print_text_table(std::cout, rows);
}

void run(const options& o) {
  const Krona budget = option_amount("--budget", o.budget);
  budget_options settings;
  if (!o.unit.empty()) settings.unit = option_amount("--unit", o.unit);
  if (!o.cap.empty()) settings.cap = option_amount("--cap", o.cap);
  std::vector<request_line> requests;
  if (o.file == "-") {
    std::istringstream in(read_standard_input());
    requests = read_requests(in, "<stdin>", o);
  } else {
    std::ifstream in(o.file);
    if (!in) throw bad_input{o.file + ": cannot be read: " + std::generic_category().message(errno)};
    requests = read_requests(in, o.file, o);
  }
  std::vector<Krona> amounts;
  for (const auto& r : requests) amounts.push_back(r.amount);
  try {
    const auto result =
        allocate_budget(budget, amounts, parse_allocation_strategy(o.strategy), settings);
    print(o, settings, budget, requests, result);
  } catch (const error& e) {
    throw bad_input{e.what()};
  }
}

}  // namespace

void add_allocate_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand(
      "allocate", "Share a budget among requests (one a line, or a CSV column): ranked, pro_rata "
                  "or equal_cap; prints each grant and why");
  auto o = std::make_shared<options>();
  command->add_option("--budget", o->budget, "The budget, e.g. \"4 000 000 kr\"")->required();
  command->add_option("--unit", o->unit, "Grants in whole multiples of this (default 1 öre)");
  command->add_option("--cap", o->cap, "The most one request may get");
  command->add_option("--strategy", o->strategy, "ranked, pro_rata or equal_cap")
      ->required()
      ->check(CLI::IsMember({"ranked", "pro_rata", "equal_cap"}));
  command->add_option("--column", o->column, "Read the requests from this CSV column");
  command->add_option("--delimiter", o->delimiter, "The CSV field delimiter (default ',')");
  command->add_option("file", o->file, "The requests; - for standard input")->required();
  add_format_option(command, o->format);
  command->callback([o, &context] {
    try {
      run(*o);
    } catch (const bad_input& e) {
      std::cerr << "anslag allocate: " << e.message << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
