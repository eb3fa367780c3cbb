// An unsigned int, however small, is refused too: the type, not the value, decides.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_ore(5);
#else
  const anslag::Krona a = anslag::Krona::from_ore(5u);
#endif
  return static_cast<int>(a.ore() % 2);
}
