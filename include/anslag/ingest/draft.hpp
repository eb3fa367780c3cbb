// Drafting a round file from a decision document (docs/drafting.md): the drafter knows the
// shapes of Swedish municipal decision documents (a head naming the committee and the date,
// decision sentences that set funds aside, prose that states totals, counts and rules, annex
// tables tab-separated or column-aligned, lists of projects in the prose) and writes a complete
// round file (format 1, docs/round-format.md) that loads without edits.
//
// Nothing is guessed silently: what is not a verbatim fact is a `reading` in the file, and
// everything a person must confirm is a review item, written as a `# REVIEW:` comment beside its
// entry and returned in `review`. A cell the drafter cannot read stays unknown, on the list.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: round_file_error naming the document (below), those of read_document_text.
// Lifetimes: values; a draft refers to nothing in the text.
#pragma once

#include <anslag/export.hpp>
#include <anslag/ingest/vocabulary.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

struct review_item {
  int line = 0;       // the document line it concerns; 0 for the document as a whole
  std::string field;  // what it concerns: "application 2024-LUM-12: unit", "year", ...
  std::string why;    // what a person must check, and why

  friend bool operator==(const review_item&, const review_item&) = default;
};

struct draft_options {
  std::optional<int> year;             // the round's year; absent: read from the title
  std::string seed;                    // the document's file name, written as [document].seed
  const unit_registry* units = nullptr;  // resolves applicants to unit ids; none: no `unit`
  std::string draft_file;              // where the caller writes the draft: named when it does not load
  const vocabulary* words = nullptr;   // decision words and column labels; none: bundled_vocabulary()
};

struct round_draft {
  grant_round drafted;              // the round the text loads as
  std::string text;                 // the round file (TOML), with its # REVIEW: comments
  std::vector<review_item> review;  // in document order
};

// Drafts the round of the document `text` (its lines as document_lines() splits them). What the
// document leaves out (a date, a title, a deciding body, a year it can be read from, a fund, a
// table) is a review item naming the line, and the draft is still made; an entry that would not
// load is left out, on the review list. Errors (round_file_error naming `seed`): a text larger than
// 8 MiB, one in which no fund, total or application can be found ("no grant decision found: no
// fund, total or application in Swedish"), one with no year at all ("no year in the document: give
// the round's year (--year)"), and a draft whose head does not load, naming the document's line
// and the draft's ("the draft written from this line does not load (DRAFT:LINE:COLUMN: ...)").
ANSLAG_API round_draft draft_round(std::string_view text, const draft_options& options);

// Reads the document (text or PDF, read_document_text) and drafts it; `options.seed` defaults
// to the file's name.
ANSLAG_API round_draft draft_round_file(const std::filesystem::path& document, draft_options options = {});

}  // namespace anslag
