// anslag::allocate_budget: share a budget among requests exactly, under a per-request cap and a
// rounding unit, by one of three strategies, and say for each grant which constraint bound it.
// docs/allocation.md defines the strategies with their formulas and tie-breaks.
//
// Every strategy promises, for budget B >= 0, requests r_i >= 0, cap c >= 0 (optional) and
// unit u > 0, with d_i = min(r_i, c) the capped request:
//   * 0 <= g_i <= d_i, and Σ g_i <= B; when Σ d_i <= B every grant is d_i;
//   * each g_i is a whole number of units, or exactly d_i (a full capped request need not be);
//   * no float anywhere; products of two amounts are formed in 128 bits.
// ranked:    in the given order, each gets d_i while the budget lasts; the first that does not fit
//            gets what is left rounded down to the unit; every one after it gets nothing.
// pro_rata:  T = B rounded down to the unit is split in proportion to the d_i by anslag::allocate
//            (largest remainder; ties to the larger d_i, then the earlier index), each part then
//            clipped to its d_i: every grant is within one unit of T·d_i / Σd, and less than one
//            unit per request of B stays unspent.
// equal_cap: water filling: the level L is the largest multiple of u with Σ min(d_i, L) <= B;
//            each grant is min(d_i, L); what is left raises the requests still short by one unit
//            each (or to d_i, if that is nearer), cheapest raise first, ties to the earlier index.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: invalid_argument_error (the messages are below), overflow_error.
// Lifetimes: values; the _ore form writes into the caller's spans during the call only.
#pragma once

#include <anslag/export.hpp>
#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace anslag {

enum class allocation_strategy { ranked, pro_rata, equal_cap };

// "ranked", "pro_rata", "equal_cap": the names of Python, the command line and the docs.
ANSLAG_API std::string_view to_string(allocation_strategy s) noexcept;
// parse_error (position 0) "unknown allocation strategy 'NAME' (ranked, pro_rata, equal_cap)".
ANSLAG_API allocation_strategy parse_allocation_strategy(std::string_view name);

// Why a grant is what it is. The values are stable: the array API returns them as uint8 codes.
enum class grant_reason : std::uint8_t {
  full_request = 0,      // the whole request (a request of 0 included)
  cap = 1,               // the cap, below the request
  budget_exhausted = 2,  // less than the capped request: the budget ran out under the strategy
  unit_rounding = 3,     // less than the capped request, though the budget left unspent would pay
                         // the rest: the money is there, but it is handed out in whole units
                         // (never with a unit of 1 öre)
  unit_limit = 4,        // reserved for propose(): the per-förvaltning limit left it out
};

// "full_request", "cap", "budget_exhausted", "unit_rounding", "unit_limit".
ANSLAG_API std::string_view to_string(grant_reason r) noexcept;

struct budget_options {
  Krona unit = Krona::from_ore(1);  // every grant a whole number of units, or its full request
  std::optional<Krona> cap;         // the most any one request may get
};

struct budget_allocation {
  std::vector<Krona> grants;          // one per request, in the order of the requests
  std::vector<grant_reason> reasons;  // one per request
};

// Throws invalid_argument_error: "allocation budget is negative", "request at index I is
// negative" (0-based), "allocation cap is negative", "allocation unit must be positive".
ANSLAG_API budget_allocation allocate_budget(Krona budget, std::span<const Krona> requests,
                                  allocation_strategy strategy, const budget_options& options = {});

// The same on counts of öre, writing into caller-owned spans of requests.size() elements each
// (else invalid_argument_error "grants and reasons need one element per request"): the form
// for large arrays, with no allocation of Krona objects.
ANSLAG_API void allocate_budget_ore(std::int64_t budget, std::span<const std::int64_t> requests,
                         allocation_strategy strategy, const budget_options& options,
                         std::span<std::int64_t> grants, std::span<grant_reason> reasons);

}  // namespace anslag
