// An audit report as one self-contained HTML page: the summary (verdict in Swedish and English,
// counts, a chart of granted against requested per fund), every finding, the round's rows, and
// the decision document with the lines that findings, rules, statements and rows cite marked.
// docs/audit.md ("The HTML report") says what it holds and how it is made safe.
//
// The page asks nothing of any other host: its style sheet and its one script are inline and
// allowed by their SHA-256 in a Content-Security-Policy that forbids everything else. Every text
// from the round file or the document is escaped (escape_controls, then HTML); the page reads the
// same without JavaScript, which only adds filters and a search.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: read_document: round_file_error "cannot read the file: REASON"; formatting: only
// std::bad_alloc.
// Lifetimes: values; the report, the round and the document are read during the call only.
#pragma once

#include <anslag/export.hpp>
#include <anslag/audit/audit.hpp>
#include <anslag/report/format.hpp>
#include <anslag/model/round.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace anslag {

// The page for `r`, the audit of `audited`. `document` is the text of the decision document the
// round was read from (its `seed`); without it the page says so and links no line.
// A value `anslag check` does not find where its entry cites the document (the caller runs the
// check, anslag::check_sources of ingest/source_check.hpp, and anslag::describe words it): the page
// marks it beside its line.
struct failed_check {
  int line = 0;      // the cited line
  std::string what;  // "application 2021-LUM-02: granted: 240 000 kr ≠ 250 000 (kr)"
};

ANSLAG_API std::string format_report_html(const report& r, const grant_round& audited, const std::optional<std::string>& document,
                               const report_options& options = {}, const std::vector<failed_check>& failed_checks = {});

// Only the summary and the findings, for embedding in another page (a notebook's display): no
// <html>, no script, no links to lines or rows, the style scoped to the fragment's class. Without
// the round (`audited` null) the summary has no figures per fund.
ANSLAG_API std::string format_report_html_fragment(const report& r, const grant_round* audited, const report_options& options = {});

// Where the decision document of `audited` is, found as `anslag check` finds it: the round's
// `seed` beside the round file, else in `bundled_seeds`; nullopt when neither has it.
ANSLAG_API std::optional<std::filesystem::path> find_document(const grant_round& audited, const std::filesystem::path& round_file,
                                                   const std::filesystem::path& bundled_seeds);

// The text of a document file, a regular file of at most 64 MiB; throws round_file_error
// "cannot read the file: REASON" (the system's words, or "a named pipe (FIFO), not a regular
// file", ...) or "document larger than 64 MiB".
ANSLAG_API std::string read_document(const std::filesystem::path& path);

}  // namespace anslag
