// A float is no count of öre either.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_ore(12);
#else
  const anslag::Krona a = anslag::Krona::from_ore(12.0f);
#endif
  return static_cast<int>(a.ore() % 2);
}
