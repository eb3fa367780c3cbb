// grouped() points into its report: deleted for a temporary report.
#include <anslag/audit/audit.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/report/format.hpp>

int main() {
  const auto units = anslag::load_units("units.toml");
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto report = anslag::audit(anslag::load_round("round.toml"), units);
  const auto groups = anslag::grouped(report, {});
#else
  const auto groups = anslag::grouped(anslag::audit(anslag::load_round("round.toml"), units), {});
#endif
  return static_cast<int>(groups[0].second[0]->message_en.size());
}
