// An audit report as text for a terminal, as Markdown, and as JSON (format 1, docs/audit.md).
// Amounts appear as canonical Swedish strings, and in JSON also as integer öre: never as floats.
#pragma once

#include <anslag/audit/audit.hpp>

#include <optional>
#include <string>

namespace anslag {

struct report_options {
  std::optional<severity> minimum;  // leave out findings below this severity
  bool colour = false;              // ANSI colours (text only)
};

std::string format_report_text(const report& r, const report_options& options = {});
std::string format_report_markdown(const report& r, const report_options& options = {});
std::string format_report_json(const report& r, const report_options& options = {});

}  // namespace anslag
