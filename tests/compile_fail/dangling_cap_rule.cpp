// cap_rule points into its round: deleted for a temporary round.
#include <anslag/io/round_file.hpp>
#include <anslag/rules/facts.hpp>

int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto r = anslag::load_round("round.toml");
  const anslag::rule* cap = anslag::cap_rule(r, "LU");
#else
  const anslag::rule* cap = anslag::cap_rule(anslag::load_round("round.toml"), "LU");
#endif
  return static_cast<int>(cap->quote.size());
}
