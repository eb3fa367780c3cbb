// unit_registry::resolve on arbitrary names against the bundled registry: a unit of the
// registry, an unknown_unit_error (with suggestions that are names of the registry) or an
// ambiguous_unit_error (with at least two candidates); a name that is not UTF-8 is a parse_error
// (its characters cannot be compared), and nothing else.
#include "bundled_registry.hpp"
#include "fuzz_check.hpp"
#include "reference_amount_parser.hpp"  // decode_utf8

#include <anslag/io/units_file.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view name(reinterpret_cast<const char*>(data), size);
  const anslag::unit_registry& units = anslag::fuzz::bundled_registry();
  try {
    const anslag::unit& found = units.resolve(name);
    FUZZ_CHECK(units.find(found.id) == &found);
    // Resolution depends on the normalised name only.
    FUZZ_CHECK(&units.resolve(anslag::normalize_unit_name(name)) == &found);
  } catch (const anslag::unknown_unit_error& e) {
    for (const auto& suggestion : e.suggestions())
      FUZZ_CHECK(std::any_of(units.units().begin(), units.units().end(), [&](const anslag::unit& u) {
        return u.name == suggestion || u.id == suggestion ||
               std::find(u.aliases.begin(), u.aliases.end(), suggestion) != u.aliases.end();
      }));
  } catch (const anslag::ambiguous_unit_error& e) {
    FUZZ_CHECK(e.candidates().size() >= 2);
  } catch (const anslag::parse_error&) {
    FUZZ_CHECK(!anslag::fuzz::decode_utf8(name).has_value());
  }
  return 0;
}
