#include <anslag/io/round_file.hpp>

#include <anslag/error.hpp>
#include <anslag/model/validate.hpp>

#include "../model/problems.hpp"
#include "../model/unicode.hpp"
#include "plain_applications.hpp"
#include "toml_record.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace anslag {
namespace {

constexpr std::int64_t format_version = 1;

using detail::reader;
using detail::record;

std::string in_quotes(std::string_view text) { return detail::quoted_for_message(text); }

// An integer the model keeps as `int`, refused before it is narrowed (validate words the range).
int narrowed(const record& r, std::string_view key, std::int64_t value, const std::string& problem) {
  if (!problem.empty()) r.fail_at(key, problem);
  return static_cast<int>(value);
}

source_ref read_source(const record& owner, const std::string& seed) {
  const record r(owner.owner(), owner.subtable("source"), {"document", "line", "lines", "section", "derived"});
  source_ref s;
  s.document = r.optional_text("document").value_or(seed);
  const std::int64_t line = r.optional_integer("line").value_or(0);
  s.line = narrowed(r, "line", line, detail::count_problem("line", line));
  const std::int64_t lines = r.optional_integer("lines").value_or(1);
  s.lines = narrowed(r, "lines", lines, detail::count_problem("lines", lines));
  s.section = r.optional_text("section").value_or("");
  if (const auto derived = r.optional_text("derived")) {
    if (derived->empty()) r.fail_at("derived", "'derived' must say why the document prints no line of the entry");
    s.derived = *derived;
  }
  return s;
}

std::vector<reading> read_readings(const record& owner) {
  std::vector<reading> readings;
  for (const toml::table* table : owner.tables("readings")) {
    const record r(owner.owner(), *table, {"field", "text"});
    readings.push_back({r.text("field"), r.text("text")});
  }
  return readings;
}

std::vector<std::string> read_list(const record& r, std::string_view key) {
  std::vector<std::string> ids;
  for (auto& [id, where] : r.texts(key)) ids.push_back(std::move(id));
  return ids;
}

document_info read_document(const record& root) {
  const record r(root.owner(), root.subtable("document"),
                 {"title", "date", "seed", "deciding_body", "kind"});
  document_info d;
  d.title = r.text("title");
  d.dated = r.day("date");
  d.seed = r.text("seed");
  d.deciding_body = r.text("deciding_body");
  d.kind = r.text("kind");
  return d;
}

std::vector<fund> read_funds(const record& root, const std::string& seed) {
  std::vector<fund> funds;
  for (const toml::table* table : root.tables("funds")) {
    const record r(root.owner(), *table, {"id", "name", "budget", "quote", "source", "readings"});
    fund f;
    f.id = r.text("id");
    f.name = r.text("name");
    f.budget = r.amount("budget");
    f.quote = r.optional_text("quote").value_or("");
    if (r.has("source")) f.source = read_source(r, seed);
    f.readings = read_readings(r);
    funds.push_back(std::move(f));
  }
  return funds;
}

std::vector<rule> read_rules(const record& root, const std::string& seed) {
  std::vector<rule> rules;
  for (const toml::table* table : root.tables("rules")) {
    const record r(root.owner(), *table,
                   {"id", "kind", "funds", "stated", "summary", "amount", "count", "from", "to",
                    "quote", "source", "not_encoded", "overrides"});
    rule u;
    u.id = r.text("id");
    const std::string kind = r.text("kind");
    const auto parsed = rule_kind_from_name(kind);
    if (!parsed) r.fail_at("kind", "unknown rule kind " + in_quotes(kind));
    u.kind = *parsed;
    u.funds = read_list(r, "funds");
    u.stated = r.optional_boolean("stated").value_or(true);
    u.summary = r.text("summary");
    u.amount = r.optional_amount("amount");
    u.count = r.optional_integer("count");
    u.from = r.optional_day("from");
    u.to = r.optional_day("to");
    u.quote = r.text("quote");
    u.source = read_source(r, seed);
    u.not_encoded = r.optional_text("not_encoded");
    u.overrides = r.optional_text("overrides");
    rules.push_back(std::move(u));
  }
  return rules;
}

std::optional<decision> read_decision(const record& r, std::string_view key) {
  if (!r.has(key)) return std::nullopt;
  const std::string text = r.text(key);
  const auto d = decision_from_name(text);
  if (!d)
    r.fail_at(key, "unknown decision " + in_quotes(text) + " (expected granted, partly_granted or rejected)");
  return d;
}

std::vector<statement> read_statements(const record& root, const std::string& seed) {
  std::vector<statement> statements;
  for (const toml::table* table : root.tables("statements")) {
    const record r(root.owner(), *table,
                   {"id", "kind", "funds", "amount", "count", "decision", "applicant_kind",
                    "quote", "source", "readings"});
    statement s;
    s.id = r.text("id");
    const std::string kind = r.text("kind");
    const auto parsed = statement_kind_from_name(kind);
    if (!parsed) r.fail_at("kind", "unknown statement kind " + in_quotes(kind));
    s.kind = *parsed;
    s.funds = read_list(r, "funds");
    s.amount = r.optional_amount("amount");
    s.count = r.optional_integer("count");
    s.of_decision = read_decision(r, "decision");
    if (const auto applicant_kind = r.optional_text("applicant_kind")) {
      s.applicant_kind = unit_kind_from_name(*applicant_kind);
      if (!s.applicant_kind)
        r.fail_at("applicant_kind", "unknown applicant kind " + in_quotes(*applicant_kind) +
                                        " (expected district, administration or department)");
    }
    s.quote = r.text("quote");
    s.source = read_source(r, seed);
    s.readings = read_readings(r);
    statements.push_back(std::move(s));
  }
  return statements;
}

std::map<std::string, assessment> read_assessments(const record& owner) {
  std::map<std::string, assessment> assessments;
  const toml::table* table = owner.optional_subtable("assessments");
  if (!table) return assessments;
  for (const auto& [key, node] : *table) {
    const std::string rule_id(key.str());
    const std::string value = node.is_string() ? node.as_string()->get() : std::string();
    if (value == "met")
      assessments.emplace(rule_id, assessment::met);
    else if (value == "not_met")
      assessments.emplace(rule_id, assessment::not_met);
    else
      owner.owner().fail(key.source(), "assessment of " + in_quotes(rule_id) + " must be \"met\" or \"not_met\"");
  }
  return assessments;
}

std::vector<application> read_applications(const record& root, const std::string& seed) {
  std::vector<application> applications;
  for (const toml::table* table : root.tables("applications")) {
    const record r(root.owner(), *table, detail::application_keys);
    application a;
    a.id = r.text("id");
    a.fund = r.text("fund");
    a.applicant = r.text("applicant");
    a.unit = r.optional_text("unit");
    a.co_applicants = read_list(r, "co_applicants");
    a.project = r.text("project");
    a.destination = r.optional_text("destination");
    a.purpose = r.optional_text("purpose");
    a.requested = r.optional_amount("requested");
    a.granted = r.optional_amount("granted");
    r.required("decision");
    a.outcome = *read_decision(r, "decision");
    a.reason = r.optional_text("reason").value_or("");
    a.assessments = read_assessments(r);
    a.submitted = r.optional_day("submitted");
    a.approved_report = r.optional_boolean("approved_report");
    a.source = read_source(r, seed);
    a.readings = read_readings(r);
    applications.push_back(std::move(a));
  }
  return applications;
}

// Where an entry validate names stands in the file: the key at fault (or within its value, the
// element or key), else the entry's table.
toml::source_region place_of(const toml::table& root, const round_entry& e) {
  const toml::table* table = &root;
  if (e.list == "document") {
    table = root["document"].as_table();
  } else if (!e.list.empty()) {
    table = root[e.list].as_array()->get(e.index)->as_table();
  }
  const auto it = table->find(e.key);
  if (e.key.empty() || it == table->end()) return table->source();
  const toml::node* inner = &it->second;
  if (e.element) {
    const toml::array* array = inner->as_array();
    if (!array || *e.element >= array->size()) return it->first.source();
    inner = array->get(*e.element);
    if (e.subkey.empty()) return inner->source();
  }
  if (!e.subkey.empty()) {
    const toml::table* sub = inner->as_table();
    const auto at = sub ? sub->find(e.subkey) : toml::table::const_iterator{};
    if (sub && at != sub->end()) return at->first.source();
  }
  return it->first.source();
}

// The version is checked before anything else, so that a file of a later format is refused as
// such rather than for the keys that format adds.
void check_version(const reader& in, const toml::table& root_table) {
  const auto it = root_table.find("format");
  if (it == root_table.end()) in.fail(root_table.source(), "missing key 'format'");
  const auto& [key, node] = *it;
  if (!node.is_integer()) in.fail(key.source(), "'format' must be an integer");
  const std::int64_t version = node.as_integer()->get();
  if (version != format_version)
    in.fail(key.source(), "unsupported format version " + std::to_string(version) +
                              " (this reader knows " + std::to_string(format_version) + ")");
}

// Every entry of the file but what validate() checks across entries; the applications are
// `plain_applications` where the plain reader has read them, else the table's.
grant_round read_entries(const reader& in, const toml::table& root_table,
                         std::optional<std::vector<application>> plain_applications = std::nullopt) {
  check_version(in, root_table);
  const record root(in, root_table,
                    {"format", "year", "document", "funds", "rules", "statements", "applications"});
  grant_round result;
  result.file = in.file();
  const std::int64_t year = root.integer("year");
  result.year = narrowed(root, "year", year, detail::year_problem(year));
  result.document = read_document(root);
  const std::string& seed = result.document.seed;
  if (!root.has("funds")) root.fail_here("missing key 'funds'");
  result.funds = read_funds(root, seed);
  result.rules = read_rules(root, seed);
  result.statements = read_statements(root, seed);
  result.applications = plain_applications ? std::move(*plain_applications) : read_applications(root, seed);
  return result;
}

grant_round read_round(const reader& in, const toml::table& root_table) {
  grant_round result = read_entries(in, root_table);
  // The loader checks form; what the values may mean is the model's one check, positioned here.
  try {
    validate(result);
  } catch (const invalid_round_error& e) {
    in.fail(place_of(root_table, e.entry()), e.detail());
  }
  return result;
}

// The round when its applications are plain (plain_applications.hpp) and the whole file is
// correct: toml++ reads only the head before the first [[applications]], and that head must say
// nothing of applications itself, so that the two parts mean what the whole file means. Any
// doubt or error gives std::nullopt, and the caller reads the file the general way, which names
// the error and its place.
std::optional<grant_round> read_round_plainly(const reader& in, std::string_view toml_text) {
  const std::size_t tail = detail::plain_applications_start(toml_text);
  if (tail == std::string_view::npos) return std::nullopt;
  toml::table head;
  try {
    head = toml::parse(toml_text.substr(0, tail), in.file());
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
  const auto seed = head["document"]["seed"].value_exact<std::string>();
  if (head.contains("applications") || !seed) return std::nullopt;
  auto applications = detail::read_plain_applications(toml_text.substr(tail), *seed);
  if (!applications) return std::nullopt;
  try {
    grant_round result = read_entries(in, head, std::move(applications));
    validate(result);
    return result;
  } catch (const round_file_error&) {
    return std::nullopt;
  } catch (const invalid_round_error&) {
    return std::nullopt;
  }
}

// Round files quote keys 'so', point at the key and suggest the key an unknown one may mean.
reader round_file_reader(const std::string& file_name) {
  return reader(file_name, detail::wording{.suggests_keys = true});
}

}  // namespace

grant_round detail::read_round_document(std::string_view toml_text, const std::string& file_name) {
  const reader in = round_file_reader(file_name);
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& e) {
    in.fail(e.source(), std::string(e.description()));
  }
  return read_round(in, root);
}

grant_round parse_round(std::string_view toml_text, const std::string& file_name, size_limit limit) {
  if (limit == size_limit::bounded && toml_text.size() > detail::max_file_bytes)
    throw round_file_error(file_name, 0, 0, "file larger than 16 MiB");
  if (auto round = read_round_plainly(round_file_reader(file_name), toml_text)) return std::move(*round);
  return detail::read_round_document(toml_text, file_name);
}

grant_round load_round(const std::filesystem::path& path, size_limit limit) {
  return parse_round(detail::read_file(path, limit == size_limit::bounded), path.string(), limit);
}

}  // namespace anslag
