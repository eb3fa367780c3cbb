// fund_limits keeps pointers into its round: built from a temporary round it does not compile.
#include <anslag/io/round_file.hpp>
#include <anslag/rules/facts.hpp>

int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto r = anslag::load_round("round.toml");
  const anslag::fund_limits limits(r);
#else
  const anslag::fund_limits limits(anslag::load_round("round.toml"));
#endif
  return limits.cap_rule("LU") != nullptr;
}
