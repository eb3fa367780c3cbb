// A report restored from outside (a pickle, above all) held to what an audit can produce, as
// validate(round) holds a round built in code to what a round file may say: a finding relabelled
// from error to info would hide the round's errors from `has_errors`.
//
// Thread safety: reads the report only.
// Exceptions: invalid_argument_error naming the finding (below).
// Lifetimes: values.
#pragma once

#include <anslag/export.hpp>
#include <anslag/audit/audit.hpp>

namespace anslag {

// Throws invalid_argument_error when `r` is not a report an audit could have made: its year
// outside 1 to 9999 ("report year 0 is not in range 1 to 9999"), or a finding (numbered from 0)
// with a severity its code never has ("finding 3: TOTAL_MISMATCH is never info", the table of
// docs/audit.md) or without its messages ("finding 3: a message is empty").
ANSLAG_API void validate(const report& r);

}  // namespace anslag
