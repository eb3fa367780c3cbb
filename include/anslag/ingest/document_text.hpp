// The text of a decision document, as the drafter and the source check read it: UTF-8 text (the
// form of the seeds) or a PDF, whose text poppler's `pdftotext -layout` extracts (a separate
// program, run as a subprocess: nothing of it is linked). Lines are numbered from 1, split at LF,
// CR LF or a CR alone (the form feeds pdftotext puts between pages are white space), so that a
// `source.line` means the same line to the drafter, to the check and to a person with an editor.
// The document is read only when it is a regular file (a FIFO or a device is refused unopened),
// of at most 64 MiB; a PDF's extraction is bounded by `pdf_limits` (docs/reliability.md).
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// A PDF is read by a pdftotext process of its own per call.
// Exceptions: round_file_error naming the file (below).
// Lifetimes: values; nothing refers into the text after the call.
#pragma once

#include <anslag/export.hpp>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

// The most text a decision document may hold (8 MiB; the seeds hold 30 kB): the drafter refuses
// more, and a PDF's extraction is stopped past it.
inline constexpr std::size_t max_document_text_bytes = std::size_t{8} << 20;

// The bounds of one PDF's text extraction. pdftotext runs in a child process with `cpu_seconds` of
// CPU time and `memory_mib` of address space, is stopped past `seconds` of wall time or
// `text_mib` of text, and reads at most `pages` pages (one more is asked for, to tell a longer
// PDF apart). Each is the error "PDF beyond the extraction limit: 1000 pages" (or "30 s of CPU
// time", "120 s", "8 MiB of text", "1024 MiB of memory, or a PDF that crashes pdftotext
// (SIGSEGV)": past its memory pdftotext aborts or faults, as on a PDF that crashes it) naming the
// document; a pdftotext stopped by any other signal is "pdftotext stopped by SIGTERM" (its
// name). The defaults are far above a decision document (a few pages, well under a second).
struct pdf_limits {
  int pages = 1000;
  int cpu_seconds = 30;
  int seconds = 120;
  int memory_mib = 1024;
  int text_mib = static_cast<int>(max_document_text_bytes >> 20);
};

// The document's text. Errors are round_file_error naming the file (and for a byte that is not
// UTF-8, its line and column): "cannot read the file: REASON" (the system's words, or "a named
// pipe (FIFO), not a regular file", "a device, not a regular file", ...), "document larger than
// 64 MiB", "empty document", "not UTF-8 text", "a PDF without text (a scan?)", "not a readable
// PDF", "cannot run pdftotext (poppler-utils) to read the PDF", and pdf_limits' errors.
ANSLAG_API std::string read_document_text(const std::filesystem::path& path, const pdf_limits& limits = {});

// The lines of `text`, without their line ends (LF, CR LF, or a CR alone); line N of the document
// is element N - 1.
ANSLAG_API std::vector<std::string> document_lines(std::string_view text);

// Runs of white space (space, tab, CR, form feed, no-break and thin spaces) as one space, none
// at either end: the form in which quotes are compared with lines.
ANSLAG_API std::string collapse_space(std::string_view text);

// The numbers printed in `text`, each as its digits (group separators dropped) with ",DECIMALS"
// when it has them: "8 618 500 3 500 000" gives "8618500" and "3500000". Groups are separated by
// one space (or a no-break or thin space) and have three digits, so two cells apart stay apart.
ANSLAG_API std::vector<std::string> printed_numbers(std::string_view text);

}  // namespace anslag
