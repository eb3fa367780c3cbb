// from_kronor(1234.56) would be 1 234 kr: a double never becomes money.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_kronor(1234);
#else
  const anslag::Krona a = anslag::Krona::from_kronor(1234.56);
#endif
  return static_cast<int>(a.ore() % 2);
}
