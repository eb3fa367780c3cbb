// Checking a round file against its document: every entry cites the lines it stands on (or says
// why the document prints none of it), and within the cited lines every printed value of the
// entry is verified where it stands: amounts with their printed unit (kr, tkr, mnkr, :-, a
// column's "(tkr)") in the column or under the label of their role (requested, granted), decision
// words, counts, dates, applicant and project as printed, and every quote. A reading explains a
// value and is shown beside it; it never exempts a printed value. docs/drafting.md, "Checking".
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: none but std::bad_alloc on text; on a file, those of read_document_text (a device,
// a FIFO, a file over 16 MiB, unreadable or not UTF-8: round_file_error naming it).
// Lifetimes: values; a problem refers to nothing in the round or the text.
#pragma once

#include <anslag/export.hpp>
#include <anslag/model/round.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

struct source_problem {
  std::string document;  // the document file
  int line = 0;          // the cited (first) line; 0 for an entry without a citation
  std::string entry;     // "rule 2020.aterbetalning", "application 2020-LUM-03"
  std::string field;     // "quote", "citation", "requested", "granted", "decision", "applicant", ...
  std::string expected;  // what the round file records
  std::string found;     // what the document prints there (white space collapsed), or why there is none
  std::string reading;   // the round file's reading of the field, shown beside it; "" when none

  friend bool operator==(const source_problem&, const source_problem&) = default;
};

// An entry the document prints no line of, with the round file's reason (source.derived).
struct derived_entry {
  std::string entry;  // "statement 2020.beviljat.MUST"
  std::string why;

  friend bool operator==(const derived_entry&, const derived_entry&) = default;
};

// The problems of `r` against the document text `text` (named `document` in the problems). With
// `units`, an application's `unit` must be the unit its applicant's name resolves to, where the
// name resolves to one (a name that does not, "Normmalm", leaves the unit to the encoder's reading).
ANSLAG_API std::vector<source_problem> check_sources(const grant_round& r, std::string_view text, const std::string& document,
                                          const unit_registry* units = nullptr);

// The same against the document file (text or PDF: read_document_text, whose errors it throws).
ANSLAG_API std::vector<source_problem> check_sources(const grant_round& r, const std::filesystem::path& document,
                                          const unit_registry* units = nullptr);

// A problem in words, as `anslag check` prints it after "DOCUMENT:LINE: " and the HTML report
// beside its line: "application 2021-LUM-02: granted: recorded 240 000 kr; printed: 250 000 (kr)",
// with " (reading: ...)" where the round file reads the field. Not escaped.
ANSLAG_API std::string describe(const source_problem& p);

// The entries of `r` that say the document prints none of their lines, in file order.
ANSLAG_API std::vector<derived_entry> derived_entries(const grant_round& r);

}  // namespace anslag
