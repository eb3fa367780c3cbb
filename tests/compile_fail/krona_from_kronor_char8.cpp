// Nor are the Unicode character types.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_kronor(7);
#else
  const anslag::Krona a = anslag::Krona::from_kronor(u8'7');
#endif
  return static_cast<int>(a.ore() % 2);
}
