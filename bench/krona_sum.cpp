// The cost of checking: anslag::sum over 10 million Krona against a plain int64 sum of the same
// data, and the parser's cost per canonical amount string. Every figure is labelled with the CPU
// model it was measured on and the instruction set the file was compiled for (the ratio differs
// between machines and vector units: docs/performance.md; bench/CMakeLists.txt builds this file
// for the default x86-64 and for AVX-512). The sums run over 10 million amounts (80 MB, from
// memory, the figure) and over the first 100 000 (800 KB, in the L2 cache), where the
// loop's own cost shows instead of the memory bus's.
#include <anslag/krona/amount_text.hpp>
#include <anslag/krona/krona.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <deque>
#include <fstream>
#include <numeric>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {

constexpr std::size_t amount_count = 10'000'000;

// "model name" of /proc/cpuinfo ("AMD EPYC", "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"),
// and the widest vector unit the compiler was allowed to use.
const std::string& cpu_model() {
  static const std::string model = [] {
#if defined(__AVX512F__)
    const std::string target = "AVX-512";
#elif defined(__AVX2__)
    const std::string target = "AVX2";
#else
    const std::string target = "default x86-64";
#endif
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
      if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2) + ", " + target;
    return "unknown CPU, " + target;
  }();
  return model;
}

std::size_t count_of(const benchmark::State& state) { return static_cast<std::size_t>(state.range(0)); }

// Amounts up to ±10 million kronor: realistic grants, and a sum far inside the range.
const std::vector<std::int64_t>& ore_values() {
  static const std::vector<std::int64_t> values = [] {
    std::mt19937_64 random(20260101);
    std::uniform_int_distribution<std::int64_t> ore(-1'000'000'000, 1'000'000'000);
    std::vector<std::int64_t> v(amount_count);
    for (auto& x : v) x = ore(random);
    return v;
  }();
  return values;
}

const std::vector<anslag::Krona>& krona_values() {
  static const std::vector<anslag::Krona> values = [] {
    std::vector<anslag::Krona> v;
    v.reserve(amount_count);
    for (std::int64_t x : ore_values()) v.push_back(anslag::Krona::from_ore(x));
    return v;
  }();
  return values;
}

void plain_int64_sum(benchmark::State& state) {
  const std::span values(ore_values().data(), count_of(state));
  for (auto _ : state) {
    std::int64_t total = std::accumulate(values.begin(), values.end(), std::int64_t{0});
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
  state.SetLabel(cpu_model());
}
BENCHMARK(plain_int64_sum)->Arg(amount_count)->Arg(100'000)->Unit(benchmark::kMicrosecond);

void checked_krona_sum(benchmark::State& state) {
  const std::span values(krona_values().data(), count_of(state));
  for (auto _ : state) {
    anslag::Krona total = anslag::sum(values);
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
  state.SetLabel(cpu_model());
}
BENCHMARK(checked_krona_sum)->Arg(amount_count)->Arg(100'000)->Unit(benchmark::kMicrosecond);

// The same amounts in a range that is not contiguous: sum adds them one by one, counting wraps.
void checked_krona_sum_one_by_one(benchmark::State& state) {
  static const std::deque<anslag::Krona> values(krona_values().begin(), krona_values().end());
  for (auto _ : state) {
    anslag::Krona total = anslag::sum(values);
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
  state.SetLabel(cpu_model());
}
BENCHMARK(checked_krona_sum_one_by_one)->Unit(benchmark::kMillisecond);

void parse_canonical_amounts(benchmark::State& state) {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> t;
    const auto& values = ore_values();
    for (std::size_t i = 0; i < 1'000'000; ++i) t.push_back(anslag::Krona::from_ore(values[i]).to_string());
    return t;
  }();
  for (auto _ : state) {
    std::int64_t total = 0;
    for (const auto& text : texts) total += anslag::parse_amount(text).ore();
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
  state.SetLabel(cpu_model());
}
BENCHMARK(parse_canonical_amounts)->Unit(benchmark::kMillisecond);

}  // namespace
