// validate() holds a round built in code to every documented invariant: one valid round, and a
// copy of it with one violation planted for each class (dates outside the round's span, a date
// never set, enums out of range), each refused with the exact message that names the entry,
// the field and the value.
#include <anslag/model/validate.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

using anslag::calendar_date;
using anslag::grant_round;

namespace {

grant_round valid_round() {
  grant_round r;
  r.year = 2024;
  r.document = {"Fördelning av medel 2024", calendar_date(2023, 12, 12), "seed.txt", "Socialnämnden",
                "tjänsteutlåtande"};
  r.funds.push_back({"LU", "Lokala utvecklingsmedel", anslag::Krona::from_kronor(100'000), "", {}, {}});
  const auto rule = [](const char* id, anslag::rule_kind kind, const char* summary, const char* quote) {
    anslag::rule u;
    u.id = id;
    u.kind = kind;
    u.summary = summary;
    u.quote = quote;
    return u;
  };
  r.rules.push_back(rule("2024.fonster", anslag::rule_kind::application_window, "Applications within the window",
                         "Ansökan ska ha inkommit senast den 1 oktober."));
  r.rules.back().from = calendar_date(2023, 8, 1);
  r.rules.back().to = calendar_date(2023, 10, 1);
  r.rules.push_back(rule("2024.aterbetalning", anslag::rule_kind::repayment_notice, "Unused funds are repaid",
                         "Medel som inte används ska återbetalas senast den 31 december."));
  r.rules.back().to = calendar_date(2024, 12, 31);
  r.rules.back().not_encoded = "a date of the round, not a condition on one application";
  anslag::statement count;
  count.id = "antal";
  count.kind = anslag::statement_kind::decision_count;
  count.count = 1;
  count.of_decision = anslag::decision::granted;
  count.quote = "En ansökan beviljas.";
  r.statements.push_back(count);
  anslag::application a;
  a.id = "2024-LU-01";
  a.fund = "LU";
  a.applicant = "Farsta";
  a.project = "Mötesplats";
  a.outcome = anslag::decision::granted;
  a.submitted = calendar_date(2023, 9, 14);
  a.assessments["2024.fonster"] = anslag::assessment::met;
  r.applications.push_back(a);
  return r;
}

std::string refusal(const grant_round& r) {
  try {
    anslag::validate(r);
  } catch (const anslag::invalid_round_error& e) {
    return e.what();
  }
  return "accepted";
}

struct planted {
  std::string what;
  std::function<void(grant_round&)> plant;
  std::string message;
};

const std::string span_2024 = " is outside 2022-01-01 to 2025-12-31, the days a round of 2024 can hold";

}  // namespace

TEST_CASE("the valid round is accepted, at both ends of its span", "[validate]") {
  grant_round r = valid_round();
  REQUIRE(refusal(r) == "accepted");
  r.document.dated = calendar_date(2022, 1, 1);
  r.applications[0].submitted = calendar_date(2025, 12, 31);
  REQUIRE(refusal(r) == "accepted");
}

TEST_CASE("each class of violation planted in a valid round is refused, naming field and value", "[validate]") {
  std::vector<planted> cases{
      {"a round built without its document's date", [](grant_round& r) { r.document.dated = anslag::document_info{}.dated; },
       "the document: 'date' is not set: a round needs the date of its decision document"},
      {"enum: decision", [](grant_round& r) { r.applications[0].outcome = static_cast<anslag::decision>(7); },
       "application '2024-LU-01': 'decision' holds 7, which is no decision"},
      {"enum: rule kind", [](grant_round& r) { r.rules[0].kind = static_cast<anslag::rule_kind>(99); },
       "rule '2024.fonster': 'kind' holds 99, which is no rule kind"},
      {"enum: statement kind", [](grant_round& r) { r.statements[0].kind = static_cast<anslag::statement_kind>(42); },
       "statement 'antal': 'kind' holds 42, which is no statement kind"},
      {"enum: statement decision", [](grant_round& r) { r.statements[0].of_decision = static_cast<anslag::decision>(-1); },
       "statement 'antal': 'decision' holds -1, which is no decision"},
      {"enum: applicant kind",
       [](grant_round& r) {
         r.statements[0].kind = anslag::statement_kind::applicant_count;
         r.statements[0].of_decision.reset();
         r.statements[0].applicant_kind = static_cast<anslag::unit_kind>(5);
       },
       "statement 'antal': 'applicant_kind' holds 5, which is no unit kind"},
      {"enum: assessment", [](grant_round& r) { r.applications[0].assessments["2024.fonster"] = static_cast<anslag::assessment>(3); },
       "application '2024-LU-01': assessment of rule '2024.fonster' holds 3, which is neither met nor not_met"},
  };
  // Every date of the round, too early and too late for a round of 2024.
  const std::vector<std::pair<std::string, std::function<void(grant_round&, calendar_date)>>> dates{
      {"the document: 'date' ", [](grant_round& r, calendar_date d) { r.document.dated = d; }},
      {"application '2024-LU-01': 'submitted' ", [](grant_round& r, calendar_date d) { r.applications[0].submitted = d; }},
      // A window that ends before it begins is an error of its own: its end moves along.
      {"rule '2024.fonster': 'from' ",
       [](grant_round& r, calendar_date d) {
         r.rules[0].from = d;
         if (d > *r.rules[0].to) r.rules[0].to = d;
       }},
      {"rule '2024.aterbetalning': 'to' ", [](grant_round& r, calendar_date d) { r.rules[1].to = d; }},
  };
  for (const auto& [where, set] : dates)
    for (const calendar_date d : {calendar_date(1066, 10, 14), calendar_date(1850, 1, 1), calendar_date(2021, 12, 31),
                                  calendar_date(2026, 1, 1), calendar_date(9999, 12, 31)}) {
      cases.push_back({where + d.to_string(),
                       [set = set, d](grant_round& r) { set(r, d); },
                       where + d.to_string() + span_2024});
    }
  for (const auto& c : cases) {
    INFO(c.what);
    grant_round r = valid_round();
    c.plant(r);
    CHECK(refusal(r) == c.message);
  }
}

TEST_CASE("a decision out of range is not granted", "[validate]") {
  STATIC_REQUIRE(!anslag::is_granted(static_cast<anslag::decision>(7)));
  STATIC_REQUIRE(anslag::is_granted(anslag::decision::partly_granted));
}
