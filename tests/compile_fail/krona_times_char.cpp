// '2' * Krona is 50 times the amount: characters are no counts.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = 2 * anslag::Krona::from_kronor(2);
#else
  const anslag::Krona a = '2' * anslag::Krona::from_kronor(2);
#endif
  return static_cast<int>(a.ore() % 2);
}
