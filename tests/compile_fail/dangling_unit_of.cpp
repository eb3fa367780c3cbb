// unit_of gives a unit of the registry it is passed.
// Member functions that return a reference, pointer or view into their object are deleted for
// rvalues; the snippet only compiles, it never runs.
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <string>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto round = anslag::load_round("2024.toml");
  const auto registry = anslag::load_units("units.toml");
  const anslag::unit* u = anslag::unit_of(round.applications[0], registry);
#else
  const auto round = anslag::load_round("2024.toml");
  const anslag::unit* u = anslag::unit_of(round.applications[0], anslag::load_units("units.toml"));
#endif
  return static_cast<int>(u->id.size());
}
