// A float never becomes money: Krona + 0.5 must not compile.
#include <anslag/krona/krona.hpp>
int main() {
  const auto a = anslag::Krona::from_kronor(2);
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto b = a + anslag::Krona::from_ore(50);
#else
  const auto b = a + 0.5;
#endif
  return static_cast<int>(b.ore() % 2);
}
