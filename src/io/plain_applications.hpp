// The [[applications]] tables that end a round file, read straight into the model when they are
// written in the plain form of anslag's own writers (the drafter, `anslag synthetic`, `write`):
// one key per line, basic strings, decimal integers, dates, booleans and one-line inline tables
// and arrays. A round of a million applications took 8 to 12 s of CPU and 2.9 GiB through
// toml++'s document (docs/performance.md, issue 25); read this way, the document holds only the
// head of the file.
//
// This reader decides nothing on its own. It answers only where the file is plain and correct,
// and gives up (std::nullopt) at the first byte of anything else: a form TOML allows but anslag
// does not write (a literal or multi-line string, a table header within an application, a
// dotted key, an array over several lines), and everything the general reader would refuse (an
// unknown or repeated key, a wrong type, a bad amount, date or decision). parse_round then reads
// the whole file through toml++ and record, as before, so every error keeps its message and
// place. tests/cpp/test_plain_applications.cpp holds the two readers to the same answer on every
// single-byte change of round files.
#pragma once

#include <anslag/model/round.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag::detail {

// The keys an application table may hold, in the order an unknown key's hint tries them: the one
// list of both readers (round_file.cpp's record and this one's application_key).
inline constexpr std::string_view application_keys[] = {
    "id", "fund", "applicant", "unit", "co_applicants", "project", "destination", "purpose",
    "requested", "granted", "decision", "reason", "assessments", "submitted", "approved_report",
    "source", "readings"};

// Where the plain tail may begin: the first line of `text` that starts with "[[applications]]",
// or std::string_view::npos.
std::size_t plain_applications_start(std::string_view text) noexcept;

// The applications of `tail` (the text from such a line to the end of the file), each source
// without a document of its own citing `seed`; std::nullopt when any of it is not plain.
std::optional<std::vector<application>> read_plain_applications(std::string_view tail,
                                                                 const std::string& seed);

// The general reader of a whole round file (toml++'s document, then record), which parse_round
// uses where the plain reader gives up, and whose answer the plain one must equal.
grant_round read_round_document(std::string_view toml_text, const std::string& file_name);

}  // namespace anslag::detail
