// Round files that are valid TOML and valid format 1 but hostile in meaning
// (tests/data/hostile-semantics): each is refused with the exact position and detail its .expected
// file names ("refused LINE:COLUMN: DETAIL"), or loads and audits to exactly the error and warning
// findings it lists ("findings", then "SEVERITY CODE" lines in report order). In-process here (and
// so under the sanitizers, `make sanitize`); tests/python/test_hostile_semantics.py runs the same
// files in Python and through `anslag audit`. And anslag::validate on rounds a program built.
#include <anslag/audit/audit.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/model/validate.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

namespace {
const std::filesystem::path source_dir(ANSLAG_SOURCE_DIR);
const std::filesystem::path corpus = source_dir / "tests" / "data" / "hostile-semantics";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const anslag::unit_registry& units() {
  static const anslag::unit_registry registry = anslag::load_units(source_dir / "data" / "units.toml");
  return registry;
}

std::string outcome(const std::filesystem::path& path) {
  try {
    const anslag::report report = anslag::audit(anslag::load_round(path), units());
    std::string text = "findings";
    for (const auto& f : report.findings)
      if (f.level != anslag::severity::info)
        text += "\n" + std::string(anslag::to_string(f.level)) + " " + std::string(anslag::to_string(f.code));
    return text + "\n";
  } catch (const anslag::round_file_error& e) {
    return "refused " + std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.detail() + "\n";
  }
}

anslag::rule small_rule(anslag::rule_kind kind) {
  anslag::rule u;
  u.id = "R-1";
  u.kind = kind;
  u.summary = "Regel";
  u.quote = "Citat.";
  u.source = {"test.txt", 1, ""};
  return u;
}

anslag::grant_round small_round() {
  anslag::grant_round r;
  r.year = 2021;
  r.document = {"Testomgång", anslag::calendar_date(2020, 12, 15), "test.txt", "Socialnämnden", "tjänsteutlåtande"};
  r.funds.push_back({"LUM", "Lokala utvecklingsprojekt", anslag::Krona::parse("100 000 kr"), {}, {}});
  anslag::application a;
  a.id = "T-1";
  a.fund = "LUM";
  a.applicant = "Farsta";
  a.project = "Projekt";
  a.requested = anslag::Krona::parse("1 000 kr");
  a.granted = anslag::Krona::parse("1 000 kr");
  a.outcome = anslag::decision::granted;
  r.applications.push_back(a);
  return r;
}

std::string refusal(const anslag::grant_round& r) {
  try {
    anslag::validate(r);
  } catch (const anslag::invalid_round_error& e) {
    return e.what();
  }
  return "valid";
}
}  // namespace

TEST_CASE("audit keeps its promise of no anslag::error on a round whose year is no calendar year",
          "[hostile][audit]") {
  // validate() refuses such a round; audit() must still answer, without the checks that need the
  // year's last day (a unit ceasing during the year).
  for (const int year : {0, -1, 10000, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()}) {
    INFO("year " << year);
    anslag::grant_round r = small_round();
    r.year = year;
    anslag::report report;
    REQUIRE_NOTHROW(report = anslag::audit(r, units()));
    CHECK(report.year == year);
    CHECK(report.count(anslag::severity::info) == anslag::audit(small_round(), units()).count(anslag::severity::info));
    // A unit with an end date (Norrmalm, until 2023-06-30) makes the check it cannot make a
    // MISSING_DATA naming the row, not a silent pass.
    r.applications[0].applicant = "Norrmalm";
    REQUIRE_NOTHROW(report = anslag::audit(r, units()));
    const auto missing = std::count_if(report.findings.begin(), report.findings.end(), [](const anslag::finding& f) {
      return f.code == anslag::finding_code::missing_data && f.rows == std::vector<std::string>{"T-1"} &&
             f.message_en.find("no calendar year") != std::string::npos;
    });
    CHECK(missing == 1);
  }
}

TEST_CASE("every hostile-semantics round gives the outcome its .expected file names", "[hostile]") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(corpus))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 20);
  for (const auto& path : files) {
    INFO(path.filename().string());
    auto expected = path;
    expected.replace_extension(".expected");
    CHECK(outcome(path) == read_text(expected));
  }
}

TEST_CASE("validate holds a round a program built to the rules of a round file", "[validate]") {
  CHECK(refusal(small_round()) == "valid");
  auto r = small_round();
  r.applications[0].granted = anslag::Krona::parse("-250 000 kr");
  CHECK(refusal(r) == "application 'T-1': 'granted' must not be negative");
  r = small_round();
  r.applications.push_back(r.applications[0]);
  CHECK(refusal(r) == "application 'T-1': duplicate application id 'T-1'");
  r = small_round();
  r.applications[0].fund = "MUST";
  CHECK(refusal(r) == "application 'T-1': unknown fund 'MUST'");
  // A cap, a limit and a window live in their rules (rules/facts.hpp), so they are checked there.
  r = small_round();
  r.rules.push_back(small_rule(anslag::rule_kind::cap_per_application));
  r.rules[0].amount = anslag::Krona();
  CHECK(refusal(r) == "rule 'R-1': a cap must be more than 0 kr");
  r = small_round();
  r.rules.push_back(small_rule(anslag::rule_kind::max_granted_per_unit));
  r.rules[0].count = 0;
  CHECK(refusal(r) == "rule 'R-1': a limit must be at least 1");
  r = small_round();
  r.rules.push_back(small_rule(anslag::rule_kind::application_window));
  r.rules[0].from = anslag::calendar_date(2020, 6, 1);
  r.rules[0].to = anslag::calendar_date(2020, 5, 1);
  CHECK(refusal(r) == "rule 'R-1': 'to' must not be before 'from'");
  r = small_round();
  r.rules.push_back(small_rule(anslag::rule_kind::ranking));
  CHECK(refusal(r) == "rule 'R-1': rule kind ranking needs 'not_encoded'");
  r = small_round();
  r.year = 0;
  CHECK(refusal(r) == "the round: 'year' must be a year from 1 to 9999");
  r = small_round();
  r.document.title.clear();
  CHECK(refusal(r) == "the document: 'title' must not be empty");
  r = small_round();
  r.applications[0].id = std::string("T-1\0x", 5);
  CHECK(refusal(r) == "application 'T-1\\u{0000}x': 'id' must not hold control or invisible characters");
  r = small_round();
  r.applications[0].source.line = -1;
  CHECK(refusal(r) == "application 'T-1': 'line' must not be negative");
  r = small_round();
  anslag::statement s;
  s.id = "S-1";
  s.kind = anslag::statement_kind::application_count;
  s.count = -3;
  s.quote = "Antal.";
  r.statements.push_back(s);
  CHECK(refusal(r) == "statement 'S-1': 'count' must not be negative");
  r.statements[0].count.reset();
  CHECK(refusal(r) == "statement 'S-1': statement kind application_count needs 'count'");
  r.statements[0].count = 1;
  r.statements[0].amount = anslag::Krona::parse("1 kr");
  CHECK(refusal(r) == "statement 'S-1': 'amount' does not apply to statement kind application_count");
}

// A part alone (what a pickled Fund, Rule, Statement or Application is held to): the checks of its
// own fields, none that needs its round. An application of a fund that is not there is no error.
template <typename Part>
std::string part_refusal(const Part& part) {
  try {
    anslag::validate(part);
  } catch (const anslag::invalid_round_error& e) {
    CHECK(e.entry().index == 0);
    return e.what();
  }
  return "valid";
}

TEST_CASE("validate holds a part on its own to the rules of its fields", "[validate]") {
  const auto r = small_round();
  anslag::fund f = r.funds[0];
  CHECK(part_refusal(f) == "valid");
  f.budget = anslag::Krona::parse("-1 kr");
  CHECK(part_refusal(f) == "fund 'LUM': 'budget' must not be negative");
  f = r.funds[0];
  f.id = "L\xe2\x80\x8bUM";
  CHECK(part_refusal(f) == "fund 'L\\u{200B}UM': 'id' must not hold control or invisible characters");

  anslag::application a = r.applications[0];
  a.fund = "NOT-IN-ANY-ROUND";
  CHECK(part_refusal(a) == "valid");
  a.requested = anslag::Krona::from_ore(anslag::max_round_amount_ore + 1);
  CHECK(part_refusal(a) == "application 'T-1': 'requested' must be at most 100 000 000 000 kr");
  a = r.applications[0];
  a.co_applicants = {"farsta", "farsta"};
  CHECK(part_refusal(a) == "application 'T-1': co-applicant 'farsta' listed twice");
  a = r.applications[0];
  a.id.clear();
  CHECK(part_refusal(a) == "application '': 'id' must not be empty");

  anslag::rule u = small_rule(anslag::rule_kind::cap_per_application);
  u.funds = {"ANY", "ANY"};
  u.amount = anslag::Krona::parse("5 kr");
  CHECK(part_refusal(u) == "rule 'R-1': fund 'ANY' listed twice");
  u.funds = {"ANY"};
  CHECK(part_refusal(u) == "valid");
  u.amount = anslag::Krona();
  CHECK(part_refusal(u) == "rule 'R-1': a cap must be more than 0 kr");
  u = small_rule(anslag::rule_kind::application_window);
  u.from = anslag::calendar_date(2020, 6, 1);
  u.to = anslag::calendar_date(2020, 5, 1);
  CHECK(part_refusal(u) == "rule 'R-1': 'to' must not be before 'from'");

  anslag::statement s;
  s.id = "S-1";
  s.kind = anslag::statement_kind::granted_total;
  s.amount = anslag::Krona::parse("-1 kr");
  s.quote = "Beviljat.";
  CHECK(part_refusal(s) == "statement 'S-1': 'amount' must not be negative");
  s.amount = anslag::Krona::parse("1 kr");
  CHECK(part_refusal(s) == "valid");
}

TEST_CASE("an unknown name and its decomposed and zero-width twins are one UNKNOWN_UNIT finding", "[hostile]") {
  const anslag::report report =
      anslag::audit(anslag::load_round(corpus / "unknown-name-and-its-decomposed-twin.toml"), units());
  std::vector<anslag::finding> unknown;
  for (const auto& f : report.findings)
    if (f.code == anslag::finding_code::unknown_unit) unknown.push_back(f);
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].rows == std::vector<std::string>{"T-1", "T-2", "T-3"});
  CHECK(unknown[0].quote == "Föreningen Östergök");  // the first spelling, as the file writes it
}

TEST_CASE("the errors of validate are invalid_argument_errors with the entry they concern", "[validate]") {
  auto r = small_round();
  r.applications[0].requested = anslag::Krona::from_ore(anslag::max_round_amount_ore + 1);
  try {
    anslag::validate(r);
    FAIL("validated");
  } catch (const anslag::invalid_argument_error& e) {
    const auto& v = dynamic_cast<const anslag::invalid_round_error&>(e);
    CHECK(v.entry().list == "applications");
    CHECK(v.entry().index == 0);
    CHECK(v.entry().id == "T-1");
    CHECK(v.entry().key == "requested");
    CHECK(v.detail() == "'requested' must be at most 100 000 000 000 kr");
  }
}

TEST_CASE("a name repeating a unit's spelling 100 000 times resolves in linear time", "[hostile]") {
  std::string name;
  for (int i = 0; i < 100'000; ++i) name += "södermalm farsta ";
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(units().resolve(name), anslag::ambiguous_unit_error);
  // Quadratic, it took minutes; linear, well under a second even under the sanitizers.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}
