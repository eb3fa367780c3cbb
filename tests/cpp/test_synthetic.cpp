// Synthetic rounds (include/anslag/synthetic/rounds.hpp) and folders of round files
// (include/anslag/io/round_folder.hpp): a consistent round audits clean, each planted fault gives
// exactly its finding, and the bad inputs give their messages.
#include <anslag/audit/audit.hpp>
#include <anslag/error.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/round_folder.hpp>
#include <anslag/synthetic/rounds.hpp>
#include <anslag/io/units_file.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const anslag::unit_registry& units() {
  static const anslag::unit_registry registry = anslag::load_units(fs::path(ANSLAG_DATA_DIR) / "units.toml");
  return registry;
}

fs::path scratch(const std::string& name) {
  const auto path = fs::temp_directory_path() / ("anslag-test-" + std::to_string(getpid()) + "-" + name);
  fs::remove_all(path);
  return path;
}

std::vector<std::string> codes(const anslag::report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(std::string(to_string(f.level)) + " " + std::string(to_string(f.code)));
  std::sort(out.begin(), out.end());
  return out;
}

anslag::report audit_synthetic(const anslag::synthetic_options& options) {
  return anslag::audit(anslag::parse_round(anslag::synthetic_round(units(), options), "synthetic.toml"), units());
}

}  // namespace

TEST_CASE("a synthetic round without faults audits clean; each fault gives exactly its finding") {
  CHECK(audit_synthetic({}).findings.empty());
  using anslag::synthetic_fault;
  // A grant above its request contradicts every decision word too (docs/audit.md: a row is every
  // finding it is), so that fault gives both.
  const std::vector<std::pair<synthetic_fault, std::vector<std::string>>> expected{
      {synthetic_fault::grant_exceeds_request, {"error DECISION_AMOUNT_MISMATCH", "error GRANT_EXCEEDS_REQUEST"}},
      {synthetic_fault::total_mismatch, {"error TOTAL_MISMATCH"}},
      {synthetic_fault::count_mismatch, {"error COUNT_MISMATCH"}},
      {synthetic_fault::unknown_unit, {"warning UNKNOWN_UNIT"}},
  };
  for (const auto& [fault, findings] : expected) {
    INFO(to_string(fault));
    CHECK(codes(audit_synthetic({25, 3, 2024, {fault}})) == findings);
    CHECK(anslag::synthetic_fault_from_name(to_string(fault)) == fault);
  }
  CHECK(anslag::all_synthetic_faults().size() == expected.size());
  CHECK_FALSE(anslag::synthetic_fault_from_name("grant"));
}

TEST_CASE("the same options give the same round") {
  CHECK(anslag::synthetic_round(units(), {40, 9, 2030, {}}) == anslag::synthetic_round(units(), {40, 9, 2030, {}}));
  CHECK(anslag::synthetic_round(units(), {40, 9, 2030, {}}) != anslag::synthetic_round(units(), {40, 10, 2030, {}}));
}

TEST_CASE("synthetic rounds written to a folder, read back as a folder of round files") {
  const auto folder = scratch("synthetic");
  const auto written = anslag::write_synthetic_rounds(units(), folder, 3, {10, 1, 9998, {}});
  REQUIRE(written.size() == 3);
  CHECK(anslag::round_files(folder) == written);
  // Past 9999 the years start again at the first year.
  CHECK(anslag::load_round(written[0]).year == 9998);
  CHECK(anslag::load_round(written[1]).year == 9999);
  CHECK(anslag::load_round(written[2]).year == 9998);
  fs::remove_all(folder);
}

TEST_CASE("bad input to the generator and to a folder of rounds") {
  CHECK_THROWS_WITH(anslag::synthetic_round(units(), {10, 1, 2000, {}}), "no district exists on the synthetic round's date");
  CHECK_THROWS_WITH(anslag::synthetic_round(units(), {10, 1, 10000, {}}), "synthetic year out of range (2 to 9999)");
  const auto folder = scratch("folder");
  fs::create_directories(folder / "round-00001.toml");  // a folder where the first file must go
  CHECK_THROWS_WITH(anslag::write_synthetic_rounds(units(), folder, 1, {}),
                    "cannot write " + (folder / "round-00001.toml").string() + ": Is a directory");
  const auto file = scratch("file");
  std::ofstream(file) << "x";
  CHECK_THROWS_WITH(anslag::write_synthetic_rounds(units(), file / "sub", 1, {}), "cannot write " + (file / "sub").string());
  CHECK_THROWS_WITH(anslag::round_files(file), "not a folder: " + file.string());
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::ofstream(folder / "notes.txt") << "not a round";
  CHECK_THROWS_AS(anslag::round_files(folder), anslag::not_found_error);
  CHECK_THROWS_WITH(anslag::round_files(folder), "no round files (*.toml) in " + folder.string());
  fs::remove_all(folder);
  fs::remove(file);
}
