#include "words.hpp"

#include <anslag/error.hpp>
#include <anslag/ingest/document_text.hpp>
#include <anslag/krona/amount_text.hpp>

#include <array>
#include <utility>

namespace anslag::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c);
}

constexpr std::array<std::pair<std::string_view, int>, 12> months{{
    {"januari", 1}, {"februari", 2}, {"mars", 3}, {"april", 4}, {"maj", 5}, {"juni", 6},
    {"juli", 7}, {"augusti", 8}, {"september", 9}, {"oktober", 10}, {"november", 11}, {"december", 12},
}};

constexpr std::array<std::pair<std::string_view, int>, 21> number_words{{
    {"en", 1}, {"ett", 1}, {"två", 2}, {"tre", 3}, {"fyra", 4}, {"fem", 5}, {"sex", 6}, {"sju", 7},
    {"åtta", 8}, {"nio", 9}, {"tio", 10}, {"elva", 11}, {"tolv", 12}, {"tretton", 13},
    {"fjorton", 14}, {"femton", 15}, {"sexton", 16}, {"sjutton", 17}, {"arton", 18},
    {"nitton", 19}, {"tjugo", 20},
}};

bool word_boundary(std::string_view text, std::size_t at) {
  return at == 0 || at >= text.size() || !is_letter(text[at]);
}

bool starts_word_at(std::string_view lowered, std::size_t at, std::string_view words) {
  return lowered.compare(at, words.size(), words) == 0 && (at == 0 || !is_letter(lowered[at - 1])) &&
         word_boundary(lowered, at + words.size());
}

// The unit word after a number, and its factor's name in the amount grammar.
struct unit_word {
  std::string_view word;  // lower case
  std::string_view unit;  // as written in the round file
};
constexpr std::array<unit_word, 8> unit_words{{
    {"miljoner kronor", "mnkr"}, {"mnkr", "mnkr"}, {"mkr", "mnkr"}, {"tkr", "tkr"},
    {"kronor", "kr"}, {"kr", "kr"}, {"sek", "kr"}, {"skr", "kr"},
}};

std::string number_text(std::string_view text, std::size_t& i) {
  std::string digits;
  while (i < text.size() && is_digit(text[i])) digits += text[i++];
  while (i + 3 < text.size() && text[i] == ' ' && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
         is_digit(text[i + 3]) && (i + 4 >= text.size() || !is_digit(text[i + 4]))) {
    digits += text.substr(i, 4);
    i += 4;
  }
  if (i + 1 < text.size() && text[i] == ',' && is_digit(text[i + 1])) {
    digits += text[i++];
    while (i < text.size() && is_digit(text[i])) digits += text[i++];
  }
  return digits;
}

// The length of ":-" or ":–" at `i` (whole kronor), or 0.
std::size_t whole_kronor_mark(std::string_view text, std::size_t i) {
  if (i >= text.size() || text[i] != ':') return 0;
  if (text.compare(i + 1, 1, "-") == 0) return 2;
  if (text.compare(i + 1, 3, "\u2013") == 0) return 4;
  return 0;
}

// Where "sek " or "kr " stands just before the number at `at` (lower-cased text), or npos.
std::size_t currency_before(std::string_view lowered, std::size_t at) {
  for (std::string_view word : {"sek ", "kr "}) {
    if (at < word.size() || lowered.compare(at - word.size(), word.size(), word) != 0) continue;
    const std::size_t begin = at - word.size();
    if (begin == 0 || !is_letter(lowered[begin - 1])) return begin;
  }
  return std::string_view::npos;
}

std::optional<amount_hit> make_amount(std::string number, std::string_view unit, std::size_t begin,
                                      std::size_t end) {
  amount_hit hit;
  hit.text = std::move(number) + " " + std::string(unit);
  try {
    hit.value = parse_amount(hit.text);
  } catch (const error&) {
    return std::nullopt;
  }
  hit.begin = begin;
  hit.end = end;
  return hit;
}

}  // namespace

std::string lower(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (is_letter(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::vector<std::string> words_of(std::string_view text) { return tokens_of(lower(text)); }

std::vector<amount_hit> amounts_in(std::string_view text) {
  std::vector<amount_hit> hits;
  const std::string lowered = lower(text);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || is_letter(text[i - 1]) || text[i - 1] == ','))) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    std::string number = number_text(text, i);
    std::size_t j = i;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    bool unit_after = false;
    for (const auto& u : unit_words) {
      if (lowered.compare(j, u.word.size(), u.word) == 0 && word_boundary(lowered, j + u.word.size())) {
        if (auto hit = make_amount(number, u.unit, begin, j + u.word.size())) hits.push_back(std::move(*hit));
        i = j + u.word.size();
        unit_after = true;
        break;
      }
    }
    if (unit_after) continue;
    // "25 000:-" (or ":–"): whole kronor, the ordinary Swedish way to write them.
    if (const std::size_t dash = whole_kronor_mark(text, i)) {
      if (auto hit = make_amount(number, "kr", begin, i + dash)) hits.push_back(std::move(*hit));
      i += dash;
      continue;
    }
    // "SEK 25 000", "kr 25 000": the currency before the number, unless that "kr" ends the amount before.
    const std::size_t currency = currency_before(lowered, begin);
    if (currency != std::string::npos && (hits.empty() || hits.back().end != begin - 1 || lowered[currency] == 's')) {
      if (auto hit = make_amount(number, "kr", currency, i)) hits.push_back(std::move(*hit));
    }
  }
  return hits;
}

std::optional<amount_hit> cell_amount(std::string_view cell, std::string_view unit) {
  std::string text = collapse_space(cell);
  if (text.empty()) return std::nullopt;
  if (text.find_first_not_of("0123456789 ,") == std::string::npos) {
    std::size_t i = 0;
    std::string number = number_text(text, i);
    if (i != text.size()) return std::nullopt;
    return make_amount(number, unit, 0, text.size());
  }
  const auto hits = amounts_in(text);
  if (hits.size() == 1 && hits[0].begin == 0 && hits[0].end == text.size()) return hits[0];
  return std::nullopt;
}

std::vector<date_hit> dates_in(std::string_view text) {
  std::vector<date_hit> hits;
  const std::string lowered = lower(text);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    int first = 0;
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) first = first * 10 + (text[i++] - '0'), ++digits;
    try {
      if (digits == 4 && i < text.size() && text[i] == '-') {  // ISO
        const std::string iso(text.substr(begin, 10));
        if (iso.size() == 10) hits.push_back({calendar_date::parse(iso), begin});
        i = begin + 10;
        continue;
      }
      if (digits > 2 || i >= text.size() || text[i] != ' ') continue;
      const std::size_t m = i + 1;
      for (const auto& [name, month] : months) {
        if (lowered.compare(m, name.size(), name) != 0) continue;
        std::size_t y = m + name.size();
        if (y >= text.size() || text[y] != ' ') break;
        ++y;
        int year = 0, year_digits = 0;
        while (y < text.size() && is_digit(text[y]) && year_digits < 5) year = year * 10 + (text[y++] - '0'), ++year_digits;
        if (year_digits == 4) hits.push_back({calendar_date(year, month, first), begin});
        i = y;
        break;
      }
    } catch (const error&) {
      // "31 juni 2020" names no day: not a date, read on.
    }
  }
  return hits;
}

std::optional<std::int64_t> count_word(std::string_view word) {
  if (!word.empty() && word.size() <= 6 && word.find_first_not_of("0123456789") == std::string_view::npos)
    return std::stoll(std::string(word));
  const std::string lowered = lower(word);
  for (const auto& [name, value] : number_words)
    if (lowered == name) return value;
  return std::nullopt;
}

std::optional<decision_hit> leading_decision(std::string_view text, const std::vector<decision_phrase>& words) {
  const std::string plain = plain_text(text);
  const std::string lowered = lower(plain);
  for (const auto& w : words) {
    if (starts_word_at(lowered, 0, w.phrase)) return decision_hit{w.outcome, plain.substr(0, w.phrase.size()), 0, w.phrase.size()};
  }
  return std::nullopt;
}

std::optional<decision_hit> last_decision(std::string_view text, const std::vector<decision_phrase>& words) {
  const std::string lowered = lower(text);
  std::optional<decision_hit> best;
  for (const auto& w : words) {
    if (w.phrase == "delvis" || w.phrase == "till viss del") continue;  // alone, in prose, not a decision
    for (std::size_t at = lowered.find(w.phrase); at != std::string::npos; at = lowered.find(w.phrase, at + 1)) {
      if (!starts_word_at(lowered, at, w.phrase)) continue;
      const std::size_t end = at + w.phrase.size();
      if (!best || end > best->end || (end == best->end && at < best->begin))
        best = decision_hit{w.outcome, std::string(text.substr(at, w.phrase.size())), at, end};
    }
  }
  return best;
}

std::string plain_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_tag = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<' && i + 1 < text.size() && (is_letter(text[i + 1]) || text[i + 1] == '/')) {
      in_tag = true;
      out += ' ';
    } else if (in_tag) {
      if (c == '>') in_tag = false;
    } else if (c != '*') {
      out += c;
    }
  }
  return collapse_space(out);
}

std::string slug(std::string_view text) {
  const std::string lowered = lower(text);
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < lowered.size(); ++i) {
    const auto c = static_cast<unsigned char>(lowered[i]);
    char ascii = 0;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      ascii = static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < lowered.size()) {
      const auto d = static_cast<unsigned char>(lowered[++i]);
      ascii = (d == 0xA5 || d == 0xA4 || d == 0xA0 || d == 0xA1) ? 'a' : (d == 0xB6 || d == 0xB8) ? 'o'
              : (d == 0xA9 || d == 0xA8) ? 'e' : (d == 0xBC) ? 'u' : 0;
    }
    if (ascii) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += ascii;
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace anslag::detail
