// The drafter's vocabulary as data (docs/drafting.md, "Vocabulary"): the decision words, the
// labels of table columns and records, the phrasings of rules and the words that set a fund's
// amount aside, each beside an example. The bundled vocabulary is
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

// A sentence stating a rule of `kind`: it holds one phrase of each group of `all_of` (lower case,
// matched inside words: "återbetal" in "återbetalas"; with `adjacent`, in as many consecutive
// words, one group each) and at least `dates` dates (0, 1 or 2). The
// rule is drafted with `slug` (its id's last part) and `summary`, in which "{from}" and "{to}"
// stand for its dates (with one date, "{to}"), and with `not_encoded` where the audit does not
// check the rule. A kind that takes dates is drafted once per document.
struct rule_phrase {
  rule_kind kind = rule_kind::exclusion;
  std::vector<std::vector<std::string>> all_of;
  bool adjacent = false;
  int dates = 0;
  std::string slug;
  std::string summary;
  std::string not_encoded;  // "" where the audit checks the rule
  std::string example;      // a sentence that states it, drafted by the tests

  friend bool operator==(const rule_phrase&, const rule_phrase&) = default;
};

struct vocabulary {
  std::vector<decision_phrase> decisions;  // longest phrase first: the longest match wins
  std::vector<column_phrase> columns;
  // Tried in this order on each sentence, those with dates before a limit per förvaltning
  // ("högst två ansökningar", read by its grammar), the others after it.
  std::vector<rule_phrase> rules;
  // A sentence holding one of these (a phrase of one word as a whole word) and matching no rule
  // is drafted as a rule not encoded, for a person to encode: "måste", "villkor för".
  std::vector<std::string> rule_like;
  // A sentence holding one of these (one word: a whole word) sets a fund's amount aside:
  // "avsätter", "fördelar".
  std::vector<std::string> budget_words;

  friend bool operator==(const vocabulary&, const vocabulary&) = default;
};

// data/vocabulary/sv.toml, as the library was built with it.
ANSLAG_API const vocabulary& bundled_vocabulary();

// The bundled vocabulary with the phrases of `file` added. Errors name the file, line and column:
// "not a vocabulary file: ..." (not TOML), "unknown decision ...", "unknown column role ...",
// "unknown rule kind ...", "a phrase must be a non-empty string", "'all' must be a list of lists
// of phrases", "'dates' must be 0, 1 or 2".
ANSLAG_API vocabulary load_vocabulary(const std::filesystem::path& file);

}  // namespace anslag
