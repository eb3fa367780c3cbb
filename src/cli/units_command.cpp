// `anslag units resolve NAME [--on DATE] [--units FILE]` and `anslag units list [--on DATE] [--units FILE]`:
// the unit registry (the bundled data/units.toml, or the file --units names) from the command line.
#include "commands.hpp"
#include "table_output.hpp"

#include <anslag/detail/text.hpp>

#include <anslag/model/unit.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace anslag::cli {
namespace {

using json = nlohmann::ordered_json;
using row = std::vector<std::pair<std::string, std::string>>;

struct units_options {
  std::string name;
  std::string on;
  output_format format = output_format::text;
  registry_arguments units;  // --units, --aliases
};

json optional_text(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

json optional_day(const std::optional<calendar_date>& day) {
  return day ? json(day->to_string()) : json(nullptr);
}

std::optional<std::string> successor_name(const unit_registry& registry, const unit& u) {
  if (!u.successor) return std::nullopt;
  return registry.find(*u.successor)->name;
}

// What the day does to a unit, in words: valid, carried on by its successor, or neither.
std::string on_day(const unit_registry& registry, const unit& u, calendar_date day) {
  if (u.valid_on(day)) return "valid";
  const unit* carrier = registry.successor_on(u, day);
  return carrier ? "not valid; carried on by " + carrier->name : "not valid; no unit carries it on";
}

json describe(const unit_registry& registry, const unit& u, std::optional<calendar_date> on) {
  json out{{"id", u.id},
           {"name", u.name},
           {"kind", std::string(to_string(u.kind))},
           {"forvaltning", registry.forvaltning(u).name},
           {"valid_from", optional_day(u.valid_from)},
           {"valid_until", optional_day(u.valid_until)},
           {"successor", optional_text(successor_name(registry, u))},
           {"aliases", u.aliases},
           {"source", u.source}};
  if (on) {
    const unit* carrier = registry.successor_on(u, *on);
    out["on"] = json{{"date", on->to_string()},
                     {"valid", u.valid_on(*on)},
                     {"successor_on", carrier ? json(carrier->name) : json(nullptr)}};
  }
  return out;
}

std::string validity(const unit& u) {
  return (u.valid_from ? u.valid_from->to_string() : "before the registry's horizon") + " – " +
         (u.valid_until ? u.valid_until->to_string() : "still exists");
}

row resolve_rows(const unit_registry& registry, const unit& u, std::optional<calendar_date> on) {
  const std::string aliases = detail::joined(u.aliases);
  row rows{{"name", u.name},
           {"id", u.id},
           {"kind", std::string(to_string(u.kind))},
           {"förvaltning", registry.forvaltning(u).name},
           {"valid", validity(u)},
           {"successor", successor_name(registry, u).value_or("none")},
           {"aliases", aliases.empty() ? "none" : aliases},
           {"source", u.source}};
  if (on) rows.emplace_back("on " + on->to_string(), on_day(registry, u, *on));
  return rows;
}

// Names and dates: left-aligned, every cell escaped (a registry file is the user's).
void print_table(const table& rows, output_format format) {
  if (format == output_format::markdown) {
    print_markdown_table(std::cout, rows, false, alignment::words);
  } else {
    print_text_table(std::cout, rows, alignment::words);
  }
}

void print_resolved(const unit_registry& registry, const unit& u, std::optional<calendar_date> on,
                    output_format format) {
  if (format == output_format::json) {
    std::cout << describe(registry, u, on).dump(2) << "\n";
    return;
  }
  // Markdown needs a header row; the text is the fields beside their values.
  table rows;
  if (format == output_format::markdown) rows.push_back({"field", "value"});
  for (const auto& [field, value] : resolve_rows(registry, u, on)) rows.push_back({field, value});
  print_table(rows, format);
}

void print_list(const unit_registry& registry, std::optional<calendar_date> on, output_format format) {
  std::vector<const unit*> units;
  if (on) {
    units = registry.units_on(*on);
  } else {
    for (const auto& u : registry.units()) units.push_back(&u);
  }
  if (format == output_format::json) {
    json out = json::array();
    for (const unit* u : units) out.push_back(describe(registry, *u, std::nullopt));
    std::cout << out.dump(2) << "\n";
    return;
  }
  table rows{{"name", "id", "kind", "förvaltning", "valid", "successor"}};
  for (const unit* u : units)
    rows.push_back({u->name, u->id, std::string(to_string(u->kind)), registry.forvaltning(*u).name,
                    validity(*u), successor_name(registry, *u).value_or("")});
  print_table(rows, format);
}

// A failed resolution: the message on standard error; in JSON also the names (`key`:
// suggestions or candidates) on standard output, so that a script need not parse the message.
void report_unresolved(const error& e, const char* kind, const char* key,
                       const std::vector<std::string>& names, output_format format) {
  std::cerr << "anslag units: " << escape_controls(e.what()) << "\n";
  if (format == output_format::json)
    std::cout << json{{"error", kind}, {"message", e.what()}, {key, names}}.dump(2) << "\n";
}

// Runs `body` with the registry (--units, else the bundled one) and the parsed --on day; bad input is exit 2.
template <typename Body>
void with_registry(const units_options& options, context& context, Body body) {
  try {
    const unit_registry registry = load_units_argument(options.units);
    std::optional<calendar_date> on;
    if (!options.on.empty()) on = calendar_date::parse(options.on);
    body(registry, on);
  } catch (const unknown_unit_error& e) {
    report_unresolved(e, "unknown_unit", "suggestions", e.suggestions(), options.format);
    context.exit_code = 2;
  } catch (const ambiguous_unit_error& e) {
    report_unresolved(e, "ambiguous_unit", "candidates", e.candidates(), options.format);
    context.exit_code = 2;
  } catch (const parse_error& e) {
    std::cerr << "anslag units: --on \"" << escape_controls(options.on) << "\": " << escape_controls(e.what()) << "\n";
    context.exit_code = 2;
  } catch (const error& e) {
    std::cerr << "anslag units: " << escape_controls(e.what()) << "\n";
    context.exit_code = 2;
  }
}

}  // namespace

void add_units_command(CLI::App& app, context& context) {
  auto* units = app.add_subcommand("units", "The dated unit registry: resolve spellings, list units");
  units->require_subcommand(1);
  auto options = std::make_shared<units_options>();

  auto* resolve = units->add_subcommand(
      "resolve", "Resolve a unit as a document spells it; exit 2 with suggestions if it names none");
  resolve->add_option("name", options->name, "The unit as a document writes it")->required();
  resolve->add_option("--on", options->on, "A day (YYYY-MM-DD): was the unit valid, what carried it on");
  add_format_option(resolve, options->format);
  add_units_option(resolve, options->units);
  resolve->callback([options, &context] {
    with_registry(*options, context, [&](const unit_registry& registry, std::optional<calendar_date> on) {
      print_resolved(registry, registry.resolve(options->name), on, options->format);
    });
  });

  auto* list = units->add_subcommand("list", "List the units, or those valid on a day");
  list->add_option("--on", options->on, "Only the units valid on this day (YYYY-MM-DD)");
  add_format_option(list, options->format);
  add_units_option(list, options->units);
  list->callback([options, &context] {
    with_registry(*options, context, [&](const unit_registry& registry, std::optional<calendar_date> on) {
      print_list(registry, on, options->format);
    });
  });
}

}  // namespace anslag::cli
