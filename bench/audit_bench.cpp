// The audit of a synthetic round of N applications (default 1 000 000): generation, load
// (parse of the round file) and audit timed separately, with the peak resident memory.
//   audit_bench [N] [DATA_DIR]
#include "synthetic_round.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // ru_maxrss is in KiB on Linux
}
}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const std::string data_dir = argc > 2 ? argv[2] : ANSLAG_DATA_DIR;
  const auto units = anslag::load_units(data_dir + "/units.toml");

  auto start = std::chrono::steady_clock::now();
  const std::string text = anslag::bench::synthetic_round(units, {n, 7, true});
  const double generate = seconds_since(start);

  start = std::chrono::steady_clock::now();
  const anslag::round r = anslag::parse_round(text, "synthetic.toml");
  const double load = seconds_since(start);
  const long rss_after_load = peak_rss_mib();

  start = std::chrono::steady_clock::now();
  const anslag::report report = anslag::audit(r, units);
  const double audit = seconds_since(start);

  std::printf("applications        %zu\n", r.applications.size());
  std::printf("round file          %.1f MiB\n", static_cast<double>(text.size()) / (1024.0 * 1024.0));
  std::printf("generate            %.3f s\n", generate);
  std::printf("load (parse)        %.3f s\n", load);
  std::printf("audit               %.3f s\n", audit);
  std::printf("peak RSS after load %ld MiB\n", rss_after_load);
  std::printf("peak RSS overall    %ld MiB\n", peak_rss_mib());
  std::printf("findings            %zu error, %zu warning, %zu info\n", report.count(anslag::severity::error),
              report.count(anslag::severity::warning), report.count(anslag::severity::info));
  for (const auto& f : report.findings)
    if (f.level == anslag::severity::error) std::printf("  %s\n", f.message_en.c_str());
  return report.count(anslag::severity::error) == 2 ? 0 : 1;  // exactly the two planted faults
}
