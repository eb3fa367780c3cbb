// from_ore(12.34) would be 12 öre: a double never becomes money.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_ore(1234);
#else
  const anslag::Krona a = anslag::Krona::from_ore(12.34);
#endif
  return static_cast<int>(a.ore() % 2);
}
