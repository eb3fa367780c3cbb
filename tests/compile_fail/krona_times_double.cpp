// Krona * 1.5 would truncate: a share is scale(), round() or allocate().
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_kronor(2).scale(3, 2, anslag::rounding::half_even);
#else
  const anslag::Krona a = anslag::Krona::from_kronor(2) * 1.5;
#endif
  return static_cast<int>(a.ore() % 2);
}
