// The plain reader of a round file's applications (src/io/plain_applications.hpp) answers only
// where the general reader, toml++ and record, gives the same round, and gives up everywhere
// else, so that every error keeps the general reader's message and place.
//
// Both answers, parse_round's and the general reader's (the round, or the error's message), must
// be equal on every round file of the repository, on every single-byte deletion, replacement and
// insertion over two applications that have every key (tests/data/plain/every-key.toml), and on
// a sample of such changes over the bundled 2020 round. This test links the library's objects,
// not its API, to reach the general reader and to see where the plain one answered.
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/synthetic/rounds.hpp>

#include "../../../src/io/plain_applications.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace {

const std::filesystem::path data_dir = ANSLAG_DATA_DIR;
const std::filesystem::path test_data_dir = std::filesystem::path(ANSLAG_SOURCE_DIR) / "tests" / "data";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

using outcome = std::variant<anslag::grant_round, std::string>;

template <class Read>
outcome answer(Read&& read) {
  try {
    return read();
  } catch (const std::exception& e) {
    return std::string(e.what());
  }
}

// True when the plain reader reads the applications of `text` (parse_round then uses them when
// the head is whole and the round valid).
bool tail_read_plainly(const std::string& text) {
  const std::size_t at = anslag::detail::plain_applications_start(text);
  return at != std::string::npos &&
         anslag::detail::read_plain_applications(std::string_view(text).substr(at), "seed").has_value();
}

// Asserts that both readers give the same answer for `text`; returns whether the answer is a
// round whose applications the plain reader reads.
bool same_answer(const std::string& text, const std::string& what) {
  INFO(what);
  const outcome plain = answer([&] { return anslag::parse_round(text, "round.toml", anslag::size_limit::unbounded); });
  const outcome general = answer([&] { return anslag::detail::read_round_document(text, "round.toml"); });
  if (const auto* message = std::get_if<std::string>(&general)) {
    REQUIRE(std::holds_alternative<std::string>(plain));
    REQUIRE(std::get<std::string>(plain) == *message);
    return false;
  }
  REQUIRE(std::holds_alternative<anslag::grant_round>(plain));
  REQUIRE(std::get<anslag::grant_round>(plain) == std::get<anslag::grant_round>(general));
  return tail_read_plainly(text);
}

std::string small_synthetic_round() {
  const auto units = anslag::load_units(data_dir / "units.toml");
  return anslag::synthetic_round(units, {.applications = 4, .seed = 3, .year = 2024, .faults = {}});
}

// The bytes a change puts in: the TOML's punctuation, digits, letters, white space, control
// characters and the lead and continuation bytes of UTF-8.
const std::string change_bytes = std::string("\"\\=#[]{},.'_-+:T0912az \t\r\n\x7f\xc3\xa4\x80", 30) + std::string(1, '\0');

}  // namespace

TEST_CASE("the files anslag writes are read plainly, to the general reader's round") {
  const auto units = anslag::load_units(data_dir / "units.toml");
  for (const auto& path : {data_dir / "rounds" / "2020.toml", data_dir / "rounds" / "2024.toml",
                           test_data_dir / "plain" / "every-key.toml"}) {
    const std::string text = read_text(path);
    CHECK(same_answer(text, path.string()));
  }
  const std::string synthetic = anslag::synthetic_round(
      units, {.applications = 2000, .seed = 5, .year = 2024,
              .faults = {anslag::synthetic_fault::grant_exceeds_request, anslag::synthetic_fault::total_mismatch}});
  CHECK(same_answer(synthetic, "synthetic round of 2 000 applications"));
}

TEST_CASE("every round file of the tests gets the general reader's answer") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test_data_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
    const std::string text = read_text(entry.path());
    if (anslag::detail::plain_applications_start(text) == std::string::npos) continue;
    same_answer(text, entry.path().string());
    ++files;
  }
  CHECK(files > 60);  // the bundled bad rounds among them: each error as the general reader words it
}

TEST_CASE("forms TOML allows but anslag does not write go to the general reader") {
  const std::string base = small_synthetic_round();
  const std::size_t tail = anslag::detail::plain_applications_start(base);
  REQUIRE(tail != std::string::npos);
  REQUIRE(same_answer(base, "the synthetic round itself"));
  // Each replaces the first occurrence after the first header. Either way the answer is the
  // general reader's; `plain` says whether the plain reader reads the applications.
  struct change {
    std::string from, to;
    bool plain;
  };
  const std::vector<change> changes = {
      {"project = \"Projekt 0\"", "project = 'Projekt 0'", false},                // literal string
      {"project = \"Projekt 0\"", "project = \"\"\"Projekt 0\"\"\"", false},      // multi-line string
      {"source = { line = 1 }", "source.line = 1", false},                         // dotted key
      {"source = { line = 1 }", "[applications.source]\nline = 1", false},         // a sub-table's header
      {"source = { line = 1 }", "source = { line = 1_0 }", false},                 // underscore
      {"source = { line = 1 }", "source = { line = 01 }", false},                  // leading zero
      {"source = { line = 1 }", "source = { line = +1 }", false},                  // sign
      {"source = { line = 1 }", "source = { line = 1, }", false},                  // trailing comma
      {"source = { line = 1 }", "source = {\n line = 1 }", false},                 // newline in a table
      {"source = { line = 1 }", "source = { line = 1, line = 2 }", false},         // repeated key
      {"source = { line = 1 }", "source = { \"line\" = 1 }", true},               // quoted key: same meaning
      {"source = { line = 1 }", "source = { line = 1 }\nsubmitted = 2023-02-29", false},  // no such day
      {"source = { line = 1 }", "source = { line = 1 }\nsubmitted = 2023-02-28 10:00:00", false},
      {"source = { line = 1 }", "source = { line = 1 }\nsubmitted = 2023-02-28T10:00:00", false},
      {"source = { line = 1 }", "source = { line = 1 }\nsubmitted = 2023-02-28", true},  // plain
      {"source = { line = 1 }", "source = { line = 1 }\nco_applicants = [\n\"farsta\"]", false},
      {"source = { line = 1 }", "source = { line = 1 }\nco_applicants = [\"farsta\",]", true},
      {"source = { line = 1 }", "source = { line = 1 }\napproved_report = True", false},
      {"source = { line = 1 }", "source = { line = 1 }\nreadings = [{ field = \"unit\" }]", false},
      {"source = { line = 1 }", "source = { line = 1 }\nassessments = { \"a.b\" = \"met\" }", false},
      {"project = \"Projekt 0\"", "project = \"Projekt \\u00e4\"", true},        // an escape past ASCII
      {"project = \"Projekt 0\"", "project = \"Projekt \\u0000\"", false},        // NUL
      {"project = \"Projekt 0\"", "project = \"Projekt \\ud800\"", false},        // a surrogate
      {"project = \"Projekt 0\"", "project = \"Projekt \\x41\"", false},          // no TOML 1.0 escape
      {"project = \"Projekt 0\"", "project = \"Projekt 0\" # comment \xc3\xa4", true},
      {"project = \"Projekt 0\"", "project = \"Projekt 0\" # comment \x01", false},
      {"project = \"Projekt 0\"", "project = \"Projekt \xc3\"", false},          // cut UTF-8
      // Code points TOML allows in a string as they are: C1 controls, the BOM, noncharacters,
      // the last code point, the line separator.
      {"project = \"Projekt 0\"", "project = \"\xc2\x85 \xef\xbb\xbf \xef\xbf\xbf \xf4\x8f\xbf\xbf \xe2\x80\xa8\"", true},
      {"project = \"Projekt 0\"", "project = \"\xed\xa0\x80\"", false},     // an encoded surrogate
      {"project = \"Projekt 0\"", "project = \"\xc0\xaf\"", false},          // an overlong form
      {"project = \"Projekt 0\"", "project = \"\U0001F600 \\U0010FFFF\"", true},
      {"project = \"Projekt 0\"", "project = \"\\U00110000\"", false},       // past U+10FFFF
      {"\n", "\r\n", true},                                                      // CR LF
      {"\n", "\r", false},                                                        // a lone CR
      {"requested = ", "requested = \" \" #", false},                             // a blank amount
      {"decision = \"", "decision = \"x", false},                                 // no such decision
      {"fund = ", "fonds = ", false},                                             // no such key
  };
  for (const auto& [from, to, plain] : changes) {
    std::string text = base;
    const std::size_t at = text.find(from, tail + 16);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    CHECK(same_answer(text, from + " -> " + to) == plain);
  }
}

TEST_CASE("a head that says anything of applications goes to the general reader") {
  const std::string base = small_synthetic_round();
  const std::size_t tail = anslag::detail::plain_applications_start(base);
  // Before the first [[applications]]: a root key of that name, a table of it, a sub-table.
  for (const std::string& head_change :
       {std::string("applications = []\n"), std::string("[applications]\n"), std::string("[applications.x]\n")}) {
    std::string text = base;
    text.insert(tail, head_change);
    CHECK_FALSE(same_answer(text, head_change));
  }
  // A line "[[applications]]" inside a multi-line string of the head is no header: the round
  // loads, with the string as its title, and with every application.
  std::string text = base;
  const std::string title = "title = \"Syntetisk omgång\"";
  text.replace(text.find(title), title.size(), "title = \"\"\"\n[[applications]]\nid = \"X\"\"\"\"");
  same_answer(text, "a header in the title");
  const auto round = anslag::parse_round(text, "round.toml");
  CHECK(round.document.title == "[[applications]]\nid = \"X\"");
  CHECK(round.applications.size() == 4);
}

TEST_CASE("every single-byte change of applications with every key gets the general reader's answer") {
  const std::string base = read_text(test_data_dir / "plain" / "every-key.toml");
  const std::size_t first = base.find('\n', anslag::detail::plain_applications_start(base)) + 1;
  std::size_t plainly = 0;
  std::size_t changes = 0;
  for (std::size_t at = first; at < base.size(); ++at) {
    std::string deleted = base;
    deleted.erase(at, 1);
    plainly += same_answer(deleted, "delete byte " + std::to_string(at));
    for (const char byte : change_bytes) {
      std::string replaced = base;
      replaced[at] = byte;
      plainly += same_answer(replaced, "replace byte " + std::to_string(at) + " by " + std::to_string(int(byte)));
      std::string inserted = base;
      inserted.insert(at, 1, byte);
      plainly += same_answer(inserted, "insert " + std::to_string(int(byte)) + " at " + std::to_string(at));
      changes += 2;
    }
    ++changes;
  }
  // Changes inside strings, comments and blank runs stay plain; most others do not.
  CHECK(plainly > changes / 20);
  CHECK(plainly < changes);
}

TEST_CASE("a sample of single-byte changes of the 2020 round gets the general reader's answer") {
  const std::string base = read_text(data_dir / "rounds" / "2020.toml");
  const std::size_t first = base.find('\n', anslag::detail::plain_applications_start(base)) + 1;
  std::mt19937_64 random(2020);
  std::uniform_int_distribution<std::size_t> position(first, base.size() - 1);
  std::uniform_int_distribution<std::size_t> byte(0, change_bytes.size() - 1);
  for (int i = 0; i < 600; ++i) {
    std::string text = base;
    const std::size_t at = position(random);
    switch (i % 3) {
      case 0: text.erase(at, 1); break;
      case 1: text[at] = change_bytes[byte(random)]; break;
      default: text.insert(at, 1, change_bytes[byte(random)]);
    }
    same_answer(text, "change " + std::to_string(i) + " at byte " + std::to_string(at));
  }
}
