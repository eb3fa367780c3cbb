// What a row's decision word says of an amount the row does not print (docs/audit.md, "Totals
// with unknown rows"), private to the library: the one reading of the decision words that the
// amounts a stated total fixes (facts.cpp) and the audit's totals (src/audit/derived.cpp) share,
// so that a total the decision words make impossible is one answer in both: a TOTAL_MISMATCH on
// the statement, never a value given to a row.
#pragma once

#include <anslag/model/round.hpp>
#include <anslag/rules/facts.hpp>

#include "../krona/wide.hpp"

#include <optional>
#include <string_view>

namespace anslag::rules_detail {

inline constexpr std::string_view partial_grant_reading = "delvis beviljas (granted in part) means less than requested";

// Exactly `least` when `exact`; else at least `least` and, when `most` is set, at most `most`
// (in öre). `reading`: the reading of the decision word it rests on; empty when it rests on none.
struct decision_bounds {
  bool exact = false;
  detail::wide least = 0;
  std::optional<detail::wide> most;
  std::string_view reading;
};

// Requested: a full grant was granted as requested; a partial grant is less than its request; a
// rejection says nothing. Granted: a rejection grants nothing; a full grant grants its request; a
// partial grant is more than nothing and less than its request; any grant is more than nothing.
inline decision_bounds bounds_by_decision(const application& a, bool requested) {
  if (requested) {
    if (a.outcome == decision::granted && a.granted) return {true, a.granted->ore(), std::nullopt, full_grant_reading};
    if (a.outcome == decision::partly_granted && a.granted)
      return {false, detail::wide(a.granted->ore()) + 1, std::nullopt, partial_grant_reading};
    return {};
  }
  if (a.outcome == decision::rejected) return {true, 0, std::nullopt, rejection_reading};
  if (a.outcome == decision::granted && a.requested) return {true, a.requested->ore(), std::nullopt, full_grant_reading};
  if (a.outcome == decision::partly_granted && a.requested)
    return {false, 1, detail::wide(a.requested->ore()) - 1, partial_grant_reading};
  return {false, 1, std::nullopt, {}};
}

}  // namespace anslag::rules_detail
