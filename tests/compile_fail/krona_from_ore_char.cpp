// '7' is 55, not 7: characters are no counts.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_ore(7);
#else
  const anslag::Krona a = anslag::Krona::from_ore('7');
#endif
  return static_cast<int>(a.ore() % 2);
}
