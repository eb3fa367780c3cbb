// load_round(path).find_fund(...) would point into a round destroyed at the end of the statement.
// Member functions that return a reference, pointer or view into their object are deleted for
// rvalues; the snippet only compiles, it never runs.
#include <anslag/io/round_file.hpp>

#include <string>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto round = anslag::load_round("2024.toml");
  const anslag::fund* f = round.find_fund("LUM");
#else
  const anslag::fund* f = anslag::load_round("2024.toml").find_fund("LUM");
#endif
  return static_cast<int>(f->id.size());
}
