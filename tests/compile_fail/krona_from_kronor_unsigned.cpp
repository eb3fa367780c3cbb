// from_kronor takes signed counts only.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_kronor(std::int64_t{5});
#else
  const anslag::Krona a = anslag::Krona::from_kronor(std::size_t{5});
#endif
  return static_cast<int>(a.ore() % 2);
}
