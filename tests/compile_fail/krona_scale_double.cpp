// scale takes signed integer counts: 0.85 would truncate to 0 and scale 1 000 kr to 0 kr.
#include <anslag/krona/krona.hpp>

int main() {
  const anslag::Krona a = anslag::Krona::from_kronor(1000);
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona b = a.scale(85, 100, anslag::rounding::half_even);
#else
  const anslag::Krona b = a.scale(0.85, 1, anslag::rounding::half_even);
#endif
  return static_cast<int>(b.ore() % 2);
}
