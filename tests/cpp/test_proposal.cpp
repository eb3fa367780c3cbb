// anslag::propose and proposal::compare: a fund's budget, cap and per-förvaltning limit applied
// to a round built in code, the order, unknown requests and units, and the bundled 2020 round.
#include <anslag/allocate/proposal.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using anslag::allocation_strategy;
using anslag::grant_reason;
using anslag::Krona;

namespace {

Krona kr(std::int64_t kronor) { return Krona::from_kronor(kronor); }

anslag::unit_registry registry() {
  std::vector<anslag::unit> units(4);
  units[0].id = "farsta";
  units[0].name = "Farsta";
  units[1].id = "socialforvaltningen";
  units[1].name = "Socialförvaltningen";
  units[1].kind = anslag::unit_kind::administration;
  units[2].id = "socialjouren";
  units[2].name = "Socialjouren";
  units[2].kind = anslag::unit_kind::department;
  units[2].parent = "socialforvaltningen";
  units[3].id = "framtid-stockholm";
  units[3].name = "Framtid Stockholm";
  units[3].kind = anslag::unit_kind::department;
  units[3].parent = "socialforvaltningen";
  return anslag::unit_registry(units);
}

anslag::application app(std::string id, std::optional<std::string> unit,
                        std::optional<std::int64_t> requested, std::optional<std::int64_t> granted,
                        anslag::decision outcome = anslag::decision::partly_granted) {
  anslag::application a;
  a.id = std::move(id);
  a.fund = "LUM";
  a.unit = std::move(unit);
  if (requested) a.requested = kr(*requested);
  if (granted) a.granted = kr(*granted);
  a.outcome = outcome;
  return a;
}

// Budget 1 000, at most two per förvaltning; Socialjouren and Framtid Stockholm both count as
// Socialförvaltningen.
anslag::grant_round small_round() {
  anslag::grant_round r;
  r.year = 2030;
  anslag::fund f;
  f.id = "LUM";
  f.budget = kr(1000);
  r.funds.push_back(f);
  anslag::rule limit;
  limit.id = "2030.LUM.per-forvaltning";
  limit.kind = anslag::rule_kind::max_granted_per_unit;
  limit.funds = {"LUM"};
  limit.count = 2;
  r.rules.push_back(limit);
  r.applications = {
      app("A", "socialforvaltningen", 400, 300),
      app("B", "socialjouren", 400, 300),
      app("C", "framtid-stockholm", 400, 0, anslag::decision::rejected),
      app("D", "farsta", 200, 200, anslag::decision::granted),
      app("E", std::nullopt, 200, std::nullopt),
      app("F", "farsta", std::nullopt, 200, anslag::decision::granted),
  };
  anslag::application other = app("X", "farsta", 100, 100);
  other.fund = "MUST";
  r.applications.push_back(other);
  return r;
}

std::vector<std::optional<Krona>> proposed(const anslag::proposal& p) {
  std::vector<std::optional<Krona>> out;
  for (const auto& g : p.grants) out.push_back(g.proposed);
  return out;
}

}  // namespace

TEST_CASE("propose applies the per-förvaltning limit in order before sharing the budget",
          "[proposal]") {
  const auto p = anslag::propose(small_round(), "LUM", allocation_strategy::ranked, registry());
  REQUIRE(p.limit == 2);
  REQUIRE(p.budget == kr(1000));
  // C is Socialförvaltningen's third: left out. E's förvaltning is unknown: not limited, listed.
  REQUIRE(proposed(p) == std::vector<std::optional<Krona>>{kr(400), kr(400), kr(0), kr(200),
                                                          kr(0), std::nullopt});
  REQUIRE(p.grants[2].reason == grant_reason::unit_limit);
  REQUIRE(p.grants[4].reason == grant_reason::budget_exhausted);
  REQUIRE_FALSE(p.grants[5].reason);
  REQUIRE(p.grants[1].forvaltning == "socialforvaltningen");
  REQUIRE_FALSE(p.grants[4].forvaltning);
  REQUIRE(p.unlimited == std::vector<std::string>{"E"});
}

TEST_CASE("propose takes the given order first, then the rest in document order", "[proposal]") {
  anslag::propose_options options;
  options.order = {"E", "C"};
  const auto p =
      anslag::propose(small_round(), "LUM", allocation_strategy::ranked, registry(), options);
  std::vector<std::string> ids;
  for (const auto& g : p.grants) ids.push_back(g.application);
  REQUIRE(ids == std::vector<std::string>{"E", "C", "A", "B", "D", "F"});
  // Now B is Socialförvaltningen's third.
  REQUIRE(proposed(p) == std::vector<std::optional<Krona>>{kr(200), kr(400), kr(400), kr(0),
                                                          kr(0), std::nullopt});
  REQUIRE(p.grants[3].reason == grant_reason::unit_limit);
}

TEST_CASE("propose can leave out what the recorded decision rejected, and uses the unit",
          "[proposal]") {
  anslag::propose_options options;
  options.include_rejected = false;
  options.unit = kr(100);
  const auto p =
      anslag::propose(small_round(), "LUM", allocation_strategy::pro_rata, registry(), options);
  // A, B, D, E request 1 200 for 1 000: shares 333⅓, 333⅓, 166⅔, 166⅔; rounded down to units
  // of 100 they leave two units, which go to the remainders of 66⅔.
  REQUIRE(proposed(p) == std::vector<std::optional<Krona>>{kr(300), kr(300), kr(200), kr(200),
                                                          std::nullopt});
}

TEST_CASE("compare gives per application the difference and totals of what is known",
          "[proposal][compare]") {
  const auto c =
      anslag::propose(small_round(), "LUM", allocation_strategy::ranked, registry()).compare();
  REQUIRE(c.rows.size() == 6);
  REQUIRE(c.rows[0].difference == kr(100));
  REQUIRE(c.rows[2].difference == kr(0));
  REQUIRE_FALSE(c.rows[4].difference);  // E: no recorded grant
  REQUIRE_FALSE(c.rows[5].difference);  // F: no request, no proposal
  REQUIRE(c.rows[2].reason == grant_reason::unit_limit);
  REQUIRE(c.recorded_total == kr(1000));
  REQUIRE(c.proposed_total == kr(1000));
  REQUIRE(c.difference_total == kr(200));  // A and B: +100 each; C, D: 0; E, F: unknown
  REQUIRE(c.recorded_unknown == 1);
  REQUIRE(c.proposed_unknown == 1);
}

TEST_CASE("a comparison total over nothing known is unknown, not 0 kr", "[proposal][compare]") {
  // No request printed: no proposal, so no proposed total and no difference; no decision
  // printed either: no recorded total. A known 0 kr stays 0 kr.
  auto unknown = small_round();
  for (auto& a : unknown.applications) a.requested.reset();
  const auto c = anslag::propose(unknown, "LUM", allocation_strategy::pro_rata, registry()).compare();
  REQUIRE(c.proposed_unknown == c.rows.size());
  REQUIRE_FALSE(c.proposed_total);
  REQUIRE_FALSE(c.difference_total);
  REQUIRE(c.recorded_total == kr(1000));
  for (auto& a : unknown.applications) a.granted.reset();
  const auto none = anslag::propose(unknown, "LUM", allocation_strategy::pro_rata, registry()).compare();
  REQUIRE_FALSE(none.recorded_total);
  REQUIRE(none.recorded_unknown == none.rows.size());

  auto zero = small_round();
  for (auto& a : zero.applications) a.granted = kr(0);
  const auto z = anslag::propose(zero, "LUM", allocation_strategy::ranked, registry()).compare();
  REQUIRE(z.recorded_total == kr(0));
}

TEST_CASE("propose refuses unknown funds and applications and a repeated order",
          "[proposal][errors]") {
  const auto r = small_round();
  const auto units = registry();
  const auto s = allocation_strategy::ranked;
  REQUIRE_THROWS_MATCHES(anslag::propose(r, "MUL", s, units), anslag::not_found_error,
                         Catch::Message("no fund 'MUL' in the 2030 round"));
  anslag::propose_options options;
  options.order = {"X"};
  REQUIRE_THROWS_MATCHES(anslag::propose(r, "LUM", s, units, options), anslag::not_found_error,
                         Catch::Message("no application 'X' in fund LUM"));
  options.order = {"A", "B", "A"};
  REQUIRE_THROWS_MATCHES(anslag::propose(r, "LUM", s, units, options),
                         anslag::invalid_argument_error,
                         Catch::Message("application 'A' is twice in the order"));
}

TEST_CASE("an application whose unit the registry lacks takes part without a limit, named", "[proposal]") {
  // As in the rules and the audit, a unit that is not known makes the limit unknown for that
  // application: it is not an error, and it is not silently counted as anyone's.
  auto strange = small_round();
  strange.applications[0].unit = "atlantis";
  const auto p = anslag::propose(strange, "LUM", anslag::allocation_strategy::pro_rata, registry());
  REQUIRE(p.unlimited == std::vector<std::string>{"A", "E"});  // E names no unit at all
  REQUIRE_FALSE(p.grants.front().forvaltning.has_value());
}

TEST_CASE("the 2020 LUM proposal of docs/allocation.md", "[proposal][seed]") {
  const auto round = anslag::load_round(ANSLAG_DATA_DIR "/rounds/2020.toml");
  const auto units = anslag::load_units(ANSLAG_DATA_DIR "/units.toml");
  anslag::propose_options options;
  options.unit = kr(50'000);
  options.include_rejected = false;
  const auto p = anslag::propose(round, "LUM", allocation_strategy::pro_rata, units, options);
  REQUIRE(proposed(p) == std::vector<std::optional<Krona>>{
                             kr(400'000), kr(900'000), kr(350'000), kr(400'000), kr(350'000),
                             kr(300'000), kr(300'000), kr(250'000), kr(250'000)});
  REQUIRE(p.unlimited.empty());
  const auto c = p.compare();
  REQUIRE(c.recorded_total == kr(3'500'000));
  REQUIRE(c.proposed_total == kr(3'500'000));
  REQUIRE(c.rows[1].application == "2020-LUM-04");
  REQUIRE(c.rows[1].difference == kr(400'000));
}
