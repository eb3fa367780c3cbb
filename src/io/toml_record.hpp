// Typed reading of TOML tables for the loaders of src/io (round files, the unit registry): one
// table is one record of a format, and every failure is a round_file_error naming the file and
// the position of the key or value at fault.
#pragma once

#include <anslag/error.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/krona/amount_text.hpp>
#include <anslag/model/date.hpp>
#include <anslag/detail/text.hpp>

#include "regular_file.hpp"
#include "toml.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <system_error>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anslag::detail {

// How a format's errors are worded and placed. Round files quote keys 'so' and point at the key;
// the unit registry quotes "so" and points at the value. Each keeps its own: tests and users
// match the exact messages.
struct wording {
  char quote = '\'';
  bool at_value = false;     // an error about a key's value stands at the value, else at the key
  bool names_years = false;  // a date not of the calendar is told which years are
  bool suggests_keys = false;  // an unknown key is told the key it may have meant
};

// What an unknown key may have meant: the keys a newcomer reaches for, then an allowed key at
// most two edits away ("budgett" → 'budget'); "" when nothing is near.
inline std::string key_hint(std::string_view key, std::span<const std::string_view> allowed) {
  if (key == "cap") return " (a fund's cap is the amount of a cap_per_application rule)";
  if (key == "limit" || key == "max_granted_per_unit")
    return " (the most grants per förvaltning is the count of a max_granted_per_unit rule)";
  if (key.size() < 3) return "";
  for (std::string_view candidate : allowed)
    if (edit_distance(key, candidate) <= 2) return " (did you mean '" + std::string(candidate) + "'?)";
  return "";
}

// The reader of one file: every failure goes through fail(), which names the file and the
// position of the node it is given.
class reader {
 public:
  explicit reader(std::string file, wording words = {}) : file_(std::move(file)), words_(words) {}

  [[noreturn]] void fail(const toml::source_region& at, const std::string& detail) const {
    throw round_file_error(file_, at.begin.line, at.begin.column, detail);
  }

  const std::string& file() const noexcept { return file_; }
  const wording& words() const noexcept { return words_; }
  std::string quoted(std::string_view key) const { return words_.quote + std::string(key) + words_.quote; }

 private:
  std::string file_;
  wording words_;
};

// One TOML table read as one record of the format: the keys it may hold are declared up front
// (any other is an error, reported before anything else of the table), and each accessor checks
// the type of its key and reports errors at the key's position (or its value's, as the format
// words it). `where` follows the key in the messages of unknown and missing keys (" in [[unit]]").
class record {
 public:
  record(const reader& r, const toml::table& table, std::initializer_list<std::string_view> allowed,
         std::string_view where = {})
      : record(r, table, std::span(allowed.begin(), allowed.size()), where) {}
  // The keys as a list the format keeps apart, for a second reader of the same table
  // (plain_applications.hpp's application_keys).
  record(const reader& r, const toml::table& table, std::span<const std::string_view> allowed,
         std::string_view where = {})
      : reader_(r), table_(table), where_(where) {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
        reader_.fail(key.source(), "unknown key " + reader_.quoted(key.str()) + std::string(where_) +
                                       (reader_.words().suggests_keys ? key_hint(key.str(), allowed) : ""));
    }
  }

  [[noreturn]] void fail_at(std::string_view key, const std::string& detail) const {
    reader_.fail(place(key), detail);
  }
  [[noreturn]] void fail_here(const std::string& detail) const {
    reader_.fail(table_.source(), detail);
  }

  bool has(std::string_view key) const { return table_.contains(key); }

  const toml::node& required(std::string_view key) const {
    const toml::node* node = table_.get(key);
    if (!node) fail_here("missing key " + reader_.quoted(key) + std::string(where_));
    return *node;
  }

  std::string text(std::string_view key) const { return as_text(key, required(key)); }
  std::optional<std::string> optional_text(std::string_view key) const {
    if (const toml::node* node = table_.get(key)) return as_text(key, *node);
    return std::nullopt;
  }
  // Integers are read whole (int64); their ranges are the model's to check (anslag::validate).
  std::int64_t integer(std::string_view key) const { return as_integer(key, required(key)); }
  std::optional<std::int64_t> optional_integer(std::string_view key) const {
    if (const toml::node* node = table_.get(key)) return as_integer(key, *node);
    return std::nullopt;
  }

  std::optional<bool> optional_boolean(std::string_view key) const {
    const toml::node* node = table_.get(key);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) fail_at(key, reader_.quoted(key) + " must be a boolean");
    return node->as_boolean()->get();
  }

  calendar_date day(std::string_view key) const { return as_date(key, required(key)); }
  std::optional<calendar_date> optional_day(std::string_view key) const {
    if (const toml::node* node = table_.get(key)) return as_date(key, *node);
    return std::nullopt;
  }

  Krona amount(std::string_view key) const { return as_amount(key, required(key)); }
  std::optional<Krona> optional_amount(std::string_view key) const {
    if (const toml::node* node = table_.get(key)) return as_amount(key, *node);
    return std::nullopt;
  }

  // An array of strings, each with its position (for errors about one element).
  std::vector<std::pair<std::string, toml::source_region>> texts(std::string_view key) const {
    std::vector<std::pair<std::string, toml::source_region>> values;
    const toml::node* node = table_.get(key);
    if (!node) return values;
    const toml::array* array = node->as_array();
    if (!array) fail_at(key, reader_.quoted(key) + " must be an array of strings");
    for (const auto& element : *array) {
      if (!element.is_string()) reader_.fail(element.source(), reader_.quoted(key) + " must be an array of strings");
      values.emplace_back(element.as_string()->get(), element.source());
    }
    return values;
  }

  const toml::table& subtable(std::string_view key) const {
    const toml::node& node = required(key);
    if (!node.is_table()) fail_at(key, reader_.quoted(key) + " must be a table");
    return *node.as_table();
  }
  const toml::table* optional_subtable(std::string_view key) const {
    if (!has(key)) return nullptr;
    return &subtable(key);
  }

  std::vector<const toml::table*> tables(std::string_view key) const {
    std::vector<const toml::table*> values;
    const toml::node* node = table_.get(key);
    if (!node) return values;
    const toml::array* array = node->as_array();
    if (!array) fail_at(key, reader_.quoted(key) + " must be an array of tables");
    for (const auto& element : *array) {
      if (!element.is_table()) reader_.fail(element.source(), reader_.quoted(key) + " must be an array of tables");
      values.push_back(element.as_table());
    }
    return values;
  }

  // Where an error about `key` stands: its key, or its value where the format says so; the
  // table's header when the key is absent.
  toml::source_region place(std::string_view key) const {
    const auto it = table_.find(key);
    if (it == table_.end()) return table_.source();
    return reader_.words().at_value ? it->second.source() : it->first.source();
  }

  const reader& owner() const noexcept { return reader_; }

 private:
  std::string as_text(std::string_view key, const toml::node& node) const {
    if (!node.is_string()) fail_at(key, reader_.quoted(key) + " must be a string");
    return node.as_string()->get();
  }
  std::int64_t as_integer(std::string_view key, const toml::node& node) const {
    if (!node.is_integer()) fail_at(key, reader_.quoted(key) + " must be an integer");
    return node.as_integer()->get();
  }
  calendar_date as_date(std::string_view key, const toml::node& node) const {
    if (!node.is_date()) fail_at(key, reader_.quoted(key) + " must be a date (YYYY-MM-DD, unquoted)");
    const toml::date d = node.as_date()->get();
    try {
      return calendar_date(d.year, d.month, d.day);
    } catch (const invalid_argument_error&) {
      if (reader_.words().names_years)
        fail_at(key, reader_.quoted(key) + " is no date of the calendar (years 1 to 9999)");
      fail_at(key, reader_.quoted(key) + " is not a date of the calendar");
    }
  }
  Krona as_amount(std::string_view key, const toml::node& node) const {
    if (!node.is_string())
      fail_at(key, reader_.quoted(key) + " must be an amount string such as \"626 000 kr\"");
    if (node.as_string()->get().find_first_not_of(" \t") == std::string::npos)
      fail_at(key, reader_.quoted(key) + " is empty: leave the key out when the document prints no amount");
    try {
      return parse_amount(node.as_string()->get());
    } catch (const error& e) {
      fail_at(key, "bad amount for " + reader_.quoted(key) + ": " + e.what());
    }
  }

  const reader& reader_;
  const toml::table& table_;
  std::string_view where_;
};

// The most a file the loaders read may hold: 16 MiB (docs/reliability.md, "The size limit").
inline constexpr std::size_t max_file_bytes = max_round_file_bytes;

// The text of a round or unit file: a regular file (regular_file.hpp), within max_file_bytes
// when `bounded`. An error says why, as the system words it: "cannot read the file: No such file
// or directory" (line and column 0).
inline std::string read_file(const std::filesystem::path& path, bool bounded) {
  auto text = read_regular_file(path, bounded ? max_file_bytes : static_cast<std::size_t>(-1));
  if (!text) throw round_file_error(path.string(), 0, 0, "file larger than 16 MiB");
  return std::move(*text);
}

}  // namespace anslag::detail
