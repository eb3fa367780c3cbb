// The drafter's vocabulary as data (docs/drafting.md, "Vocabulary"): the decision words and the
// labels of table columns and records, each phrase beside an example. The bundled vocabulary is
// data/vocabulary/sv.toml, compiled into the library; a user's file of the same shape adds phrases
// to it (`anslag draft --vocabulary FILE`, `anslag.draft_round(path, vocabulary=FILE)`).
//
// Thread safety: bundled_vocabulary() is built once (thread-safe static); load_vocabulary is a
// pure function of the file. Exceptions: round_file_error naming the file, line and column.
// Lifetimes: values.
#pragma once

#include <anslag/export.hpp>
#include <anslag/model/round.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace anslag {

// A decision cell or phrase: `phrase` (lower case, whole words) names `outcome`.
struct decision_phrase {
  std::string phrase;
  decision outcome = decision::granted;
  std::string example;  // a cell that says it, drafted by the tests

  friend bool operator==(const decision_phrase&, const decision_phrase&) = default;
};

// A header or label containing `phrase` (lower case; with `whole_word`, only as a word) has `role`:
// "applicant", "project", "requested", "decision", "granted", "reason" or "purpose".
struct column_phrase {
  std::string phrase;
  std::string role;
  bool whole_word = false;
  std::string example;  // a header that says it, drafted by the tests

  friend bool operator==(const column_phrase&, const column_phrase&) = default;
};

struct vocabulary {
  std::vector<decision_phrase> decisions;  // longest phrase first: the longest match wins
  std::vector<column_phrase> columns;

  friend bool operator==(const vocabulary&, const vocabulary&) = default;
};

// data/vocabulary/sv.toml, as the library was built with it.
ANSLAG_API const vocabulary& bundled_vocabulary();

// The bundled vocabulary with the phrases of `file` added. Errors name the file, line and column:
// "not a vocabulary file: ..." (not TOML), "unknown decision ..." and "unknown column role ...",
// "a phrase must be a non-empty string".
ANSLAG_API vocabulary load_vocabulary(const std::filesystem::path& file);

}  // namespace anslag
