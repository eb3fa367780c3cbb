// validate(report): a report from outside (a pickle) is held to what an audit can produce; every
// report the audit makes of the bundled rounds passes.
#include <anslag/audit/audit.hpp>
#include <anslag/audit/validate.hpp>
#include <anslag/error.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/synthetic/rounds.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

namespace {
const std::filesystem::path data_dir = ANSLAG_DATA_DIR;

anslag::report audited_with_faults() {
  const auto units = anslag::load_units(data_dir / "units.toml");
  anslag::synthetic_options options;
  options.faults = anslag::all_synthetic_faults();
  return anslag::audit(anslag::parse_round(anslag::synthetic_round(units, options), "synthetic.toml"), units);
}

std::size_t first_of(const anslag::report& r, anslag::finding_code code) {
  for (std::size_t i = 0; i < r.findings.size(); ++i)
    if (r.findings[i].code == code) return i;
  FAIL("no such finding");
  return 0;
}
}  // namespace

TEST_CASE("every report an audit makes is valid", "[validate]") {
  const auto units = anslag::load_units(data_dir / "units.toml");
  for (const auto& entry : std::filesystem::directory_iterator(data_dir / "rounds"))
    if (entry.path().extension() == ".toml")
      CHECK_NOTHROW(anslag::validate(anslag::audit(anslag::load_round(entry.path()), units)));
  CHECK_NOTHROW(anslag::validate(audited_with_faults()));
}

TEST_CASE("an error finding relabelled as info is refused, naming the finding", "[validate]") {
  anslag::report r = audited_with_faults();
  const std::size_t i = first_of(r, anslag::finding_code::grant_exceeds_request);
  r.findings[i].level = anslag::severity::info;
  REQUIRE_THROWS_MATCHES(anslag::validate(r), anslag::invalid_argument_error,
                         Catch::Message("finding " + std::to_string(i) + ": GRANT_EXCEEDS_REQUEST is never info"));
}

TEST_CASE("a finding without its message, and a year out of range, are refused", "[validate]") {
  anslag::report r = audited_with_faults();
  r.findings[0].message_en.clear();
  REQUIRE_THROWS_WITH(anslag::validate(r), "finding 0: a message is empty");
  r = audited_with_faults();
  r.year = 0;
  REQUIRE_THROWS_WITH(anslag::validate(r), "report year 0 is not in range 1 to 9999");
}
