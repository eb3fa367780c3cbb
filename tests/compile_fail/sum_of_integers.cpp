// sum adds ranges of Krona only: a range of integers is no amounts (sum_ore takes öre).
#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <vector>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const std::vector<anslag::Krona> amounts{anslag::Krona::from_ore(1)};
#else
  const std::vector<std::int64_t> amounts{1};
#endif
  return static_cast<int>(anslag::sum(amounts).ore());
}
