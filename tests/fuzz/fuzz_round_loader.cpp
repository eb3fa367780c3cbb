// parse_round on arbitrary bytes: it returns a round or throws an anslag::error; any other
// exception, a crash, a sanitizer report or a hang (the runner's -timeout) is a finding.
#include <anslag/io/round_file.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)anslag::parse_round(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
  } catch (const anslag::error&) {
  }
  return 0;
}
