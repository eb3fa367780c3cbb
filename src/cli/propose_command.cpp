// `anslag propose YEAR|FILE FUND --strategy NAME [--units FILE]`: what a strategy would have granted in one fund
// of a round (its budget, cap and per-förvaltning limit), beside the recorded decision.
#include "commands.hpp"
#include "table_output.hpp"

#include <anslag/allocate/proposal.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/krona/amount_text.hpp>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace anslag::cli {
namespace {

// The command line's arguments, before they become anslag::propose_options.
struct propose_arguments {
  std::string round;
  std::string fund;
  std::string strategy;
  std::string unit;
  std::string order;  // comma-separated application ids
  bool granted_only = false;
  output_format format = output_format::text;
  registry_arguments units;  // --units, --aliases
};

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> ids;
  std::stringstream in(text);
  std::string id;
  while (std::getline(in, id, ','))
    if (!id.empty()) ids.push_back(id);
  return ids;
}

std::string text(const std::optional<Krona>& k) { return k ? k->to_string() : "unknown"; }

void print(const proposal& p, output_format format) {
  const comparison c = p.compare();
  if (format == output_format::json) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
      const auto& g = p.grants[i];
      const auto& row = c.rows[i];
      rows.push_back({{"application", g.application},
                      {"forvaltning", g.forvaltning ? nlohmann::json(*g.forvaltning) : nlohmann::json(nullptr)},
                      {"requested", amount_json(g.requested)},
                      {"recorded", amount_json(row.recorded)},
                      {"proposed", amount_json(row.proposed)},
                      {"difference", amount_json(row.difference)},
                      {"reason", row.reason ? nlohmann::json(to_string(*row.reason)) : nlohmann::json(nullptr)}});
    }
    const nlohmann::json out = {
        {"year", p.year},
        {"fund", p.fund},
        {"strategy", to_string(p.strategy)},
        {"budget", amount_json(p.budget)},
        {"cap", amount_json(p.cap)},
        {"unit", amount_json(p.unit)},
        {"limit", p.limit ? nlohmann::json(*p.limit) : nlohmann::json(nullptr)},
        {"unlimited", p.unlimited},
        {"applications", rows},
        {"totals",
         {{"recorded", amount_json(c.recorded_total)},
          {"proposed", amount_json(c.proposed_total)},
          {"difference", amount_json(c.difference_total)},
          {"recorded_unknown", c.recorded_unknown},
          {"proposed_unknown", c.proposed_unknown}}}};
    std::cout << out.dump(2) << "\n";
    return;
  }
  table rows{{"application", "requested", "recorded", "proposed", "difference", "reason"}};
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const auto& row = c.rows[i];
    rows.push_back({row.application, text(p.grants[i].requested), text(row.recorded),
                    text(row.proposed), text(row.difference),
                    row.reason ? std::string(to_string(*row.reason)) : "no request"});
  }
  rows.push_back({"total", "", text(c.recorded_total), text(c.proposed_total), text(c.difference_total), ""});
  std::ostringstream heading;
  heading << p.year << " " << p.fund << ", strategy " << to_string(p.strategy) << ", budget "
          << p.budget.to_string() << ", cap " << (p.cap ? p.cap->to_string() : "none") << ", unit " << p.unit.to_string()
          << ", limit per förvaltning " << (p.limit ? std::to_string(*p.limit) : "none");
  std::ostringstream notes;
  if (c.recorded_unknown + c.proposed_unknown != 0)
    notes << "totals leave out " << c.recorded_unknown << " unknown recorded and "
          << c.proposed_unknown << " unknown proposed grants\n";
  for (const auto& id : p.unlimited)
    notes << id << ": förvaltning unknown, not counted by the per-förvaltning limit\n";
  if (format == output_format::markdown) {
    std::cout << heading.str() << ".\n\n";
    print_markdown_table(std::cout, rows, true);
    if (!notes.str().empty()) std::cout << "\n" << notes.str();
    return;
  }
  std::cout << heading.str() << "\n";
  print_text_table(std::cout, rows);
  std::cout << notes.str();
}

}  // namespace

void add_propose_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand(
      "propose", "What a strategy would have granted in a fund of a round, beside the decision");
  auto o = std::make_shared<propose_arguments>();
  command->add_option("round", o->round, "A bundled round's year (2020) or a round file")->required();
  command->add_option("fund", o->fund, "The fund's id in the round file")->required();
  command->add_option("--strategy", o->strategy, "ranked, pro_rata or equal_cap")
      ->required()
      ->check(CLI::IsMember({"ranked", "pro_rata", "equal_cap"}));
  command->add_option("--unit", o->unit, "Grants in whole multiples of this (default 1 öre)");
  command->add_option("--order", o->order, "Application ids to take first, comma-separated");
  command->add_flag("--granted-only", o->granted_only,
                    "Only the applications the decision granted in full or in part");
  add_format_option(command, o->format);
  add_units_option(command, o->units);
  command->callback([o, &context] {
    try {
      propose_options settings;
      if (!o->unit.empty()) settings.unit = parse_amount(o->unit);
      settings.order = split_ids(o->order);
      settings.include_rejected = !o->granted_only;
      const grant_round r = load_round_argument(o->round);
      const unit_registry units = load_units_argument(o->units);
      print(propose(r, o->fund, parse_allocation_strategy(o->strategy), units, settings), o->format);
    } catch (const error& e) {
      std::cerr << "anslag propose: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
