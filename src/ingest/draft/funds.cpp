// Funds: the decision sentences that set amounts aside, the abbreviations the document defines, and
// which funds a text names.
#include "drafter.hpp"

namespace anslag::drafting {

// A word hyphenated at a line's end and joined with the next line ("i enl- ighet", "utvecklings-
// medel") read whole: a letter, '-', a space, then a word in lower case; not "stadsdels- och
// socialförvaltningen", where the hyphen stands for the compound's shared part.
std::string without_line_hyphens(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-' && i > 0 && i + 2 < text.size() && text[i + 1] == ' ' && text[i - 1] != ' ' &&
        text[i - 1] != '-' && !(text[i - 1] >= '0' && text[i - 1] <= '9')) {
      const std::string next = text.substr(i + 2);
      const std::size_t space = next.find(' ');
      const std::string word = lower(next.substr(0, space));
      if (starts_lower(next) && word != "och" && word != "eller" && word != "samt" && word != "respektive") {
        ++i;  // the hyphen and the space are the line break's
        continue;
      }
    }
    out += text[i];
  }
  return out;
}


std::vector<drafter::abbreviation> drafter::find_abbreviations() const {
  std::vector<abbreviation> found;
  for (const auto& l : lines_) {
    if (l.table || l.furniture || l.joined) continue;
    const std::string& t = l.text;
    for (std::size_t open = t.find('('); open != std::string::npos; open = t.find('(', open + 1)) {
      const std::size_t close = t.find(')', open);
      if (close == std::string::npos || close - open < 3 || close - open > 7) continue;
      const std::string id = t.substr(open + 1, close - open - 1);
      if (id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) continue;
      // The phrase: up to eight words back, stopping at a comma, a sentence's end or "av"/"om";
      // its keys stop at a number too.
      std::size_t begin = open, key_begin = std::string::npos;
      int words = 0;
      while (begin > 0 && words < 8) {
        std::size_t space = t.rfind(' ', begin - 2 < begin ? begin - 2 : 0);
        const std::size_t word_begin = space == std::string::npos ? 0 : space + 1;
        const std::string word = lower(t.substr(word_begin, begin - word_begin));
        const std::string bare = trim_end(word, " ");
        // A number ends it too: an amount ("fördelar SEK 473 000 till ...") or an annex's ("Bilaga 1 – ...").
        const bool number = bare.find_first_of("0123456789") != std::string::npos &&
                            bare.find_first_not_of("0123456789,.:-") == std::string::npos;
        if (number && key_begin == std::string::npos) key_begin = begin;  // the keys end there; the quote goes on
        if (bare.ends_with(",") || bare.ends_with(".") || bare.ends_with(")") || bare == "av" || bare == "om" ||
            bare == "från")
          break;
        begin = word_begin;
        ++words;
        if (space == std::string::npos) break;
      }
      abbreviation a;
      a.id = id;
      a.phrase = trim_end(t.substr(begin, open - begin), " ");
      a.keys = key_words(without_line_hyphens(
          key_begin == std::string::npos ? a.phrase : trim_end(t.substr(key_begin, open - key_begin), " ")));
      if (!a.keys.empty()) found.push_back(std::move(a));
    }
  }
  return found;
}


std::string drafter::fund_phrase(const std::string& text, std::size_t from) {
  std::string rest = without_line_hyphens(text.substr(from));
  for (std::string_view lead : {" avsätts till ", " avsätts för ", " avsätts ", " till ", " för "}) {
    if (rest.rfind(lead, 0) == 0 || rest.rfind(lead.substr(1), 0) == 0) {
      rest = rest.substr(rest.rfind(lead, 0) == 0 ? lead.size() : lead.size() - 1);
      break;
    }
  }
  const std::string lowered = lower(rest);
  std::size_t end = rest.size();
  for (std::string_view stop : {" enligt ", " i enlighet ", ",", ";", ".", " (", " som "}) {
    const std::size_t at = lowered.find(stop);
    if (at != std::string::npos && at < end) end = at;
  }
  // "... och 174 300 kronor till ...": the next amount begins the next fund.
  // The amount may print its currency first ("och kr 981 000 till ...", "och SEK 981 000 till ...").
  for (std::size_t at = lowered.find(" och "); at != std::string::npos; at = lowered.find(" och ", at + 1)) {
    std::size_t next = at + 5;
    if (lowered.compare(next, 3, "kr ") == 0) next += 3;
    else if (lowered.compare(next, 4, "sek ") == 0) next += 4;
    if (next < lowered.size() && lowered[next] >= '0' && lowered[next] <= '9' && at < end) end = at;
  }
  std::string phrase = trim_end(rest.substr(0, end), " ");
  // A trailing year ("studiebesök 2020") is the round's, not the fund's name.
  if (phrase.size() > 5 && phrase[phrase.size() - 5] == ' ' &&
      phrase.substr(phrase.size() - 4).find_first_not_of("0123456789") == std::string::npos)
    phrase.resize(phrase.size() - 5);
  return phrase;
}

bool drafter::is_budget_sentence(const std::string& lowered) const {
  const auto words = words_of(lowered);
  return std::any_of(vocabulary_.budget_words.begin(), vocabulary_.budget_words.end(),
                     [&](const std::string& w) { return holds_phrase(lowered, words, w); });
}

void drafter::find_funds() {
  const auto abbreviations = find_abbreviations();
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].table || lines_[i].furniture || lines_[i].joined || lines_[i].text.empty()) continue;
    for (const auto& s : sentences_at(i)) {
      const std::string lowered = lower(s.text);
      if (!is_budget_sentence(lowered) || contains(lowered, "ansök")) continue;
      const auto hits = detail::amounts_in(s.text);
      if (too_many_amounts(s, hits.size())) continue;
      for (const auto& hit : hits) {
        const std::string phrase = fund_phrase(s.text, hit.end);
        const auto keys = key_words(phrase);
        if (keys.empty()) continue;
        fund_draft* f = match_fund(keys);
        if (!f && funds_.size() >= max_funds) {
          review_.push_back({s.line, "funds", "more than " + std::to_string(max_funds) +
                                                  " funds: the amount '" + hit.text + "' is not drafted as a fund"});
          continue;
        }
        if (!f) f = &new_fund(phrase, keys, abbreviations, s, hit, i);
        f->keys.insert(keys.begin(), keys.end());
        budget_sentences_[{i, s.index}].push_back({hit, f->id});
      }
    }
  }
}

bool drafter::too_many_amounts(const sentence& s, std::size_t amounts) {
  if (amounts <= max_amounts_per_sentence) return false;
  if (reported_long_.insert(s.line).second)
    review_.push_back({s.line, "sentence", "it prints " + std::to_string(amounts) + " amounts, more than the " +
                                               std::to_string(max_amounts_per_sentence) +
                                               " one sentence is read for: none is drafted; encode them by hand"});
  return true;
}

fund_draft* drafter::match_fund(const std::set<std::string>& keys) {
  fund_draft* best = nullptr;
  std::size_t best_score = 0;
  for (auto& f : funds_) {
    std::size_t score = 0;
    for (const auto& k : keys) score += f.keys.count(k);
    if (score > best_score) best_score = score, best = &f;
  }
  return best;
}

fund_draft& drafter::new_fund(const std::string& phrase, const std::set<std::string>& keys,
                     const std::vector<abbreviation>& abbreviations, const sentence& s, const amount_hit& hit,
                     std::size_t i) {
  fund_draft f;
  f.name = capitalised(phrase);
  f.budget = hit;
  f.line = s.line;
  f.last_line = s.last_line;
  f.quote = s.text;
  f.section = section_of_[i];
  f.keys = keys;
  const abbreviation* best = nullptr;
  std::size_t best_score = 0;
  for (const auto& a : abbreviations) {
    std::size_t score = 0;
    for (const auto& k : keys) score += a.keys.count(k);
    if (score > best_score && std::none_of(funds_.begin(), funds_.end(), [&](const fund_draft& g) { return g.id == a.id; }))
      best_score = score, best = &a;
  }
  if (best) {
    f.id = best->id;
    f.keys.insert(best->keys.begin(), best->keys.end());
    f.readings.push_back({"id", "'" + phrase + "' read as the fund the document abbreviates " + best->id + " ('" +
                                    best->phrase + " (" + best->id + ")')"});
  } else {
    std::string initials;
    for (const auto& w : words_of(phrase))
      if (!stop_words.count(w) || w == "medel") initials += static_cast<char>(std::toupper(static_cast<unsigned char>(detail::slug(w)[0])));
    // Appended, not "F" + ...: GCC 12 warns falsely (-Wrestrict) on the inlined operator+.
    f.id = initials.empty() ? std::string("F").append(std::to_string(funds_.size() + 1)) : initials;
    while (std::any_of(funds_.begin(), funds_.end(), [&](const fund_draft& g) { return g.id == f.id; })) f.id += "2";
    f.readings.push_back({"id", "the document gives '" + phrase + "' no abbreviation: the id is made of its initials"});
  }
  f.review.push_back({"id", f.readings.back().text});
  funds_.push_back(std::move(f));
  return funds_.back();
}

std::vector<std::string> drafter::funds_in(const std::string& raw) const {
  const std::string text = without_line_hyphens(raw);
  const auto words = words_of(text);
  const auto tokens = detail::tokens_of(text);
  std::vector<std::string> found;
  for (const auto& f : funds_) {
    bool named = has_word(tokens, f.id);
    for (const auto& k : f.keys)
      named = named || std::any_of(words.begin(), words.end(), [&](const std::string& w) { return same_stem(w, k); });
    if (named) found.push_back(f.id);
  }
  return found;
}

std::vector<std::string> drafter::as_list(std::vector<std::string> funds) const {
  return funds.size() == funds_.size() ? std::vector<std::string>{} : funds;
}

}  // namespace anslag::drafting
