// true is not one öre.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_ore(1);
#else
  const anslag::Krona a = anslag::Krona::from_ore(true);
#endif
  return static_cast<int>(a.ore() % 2);
}
