// The same for an application found in a temporary round.
// Member functions that return a reference, pointer or view into their object are deleted for
// rvalues; the snippet only compiles, it never runs.
#include <anslag/io/round_file.hpp>

#include <string>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto round = anslag::load_round("2024.toml");
  const anslag::application* a = round.find_application("2024-LUM-01");
#else
  const anslag::application* a = anslag::load_round("2024.toml").find_application("2024-LUM-01");
#endif
  return static_cast<int>(a->id.size());
}
