// The Swedish of decision documents as the drafter reads it: words, amounts, dates, counts and
// decision words. Private to src/ingest/draft/ (tested through the public API).
#pragma once

#include <anslag/ingest/vocabulary.hpp>
#include <anslag/krona/krona.hpp>
#include <anslag/model/date.hpp>
#include <anslag/model/round.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag::detail {

// Lower case for ASCII and the Latin-1 capitals (Å, Ä, Ö, É, ...), byte-exact otherwise.
std::string lower(std::string_view text);

// The words of `text` in lower case: runs of letters (ASCII letters, digits and any non-ASCII
// character); everything else separates, so "studiebesök/studieresor" is two words.
std::vector<std::string> words_of(std::string_view text);

// The words of `text` as printed (case kept), for abbreviations such as "LUM" in "LUM-medel".
std::vector<std::string> tokens_of(std::string_view text);

// An amount printed in prose: "8 832 800 kronor", "600 tkr", "1,5 miljoner kronor".
struct amount_hit {
  Krona value;
  std::string text;        // as written in a round file: "8 832 800 kr", "600 tkr"
  std::size_t begin = 0;   // byte offsets of the number and unit in the searched text
  std::size_t end = 0;
};
std::vector<amount_hit> amounts_in(std::string_view text);

// A table cell holding only an amount ("500 000", "25 000 kr", "0"), in the column's unit
// ("kr", "tkr", "mnkr"); nullopt when the cell holds anything else.
std::optional<amount_hit> cell_amount(std::string_view cell, std::string_view unit);

// Swedish dates in prose: "3 maj 2019", "den 2 juni 2024", and ISO "2019-12-17".
struct date_hit {
  calendar_date day;
  std::size_t begin = 0;
};
std::vector<date_hit> dates_in(std::string_view text);

// A count written in digits or as a word ("fjorton", "två"); nullopt for anything else.
std::optional<std::int64_t> count_word(std::string_view word);

// The decision a word or phrase of a document names, by the vocabulary's decision phrases
// (data/vocabulary/sv.toml: "Beviljas", "Bifall", "Till viss del", "Bifall delvis", "Avslag", ...).
struct decision_hit {
  decision outcome = decision::granted;
  std::string words;       // the words as printed
  std::size_t begin = 0;   // byte offsets in the searched text
  std::size_t end = 0;
};
// The decision the whole of `text` is (a decision cell "Beviljas", or one beginning with its word:
// "Avslag - Då förvaltningen ..."); nullopt when it does not begin with a decision word.
std::optional<decision_hit> leading_decision(std::string_view text, const std::vector<decision_phrase>& words);
// The last decision phrase in running text ("... bör ansökan till viss del beviljas."), the one
// that reads as the conclusion; nullopt when there is none.
std::optional<decision_hit> last_decision(std::string_view text, const std::vector<decision_phrase>& words);

// What a count counts, as `anslag check` reads counts: the bundled vocabulary's [[count]] entries
// (data/vocabulary/sv.toml). A noun containing `phrase` counts applications or applicants; after a
// bound (`phrase` as whole words, "högst", "upp till") stands a rule's limit.
struct count_phrase {
  enum class kind { applications, applicants, bound };
  std::string phrase;  // lower case
  kind counts = kind::applications;
};
const std::vector<count_phrase>& bundled_count_phrases();

// Text without HTML tags and emphasis markers, white space collapsed.
std::string plain_text(std::string_view text);

// ASCII slug of a Swedish name: lower case, å ä → a, ö → o, é → e, other runs of non-alphanumerics
// as one '-' ("Hägersten-Liljeholmen" → "hagersten-liljeholmen").
std::string slug(std::string_view text);

}  // namespace anslag::detail
