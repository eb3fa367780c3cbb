// An audit report as text for a terminal, as Markdown, and as JSON (format 2, docs/audit.md).
// Amounts appear as canonical Swedish strings, and in JSON also as integer öre: never as floats.
// JSON lists each quote once ("quotes", a finding's "quote" its index); the others write a long
// quote (over 300 bytes) at its first finding only, numbered, and refer to it after.
//
// Every text that comes from a round file or a document (names, quotes, titles, ids, messages
// that quote them) is shown escaped: a round file can neither drive a terminal, nor forge a
// report line, nor put markup or a link into a Markdown report (docs/audit.md, "Escaping").
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: none but std::bad_alloc.
// Lifetimes: values, except grouped(), whose finding pointers point into the report: the report
// must outlive them.
#pragma once

#include <anslag/export.hpp>
#include <anslag/audit/audit.hpp>
#include <anslag/report/escape.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anslag {

struct report_options {
  std::optional<severity> minimum;  // leave out findings below this severity
  bool colour = false;              // ANSI colours (text only)
};

ANSLAG_API std::string format_report_text(const report& r, const report_options& options = {});
ANSLAG_API std::string format_report_markdown(const report& r, const report_options& options = {});
ANSLAG_API std::string format_report_json(const report& r, const report_options& options = {});

// Whether a finding is shown under the options' minimum severity.
ANSLAG_API bool shown(const finding& f, const report_options& options);

// The findings shown, grouped by fund in order of first appearance (the round as a whole, fund
// "", last) and, within a group, errors first: the order of every report format.
ANSLAG_API std::vector<std::pair<std::string, std::vector<const finding*>>> grouped(const report& r,
                                                                         const report_options& options);
void grouped(const report&& r, const report_options& options) = delete;  // would point into a temporary

}  // namespace anslag
