// The round file: both bundled rounds load with what their documents say (and no more), and every
// malformed file in tests/data/bad-rounds gives the exact positioned error its first line expects.
#include <anslag/io/round_file.hpp>
#include <anslag/rules/facts.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using anslag::Krona;

namespace {
const std::filesystem::path data_dir = ANSLAG_DATA_DIR;
const std::filesystem::path test_data_dir = std::filesystem::path(ANSLAG_SOURCE_DIR) / "tests" / "data";

Krona kr(std::int64_t kronor) { return Krona::from_kronor(kronor); }

long count_of(const anslag::grant_round& r, const std::string& fund) {
  return std::count_if(r.applications.begin(), r.applications.end(),
                       [&](const anslag::application& a) { return a.fund == fund; });
}

const anslag::application& application(const anslag::grant_round& r, const std::string& id) {
  const anslag::application* a = r.find_application(id);
  REQUIRE(a != nullptr);
  return *a;
}

bool has_reading(const anslag::application& a, const std::string& field) {
  return std::any_of(a.readings.begin(), a.readings.end(),
                     [&](const anslag::reading& r) { return r.field == field && !r.text.empty(); });
}
}  // namespace

TEST_CASE("the 2020 round holds 14 LUM and 9 MUST applications with the document's figures", "[round_file]") {
  const auto r = anslag::load_round(data_dir / "rounds" / "2020.toml");
  CHECK(r.year == 2020);
  CHECK(r.document.dated == anslag::calendar_date(2019, 12, 17));
  CHECK(r.document.seed == "004_2b1165072d843997.txt");
  CHECK(count_of(r, "LUM") == 14);
  CHECK(count_of(r, "MUST") == 9);
  CHECK(r.applications.size() == 23);
  CHECK(r.find_fund("LUM")->budget == kr(3'500'000));
  CHECK(r.find_fund("MUST")->budget == kr(174'300));
  CHECK(anslag::max_granted_per_unit(r, "LUM") == 2);
  CHECK(anslag::max_granted_per_unit(r, "MUST") == 2);
  CHECK_FALSE(anslag::cap_per_application(r, "LUM").has_value());
  REQUIRE(anslag::application_window_rule(r) != nullptr);
  CHECK(anslag::application_window_rule(r)->from == anslag::calendar_date(2019, 5, 3));
  CHECK(anslag::application_window_rule(r)->to == anslag::calendar_date(2019, 9, 20));
  CHECK(anslag::repayment_notice_rule(r)->to == anslag::calendar_date(2020, 6, 7));

  const auto& egenmakt = application(r, "2020-LUM-03");
  CHECK(egenmakt.applicant == "Hägersten- Liljeholmen");
  CHECK(egenmakt.project == "Egenmakt - privatekonomi");
  CHECK(egenmakt.requested == kr(626'000));
  CHECK(egenmakt.granted == kr(400'000));
  CHECK(egenmakt.outcome == anslag::decision::partly_granted);

  const auto& barnet = application(r, "2020-LUM-01");
  REQUIRE(barnet.granted.has_value());  // printed as 0: a stated zero, not unknown
  CHECK(*barnet.granted == Krona());
  CHECK(barnet.outcome == anslag::decision::rejected);

  const auto& kungsholmen = application(r, "2020-LUM-07");
  CHECK(kungsholmen.co_applicants == std::vector<std::string>{"norrmalm", "ostermalm"});
  CHECK(has_reading(kungsholmen, "co_applicants"));
  CHECK(application(r, "2020-LUM-10").applicant == "Socialförvaltning en Framtid Stockholm");
  CHECK(application(r, "2020-LUM-06").outcome == anslag::decision::granted);

  for (const auto& a : r.applications)
    if (a.fund == "MUST") CHECK_FALSE(a.requested.has_value());  // Bilaga 2 prints no requested amounts
  const auto& second_farsta = application(r, "2020-MUST-03");
  CHECK(second_farsta.granted == Krona());
  CHECK(second_farsta.assessments.at("2020.MUST.en-omgang-per-resmal") == anslag::assessment::not_met);
  CHECK(application(r, "2020-MUST-09").assessments.at("2020.MUST.socialtjanst") == anslag::assessment::not_met);
}

TEST_CASE("the 2024 round holds 14 LUM and 8 MUL applications, unknowns left unknown", "[round_file]") {
  const auto r = anslag::load_round(data_dir / "rounds" / "2024.toml");
  CHECK(r.year == 2024);
  CHECK(count_of(r, "LUM") == 14);
  CHECK(count_of(r, "MUL") == 8);
  CHECK(anslag::cap_per_application(r, "MUL") == kr(25'000));
  CHECK_FALSE(anslag::cap_per_application(r, "LUM").has_value());
  CHECK_FALSE(anslag::max_granted_per_unit(r, "LUM").has_value());
  CHECK(anslag::application_window_rule(r) == nullptr);
  CHECK(anslag::repayment_notice_rule(r)->to == anslag::calendar_date(2024, 6, 2));

  for (const auto& a : r.applications) CHECK_FALSE(a.requested.has_value());
  const auto& bfs = application(r, "2024-LUM-01");
  CHECK(bfs.applicant.empty());
  CHECK_FALSE(bfs.unit.has_value());
  CHECK(bfs.granted == Krona());
  CHECK(has_reading(bfs, "granted"));
  CHECK(bfs.assessments.at("2024.LUM.huvudkriterium-nytt") == anslag::assessment::not_met);

  const auto& normmalm = application(r, "2024-LUM-07");
  CHECK(normmalm.applicant == "Normmalm");
  CHECK(normmalm.unit == "norrmalm");
  CHECK(has_reading(normmalm, "unit"));
  CHECK(normmalm.outcome == anslag::decision::partly_granted);
  CHECK(normmalm.granted == kr(200'000));

  const auto& two_names = application(r, "2024-LUM-12");
  CHECK(two_names.applicant == "Hägersten/Älvsjö EÅV");
  CHECK_FALSE(two_names.unit.has_value());
  CHECK(has_reading(two_names, "unit"));
  CHECK(application(r, "2024-MUL-04").granted == kr(23'400));
}

TEST_CASE("every rule and statement of the bundled rounds carries a quote and its line", "[round_file]") {
  for (const char* year : {"2020", "2024"}) {
    const auto r = anslag::load_round(data_dir / "rounds" / (std::string(year) + ".toml"));
    for (const auto& u : r.rules) {
      INFO(u.id);
      CHECK_FALSE(u.quote.empty());
      CHECK(u.source.line > 0);
      CHECK(u.source.document == r.document.seed);
    }
    for (const auto& s : r.statements) {
      INFO(s.id);
      CHECK_FALSE(s.quote.empty());
      CHECK(s.source.line > 0);
      CHECK(s.amount.has_value() != s.count.has_value());
    }
  }
}

TEST_CASE("the example of docs/round-format.md loads", "[round_file]") {
  const auto r = anslag::load_round(test_data_dir / "rounds" / "example.toml");
  CHECK(r.applications.size() == 4);
  CHECK(anslag::cap_per_application(r, "MUST") == kr(25'000));
  CHECK(anslag::max_granted_per_unit(r, "LUM") == 2);
  CHECK(anslag::repayment_notice_rule(r)->to == anslag::calendar_date(2021, 6, 4));
  CHECK_FALSE(r.find_application("2021-MUST-01")->requested.has_value());
}

TEST_CASE("every malformed round file gives the error its first line expects", "[round_file]") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(test_data_dir / "bad-rounds"))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 25);
  for (const auto& path : files) {
    INFO(path.filename().string());
    std::ifstream in(path);
    std::string first;
    std::getline(in, first);
    const std::string prefix = "# expect: ";
    REQUIRE(first.rfind(prefix, 0) == 0);
    const std::string expected = first.substr(prefix.size());
    const auto colon1 = expected.find(':');
    const auto colon2 = expected.find(':', colon1 + 1);
    const std::size_t line = std::stoul(expected.substr(0, colon1));
    const std::size_t column = std::stoul(expected.substr(colon1 + 1, colon2 - colon1 - 1));
    const std::string detail = expected.substr(colon2 + 2);
    try {
      anslag::load_round(path);
      FAIL("loaded without error");
    } catch (const anslag::round_file_error& e) {
      CHECK(e.file() == path.string());
      CHECK(e.line() == line);
      CHECK(e.column() == column);
      CHECK(e.detail() == detail);
      CHECK(std::string(e.what()) == path.string() + ":" + expected);
    }
  }
}

TEST_CASE("parse_round names the given file in its errors", "[round_file]") {
  try {
    anslag::parse_round("format = 1\nyear = 2020\nextra = 1\n", "inline.toml");
    FAIL("parsed without error");
  } catch (const anslag::round_file_error& e) {
    CHECK(std::string(e.what()) == "inline.toml:3:1: unknown key 'extra'");
  }
}

TEST_CASE("a file that cannot be read is a round_file_error at 0:0", "[round_file]") {
  const auto missing = test_data_dir / "rounds" / "no-such-round.toml";
  try {
    anslag::load_round(missing);
    FAIL("loaded a missing file");
  } catch (const anslag::round_file_error& e) {
    CHECK(e.file() == missing.string());
    CHECK(e.line() == 0);
    CHECK(e.column() == 0);
    CHECK(e.detail() == "cannot read the file: No such file or directory");
  }
}
