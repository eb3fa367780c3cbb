// An unsigned factor could wrap before the check: Krona * 3u does not compile.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_kronor(2) * 3;
#else
  const anslag::Krona a = anslag::Krona::from_kronor(2) * 3u;
#endif
  return static_cast<int>(a.ore() % 2);
}
