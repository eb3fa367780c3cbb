// A program that opens std, Hinnant's date and anslag at once must still mean std::round by
// round(x) and Hinnant's namespace by date::. The names anslag had before issue 14, a type
// anslag::round and a type anslag::date, made both ambiguous; they are opt-in now
// (ANSLAG_LEGACY_NAMES, docs/architecture.md, "Names"), and the snippet fails with them.
// Only compiled (-fsyntax-only), never run.
#ifndef ANSLAG_COMPILE_FAIL_GOOD
#define ANSLAG_LEGACY_NAMES
#endif
#include <anslag/allocate/budget.hpp>
#include <anslag/allocate/proposal.hpp>
#include <anslag/audit/audit.hpp>
#include <anslag/audit/cross_round.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/krona/allocate.hpp>
#include <anslag/krona/amount_text.hpp>
#include <anslag/krona/krona.hpp>
#include <anslag/model/chrono.hpp>
#include <anslag/model/validate.hpp>
#include <anslag/rules/evaluate.hpp>

#include <date/date.h>

#include <cmath>
#include <vector>

using namespace std;
using namespace date;
using namespace anslag;

int main() {
  const double rounded = round(2.5);                                 // std::round
  const date::year_month_day hinnant = 2024_y / March / 31;          // Hinnant's date
  const calendar_date dated = calendar_date::parse("2024-03-31");    // anslag's
  const chrono::year_month_day day = to_year_month_day(dated);
  grant_round r;
  r.document.dated = to_date(day);
  validate(r);
  const Krona share = Krona::from_kronor(1000).scale(2, 7, rounding::half_even);
  const Krona rounded_share = share.round(Krona::from_kronor(1), rounding::half_up);
  const vector<Krona> amounts{share, rounded_share};
  return static_cast<int>(rounded) + static_cast<int>(unsigned{hinnant.day()}) +
         static_cast<int>(sum(amounts).ore() % 2);
}
