// kinds() is a reference to the registry's own words for its kinds of units.
// Member functions that return a reference, pointer or view into their object are deleted for
// rvalues; the snippet only compiles, it never runs.
#include <anslag/io/units_file.hpp>

int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto registry = anslag::load_units("units.toml");
  const auto& kinds = registry.kinds();
#else
  const auto& kinds = anslag::load_units("units.toml").kinds();
#endif
  return static_cast<int>(kinds.district.plural.size());
}
