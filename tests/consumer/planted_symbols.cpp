// A library that offers what libanslag must not, to show that tests/consumer/symbols.cmake fails
// on each kind and names it (ctest -R symbols.planted): an internal name, a name of a library
// compiled in, a name outside namespace anslag, and a static local of g++'s unique binding.
#define PLANTED_EXPORT __attribute__((visibility("default")))

namespace anslag::detail {
PLANTED_EXPORT int planted_internal() { return 1; }
}  // namespace anslag::detail

namespace boost {
PLANTED_EXPORT int planted_boost() { return 2; }
}  // namespace boost

PLANTED_EXPORT int planted_outside() { return 3; }

namespace anslag {
inline int& planted_counter() {
  static int count = 0;  // g++: STB_GNU_UNIQUE, as an inline function's static local with default visibility
  return count;
}
PLANTED_EXPORT int planted_count() { return ++planted_counter(); }
}  // namespace anslag
