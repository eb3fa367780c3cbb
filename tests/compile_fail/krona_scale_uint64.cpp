// An unsigned count could wrap to a negative one: scale(UINT64_MAX, 1000) gave -1 000 kr.
#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <limits>
int main() {
  const anslag::Krona a = anslag::Krona::from_kronor(1000);
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona b = a.scale(std::int64_t{1}, std::int64_t{1000}, anslag::rounding::down);
#else
  const anslag::Krona b = a.scale(std::numeric_limits<std::uint64_t>::max(), 1000, anslag::rounding::down);
#endif
  return static_cast<int>(b.ore() % 2);
}
