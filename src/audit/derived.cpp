// What a stated total implies about the rows it cannot be compared with (docs/audit.md, "Totals
// with unknown rows": DERIVED_VALUE, or TOTAL_MISMATCH when the decision words make it impossible).
#include "auditor.hpp"

#include "../rules/decision_bounds.hpp"

#include <algorithm>
#include <string_view>

namespace anslag::audit_detail {

// `x` is the TOTAL_MISMATCH the statement gives if the decisions cannot account for the unknown
// values; `known` sums the rows that print the value.
void auditor::check_total_with_unknown_rows(const statement& s, finding x, const exact_sum& known,
                                            const std::vector<const application*>& unknown,
                                            const std::string& what_sv, const std::string& what_en) {
  const bool requested = s.kind == statement_kind::requested_total;
  const detail::wide stated = s.amount->ore();
  // What the decisions say of the unknown values (rules_detail::bounds_by_decision, the reading
  // the amounts a total fixes rest on too): exactly, or between a least and, if every open row
  // has one, a most.
  exact_sum implied;  // exactly known through the decision word
  detail::wide lower = 0;  // the least the other unknown values can sum to
  detail::wide upper = 0;  // the most they can sum to, when every one is bounded
  bool bounded = true;
  std::vector<std::string> implied_rows, open_rows, all_rows;
  std::vector<std::string_view> readings;  // of the decision words used, each once
  std::size_t implied_full_grants = 0, implied_rejections = 0;
  for (const application* a : unknown) {
    all_rows.push_back(a->id);
    const rules_detail::decision_bounds bounds = rules_detail::bounds_by_decision(*a, requested);
    if (!bounds.reading.empty() && std::find(readings.begin(), readings.end(), bounds.reading) == readings.end())
      readings.push_back(bounds.reading);
    if (bounds.exact) {
      implied.value += bounds.least;
      implied_rows.push_back(a->id);
      ++(a->outcome == decision::rejected ? implied_rejections : implied_full_grants);
      continue;
    }
    lower += bounds.least;
    if (bounds.most) upper += *bounds.most;
    else bounded = false;
    open_rows.push_back(a->id);
  }
  const detail::wide derived = stated - known.value;  // the sum of the unknown values
  std::string reading_text;
  for (const auto reading : readings) reading_text += (reading_text.empty() ? "" : "; ") + std::string(reading);
  x.rows = all_rows;
  const bool too_little = derived < implied.value + lower || (open_rows.empty() && derived != implied.value);
  const bool too_much = !open_rows.empty() && bounded && derived > implied.value + upper;
  if (too_little || too_much) {
    const std::string bound_sv = open_rows.empty() ? "exakt " : too_little ? "minst " : "högst ";
    const std::string bound_en = open_rows.empty() ? "exactly " : too_little ? "at least " : "at most ";
    const detail::wide bound = implied.value + (too_little ? lower : upper);
    x.message_sv = "Angiven summa av " + what_sv + " (" + scope_text(s) + ") är " + amount(*s.amount) +
                   "; kända rader ger " + amount(known) + " och besluten kräver " + bound_sv + amount(bound) +
                   " för de " + std::to_string(all_rows.size()) + " okända, men " +
                   (derived < bound ? "bara " : "") + amount(derived) + " återstår.";
    x.message_en = "The stated sum of " + what_en + " (" + scope_text(s) + ") is " + amount(*s.amount) +
                   "; the known rows give " + amount(known) + " and the decisions require " + bound_en +
                   amount(bound) + " for the " + std::to_string(all_rows.size()) + " unknown ones, but " +
                   (derived < bound ? "only " : "") + amount(derived) + " remains.";
    x = citing(std::move(x), s);
    if (!reading_text.empty()) add_reading(x, reading_text);
    findings_.push_back(std::move(x));
    return;
  }
  x.code = finding_code::derived_value;
  x.level = severity::info;
  x.actual.reset();  // nothing is compared: the message gives the derived figures
  x.message_sv = "De " + std::to_string(all_rows.size()) + " okända " + what_sv + " (" + scope_text(s) +
                 ") summerar enligt angiven summa " + amount(*s.amount) + " till " + amount(derived) + ".";
  x.message_en = "By the stated sum " + amount(*s.amount) + ", the " + std::to_string(all_rows.size()) +
                 " unknown " + what_en + " (" + scope_text(s) + ") sum to " + amount(derived) + ".";
  if (!implied_rows.empty()) {
    const std::string basis_sv = implied_rejections == 0   ? " beviljas i sin helhet och ger "
                                 : implied_full_grants == 0 ? " avslås och ger "
                                                            : " avslås eller beviljas i sin helhet och ger ";
    const std::string basis_en = implied_rejections == 0   ? " are granted in full and account for "
                                 : implied_full_grants == 0 ? " are rejected and account for "
                                                            : " are rejected or granted in full and account for ";
    x.message_sv += " " + std::to_string(implied_rows.size()) + basis_sv + amount(implied) + "; ";
    x.message_en += " " + std::to_string(implied_rows.size()) + basis_en + amount(implied) + "; ";
    if (open_rows.empty()) {
      x.message_sv += "summan stämmer då exakt.";
      x.message_en += "the sum then agrees exactly.";
    } else {
      x.message_sv += "återstår " + amount(derived - implied.value) + " för " + rows_sv(open_rows) + ".";
      x.message_en += amount(derived - implied.value) + " remains for " + rows_en(open_rows) + ".";
    }
    add_reading(x, reading_text);
  }
  if (open_rows.size() == 1) {
    x.message_sv += " Det belopp för " + open_rows.front() + " används i kontrollerna av raden.";
    x.message_en += " That amount of " + open_rows.front() + " is used in the checks of the row.";
  }
  findings_.push_back(citing(std::move(x), s));
}

}  // namespace anslag::audit_detail
