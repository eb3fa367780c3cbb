// true is not one krona.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_kronor(1);
#else
  const anslag::Krona a = anslag::Krona::from_kronor(true);
#endif
  return static_cast<int>(a.ore() % 2);
}
