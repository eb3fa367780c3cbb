// Checking a round file against its document: every quote stands on its cited line (white space
// collapsed), every amount a row or total prints appears among the numbers of its line, and every
// cited line exists. What a reading says was not printed (a "granted" read from "avslås") is not
// looked for. docs/drafting.md, "Checking".
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: none but std::bad_alloc on text; on a file, those of read_document_text.
// Lifetimes: values; a problem refers to nothing in the round or the text.
#pragma once

#include <anslag/model/round.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

struct source_problem {
  std::string document;  // the document file
  int line = 0;          // the cited line
  std::string entry;     // "rule 2020.aterbetalning: quote", "application 2020-LUM-03: granted"
  std::string expected;  // what should stand on the line
  std::string found;     // what the line says (white space collapsed), or why there is none

  friend bool operator==(const source_problem&, const source_problem&) = default;
};

// The problems of `r` against the document text `text` (named `document` in the problems).
std::vector<source_problem> check_sources(const grant_round& r, std::string_view text, const std::string& document);

// The same against the document file (text or PDF: read_document_text, whose errors it throws).
std::vector<source_problem> check_sources(const grant_round& r, const std::filesystem::path& document);

}  // namespace anslag
