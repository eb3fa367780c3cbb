// The audit on every round that loads from the input, against the bundled registry: it returns
// a report of that round or throws an anslag::error; nothing else, no crash, no sanitizer report.
#include "bundled_registry.hpp"
#include "fuzz_check.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::optional<anslag::grant_round> loaded;
  try {
    loaded = anslag::parse_round(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
  } catch (const anslag::error&) {
    return 0;  // what does not load is fuzz_round_loader's business
  }
  try {
    const anslag::report report = anslag::audit(*loaded, anslag::fuzz::bundled_registry());
    FUZZ_CHECK(report.year == loaded->year);
  } catch (const anslag::error&) {
  }
  return 0;
}
