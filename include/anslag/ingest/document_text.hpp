// The text of a decision document, as the drafter and the source check read it: UTF-8 text (the
// form of the seeds) or a PDF, whose text poppler's `pdftotext -layout` extracts (a separate
// program, run as a subprocess: nothing of it is linked). Lines are numbered from 1, split at LF,
// CR LF or a CR alone (the form feeds pdftotext puts between pages are white space), so that a
// `source.line` means the same line to the drafter, to the check and to a person with an editor.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// A PDF is read by a pdftotext process of its own per call.
// Exceptions: round_file_error naming the file (below).
// Lifetimes: values; nothing refers into the text after the call.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

// The most text a decision document may hold (the drafter refuses more, and a PDF's extraction
// is stopped past it).
inline constexpr std::size_t max_document_text_bytes = std::size_t{8} << 20;

// The document's text. Errors are round_file_error naming the file (and for a byte that is not
// UTF-8, its line and column): "cannot read the file", "not a regular file (a directory, FIFO or
// device)", "empty document", "not UTF-8 text", "a PDF without text (a scan?)", "cannot run
// pdftotext (poppler-utils) to read the PDF", "document larger than 8 MiB (...)" for a PDF whose
// text is larger, "pdftotext took longer than 120 s: the PDF is not read".
std::string read_document_text(const std::filesystem::path& path);

// The lines of `text`, without their line ends (LF, CR LF, or a CR alone); line N of the document
// is element N - 1.
std::vector<std::string> document_lines(std::string_view text);

// Runs of white space (space, tab, CR, form feed, no-break and thin spaces) as one space, none
// at either end: the form in which quotes are compared with lines.
std::string collapse_space(std::string_view text);

// The numbers printed in `text`, each as its digits (group separators dropped) with ",DECIMALS"
// when it has them: "8 618 500 3 500 000" gives "8618500" and "3500000". Groups are separated by
// one space (or a no-break or thin space) and have three digits, so two cells apart stay apart.
std::vector<std::string> printed_numbers(std::string_view text);

}  // namespace anslag
