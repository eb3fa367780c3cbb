// One round and one registry shared by several threads, each auditing the round, evaluating every
// application, proposing grants and formatting the report at once: the promise of the headers
// that a loaded round and registry are read-only and safe to share. `make tsan` runs this under
// ThreadSanitizer, where any data race fails the run; here it checks that every thread sees
// exactly what one thread alone sees.
#include <anslag/allocate/proposal.hpp>
#include <anslag/audit/audit.hpp>
#include <anslag/report/format.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/rules/evaluate.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

struct outcome {
  std::string report;
  std::vector<anslag::evaluation> evaluations;
  std::vector<anslag::proposal> proposals;

  friend bool operator==(const outcome&, const outcome&) = default;
};

outcome work(const anslag::grant_round& r, const anslag::unit_registry& units) {
  outcome o;
  o.report = anslag::format_report_json(anslag::audit(r, units));
  for (const auto& a : r.applications) o.evaluations.push_back(anslag::evaluate(r, a, units));
  for (const auto& f : r.funds)
    for (auto strategy : {anslag::allocation_strategy::ranked, anslag::allocation_strategy::pro_rata,
                          anslag::allocation_strategy::equal_cap})
      o.proposals.push_back(anslag::propose(r, f.id, strategy, units));
  return o;
}

}  // namespace

TEST_CASE("threads sharing one round and registry see what one thread sees", "[concurrency]") {
  const std::filesystem::path data(ANSLAG_DATA_DIR);
  const anslag::unit_registry units = anslag::load_units(data / "units.toml");
  for (const char* year : {"2020", "2024"}) {
    INFO("round " << year);
    const anslag::grant_round r = anslag::load_round(data / "rounds" / (std::string(year) + ".toml"));
    const outcome alone = work(r, units);
    REQUIRE(!alone.evaluations.empty());
    constexpr std::size_t thread_count = 4;
    std::vector<outcome> seen(thread_count);
    {
      std::vector<std::jthread> threads;
      for (std::size_t t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] { seen[t] = work(r, units); });
    }
    for (const auto& o : seen) REQUIRE(o == alone);
  }
}
