// The constructors from floating point are deleted: Krona(1.5) must not compile.
#include <anslag/krona/krona.hpp>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_ore(150);
#else
  const anslag::Krona a(1.5);
#endif
  return static_cast<int>(a.ore() % 2);
}
