// There is no silent truncating division: Krona / 3 must not compile (use round or allocate).
#include <anslag/krona/krona.hpp>
int main() {
  const auto a = anslag::Krona::from_kronor(10);
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto b = a - anslag::Krona::from_kronor(3);
#else
  const auto b = a / 3;
#endif
  return static_cast<int>(b.ore() % 2);
}
