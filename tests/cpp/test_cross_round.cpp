// The checks across rounds: the three-year example (bundled 2020 and 2024, and the test round
// tests/data/rounds-across/2023.toml), each code raised and its near twin silent.
#include <anslag/audit/cross_round.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const anslag::unit_registry& units() {
  static const anslag::unit_registry registry = anslag::load_units(fs::path(ANSLAG_DATA_DIR) / "units.toml");
  return registry;
}

std::vector<anslag::grant_round> three_years() {
  return {anslag::load_round(fs::path(ANSLAG_DATA_DIR) / "rounds/2020.toml"),
          anslag::load_round(fs::path(ANSLAG_SOURCE_DIR) / "tests/data/rounds-across/2023.toml"),
          anslag::load_round(fs::path(ANSLAG_DATA_DIR) / "rounds/2024.toml")};
}

// "round-year severity CODE rows" for each finding, sorted.
std::vector<std::string> described(const std::vector<anslag::grant_round>& rounds,
                                   const std::vector<anslag::cross_round_finding>& found) {
  std::vector<std::string> out;
  for (const auto& x : found) {
    std::string line = std::to_string(rounds[x.round].year) + " " + std::string(to_string(x.found.level)) + " " +
                       std::string(to_string(x.found.code));
    for (const auto& row : x.found.rows) line += " " + row;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("near-same titles: normalised tokens, Dice at least 4/5") {
  CHECK(anslag::title_tokens("Egenmakt – Privatekonomi") == std::vector<std::string>{"egenmakt", "privatekonomi"});
  CHECK(anslag::near_same_title("Egenmakt - privatekonomi", "Egenmakt – Privatekonomi"));
  CHECK(anslag::near_same_title("Alla barn i centrum ett universellt gruppstöd till föräldrar",
                                "Alla barn i centrum ett universellt gruppstöd för föräldrar"));  // 9 of 10 tokens
  CHECK_FALSE(anslag::near_same_title("Familjeorienterat arbetssätt", "Familjeorienterat boendestöd"));
  CHECK_FALSE(anslag::near_same_title("Egenmakt - privatekonomi", "Egenmakt - privatekonomi för unga vuxna"));
  CHECK_FALSE(anslag::near_same_title("", ""));
}

TEST_CASE("the three-year example: every finding across 2020, 2023 and 2024") {
  const auto rounds = three_years();
  const auto found = anslag::audit_across(rounds, units());
  CHECK(described(rounds, found) == std::vector<std::string>{
                                        "2023 warning MERGED_UNIT_LIMIT_EXCEEDED 2023:2023-LUM-01 2023:2023-LUM-02",
                                        "2023 warning PROJECT_FUNDED_BEFORE 2023:2023-LUM-03 2020:2020-LUM-03",
                                        "2024 warning MISSING_DATA 2024:2024-LUM-09 2023:2023-LUM-01 2023:2023-LUM-02",
                                        "2024 warning MISSING_DATA 2024:2024-LUM-10 2023:2023-LUM-05",
                                        "2024 warning MISSING_DATA 2024:2024-MUL-01 2023:2023-LUM-05",
                                        "2024 warning MISSING_DATA 2024:2024-MUL-02 2023:2023-LUM-05",
                                    });
  const auto funded_before = std::find_if(found.begin(), found.end(), [](const auto& x) {
    return x.found.code == anslag::finding_code::project_funded_before;
  });
  CHECK(funded_before->found.message_en ==
        "2023-LUM-03 \"Egenmakt – Privatekonomi\" is assessed as not tried before, but the same administration "
        "(Hägersten-Älvsjö) was granted funds for the same or a near-same project before: 2020:2020-LUM-03 "
        "\"Egenmakt - privatekonomi\". Rounds read: 2020 (" + rounds[0].file + "), 2023 (" + rounds[1].file + ").");
  CHECK(funded_before->found.rule == "2023.LUM.nytt");
  const auto merged = std::find_if(found.begin(), found.end(), [](const auto& x) {
    return x.found.code == anslag::finding_code::merged_unit_limit_exceeded;
  });
  CHECK(merged->found.message_en ==
        "Järva, which carries on Rinkeby-Kista and Spånga-Tensta on 2023-12-12, holds 2 granted applications of the "
        "2023 round (2023-LUM-01, 2023-LUM-02); at most 1 per administration. Rounds read: 2023 (" + rounds[1].file +
        "), 2024 (" + rounds[2].file + ").");
  CHECK(merged->found.expected->count == 1);
  CHECK(merged->found.actual->count == 2);
}

TEST_CASE("the order the rounds come in does not matter") {
  auto rounds = three_years();
  const auto forward = described(rounds, anslag::audit_across(rounds, units()));
  std::reverse(rounds.begin(), rounds.end());
  CHECK(described(rounds, anslag::audit_across(rounds, units())) == forward);
}

TEST_CASE("the bundled rounds alone raise nothing across rounds (2023 is not there to owe a report)") {
  const std::vector<anslag::grant_round> rounds{anslag::load_round(fs::path(ANSLAG_DATA_DIR) / "rounds/2020.toml"),
                                          anslag::load_round(fs::path(ANSLAG_DATA_DIR) / "rounds/2024.toml")};
  // 2024-LUM-14 "Familjeorienterat boendestöd" of Skarpnäck, granted as new, is the near twin of
  // 2020-LUM-08 "Familjeorienterat arbetssätt", funded for Skarpnäck: it must not match.
  CHECK(anslag::audit_across(rounds, units()).empty());
}

TEST_CASE("a report stated not approved is an error; an approved one is no finding") {
  auto rounds = three_years();
  for (auto& a : rounds[2].applications) {
    if (a.id == "2024-LUM-10") a.approved_report = false;
    if (a.id == "2024-MUL-01" || a.id == "2024-MUL-02" || a.id == "2024-LUM-09") a.approved_report = true;
  }
  const auto found = anslag::audit_across(rounds, units());
  const auto lines = described(rounds, found);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("MISSING_DATA") != std::string::npos; }) == 0);
  const auto error = std::find_if(found.begin(), found.end(), [](const auto& x) {
    return x.found.code == anslag::finding_code::report_not_approved;
  });
  REQUIRE(error != found.end());
  CHECK(error->found.level == anslag::severity::error);
  CHECK(error->found.rule == "2024.godkand-rapport");
  CHECK(error->found.message_sv ==
        "2024-LUM-10 beviljas, men rapporten för Farstas medel 2023 (2023:2023-LUM-05) är inte godkänd. Lästa omgångar: "
        "2023 (" + rounds[1].file + "), 2024 (" + rounds[2].file + ").");
}

TEST_CASE("two files for one year: both audited, a DUPLICATE_ROUND warning on the second") {
  auto rounds = three_years();
  rounds.push_back(rounds[1]);
  rounds.back().file = "copy/2023.toml";
  const auto reports = anslag::audit_rounds(rounds, units());
  REQUIRE(reports.size() == 4);
  const auto duplicates = std::count_if(reports[3].findings.begin(), reports[3].findings.end(), [](const auto& f) {
    return f.code == anslag::finding_code::duplicate_round;
  });
  CHECK(duplicates == 1);
  const auto duplicate = std::find_if(reports[3].findings.begin(), reports[3].findings.end(), [](const auto& f) {
    return f.code == anslag::finding_code::duplicate_round;
  });
  CHECK(duplicate->message_en ==
        "Several round files for the year 2023; each is audited, and the checks across rounds read all of them. "
        "Rounds read: 2023 (" + rounds[1].file + "), 2023 (copy/2023.toml).");  // by year, then file
  CHECK(std::none_of(reports[1].findings.begin(), reports[1].findings.end(),
                     [](const auto& f) { return f.code == anslag::finding_code::duplicate_round; }));
}
