// Synthetic rounds for benchmarks and tests: N applications spread over two funds and the
// units of a registry, with every statement computed from the rows (a consistent round), and
// optionally faults planted at known rows so that the audit must find exactly them.
#pragma once

#include <anslag/krona/krona.hpp>
#include <anslag/model/unit.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace anslag::bench {

struct synthetic_options {
  std::size_t applications = 1000;
  std::uint64_t seed = 1;
  bool plant_faults = false;  // one grant above its request, one stated total off by 1 kr
};

// A round file (format 1) as text. Units are drawn from the registry's districts valid on the
// document date (2023-12-12).
inline std::string synthetic_round(const unit_registry& units, const synthetic_options& options) {
  std::vector<const unit*> districts;
  for (const auto* u : units.units_on(date(2023, 12, 12)))
    if (u->kind == unit_kind::district) districts.push_back(u);
  std::uint64_t state = options.seed * 6364136223846793005ULL + 1442695040888963407ULL;
  const auto next = [&state](std::uint64_t bound) {  // a small LCG: fast and reproducible
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };

  std::string rows;
  rows.reserve(options.applications * 220);
  Krona requested[2], granted[2];
  std::int64_t count[2] = {0, 0};
  for (std::size_t i = 0; i < options.applications; ++i) {
    const int fund = i % 5 == 0 ? 1 : 0;
    const Krona request = Krona::from_kronor(static_cast<std::int64_t>(1000 * (1 + next(500))));
    const std::uint64_t pick = next(3);
    const char* outcome = pick == 0 ? "rejected" : pick == 1 ? "partly_granted" : "granted";
    Krona grant = pick == 0 ? Krona{} : pick == 1 ? request.round(Krona::from_kronor(1000), rounding::down) - Krona::from_kronor(500) : request;
    if (options.plant_faults && i == options.applications / 2) grant = request + Krona::from_kronor(1);
    requested[fund] += request;
    granted[fund] += grant;
    ++count[fund];
    rows += "[[applications]]\nid = \"A" + std::to_string(i) + "\"\nfund = \"" + (fund ? "MUL" : "LUM") +
            "\"\napplicant = \"" + districts[next(districts.size())]->name + "\"\nproject = \"Projekt " +
            std::to_string(i) + "\"\nrequested = \"" + request.to_string() + "\"\ngranted = \"" +
            grant.to_string() + "\"\ndecision = \"" + outcome + "\"\nreason = \"\"\nsource = { line = " + std::to_string(i + 1) + " }\n\n";
  }
  const Krona planted_offset = options.plant_faults ? Krona::from_kronor(1) : Krona{};
  std::string head =
      "format = 1\nyear = 2024\n\n[document]\ntitle = \"Syntetisk omgång\"\ndate = 2023-12-12\n"
      "seed = \"synthetic\"\ndeciding_body = \"Socialnämnden\"\nkind = \"tjänsteutlåtande\"\n\n";
  const char* fund_ids[2] = {"LUM", "MUL"};
  for (int f = 0; f < 2; ++f) {
    head += std::string("[[funds]]\nid = \"") + fund_ids[f] + "\"\nname = \"" + fund_ids[f] + "\"\nbudget = \"" +
            granted[f].to_string() + "\"\n\n";
  }
  for (int f = 0; f < 2; ++f) {
    head += std::string("[[statements]]\nid = \"requested-") + fund_ids[f] + "\"\nkind = \"requested_total\"\nfunds = [\"" +
            fund_ids[f] + "\"]\namount = \"" + (requested[f] + (f == 0 ? planted_offset : Krona{})).to_string() +
            "\"\nquote = \"Syntetisk uppgift.\"\nsource = {}\n\n";
    head += std::string("[[statements]]\nid = \"granted-") + fund_ids[f] + "\"\nkind = \"granted_total\"\nfunds = [\"" +
            fund_ids[f] + "\"]\namount = \"" + granted[f].to_string() + "\"\nquote = \"Syntetisk uppgift.\"\nsource = {}\n\n";
    head += std::string("[[statements]]\nid = \"count-") + fund_ids[f] + "\"\nkind = \"application_count\"\nfunds = [\"" +
            fund_ids[f] + "\"]\ncount = " + std::to_string(count[f]) + "\nquote = \"Syntetisk uppgift.\"\nsource = {}\n\n";
  }
  return head + rows;
}

}  // namespace anslag::bench
