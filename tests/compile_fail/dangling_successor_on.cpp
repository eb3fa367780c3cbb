// successor_on gives a unit of the registry.
// Member functions that return a reference, pointer or view into their object are deleted for
// rvalues; the snippet only compiles, it never runs.
#include <anslag/io/units_file.hpp>

#include <string>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto registry = anslag::load_units("units.toml");
  const anslag::unit* u = registry.successor_on(registry.units()[0], anslag::calendar_date(2024, 1, 1));
#else
  const auto registry = anslag::load_units("units.toml");
  const anslag::unit* u = anslag::load_units("units.toml").successor_on(registry.units()[0], anslag::calendar_date(2024, 1, 1));
#endif
  return static_cast<int>(u->id.size());
}
