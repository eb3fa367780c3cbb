// What a stated total implies about the rows it cannot be compared with (docs/audit.md, "Totals
// with unknown rows": DERIVED_VALUE, or TOTAL_MISMATCH when the decision words make it impossible).
#include "auditor.hpp"

#include <anslag/rules/facts.hpp>

namespace anslag::audit_detail {

// `x` is the TOTAL_MISMATCH the statement gives if the decisions cannot account for the unknown
// values; `known` sums the rows that print the value.
void auditor::check_total_with_unknown_rows(const statement& s, finding x, const exact_sum& known,
                                            const std::vector<const application*>& unknown,
                                            const std::string& what_sv, const std::string& what_en) {
  const bool requested = s.kind == statement_kind::requested_total;
  const detail::wide stated = s.amount->ore();
  // What the decisions say of the unknown values. Requested: a full grant was granted as
  // requested; a partial grant is less than its request; a rejection says nothing. Granted:
  // a rejection grants nothing; any grant is more than nothing.
  exact_sum implied;  // exactly known through the decision word
  detail::wide lower = 0;  // the least the other unknown values can sum to
  std::vector<std::string> implied_rows, open_rows, all_rows;
  for (const application* a : unknown) {
    all_rows.push_back(a->id);
    if (requested && a->outcome == decision::granted && a->granted) {
      implied += *a->granted;
      implied_rows.push_back(a->id);
    } else if (!requested && a->outcome == decision::rejected) {
      implied_rows.push_back(a->id);
    } else {
      if (requested && a->outcome == decision::partly_granted && a->granted) lower += a->granted->ore() + 1;
      if (!requested) lower += 1;
      open_rows.push_back(a->id);
    }
  }
  const detail::wide derived = stated - known.value;  // the sum of the unknown values
  const std::string reading_text(requested ? std::string(full_grant_reading) +
                                                 "; delvis beviljas (granted in part) means less than requested"
                                           : std::string(rejection_reading));
  x.rows = all_rows;
  if (derived < implied.value + lower || (open_rows.empty() && derived != implied.value)) {
    x.message_sv = "Angiven summa av " + what_sv + " (" + scope_text(s) + ") är " + amount(*s.amount) +
                   "; kända rader ger " + amount(known) + " och besluten kräver " +
                   (open_rows.empty() ? "exakt " : "minst ") + amount(implied.value + lower) + " för de " +
                   std::to_string(all_rows.size()) + " okända, men bara " + amount(derived) + " återstår.";
    x.message_en = "The stated sum of " + what_en + " (" + scope_text(s) + ") is " + amount(*s.amount) +
                   "; the known rows give " + amount(known) + " and the decisions require " +
                   (open_rows.empty() ? "exactly " : "at least ") + amount(implied.value + lower) + " for the " +
                   std::to_string(all_rows.size()) + " unknown ones, but only " + amount(derived) + " remains.";
    x = citing(std::move(x), s);
    add_reading(x, reading_text);
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
    const std::string basis_sv = requested ? " beviljas i sin helhet och ger " : " avslås och ger ";
    const std::string basis_en = requested ? " are granted in full and account for " : " are rejected and account for ";
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
