// The one check of what a round may hold: everything a decision document cannot mean (a negative
// amount, a cap of nothing, an id used twice, a rule of a fund that does not exist, a window that
// ends before it begins, a count no document prints). The loader calls it on every round it
// reads, and a program calls it on a round it built, so both are held to the same rules; the
// ranges are written down in docs/round-format.md ("What each field may hold").
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// validate only reads the round.
// Exceptions: invalid_round_error naming the entry (below).
// Lifetimes: values; an invalid_round_error holds a copy of its entry.
#pragma once

#include <anslag/export.hpp>
#include <anslag/error.hpp>
#include <anslag/krona/krona.hpp>
#include <anslag/model/round.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace anslag {

// The largest amount a round may hold: 100 000 000 000 kr, more than the City's whole yearly
// budget. With it, no sum of the amounts of a round file within the 16 MiB limit can pass the
// range of Krona (some 186 000 amounts of 10^13 öre at most fit in 16 MiB: under 2·10^18).
inline constexpr std::int64_t max_round_amount_ore = 10'000'000'000'000;

// The largest count (and source line) a round may hold: what a 32-bit int holds, so that no
// consumer narrowing a count to `int` truncates it.
inline constexpr std::int64_t max_round_count = 2'147'483'647;

// Which entry of a round a validation error is about: the list it stands in (`"funds"`,
// `"rules"`, `"statements"`, `"applications"`; `"document"` or empty for the round itself), its
// index there and id, the key at fault (empty: the entry as a whole), and within that key's value
// an element index (of a list) or a key (of a table such as `assessments` or `source`).
struct ANSLAG_API round_entry {
  std::string list;
  std::size_t index = 0;
  std::string id;
  std::string key;
  std::optional<std::size_t> element;
  std::string subkey;

  // "application '2024-LUM-03'", "rule '2024.tak'", "the document", "the round".
  std::string describe() const;
};

// what() reads "ENTRY: DETAIL" ("application '2024-LUM-03': 'granted' must not be negative");
// detail() alone is what the loader puts after the file's line and column.
class ANSLAG_API invalid_round_error : public invalid_argument_error {
 public:
  invalid_round_error(round_entry entry, const std::string& detail)
      : invalid_argument_error(entry.describe() + ": " + detail), entry_(std::move(entry)), detail_(detail) {}
  const round_entry& entry() const noexcept { return entry_; }
  const std::string& detail() const noexcept { return detail_; }

 private:
  round_entry entry_;
  std::string detail_;
};


// Throws invalid_round_error at the first entry, in file order of the lists (funds, rules,
// statements, applications), that breaks a rule of docs/round-format.md.
ANSLAG_API void validate(const grant_round& r);

// One part on its own, as a pickled part is restored: every check of validate(round) on its own
// fields (ids, amounts, counts, lists without repeats, kinds and their parameters, windows), but
// none that needs the rest of a round (funds and rules referred to, ids used by another entry).
// The error's entry has index 0.
ANSLAG_API void validate(const fund& f);
ANSLAG_API void validate(const rule& u);
ANSLAG_API void validate(const statement& s);
ANSLAG_API void validate(const application& a);

}  // namespace anslag
