// from_ore of a large uint64_t would wrap to a negative amount: unsigned does not compile.
#include <anslag/krona/krona.hpp>

#include <cstddef>
#include <cstdint>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::Krona a = anslag::Krona::from_ore(std::int64_t{1} << 62);
#else
  const anslag::Krona a = anslag::Krona::from_ore(std::uint64_t{1} << 63);
#endif
  return static_cast<int>(a.ore() % 2);
}
