// The lines and sentences of the document, and the words that name things in them.
#include "drafter.hpp"

namespace anslag::drafting {

bool blank(const line_info& l) { return l.text.empty(); }

bool is_list_item(const std::string& text) {
  return text.size() > 2 && (text.rfind("- ", 0) == 0 || text.rfind("• ", 0) == 0 || text.rfind("– ", 0) == 0);
}

std::string body_of(const std::string& text) {
  if (is_list_item(text)) return text.substr(text.find(' ') + 1);
  std::size_t i = 0;
  while (i < text.size() && i < 3 && text[i] >= '0' && text[i] <= '9') ++i;
  if (i > 0 && i + 1 < text.size() && text[i] == '.' && text[i + 1] == ' ') return text.substr(i + 2);
  return text;
}

namespace {

// The case of the first letter, ASCII or Latin-1 (in UTF-8, C3 80..9E are capitals and C3 A0..BE
// small letters): 1 upper, -1 lower, 0 neither.
int first_letter_case(const std::string& text) {
  if (text.empty()) return 0;
  const auto c = static_cast<unsigned char>(text[0]);
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= 'a' && c <= 'z') return -1;
  if (c != 0xC3 || text.size() < 2) return 0;
  const auto d = static_cast<unsigned char>(text[1]);
  return d >= 0x80 && d <= 0x9E ? 1 : (d >= 0xA0 && d <= 0xBE ? -1 : 0);
}

}  // namespace

bool starts_upper(const std::string& text) { return first_letter_case(text) > 0; }

bool starts_lower(const std::string& text) { return first_letter_case(text) < 0; }

std::string without_numbering(const std::string& text) {
  std::size_t i = 0;
  if (text.rfind("§ ", 0) == 0) i = std::string_view("§ ").size();
  const std::size_t number = i;
  std::size_t digits = 0;
  while (i < text.size()) {
    if (text[i] >= '0' && text[i] <= '9') {
      if (++digits > 2) return text;
    } else if (text[i] == '.' && digits > 0) {
      digits = 0;
    } else {
      break;
    }
    ++i;
  }
  if (i == number || i >= text.size() || text[i] != ' ') return text;
  return text.substr(text.find_first_not_of(' ', i) == std::string::npos ? text.size() : text.find_first_not_of(' ', i));
}

bool is_heading(const std::vector<line_info>& lines, std::size_t i) {
  const std::string t = without_numbering(lines[i].text);
  if (t.empty() || lines[i].table || lines[i].furniture || t.size() > 110 || !starts_upper(t) || is_list_item(t)) return false;
  const char last = t.back();
  if (last == '.' || last == ':' || last == ',' || last == ';') return false;
  // A page's furniture stands where a blank line would ("Sida 1 av 2" just above the heading).
  const bool before = i == 0 || blank(lines[i - 1]) || lines[i - 1].table || lines[i - 1].furniture;
  const bool after = i + 1 >= lines.size() || blank(lines[i + 1]) || lines[i + 1].table || lines[i + 1].furniture;
  return before && after;
}

std::vector<sentence> sentences_of(const std::string& body, int line) {
  std::vector<sentence> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < body.size(); ++i) {
    const char c = body[i];
    if ((c == '.' || c == '?' || c == '!') && body[i + 1] == ' ' && starts_upper(body.substr(i + 2, 2)) &&
        !(i >= 1 && body[i - 1] >= '0' && body[i - 1] <= '9' && i + 2 < body.size() && body[i + 2] >= '0' &&
          body[i + 2] <= '9')) {
      out.push_back({body.substr(start, i + 1 - start), line, out.size()});
      start = i + 2;
    }
  }
  if (start < body.size()) out.push_back({body.substr(start), line, out.size()});
  return out;
}

bool contains(const std::string& lowered, std::string_view what) { return lowered.find(what) != std::string::npos; }

bool has_word(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool holds_phrase(const std::string& lowered, const std::vector<std::string>& words, std::string_view phrase) {
  return contains(lowered, phrase) && (phrase.find(' ') != std::string_view::npos || has_word(words, phrase));
}

bool same_stem(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::size_t shorter = std::min(a.size(), b.size());
  // A compound that begins with the word ("utvecklingsprojekt") is another word.
  if (shorter < 7 || std::max(a.size(), b.size()) > shorter + 3) return false;
  const auto [mismatch, _] = std::mismatch(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(shorter), b.begin());
  return static_cast<std::size_t>(mismatch - a.begin()) + 3 >= shorter;
}

const std::set<std::string, std::less<>> stop_words{
    "för", "och", "till", "i", "av", "om", "med", "medel", "år", "genom", "inom", "den", "det", "de",
    "en", "ett", "samt", "inklusive", "på", "från", "att", "som", "förslag", "bilaga", "avser", "avsätts",
    "kronor", "kr", "tkr", "mnkr", "mkr", "sek", "miljoner", "totalt", "ansökningar", "fördelning", "utlysning", "beviljas"};

std::set<std::string> key_words(std::string_view text) {
  std::set<std::string> keys;
  for (auto& w : words_of(text)) {
    // A key holds a letter: not a number, nor a dash the words keep ("Bilaga 1 – Lokala ...", "25 000:–").
    if (stop_words.count(w) || w.size() < 3 || w.find_first_of("abcdefghijklmnopqrstuvwxyz\xC3") == std::string::npos)
      continue;
    keys.insert(std::move(w));
  }
  return keys;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  if (text.size() > 1 && static_cast<unsigned char>(text[0]) == 0xC3 &&
      static_cast<unsigned char>(text[1]) >= 0xA0 && static_cast<unsigned char>(text[1]) <= 0xBE)
    text[1] = static_cast<char>(text[1] - 0x20);
  return text;
}

std::string trim_end(std::string text, std::string_view chars) {
  while (!text.empty() && chars.find(text.back()) != std::string_view::npos) text.pop_back();
  return text;
}

}  // namespace anslag::drafting
