// Drafting speed: the two seeds from text (each must draft in under 100 ms) and synthetic
// documents of 100 pages (under 2 s) and 400 pages: a head, a decision sentence, and per page a heading, a
// paragraph with a total and a rule-like sentence, and an annex table of 40 rows in the seeds'
// tab-separated shape. Prints the median of the runs, in milliseconds, and the peak resident
// memory of drafting each document above what the process held before.
#include <anslag/ingest/draft.hpp>
#include <anslag/ingest/document_text.hpp>
#include <anslag/io/units_file.hpp>

#include "process_memory.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

// 1234567 as "1 234 567".
std::string grouped(long value) {
  std::string digits = std::to_string(value), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::string synthetic(int pages) {
  const char* districts[] = {"Farsta", "Bromma", "Kungsholmen", "Skarpnäck", "Södermalm", "Älvsjö", "Östermalm",
                             "Hässelby-Vällingby", "Spånga-Tensta", "Enskede-Årsta-Vantör"};
  std::string text = "\n\nHandläggare\nAnna Andersson\n\nTill\nSocialnämnden\n2019-12-17\n\n"
                     "Förslag till fördelning av lokala utvecklingsmedel 2020\n\nFörvaltningens förslag till beslut\n\n"
                     "1. Socialnämnden fördelar " + grouped(pages * 40 * 100'000L) +
                     " kronor till lokala utvecklingsprojekt enligt bilagan.\n\n"
                     "Lokala utvecklingsprojekt (LUM)\n\nLokala utvecklingsprojekt (LUM) stärker socialtjänsten.\n";
  for (int page = 1; page <= pages; ++page) {
    text += "\nBilaga " + std::to_string(page) + " – Förslag lokala utvecklingsprojekt\n\n";
    text += "Under perioden inkom ansökningar för totalt " + grouped(40 * 200'000L) +
            " kronor. Varje förvaltning ska redovisa medlen senast i december.\n\n";
    text += "SDF och namn på projekt\tSyfte/mål\tUtvärdering\tAnsökt om (Skr)\tBeviljas (SKR)\n";
    for (int row = 0; row < 40; ++row)
      text += std::string(districts[row % 10]) + " - Projekt " + std::to_string(page) + "." + std::to_string(row) +
              "\t<p>Syftet är att pröva ett nytt arbetssätt i verksamheten under ett år.</p>\t"
              "Projektet är av strategisk betydelse för staden och ansökan bör till viss del beviljas.\t200 000\t100 000\n";
    text += "Totalt\t\t\t" + grouped(40 * 200'000L) + "\t" + grouped(40 * 100'000L) + "\n";
  }
  return text;
}

struct measured {
  double median_ms;
  long peak_mib;  // above the resident memory before the runs
};

measured median_ms(const std::string& text, const anslag::draft_options& options, int runs) {
  anslag_bench::reset_peak();
  const long before = anslag_bench::status_mib("VmRSS");
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto draft = anslag::draft_round(text, options);
    const auto stop = std::chrono::steady_clock::now();
    if (draft.drafted.applications.empty()) std::abort();
    times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], anslag_bench::status_mib("VmHWM") - before};
}

}  // namespace

int main() {
  const std::string data = ANSLAG_DATA_DIR;
  const auto units = anslag::load_units(data + "/units.toml");
  anslag::draft_options options;
  options.units = &units;
  for (const char* seed : {"004_2b1165072d843997.txt", "000_98bf0cbc657a04e3.txt"}) {
    options.seed = seed;
    const std::string text = anslag::read_document_text(data + "/seeds/" + seed);
    std::fflush(stdout);
    const measured m = median_ms(text, options, 21);
    std::printf("seed %s (%zu bytes): %.2f ms (median of 21), peak %ld MiB\n", seed, text.size(), m.median_ms, m.peak_mib);
  }
  options.seed = "synthetic.txt";
  // 100 pages, and 400 (3.6 MB) for the peak memory of a large document. 900 pages (8 MB, near
  // the 8 MiB a document's text may have) give a draft past the 16 MiB a round file may hold,
  // which the drafter refuses ("the draft of this document would be 25 MiB, ...").
  for (const auto& [pages, runs] : {std::pair{100, 5}, std::pair{400, 3}}) {
    const std::string text = synthetic(pages);
    const measured m = median_ms(text, options, runs);
    std::printf("synthetic, %d pages, %d rows (%zu bytes, %zu lines): %.1f ms (median of %d), peak %ld MiB\n", pages,
                pages * 40, text.size(), anslag::document_lines(text).size(), m.median_ms, runs, m.peak_mib);
  }
}
