#include <anslag/allocate/proposal.hpp>
#include <anslag/audit/audit.hpp>
#include <anslag/ingest/draft.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/model/unit.hpp>
#include <anslag/report/html.hpp>
#include <anslag/rules/evaluate.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using anslag::calendar_date;
using anslag::unit;
using anslag::unit_kind;
using anslag::unit_registry;

namespace {

const unit_registry& bundled() {
  static const unit_registry registry = anslag::load_units(std::string(ANSLAG_DATA_DIR) + "/units.toml");
  return registry;
}

const unit& by_id(const char* id) {
  const unit* u = bundled().find(id);
  REQUIRE(u != nullptr);
  return *u;
}

std::size_t count_kind(const std::vector<const unit*>& units, unit_kind kind) {
  return static_cast<std::size_t>(
      std::count_if(units.begin(), units.end(), [&](const unit* u) { return u->kind == kind; }));
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

unit make_unit(std::string id, std::string name) {
  unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  return u;
}

}  // namespace

TEST_CASE("normalize_unit_name folds case, separators and white space", "[units]") {
  const std::vector<std::pair<std::string, std::string>> table{
      {"Hägersten-Liljeholmen", "hägersten-liljeholmen"},
      {"Hägersten- Liljeholmen", "hägersten-liljeholmen"},
      {"Hägersten -Liljeholmen", "hägersten-liljeholmen"},
      {"Hägersten / Älvsjö", "hägersten-älvsjö"},
      {"Hässelby/Vällingby", "hässelby-vällingby"},
      {"Enskede/Årsta/Vantör", "enskede-årsta-vantör"},
      {"ENSKEDE–ÅRSTA—VANTÖR", "enskede-årsta-vantör"},      // en dash, em dash
      {"Rinkeby\u2010Kista", "rinkeby-kista"},                 // hyphen U+2010
      {"Rinkeby\u2212Kista", "rinkeby-kista"},                 // minus sign
      {"  Norra \t innerstaden\u00A0 ", "norra innerstaden"},  // no-break space
      {"Socialförvaltningen, Socialjouren", "socialförvaltningen socialjouren"},
      {"Socialförvaltning en , socialjouren", "socialförvaltning en socialjouren"},
      {"ÉÅÄÖÜ", "éåäöü"},
      {"- Farsta -", "farsta"},
      {" Norra\tINNERSTADEN,Farsta / Bromma-", "norra innerstaden farsta-bromma"},  // ASCII: byte by byte
      {"So\u0308dermalm", "södermalm"},                                               // decomposed ö
      {"", ""},
  };
  for (const auto& [input, expected] : table) {
    INFO(input);
    CHECK(anslag::normalize_unit_name(input) == expected);
  }
}

TEST_CASE("normalize_unit_name refuses invalid UTF-8 naming the code point", "[units]") {
  try {
    anslag::normalize_unit_name("Sk\xC3\xA4r\xFFholmen");
    FAIL("no error");
  } catch (const anslag::parse_error& e) {
    CHECK(std::string(e.what()) == "invalid UTF-8 at position 4");
    CHECK(e.position() == 4);
  }
}

TEST_CASE("unit kinds read and print as their words", "[units]") {
  for (auto k : {unit_kind::district, unit_kind::administration, unit_kind::department})
    CHECK(anslag::unit_kind_from_name(anslag::to_string(k)) == k);
  CHECK_FALSE(anslag::unit_kind_from_name("District"));
}

TEST_CASE("every name and alias in data/units.toml resolves to its unit", "[units]") {
  REQUIRE(bundled().units().size() == 21);
  std::size_t aliases = 0;
  for (const auto& u : bundled().units()) {
    INFO(u.id);
    CHECK(bundled().resolve(u.name).id == u.id);
    for (const auto& alias : u.aliases) {
      INFO(alias);
      CHECK(bundled().resolve(alias).id == u.id);
      ++aliases;
    }
  }
  CHECK(aliases >= 2);
}

TEST_CASE("a department resolves with any spelling of its förvaltning before it", "[units]") {
  CHECK(bundled().resolve("Socialförvaltningen, Socialjouren").id == "socialjouren");
  CHECK(bundled().resolve("Socialförvaltning en, socialjouren").id == "socialjouren");
  CHECK(bundled().resolve("Socialförvaltning en Framtid Stockholm").id == "framtid-stockholm");
  CHECK(bundled().resolve("socialförvaltningen - enheten för hemlösa").id == "enheten-for-hemlosa");
  CHECK(bundled().resolve("Enheten för hemlösa").id == "enheten-for-hemlosa");
}

TEST_CASE("a department counts as its förvaltning, anything else as itself", "[units]") {
  for (const char* id : {"framtid-stockholm", "socialjouren", "enheten-for-hemlosa"})
    CHECK(bundled().forvaltning(by_id(id)).id == "socialforvaltningen");
  CHECK(bundled().forvaltning(by_id("socialforvaltningen")).id == "socialforvaltningen");
  CHECK(bundled().forvaltning(by_id("farsta")).id == "farsta");
}

TEST_CASE("every merger: valid the day before, succeeded on the day", "[units]") {
  struct merger {
    const char* from;
    const char* into;
    calendar_date day;
  };
  const std::vector<merger> mergers{
      {"hagersten-liljeholmen", "hagersten-alvsjo", calendar_date(2020, 7, 1)},
      {"alvsjo", "hagersten-alvsjo", calendar_date(2020, 7, 1)},
      {"rinkeby-kista", "jarva", calendar_date(2023, 7, 1)},
      {"spanga-tensta", "jarva", calendar_date(2023, 7, 1)},
      {"norrmalm", "norra-innerstaden", calendar_date(2023, 7, 1)},
      {"ostermalm", "norra-innerstaden", calendar_date(2023, 7, 1)},
  };
  for (const auto& m : mergers) {
    INFO(m.from);
    const unit& old = by_id(m.from);
    const unit& successor = by_id(m.into);
    const calendar_date before = m.day.previous();
    CHECK(old.valid_on(before));
    CHECK_FALSE(old.valid_on(m.day));
    CHECK_FALSE(successor.valid_on(before));
    CHECK(successor.valid_on(m.day));
    CHECK(bundled().successor_on(old, before) == &old);
    CHECK(bundled().successor_on(old, m.day) == &successor);
    CHECK(bundled().successor_on(successor, before) == nullptr);
    CHECK(bundled().successor_on(successor, m.day) == &successor);
  }
  // Before the horizon there is no unit to carry on.
  CHECK(bundled().successor_on(by_id("farsta"), calendar_date(2006, 12, 31)) == nullptr);
}

TEST_CASE("units_on counts 14, 13 and 11 districts across the mergers", "[units]") {
  const auto before = bundled().units_on(calendar_date(2020, 6, 30));
  CHECK(count_kind(before, unit_kind::district) == 14);
  CHECK(count_kind(before, unit_kind::administration) == 1);
  CHECK(count_kind(before, unit_kind::department) == 3);
  CHECK(before.size() == 18);
  CHECK(count_kind(bundled().units_on(calendar_date(2020, 7, 1)), unit_kind::district) == 13);
  CHECK(count_kind(bundled().units_on(calendar_date(2023, 6, 30)), unit_kind::district) == 13);
  const auto after = bundled().units_on(calendar_date(2023, 7, 1));
  CHECK(count_kind(after, unit_kind::district) == 11);
  CHECK(after.size() == 15);
  CHECK(count_kind(bundled().units_on(calendar_date(2006, 12, 31)), unit_kind::district) == 0);
}

TEST_CASE("a misspelling is refused with the nearest names as suggestions", "[units]") {
  try {
    bundled().resolve("Normmalm");
    FAIL("no error");
  } catch (const anslag::unknown_unit_error& e) {
    CHECK(std::string(e.what()) == "unknown unit \"Normmalm\" (did you mean Norrmalm?)");
    CHECK(e.suggestions() == std::vector<std::string>{"Norrmalm"});
  }
  try {
    bundled().resolve("EÄV");
    FAIL("no error");
  } catch (const anslag::unknown_unit_error& e) {
    CHECK(std::string(e.what()) == "unknown unit \"EÄV\" (did you mean Enskede-Årsta-Vantör?)");
  }
  try {
    bundled().resolve("Socialtjänsten");
    FAIL("no error");
  } catch (const anslag::unknown_unit_error& e) {
    CHECK(std::string(e.what()) == "unknown unit \"Socialtjänsten\"");
    CHECK(e.suggestions().empty());
  }
}

TEST_CASE("a unit named inside a longer name is suggested, never taken", "[units]") {
  try {
    bundled().resolve("Älvsjö, Älvsjö-teamet");
    FAIL("no error");
  } catch (const anslag::unknown_unit_error& e) {
    CHECK(std::string(e.what()) == "unknown unit \"Älvsjö, Älvsjö-teamet\" (did you mean Älvsjö?)");
  }
  // A department and its own förvaltning are one förvaltning: unknown, not ambiguous.
  try {
    bundled().resolve("Socialjouren vid Socialförvaltningen");
    FAIL("no error");
  } catch (const anslag::unknown_unit_error& e) {
    CHECK(e.suggestions() == std::vector<std::string>{"Socialjouren", "Socialförvaltningen"});
  }
}

TEST_CASE("a name naming two förvaltningar is ambiguous", "[units]") {
  try {
    bundled().resolve("Hägersten/Älvsjö EÅV");
    FAIL("no error");
  } catch (const anslag::ambiguous_unit_error& e) {
    CHECK(std::string(e.what()) ==
          "ambiguous unit \"Hägersten/Älvsjö EÅV\": Hägersten-Älvsjö, Enskede-Årsta-Vantör");
    CHECK(e.candidates() == std::vector<std::string>{"Hägersten-Älvsjö", "Enskede-Årsta-Vantör"});
  }
  try {
    bundled().resolve("Kungsholmen (medsökande Norrmalm och Östermalm)");
    FAIL("no error");
  } catch (const anslag::ambiguous_unit_error& e) {
    CHECK(e.candidates() == std::vector<std::string>{"Kungsholmen", "Norrmalm", "Östermalm"});
  }
}

// The applicant cells of the seeds' tables (data/seeds/), the unit part as the document writes it.
TEST_CASE("every applicant spelling of the seeds' tables resolves or fails as it should", "[units]") {
  const std::vector<std::pair<std::string, std::string>> resolving{
      // 2020 (004_2b1165072d843997.txt), Annex 1
      {"Farsta", "farsta"},
      {"Hägersten- Liljeholmen", "hagersten-liljeholmen"},
      {"Hässelby-Vällingby", "hasselby-vallingby"},
      {"Kungsholmen", "kungsholmen"},
      {"Skarpnäck", "skarpnack"},
      {"Skärholmen", "skarholmen"},
      {"Socialförvaltning en Framtid Stockholm", "framtid-stockholm"},
      {"Socialförvaltning en, socialjouren", "socialjouren"},
      {"Södermalm", "sodermalm"},
      {"Älvsjö", "alvsjo"},
      {"Östermalm", "ostermalm"},
      // 2020, Annex 2
      {"Enskede-Årsta-Vantör", "enskede-arsta-vantor"},
      {"Socialförvaltningen, Framtid Stockholm", "framtid-stockholm"},
      {"Socialförvaltningen, Socialjouren", "socialjouren"},
      {"Spånga-Tensta", "spanga-tensta"},
      // 2024 (000_98bf0cbc657a04e3.txt), LUM and MUL tables
      {"Södermalm", "sodermalm"},
      {"Järva", "jarva"},
      {"Kungsholmen", "kungsholmen"},
      {"Hässelby/Vällingby", "hasselby-vallingby"},
      {"Skarpnäck", "skarpnack"},
      {"Enskede/Årsta/Vantör", "enskede-arsta-vantor"},
      {"Socialförvaltningen, Enheten för hemlösa", "enheten-for-hemlosa"},
  };
  for (const auto& [spelling, id] : resolving) {
    INFO(spelling);
    CHECK(bundled().resolve(spelling).id == id);
  }
  CHECK_THROWS_AS(bundled().resolve("Normmalm"), anslag::unknown_unit_error);
  CHECK_THROWS_AS(bundled().resolve("Hägersten/Älvsjö EÅV"), anslag::ambiguous_unit_error);
  CHECK_THROWS_AS(bundled().resolve("Kungsholmen (medsökande Norrmalm och Östermalm)"),
                  anslag::ambiguous_unit_error);
}

// The 2020 Annex 1 writes unit and project in one cell: the cell is no unit, but the unit
// inside it is what resolution suggests.
TEST_CASE("a whole 2020 Annex 1 cell is refused with the unit inside it suggested", "[units]") {
  const std::vector<std::pair<std::string, std::string>> cells{
      {"Farsta - Barnet genom hela processen", "Farsta"},
      {"Hägersten- Liljeholmen Egenmakt - privatekonomi", "Hägersten-Liljeholmen"},
      {"Socialförvaltning en Framtid Stockholm - Alla barn i centrum (ABC)", "Framtid Stockholm"},
      {"Socialförvaltning en, socialjouren - Islandsprojektet - Stockholm", "Socialjouren"},
  };
  for (const auto& [cell, unit_name] : cells) {
    INFO(cell);
    try {
      bundled().resolve(cell);
      FAIL("no error");
    } catch (const anslag::unknown_unit_error& e) {
      CHECK(e.suggestions() == std::vector<std::string>{unit_name});
    }
  }
}

TEST_CASE("the registry refuses inconsistent units", "[units]") {
  unit a = make_unit("a", "A");
  unit b = make_unit("b", "B");
  CHECK_THROWS_WITH(unit_registry({a, a}), "duplicate unit id \"a\"");
  unit renamed = make_unit("c", "a");
  CHECK_THROWS_WITH(unit_registry({a, renamed}), "units \"a\" and \"c\" share the spelling \"a\"");
  unit dangling = b;
  dangling.valid_until = calendar_date(2020, 6, 30);
  dangling.successor = "x";
  CHECK_THROWS_WITH(unit_registry({a, dangling}), "unit \"b\": successor \"x\" is not in the registry");
  dangling.successor = "a";
  a.valid_from = calendar_date(2020, 7, 2);
  CHECK_THROWS_WITH(unit_registry({a, dangling}), "unit \"b\": successor \"a\" is not valid on 2020-07-01");
  unit orphan = make_unit("d", "D");
  orphan.kind = unit_kind::department;
  CHECK_THROWS_WITH(unit_registry({orphan}), "unit \"d\": a department needs a parent");
  CHECK_THROWS_AS(unit_registry({orphan}), anslag::invalid_argument_error);
}

TEST_CASE("every malformed registry in tests/data/bad-units gives its positioned error", "[units]") {
  // Each file's first line is "# error: LINE:COLUMN: DETAIL", the error it must give.
  std::size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(ANSLAG_SOURCE_DIR) + "/tests/data/bad-units")) {
    if (entry.path().extension() != ".toml") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    const std::string text = read_file(entry.path());
    const std::string prefix = "# error: ";
    REQUIRE(text.rfind(prefix, 0) == 0);
    const std::string expected = name + ":" + text.substr(prefix.size(), text.find('\n') - prefix.size());
    INFO(name);
    try {
      anslag::parse_units(text, name);
      FAIL("loaded without error");
    } catch (const anslag::round_file_error& e) {
      CHECK(std::string(e.what()) == expected);
      CHECK(e.file() == name);
    }
  }
  CHECK(files >= 12);
}

TEST_CASE("load_units names a file it cannot read", "[units]") {
  CHECK_THROWS_WITH(anslag::load_units("/nonexistent/units.toml"),
                    "/nonexistent/units.toml:0:0: cannot read the file: No such file or directory");
}

// --- a second organisation: Göteborg (data/registries/goteborg.toml, docs/units.md) -------------

namespace {

const unit_registry& goteborg() {
  static const unit_registry registry =
      anslag::load_units(std::string(ANSLAG_DATA_DIR) + "/registries/goteborg.toml");
  return registry;
}

const std::filesystem::path goteborg_round = std::string(ANSLAG_SOURCE_DIR) + "/tests/data/goteborg/2021.toml";

std::vector<const anslag::finding*> with_code(const anslag::report& r, anslag::finding_code code) {
  std::vector<const anslag::finding*> out;
  for (const auto& f : r.findings)
    if (f.code == code) out.push_back(&f);
  return out;
}
// The pointers point into the report: a temporary one would leave them dangling (ASan found one).
std::vector<const anslag::finding*> with_code(anslag::report&&, anslag::finding_code) = delete;

}  // namespace

TEST_CASE("Göteborg's registry: ten districts until 2020, four stadsområden after", "[units][goteborg]") {
  const auto& g = goteborg();
  CHECK(g.units().size() == 14);
  CHECK(g.units_on(calendar_date(2020, 12, 31)).size() == 10);
  const auto after = g.units_on(calendar_date(2021, 1, 1));
  std::vector<std::string> names;
  for (const unit* u : after) names.push_back(u->name);
  CHECK(names == std::vector<std::string>{"Nordost", "Stadsområde Centrum", "Sydväst", "Hisingen"});
  const unit& askim = g.resolve("Askim-Frölunda-Högsbo");
  CHECK(g.successor_on(askim, calendar_date(2021, 3, 10))->id == "sydvast");
  CHECK(g.forvaltning_on(g.resolve("Stadsdelsnämnden Majorna-Linné"), calendar_date(2021, 1, 1)).name ==
        "Stadsområde Centrum");
  CHECK(g.resolve("Stadsområdesnämnd Hisingen").id == "hisingen");
  CHECK(g.resolve("Norra Hisingen").id == "norra-hisingen");
  // "Centrum" alone is the district before 2021 and the stadsområde after: neither's spelling.
  CHECK_THROWS_AS(g.resolve("Centrum"), anslag::unknown_unit_error);
  CHECK(g.kinds().district ==
        anslag::unit_kind_words{"stadsområdesförvaltning", "stadsområdesförvaltningar", "area administrations"});
  CHECK(g.kinds().administration == anslag::unit_kind_vocabulary{}.administration);
  CHECK(bundled().kinds().district.singular == "stadsdelsförvaltning");
  // Stockholm's names are no units of Göteborg's.
  CHECK_THROWS_AS(g.resolve("Farsta"), anslag::unknown_unit_error);
}

TEST_CASE("a Göteborg round audited with its own registry: the planted unit only its dates find",
          "[units][goteborg]") {
  const auto r = anslag::load_round(goteborg_round);
  const auto report = anslag::audit(r, goteborg());
  const auto stale = with_code(report, anslag::finding_code::unit_not_valid_on_date);
  REQUIRE(stale.size() == 1);
  CHECK(stale[0]->rows == std::vector<std::string>{"2021-MSU-06"});
  CHECK(stale[0]->message_en.find("Askim-Frölunda-Högsbo") != std::string::npos);
  CHECK(stale[0]->message_en.find("Sydväst") != std::string::npos);
  CHECK(with_code(report, anslag::finding_code::unknown_unit).empty());
  CHECK(report.count(anslag::severity::error) == 0);
  CHECK(report.count(anslag::severity::warning) == 1);

  // With Stockholm's registry the units are merely unknown: no date can be checked.
  const auto with_stockholm = anslag::audit(r, bundled());
  CHECK(with_code(with_stockholm, anslag::finding_code::unit_not_valid_on_date).empty());
  CHECK(!with_code(with_stockholm, anslag::finding_code::unknown_unit).empty());
}

TEST_CASE("a count of Göteborg's districts is checked and told in its words", "[units][goteborg]") {
  auto r = anslag::load_round(goteborg_round);
  auto counted = std::find_if(r.statements.begin(), r.statements.end(),
                              [](const anslag::statement& s) { return s.kind == anslag::statement_kind::applicant_count; });
  REQUIRE(counted != r.statements.end());
  CHECK(counted->applicant_kind == unit_kind::district);
  const auto as_printed = anslag::audit(r, goteborg());
  CHECK(with_code(as_printed, anslag::finding_code::count_mismatch).empty());
  counted->count = 5;
  const auto audited = anslag::audit(r, goteborg());  // with_code points into it
  const auto mismatch = with_code(audited, anslag::finding_code::count_mismatch);
  REQUIRE(mismatch.size() == 1);
  CHECK(mismatch[0]->message_sv.find("stadsområdesförvaltningar") != std::string::npos);
  CHECK(mismatch[0]->message_en.find("area administrations") != std::string::npos);
}

TEST_CASE("evaluate and propose on a Göteborg round count a former district as its stadsområde",
          "[units][goteborg]") {
  const auto r = anslag::load_round(goteborg_round);
  const auto* askim = r.find_application("2021-MSU-06");
  REQUIRE(askim != nullptr);
  // The per-förvaltning limit counts Askim-Frölunda-Högsbo as Sydväst, which has two grants: met.
  const auto limit_verdict = [&](const unit_registry& registry) {
    for (const auto& v : anslag::evaluate(r, *askim, registry).verdicts)
      if (v.rule == "2021.hogst-2") return v.state;
    FAIL("no verdict of the per-förvaltning limit");
    return anslag::verdict_state::unknown;
  };
  CHECK(limit_verdict(goteborg()) == anslag::verdict_state::met);
  CHECK(limit_verdict(bundled()) == anslag::verdict_state::unknown);
  const auto p = anslag::propose(r, "MSU", anslag::allocation_strategy::pro_rata, goteborg());
  const auto grant = std::find_if(p.grants.begin(), p.grants.end(),
                                  [](const anslag::proposed_grant& g) { return g.application == "2021-MSU-06"; });
  REQUIRE(grant != p.grants.end());
  CHECK(grant->forvaltning == "sydvast");
  CHECK(p.limit == 2);
  CHECK(p.unlimited.empty());
  CHECK(anslag::propose(r, "MSU", anslag::allocation_strategy::pro_rata, bundled()).unlimited.size() ==
        r.applications.size());
}

TEST_CASE("the Göteborg document drafts, with its registry, to the test round", "[units][goteborg]") {
  anslag::draft_options options;
  options.units = &goteborg();
  const auto draft = anslag::draft_round_file(goteborg_round.parent_path() / "2021_msu.txt", options);
  CHECK(draft.text == read_file(goteborg_round));
}

TEST_CASE("the HTML report of a Göteborg round shows the planted finding beside the document",
          "[units][goteborg]") {
  const auto r = anslag::load_round(goteborg_round);
  const auto page = anslag::format_report_html(anslag::audit(r, goteborg()), r,
                                               anslag::read_document(goteborg_round.parent_path() / "2021_msu.txt"));
  CHECK(page.find("UNIT_NOT_VALID_ON_DATE") != std::string::npos);
  CHECK(page.find("Askim-Frölunda-Högsbo") != std::string::npos);
  CHECK(page.find("Kommunstyrelsen fördelar") != std::string::npos);
}

TEST_CASE("with_aliases adds one's own spellings to a copy of a registry, each bad line named", "[units]") {
  const unit_registry mine = anslag::parse_aliases(bundled(), "[aliases]\n\"Söder\" = \"sodermalm\"\n", "mina.toml");
  CHECK(mine.resolve("Söder").id == "sodermalm");
  CHECK(mine.units().size() == bundled().units().size());
  CHECK_THROWS_AS(bundled().resolve("Söder"), anslag::unknown_unit_error);  // the original is untouched
  const auto error_of = [](const std::string& text) {
    try {
      anslag::parse_aliases(bundled(), text, "mina.toml");
    } catch (const anslag::round_file_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("[aliases]\n\"Söder\" = \"soder\"\n") == R"(mina.toml:2:11: alias "Söder" names no unit ("soder"))");
  CHECK(error_of("[aliases]\n\"Söder\" = 5\n") == "mina.toml:2:11: alias \"Söder\" must name a unit's id, as a string");
  CHECK(error_of("[alias]\n\"Söder\" = \"sodermalm\"\n") == "mina.toml:1:2: unknown key \"alias\"");
  CHECK(error_of("[aliases]\n\"Farsta\" = \"sodermalm\"\n") ==
        R"(mina.toml:2:12: alias "Farsta" is already a spelling of unit "farsta")");
  // A spelling that resolves to two förvaltningar already (tests/python/test_units.py).
  CHECK(error_of("[aliases]\n\"Hägersten/Älvsjö EÅV\" = \"sodermalm\"\n") ==
        R"(mina.toml:2:26: alias "Hägersten/Älvsjö EÅV" is already a spelling of more than one unit)");
  CHECK(error_of("[aliases]\n\"  \" = \"sodermalm\"\n") == "mina.toml:2:8: unit \"sodermalm\": empty alias");
  CHECK(error_of("[aliases]\n\"Söder X\" = \"sodermalm\"\n\"söder x\" = \"farsta\"\n") ==
        "mina.toml:3:13: units \"sodermalm\" and \"farsta\" share the spelling \"söder x\"");
}
