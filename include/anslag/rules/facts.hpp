// The facts of a round that its rules and statements fix, each read from the one place it lives.
//
// A fund's cap and per-förvaltning limit live in their rules, the round's window and notice date
// in theirs: nothing copies them. `evaluate`, `audit` and `propose` ask these functions, so a
// rule edited in code is seen alike by all three. An amount the document does not print but its
// statements or decision words fix exactly is an `amount_facts` entry that says where it comes
// from; every check that needs the amount uses it.
//
// Nothing here throws anslag::error: sums are exact (128 bits), and a derivation whose result
// would leave the range of an amount is not made.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// fund_limits and amount_facts are immutable once built.
// Exceptions: no anslag::error (below); std::bad_alloc.
// Lifetimes: the rule pointers point into the round, and fund_limits keeps pointers into it:
// the round must outlive them, and each is deleted for a temporary round (whose rules would be
// gone by the end of the statement). amount_facts holds copies.
// cap_rule, unit_limit_rule and the values they give are noexcept: they scan the rules and
// allocate nothing (a bad_alloc inside a noexcept function would end the program).
#pragma once

#include <anslag/export.hpp>
#include <anslag/krona/krona.hpp>
#include <anslag/model/round.hpp>
#include <anslag/rules/evaluate.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace anslag {

// The cap_per_application rule with a verdict (has_verdict) that applies to `fund_id`; of
// several, the one with the lowest amount (every one binds, so the lowest decides); nullptr
// when none applies.
ANSLAG_API const rule* cap_rule(const grant_round& r, std::string_view fund_id) noexcept;
const rule* cap_rule(const grant_round&& r, std::string_view fund_id) = delete;  // would dangle
ANSLAG_API std::optional<Krona> cap_per_application(const grant_round& r, std::string_view fund_id) noexcept;

// The max_granted_per_unit rule with a verdict that applies to `fund_id`; of several, the one
// with the lowest count; nullptr when none applies.
ANSLAG_API const rule* unit_limit_rule(const grant_round& r, std::string_view fund_id) noexcept;
const rule* unit_limit_rule(const grant_round&& r, std::string_view fund_id) = delete;  // would dangle
ANSLAG_API std::optional<std::int64_t> max_granted_per_unit(const grant_round& r, std::string_view fund_id) noexcept;

// cap_rule and unit_limit_rule for every fund at once, for a caller that asks of many funds:
// built in O(R log R) for R rules, each answer in O(log R). The round must outlive it.
class ANSLAG_API fund_limits {
 public:
  explicit fund_limits(const grant_round& r);
  explicit fund_limits(const grant_round&& r) = delete;  // would keep pointers into a temporary
  const rule* cap_rule(std::string_view fund_id) const noexcept;
  const rule* unit_limit_rule(std::string_view fund_id) const noexcept;

 private:
  struct limits {
    const rule* cap = nullptr;
    const rule* unit_limit = nullptr;
  };
  limits every_fund_;                                 // rules without `funds`
  std::unordered_map<std::string_view, limits> by_fund_;  // rules naming the fund
};

// The round's application_window rule (the first that gives both dates), and its
// repayment_notice rule (the first that gives `to`, evaluated or not: the date is a fact of the
// round either way); nullptr when there is none.
ANSLAG_API const rule* application_window_rule(const grant_round& r) noexcept;
ANSLAG_API const rule* repayment_notice_rule(const grant_round& r) noexcept;
const rule* application_window_rule(const grant_round&& r) = delete;  // would dangle
const rule* repayment_notice_rule(const grant_round&& r) = delete;    // would dangle

// Where a known amount of one application comes from.
enum class amount_basis {
  printed,    // the row prints it
  decision,   // its decision word fixes it: beviljas (granted in full) = as requested; avslås = 0 granted
  statement,  // a stated total leaves it the one unknown amount of its scope
};

struct known_amount {
  Krona value;
  amount_basis basis = amount_basis::printed;
  std::string statement;  // basis statement: the statement's id
  std::string reading;    // basis decision or statement: the interpretation it rests on

  friend bool operator==(const known_amount&, const known_amount&) = default;
};

// What a round fixes of its applications' requested and granted amounts. Built once per round in
// O(N log N) for N entries. A stated total fixes a row's amount when, after the rows it prints
// and those its decision words fix, exactly one row of its scope is open and the value left for
// it is one its decision allows; of several statements that fix one amount, the first in the
// file counts.
class ANSLAG_API amount_facts {
 public:
  explicit amount_facts(const grant_round& r);

  // `a` is an application of the round (matched by id), or a copy of one.
  std::optional<known_amount> requested(const application& a) const;
  std::optional<known_amount> granted(const application& a) const;

 private:
  std::optional<known_amount> derived_requested(const application& a) const;
  std::optional<known_amount> derived_granted(const application& a) const;

  std::unordered_map<std::string, known_amount> requested_;  // fixed by a statement, by application id
  std::unordered_map<std::string, known_amount> granted_;
};

// How a known amount was known, for a message that shows it: "" when printed, else
// " (derived from statement S)", " (granted in full: as requested)" or " (rejected: nothing
// granted)", in Swedish and English.
ANSLAG_API std::pair<std::string, std::string> basis_note(const known_amount& k);

// A cap per application against one application: not met when the grant, or else the request,
// is above the cap (a grant above the cap was applied for above it, or granted more than asked);
// met when the request is known and within it; unknown otherwise. `evaluate` gives this verdict
// and `audit` a CAP_EXCEEDED for not met and a MISSING_DATA row for unknown, so they agree. When
// both are above it, the verdict rests on the request, unless only the grant is printed.
struct cap_test {
  verdict_state state = verdict_state::unknown;
  bool on_grant = false;               // not met by the grant (else by the request)
  std::optional<known_amount> amount;  // the amount the verdict rests on; empty when unknown
};
ANSLAG_API cap_test test_cap(Krona cap, const std::optional<known_amount>& requested,
                  const std::optional<known_amount>& granted);

// The readings of the decision words, as findings and verdicts name them.
inline constexpr std::string_view full_grant_reading =
    "beviljas (granted in full) means granted as requested";
inline constexpr std::string_view rejection_reading = "avslås (rejected) means nothing granted";

}  // namespace anslag
