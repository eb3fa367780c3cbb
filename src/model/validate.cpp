#include <anslag/model/validate.hpp>

#include <anslag/detail/utf8.hpp>

#include "problems.hpp"
#include "unicode.hpp"

#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace anslag {
namespace {

std::string in_quotes(std::string_view text) { return detail::quoted_for_message(text); }

// An id is compared byte for byte and printed in messages: text a reader can see and type, not
// a NUL that cuts a message, an escape that drives a terminal or a zero-width twin of another id.
bool is_plain_text(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const auto d = detail::decode_utf8(p, end);
    if (!d.valid || detail::is_control(d.code_point) || detail::is_invisible(d.code_point)) return false;
    p += d.width;
  }
  return true;
}

// The funds of the round an entry stands in; null for a part checked on its own (a pickled
// Fund, Rule, ...), whose references cannot be checked without its round.
using fund_ids = std::set<std::string, std::less<>>;

// Whether an enum holds one of its named values: a static_cast<decision>(7) has no name, and
// nothing that reads it can know what it means.
template <typename Enum, typename FromName>
bool is_named(Enum value, FromName from_name) {
  return from_name(to_string(value)) == value;
}
template <typename Enum>
std::string number_of(Enum value) {
  return std::to_string(static_cast<long long>(value));
}

// The days a round's dates may fall on: a decision document is dated in the year before the
// funds' year or in it; applications come in and windows open up to two years before, and a
// repayment notice falls at the latest in the year after. Anything else is a typing mistake
// (1850 for 2018, 9999-12-31 for "open"), not a document.
struct date_span {
  calendar_date first;
  calendar_date last;
  int year;
  static std::optional<date_span> of_round(int year) {
    if (year < 3 || year > 9998) return std::nullopt;  // the span would leave the calendar
    return date_span{calendar_date(year - 2, 1, 1), calendar_date(year + 1, 12, 31), year};
  }
};

// The default of document_info::dated: no decision document is of the year 1, so this day means
// "not set".
const calendar_date unset_date(1, 1, 1);

// One entry of one list, and every failure about it.
class checker {
 public:
  explicit checker(round_entry at) : at_(std::move(at)) {}

  [[noreturn]] void fail(const std::string& detail, std::string key = {}, std::optional<std::size_t> element = {},
                         std::string subkey = {}) const {
    round_entry e = at_;
    e.key = std::move(key);
    e.element = element;
    e.subkey = std::move(subkey);
    throw invalid_round_error(std::move(e), detail);
  }

  void not_empty(std::string_view key, const std::string& value) const {
    if (value.empty()) fail(in_quotes(key) + " must not be empty", std::string(key));
  }

  // An id, or a reference to one (element: its index in a list).
  void plain(std::string_view key, const std::string& value, std::optional<std::size_t> element = {}) const {
    if (!is_plain_text(value))
      fail(in_quotes(key) + " must not hold control or invisible characters", std::string(key), element);
  }

  void amount(std::string_view key, const std::optional<Krona>& value) const {
    if (!value) return;
    if (*value < Krona()) fail(in_quotes(key) + " must not be negative", std::string(key));
    if (value->ore() > max_round_amount_ore)
      fail(in_quotes(key) + " must be at most 100 000 000 000 kr", std::string(key));
  }

  void count(std::string_view key, const std::optional<std::int64_t>& value, std::string subkey = {}) const {
    if (!value) return;
    const std::string problem = detail::count_problem(subkey.empty() ? key : std::string_view(subkey), *value);
    if (!problem.empty()) fail(problem, std::string(key), std::nullopt, std::move(subkey));
  }

  void source(const source_ref& s) const {
    count("source", s.line, "line");
    count("source", s.lines, "lines");
    if (s.lines < 1) fail("'lines' must be at least 1", "source", std::nullopt, "lines");
    if (!s.derived.empty() && s.line != 0)
      fail("a source cites its 'line' or says why it is 'derived', not both", "source", std::nullopt, "derived");
  }

  template <typename Enum, typename FromName>
  void named(std::string_view key, Enum value, FromName from_name, std::string_view what) const {
    if (!is_named(value, from_name))
      fail(in_quotes(key) + " holds " + number_of(value) + ", which is no " + std::string(what), std::string(key));
  }

  void date(std::string_view key, const std::optional<calendar_date>& value, const std::optional<date_span>& span) const {
    if (!value || !span || (span->first <= *value && *value <= span->last)) return;
    fail(in_quotes(key) + " " + value->to_string() + " is outside " + span->first.to_string() + " to " +
             span->last.to_string() + ", the days a round of " + std::to_string(span->year) + " can hold",
         std::string(key));
  }

  void readings(const std::vector<reading>& list) const {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].field.empty()) fail("'field' must not be empty", "readings", i, "field");
      if (list[i].text.empty()) fail("'text' must not be empty", "readings", i, "text");
    }
  }

  // A list of fund ids: each a fund of the round (when there is one), none twice.
  void fund_list(const std::vector<std::string>& list, const fund_ids* funds) const {
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      plain("funds", list[i], i);
      if (funds && !funds->count(list[i])) fail("unknown fund " + in_quotes(list[i]), "funds", i);
      if (!seen.insert(list[i]).second) fail("fund " + in_quotes(list[i]) + " listed twice", "funds", i);
    }
  }

  // A parameter its kind needs and lacks is an error (at the table); one of another kind too
  // (at the key): a cap on an exclusion is a mistake, not a harmless extra.
  void parameter(std::string_view key, bool present, bool needed, bool allowed, std::string_view what,
                 std::string_view kind) const {
    if (needed && !present)
      fail(std::string(what) + " kind " + std::string(kind) + " needs " + in_quotes(key));
    if (!allowed && present)
      fail(in_quotes(key) + " does not apply to " + std::string(what) + " kind " + std::string(kind), std::string(key));
  }

 private:
  round_entry at_;
};

checker entry(const char* list, std::size_t index, const std::string& id) {
  return checker(round_entry{list, index, id, {}, std::nullopt, {}});
}

// Ids of one list: none empty, none twice.
class id_list {
 public:
  explicit id_list(std::string what) : what_(std::move(what)) {}
  void add(const checker& c, const std::string& id) {
    c.not_empty("id", id);
    c.plain("id", id);
    if (!ids_.insert(id).second) c.fail("duplicate " + what_ + " id " + in_quotes(id), "id");
  }
  const fund_ids& ids() const { return ids_; }

 private:
  std::string what_;
  std::set<std::string, std::less<>> ids_;
};

void check_round(const grant_round& r) {
  const checker whole(round_entry{});
  if (r.year < 1 || r.year > 9999) whole.fail(detail::year_problem(r.year), "year");
  const checker document(round_entry{"document", 0, {}, {}, std::nullopt, {}});
  document.not_empty("title", r.document.title);
  document.not_empty("seed", r.document.seed);
  document.not_empty("deciding_body", r.document.deciding_body);
  document.not_empty("kind", r.document.kind);
  if (r.document.dated == unset_date)
    document.fail("'date' is not set: a round needs the date of its decision document", "date");
  document.date("date", r.document.dated, date_span::of_round(r.year));
}

void check_fund(const checker& c, const fund& f) {
  c.not_empty("name", f.name);
  c.amount("budget", f.budget);
  c.source(f.source);
  c.readings(f.readings);
}

void check_rule(const checker& c, const rule& u, const fund_ids* funds, const std::optional<date_span>& span) {
  c.named("kind", u.kind, rule_kind_from_name, "rule kind");
  c.not_empty("summary", u.summary);
  c.not_empty("quote", u.quote);
  c.fund_list(u.funds, funds);
  const std::string_view kind = to_string(u.kind);
  const bool cap = u.kind == rule_kind::cap_per_application, limit = u.kind == rule_kind::max_granted_per_unit;
  const bool window = u.kind == rule_kind::application_window;
  c.parameter("amount", u.amount.has_value(), cap, cap, "rule", kind);
  c.parameter("count", u.count.has_value(), limit, limit, "rule", kind);
  c.parameter("from", u.from.has_value(), window, window, "rule", kind);
  c.parameter("to", u.to.has_value(), window, window || u.kind == rule_kind::repayment_notice, "rule", kind);
  // Kinds no evaluation ever reads must say why (docs/round-format.md).
  const bool never_evaluated = u.kind == rule_kind::ranking || u.kind == rule_kind::set_aside_condition ||
                               u.kind == rule_kind::repayment_notice;
  c.parameter("not_encoded", u.not_encoded.has_value(), never_evaluated, true, "rule", kind);
  c.amount("amount", u.amount);
  if (u.amount && !detail::cap_problem(*u.amount).empty()) c.fail(detail::cap_problem(*u.amount), "amount");
  c.count("count", u.count);
  if (u.count && !detail::limit_problem(*u.count).empty()) c.fail(detail::limit_problem(*u.count), "count");
  c.date("from", u.from, span);
  c.date("to", u.to, span);
  if (u.from && u.to && *u.to < *u.from) c.fail("'to' must not be before 'from'", "to");
  if (u.overrides && *u.overrides == u.id) c.fail("a rule cannot override itself", "overrides");
  c.source(u.source);
}

// The cap and per-förvaltning limit of each fund, and the round's window and notice date, are
// each set by one rule at most: the second is the error. A rule without `funds` sets it for every
// fund; kept apart so that the check costs the length of the rules' lists, not rules × funds.
void check_rules_set_once(const grant_round& r) {
  std::set<rule_kind> of_round, for_every_fund;
  std::set<std::pair<std::string_view, rule_kind>> for_fund;
  for (std::size_t i = 0; i < r.rules.size(); ++i) {
    const rule& u = r.rules[i];
    const checker c = entry("rules", i, u.id);
    const std::string twice = " has two " + std::string(to_string(u.kind)) + " rules";
    if (u.kind == rule_kind::application_window || (u.kind == rule_kind::repayment_notice && u.to)) {
      if (!of_round.insert(u.kind).second) c.fail("the round" + twice);
    }
    if (u.kind != rule_kind::cap_per_application && u.kind != rule_kind::max_granted_per_unit) continue;
    const bool every_fund_set = for_every_fund.count(u.kind) != 0;
    if (u.funds.empty()) {
      for (const fund& f : r.funds)
        if (every_fund_set || for_fund.count({f.id, u.kind})) c.fail("fund " + in_quotes(f.id) + twice);
      for_every_fund.insert(u.kind);
      continue;
    }
    for (const std::string& id : u.funds)
      if (every_fund_set || !for_fund.emplace(id, u.kind).second) c.fail("fund " + in_quotes(id) + twice);
  }
}

void check_statement(const checker& c, const statement& s, const fund_ids* funds) {
  c.named("kind", s.kind, statement_kind_from_name, "statement kind");
  if (s.of_decision) c.named("decision", *s.of_decision, decision_from_name, "decision");
  if (s.applicant_kind) c.named("applicant_kind", *s.applicant_kind, unit_kind_from_name, "unit kind");
  c.not_empty("quote", s.quote);
  c.fund_list(s.funds, funds);
  const std::string_view kind = to_string(s.kind);
  const bool total = s.kind == statement_kind::requested_total || s.kind == statement_kind::granted_total;
  const bool of_decision = s.kind == statement_kind::decision_count;
  c.parameter("amount", s.amount.has_value(), total, total, "statement", kind);
  c.parameter("count", s.count.has_value(), !total, !total, "statement", kind);
  c.parameter("decision", s.of_decision.has_value(), of_decision, of_decision, "statement", kind);
  c.parameter("applicant_kind", s.applicant_kind.has_value(), false, s.kind == statement_kind::applicant_count,
              "statement", kind);
  c.amount("amount", s.amount);
  c.count("count", s.count);
  c.source(s.source);
  c.readings(s.readings);
}

// The rules by id, and the (rule, fund) pairs of the rules' own lists: an assessment is checked in
// log time, whatever the length of its rule's list.
struct rule_index {
  std::map<std::string_view, const rule*> by_id;
  std::set<std::pair<std::string_view, std::string_view>> listed;

  explicit rule_index(const std::vector<rule>& rules) {
    for (const rule& u : rules) {
      by_id.emplace(u.id, &u);
      for (const std::string& f : u.funds) listed.emplace(u.id, f);
    }
  }
  bool applies(const rule& u, std::string_view fund_id) const {
    return u.funds.empty() || listed.count({u.id, fund_id}) != 0;
  }
};

// rules and funds: null for an application checked on its own.
void check_application(const checker& c, const application& a, const rule_index* rules, const fund_ids* funds,
                       const std::optional<date_span>& span) {
  c.named("decision", a.outcome, decision_from_name, "decision");
  c.date("submitted", a.submitted, span);
  c.not_empty("fund", a.fund);
  c.plain("fund", a.fund);
  if (funds && !funds->count(a.fund)) c.fail("unknown fund " + in_quotes(a.fund), "fund");
  c.not_empty("project", a.project);
  if (a.unit) {
    c.not_empty("unit", *a.unit);
    c.plain("unit", *a.unit);
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < a.co_applicants.size(); ++i) {
    if (a.co_applicants[i].empty()) c.fail("a co-applicant must not be empty", "co_applicants", i);
    c.plain("co_applicants", a.co_applicants[i], i);
    if (!seen.insert(a.co_applicants[i]).second)
      c.fail("co-applicant " + in_quotes(a.co_applicants[i]) + " listed twice", "co_applicants", i);
  }
  c.amount("requested", a.requested);
  c.amount("granted", a.granted);
  for (const auto& [rule_id, value] : a.assessments) {
    if (value != assessment::met && value != assessment::not_met)
      c.fail("assessment of rule " + in_quotes(rule_id) + " holds " + number_of(value) +
                 ", which is neither met nor not_met",
             "assessments", std::nullopt, rule_id);
    if (!rules) continue;
    const auto it = rules->by_id.find(rule_id);
    if (it == rules->by_id.end()) c.fail("unknown rule " + in_quotes(rule_id), "assessments", std::nullopt, rule_id);
    if (!rules->applies(*it->second, a.fund))
      c.fail("rule " + in_quotes(rule_id) + " does not apply to fund " + in_quotes(a.fund), "assessments",
             std::nullopt, rule_id);
  }
  c.source(a.source);
  c.readings(a.readings);
}

}  // namespace

namespace detail {

std::string year_problem(std::int64_t year) {
  return year < 1 || year > 9999 ? "'year' must be a year from 1 to 9999" : "";
}

std::string cap_problem(const Krona& cap) { return cap.ore() <= 0 ? "a cap must be more than 0 kr" : ""; }

std::string limit_problem(std::int64_t limit) { return limit <= 0 ? "a limit must be at least 1" : ""; }

std::string count_problem(std::string_view key, std::int64_t value) {
  if (value < 0) return in_quotes(key) + " must not be negative";
  if (value > max_round_count) return in_quotes(key) + " must be at most " + std::to_string(max_round_count);
  return "";
}

}  // namespace detail

std::string round_entry::describe() const {
  const auto named = [&](const char* what) { return std::string(what) + " " + in_quotes(id); };
  if (list == "funds") return named("fund");
  if (list == "rules") return named("rule");
  if (list == "statements") return named("statement");
  if (list == "applications") return named("application");
  if (list == "document") return "the document";
  return "the round";
}

namespace {

// A part on its own: its id as an id list of one would check it, then its own fields.
checker alone(const char* list, const std::string& id) {
  const checker c = entry(list, 0, id);
  c.not_empty("id", id);
  c.plain("id", id);
  return c;
}

}  // namespace

void validate(const fund& f) { check_fund(alone("funds", f.id), f); }
void validate(const rule& u) {
  const checker c = alone("rules", u.id);
  check_rule(c, u, nullptr, std::nullopt);
}
void validate(const statement& s) { check_statement(alone("statements", s.id), s, nullptr); }
void validate(const application& a) { check_application(alone("applications", a.id), a, nullptr, nullptr, std::nullopt); }

void validate(const grant_round& r) {
  check_round(r);
  const std::optional<date_span> span = date_span::of_round(r.year);
  id_list fund_id_list("fund"), rule_ids("rule"), statement_ids("statement"), application_ids("application");
  for (std::size_t i = 0; i < r.funds.size(); ++i) {
    const checker c = entry("funds", i, r.funds[i].id);
    fund_id_list.add(c, r.funds[i].id);
    check_fund(c, r.funds[i]);
  }
  for (std::size_t i = 0; i < r.rules.size(); ++i) {
    const checker c = entry("rules", i, r.rules[i].id);
    rule_ids.add(c, r.rules[i].id);
    check_rule(c, r.rules[i], &fund_id_list.ids(), span);
  }
  // Checked once every id is known: a rule may name one that stands after it.
  for (std::size_t i = 0; i < r.rules.size(); ++i) {
    const auto& overrides = r.rules[i].overrides;
    if (overrides && !rule_ids.ids().count(*overrides))
      entry("rules", i, r.rules[i].id).fail("unknown rule " + in_quotes(*overrides), "overrides");
  }
  check_rules_set_once(r);
  for (std::size_t i = 0; i < r.statements.size(); ++i) {
    const checker c = entry("statements", i, r.statements[i].id);
    statement_ids.add(c, r.statements[i].id);
    check_statement(c, r.statements[i], &fund_id_list.ids());
  }
  const rule_index rules(r.rules);
  for (std::size_t i = 0; i < r.applications.size(); ++i) {
    const checker c = entry("applications", i, r.applications[i].id);
    application_ids.add(c, r.applications[i].id);
    check_application(c, r.applications[i], &rules, &fund_id_list.ids(), span);
  }
}

}  // namespace anslag
