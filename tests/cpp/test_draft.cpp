// Drafting from decision documents and checking round files against them (docs/drafting.md): the
// seeds draft to the hand rounds' rows, drafts and bundled rounds pass the check, tampered copies
// fail it at the line, and bad documents are clear errors.
#include <anslag/ingest/document_text.hpp>
#include <anslag/ingest/draft.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/ingest/source_check.hpp>
#include <anslag/io/units_file.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
const std::filesystem::path data_dir = ANSLAG_DATA_DIR;
const std::filesystem::path documents = std::filesystem::path(ANSLAG_SOURCE_DIR) / "tests" / "data" / "documents";
const auto seed_2020 = data_dir / "seeds" / "004_2b1165072d843997.txt";
const auto seed_2024 = data_dir / "seeds" / "000_98bf0cbc657a04e3.txt";

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path temporary(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("anslag-test-draft-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

anslag::round_draft draft(const std::filesystem::path& path) {
  static const auto units = anslag::load_units(data_dir / "units.toml");
  anslag::draft_options options;
  options.units = &units;
  return anslag::draft_round_file(path, options);
}

std::string error_of(const std::filesystem::path& path) {
  try {
    draft(path);
  } catch (const anslag::round_file_error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("a seed drafts to the rows of its hand-encoded round") {
  for (const auto& [seed, year] : {std::pair{seed_2020, 2020}, std::pair{seed_2024, 2024}}) {
    const auto d = draft(seed);
    const auto hand = anslag::load_round(data_dir / "rounds" / (std::to_string(year) + ".toml"));
    REQUIRE(d.drafted.applications.size() == hand.applications.size());
    for (std::size_t i = 0; i < hand.applications.size(); ++i) {
      const auto& a = d.drafted.applications[i];
      const auto& h = hand.applications[i];
      CHECK(a.id == h.id);
      CHECK(a.applicant == h.applicant);
      CHECK(a.outcome == h.outcome);
      CHECK(a.requested == h.requested);
      CHECK(a.granted == h.granted);
      CHECK(a.source.line == h.source.line);
    }
    CHECK(d.drafted.document == hand.document);
    CHECK(anslag::check_sources(d.drafted, seed).empty());
    CHECK(anslag::check_sources(hand, seed).empty());
    CHECK(!d.review.empty());
  }
}

TEST_CASE("a test document in another layout drafts to its expected round") {
  for (const char* name : {"2021_columns", "2022_tkr_prose", "2023_sections", "2025_one_fund"}) {
    const auto d = draft(documents / (std::string(name) + ".txt"));
    CHECK(d.text == read(documents / (std::string(name) + ".expected.toml")));
  }
}

TEST_CASE("a tampered copy fails the check at the line") {
  auto hand = anslag::load_round(data_dir / "rounds" / "2020.toml");
  const std::string text = read(seed_2020);
  SECTION("an altered quote") {
    hand.rules[0].quote += " och mer";
    const auto problems = anslag::check_sources(hand, text, "seed.txt");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 64);
    CHECK(problems[0].entry == "rule 2020.ansokningsperiod: quote");
  }
  SECTION("a shifted line") {
    hand.statements.back().source.line += 1;
    const auto problems = anslag::check_sources(hand, text, "seed.txt");
    REQUIRE(!problems.empty());
    CHECK(problems[0].line == 127);
    CHECK(problems[0].expected == "line 127");
    CHECK(problems[0].found == "the document has 126 lines");
  }
  SECTION("a changed amount") {
    hand.applications[2].granted = anslag::Krona::from_kronor(400'001);
    const auto problems = anslag::check_sources(hand, text, "seed.txt");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 95);
    CHECK(problems[0].entry == "application 2020-LUM-03: granted");
  }
}

TEST_CASE("printed numbers keep cells apart and read groups") {
  CHECK(anslag::printed_numbers("Totalt\t\t8 618 500\t3 500 000") == std::vector<std::string>{"8618500", "3500000"});
  CHECK(anslag::printed_numbers("1 234,50 kr och 12") == std::vector<std::string>{"1234,50", "12"});
  CHECK(anslag::collapse_space("  a \t b\f ") == "a b");
}

TEST_CASE("bad documents are clear errors naming the file") {
  const auto named = [](const std::string& name, const std::string& content) {
    const auto path = temporary(name, content);
    return std::pair{path.string(), error_of(path)};
  };
  auto [empty, empty_error] = named("empty.txt", "");
  CHECK(empty_error == empty + ":0:0: empty document");
  auto [binary, binary_error] = named("binary.txt", std::string("Till\nSocialn\xe4mnden\n", 18));
  CHECK(binary_error == binary + ":2:8: not UTF-8 text");
  auto [nul, nul_error] = named("nul.txt", std::string("ab\0c", 4));
  CHECK(nul_error == nul + ":1:3: not UTF-8 text");
  auto [bad_pdf, bad_pdf_error] = named("bad.pdf", "%PDF-1.4\nnot a pdf\n");
  CHECK(bad_pdf_error == bad_pdf + ":0:0: not a readable PDF");
  auto [no_date, no_date_error] = named("memo.txt", "Memorandum\n\nTo the board.\n");
  CHECK(no_date_error == no_date + ":0:0: no date (YYYY-MM-DD) in the document's head");
  auto [no_body, no_body_error] = named("nobody.txt", "2023-12-12\n\nAllocation 2024\n");
  CHECK(no_body_error == no_body + ":0:0: no deciding body (a 'Till' line or a ...nämnden) in the document");
  auto [no_title, no_title_error] = named("notitle.txt", "Till\nSocialnämnden\n2023-12-12\n");
  CHECK(no_title_error == no_title + ":0:0: no title after the date in the document's head");
  auto [english, english_error] =
      named("english.txt", "Till\nSocialnämnden\n2023-12-12\n\nAllocation of funds 2024\n\nThe committee allocates funds.\n");
  CHECK(english_error == english + ":0:0: no grant decision found: no fund, total or application in Swedish");
  CHECK(error_of(documents / "missing.txt") == (documents / "missing.txt").string() + ":0:0: cannot read the file: No such file or directory");
}

TEST_CASE("a PDF without text, or without pdftotext, is a clear error") {
  // A page with a drawing and no text: what a scan gives a text extractor.
  const std::string stream = "0.5 g 50 50 400 300 re f";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  const std::vector<std::string> objects{
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream"};
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 5\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  const auto path = temporary("scan.pdf", pdf);
  CHECK(error_of(path) == path.string() + ":0:0: a PDF without text (a scan?)");
  const std::string saved = std::getenv("PATH");
  setenv("PATH", "/nonexistent", 1);
  const std::string without = error_of(path);
  setenv("PATH", saved.c_str(), 1);
  CHECK(without == path.string() + ":0:0: cannot run pdftotext (poppler-utils) to read the PDF");
}
