// Under -std=gnu++20 (CMake's default for a consumer) __int128 is an integral type; a weight
// that wide would be cut to 64 bits ({2^64 + 1, 1} split as {1, 1}), so it does not compile.
#include <anslag/krona/allocate.hpp>

#include <cstdint>
#include <vector>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const std::vector<std::uint64_t> weights{1, 1};
#else
  __extension__ using wide = __int128;
  const std::vector<wide> weights{(wide{1} << 64) + 1, 1};
#endif
  const auto parts = anslag::allocate(anslag::Krona::from_kronor(1000), weights);
  return static_cast<int>(parts.size());
}
