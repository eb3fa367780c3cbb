// Money times money has no meaning: Krona * Krona must not compile.
#include <anslag/krona/krona.hpp>
int main() {
  const auto a = anslag::Krona::from_kronor(2);
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto b = a * 3;
#else
  const auto b = a * a;
#endif
  return static_cast<int>(b.ore() % 2);
}
