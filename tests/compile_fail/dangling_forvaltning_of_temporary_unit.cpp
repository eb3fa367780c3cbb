// forvaltning(u) is u itself for a förvaltning: a temporary unit would dangle, so it does not compile.
#include <anslag/io/units_file.hpp>

int main() {
  const auto registry = anslag::load_units("units.toml");
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::unit u = registry.units()[0];
  const anslag::unit& f = registry.forvaltning(u);
#else
  const anslag::unit& f = registry.forvaltning(anslag::unit(registry.units()[0]));
#endif
  return static_cast<int>(f.name.size());
}
