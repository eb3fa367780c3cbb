// `anslag rules YEAR|FILE` (the catalogue of a round's rules; its Markdown is docs/rules.md) and
// `anslag evaluate YEAR|FILE APPLICATION_ID [--units FILE]` (the verdicts on one application).
#include "commands.hpp"

#include <anslag/detail/text.hpp>

#include <anslag/error.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/rules/evaluate.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace anslag::cli {
namespace {

using json = nlohmann::ordered_json;

std::string source_text(const source_ref& source) {
  std::string text = escape_controls(source.document);
  if (source.line > 0) text += ", line " + std::to_string(source.line);
  if (!source.section.empty()) text += ", " + escape_controls(source.section);
  return text;
}

std::string parameters_text(const std::map<std::string, std::string>& parameters) {
  std::string text;
  for (const auto& [name, value] : parameters) {
    if (!text.empty()) text += "; ";
    text += name + " " + value;
  }
  return text;
}

std::string list_text(const std::vector<std::string>& items, const std::string& empty) {
  return items.empty() ? empty : escape_controls(detail::joined(items));
}

// A Markdown block quote: every line of the text behind "> ".
// A quote's lines, each through the one escape: a quote's own line breaks stay line breaks.
std::string shown_lines(const std::string& text, const std::string& between) {
  std::string shown;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    shown += escape_controls(std::string_view(text).substr(start, end - start)) + between;
  return shown + escape_controls(std::string_view(text).substr(start));
}

std::string quote_block(const std::string& text) {
  return "> " + shown_lines(text, "\n> ") + "\n";
}

json source_json(const source_ref& source) {
  return {{"document", source.document}, {"line", source.line}, {"section", source.section}};
}

json optional_json(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

std::string basis(const rule& r) {
  return r.stated ? "stated in the document" : "shown by the decisions";
}

void print_rules(const grant_round& r, output_format format) {
  if (format == output_format::json) {
    json rules = json::array();
    for (const auto& rl : r.rules)
      rules.push_back({{"id", rl.id},
                       {"kind", to_string(rl.kind)},
                       {"funds", rl.funds},
                       {"stated", rl.stated},
                       {"summary", rl.summary},
                       {"parameters", rule_parameters(rl)},
                       {"quote", rl.quote},
                       {"source", source_json(rl.source)},
                       {"not_encoded", optional_json(rl.not_encoded)},
                       {"overrides", optional_json(rl.overrides)}});
    std::cout << json{{"year", r.year}, {"rules", rules}}.dump(2) << "\n";
    return;
  }
  const std::string dated = r.document.dated.to_string();
  if (format == output_format::markdown) {
    std::cout << "## " << r.year << ": " << escape_controls(r.document.title) << " (" << dated << ")\n\n"
              << "From `" << escape_controls(r.document.seed) << "`; " << r.rules.size() << " rules.\n";
    for (const auto& rl : r.rules) {
      std::cout << "\n### `" << escape_controls(rl.id) << "`\n\n" << escape_controls(rl.summary) << "\n\n"
                << "- kind: `" << to_string(rl.kind) << "`\n"
                << "- funds: " << list_text(rl.funds, "all") << "\n"
                << "- basis: " << basis(rl) << "\n";
      if (const auto parameters = rule_parameters(rl); !parameters.empty())
        std::cout << "- parameters: " << parameters_text(parameters) << "\n";
      std::cout << "- source: " << source_text(rl.source) << "\n";
      if (rl.not_encoded) std::cout << "- not evaluated per application: " << escape_controls(*rl.not_encoded) << "\n";
      if (rl.overrides) std::cout << "- overrides: `" << escape_controls(*rl.overrides) << "`\n";
      std::cout << "\n" << quote_block(rl.quote);
    }
    return;
  }
  std::cout << "Rules of the " << r.year << " round (" << escape_controls(r.document.title) << ", " << dated
            << "): " << r.rules.size() << "\n";
  for (const auto& rl : r.rules) {
    std::cout << "\n" << escape_controls(rl.id) << "  " << to_string(rl.kind) << "  funds: "
              << list_text(rl.funds, "all") << "  (" << basis(rl) << ")\n"
              << "  " << escape_controls(rl.summary) << "\n";
    if (const auto parameters = rule_parameters(rl); !parameters.empty())
      std::cout << "  parameters: " << parameters_text(parameters) << "\n";
    if (rl.not_encoded) std::cout << "  not evaluated per application: " << escape_controls(*rl.not_encoded) << "\n";
    if (rl.overrides) std::cout << "  overrides: " << escape_controls(*rl.overrides) << "\n";
    std::cout << "  ”" << shown_lines(rl.quote, "\n") << "”\n  source: " << source_text(rl.source) << "\n";
  }
}

void print_evaluation(const application& a, const evaluation& e, output_format format) {
  const std::string unit = e.unit.value_or("unknown");
  if (format == output_format::json) {
    json verdicts = json::array();
    for (const auto& v : e.verdicts)
      verdicts.push_back({{"rule", v.rule},
                          {"kind", to_string(v.kind)},
                          {"required", v.required},
                          {"state", to_string(v.state)},
                          {"missing", v.missing},
                          {"parameters", v.parameters},
                          {"explanation_sv", v.explanation_sv},
                          {"explanation_en", v.explanation_en},
                          {"quote", v.quote},
                          {"source", source_json(v.source)}});
    json skipped = json::array();
    for (const auto& n : e.not_evaluated)
      skipped.push_back({{"rule", n.rule}, {"kind", to_string(n.kind)}, {"reason", n.reason}});
    std::cout << json{{"application", e.application},
                      {"fund", e.fund},
                      {"unit", optional_json(e.unit)},
                      {"result", to_string(e.result)},
                      {"verdicts", verdicts},
                      {"not_evaluated", skipped}}
                     .dump(2)
              << "\n";
    return;
  }
  const bool markdown = format == output_format::markdown;
  if (markdown)
    std::cout << "## " << escape_controls(e.application) << ": " << to_string(e.result) << "\n\n"
              << escape_controls(e.fund) << " · " << escape_controls(a.applicant) << " · unit `" << escape_controls(unit)
              << "`\n";
  else
    std::cout << escape_controls(e.application) << "  " << escape_controls(e.fund) << "  " << escape_controls(a.applicant)
              << "  (unit: " << escape_controls(unit)
              << ")\nresult: " << to_string(e.result) << "\n";
  for (const auto& v : e.verdicts) {
    const std::string required = v.required ? "" : " (not required)";
    const std::string indent = markdown ? "- " : "  ";
    if (markdown)
      std::cout << "\n### `" << escape_controls(v.rule) << "`: " << to_string(v.state) << required << "\n\n"
                << "- kind: `" << to_string(v.kind) << "`\n";
    else
      std::cout << "\n" << to_string(v.state) << "  " << escape_controls(v.rule) << " (" << to_string(v.kind) << ")"
                << required << "\n";
    if (!v.parameters.empty()) std::cout << indent << "parameters: " << parameters_text(v.parameters) << "\n";
    if (!v.missing.empty()) std::cout << indent << "missing: " << list_text(v.missing, "") << "\n";
    std::cout << indent << "sv: " << escape_controls(v.explanation_sv) << "\n"
              << indent << "en: " << escape_controls(v.explanation_en) << "\n"
              << indent << "source: " << source_text(v.source) << "\n";
    if (markdown)
      std::cout << "\n" << quote_block(v.quote);
    else
      std::cout << "  ”" << shown_lines(v.quote, "\n") << "”\n";
  }
  if (e.not_evaluated.empty()) return;
  std::cout << (markdown ? "\n### Not evaluated\n\n" : "\nnot evaluated:\n");
  for (const auto& n : e.not_evaluated)
    std::cout << (markdown ? "- `" + escape_controls(n.rule) + "`" : "  " + escape_controls(n.rule)) << " ("
              << to_string(n.kind) << "): " << escape_controls(n.reason) << "\n";
}

// How the round's ids look: the first application of each fund.
std::string id_examples(const grant_round& r) {
  std::vector<std::string> examples;
  for (const auto& f : r.funds)
    for (const auto& a : r.applications)
      if (a.fund == f.id) {
        examples.push_back(a.id);
        break;
      }
  return list_text(examples, "(the round has no applications)");
}

}  // namespace

void add_rules_commands(CLI::App& app, context& context) {
  struct options {
    std::string round;
    std::string application;
    output_format format = output_format::text;
    registry_arguments units;  // evaluate: --units, --aliases
  };

  auto* rules = app.add_subcommand("rules", "List a round's rules with their quotes and sources");
  auto rules_options = std::make_shared<options>();
  rules->add_option("round", rules_options->round, "A bundled year (2020) or a round file")->required();
  add_format_option(rules, rules_options->format);
  rules->callback([rules_options, &context] {
    try {
      print_rules(load_round_argument(rules_options->round), rules_options->format);
    } catch (const error& e) {
      std::cerr << "anslag rules: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });

  auto* evaluate_command =
      app.add_subcommand("evaluate", "Evaluate one application against its round's rules");
  auto evaluate_options = std::make_shared<options>();
  evaluate_command->add_option("round", evaluate_options->round, "A bundled year (2020) or a round file")
      ->required();
  evaluate_command->add_option("application", evaluate_options->application, "An application id")
      ->required();
  add_format_option(evaluate_command, evaluate_options->format);
  add_units_option(evaluate_command, evaluate_options->units);
  evaluate_command->callback([evaluate_options, &context] {
    try {
      const grant_round r = load_round_argument(evaluate_options->round);
      const auto* a = r.find_application(evaluate_options->application);
      if (!a) {
        std::cerr << "anslag evaluate: no application \"" << evaluate_options->application
                  << "\" in the round; ids look like " << id_examples(r) << "\n";
        context.exit_code = 2;
        return;
      }
      const unit_registry registry = load_units_argument(evaluate_options->units);
      print_evaluation(*a, evaluate(r, *a, registry), evaluate_options->format);
    } catch (const error& e) {
      std::cerr << "anslag evaluate: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
