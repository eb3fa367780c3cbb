// application_window_rule points into its round: deleted for a temporary round.
#include <anslag/io/round_file.hpp>
#include <anslag/rules/facts.hpp>

int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto r = anslag::load_round("round.toml");
  const anslag::rule* window = anslag::application_window_rule(r);
#else
  const anslag::rule* window = anslag::application_window_rule(anslag::load_round("round.toml"));
#endif
  return static_cast<int>(window->quote.size());
}
