// What every fuzz target shares: a check that is never compiled out (unlike assert under
// NDEBUG) and that stops the fuzzer with the failed condition and its place.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                             \
  do {                                                                                    \
    if (!(condition)) {                                                                   \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (false)

namespace anslag::fuzz {

// Whether `f` throws an E (and nothing else escapes it).
template <typename E, typename F>
bool throws(F&& f) {
  try {
    f();
  } catch (const E&) {
    return true;
  }
  return false;
}

}  // namespace anslag::fuzz
