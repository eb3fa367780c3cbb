// anslag::propose: what a strategy would have granted in one fund of a recorded round, under the
// fund's budget, cap and per-förvaltning limit; and the comparison with the recorded decision.
// docs/allocation.md ("Proposals on a round") gives the rules and the 2020 example. The cap and
// the limit are those of the fund's rules, asked of anslag::cap_per_application and
// anslag::max_granted_per_unit (rules/facts.hpp), as `evaluate` and `audit` ask them.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Several threads may propose on one round.
// Exceptions: not_found_error, invalid_argument_error and those of allocate_budget (propose);
// overflow_error naming the fund or application (proposal::compare).
// Lifetimes: values (copies); a proposal refers to nothing in the round.
#pragma once

#include <anslag/export.hpp>
#include <anslag/allocate/budget.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

struct propose_options {
  Krona unit = Krona::from_ore(1);  // every grant a whole number of units, or its full request
  // Application ids taken first, in this order; the fund's others follow in document order.
  std::vector<std::string> order;
  // false: only the applications the recorded decision granted in full or in part take part.
  bool include_rejected = true;
};

struct proposed_grant {
  std::string application;                 // the application's id
  std::optional<std::string> forvaltning;  // the förvaltning the limit counts; empty: unknown
  std::optional<Krona> requested;          // empty: the document does not print it
  std::optional<Krona> proposed;           // empty exactly when `requested` is
  std::optional<grant_reason> reason;      // empty exactly when `requested` is
  std::optional<Krona> recorded;           // the recorded grant; empty where not printed

  friend bool operator==(const proposed_grant&, const proposed_grant&) = default;
};

struct compared_grant {
  std::string application;
  std::optional<Krona> recorded;
  std::optional<Krona> proposed;
  std::optional<Krona> difference;  // proposed − recorded, when both are known
  std::optional<grant_reason> reason;

  friend bool operator==(const compared_grant&, const compared_grant&) = default;
};

struct comparison {
  std::vector<compared_grant> rows;  // in the proposal's order
  // The sums of the known recorded grants, proposed grants and differences (rows where both
  // grants are known). A total over rows none of which is known is unknown (empty), never 0 kr;
  // with some known, the count of the unknown ones stands beside it.
  std::optional<Krona> recorded_total;
  std::optional<Krona> proposed_total;
  std::optional<Krona> difference_total;
  std::size_t recorded_unknown = 0;  // rows whose recorded grant is not known
  std::size_t proposed_unknown = 0;  // rows whose proposed grant is not known (no request)

  friend bool operator==(const comparison&, const comparison&) = default;
};

struct ANSLAG_API proposal {
  int year = 0;
  std::string fund;
  allocation_strategy strategy = allocation_strategy::pro_rata;
  Krona budget;
  std::optional<Krona> cap;
  Krona unit;
  std::optional<std::int64_t> limit;  // the most applications granted per förvaltning
  std::vector<proposed_grant> grants;  // in the order of allocation
  // Applications whose förvaltning is unknown: the per-förvaltning limit could not count them.
  std::vector<std::string> unlimited;

  // Sums are exact. Throws overflow_error "the sum of the recorded grants in fund F is beyond
  // the range of amounts" (also "... proposed grants ...", "the sum of the differences in fund
  // F ...", and "the difference for application 'ID' in fund F ...") when a figure of the
  // comparison itself does not fit an amount.
  comparison compare() const;

  friend bool operator==(const proposal&, const proposal&) = default;
};

// Throws not_found_error "no fund 'F' in the YEAR round", "no application 'ID' in fund F";
// invalid_argument_error "application 'ID' is twice in the order", and the invalid_argument
// errors of allocate_budget (a negative budget, request or cap; a unit that is not positive).
// No overflow: the allocation's sums are exact (128 bits) and its grants stay within the budget.
ANSLAG_API proposal propose(const grant_round& r, std::string_view fund_id, allocation_strategy strategy,
                 const unit_registry& units, const propose_options& options = {});

}  // namespace anslag
