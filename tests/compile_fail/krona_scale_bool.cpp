// bool is no count: scale(true, 2) does not compile.
#include <anslag/krona/krona.hpp>

int main() {
  const anslag::Krona a = anslag::Krona::from_kronor(1000);
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona b = a.scale(1, 2, anslag::rounding::down);
#else
  const anslag::Krona b = a.scale(true, 2, anslag::rounding::down);
#endif
  return static_cast<int>(b.ore() % 2);
}
