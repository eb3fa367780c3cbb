// A grant round as its decision document records it: the funds, the rules with the sentences
// that state them, every total and count the document states, and the applications with their
// decisions. The round file format (TOML) is specified in docs/round-format.md.
//
// Unknown is not zero: what the document does not say is an empty optional, never 0. An
// interpretation by whoever encoded the round is a `reading`, so findings can say they rest on one.
//
// Thread safety: a grant_round is a plain value: const reads from any number of threads are
// safe; writing one while another thread reads it needs the caller's lock.
// Exceptions: none but std::bad_alloc; unit_of never throws; the name look-ups are noexcept.
// Lifetimes: find_fund and find_application point into the round, valid until it is changed or
// destroyed: deleted for a temporary round; unit_of is deleted for a temporary registry.
#pragma once

#include <anslag/export.hpp>
#include <anslag/krona/krona.hpp>
#include <anslag/model/date.hpp>
#include <anslag/model/shared_text.hpp>
#include <anslag/model/unit.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

enum class decision { granted, partly_granted, rejected };

// Granted in full or in part: what every "granted" rule and count means.
constexpr bool is_granted(decision d) noexcept { return d == decision::granted || d == decision::partly_granted; }

// "granted", "partly_granted", "rejected": the words of the round file and of Python.
ANSLAG_API std::string_view to_string(decision d) noexcept;
ANSLAG_API std::optional<decision> decision_from_name(std::string_view text) noexcept;

// Where a sentence or a row stands in the seed document: the lines `line` to `line + lines - 1`
// (a row wrapped by the extraction, a record printed over several lines), or, for an entry the
// document does not print (a settled or derived value), why not.
struct source_ref {
  std::string document;  // the seed file, e.g. "004_2b1165072d843997.txt"
  int line = 0;          // 1-based first line in that file; 0 when not given
  std::string section;   // the document's heading or annex: "Ärendet", "Bilaga 1"
  int lines = 1;         // how many lines the citation spans from `line`, at least 1
  std::string derived;   // why the document prints no line of the entry; "" for a printed entry

  friend bool operator==(const source_ref&, const source_ref&) = default;
};

// An interpretation made by the encoder of a round file, not a fact printed in the document.
struct reading {
  std::string field;  // what it concerns: "unit", "co_applicants", "granted", ...
  std::string text;   // what was read and why

  friend bool operator==(const reading&, const reading&) = default;
};

struct fund {
  std::string id;    // "LUM", "MUST", "MUL"
  std::string name;  // the document's Swedish name
  Krona budget;      // the amount the decision sets aside for the fund
  // Its cap and per-förvaltning limit live in their rules: anslag::cap_per_application and
  // anslag::max_granted_per_unit (include/anslag/rules/facts.hpp) read them.
  shared_text quote;               // the sentence that sets the budget aside; "" when not given
  source_ref source;               // where that sentence stands
  std::vector<reading> readings;   // e.g. an id made up where the document names none

  friend bool operator==(const fund&, const fund&) = default;
};

enum class rule_kind {
  required_criterion,         // every granted application must meet it (an assessment)
  priority_area,              // not required; applications meeting it rank higher
  exclusion,                  // what funds are not for: met = not excluded (an assessment)
  cap_per_application,        // requested <= amount
  max_granted_per_unit,       // at most `count` applications granted per förvaltning
  application_window,         // submitted within [from, to]
  approved_report,            // an approved report on last year's funds is a condition
  one_grant_per_destination,  // one grant when a department applies twice for one destination
  ranking,                    // the order of assessment; not a condition on one application
  set_aside_condition,        // funds granted on condition the verksamhetsplan sets them aside
  repayment_notice,           // unused funds repaid, notice by `to`
};

ANSLAG_API std::string_view to_string(rule_kind k) noexcept;
ANSLAG_API std::optional<rule_kind> rule_kind_from_name(std::string_view text) noexcept;

struct ANSLAG_API rule {
  std::string id;                  // stable: "2024.LUM.huvudkriterium-nytt"
  rule_kind kind = rule_kind::required_criterion;
  std::vector<std::string> funds;  // the funds it applies to; empty: every fund
  bool stated = true;              // false: not written as a rule, shown by the decisions
  std::string summary;             // one English line: what the rule says
  std::optional<Krona> amount;     // cap_per_application
  std::optional<std::int64_t> count;  // max_granted_per_unit
  std::optional<calendar_date> from;  // application_window
  std::optional<calendar_date> to;    // application_window, repayment_notice
  shared_text quote;               // the Swedish sentence, verbatim (shared with the findings citing it)
  source_ref source;
  std::optional<std::string> not_encoded;  // why it is not evaluated per application
  std::optional<std::string> overrides;    // id of the rule this one is an exception to

  bool applies_to(std::string_view fund_id) const;

  friend bool operator==(const rule&, const rule&) = default;
};

enum class statement_kind {
  requested_total,    // the sum of requested amounts of the funds covered
  granted_total,      // the sum of granted amounts (the amount distributed)
  application_count,  // how many applications
  applicant_count,    // how many förvaltningar applied (of `applicant_kind`, if given)
  decision_count,     // how many applications got `decision`
  granted_count,      // how many applications were granted in full or in part
};

ANSLAG_API std::string_view to_string(statement_kind k) noexcept;
ANSLAG_API std::optional<statement_kind> statement_kind_from_name(std::string_view text) noexcept;

struct statement {
  std::string id;
  statement_kind kind = statement_kind::requested_total;
  std::vector<std::string> funds;              // the funds it covers; empty: all of the round's
  std::optional<Krona> amount;                 // the totals
  std::optional<std::int64_t> count;           // the counts
  std::optional<decision> of_decision;         // decision_count: which decision
  std::optional<unit_kind> applicant_kind;     // applicant_count: districts only, say
  shared_text quote;                           // shared with the findings citing it
  source_ref source;
  std::vector<reading> readings;

  friend bool operator==(const statement&, const statement&) = default;
};

enum class assessment { met, not_met };

struct application {
  std::string id;                       // stable: "2020-LUM-03"
  std::string fund;                     // a fund id of the round
  std::string applicant;                // as the document writes it (white space normalised)
  std::optional<std::string> unit;      // unit id, where the encoder is certain of it
  std::vector<std::string> co_applicants;  // unit ids of co-applicants (medsökande)
  std::string project;                  // project title, or the trip's destination and purpose
  std::optional<std::string> destination;  // study trips: where to
  std::optional<std::string> purpose;   // the document's Syfte/mål text
  std::optional<Krona> requested;       // empty: the document does not print it
  std::optional<Krona> granted;         // empty: the document does not print it
  decision outcome = decision::rejected;
  std::string reason;                   // the document's assessment or stated reason
  std::map<std::string, assessment> assessments;  // rule id → what the document says of it
  std::optional<calendar_date> submitted;
  std::optional<bool> approved_report;  // last year's report approved, where stated
  source_ref source;
  std::vector<reading> readings;

  friend bool operator==(const application&, const application&) = default;
};

// The unit an application counts as: the encoder's unit id, else the applicant's name resolved
// through the registry; nullptr when neither gives one unit (an id not in the registry, a name
// that is unknown, ambiguous or not UTF-8). Never throws: a missing unit makes what needs it
// unknown, it is not an error.
ANSLAG_API const unit* unit_of(const application& a, const unit_registry& units);
const unit* unit_of(const application& a, const unit_registry&& units) = delete;  // would dangle

struct document_info {
  std::string title;
  calendar_date dated{1, 1, 1};  // not set: validate() refuses a round with this day
  std::string seed;           // the seed file it was read from
  std::string deciding_body;  // "Socialnämnden"
  std::string kind;           // "tjänsteutlåtande"

  friend bool operator==(const document_info&, const document_info&) = default;
};

struct ANSLAG_API grant_round {
  int year = 0;
  document_info document;
  std::string file;  // the file it was loaded from (for messages)
  // The application window and the repayment notice live in their rules:
  // anslag::application_window_rule and anslag::repayment_notice_rule read them.
  std::vector<fund> funds;
  std::vector<rule> rules;
  std::vector<statement> statements;
  std::vector<application> applications;

  // Pointers into this round (nullptr when there is none). Deleted for a temporary round, whose
  // entries would be gone by the end of the statement.
  const fund* find_fund(std::string_view id) const& noexcept;
  const application* find_application(std::string_view id) const& noexcept;
  const fund* find_fund(std::string_view id) const&& = delete;
  const application* find_application(std::string_view id) const&& = delete;

  friend bool operator==(const grant_round&, const grant_round&) = default;
};

#if defined(ANSLAG_LEGACY_NAMES)
// The name before grant_round, for code written against it before 0.2. Opt-in, because under
// `using namespace std; using namespace anslag;` a type anslag::round makes every unqualified
// round(x) ambiguous with std::round (and with Hinnant's date::round): docs/architecture.md, "Names".
using round = grant_round;
#endif

}  // namespace anslag
