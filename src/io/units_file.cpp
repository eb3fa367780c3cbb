#include <anslag/io/units_file.hpp>

#include "toml_record.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace anslag {
namespace {

using detail::reader;
using detail::record;

constexpr std::int64_t supported_format = 1;

// The registry's wording: keys "quoted", errors at the value, dates told their years.
constexpr detail::wording units_wording{'"', true, true};

unit read_unit(const record& r) {
  unit u;
  u.id = r.text("id");
  u.name = r.text("name");
  const std::string kind = r.text("kind");
  const auto parsed = unit_kind_from_name(kind);
  if (!parsed) r.fail_at("kind", "unknown kind \"" + kind + "\" (district, administration, department)");
  u.kind = *parsed;
  u.valid_from = r.optional_day("valid_from");
  u.valid_until = r.optional_day("valid_until");
  u.successor = r.optional_text("successor");
  u.parent = r.optional_text("parent");
  for (auto& [alias, where] : r.texts("aliases")) u.aliases.push_back(std::move(alias));
  u.source = r.text("source");
  return u;
}

// [kinds]: a table per kind the file names ([kinds.district] ...), each with all three words; a
// kind it does not name keeps the generic words.
unit_kind_vocabulary read_kinds(const reader& in, const record& root) {
  unit_kind_vocabulary kinds;
  const toml::table* table = root.optional_subtable("kinds");
  if (!table) return kinds;
  const record named(in, *table, {"district", "administration", "department"}, " in [kinds]");
  for (const auto& [key, node] : *table) {
    const auto kind = *unit_kind_from_name(key.str());
    const std::string where = " in [kinds." + std::string(key.str()) + "]";  // outlives the record, which keeps a view
    const record words(in, named.subtable(key.str()), {"singular", "plural", "english"}, where);
    // An empty singular would begin every word of a document: every count would read as this kind.
    for (const char* field : {"singular", "plural", "english"})
      if (words.text(field).empty()) words.fail_at(field, "\"" + std::string(field) + "\" must not be empty");
    kinds.of(kind) = {words.text("singular"), words.text("plural"), words.text("english")};
  }
  return kinds;
}

unit_registry read_units(const reader& in, const toml::table& root_table) {
  const record root(in, root_table, {"format", "unit", "kinds"});
  const toml::node& format = root.required("format");
  const auto* version = format.as_integer();
  if (!version) root.fail_at("format", "\"format\" must be an integer");
  if (version->get() != supported_format)
    root.fail_at("format", "unsupported format " + std::to_string(version->get()) + " (this version reads format 1)");
  const toml::node& units_node = root.required("unit");
  const auto* array = units_node.as_array();
  if (!array || !array->is_array_of_tables())
    root.fail_at("unit", "\"unit\" must be an array of tables ([[unit]])");
  std::vector<unit> units;
  std::vector<record> records;
  for (const auto& element : *array) {
    records.push_back(record(in, *element.as_table(),
                             {"id", "name", "kind", "valid_from", "valid_until", "successor", "parent", "aliases",
                              "source"},
                             " in [[unit]]"));
    units.push_back(read_unit(records.back()));
  }
  if (const auto problem = find_registry_problem(units)) records[problem->unit].fail_at(problem->field, problem->message);
  return unit_registry(std::move(units), read_kinds(in, root));
}

// The TOML document of a registry or aliases file; a syntax error names its place.
toml::table parsed(const reader& in, std::string_view toml_text) {
  try {
    return toml::parse(toml_text, in.file());
  } catch (const toml::parse_error& e) {
    in.fail(e.source(), "TOML syntax: " + std::string(e.description()));
  }
}

}  // namespace

unit_registry parse_units(std::string_view toml_text, const std::string& file_name) {
  const reader in(file_name, units_wording);
  return read_units(in, parsed(in, toml_text));
}

unit_registry load_units(const std::filesystem::path& path) {
  // The registry is bundled data, but a path may name anything: bounded like a round file.
  return parse_units(detail::read_file(path, true), path.string());
}

unit_registry parse_aliases(const unit_registry& registry, std::string_view toml_text, const std::string& file_name) {
  const reader in(file_name, units_wording);
  const toml::table root_table = parsed(in, toml_text);
  const record root(in, root_table, {"aliases"});
  std::vector<unit> units(registry.units().begin(), registry.units().end());
  // Where each unit's last added spelling stands, for a registry problem it makes.
  std::vector<const toml::node*> added_at(units.size(), nullptr);
  if (const toml::table* aliases = root.optional_subtable("aliases")) {
    for (const auto& [spelling, node] : *aliases) {
      const std::string named = "alias \"" + std::string(spelling.str()) + "\"";
      const auto* id = node.as_string();
      if (!id) in.fail(node.source(), named + " must name a unit's id, as a string");
      const unit* target = registry.find(id->get());
      if (!target) in.fail(node.source(), named + " names no unit (\"" + id->get() + "\")");
      // A spelling the registry already gives another unit would make a name mean two units.
      try {
        const unit& already = registry.resolve(spelling.str());
        if (already.id != target->id) in.fail(node.source(), named + " is already a spelling of unit \"" + already.id + "\"");
      } catch (const unknown_unit_error&) {
      } catch (const ambiguous_unit_error&) {
        in.fail(node.source(), named + " is already a spelling of more than one unit");
      }
      const auto index = static_cast<std::size_t>(target - registry.units().data());
      units[index].aliases.emplace_back(spelling.str());
      added_at[index] = &node;
    }
  }
  // Two aliases of the file that spell two units alike, or one that normalises to nothing.
  if (const auto problem = find_registry_problem(units)) {
    if (const toml::node* at = added_at[problem->unit]) in.fail(at->source(), problem->message);
    in.fail(root_table.source(), problem->message);
  }
  return unit_registry(std::move(units), registry.kinds());
}

unit_registry with_aliases(const unit_registry& registry, const std::filesystem::path& path) {
  return parse_aliases(registry, detail::read_file(path, true), path.string());
}

}  // namespace anslag
