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

// The `phrase` of each [[key]] entry (its `example` is the tests').
std::vector<std::string> phrases_of(const std::string& file, const toml::table& root, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* list = root[key].as_array()) {
    for (const auto& entry : *list) {
      out.push_back(text_of(file, entry, "phrase", true));
      text_of(file, entry, "example", false);
    }
  }
  return out;
}

rule_phrase rule_of(const std::string& file, const toml::node& entry) {
  rule_phrase r;
  const std::string kind = text_of(file, entry, "kind", true);
  const auto parsed = rule_kind_from_name(kind);
  if (!parsed) fail(file, entry.as_table()->get("kind")->source(), "unknown rule kind '" + kind + "'");
  r.kind = *parsed;
  const toml::node* all = entry.as_table()->get("all");
  const auto* groups = all ? all->as_array() : nullptr;
  if (!groups || groups->empty()) fail(file, all ? all->source() : entry.source(), "'all' must be a list of lists of phrases");
  for (const auto& group : *groups) {
    const auto* phrases = group.as_array();
    if (!phrases || phrases->empty()) fail(file, group.source(), "'all' must be a list of lists of phrases");
    std::vector<std::string>& out = r.all_of.emplace_back();
    for (const auto& phrase : *phrases) {
      const auto* value = phrase.as_string();
      if (!value || value->get().empty()) fail(file, phrase.source(), "'all' must be a list of lists of phrases");
      out.push_back(value->get());
    }
  }
  if (const toml::node* adjacent = entry.as_table()->get("adjacent")) r.adjacent = adjacent->value_or(false);
  if (const toml::node* dates = entry.as_table()->get("dates")) {
    const auto* count = dates->as_integer();
    if (!count || count->get() < 0 || count->get() > 2) fail(file, dates->source(), "'dates' must be 0, 1 or 2");
    r.dates = static_cast<int>(count->get());
  }
  r.slug = text_of(file, entry, "slug", true);
  r.summary = text_of(file, entry, "summary", true);
  r.not_encoded = text_of(file, entry, "not_encoded", false);
  r.example = text_of(file, entry, "example", false);
  return r;
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
  if (const auto* list = root["rule"].as_array())
    for (const auto& entry : *list) words.rules.push_back(rule_of(file, entry));
  for (std::string& phrase : phrases_of(file, root, "rule_like")) words.rule_like.push_back(std::move(phrase));
  for (std::string& phrase : phrases_of(file, root, "budget")) words.budget_words.push_back(std::move(phrase));
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
