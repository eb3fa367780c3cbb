// Synthetic decision documents (include/anslag/synthetic/documents.hpp): the layout space, the
// documents each knob value prints, the answer round at the document's lines, and the bad knobs.
// Drafting them back is tests/python/test_draft_corpus.py.
#include <anslag/audit/audit.hpp>
#include <anslag/error.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/synthetic/documents.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const anslag::unit_registry& units() {
  static const anslag::unit_registry registry = anslag::load_units(fs::path(ANSLAG_DATA_DIR) / "units.toml");
  return registry;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string message_of(const anslag::document_layout& layout) {
  try {
    anslag::draw_layout(1, layout);
  } catch (const anslag::invalid_argument_error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the layout space has at least ten knobs, each of two values or more, drawn reproducibly") {
  const auto& knobs = anslag::layout_knobs();
  CHECK(knobs.size() >= 10);
  std::set<std::string_view> names;
  for (const auto& k : knobs) {
    INFO(k.name);
    CHECK(k.values.size() >= 2);
    CHECK(names.insert(k.name).second);
  }
  CHECK(anslag::draw_layout(7) == anslag::draw_layout(7));
  CHECK(anslag::draw_layout(7).size() == knobs.size());
  // Different seeds reach every value of every knob.
  std::set<std::pair<std::string, std::string>> seen;
  for (std::uint64_t seed = 0; seed < 400; ++seed)
    for (const auto& [knob, value] : anslag::draw_layout(seed)) seen.emplace(knob, value);
  std::size_t values = 0;
  for (const auto& k : knobs) values += k.values.size();
  CHECK(seen.size() == values);
  CHECK(anslag::draw_layout(7, {{"amounts", "tkr"}}).at("amounts") == "tkr");
}

TEST_CASE("an unknown knob or value names the valid ones") {
  CHECK(message_of({{"colour", "red"}}) ==
        "unknown layout knob 'colour' (head, date, applications, amounts, decisions, wrap, hyphenation, furniture, "
        "fund-order, fund-naming, joint-figures)");
  CHECK(message_of({{"amounts", "euro"}}) ==
        "unknown value 'euro' for layout knob 'amounts' (kr, kronor, colon-dash, colon-en-dash, sek, kr-first, tkr, mnkr)");
}

TEST_CASE("every knob value prints its shape, and the answer's lines are where the document prints each entry") {
  const std::vector<std::pair<anslag::document_layout, std::string>> shapes{
      {{{"head", "protokollsutdrag"}}, "Protokollsutdrag"},
      {{{"head", "protokoll"}}, "§ "},
      {{{"head", "delegationsbeslut"}}, "Delegationsbeslut"},
      {{{"date", "words"}, {"head", "protokoll"}}, "Sammanträdesdag den 12 december 2023"},
      {{{"date", "header-line"}, {"head", "tjansteutlatande"}}, "Tjänsteutlåtande" + std::string(30, ' ') + "2023-12-12"},
      {{{"amounts", "colon-dash"}}, ":-"},
      {{{"amounts", "sek"}}, "SEK "},
      {{{"amounts", "colon-en-dash"}}, ":\u2013"},
      {{{"amounts", "kr-first"}}, " kr "},
      {{{"amounts", "tkr"}}, " tkr"},
      {{{"amounts", "mnkr"}}, " mnkr"},
      {{{"applications", "pipes"}}, "| Stadsdelsförvaltning | Projekt |"},
      {{{"applications", "semicolons"}}, "Stadsdelsförvaltning;Projekt;"},
      {{{"applications", "records"}}, "Sökt belopp: "},
      {{{"applications", "prose"}}, ", ansökt belopp "},
      {{{"decisions", "imperative"}}, "Bevilja"},
      {{{"decisions", "forslag-column"}}, "Förslag"},
      {{{"furniture", "sida-av"}}, "Sida 1 av "},
      {{{"furniture", "dnr"}}, "Dnr 3.1.2-"},
      {{{"fund-naming", "abbreviation"}}, "Lokala utvecklingsmedel (UTV)"},
  };
  for (const auto& [fixed, shape] : shapes) {
    INFO(shape);
    const auto document = anslag::synthetic_document_of(units(), {40, 5, 2024, {}}, fixed);
    for (const auto& [knob, value] : fixed) CHECK(document.layout.at(knob) == value);
    CHECK(document.text.find(shape) != std::string::npos);
  }
  for (const auto& k : anslag::layout_knobs())
    for (const auto value : k.values) {
      INFO(k.name << "=" << value);
      const auto document =
          anslag::synthetic_document_of(units(), {40, 9, 2024, {}}, {{std::string(k.name), std::string(value)}});
      const auto lines = lines_of(document.text);
      for (const auto& a : document.source.applications) {
        REQUIRE(a.source.line >= 1);
        REQUIRE(a.source.line <= static_cast<int>(lines.size()));
        CHECK(lines[static_cast<std::size_t>(a.source.line - 1)].find(a.applicant) != std::string::npos);
      }
      for (const auto& s : document.source.statements) CHECK(s.source.line >= 1);
      for (const auto& f : document.source.funds) CHECK(f.source.line >= 1);
      if (document.layout.at("wrap") != "none") {
        const auto width = std::stoul(document.layout.at("wrap"));
        for (const auto& a : document.source.statements) {
          const auto& line = lines[static_cast<std::size_t>(a.source.line - 1)];
          if (line.find("Totalt") == std::string::npos) CHECK(line.size() <= 2 * width);  // UTF-8: two bytes a letter at most
        }
      }
    }
}

TEST_CASE("the answer is the synthetic round: same figures, same findings with the faults planted") {
  const anslag::synthetic_options options{25, 3, 2024, anslag::all_synthetic_faults()};
  const auto document = anslag::synthetic_document_of(units(), options, {});
  CHECK(document.round_text == anslag::synthetic_round(units(), options));
  std::vector<std::string> codes;
  for (const auto& f : anslag::audit(document.source, units()).findings) codes.emplace_back(to_string(f.code));
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  CHECK(codes == std::vector<std::string>{"COUNT_MISMATCH", "DECISION_AMOUNT_MISMATCH", "GRANT_EXCEEDS_REQUEST",
                                          "TOTAL_MISMATCH", "UNKNOWN_UNIT"});
  const auto again = anslag::synthetic_documents(units(), 3, options);
  REQUIRE(again.size() == 3);
  CHECK(again[0].text == document.text);
  CHECK(again[1].text != document.text);
}
