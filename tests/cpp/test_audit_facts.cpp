// Each fact lives once (issue 14): a cap or limit edited in its rule, in code, gives the same
// answer in evaluate, audit and propose. Sums past the range of an amount are findings or errors
// that name the fund and rows (issues 14, 17), never a bare overflow.
#include <anslag/allocate/proposal.hpp>
#include <anslag/audit/audit.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/rules/evaluate.hpp>
#include <anslag/rules/facts.hpp>

#include <catch2/catch.hpp>

#include "bundled_units.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using anslag::Krona;

namespace {

anslag::grant_round bundled(int year) {
  return anslag::load_round(fs::path(ANSLAG_DATA_DIR) / "rounds" / (std::to_string(year) + ".toml"));
}

anslag::rule& rule_of(anslag::grant_round& r, anslag::rule_kind kind, const std::string& fund) {
  const auto it = std::find_if(r.rules.begin(), r.rules.end(),
                               [&](const anslag::rule& u) { return u.kind == kind && u.applies_to(fund); });
  REQUIRE(it != r.rules.end());
  return *it;
}

// The rows of `fund` whose verdict on rules of `kind` is not met, by evaluate.
std::set<std::string> not_met_by_evaluate(const anslag::grant_round& r, anslag::rule_kind kind, const std::string& fund) {
  std::set<std::string> rows;
  for (const auto& a : r.applications) {
    if (a.fund != fund) continue;
    for (const auto& v : anslag::evaluate(r, a, units()).verdicts)
      if (v.kind == kind && v.state == anslag::verdict_state::not_met) rows.insert(a.id);
  }
  return rows;
}

std::set<std::string> rows_of_findings(const anslag::report& report, anslag::finding_code code) {
  std::set<std::string> rows;
  for (const auto& f : report.findings)
    if (f.code == code) rows.insert(f.rows.begin(), f.rows.end());
  return rows;
}

}  // namespace

TEST_CASE("a cap lowered or raised in its rule is the cap of evaluate, audit and propose", "[audit][facts]") {
  auto r = bundled(2024);
  auto& cap = rule_of(r, anslag::rule_kind::cap_per_application, "MUL");
  for (const auto kronor : {15'000, 20'000, 25'000, 100'000}) {
    INFO(kronor);
    cap.amount = Krona::from_kronor(kronor);
    CHECK(anslag::cap_per_application(r, "MUL") == cap.amount);
    const auto over_by_evaluate = not_met_by_evaluate(r, anslag::rule_kind::cap_per_application, "MUL");
    std::set<std::string> over_by_rows;
    for (const auto& a : r.applications)
      if (a.fund == "MUL" && a.granted && *a.granted > *cap.amount) over_by_rows.insert(a.id);
    CHECK(over_by_evaluate == over_by_rows);
    CHECK(rows_of_findings(anslag::audit(r, units()), anslag::finding_code::cap_exceeded) == over_by_evaluate);
    const auto p = anslag::propose(r, "MUL", anslag::allocation_strategy::pro_rata, units());
    CHECK(p.cap == cap.amount);
    for (const auto& g : p.grants)
      if (g.proposed) CHECK(*g.proposed <= *cap.amount);
  }
  CHECK_FALSE(anslag::cap_per_application(r, "LUM").has_value());
}

TEST_CASE("a per-förvaltning limit edited in its rule is the limit of evaluate, audit and propose", "[audit][facts]") {
  auto r = bundled(2020);
  auto& limit = rule_of(r, anslag::rule_kind::max_granted_per_unit, "LUM");
  for (const std::int64_t count : {1, 2, 5}) {
    INFO(count);
    limit.count = count;
    CHECK(anslag::max_granted_per_unit(r, "LUM") == count);
    const auto by_evaluate = not_met_by_evaluate(r, anslag::rule_kind::max_granted_per_unit, "LUM");
    std::set<std::string> by_audit;
    for (const auto& f : anslag::audit(r, units()).findings)
      if (f.code == anslag::finding_code::unit_limit_exceeded && f.fund == "LUM") by_audit.insert(f.rows.begin(), f.rows.end());
    CHECK(by_evaluate == by_audit);
    CHECK(by_audit.empty() == (count >= 2));  // the 2020 decision kept to its limit of two
    CHECK(anslag::propose(r, "LUM", anslag::allocation_strategy::ranked, units()).limit == count);
  }
}

TEST_CASE("of two caps on one fund, the lower binds everywhere; a not-encoded one nowhere", "[audit][facts]") {
  auto r = bundled(2024);
  auto second = rule_of(r, anslag::rule_kind::cap_per_application, "MUL");
  second.id = "2024.MUL.lagre-tak";
  second.amount = Krona::from_kronor(10'000);
  r.rules.push_back(second);
  CHECK(anslag::cap_rule(r, "MUL")->id == "2024.MUL.lagre-tak");
  CHECK(anslag::propose(r, "MUL", anslag::allocation_strategy::pro_rata, units()).cap == Krona::from_kronor(10'000));
  r.rules.back().not_encoded = "read as guidance only";
  CHECK(anslag::cap_per_application(r, "MUL") == Krona::from_kronor(25'000));
}

TEST_CASE("the window and the notice date are read from their rules", "[audit][facts]") {
  auto r = bundled(2020);
  auto& window = rule_of(r, anslag::rule_kind::application_window, "LUM");
  window.to = anslag::calendar_date(2019, 10, 31);
  CHECK(anslag::application_window_rule(r)->to == anslag::calendar_date(2019, 10, 31));
  CHECK(anslag::repayment_notice_rule(r)->to == anslag::calendar_date(2020, 6, 7));
}

namespace {

// One fund whose two grants and two requests sum past the largest amount.
anslag::grant_round beyond_the_range() {
  anslag::grant_round r;
  r.year = 2030;
  r.document.dated = anslag::calendar_date(2030, 1, 1);
  r.funds.push_back({"LUM", "Lokala utvecklingsmedel", Krona::from_kronor(1'000'000)});
  for (const char* id : {"A", "B"}) {
    anslag::application a;
    a.id = id;
    a.fund = "LUM";
    a.applicant = "Farsta";
    a.project = std::string("Projekt ") + id;
    a.requested = Krona::max();
    a.granted = Krona::max();
    a.outcome = anslag::decision::granted;
    r.applications.push_back(a);
  }
  anslag::statement total;
  total.id = "S-beviljat";
  total.kind = anslag::statement_kind::granted_total;
  total.funds = {"LUM"};
  total.amount = Krona::from_kronor(1'000'000);
  r.statements.push_back(total);
  return r;
}

}  // namespace

TEST_CASE("sums past the range of an amount are findings with the exact figure, not overflows", "[audit][overflow]") {
  const auto r = beyond_the_range();
  anslag::report report;
  REQUIRE_NOTHROW(report = anslag::audit(r, units()));
  const auto total = std::find_if(report.findings.begin(), report.findings.end(), [](const anslag::finding& f) {
    return f.code == anslag::finding_code::total_mismatch && f.statement == "S-beviljat";
  });
  REQUIRE(total != report.findings.end());
  CHECK(total->level == anslag::severity::error);
  CHECK_FALSE(total->actual.has_value());  // no amount holds it: the message gives it exactly
  CHECK(total->message_en ==
        "The stated sum of granted amounts (LUM) is 1\u00A0000\u00A0000\u00A0kr, but the rows sum to "
        "184\u00A0467\u00A0440\u00A0737\u00A0095\u00A0516,14\u00A0kr (beyond the range of amounts) (difference "
        "\u2212184\u00A0467\u00A0440\u00A0736\u00A0095\u00A0516,14\u00A0kr).");
  const auto budget = std::find_if(report.findings.begin(), report.findings.end(), [](const anslag::finding& f) {
    return f.code == anslag::finding_code::budget_exceeded;
  });
  REQUIRE(budget != report.findings.end());
  CHECK(budget->fund == "LUM");
  CHECK_FALSE(budget->actual.has_value());
}

TEST_CASE("stated figures per fund that sum past the range are a finding on the overall one", "[audit][overflow]") {
  auto r = beyond_the_range();
  r.funds.push_back({"MUL", "Studiebesök", Krona::from_kronor(1)});
  r.statements.clear();
  for (const char* fund : {"LUM", "MUL"}) {
    anslag::statement s;
    s.id = std::string("S-") + fund;
    s.kind = anslag::statement_kind::application_count;
    s.funds = {fund};
    s.count = std::numeric_limits<std::int64_t>::max();
    r.statements.push_back(s);
  }
  anslag::statement overall;
  overall.id = "S-alla";
  overall.kind = anslag::statement_kind::application_count;
  overall.count = 7;
  r.statements.push_back(overall);
  const auto report = anslag::audit(r, units());
  const auto sum = std::find_if(report.findings.begin(), report.findings.end(),
                                [](const anslag::finding& f) { return f.statement == "S-alla" && !f.actual; });
  REQUIRE(sum != report.findings.end());
  CHECK(sum->code == anslag::finding_code::count_mismatch);
  CHECK(sum->message_en ==
        "The stated overall figure 7 is not the sum of the figures per fund: 9223372036854775807 (S-LUM) + "
        "9223372036854775807 (S-MUL) = 18446744073709551614.");
}

TEST_CASE("a comparison whose recorded grants sum past the range names the fund", "[proposal][overflow]") {
  const auto p = anslag::propose(beyond_the_range(), "LUM", anslag::allocation_strategy::ranked, units());
  CHECK_THROWS_MATCHES(p.compare(), anslag::overflow_error,
                       Catch::Message("the sum of the recorded grants in fund LUM is beyond the range of amounts"));
}
