#include <anslag/io/round_file.hpp>

#include <anslag/error.hpp>

#include "toml_record.hpp"

#include <fstream>
#include <set>
#include <utility>

namespace anslag {
namespace {

constexpr std::int64_t format_version = 1;

using detail::reader;
using detail::record;

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

// Ids already seen in one list (funds, rules, ...), for duplicates and references.
class id_set {
 public:
  explicit id_set(std::string what) : what_(std::move(what)) {}
  void add(const record& r, std::string_view key, const std::string& id) {
    if (!ids_.insert(id).second) r.fail_at(key, "duplicate " + what_ + " id " + in_quotes(id));
  }
  bool contains(const std::string& id) const { return ids_.count(id) != 0; }

 private:
  std::string what_;
  std::set<std::string, std::less<>> ids_;
};

source_ref read_source(const record& owner, const std::string& seed) {
  const record r(owner.owner(), owner.subtable("source"), {"document", "line", "section"});
  source_ref s;
  s.document = r.optional_text("document").value_or(seed);
  s.line = static_cast<int>(r.optional_count("line").value_or(0));
  s.section = r.optional_text("section").value_or("");
  return s;
}

std::vector<reading> read_readings(const record& owner) {
  std::vector<reading> readings;
  for (const toml::table* table : owner.tables("readings")) {
    const record r(owner.owner(), *table, {"field", "text"});
    readings.push_back({r.id("field"), r.id("text")});
  }
  return readings;
}

std::vector<std::string> read_fund_list(const record& r, const id_set& funds) {
  std::vector<std::string> ids;
  for (auto& [id, where] : r.texts("funds")) {
    if (!funds.contains(id)) r.owner().fail(where, "unknown fund " + in_quotes(id));
    ids.push_back(std::move(id));
  }
  return ids;
}

// A parameter present for a kind it does not belong to is an error (a cap on an exclusion is
// a mistake, not a harmless extra); one its kind needs and lacks is an error too.
void check_parameter(const record& r, std::string_view key, bool belongs, std::string_view what,
                     std::string_view kind) {
  if (belongs && !r.has(key))
    r.fail_here(std::string(what) + " kind " + std::string(kind) + " needs " + in_quotes(key));
  if (!belongs && r.has(key))
    r.fail_at(key, in_quotes(key) + " does not apply to " + std::string(what) + " kind " + std::string(kind));
}

document_info read_document(const record& root) {
  const record r(root.owner(), root.subtable("document"),
                 {"title", "date", "seed", "deciding_body", "kind"});
  document_info d;
  d.title = r.id("title");
  d.dated = r.day("date");
  d.seed = r.id("seed");
  d.deciding_body = r.id("deciding_body");
  d.kind = r.id("kind");
  return d;
}

std::vector<fund> read_funds(const record& root, id_set& ids, const std::string& seed) {
  std::vector<fund> funds;
  for (const toml::table* table : root.tables("funds")) {
    const record r(root.owner(), *table, {"id", "name", "budget", "quote", "source", "readings"});
    fund f;
    f.id = r.id("id");
    ids.add(r, "id", f.id);
    f.name = r.id("name");
    f.budget = r.amount("budget");
    f.quote = r.optional_text("quote").value_or("");
    if (r.has("source")) f.source = read_source(r, seed);
    f.readings = read_readings(r);
    funds.push_back(std::move(f));
  }
  return funds;
}

rule read_rule(const record& r, const id_set& funds, const std::string& seed) {
  rule u;
  u.id = r.id("id");
  const std::string kind = r.text("kind");
  const auto parsed = parse_rule_kind(kind);
  if (!parsed) r.fail_at("kind", "unknown rule kind " + in_quotes(kind));
  u.kind = *parsed;
  // Kinds no evaluation ever reads must say why (docs/round-format.md).
  if (u.kind == rule_kind::ranking || u.kind == rule_kind::set_aside_condition || u.kind == rule_kind::repayment_notice)
    check_parameter(r, "not_encoded", true, "rule", kind);
  check_parameter(r, "amount", u.kind == rule_kind::cap_per_application, "rule", kind);
  check_parameter(r, "count", u.kind == rule_kind::max_granted_per_unit, "rule", kind);
  check_parameter(r, "from", u.kind == rule_kind::application_window, "rule", kind);
  if (u.kind == rule_kind::application_window)
    check_parameter(r, "to", true, "rule", kind);
  else if (u.kind != rule_kind::repayment_notice)
    check_parameter(r, "to", false, "rule", kind);
  u.funds = read_fund_list(r, funds);
  u.stated = r.optional_boolean("stated").value_or(true);
  u.summary = r.id("summary");
  u.amount = r.optional_amount("amount");
  u.count = r.optional_count("count");
  u.from = r.optional_day("from");
  u.to = r.optional_day("to");
  if (u.from && u.to && *u.to < *u.from) r.fail_at("to", "'to' must not be before 'from'");
  u.quote = r.id("quote");
  u.source = read_source(r, seed);
  u.not_encoded = r.optional_text("not_encoded");
  u.overrides = r.optional_text("overrides");
  return u;
}

std::vector<rule> read_rules(const record& root, const id_set& funds, id_set& ids,
                             const std::string& seed) {
  std::vector<rule> rules;
  std::vector<toml::source_region> overrides_at;
  for (const toml::table* table : root.tables("rules")) {
    const record r(root.owner(), *table,
                   {"id", "kind", "funds", "stated", "summary", "amount", "count", "from", "to",
                    "quote", "source", "not_encoded", "overrides"});
    rules.push_back(read_rule(r, funds, seed));
    ids.add(r, "id", rules.back().id);
    overrides_at.push_back(r.place("overrides"));
  }
  // Checked once every id is known: a rule may name one that stands after it.
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].overrides && !ids.contains(*rules[i].overrides))
      root.owner().fail(overrides_at[i], "unknown rule " + in_quotes(*rules[i].overrides));
  }
  return rules;
}

std::optional<decision> read_decision(const record& r, std::string_view key) {
  if (!r.has(key)) return std::nullopt;
  const std::string text = r.text(key);
  const auto d = parse_decision(text);
  if (!d)
    r.fail_at(key, "unknown decision " + in_quotes(text) + " (expected granted, partly_granted or rejected)");
  return d;
}

std::vector<statement> read_statements(const record& root, const id_set& funds, id_set& ids,
                                       const std::string& seed) {
  std::vector<statement> statements;
  for (const toml::table* table : root.tables("statements")) {
    const record r(root.owner(), *table,
                   {"id", "kind", "funds", "amount", "count", "decision", "applicant_kind",
                    "quote", "source", "readings"});
    statement s;
    s.id = r.id("id");
    ids.add(r, "id", s.id);
    const std::string kind = r.text("kind");
    const auto parsed = parse_statement_kind(kind);
    if (!parsed) r.fail_at("kind", "unknown statement kind " + in_quotes(kind));
    s.kind = *parsed;
    const bool total = s.kind == statement_kind::requested_total || s.kind == statement_kind::granted_total;
    check_parameter(r, "amount", total, "statement", kind);
    check_parameter(r, "count", !total, "statement", kind);
    check_parameter(r, "decision", s.kind == statement_kind::decision_count, "statement", kind);
    if (s.kind != statement_kind::applicant_count && r.has("applicant_kind"))
      check_parameter(r, "applicant_kind", false, "statement", kind);
    s.funds = read_fund_list(r, funds);
    s.amount = r.optional_amount("amount");
    s.count = r.optional_count("count");
    s.of_decision = read_decision(r, "decision");
    if (const auto applicant_kind = r.optional_text("applicant_kind")) {
      s.applicant_kind = parse_unit_kind(*applicant_kind);
      if (!s.applicant_kind)
        r.fail_at("applicant_kind", "unknown applicant kind " + in_quotes(*applicant_kind) +
                                        " (expected district, administration or department)");
    }
    s.quote = r.id("quote");
    s.source = read_source(r, seed);
    s.readings = read_readings(r);
    statements.push_back(std::move(s));
  }
  return statements;
}

std::map<std::string, assessment> read_assessments(const record& owner, const id_set& rules) {
  std::map<std::string, assessment> assessments;
  const toml::table* table = owner.optional_subtable("assessments");
  if (!table) return assessments;
  for (const auto& [key, node] : *table) {
    const std::string rule_id(key.str());
    if (!rules.contains(rule_id)) owner.owner().fail(key.source(), "unknown rule " + in_quotes(rule_id));
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

std::vector<application> read_applications(const record& root, const id_set& funds,
                                           const id_set& rules, const std::string& seed) {
  std::vector<application> applications;
  id_set ids("application");
  for (const toml::table* table : root.tables("applications")) {
    const record r(root.owner(), *table,
                   {"id", "fund", "applicant", "unit", "co_applicants", "project", "destination",
                    "purpose", "requested", "granted", "decision", "reason", "assessments",
                    "submitted", "approved_report", "source", "readings"});
    application a;
    a.id = r.id("id");
    ids.add(r, "id", a.id);
    a.fund = r.id("fund");
    if (!funds.contains(a.fund)) r.fail_at("fund", "unknown fund " + in_quotes(a.fund));
    a.applicant = r.text("applicant");
    a.unit = r.optional_text("unit");
    for (auto& [unit_id, where] : r.texts("co_applicants")) a.co_applicants.push_back(std::move(unit_id));
    a.project = r.id("project");
    a.destination = r.optional_text("destination");
    a.purpose = r.optional_text("purpose");
    a.requested = r.optional_amount("requested");
    a.granted = r.optional_amount("granted");
    r.required("decision");
    a.outcome = *read_decision(r, "decision");
    a.reason = r.optional_text("reason").value_or("");
    a.assessments = read_assessments(r, rules);
    a.submitted = r.optional_day("submitted");
    a.approved_report = r.optional_boolean("approved_report");
    a.source = read_source(r, seed);
    a.readings = read_readings(r);
    applications.push_back(std::move(a));
  }
  return applications;
}

// A fund's cap and per-förvaltning limit, and the round's window and notice date, come from the
// rules that set them, so that the file states each fact once; two rules setting one of them
// is an error at the second.
void apply_rules(const record& root, round& result) {
  const auto rule_tables = root.tables("rules");
  for (std::size_t i = 0; i < result.rules.size(); ++i) {
    const rule& u = result.rules[i];
    const auto set_once = [&](auto& slot, const auto& value, const std::string& owner) {
      if (slot)
        root.owner().fail(rule_tables[i]->source(),
                          owner + " has two " + std::string(to_string(u.kind)) + " rules");
      slot = value;
    };
    if (u.kind == rule_kind::application_window) {
      set_once(result.window_from, u.from, "the round");
      result.window_to = u.to;
    }
    if (u.kind == rule_kind::repayment_notice && u.to)
      set_once(result.repayment_notice_by, u.to, "the round");
    for (fund& f : result.funds) {
      if (!u.applies_to(f.id)) continue;
      if (u.kind == rule_kind::cap_per_application) set_once(f.cap, u.amount, "fund " + in_quotes(f.id));
      if (u.kind == rule_kind::max_granted_per_unit)
        set_once(f.max_granted_per_unit, u.count, "fund " + in_quotes(f.id));
    }
  }
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

round read_round(const reader& in, const toml::table& root_table) {
  check_version(in, root_table);
  const record root(in, root_table,
                    {"format", "year", "document", "funds", "rules", "statements", "applications"});
  round result;
  result.file = in.file();
  const std::int64_t year = root.count("year");
  if (year < 1 || year > 9999) root.fail_at("year", "'year' must be a year from 1 to 9999");
  result.year = static_cast<int>(year);
  result.document = read_document(root);
  const std::string& seed = result.document.seed;

  id_set fund_ids("fund"), rule_ids("rule"), statement_ids("statement");
  if (!root.has("funds")) root.fail_here("missing key 'funds'");
  result.funds = read_funds(root, fund_ids, seed);
  result.rules = read_rules(root, fund_ids, rule_ids, seed);
  result.statements = read_statements(root, fund_ids, statement_ids, seed);
  result.applications = read_applications(root, fund_ids, rule_ids, seed);
  apply_rules(root, result);
  return result;
}

}  // namespace

// Reading stops as soon as a bounded file passes the limit.
constexpr std::size_t max_round_file_bytes = std::size_t{16} << 20;
constexpr const char* too_large = "file larger than 16 MiB";

bool too_large_for(std::size_t bytes, size_limit limit) {
  return limit == size_limit::bounded && bytes > max_round_file_bytes;
}

round parse_round(std::string_view toml_text, const std::string& file_name, size_limit limit) {
  const reader in(file_name, detail::wording{.suggests_keys = true});
  if (too_large_for(toml_text.size(), limit)) throw round_file_error(file_name, 0, 0, too_large);
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& e) {
    in.fail(e.source(), std::string(e.description()));
  }
  return read_round(in, root);
}

round load_round(const std::filesystem::path& path, size_limit limit) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw round_file_error(path.string(), 0, 0, "cannot read the file");
  std::string text;
  char chunk[1 << 16];
  while (file.read(chunk, sizeof chunk) || file.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(file.gcount()));
    if (too_large_for(text.size(), limit)) throw round_file_error(path.string(), 0, 0, too_large);
  }
  // A directory opens, then fails to read: not an empty round.
  if (file.bad()) throw round_file_error(path.string(), 0, 0, "cannot read the file");
  return parse_round(text, path.string(), limit);
}

}  // namespace anslag
