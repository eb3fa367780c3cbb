// The audit through the C++ API: the fixture rounds of tests/data/audit (each lists every
// finding it must give), exact messages, and the two bundled rounds.
#include <anslag/audit/audit.hpp>
#include <anslag/report/format.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const anslag::unit_registry& units() {
  static const anslag::unit_registry registry = anslag::load_units(fs::path(ANSLAG_DATA_DIR) / "units.toml");
  return registry;
}

std::string plain(std::string text) {
  // The fixtures write amounts with plain spaces and a hyphen-minus.
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"\u00A0", " "}, {"\u2212", "-"}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.replace(at, from.size(), to);
  }
  return text;
}

std::string describe(const anslag::finding& f) {
  std::string out = std::string(to_string(f.level)) + " " + std::string(to_string(f.code));
  if (!f.fund.empty()) out += " fund=" + f.fund;
  if (!f.rule.empty()) out += " rule=" + f.rule;
  if (!f.statement.empty()) out += " statement=" + f.statement;
  if (f.expected) out += " expected=" + f.expected->to_string();
  if (f.actual) out += " actual=" + f.actual->to_string();
  if (!f.rows.empty()) {
    out += " rows=";
    for (std::size_t i = 0; i < f.rows.size(); ++i) out += (i ? "," : "") + f.rows[i];
  }
  return plain(out);
}

std::vector<std::string> expected_findings(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  const std::string prefix = "# expect: ";
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) lines.push_back(line.substr(prefix.size()));
  if (lines == std::vector<std::string>{"nothing"}) lines.clear();
  return lines;
}

anslag::report audit_bundled(int year) {
  return anslag::audit(anslag::load_round(fs::path(ANSLAG_DATA_DIR) / "rounds" / (std::to_string(year) + ".toml")),
                       units());
}

}  // namespace

TEST_CASE("each audit fixture gives exactly the findings it lists", "[audit]") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ANSLAG_SOURCE_DIR) / "tests" / "data" / "audit")) {
    if (entry.path().extension() != ".toml") continue;
    ++files;
    INFO(entry.path().filename().string());
    const auto report = anslag::audit(anslag::load_round(entry.path()), units());
    std::vector<std::string> actual;
    for (const auto& f : report.findings) actual.push_back(describe(f));
    auto expected = expected_findings(entry.path());
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    CHECK(actual == expected);
  }
  REQUIRE(files >= 29);  // a must-raise and a twin for each of the 14 codes, and a clean round
}

TEST_CASE("a total mismatch says both figures and the difference in both languages", "[audit]") {
  const auto report = anslag::audit(
      anslag::load_round(fs::path(ANSLAG_SOURCE_DIR) / "tests/data/audit/total-mismatch.raise.toml"), units());
  REQUIRE(report.findings.size() == 1);
  const auto& f = report.findings.front();
  CHECK(plain(f.message_en) ==
        "The stated sum of requested amounts (LUM) is 1 500 000 kr, but the rows sum to 1 400 000 kr "
        "(difference 100 000 kr).");
  CHECK(plain(f.message_sv) ==
        "Angiven summa av ansökta belopp (LUM) är 1 500 000 kr, men raderna summerar till 1 400 000 kr "
        "(skillnad 100 000 kr).");
  CHECK(f.quote == "Uppgift.");
  CHECK(f.source.line == 1);
}

TEST_CASE("a unit that had merged names its successor on the document's date", "[audit]") {
  const auto report = anslag::audit(
      anslag::load_round(fs::path(ANSLAG_SOURCE_DIR) / "tests/data/audit/unit-not-valid-on-date.raise.toml"), units());
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings.front().message_en ==
        "Älvsjö did not exist on 2020-12-15 (the document's date); its successor then was Hägersten-Älvsjö; "
        "concerns T-1.");
}

TEST_CASE("the 2020 round has no error; its discrepancies hold on a named reading", "[audit][bundled]") {
  const auto report = audit_bundled(2020);
  CHECK(report.count(anslag::severity::error) == 0);
  const auto must = std::find_if(report.findings.begin(), report.findings.end(), [](const anslag::finding& f) {
    return f.code == anslag::finding_code::count_mismatch && f.fund == "MUST";
  });
  REQUIRE(must != report.findings.end());
  CHECK(must->level == anslag::severity::warning);
  CHECK(must->expected == anslag::figure::of_count(7));
  CHECK(must->actual == anslag::figure::of_count(6));
  CHECK(must->reading.has_value());
}

TEST_CASE("a finding names the round file's readings it rests on; the counts keep them apart", "[audit][bundled]") {
  const auto report = audit_bundled(2020);
  // Hägersten-Liljeholmen ceases during 2020: the finding concerns granted rows, whose decisions
  // the round file reads from the assessments' wording.
  const auto ceasing = std::find_if(report.findings.begin(), report.findings.end(), [](const anslag::finding& f) {
    return f.code == anslag::finding_code::unit_not_valid_on_date && f.level == anslag::severity::info;
  });
  REQUIRE(ceasing != report.findings.end());
  REQUIRE(ceasing->reading.has_value());
  CHECK(ceasing->reading->rfind("decision of 2020-LUM-03, 2020-LUM-04: Bilaga 1 has no decision column", 0) == 0);
  for (const auto level : {anslag::severity::error, anslag::severity::warning, anslag::severity::info}) {
    const auto on_reading = std::count_if(report.findings.begin(), report.findings.end(), [&](const anslag::finding& f) {
      return f.level == level && f.reading.has_value();
    });
    CHECK(report.count_on_a_reading(level) == static_cast<std::size_t>(on_reading));
  }
  CHECK(report.count_on_a_reading(anslag::severity::info) < report.count(anslag::severity::info));
}

TEST_CASE("the 2024 round's one error is its overall requested total", "[audit][bundled]") {
  const auto report = audit_bundled(2024);
  REQUIRE(report.count(anslag::severity::error) == 1);
  const auto error = std::find_if(report.findings.begin(), report.findings.end(),
                                  [](const anslag::finding& f) { return f.level == anslag::severity::error; });
  CHECK(error->code == anslag::finding_code::total_mismatch);
  CHECK(error->expected == anslag::figure::of(anslag::Krona::from_kronor(6'558'400)));
  CHECK(error->actual == anslag::figure::of(anslag::Krona::from_kronor(6'658'400)));
}

TEST_CASE("JSON reports give amounts as strings and integer öre, never floats", "[audit][report]") {
  const auto json = anslag::format_report_json(audit_bundled(2024));
  CHECK(json.find("\"ore\": 655840000") != std::string::npos);
  CHECK(json.find("\"amount\": \"6\u00A0558\u00A0400\u00A0kr\"") != std::string::npos);
  CHECK(json.find("\"format\": 2") != std::string::npos);
  // Every "ore" value is an integer literal: digits (and a sign), then the end of the value.
  std::size_t values = 0;
  for (auto at = json.find("\"ore\": "); at != std::string::npos; at = json.find("\"ore\": ", at + 1)) {
    std::size_t end = at + 7;
    if (json[end] == '-') ++end;
    const std::size_t digits = end;
    while (end < json.size() && std::isdigit(static_cast<unsigned char>(json[end]))) ++end;
    CHECK(end > digits);
    CHECK((json[end] == ',' || json[end] == '\n' || json[end] == '}'));
    ++values;
  }
  CHECK(values >= 2);
}

TEST_CASE("a severity filter leaves out findings below it", "[audit][report]") {
  anslag::report_options only_errors;
  only_errors.minimum = anslag::severity::error;
  const auto text = anslag::format_report_text(audit_bundled(2024), only_errors);
  CHECK(text.find("TOTAL_MISMATCH") != std::string::npos);
  CHECK(text.find("MISSING_DATA") == std::string::npos);
}
