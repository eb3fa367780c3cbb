#include <anslag/io/units_file.hpp>

#include "toml.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace anslag {
namespace {

constexpr std::int64_t supported_format = 1;

class reader {
 public:
  explicit reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& detail) const {
    throw round_file_error(file_, where.begin.line, where.begin.column, detail);
  }

  // Refuses any key of `table` not in `known`, naming the key's position.
  void only_keys(const toml::table& table, std::initializer_list<std::string_view> known,
                 std::string_view where) const {
    for (auto&& [key, value] : table)
      if (std::find(known.begin(), known.end(), key.str()) == known.end())
        fail(key.source(), "unknown key \"" + std::string(key.str()) + "\"" + std::string(where));
  }

  const toml::node& required(const toml::table& table, std::string_view key,
                             std::string_view where) const {
    const toml::node* node = table.get(key);
    if (!node) fail(table.source(), "missing key \"" + std::string(key) + "\"" + std::string(where));
    return *node;
  }

  std::string string(const toml::node& node, std::string_view key) const {
    if (const auto* value = node.as_string()) return value->get();
    fail(node.source(), "\"" + std::string(key) + "\" must be a string");
  }

  std::optional<std::string> optional_string(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    return string(*node, key);
  }

  std::optional<date> optional_date(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    const auto* value = node->as_date();
    if (!value) fail(node->source(), "\"" + std::string(key) + "\" must be a date (YYYY-MM-DD, unquoted)");
    const toml::date d = value->get();
    try {
      return date(d.year, d.month, d.day);
    } catch (const invalid_argument_error&) {
      fail(node->source(), "\"" + std::string(key) + "\" is no date of the calendar (years 1 to 9999)");
    }
  }

  std::vector<std::string> string_array(const toml::table& table, std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (!node) return out;
    const std::string wrong = "\"" + std::string(key) + "\" must be an array of strings";
    const auto* array = node->as_array();
    if (!array) fail(node->source(), wrong);
    for (const auto& element : *array) {
      const auto* value = element.as_string();
      if (!value) fail(element.source(), wrong);
      out.push_back(value->get());
    }
    return out;
  }

  unit read_unit(const toml::table& table) const {
    constexpr std::string_view where = " in [[unit]]";
    only_keys(table,
              {"id", "name", "kind", "valid_from", "valid_until", "successor", "parent", "aliases",
               "source"},
              where);
    unit u;
    u.id = string(required(table, "id", where), "id");
    u.name = string(required(table, "name", where), "name");
    const toml::node& kind = required(table, "kind", where);
    const auto parsed = parse_unit_kind(string(kind, "kind"));
    if (!parsed)
      fail(kind.source(), "unknown kind \"" + string(kind, "kind") +
                              "\" (district, administration, department)");
    u.kind = *parsed;
    u.valid_from = optional_date(table, "valid_from");
    u.valid_until = optional_date(table, "valid_until");
    u.successor = optional_string(table, "successor");
    u.parent = optional_string(table, "parent");
    u.aliases = string_array(table, "aliases");
    u.source = string(required(table, "source", where), "source");
    return u;
  }

  unit_registry read(const toml::table& root) const {
    only_keys(root, {"format", "unit"}, "");
    const toml::node& format = required(root, "format", "");
    const auto* version = format.as_integer();
    if (!version) fail(format.source(), "\"format\" must be an integer");
    if (version->get() != supported_format)
      fail(format.source(), "unsupported format " + std::to_string(version->get()) +
                                " (this version reads format 1)");
    const toml::node& units_node = required(root, "unit", "");
    const auto* array = units_node.as_array();
    if (!array || !array->is_array_of_tables())
      fail(units_node.source(), "\"unit\" must be an array of tables ([[unit]])");
    std::vector<unit> units;
    std::vector<const toml::table*> tables;
    for (const auto& element : *array) {
      tables.push_back(element.as_table());
      units.push_back(read_unit(*tables.back()));
    }
    if (const auto problem = find_registry_problem(units)) {
      const toml::table& table = *tables[problem->unit];
      const toml::node* field = table.get(problem->field);
      fail(field ? field->source() : table.source(), problem->message);
    }
    return unit_registry(std::move(units));
  }

 private:
  std::string file_;
};

}  // namespace

unit_registry parse_units(std::string_view toml_text, const std::string& file_name) {
  const reader r(file_name);
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& e) {
    r.fail(e.source(), "TOML syntax: " + std::string(e.description()));
  }
  return r.read(root);
}

unit_registry load_units(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw round_file_error(path.string(), 0, 0, "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_units(text.str(), path.string());
}

}  // namespace anslag
