// The audit of a synthetic round of N applications (default 1 000 000): generation, load
// (parse of the round file) and audit timed separately, with the peak resident memory.
//   audit_bench [N] [DATA_DIR]
#include <anslag/audit/audit.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/synthetic/rounds.hpp>
#include <anslag/io/units_file.hpp>

#include "process_memory.hpp"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

using anslag_bench::reset_peak;
using anslag_bench::status_mib;

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
// CPU time of the process: on a shared machine wall time also counts the other jobs' turns.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const std::string data_dir = argc > 2 ? argv[2] : ANSLAG_DATA_DIR;
  const auto units = anslag::load_units(data_dir + "/units.toml");

  auto start = std::chrono::steady_clock::now();
  double cpu_start = cpu_seconds();
  std::string text = anslag::synthetic_round(
      units, {n, 7, 2024, {anslag::synthetic_fault::grant_exceeds_request, anslag::synthetic_fault::total_mismatch}});
  const double generate = seconds_since(start), generate_cpu = cpu_seconds() - cpu_start;
  const double file_mib = static_cast<double>(text.size()) / (1024.0 * 1024.0);

  start = std::chrono::steady_clock::now();
  cpu_start = cpu_seconds();
  const anslag::grant_round r = anslag::parse_round(text, "synthetic.toml", anslag::size_limit::unbounded);
  const double load = seconds_since(start), load_cpu = cpu_seconds() - cpu_start;
  const long load_peak = status_mib("VmHWM");
  std::string().swap(text);  // the file text is the load's, not the audit's
  malloc_trim(0);             // hand what the load freed back, so RSS shows what is live
  reset_peak();
  const long before_audit = status_mib("VmRSS");

  start = std::chrono::steady_clock::now();
  cpu_start = cpu_seconds();
  const anslag::report report = anslag::audit(r, units);
  const double audit = seconds_since(start), audit_cpu = cpu_seconds() - cpu_start;

  std::printf("applications        %zu\n", r.applications.size());
  std::printf("round file          %.1f MiB\n", file_mib);
  std::printf("generate            %.3f s (%.3f s CPU)\n", generate, generate_cpu);
  std::printf("load (parse)        %.3f s (%.3f s CPU)\n", load, load_cpu);
  std::printf("audit               %.3f s (%.3f s CPU)\n", audit, audit_cpu);
  std::printf("peak RSS in load    %ld MiB (round file text, the round, toml++ document of the head)\n", load_peak);
  std::printf("RSS before audit    %ld MiB (the loaded round)\n", before_audit);
  std::printf("peak RSS in audit   %ld MiB (the round and the audit's working memory)\n", status_mib("VmHWM"));
  std::printf("findings            %zu error, %zu warning, %zu info\n", report.count(anslag::severity::error),
              report.count(anslag::severity::warning), report.count(anslag::severity::info));
  for (const auto& f : report.findings)
    if (f.level == anslag::severity::error) std::printf("  %s\n", f.message_en.c_str());
  // Exactly the two planted faults: the row granted 1 kr above its request is a
  // GRANT_EXCEEDS_REQUEST and, whatever its decision word, a DECISION_AMOUNT_MISMATCH (a row is
  // every finding it is); the stated total 1 kr off is a TOTAL_MISMATCH.
  std::multiset<anslag::finding_code> errors;
  for (const auto& f : report.findings)
    if (f.level == anslag::severity::error) errors.insert(f.code);
  const std::multiset<anslag::finding_code> planted{anslag::finding_code::grant_exceeds_request,
                                                    anslag::finding_code::decision_amount_mismatch,
                                                    anslag::finding_code::total_mismatch};
  return errors == planted ? 0 : 1;
}
