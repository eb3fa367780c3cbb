// Synthetic decision documents: a consistent synthetic round (synthetic/rounds.hpp, with or
// without its planted faults) printed as the plain text of a decision document, in a layout drawn
// from a space of independent knobs (the head, where the date stands, how the applications are
// printed, how amounts are written, the decision words, wrapping, page furniture, the funds' order
// and naming, one sentence for several funds' figures). Each document comes with the round it
// prints, each entry cited at the document's lines: the answer a draft of it is compared with
// (tests/python/test_draft_corpus.py, docs/draft-agreement.md). `anslag synthetic --documents`
// and Python's anslag.synthetic_documents write them.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: invalid_argument_error (an unknown knob or value, below; those of synthetic_round).
// Lifetimes: values; layout_knobs() is a static table that lives as long as the program.
#pragma once

#include <anslag/export.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>
#include <anslag/synthetic/rounds.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

// One dimension of the layout space: its name, what it varies, and the values it takes.
struct layout_knob {
  std::string_view name;
  std::string_view what;
  std::vector<std::string_view> values;
};

// The knobs in a fixed order, each value once (docs/drafting.md, "Synthetic documents").
ANSLAG_API const std::vector<layout_knob>& layout_knobs();

// A layout: a value for each knob, by the knob's name.
using document_layout = std::map<std::string, std::string, std::less<>>;

// A layout drawn from `seed`, every knob independently and uniformly; the knobs in `fixed` keep
// their given value. A knob that does not exist is an invalid_argument_error "unknown layout knob
// 'NAME' (head, date, ...)"; a value it does not take, "unknown value 'VALUE' for layout knob
// 'NAME' (a, b, ...)".
ANSLAG_API document_layout draw_layout(std::uint64_t seed, const document_layout& fixed = {});

struct synthetic_document {
  std::string text;         // the decision document: UTF-8 lines, no form feeds
  int lines_per_page = 0;   // the page length its furniture assumes (print it so); 0: one page
  document_layout layout;   // every knob's value
  grant_round source;       // the round it prints, each entry cited where `text` prints it
  std::string round_text;   // the synthetic round file it was made from (synthetic_round)
};

// The document printing the synthetic round of `round` (synthetic_round(units, round)) in `layout`
// (every knob given: draw_layout completes one). Project titles and the funds' names are the
// document's, so `source` differs from round_text there and in its lines.
ANSLAG_API synthetic_document synthetic_document_of(const unit_registry& units, const synthetic_options& round,
                                         const document_layout& layout);

// The round file (format 1) of `document.source`, with [document].seed = `seed` (the name the
// document's text is written under, beside the round file): every fund, statement and
// application cites the lines of `text` that print it (`source = { line = N, lines = K }`, a table
// row, a record of five lines, the words of a sentence wrapped over lines) with a quote that stands
// there, so that `anslag check` passes it; an entry the text does not print would say so
// (`source = { derived = "..." }`).
ANSLAG_API std::string synthetic_round_file(const synthetic_document& document, const std::string& seed);

// `count` documents: document i prints the round of seed round.seed + i in the layout drawn from
// the same seed, the knobs in `fixed` kept.
ANSLAG_API std::vector<synthetic_document> synthetic_documents(const unit_registry& units, std::size_t count,
                                                    const synthetic_options& round,
                                                    const document_layout& fixed = {});

}  // namespace anslag
