// The reports show data, never let it act: escape_controls, the text and Markdown reports of a
// hostile round, and the HTML page (escaping, its Content-Security-Policy, links, size and speed).
// The page is also tested in a browser: tests/python/test_report_html_browser.py.
#include <anslag/audit/audit.hpp>
#include <anslag/report/format.hpp>
#include <anslag/report/html.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

const fs::path data = ANSLAG_DATA_DIR;
const fs::path injection = fs::path(ANSLAG_SOURCE_DIR) / "tests" / "data" / "report-injection";

const anslag::unit_registry& units() {
  static const anslag::unit_registry registry = anslag::load_units(data / "units.toml");
  return registry;
}

std::string seed_of(const anslag::grant_round& r) {
  return anslag::read_document(*anslag::find_document(r, r.file, data / "seeds"));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

template <typename Clock = std::chrono::steady_clock>
double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

TEST_CASE("escape_controls writes what would act as a visible escape") {
  CHECK(anslag::escape_controls("Södermalm – 25 000 kr") == "Södermalm – 25 000 kr");
  CHECK(anslag::escape_controls("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(anslag::escape_controls("one\r\ntwo\tthree\x7f") == "one\\r\\ntwo\\tthree\\x7f");
  CHECK(anslag::escape_controls("tab\tkept", true) == "tab\tkept");
  CHECK(anslag::escape_controls("\u202Eevil\u202C \u2066x\u2069 \u200F\u061C") ==
        "\\u202eevil\\u202c \\u2066x\\u2069 \\u200f\\u061c");
  CHECK(anslag::escape_controls("\u0085\u009B31m\u2028\uFEFF") == "\\u0085\\u009b31m\\u2028\\ufeff");
  CHECK(anslag::escape_controls("bad \xff\xc3 byte") == "bad \\xff\\xc3 byte");
  CHECK(anslag::escape_controls(std::string("nul\0in", 6)) == "nul\\x00in");
}

TEST_CASE("a hostile round's text report has no control character and no forged line") {
  const auto r = anslag::load_round(injection / "round.toml");
  const auto report = anslag::audit(r, units());
  const std::string text = anslag::format_report_text(report);
  CHECK(std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n') || u == 0x7f;
  }));
  CHECK(text.find("\u202E") == std::string::npos);
  CHECK(text.find("\xC2\x85") == std::string::npos);  // U+0085, a C1 line break
  // Every line is the report's own: a heading, a finding line, or an indented field.
  const std::regex own(R"(^(Granskning / audit: .*|\d{4}, .*|\d+ error, \d+ warning, \d+ info(; of them on a reading: \d+ error, \d+ warning, \d+ info)?|)"
                       R"(|LUM|MUL.*|Hela omgången / whole round|  (error|warning|info) +[A-Z_]+ .*|)"
                       R"(      (sv|en|rule|statement|source|quote( \d+)?|reading): .*)$)");
  for (const auto& line : lines_of(text)) CHECK(std::regex_match(line, own));
  CHECK_THAT(text, Contains("\\x1b[2J") && Contains("\\r\\nerror    TOTAL_MISMATCH forged line"));
}

TEST_CASE("a hostile round's Markdown report has no raw HTML, entity or link") {
  const auto r = anslag::load_round(injection / "round.toml");
  const std::string md = anslag::format_report_markdown(anslag::audit(r, units()));
  // Every <, >, [, ], &, @ is escaped; no scheme:// or www. is left whole.
  for (std::size_t i = 0; i < md.size(); ++i)
    if (std::string_view("<>[]&@").find(md[i]) != std::string_view::npos) CHECK((i > 0 && md[i - 1] == '\\'));
  for (auto at = md.find("://"); at != std::string::npos; at = md.find("://", at + 1)) CHECK(md[at - 1] == '\\');
  CHECK(md.find("www.") == std::string::npos);
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK_THAT(md, Contains("\\<script\\>window.\\_\\_pwned=1\\</script\\>"));
  CHECK_THAT(anslag::format_report_markdown(anslag::audit(anslag::load_round(data / "rounds" / "2024.toml"), units())),
             Contains("- rule: `2024.LUM.huvudkriterium-nytt`"));
}

TEST_CASE("the HTML page escapes every text of a hostile round and document") {
  const auto r = anslag::load_round(injection / "round.toml");
  const auto report = anslag::audit(r, units());
  const std::string page =
      anslag::format_report_html(report, r, anslag::read_document(injection / "document.txt"));
  // One script and one style sheet, the page's own; no element, attribute or link from data.
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = page.find(what); at != std::string::npos; at = page.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count("<script") == 1);
  CHECK(count("<style") == 1);
  CHECK(count("<img") == 0);
  CHECK(count("<b ") == 0);
  CHECK(count("javascript:") == count("&quot;javascript:window.__pwned=3&quot;") + count("(javascript:alert(1))") +
                                    count("&quot;javascript:window.__pwned=6&quot;"));
  CHECK(count("href=\"") == count("href=\"#"));
  CHECK(page.find('\x1b') == std::string::npos);
  CHECK(page.find("\u202E") == std::string::npos);
  CHECK_THAT(page, Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
  CHECK_THAT(page, Contains("onerror=&quot;window.__pwned=2&quot;"));
}

TEST_CASE("the HTML page allows exactly its own style and script by hash, and links only inside itself") {
  const auto r = anslag::load_round(data / "rounds" / "2024.toml");
  const auto report = anslag::audit(r, units());
  const std::string page = anslag::format_report_html(report, r, seed_of(r));
  CHECK_THAT(page, Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                            "'sha256-"));
  CHECK_THAT(page, Contains("img-src 'none'; base-uri 'none'; form-action 'none'\">"));
  // Every fragment link has its target.
  std::set<std::string> ids;
  const std::regex id(R"re(id="([^"]+)")re"), href(R"re(href="#([^"]+)")re");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator(); ++it)
    ids.insert((*it)[1]);
  std::size_t links = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator(); ++it, ++links)
    CHECK(ids.count((*it)[1]));
  CHECK(links > 50);
  // The error's line: marked, with its stated amount highlighted.
  CHECK_THAT(page, Contains("<div class=\"line f-error\" id=\"L22\">"));
  CHECK_THAT(page, Contains("omfattar totalt <mark>6 558 400</mark>"));
  // The unknown requests are unknown, not 0.
  CHECK_THAT(page, Contains("sökt okänt (14 rader)"));
  CHECK(page.find("sökt 0") == std::string::npos);
}

TEST_CASE("without its document the page says so and links no line") {
  const auto r = anslag::load_round(data / "rounds" / "2020.toml");
  const std::string page = anslag::format_report_html(anslag::audit(r, units()), r, std::nullopt);
  CHECK_THAT(page, Contains("hittades inte"));
  CHECK(page.find("href=\"#L") == std::string::npos);
  CHECK(!anslag::find_document(r, "/nowhere/round.toml", "/nowhere"));
  auto escaping = r;
  escaping.document.seed = "../rounds/2020.toml";  // a seed is a name, not a path out of the folder
  CHECK(!anslag::find_document(escaping, r.file, data / "seeds"));
  REQUIRE_THROWS_WITH(anslag::read_document("/nowhere/seed.txt"), "/nowhere/seed.txt:0:0: cannot read the file: No such file or directory");
}

TEST_CASE("the page of a seeds-sized round is under 200 KB and written in under 50 ms") {
  for (const char* year : {"2020", "2024"}) {
    const auto r = anslag::load_round(data / "rounds" / (std::string(year) + ".toml"));
    const auto report = anslag::audit(r, units());
    const std::string document = seed_of(r);
    std::size_t size = 0;
    const double ms = median_ms(9, [&] { size = anslag::format_report_html(report, r, document).size(); });
    INFO(year << ": " << size << " bytes, " << ms << " ms");
    CHECK(size < 200 * 1024);
    CHECK(ms < 50);
  }
}

TEST_CASE("the page of a round of 10 000 applications is written in under 2 s") {
  auto r = anslag::load_round(data / "rounds" / "2024.toml");
  const auto originals = r.applications;
  r.applications.clear();
  for (int i = 0; r.applications.size() < 10000; ++i) {
    auto a = originals[static_cast<std::size_t>(i) % originals.size()];
    a.id += "-" + std::to_string(i);
    r.applications.push_back(std::move(a));
  }
  const auto report = anslag::audit(r, units());
  const std::string document = seed_of(r);
  std::string page;
  const double ms = median_ms(3, [&] { page = anslag::format_report_html(report, r, document); });
  INFO(page.size() << " bytes, " << ms << " ms");
  CHECK(ms < 2000);
  // Linear in the round: a finding or a line lists 50 of its rows and counts the rest.
  CHECK(page.size() < 400 * r.applications.size());
  CHECK(std::regex_search(page, std::regex("(, <a href=\"#R\\d+\">[^<]+</a>){49} och \\d+ till / and \\d+ more")));
}
