// Hostile round files: every file of tests/data/hostile is refused with the round_file_error its
// .expected file names, and the generated extremes (deep nesting, a 10 MB line, a file past the
// size limit, a directory) are refused too. Run under the sanitizers by `make sanitize`, this is
// where undefined behaviour on bad input shows (the toml++ Unicode tables: src/io/toml.hpp).
// tests/python/test_hostile.py runs the same files through the command line in child processes.
#include <anslag/io/round_file.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {
const std::filesystem::path hostile_dir = std::filesystem::path(ANSLAG_SOURCE_DIR) / "tests" / "data" / "hostile";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string error_of_text(const std::string& text) {
  try {
    anslag::parse_round(text, "generated.toml");
  } catch (const anslag::round_file_error& e) {
    return e.what();
  }
  return "loaded without error";
}
}  // namespace

TEST_CASE("every hostile round file gives the error its .expected file names", "[hostile]") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(hostile_dir))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 30);
  for (const auto& path : files) {
    INFO(path.filename().string());
    auto expected_path = path;
    expected_path.replace_extension(".expected");
    const std::string expected = read_text(expected_path);
    REQUIRE_FALSE(expected.empty());
    try {
      anslag::load_round(path);
      FAIL("loaded without error");
    } catch (const anslag::round_file_error& e) {
      CHECK(std::string(e.what()) == path.string() + ":" + expected);
    }
  }
}

TEST_CASE("100 000 nested arrays are refused at toml++'s depth limit", "[hostile]") {
  CHECK(error_of_text("format = 1\nyear = " + std::string(100'000, '[')) ==
        "generated.toml:2:264: Error while parsing value: exceeded maximum nested value depth of "
        "256 (TOML_MAX_NESTED_VALUES)");
}

TEST_CASE("a 10 MB line is read to its end and the file refused for what it lacks", "[hostile]") {
  CHECK(error_of_text("format = 1\nyear = 2021\n[document]\ntitle = \"" + std::string(10'000'000, 'x') +
                      "\"\n") == "generated.toml:3:1: missing key 'date'");
}

TEST_CASE("text past the 16 MiB limit is refused before it is parsed", "[hostile]") {
  CHECK(error_of_text(std::string((16u << 20) + 1, '#')) == "generated.toml:0:0: file larger than 16 MiB");
  CHECK(error_of_text("#" + std::string((16u << 20) - 2, ' ') + "\n") == "generated.toml:1:1: missing key 'format'");
}

TEST_CASE("a round a program wrote itself may be larger than 16 MiB when it says so", "[hostile]") {
  const std::string large = "#" + std::string(17u << 20, ' ') + "\n";
  REQUIRE_THROWS_WITH(anslag::parse_round(large, "generated.toml", anslag::size_limit::unbounded),
                      "generated.toml:1:1: missing key 'format'");
  REQUIRE_THROWS_WITH(anslag::parse_round(large, "generated.toml"), "generated.toml:0:0: file larger than 16 MiB");
}

TEST_CASE("a directory is a file that cannot be read, not an empty round", "[hostile]") {
  try {
    anslag::load_round(hostile_dir);
    FAIL("loaded a directory");
  } catch (const anslag::round_file_error& e) {
    CHECK(e.detail() == "cannot read the file: Is a directory");
    CHECK(e.line() == 0);
  }
}

TEST_CASE("an endless file is a device, refused before it is read", "[hostile]") {
  try {
    anslag::load_round("/dev/zero");
    FAIL("loaded /dev/zero");
  } catch (const anslag::round_file_error& e) {
    CHECK(std::string(e.what()) == "/dev/zero:0:0: cannot read the file: a device, not a regular file");
  }
}
