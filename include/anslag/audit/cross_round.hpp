// Checks across rounds: what no single round can show. Each finding of these checks names the
// rounds it read (year and file, in its messages) and qualifies its rows as "YEAR:ID", since
// application ids need not be unique across rounds. docs/audit.md ("Across rounds") defines the
// codes, their severities and the sentences they rest on.
//
// The förvaltning of an application is compared across rounds as it stands on the later round's
// date: the registry's successor chain carries a merged district to the förvaltning that took it
// over, so Hägersten-Liljeholmen in 2020 and Hägersten-Älvsjö in 2024 are one förvaltning.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// `progress` is called on the calling thread.
// Exceptions: no anslag::error; whatever `progress` throws passes through; std::bad_alloc.
// Lifetimes: values (copies); the rounds and the registry are read during the call only.
#pragma once

#include <anslag/export.hpp>
#include <anslag/audit/audit.hpp>
#include <anslag/detail/progress.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

// A finding across rounds and the round it concerns (an index into the rounds given), in whose
// report it belongs: the later of the rounds it read, except for a limit per förvaltning, which
// concerns the round whose limit it is.
struct cross_round_finding {
  std::size_t round = 0;
  finding found;

  friend bool operator==(const cross_round_finding&, const cross_round_finding&) = default;
};

// The findings across `rounds` (any order; they are read in order of year, then document date).
// The cost is linear in the applications, plus for each project assessed as new the earlier
// funded projects of its own förvaltning that share a token of the title's prefix (below).
ANSLAG_API std::vector<cross_round_finding> audit_across(std::span<const grant_round> rounds, const unit_registry& units);

// The audit of every round (anslag::audit), each report followed by the findings across rounds
// that concern it; reports in the order of `rounds`. `progress`, if given, hears of each round
// audited.
ANSLAG_API std::vector<report> audit_rounds(std::span<const grant_round> rounds, const unit_registry& units,
                                 const progress_callback& progress = {});

// "Near-same" titles: the titles' tokens (normalised as unit names are: lower case, dashes as
// one; then split at every character that is not a letter or digit) compared by the Dice
// coefficient 2|A∩B| / (|A|+|B|) of the token sets; near-same when it is at least 4/5. So
// "Egenmakt - privatekonomi" and "Egenmakt – Privatekonomi" are the same title, one changed
// word in ten is near-same, and "Familjeorienterat arbetssätt" / "Familjeorienterat boendestöd"
// (1 of 3 distinct tokens shared) is not.
ANSLAG_API std::vector<std::string> title_tokens(std::string_view title);
ANSLAG_API bool near_same_title(std::string_view a, std::string_view b);

}  // namespace anslag
