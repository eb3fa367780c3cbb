// *= takes what * takes: an unsigned factor does not compile.
#include <anslag/krona/krona.hpp>

int main() {
  anslag::Krona a = anslag::Krona::from_kronor(2);
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  a *= 3;
#else
  a *= 3u;
#endif
  return static_cast<int>(a.ore() % 2);
}
