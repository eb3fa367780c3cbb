// The drafter's vocabulary read from TOML: the bundled file compiled in (cmake/vocabulary.cpp.in)
// and a user's file added to it.
#include <anslag/error.hpp>
#include <anslag/ingest/vocabulary.hpp>

#include "../../io/toml.hpp"
#include "words.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

namespace anslag {
namespace detail {
extern const std::string_view bundled_vocabulary_text;
}  // namespace detail

namespace {

constexpr std::string_view roles[] = {"applicant", "project", "requested", "decision", "granted", "reason", "purpose"};

[[noreturn]] void fail(const std::string& file, const toml::source_region& at, const std::string& detail) {
  throw round_file_error(file, at.begin.line, at.begin.column, detail);
}

// The text of `key`, which a phrase's entry must give as a non-empty string ("example" may be left out).
std::string text_of(const std::string& file, const toml::node& entry, std::string_view key, bool required) {
  const toml::node* node = entry.is_table() ? entry.as_table()->get(key) : nullptr;
  if (!node && !required && entry.is_table()) return {};
  const auto* value = node ? node->as_string() : nullptr;
  if (!value || value->get().empty())
    fail(file, node ? node->source() : entry.source(), "a phrase must be a non-empty string ('" + std::string(key) + "')");
  return value->get();
}

toml::table parsed(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    fail(file, e.source(), "not a vocabulary file: " + std::string(e.description()));
  }
}

// The [[count]] entries: the words `anslag check` ties a count to.
std::vector<detail::count_phrase> count_phrases(const toml::table& root, const std::string& file) {
  using detail::count_phrase;
  std::vector<count_phrase> out;
  if (const auto* list = root["count"].as_array()) {
    for (const auto& entry : *list) {
      count_phrase c;
      c.phrase = text_of(file, entry, "phrase", true);
      const std::string counts = text_of(file, entry, "counts", true);
      if (counts == "applications") c.counts = count_phrase::kind::applications;
      else if (counts == "applicants") c.counts = count_phrase::kind::applicants;
      else if (counts == "bound") c.counts = count_phrase::kind::bound;
      else fail(file, entry.as_table()->get("counts")->source(), "unknown count '" + counts + "' (applications, applicants, bound)");
      out.push_back(std::move(c));
    }
  }
  return out;
}

// Adds the phrases of the TOML `text` (named `file` in errors) to `words`.
void add_phrases(vocabulary& words, std::string_view text, const std::string& file) {
  const toml::table root = parsed(text, file);
  // A file's [[count]] entries are held to the same form as the bundled file's, so that a
  // vocabulary written from sv.toml is refused where it is wrong; check reads the bundled ones.
  count_phrases(root, file);
  if (const auto* list = root["decision"].as_array()) {
    for (const auto& entry : *list) {
      decision_phrase d;
      d.phrase = text_of(file, entry, "phrase", true);
      const std::string outcome = text_of(file, entry, "decision", true);
      const auto parsed = decision_from_name(outcome);
      if (!parsed)
        fail(file, entry.as_table()->get("decision")->source(), "unknown decision '" + outcome + "' (granted, partly_granted, rejected)");
      d.outcome = *parsed;
      d.example = text_of(file, entry, "example", false);
      words.decisions.push_back(std::move(d));
    }
  }
  if (const auto* list = root["column"].as_array()) {
    for (const auto& entry : *list) {
      column_phrase c;
      c.phrase = text_of(file, entry, "phrase", true);
      c.role = text_of(file, entry, "role", true);
      if (std::find(std::begin(roles), std::end(roles), c.role) == std::end(roles))
        fail(file, entry.as_table()->get("role")->source(),
             "unknown column role '" + c.role + "' (applicant, project, requested, decision, granted, reason, purpose)");
      const toml::node* word = entry.as_table()->get("word");
      c.whole_word = word && word->value_or(false);
      c.example = text_of(file, entry, "example", false);
      words.columns.push_back(std::move(c));
    }
  }
  // The longest phrase first, so that "till viss del beviljas" wins over "beviljas".
  std::stable_sort(words.decisions.begin(), words.decisions.end(),
                   [](const decision_phrase& a, const decision_phrase& b) { return a.phrase.size() > b.phrase.size(); });
}

}  // namespace

const vocabulary& bundled_vocabulary() {
  static const vocabulary words = [] {
    vocabulary v;
    add_phrases(v, detail::bundled_vocabulary_text, "data/vocabulary/sv.toml");
    return v;
  }();
  return words;
}

const std::vector<detail::count_phrase>& detail::bundled_count_phrases() {
  static const std::vector<count_phrase> phrases = [] {
    const std::string file = "data/vocabulary/sv.toml";
    return count_phrases(parsed(bundled_vocabulary_text, file), file);
  }();
  return phrases;
}

vocabulary load_vocabulary(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw round_file_error(file.string(), 0, 0, "cannot read the file");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  vocabulary words = bundled_vocabulary();
  add_phrases(words, text, file.string());
  return words;
}

}  // namespace anslag
