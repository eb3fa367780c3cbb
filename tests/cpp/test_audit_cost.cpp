// The audit's cost and report size on generated worst cases (issue 17): for each shape, auditing
// 4 times the entries takes less than 8 times as long (O(N log N) gives about 4.5), and the report
// grows no faster than the round (at most three findings per entry). The shapes are those that were cubic or quadratic before: many
// funds, many rules without `funds`, many applications of one unit, many statements.
// docs/reliability.md ("Audit cost") gives the figures.
#include <anslag/audit/audit.hpp>
#include <anslag/report/format.hpp>
#include <anslag/report/html.hpp>

#include <catch2/catch.hpp>

#include "bundled_units.hpp"

#include <algorithm>
#include <ctime>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>

using anslag::Krona;

namespace {

const char* const districts[] = {"Farsta", "Södermalm", "Skarpnäck", "Bromma", "Kungsholmen", "Skärholmen"};

anslag::grant_round empty_round() {
  anslag::grant_round r;
  r.year = 2024;
  r.document.dated = anslag::calendar_date(2023, 12, 12);
  return r;
}

anslag::rule make_rule(std::string id, anslag::rule_kind kind) {
  anslag::rule u;
  u.id = std::move(id);
  u.kind = kind;
  u.quote = "Regel.";
  return u;
}

// One rule of each kind the audit checks, without `funds`: each applies to every fund.
void add_rules_for_every_fund(anslag::grant_round& r) {
  auto cap = make_rule("cap", anslag::rule_kind::cap_per_application);
  cap.amount = Krona::from_kronor(25'000);
  r.rules.push_back(cap);
  auto limit = make_rule("limit", anslag::rule_kind::max_granted_per_unit);
  limit.count = 2;
  r.rules.push_back(limit);
  auto window = make_rule("window", anslag::rule_kind::application_window);
  window.from = anslag::calendar_date(2023, 5, 1);
  window.to = anslag::calendar_date(2023, 9, 30);
  r.rules.push_back(window);
  r.rules.push_back(make_rule("report", anslag::rule_kind::approved_report));
  r.rules.push_back(make_rule("one-grant", anslag::rule_kind::one_grant_per_destination));
}

anslag::application make_application(std::size_t i, std::string fund, const char* applicant) {
  anslag::application a;
  a.id = "A-" + std::to_string(i);
  a.fund = std::move(fund);
  a.applicant = applicant;
  a.project = "Projekt " + std::to_string(i % 7);
  a.destination = "Kalmar";
  if (i % 3 != 0) a.requested = Krona::from_kronor(static_cast<std::int64_t>(20'000 + i % 4'000));
  a.granted = i % 4 == 0 ? Krona{} : Krona::from_kronor(20'000);
  a.outcome = i % 4 == 0 ? anslag::decision::rejected : anslag::decision::partly_granted;
  return a;
}

std::string fund_id(std::size_t i) {
  std::string id = "F";
  id += std::to_string(i);
  return id;
}

anslag::fund make_fund(std::size_t i) { return {fund_id(i), "Fond " + std::to_string(i), Krona::from_kronor(1'000'000)}; }

// Many funds, one application each, every rule over every fund.
anslag::grant_round many_funds(std::size_t n) {
  auto r = empty_round();
  add_rules_for_every_fund(r);
  for (std::size_t i = 0; i < n; ++i) {
    r.funds.push_back(make_fund(i));
    r.applications.push_back(make_application(i, r.funds.back().id, districts[i % 6]));
  }
  return r;
}

// The shape of issue 17: n funds, n rules without `funds` (criteria nobody assessed), n
// applications.
anslag::grant_round many_rules(std::size_t n) {
  auto r = many_funds(n);
  for (std::size_t i = 0; i < n; ++i)
    r.rules.push_back(make_rule("criterion-" + std::to_string(i), anslag::rule_kind::required_criterion));
  return r;
}

// One fund, every application from one unit for one destination.
anslag::grant_round one_unit(std::size_t n) {
  auto r = empty_round();
  add_rules_for_every_fund(r);
  r.funds.push_back(make_fund(0));
  for (std::size_t i = 0; i < n; ++i) r.applications.push_back(make_application(i, "F0", "Farsta"));
  return r;
}

// Ten funds and n statements over one, several or every fund, with figures that disagree.
anslag::grant_round many_statements(std::size_t n) {
  auto r = empty_round();
  add_rules_for_every_fund(r);
  for (std::size_t i = 0; i < 10; ++i) r.funds.push_back(make_fund(i));
  for (std::size_t i = 0; i < n; ++i) r.applications.push_back(make_application(i, fund_id(i % 10), districts[i % 6]));
  const anslag::statement_kind kinds[] = {anslag::statement_kind::requested_total, anslag::statement_kind::granted_total,
                                          anslag::statement_kind::application_count, anslag::statement_kind::applicant_count};
  for (std::size_t i = 0; i < n; ++i) {
    anslag::statement s;
    s.id = "S-" + std::to_string(i);
    s.kind = kinds[i % 4];
    if (i % 3 == 1) s.funds = {fund_id(i % 10)};
    if (i % 3 == 2) s.funds = {fund_id(i % 10), fund_id((i + 1) % 10)};
    if (s.kind == anslag::statement_kind::requested_total || s.kind == anslag::statement_kind::granted_total)
      s.amount = Krona::from_kronor(static_cast<std::int64_t>(i));
    else
      s.count = static_cast<std::int64_t>(i);
    r.statements.push_back(s);
  }
  return r;
}

// The least of five timings of processor time, in seconds: the machine is shared, so wall time
// counts other builds' turns; the least processor time is the audit's own cost.
double seconds_to_audit(const anslag::grant_round& r, std::size_t& findings) {
  double best = 1e9;
  for (int run = 0; run < 5; ++run) {
    const std::clock_t start = std::clock();
    const auto report = anslag::audit(r, units());
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
    findings = report.findings.size();
  }
  return best;
}

void holds_the_bound(const char* shape, const std::function<anslag::grant_round(std::size_t)>& make) {
  const std::size_t base = std::getenv("ANSLAG_COST_BASE") ? std::stoul(std::getenv("ANSLAG_COST_BASE")) : 2000;
  std::size_t small_findings = 0, large_findings = 0;
  const auto small = make(base), large = make(4 * base);
  // A shared machine can slow one measurement (another build's turn, the allocator's first pages):
  // the bound must hold in one of three attempts, each the least of five runs.
  double t1 = 0, t4 = 0;
  for (int attempt = 0; attempt < 3 && (attempt == 0 || t4 >= 8 * t1); ++attempt) {
    t1 = seconds_to_audit(small, small_findings);
    t4 = seconds_to_audit(large, large_findings);
  }
  std::cout << shape << ": " << base << " entries " << t1 * 1e3 << " ms, " << 4 * base << " entries " << t4 * 1e3
            << " ms (x" << t4 / t1 << "); findings " << small_findings << " -> " << large_findings << "\n";
  INFO(shape << ": " << t1 << " s -> " << t4 << " s");
  CHECK(t4 < 8 * t1);
  // The report grows with the round, not with a product of its dimensions.
  CHECK(large_findings <= 3 * (large.applications.size() + large.statements.size()) + 16);
}

}  // namespace

TEST_CASE("auditing 4 times the entries costs less than 8 times as much, in every shape", "[audit][cost]") {
  holds_the_bound("many funds", many_funds);
  holds_the_bound("many rules without funds", many_rules);
  holds_the_bound("many applications of one unit", one_unit);
  holds_the_bound("many statements", many_statements);
}

TEST_CASE("criteria nobody assessed over every fund give one finding per fund, naming the rules", "[audit][cost]") {
  const auto r = many_rules(30);
  const auto report = anslag::audit(r, units());
  std::size_t missing = 0;
  for (const auto& f : report.findings) {
    if (f.code != anslag::finding_code::missing_data || f.rule != "criterion-0") continue;
    ++missing;
    CHECK(f.message_en.find("rules criterion-0, criterion-1") != std::string::npos);
    INFO(f.message_en);
    CHECK(f.message_en.find("criterion-9 and 20 more cannot be checked") != std::string::npos);
  }
  // One per fund with a granted application (every fourth application is rejected).
  CHECK(missing == 22);
}

TEST_CASE("findings share their rule's quote, and every report format writes a long one once", "[audit][cost][report]") {
  // The round of issue 25 in small: one cap over every fund, a quote of 100 000 bytes, and every
  // application above the cap, so that each of the 300 funds has a finding citing it.
  auto r = empty_round();
  auto cap = make_rule("cap", anslag::rule_kind::cap_per_application);
  cap.amount = Krona::from_kronor(1'000);
  std::string long_quote;
  for (int i = 0; i < 20'000; ++i) long_quote += "Ord. ";
  cap.quote = long_quote;
  r.rules.push_back(cap);
  for (std::size_t i = 0; i < 300; ++i) {
    r.funds.push_back(make_fund(i));
    r.applications.push_back(make_application(i, fund_id(i), districts[i % 6]));
  }
  const auto report = anslag::audit(r, units());
  std::size_t citing = 0;
  for (const auto& f : report.findings) {
    if (f.rule != "cap") continue;
    ++citing;
    CHECK(f.quote.shares(r.rules[0].quote));  // one stored text, not a copy per finding
  }
  REQUIRE(citing >= 200);

  const auto occurrences = [&](const std::string& text) {
    std::size_t n = 0;
    for (auto at = text.find(long_quote); at != std::string::npos; at = text.find(long_quote, at + 1)) ++n;
    return n;
  };
  // Each format holds the quote once, and is far smaller than one quote per finding.
  const std::string json = anslag::format_report_json(report);
  const std::string text = anslag::format_report_text(report);
  const std::string markdown = anslag::format_report_markdown(report);
  const std::string html = anslag::format_report_html(report, r, std::nullopt);
  for (const std::string* written : {&json, &text, &markdown, &html}) {
    CHECK(occurrences(*written) == 1);
    CHECK(written->size() < 2 * long_quote.size() + 2'000 * citing);
  }
  CHECK(json.find("\"quotes\": [\n    \"Ord. Ord.") != std::string::npos);
  CHECK(json.find("\"quote\": 0,") != std::string::npos);
  CHECK(text.find("quote 1: \u201COrd. Ord.") != std::string::npos);
  CHECK(text.find("quote 1: som ovan / as above") != std::string::npos);
  CHECK(html.find("<a href=\"#Q1\">citat / quote 1</a>: som ovan / as above") != std::string::npos);

  // A quote of a sentence's length is written at each finding, as before.
  r.rules[0].quote = "Det högsta beloppet att söka är 1 000 kronor.";
  const std::string short_text = anslag::format_report_text(anslag::audit(r, units()));
  std::size_t short_ones = 0;
  for (auto at = short_text.find("quote: \u201CDet högsta"); at != std::string::npos;
       at = short_text.find("quote: \u201CDet högsta", at + 1))
    ++short_ones;
  CHECK(short_ones == citing);
}
