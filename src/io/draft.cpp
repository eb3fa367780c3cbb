// The drafter: docs/drafting.md describes what it reads and how. It works in passes over the
// document's lines: the head ([document]), the tables (tab-separated or column-aligned), the
// funds (decision sentences that set amounts aside), then the prose sentence by sentence
// (statements, rules, lists of projects), and last the applications of the tables, whose
// decisions the prose lists may settle. The round file is written as text and loaded back with
// parse_round, so a draft that would not load is never returned.
#include <anslag/io/draft.hpp>

#include <anslag/error.hpp>
#include <anslag/io/document_text.hpp>
#include <anslag/io/round_file.hpp>

#include "draft_words.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace anslag {
namespace {

using detail::amount_hit;
using detail::lower;
using detail::plain_text;
using detail::words_of;

// ----------------------------------------------------------------------------------------------
// What the draft holds before it is written.

struct review_note {
  std::string field;
  std::string why;
};

struct fund_draft {
  std::string id, name;
  amount_hit budget;
  int line = 0;
  std::string quote, section;
  std::set<std::string> keys;  // the words that name it in the prose
  std::vector<reading> readings;
  std::vector<review_note> review;
};

struct rule_draft {
  std::string slug;
  rule_kind kind = rule_kind::required_criterion;
  std::vector<std::string> funds;
  std::string summary;
  std::optional<amount_hit> amount;
  std::optional<std::int64_t> count;
  std::optional<date> from, to;
  std::string quote, section;
  int line = 0;
  std::optional<std::string> not_encoded;
  std::vector<review_note> review;
};

struct statement_draft {
  statement_kind kind = statement_kind::requested_total;
  std::vector<std::string> funds;
  std::optional<amount_hit> amount;
  std::optional<std::int64_t> count;
  std::optional<decision> of_decision;
  std::optional<std::string> applicant_kind;
  std::string quote, section, slug;
  int line = 0;
  std::vector<reading> readings;
  std::vector<review_note> review;
};

struct application_draft {
  std::string fund;
  std::string applicant;
  std::optional<std::string> unit;
  std::vector<std::string> co_applicants;
  std::string project;
  std::optional<std::string> purpose;
  std::optional<std::string> requested, granted;
  std::optional<Krona> requested_value, granted_value;
  std::optional<decision> outcome;
  bool decision_inferred = false;  // read from amounts or a table's shape, not from a word
  std::string reason, section;
  int line = 0;
  std::vector<reading> readings;
  std::vector<review_note> review;
};

// ----------------------------------------------------------------------------------------------
// The lines.

struct line_info {
  std::string raw;
  std::string text;  // white space collapsed
  bool table = false;
};

bool blank(const line_info& l) { return l.text.empty(); }

bool is_list_item(const std::string& text) {
  return text.size() > 2 && (text.rfind("- ", 0) == 0 || text.rfind("• ", 0) == 0 || text.rfind("– ", 0) == 0);
}

// The line without its list or numbering mark ("- ", "1. "): what a quote begins with.
std::string body_of(const std::string& text) {
  if (is_list_item(text)) return text.substr(text.find(' ') + 1);
  std::size_t i = 0;
  while (i < text.size() && i < 3 && text[i] >= '0' && text[i] <= '9') ++i;
  if (i > 0 && i + 1 < text.size() && text[i] == '.' && text[i + 1] == ' ') return text.substr(i + 2);
  return text;
}

bool starts_upper(const std::string& text) {
  if (text.empty()) return false;
  const auto c = static_cast<unsigned char>(text[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && text.size() > 1 && static_cast<unsigned char>(text[1]) >= 0x80 &&
         static_cast<unsigned char>(text[1]) <= 0x9E;
}

// A numbered heading ("3. Ärendet", "2 Sammanfattning", "3.2 Bedömning", "§ 3 Ärendet") is a
// heading by its words. Each number has at most two digits, so "2023 års medel" keeps its year.
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

// A heading stands alone between blank lines, is short, begins with a capital and does not end
// as a sentence or a lead-in does.
bool is_heading(const std::vector<line_info>& lines, std::size_t i) {
  const std::string t = without_numbering(lines[i].text);
  if (t.empty() || lines[i].table || t.size() > 110 || !starts_upper(t) || is_list_item(t)) return false;
  const char last = t.back();
  if (last == '.' || last == ':' || last == ',' || last == ';') return false;
  const bool before = i == 0 || blank(lines[i - 1]) || lines[i - 1].table;
  const bool after = i + 1 >= lines.size() || blank(lines[i + 1]) || lines[i + 1].table;
  return before && after;
}

// Sentences of one prose line: split after '.', '?' or '!' followed by a space and a capital.
struct sentence {
  std::string text;
  int line = 0;
  std::size_t index = 0;  // its place among the line's sentences
};

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

// Swedish inflects by its endings: "studieresa", "studieresor" and "studieresan" name one fund, as
// "utvecklingsmedel" and "utvecklingsmedlen" do. Long words that differ only in their last two or
// three letters are one word; short ones must match exactly ("lokala" is not "lokalen").
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
    "kronor", "kr", "tkr", "totalt", "ansökningar", "fördelning", "utlysning", "beviljas"};

std::set<std::string> key_words(std::string_view text) {
  std::set<std::string> keys;
  for (auto& w : words_of(text)) {
    if (stop_words.count(w) || w.size() < 3 || w.find_first_not_of("0123456789") == std::string::npos) continue;
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

// ----------------------------------------------------------------------------------------------
// Tables.

enum class column_role { applicant, applicant_project, project, purpose, reason, decision, requested, granted, other };

struct column {
  std::string header;
  column_role role = column_role::other;
  std::string unit = "kr";
  std::size_t begin = 0, end = 0;  // column-aligned tables: the header's extent in the line
};

column_role role_of(const std::string& header) {
  const std::string h = lower(plain_text(header));
  const bool applicant = contains(h, "sdf") || contains(h, "förvaltning") || contains(h, "stadsdel") ||
                         contains(h, "sökande") || contains(h, "nämnd");
  const bool project = contains(h, "projekt") || contains(h, "studiebesök") || contains(h, "studieres") ||
                       contains(h, "resmål") || contains(h, "ort och syfte") || contains(h, "aktivitet");
  if (applicant && project) return column_role::applicant_project;
  if (contains(h, "ansökt") || contains(h, "sökt") || contains(h, "begärt") || contains(h, "ansökan (")) return column_role::requested;
  if (contains(h, "beslut")) return column_role::decision;
  if (contains(h, "bevilja") || contains(h, "förslag") || contains(h, "summa") || contains(h, "belopp") ||
      contains(h, "tilldel") || contains(h, "fördel"))
    return column_role::granted;
  if (contains(h, "utvärdering") || contains(h, "bedömning") || contains(h, "motivering") || contains(h, "kommentar"))
    return column_role::reason;
  if (project) return column_role::project;
  if (contains(h, "syfte") || contains(h, "mål")) return column_role::purpose;
  if (applicant) return column_role::applicant;
  return column_role::other;
}

std::string unit_of_header(const std::string& header) {
  const std::string h = lower(header);
  if (contains(h, "mnkr") || contains(h, "mkr") || contains(h, "miljoner")) return "mnkr";
  if (contains(h, "tkr") || contains(h, "tusental")) return "tkr";
  return "kr";
}

struct table_row {
  int line = 0;
  std::vector<std::string> cells;  // one per column, HTML kept (stripped where read)
};

struct table {
  int header_line = 0;
  std::string section;
  std::vector<column> columns;
  std::vector<table_row> rows;
  std::vector<table_row> totals;
};

bool is_total(const std::string& cell) {
  const std::string c = lower(plain_text(cell));
  return c == "totalt" || c == "summa" || c == "total" || c == "sammanlagt" || c == "summa totalt";
}

std::vector<std::string> split_tabs(const std::string& raw) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = raw.find('\t', start);
    cells.push_back(raw.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

// Cells of a column-aligned line: text separated by runs of two or more spaces, with where each
// begins and ends (in bytes; the layout's columns are aligned in characters, so positions are
// counted in code points).
struct laid_cell {
  std::string text;
  std::size_t begin = 0, end = 0;
};

std::vector<laid_cell> split_layout(const std::string& raw) {
  std::vector<laid_cell> cells;
  std::size_t column = 0, i = 0;
  laid_cell current;
  std::size_t spaces = 0;
  auto flush = [&] {
    if (!current.text.empty()) cells.push_back(current);
    current = {};
  };
  while (i < raw.size()) {
    const auto c = static_cast<unsigned char>(raw[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (raw[i] == ' ' || raw[i] == '\f') {
      ++spaces;
    } else {
      if (spaces >= 2) flush();
      if (current.text.empty()) current.begin = column;
      else if (spaces == 1) current.text += ' ';
      current.text += raw.substr(i, len);
      current.end = column + 1;
      spaces = 0;
    }
    i += len;
    ++column;
  }
  flush();
  return cells;
}

bool application_header(const std::vector<column>& columns) {
  bool who = false, what = false;
  for (const auto& c : columns) {
    who = who || c.role == column_role::applicant || c.role == column_role::applicant_project || c.role == column_role::project;
    what = what || c.role == column_role::requested || c.role == column_role::granted ||
           c.role == column_role::decision || c.role == column_role::reason;
  }
  return who && what;
}

std::vector<column> columns_of(const std::vector<std::string>& headers) {
  std::vector<column> columns;
  for (const auto& h : headers) {
    column c;
    c.header = plain_text(h);
    c.role = role_of(h);
    c.unit = unit_of_header(h);
    columns.push_back(c);
  }
  return columns;
}

// The column a laid-out cell belongs to: the one its extent overlaps most, else the nearest.
std::size_t column_for(const std::vector<column>& columns, const laid_cell& cell) {
  std::size_t best = 0;
  long best_score = -1000000;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const long overlap = static_cast<long>(std::min(cell.end, columns[k].end)) -
                         static_cast<long>(std::max(cell.begin, columns[k].begin));
    const long next = k + 1 < columns.size() ? static_cast<long>(columns[k + 1].begin) : 1000000;
    // A left-aligned cell starts at or after its header and before the next header.
    const long score = overlap > 0 ? overlap * 1000
                       : (static_cast<long>(cell.begin) >= static_cast<long>(columns[k].begin) - 2 &&
                          static_cast<long>(cell.begin) < next - 1)
                           ? 500
                           : -std::abs(static_cast<long>(cell.begin) - static_cast<long>(columns[k].begin));
    if (score > best_score) best_score = score, best = k;
  }
  return best;
}

// ----------------------------------------------------------------------------------------------
// The drafter.

class drafter {
 public:
  // Errors name `file`: the path the caller gave, or the seed.
  drafter(std::string_view text, const draft_options& options, std::string file) : options_(options), file_(std::move(file)) {
    for (auto& raw : document_lines(text)) {
      line_info l;
      l.text = collapse_space(raw);
      l.raw = std::move(raw);
      lines_.push_back(std::move(l));
    }
  }

  round_draft run() {
    read_head();
    find_tables();
    find_sections();
    find_funds();
    read_prose();
    read_tables();
    settle_from_lists();
    if (funds_.empty() && statements_.empty() && applications_.empty())
      fail("no grant decision found: no fund, total or application in Swedish");
    return write();
  }

 private:
  [[noreturn]] void fail(const std::string& detail) const { throw round_file_error(file_, 0, 0, detail); }

  int line_no(std::size_t i) const { return static_cast<int>(i + 1); }

  // --- the head -------------------------------------------------------------------------------
  void read_head() {
    const std::size_t head = std::min<std::size_t>(lines_.size(), 40);
    std::optional<std::size_t> date_line;
    for (std::size_t i = 0; i < head && !date_line; ++i) {
      const auto& t = lines_[i].text;
      const auto hits = detail::dates_in(t);
      if (!hits.empty() && hits[0].begin == 0 && t.size() <= 20) {
        dated_ = hits[0].day;
        date_line = i;
      }
    }
    if (!date_line) fail("no date (YYYY-MM-DD) in the document's head");
    for (std::size_t i = 0; i + 1 < head; ++i) {
      if (lower(lines_[i].text) == "till" && !lines_[i + 1].text.empty()) {
        deciding_body_ = lines_[i + 1].text;
        break;
      }
    }
    if (deciding_body_.empty()) {
      for (std::size_t i = 0; i < lines_.size() && deciding_body_.empty(); ++i)
        for (const auto& w : detail::tokens_of(lines_[i].text))
          if (w.size() > 7 && lower(w).ends_with("nämnden") && starts_upper(w)) {
            deciding_body_ = w;
            head_review_.push_back({line_no(i), "document: deciding_body",
                                    "no 'Till' line in the head: the first committee the text names is taken"});
            break;
          }
    }
    if (deciding_body_.empty()) fail("no deciding body (a 'Till' line or a ...nämnden) in the document");
    for (std::size_t i = *date_line + 1; i < lines_.size(); ++i) {
      if (!lines_[i].text.empty()) {
        title_ = lines_[i].text;
        title_line_ = line_no(i);
        break;
      }
    }
    if (title_.empty()) fail("no title after the date in the document's head");
    const std::string all = lower(std::string_view(title_));
    kind_ = "tjänsteutlåtande";
    bool named = false;
    for (const auto& l : lines_)
      if (contains(lower(l.text), "tjänsteutlåtande")) named = true;
    if (!named)
      head_review_.push_back({0, "document: kind",
                              "the document does not name its kind: read as a tjänsteutlåtande from its shape "
                              "(a head addressed to a committee, a proposed decision)"});
    year_ = options_.year.value_or(0);
    if (!options_.year) {
      for (const auto& w : words_of(title_)) {
        if (w.size() == 4 && w.find_first_not_of("0123456789") == std::string::npos &&
            (w.starts_with("19") || w.starts_with("20")))
          year_ = std::stoi(w);
      }
      if (year_ == 0) {
        year_ = dated_->year() + (dated_->month() >= 7 ? 1 : 0);
        head_review_.push_back({title_line_, "year",
                                "the title names no year: the year after the decision's date is taken"});
      }
    }
  }

  // --- tables ---------------------------------------------------------------------------------
  void find_tables() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::string& raw = lines_[i].raw;
      if (raw.find('\t') != std::string::npos) {
        auto columns = columns_of(split_tabs(raw));
        if (!application_header(columns)) continue;
        i = read_tab_table(i, std::move(columns));
      } else {
        const auto cells = split_layout(raw);
        if (cells.size() < 2) continue;
        std::vector<std::string> headers;
        for (const auto& c : cells) headers.push_back(c.text);
        auto columns = columns_of(headers);
        if (!application_header(columns)) continue;
        for (std::size_t k = 0; k < cells.size(); ++k) columns[k].begin = cells[k].begin, columns[k].end = cells[k].end;
        i = read_layout_table(i, std::move(columns));
      }
    }
  }

  std::size_t read_tab_table(std::size_t header, std::vector<column> columns) {
    table t;
    t.header_line = line_no(header);
    t.columns = std::move(columns);
    lines_[header].table = true;
    std::size_t i = header + 1;
    for (; i < lines_.size(); ++i) {
      const std::string& raw = lines_[i].raw;
      if (lines_[i].text.empty()) continue;
      if (raw.find('\t') == std::string::npos) break;
      lines_[i].table = true;
      table_row row{line_no(i), split_tabs(raw)};
      row.cells.resize(std::max(row.cells.size(), t.columns.size()));
      const auto first = std::find_if(row.cells.begin(), row.cells.end(),
                                      [](const std::string& c) { return !plain_text(c).empty(); });
      if (first == row.cells.end()) continue;
      (is_total(*first) ? t.totals : t.rows).push_back(std::move(row));
      if (is_total(*first)) {
        ++i;
        break;
      }
    }
    tables_.push_back(std::move(t));
    return i - 1;
  }

  std::size_t read_layout_table(std::size_t header, std::vector<column> columns) {
    table t;
    t.header_line = line_no(header);
    t.columns = std::move(columns);
    lines_[header].table = true;
    std::size_t blanks = 0;
    std::size_t i = header + 1;
    for (; i < lines_.size(); ++i) {
      if (lines_[i].text.empty()) {
        if (++blanks >= 2) break;
        continue;
      }
      const auto cells = split_layout(lines_[i].raw);
      // Prose after the table: one long run of text from the left margin.
      if (cells.size() == 1 && cells[0].begin <= t.columns[0].begin + 1 && cells[0].text.size() > 70) break;
      blanks = 0;
      lines_[i].table = true;
      std::vector<std::string> row_cells(t.columns.size());
      for (const auto& c : cells) {
        auto& slot = row_cells[column_for(t.columns, c)];
        slot += (slot.empty() ? "" : " ") + c.text;
      }
      const bool starts_row = !row_cells[0].empty();
      if (!starts_row && !t.rows.empty()) {  // a wrapped cell continues the row above
        for (std::size_t k = 0; k < row_cells.size(); ++k)
          if (!row_cells[k].empty()) t.rows.back().cells[k] += " " + row_cells[k];
        continue;
      }
      table_row row{line_no(i), std::move(row_cells)};
      const bool total = is_total(row.cells[0]);
      (total ? t.totals : t.rows).push_back(std::move(row));
      if (total) {
        ++i;
        break;
      }
    }
    tables_.push_back(std::move(t));
    return i - 1;
  }

  // --- sections -------------------------------------------------------------------------------
  void find_sections() {
    section_of_.assign(lines_.size(), "");
    heading_of_.assign(lines_.size(), "");
    std::string current;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (is_heading(lines_, i)) current = lines_[i].text;
      section_of_[i] = current;
    }
    for (auto& t : tables_) t.section = section_of_[static_cast<std::size_t>(t.header_line - 1)];
  }

  // --- funds ----------------------------------------------------------------------------------
  // "Name (ABBR)" in the prose: an abbreviation of 2 to 6 capitals and the words before it.
  struct abbreviation {
    std::string id;
    std::string phrase;
    std::set<std::string> keys;
  };

  std::vector<abbreviation> find_abbreviations() const {
    std::vector<abbreviation> found;
    for (const auto& l : lines_) {
      if (l.table) continue;
      const std::string& t = l.text;
      for (std::size_t open = t.find('('); open != std::string::npos; open = t.find('(', open + 1)) {
        const std::size_t close = t.find(')', open);
        if (close == std::string::npos || close - open < 3 || close - open > 7) continue;
        const std::string id = t.substr(open + 1, close - open - 1);
        if (id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) continue;
        // The phrase: up to eight words back, stopping at a comma, a sentence's end or "av"/"om".
        std::size_t begin = open;
        int words = 0;
        while (begin > 0 && words < 8) {
          std::size_t space = t.rfind(' ', begin - 2 < begin ? begin - 2 : 0);
          const std::size_t word_begin = space == std::string::npos ? 0 : space + 1;
          const std::string word = lower(t.substr(word_begin, begin - word_begin));
          const std::string bare = trim_end(word, " ");
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
        a.keys = key_words(a.phrase);
        if (!a.keys.empty()) found.push_back(std::move(a));
      }
    }
    return found;
  }

  // The phrase after an amount of a decision sentence: "3 500 000 kronor avsätts till lokala
  // utvecklingsprojekt enligt ..." → "lokala utvecklingsprojekt".
  static std::string fund_phrase(const std::string& text, std::size_t from) {
    std::string rest = text.substr(from);
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
    for (std::size_t at = lowered.find(" och "); at != std::string::npos; at = lowered.find(" och ", at + 1)) {
      if (at + 5 < lowered.size() && lowered[at + 5] >= '0' && lowered[at + 5] <= '9' && at < end) end = at;
    }
    std::string phrase = trim_end(rest.substr(0, end), " ");
    // A trailing year ("studiebesök 2020") is the round's, not the fund's name.
    if (phrase.size() > 5 && phrase[phrase.size() - 5] == ' ' &&
        phrase.substr(phrase.size() - 4).find_first_not_of("0123456789") == std::string::npos)
      phrase.resize(phrase.size() - 5);
    return phrase;
  }

  bool is_budget_sentence(const std::string& lowered) const {
    return contains(lowered, "avsätts") || contains(lowered, "avsätter") || contains(lowered, " fördelar ") ||
           lowered.rfind("fördelar ", 0) == 0;
  }

  void find_funds() {
    const auto abbreviations = find_abbreviations();
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].table || lines_[i].text.empty()) continue;
      for (const auto& s : sentences_of(body_of(lines_[i].text), line_no(i))) {
        const std::string lowered = lower(s.text);
        if (!is_budget_sentence(lowered) || contains(lowered, "ansök")) continue;
        for (const auto& hit : detail::amounts_in(s.text)) {
          const std::string phrase = fund_phrase(s.text, hit.end);
          const auto keys = key_words(phrase);
          if (keys.empty()) continue;
          fund_draft* f = match_fund(keys);
          if (!f) f = &new_fund(phrase, keys, abbreviations, s, hit, i);
          f->keys.insert(keys.begin(), keys.end());
          budget_sentences_.push_back({s, hit, f->id});
        }
      }
    }
  }

  fund_draft* match_fund(const std::set<std::string>& keys) {
    fund_draft* best = nullptr;
    std::size_t best_score = 0;
    for (auto& f : funds_) {
      std::size_t score = 0;
      for (const auto& k : keys) score += f.keys.count(k);
      if (score > best_score) best_score = score, best = &f;
    }
    return best;
  }

  fund_draft& new_fund(const std::string& phrase, const std::set<std::string>& keys,
                       const std::vector<abbreviation>& abbreviations, const sentence& s, const amount_hit& hit,
                       std::size_t i) {
    fund_draft f;
    f.name = capitalised(phrase);
    f.budget = hit;
    f.line = s.line;
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
      f.id = initials.empty() ? "F" + std::to_string(funds_.size() + 1) : initials;
      while (std::any_of(funds_.begin(), funds_.end(), [&](const fund_draft& g) { return g.id == f.id; })) f.id += "2";
      f.readings.push_back({"id", "the document gives '" + phrase + "' no abbreviation: the id is made of its initials"});
    }
    f.review.push_back({"id", f.readings.back().text});
    funds_.push_back(std::move(f));
    return funds_.back();
  }

  // The funds a text names: by abbreviation ("LUM", "MUST-medel") or by the words of their names.
  std::vector<std::string> funds_in(const std::string& text) const {
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

  // All funds is written as no list.
  std::vector<std::string> as_list(std::vector<std::string> funds) const {
    return funds.size() == funds_.size() ? std::vector<std::string>{} : funds;
  }

  // --- prose ----------------------------------------------------------------------------------
  struct context {
    std::vector<std::string> funds;  // what the sentence before, on this line, named
    std::optional<statement_kind> lead_kind;
    std::optional<decision> lead_decision;
    std::vector<std::string> lead_funds;
    int lead_line = 0;
    std::string lead_words;
    enum class list_of { nothing, required, priority, projects } list = list_of::nothing;
  };

  void read_prose() {
    context ctx;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const auto& l = lines_[i];
      if (l.table || l.text.empty()) continue;
      if (is_heading(lines_, i)) {
        ctx = {};
        continue;
      }
      const bool item = is_list_item(l.text);
      // A line that begins in lower case continues the list item above it (a page break or a
      // blank line the extraction put inside a sentence).
      const bool continued = !item && !starts_upper(l.text) && ctx.list != context::list_of::nothing;
      if (continued) continue;
      if (!item) ctx.list = context::list_of::nothing, ctx.lead_kind.reset(), ctx.lead_decision.reset();
      if (item && ctx.list == context::list_of::projects) {
        prose_application(body_of(l.text), i, ctx);
        continue;
      }
      if (item && (ctx.list == context::list_of::required || ctx.list == context::list_of::priority)) {
        criterion(body_of(l.text), i, ctx);
        continue;
      }
      std::vector<std::string> line_funds;
      for (const auto& s : sentences_of(body_of(l.text), line_no(i))) {
        auto named = funds_in(s.text);
        if (!named.empty()) line_funds = named;
        if (!item) lead(s, ctx, named.empty() ? line_funds : named);
        read_sentence(s, i, named.empty() ? line_funds : named, named.empty() && !line_funds.empty(), item, ctx);
      }
    }
  }

  // A sentence that introduces a list: its kind, decision and funds pass to the items.
  void lead(const sentence& s, context& ctx, const std::vector<std::string>& funds) {
    const std::string lowered = lower(s.text);
    ctx.lead_funds = funds;
    ctx.lead_line = s.line;
    ctx.lead_words = s.text;
    ctx.lead_decision.reset();
    if (s.text.ends_with(":") && !funds.empty()) {
      if (const auto d = detail::last_decision(s.text)) {  // "Följande studiebesök föreslås beviljas:"
        ctx.list = context::list_of::projects;
        ctx.lead_decision = d->outcome;
        ctx.lead_words = d->words;
        return;
      }
    }
    if (s.text.ends_with(":") && (contains(lowered, "huvudkriteri") || contains(lowered, "ska uppfylla")))
      ctx.list = context::list_of::required;
    else if (s.text.ends_with(":") && (contains(lowered, "prioriterade områden") || contains(lowered, "inriktning")))
      ctx.list = context::list_of::priority;
  }

  std::vector<std::string> funds_or_section(const std::vector<std::string>& funds, std::size_t i) const {
    if (!funds.empty()) return funds;
    return funds_in(section_of_[i]);
  }

  void read_sentence(const sentence& s, std::size_t i, const std::vector<std::string>& funds, bool funds_from_before,
                     bool item, context& ctx) {
    const std::string lowered = lower(s.text);
    const auto amounts = detail::amounts_in(s.text);
    bool used = false;
    // Decision sentences: the budget and a granted_total statement per amount.
    for (const auto& b : budget_sentences_) {
      if (b.s.line != s.line || b.s.text != s.text) continue;
      statement_draft st;
      st.kind = statement_kind::granted_total;
      st.funds = as_list({b.fund});
      st.amount = b.hit;
      st.slug = "beviljat";
      add_statement(std::move(st), s, i);
      used = true;
    }
    if (used) return;
    const bool cap_words = contains(lowered, "högst") || contains(lowered, "högsta") || contains(lowered, "maximalt") ||
                           contains(lowered, "max ");
    if (!amounts.empty() && cap_words) {
      for (const auto& a : amounts) {
        rule_draft r;
        r.kind = rule_kind::cap_per_application;
        r.amount = a;
        r.slug = "hogsta-belopp";
        r.summary = "At most " + a.text + " may be applied for per application.";
        add_rule(std::move(r), s, i, funds_or_section(funds, i));
      }
      return;
    }
    if (!amounts.empty()) {
      std::optional<statement_kind> kind;
      if (contains(lowered, "ansök") || contains(lowered, "sökta") || contains(lowered, "inkom"))
        kind = statement_kind::requested_total;
      else if (contains(lowered, "tilldelning") || contains(lowered, "fördelning") || contains(lowered, "beviljas") ||
               contains(lowered, "beviljat") || contains(lowered, "föreslås"))
        kind = statement_kind::granted_total;
      else if (item && ctx.lead_kind && contains(lowered, "avser"))
        kind = ctx.lead_kind;
      if (kind) {
        for (const auto& a : amounts) {
          statement_draft st;
          st.kind = *kind;
          st.amount = a;
          st.slug = *kind == statement_kind::requested_total ? "ansokt" : "beviljat";
          auto named = funds;
          if (item && kind == ctx.lead_kind) {
            named = funds_in(fund_phrase(s.text, a.end));
            st.readings.push_back({"kind", "a list item under the sentence of line " + std::to_string(ctx.lead_line) +
                                               ": read as the same kind of total"});
          }
          if (funds_from_before && !item)
            st.readings.push_back({"funds", "the sentence names no fund: read as the fund of the sentence before it"});
          if (named.empty())
            st.review.push_back({"funds", "the sentence names no fund: read as a total of every fund"});
          st.funds = as_list(named);
          add_statement(std::move(st), s, i);
        }
        if (!item) ctx.lead_kind = kind;
        read_counts(s, i, funds, ctx);
        return;
      }
    }
    bool counted = read_counts(s, i, funds, ctx);
    bool ruled = read_rule_sentence(s, i, funds);
    if (!counted && !ruled) rule_like(s, i, funds);
  }

  // "De 14 ansökningarna om ...", "sex stycken ansökningar av LUM avslås", "från 10 stadsdelsförvaltningar".
  bool read_counts(const sentence& s, std::size_t i, const std::vector<std::string>& funds, context& ctx) {
    const auto words = words_of(s.text);
    bool found = false;
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (!words[k].starts_with("ansökning")) continue;
      std::size_t at = k;
      if (at >= 1 && words[at - 1] == "stycken") --at;
      if (at == 0) continue;
      const auto n = detail::count_word(words[at - 1]);
      if (!n || (at >= 2 && (words[at - 2] == "högst" || words[at - 2] == "minst"))) continue;
      const std::string rest = lower(s.text).substr(std::min(lower(s.text).size(), lower(s.text).find(words[k])));
      statement_draft st;
      st.count = *n;
      const auto d = detail::last_decision(rest);
      if (d && !contains(rest, "ansökningsperiod")) {
        st.kind = statement_kind::decision_count;
        st.of_decision = d->outcome;
        st.slug = std::string(to_string(d->outcome));
        ctx.list = context::list_of::projects;
        ctx.lead_decision = d->outcome;
        ctx.lead_words = d->words;
      } else {
        st.kind = statement_kind::application_count;
        st.slug = "antal";
      }
      if (funds.empty()) st.review.push_back({"funds", "the sentence names no fund: read as a count over every fund"});
      st.funds = as_list(funds);
      add_statement(std::move(st), s, i);
      found = true;
      break;
    }
    for (std::size_t k = 0; k + 2 < words.size(); ++k) {
      if (words[k] != "från") continue;
      const auto n = detail::count_word(words[k + 1]);
      const std::string& what = words[k + 2];
      if (!n || !(what.starts_with("stadsdelsförvaltning") || what.starts_with("förvaltning"))) continue;
      statement_draft st;
      st.kind = statement_kind::applicant_count;
      st.count = *n;
      st.slug = "sokande";
      if (what.starts_with("stadsdel")) st.applicant_kind = "district";
      st.funds = as_list(funds);
      add_statement(std::move(st), s, i);
      found = true;
      const std::size_t after = k + 3;
      const bool also = after + 1 < words.size() && (words[after] == "och" || words[after] == "samt") &&
                        (words[after + 1] == "socialförvaltningen" ||
                         (after + 2 < words.size() && words[after + 1] == "från" && words[after + 2] == "socialförvaltningen"));
      if (also) {
        statement_draft one;
        one.kind = statement_kind::applicant_count;
        one.count = 1;
        one.slug = "sokande-forvaltning";
        one.applicant_kind = "administration";
        one.funds = as_list(funds);
        one.readings.push_back({"count", "'" + words[after] + " socialförvaltningen' read as one applying förvaltning besides the districts"});
        add_statement(std::move(one), s, i);
      }
    }
    return found;
  }

  bool read_rule_sentence(const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
    const std::string lowered = lower(s.text);
    const auto dates = detail::dates_in(s.text);
    if ((contains(lowered, "ansökningsperiod") || contains(lowered, "ansökningstid")) && dates.size() >= 2 && !has_window_) {
      rule_draft r;
      r.kind = rule_kind::application_window;
      r.from = dates[0].day;
      r.to = dates[1].day;
      r.slug = "ansokningsperiod";
      r.summary = "Applications were received from " + dates[0].day.to_string() + " to " + dates[1].day.to_string() + ".";
      has_window_ = true;
      add_rule(std::move(r), s, i, {});
      return true;
    }
    if (contains(lowered, "senast") && !dates.empty() && (contains(lowered, "återbetal") || contains(lowered, "meddela")) &&
        !has_repayment_) {
      rule_draft r;
      r.kind = rule_kind::repayment_notice;
      r.to = dates[0].day;
      r.slug = "aterbetalning";
      r.summary = "Unused funds are repaid; notice of repayment by " + dates[0].day.to_string() + ".";
      r.not_encoded = "concerns the use of funds after the decision, not an application";
      has_repayment_ = true;
      add_rule(std::move(r), s, i, {});
      return true;
    }
    bool found = false;
    // "högst två ansökningar för X och högst två ansökningar för Y": one rule per part.
    for (std::size_t at = lowered.find("högst "); at != std::string::npos; at = lowered.find("högst ", at + 1)) {
      const std::size_t next = lowered.find("högst ", at + 1);
      const std::string part = s.text.substr(at, next == std::string::npos ? std::string::npos : next - at);
      const auto w = words_of(part);
      if (w.size() < 3 || !(w[2].starts_with("ansökning") || w[2].starts_with("projekt"))) continue;
      const auto n = detail::count_word(w[1]);
      if (!n) continue;
      rule_draft r;
      r.kind = rule_kind::max_granted_per_unit;
      r.count = *n;
      r.slug = "hogst-" + std::to_string(*n);
      r.summary = "Each förvaltning may be granted funds for at most " + std::to_string(*n) + " applications.";
      const auto part_funds = funds_in(part);
      if (part_funds.empty() && funds_in(s.text).size() > 1)
        r.review.push_back({"funds", "the sentence names several funds but this limit none: read as every fund"});
      add_rule(std::move(r), s, i, part_funds.empty() ? funds_or_section(funds, i) : part_funds);
      found = true;
    }
    if (found) return true;
    auto simple = [&](rule_kind kind, std::string slug, std::string summary, std::optional<std::string> not_encoded) {
      rule_draft r;
      r.kind = kind;
      r.slug = std::move(slug);
      r.summary = std::move(summary);
      r.not_encoded = std::move(not_encoded);
      add_rule(std::move(r), s, i, funds_or_section(funds, i));
      return true;
    };
    const auto words = words_of(s.text);
    const auto approved = std::adjacent_find(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
      return a.starts_with("godkän") && (contains(b, "rapport") || contains(b, "redovisning"));
    });
    if (approved != words.end())
      return simple(rule_kind::approved_report, "godkand-rapport",
                    "An approved report on last year's funds is a condition for being granted funds.", std::nullopt);
    if (contains(lowered, "beviljas inte för") || contains(lowered, "beviljas ej för") || contains(lowered, "kan inte beviljas för") ||
        contains(lowered, "beviljas inte till"))
      return simple(rule_kind::exclusion, "undantag", "What the funds are not granted for (see the quote).", std::nullopt);
    if (contains(lowered, "under förutsättning att") && contains(lowered, "verksamhetsplan"))
      return simple(rule_kind::set_aside_condition, "verksamhetsplan",
                    "Funds are granted on condition that the committee sets them aside in its verksamhetsplan.",
                    "a condition on the committee's verksamhetsplan, not on an application");
    if (contains(lowered, "prioriterats utifrån") || contains(lowered, "prioriteras utifrån") ||
        contains(lowered, "i första hand utifrån") || contains(lowered, "rangordn"))
      return simple(rule_kind::ranking, "prioritering", "The order in which the applications were assessed.",
                    "orders the applications against each other; not a condition one application meets or fails");
    return false;
  }

  // A sentence with the words of a rule that no recogniser took: kept, marked not_encoded.
  void rule_like(const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
    const std::string lowered = lower(s.text);
    const auto words = words_of(s.text);
    for (std::string_view w : {"måste", "får inte", "ska uppfylla", "ska återbetalas", "ska rapporteras", "beviljas inte",
                               "ska meddela", "villkor för", "är ett krav", "är en förutsättning", "under förutsättning",
                               "högst", "senast", "återbetalas"}) {
      if (!contains(lowered, w) || (w.find(' ') == std::string_view::npos && !has_word(words, w))) continue;
      rule_draft r;
      r.kind = rule_kind::required_criterion;
      r.slug = "regel";
      r.summary = "A sentence that reads like a rule (see the quote); the drafter recognises none of its phrasings.";
      r.not_encoded = "reads like a rule ('" + std::string(w) +
                      "') but matches none of the drafter's phrasings: a person must encode it or say why not";
      r.review.push_back({"kind", "not recognised: kind required_criterion is a placeholder, the rule is not evaluated"});
      add_rule(std::move(r), s, i, funds_or_section(funds, i));
      return;
    }
  }

  void criterion(const std::string& body, std::size_t i, const context& ctx) {
    rule_draft r;
    const bool required = ctx.list == context::list_of::required;
    r.kind = required ? rule_kind::required_criterion : rule_kind::priority_area;
    r.slug = required ? "huvudkriterium" : "prioriterat";
    r.summary = std::string(required ? "Main criterion" : "Priority area") + " (see the quote).";
    auto funds = funds_or_section(ctx.lead_funds, i);
    if (funds.empty())
      r.review.push_back({"funds", "neither the list's lead nor its heading names a fund: read as every fund"});
    add_rule(std::move(r), {body, line_no(i), 0}, i, funds);
  }

  // A project named in a prose list under a sentence that decides it ("sex stycken ansökningar
  // av LUM avslås." then "- Projektet ”BFS” bedöms ...").
  void prose_application(const std::string& body, std::size_t i, const context& ctx) {
    application_draft a;
    a.line = line_no(i);
    a.section = section_of_[i];
    const auto funds = ctx.lead_funds.empty() ? funds_in(section_of_[i]) : ctx.lead_funds;
    if (funds.size() != 1) {
      review_.push_back({a.line, "application", "a project in a prose list whose fund cannot be told: not drafted; add it by hand"});
      return;
    }
    a.fund = funds[0];
    std::string text = plain_text(body);
    std::string rest;
    const auto open = text.find_first_of("\"”“«");
    if (open != std::string::npos) {
      const std::size_t len = static_cast<unsigned char>(text[open]) < 0x80 ? 1 : (text.compare(open, 2, "«") == 0 ? 2 : 3);
      std::size_t close = std::string::npos;
      for (std::string_view q : {"\"", "”", "“", "»"}) {
        const std::size_t at = text.find(q, open + len);
        if (at != std::string::npos && at < close) close = at;
      }
      if (close != std::string::npos) {
        a.project = trim_end(text.substr(open + len, close - open - len), " ");
        rest = text.substr(close + (static_cast<unsigned char>(text[close]) < 0x80 ? 1 : text.compare(close, 2, "»") == 0 ? 2 : 3));
        a.applicant = trim_end(text.substr(0, open), " ");
        for (std::string_view word : {"projektet", "projekt"})
          if (lower(a.applicant).ends_with(word)) a.applicant.resize(a.applicant.size() - word.size());
        a.applicant = trim_end(a.applicant, " :,-");
      }
    }
    std::optional<amount_hit> amount;
    if (a.project.empty()) {
      // "Farsta: Studiebesök i Oslo, 25 000 kronor" or "Farsta – Studiebesök i Oslo (25 000 kronor)"
      const auto amounts = detail::amounts_in(text);
      std::string head = text;
      if (!amounts.empty()) {
        amount = amounts.back();
        head = trim_end(text.substr(0, amounts.back().begin), " ,(–-:");
      }
      const std::size_t colon = head.find(": ");
      const std::size_t dash = head.find(" – ") != std::string::npos ? head.find(" – ") : head.find(" - ");
      const std::size_t split = colon != std::string::npos ? colon : dash;
      if (split != std::string::npos) {
        a.applicant = head.substr(0, split);
        a.project = trim_end(head.substr(split + (split == colon ? 2 : dash == head.find(" – ") ? 5 : 3)), " ,.");
      } else {
        a.project = trim_end(head, " ,.");
      }
    }
    if (a.project.empty()) {
      review_.push_back({a.line, "application", "a list item under a decision whose project cannot be read: not drafted"});
      return;
    }
    if (rest.empty() && !amount) rest = text;
    a.reason = trim_end(std::string(rest.find_first_not_of(" ") == std::string::npos ? "" : rest.substr(rest.find_first_not_of(" "))), " ");
    a.outcome = ctx.lead_decision;
    if (ctx.lead_line != a.line)
      a.readings.push_back({"decision", "the decision word '" + ctx.lead_words + "' stands on line " +
                                            std::to_string(ctx.lead_line) + ", in the sentence that introduces the list"});
    if (a.applicant.empty())
      a.readings.push_back({"applicant", "the document names the project only, not the applying förvaltning"});
    // An amount in a rejected item, or one said to be applied for, is the request.
    const std::string before = amount ? lower(text.substr(0, amount->begin)) : "";
    if (amount && (ctx.lead_decision == decision::rejected || contains(before, "ansök") || contains(before, "sökt"))) {
      a.requested = amount->text;
      a.requested_value = amount->value;
    } else if (amount) {
      a.granted = amount->text;
      a.granted_value = amount->value;
    }
    if (ctx.lead_decision == decision::rejected && !a.granted) {
      a.granted = "0 kr";
      a.granted_value = Krona();
      a.readings.push_back({"granted", "'" + ctx.lead_words + "' (line " + std::to_string(ctx.lead_line) +
                                           ") read as no funds granted; the document prints no amount"});
    }
    prose_apps_.push_back(std::move(a));
  }

  // --- tables into applications ---------------------------------------------------------------
  void read_tables() {
    for (const auto& t : tables_) {
      auto funds = funds_in(t.section);
      if (funds.size() != 1) funds = funds_in(lines_[static_cast<std::size_t>(t.header_line - 1)].text);
      if (funds.size() != 1 && funds_.size() == 1) {
        funds = {funds_[0].id};
        review_.push_back({t.header_line, "table", "its heading names no fund: read as the round's one fund " + funds[0]});
      }
      if (funds.size() != 1) {
        review_.push_back({t.header_line, "table", "the table's heading names no single fund: its rows are not drafted"});
        continue;
      }
      const std::string& fund = funds[0];
      std::vector<std::string> notes;
      bool has_requested = false, has_granted = false, has_decision = false, has_reason = false;
      for (const auto& c : t.columns) {
        has_requested = has_requested || c.role == column_role::requested;
        has_granted = has_granted || c.role == column_role::granted;
        has_decision = has_decision || c.role == column_role::decision;
        has_reason = has_reason || c.role == column_role::reason;
        if (c.role == column_role::granted && !contains(lower(c.header), "bevilja"))
          review_.push_back({t.header_line, "table: column '" + c.header + "'", "read as the granted amount"});
      }
      if (!has_requested)
        review_.push_back({t.header_line, "table", "the table prints no requested amounts: requested left unknown"});
      for (const auto& row : t.rows) table_application(t, row, fund, has_decision, has_reason);
      for (const auto& total : t.totals) table_total(t, total, fund);
    }
  }

  void table_total(const table& t, const table_row& row, const std::string& fund) {
    for (std::size_t k = 0; k < t.columns.size() && k < row.cells.size(); ++k) {
      const auto& c = t.columns[k];
      if (c.role != column_role::requested && c.role != column_role::granted) continue;
      const auto amount = detail::cell_amount(plain_text(row.cells[k]), c.unit);
      if (!amount) continue;
      statement_draft st;
      st.kind = c.role == column_role::requested ? statement_kind::requested_total : statement_kind::granted_total;
      st.amount = amount;
      st.funds = as_list({fund});
      st.slug = c.role == column_role::requested ? "ansokt.tabell" : "beviljat.tabell";
      add_statement(std::move(st), {lines_[static_cast<std::size_t>(row.line - 1)].text, row.line, 0},
                    static_cast<std::size_t>(row.line - 1));
    }
  }

  void split_applicant(application_draft& a, const std::string& cell) {
    const std::string text = plain_text(cell);
    // The longest run of words from the start that the registry knows as a unit.
    std::size_t best = 0;
    if (options_.units) {
      std::size_t end = 0;
      for (int words = 0; words < 7; ++words) {
        end = text.find(' ', end + 1);
        const std::string prefix = trim_end(text.substr(0, end), " ,-–");
        if (find_unit(prefix)) best = prefix.size();
        if (end == std::string::npos) break;
        // A separator after a known name ends the applicant: "Farsta - Barnet ...".
        if (best > 0 && (text.compare(end, 3, " - ") == 0 || text.compare(end, 5, " – ") == 0)) break;
      }
    }
    std::size_t cut = best;
    if (best > 0 && text.compare(best, 2, " (") == 0) cut = text.find(')', best) + 1;
    if (best == 0) {
      std::size_t dash = text.find(" - ");
      if (dash == std::string::npos) dash = text.find(" – ");
      if (dash == std::string::npos) {
        a.applicant = "";
        a.project = text;
        a.readings.push_back({"applicant", "no applicant could be told from the project in '" + text + "'"});
        return;
      }
      cut = dash;
    }
    a.applicant = trim_end(text.substr(0, cut), " ,");
    std::string rest = text.substr(std::min(cut, text.size()));
    const std::size_t start = rest.find_first_not_of(" ,-–");
    // A dash is a separator only with space after it; "–" is three bytes.
    a.project = start == std::string::npos ? "" : rest.substr(start);
    if (rest.rfind(" – ", 0) == 0) a.project = rest.substr(5);
  }

  // The readings the drafter can make and mark when the registry does not know the applicant as
  // printed: co-applicants in brackets, a word the extraction split ("Socialförvaltning en"), and
  // a misspelling with exactly one near name.
  void resolve_unit(application_draft& a) {
    if (!options_.units || a.applicant.empty()) return;
    const auto& units = *options_.units;
    if (a.applicant.find(" (") != std::string::npos && resolve_with_co_applicants(a)) return;
    try {
      a.unit = units.resolve(a.applicant).id;
    } catch (const ambiguous_unit_error& e) {
      a.readings.push_back({"unit", "'" + a.applicant + "' names more than one unit (" + detail_list(e.candidates()) +
                                        "): the applicant is not certain"});
    } catch (const unknown_unit_error& e) {
      const std::string joined = join_split_words(a.applicant);
      if (joined != a.applicant) {
        if (const unit* u = find_unit(joined)) {
          a.unit = u->id;
          a.readings.push_back({"unit", "'" + a.applicant + "' read as '" + joined + "', a word split by the text extraction"});
          return;
        }
      }
      if (e.suggestions().size() == 1) {
        if (const unit* u = find_unit(e.suggestions()[0])) {
          a.unit = u->id;
          a.readings.push_back({"unit", "'" + a.applicant + "' read as a misspelling of " + e.suggestions()[0] +
                                            ", the one near name in the registry"});
          return;
        }
      }
      a.readings.push_back({"unit", "'" + a.applicant + "' is no unit the registry knows: unit left out"});
    } catch (const error&) {
      a.readings.push_back({"unit", "'" + a.applicant + "' cannot be looked up: unit left out"});
    }
  }

  // Names repeat from row to row, and a failed lookup is an exception with suggestions: each
  // spelling is looked up once.
  const unit* find_unit(const std::string& name) {
    const auto known = looked_up_.find(name);
    if (known != looked_up_.end()) return known->second;
    const unit* found = nullptr;
    try {
      found = &options_.units->resolve(name);
    } catch (const error&) {
    }
    looked_up_.emplace(name, found);
    return found;
  }

  bool resolve_with_co_applicants(application_draft& a) {
    const std::size_t open = a.applicant.find(" (");
    const unit* main = find_unit(a.applicant.substr(0, open));
    if (!main) return false;
    const std::size_t close = a.applicant.find(')', open);
    const std::string inner = a.applicant.substr(open + 2, close == std::string::npos ? std::string::npos : close - open - 2);
    std::string names = inner;
    for (std::string_view lead : {"medsökande ", "tillsammans med "})
      if (lower(names).rfind(lead, 0) == 0) names = names.substr(lead.size());
    std::vector<std::string> co;
    std::size_t from = 0;
    while (from <= names.size()) {
      const std::size_t sep = std::min(names.find(" och ", from), names.find(", ", from));
      if (const unit* u = find_unit(names.substr(from, sep == std::string::npos ? std::string::npos : sep - from)))
        co.push_back(u->id);
      if (sep == std::string::npos) break;
      from = sep + (names.compare(sep, 5, " och ") == 0 ? 5 : 2);
    }
    a.unit = main->id;
    a.co_applicants = co;
    a.readings.push_back({"co_applicants", "'" + inner + "' read as the co-applying units"});
    return true;
  }

  static std::string detail_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  // "Socialförvaltning en" → "Socialförvaltningen": a short ending the extraction split off.
  static std::string join_split_words(const std::string& text) {
    std::string out = text;
    for (std::string_view ending : {" en,", " en ", " et ", " na "}) {
      std::size_t at = out.find(ending);
      if (at != std::string::npos && at > 0 && out[at - 1] != ' ') out.erase(at, 1);
    }
    if (out.ends_with(" en")) out.erase(out.size() - 3, 1);
    return out;
  }

  void table_application(const table& t, const table_row& row, const std::string& fund, bool has_decision, bool has_reason) {
    application_draft a;
    a.fund = fund;
    a.line = row.line;
    a.section = t.section;
    std::optional<decision_hit_t> word;
    std::string decision_cell, reason_cell;
    for (std::size_t k = 0; k < t.columns.size() && k < row.cells.size(); ++k) {
      const auto& c = t.columns[k];
      const std::string text = plain_text(row.cells[k]);
      switch (c.role) {
        case column_role::applicant: a.applicant = text; break;
        case column_role::applicant_project: split_applicant(a, row.cells[k]); break;
        case column_role::project: a.project = text; break;
        case column_role::purpose: if (!text.empty()) a.purpose = text; break;
        case column_role::reason: reason_cell = text; break;
        case column_role::decision: decision_cell = text; break;
        case column_role::requested:
        case column_role::granted: {
          const bool requested = c.role == column_role::requested;
          if (text.empty() || text == "-" || text == "–") {
            a.review.push_back({requested ? "requested" : "granted", "the cell is empty: left unknown"});
            break;
          }
          const auto amount = detail::cell_amount(text, c.unit);
          if (!amount) {
            a.review.push_back({requested ? "requested" : "granted", "the cell '" + text + "' is not an amount: left unknown"});
            break;
          }
          (requested ? a.requested : a.granted) = amount->text;
          (requested ? a.requested_value : a.granted_value) = amount->value;
          break;
        }
        case column_role::other: break;
      }
    }
    if (a.project.empty() && a.applicant.empty()) return;
    if (a.project.empty()) {
      a.project = a.applicant;
      a.review.push_back({"project", "the row has no project text: the applicant's cell is used"});
    }
    a.reason = !reason_cell.empty() ? reason_cell : decision_cell;
    settle_decision(a, decision_cell, reason_cell, has_decision, has_reason);
    resolve_unit(a);
    table_apps_.push_back(std::move(a));
  }

  using decision_hit_t = detail::decision_hit;

  void settle_decision(application_draft& a, const std::string& decision_cell, const std::string& reason_cell,
                       bool has_decision, bool has_reason) {
    if (auto d = detail::leading_decision(decision_cell)) {
      a.outcome = d->outcome;
    } else if (auto in_text = detail::last_decision(decision_cell)) {
      a.outcome = in_text->outcome;
      a.readings.push_back({"decision", "the decision column's text read from its wording '" + in_text->words + "'"});
    } else if (auto bare = detail::leading_decision(reason_cell);
               bare && plain_text(reason_cell).size() <= bare->words.size() + 1) {
      a.outcome = bare->outcome;  // a bare "Till viss del" under Bedömning: the table's decision word
    } else if (auto worded = detail::last_decision(reason_cell)) {
      a.outcome = worded->outcome;
      a.readings.push_back({"decision", std::string(has_decision ? "the decision column is empty" : "the table has no decision column") +
                                            ": read from the assessment's wording '" + worded->words + "'"});
    } else if (a.granted_value) {
      a.decision_inferred = true;
      if (a.granted_value->ore() == 0) {
        a.outcome = decision::rejected;
        a.readings.push_back({"decision", "no decision word: a grant of 0 read as rejected"});
      } else if (a.requested_value && *a.granted_value < *a.requested_value) {
        a.outcome = decision::partly_granted;
        a.readings.push_back({"decision", "no decision word: a grant below the request read as partly granted"});
      } else {
        a.outcome = decision::granted;
        a.readings.push_back({"decision", "in the distribution table with an amount: read as granted"});
      }
    }
    (void)has_reason;
    if (!a.outcome) {
      a.review.push_back({"decision", "no decision word and no amount: the decision cannot be told (written as rejected)"});
      a.outcome = decision::rejected;
      a.readings.push_back({"decision", "no decision could be read: written as rejected for a person to settle"});
    }
    // The amounts may contradict the word.
    if (a.granted_value && a.requested_value && a.outcome == decision::granted && *a.granted_value < *a.requested_value)
      a.review.push_back({"decision", "'granted' but the grant is below the request"});
    if (a.granted_value && a.outcome != decision::rejected && a.granted_value->ore() == 0)
      a.review.push_back({"decision", "granted, yet the grant printed is 0"});
  }

  // The prose lists settle what the tables leave open: a project of the table named in a list
  // takes the list's decision.
  static std::string title_key(const std::string& project) {
    return trim_end(lower(plain_text(project)), " .");
  }

  void settle_from_lists() {
    for (auto& p : prose_apps_) {
      bool matched = false;
      for (auto& a : table_apps_) {
        if (a.fund != p.fund || title_key(a.project) != title_key(p.project)) continue;
        matched = true;
        if (a.outcome != p.outcome) {
          a.outcome = p.outcome;
          std::erase_if(a.readings, [](const reading& r) { return r.field == "decision"; });
          a.readings.push_back({"decision", "matched by project title to the prose's list (line " + std::to_string(p.line) +
                                                "): '" + std::string(to_string(*p.outcome)) + "'"});
        }
      }
      if (!matched) applications_.push_back(std::move(p));
    }
    // The rest of a table whose rows were read as granted stays granted: say why.
    for (auto& a : table_apps_) applications_.push_back(std::move(a));
    std::stable_sort(applications_.begin(), applications_.end(),
                     [](const application_draft& x, const application_draft& y) { return x.line < y.line; });
  }

  // --- adding entries -------------------------------------------------------------------------
  void add_statement(statement_draft st, const sentence& s, std::size_t i) {
    st.quote = s.text;
    st.line = s.line;
    st.section = section_of_[i];
    statements_.push_back(std::move(st));
  }

  void add_rule(rule_draft r, const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
    r.quote = s.text;
    r.line = s.line;
    r.section = section_of_[i];
    r.funds = as_list(funds);
    rules_.push_back(std::move(r));
  }

  // --- writing --------------------------------------------------------------------------------
  static std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (u < 0x20 || u == 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", u);
        out += buf;
      } else out += c;
    }
    return out + "\"";
  }

  static std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + toml_string(items[k]);
    return out + "]";
  }

  static std::string source(int line, const std::string& section) {
    return "{ line = " + std::to_string(line) + (section.empty() ? "" : ", section = " + toml_string(section)) + " }";
  }

  static std::string readings_of(const std::vector<reading>& readings) {
    std::string out = "[";
    for (std::size_t k = 0; k < readings.size(); ++k)
      out += (k ? ", " : "") + std::string("{ field = ") + toml_string(readings[k].field) + ", text = " +
             toml_string(readings[k].text) + " }";
    return out + "]";
  }

  // Review notes of an entry (and every reading it carries) go to the list and beside it.
  void note(std::string& out, const std::string& entry, int line, const std::vector<review_note>& notes,
            const std::vector<reading>& readings) {
    for (const auto& n : notes) {
      out += "# REVIEW: " + n.field + ": " + n.why + "\n";
      review_.push_back({line, entry + ": " + n.field, n.why});
    }
    for (const auto& r : readings) {
      out += "# REVIEW: reading of " + r.field + ": " + r.text + "\n";
      review_.push_back({line, entry + ": " + r.field, "reading: " + r.text});
    }
  }

  std::string unique(std::set<std::string>& used, std::string id) {
    std::string candidate = id;
    for (int n = 2; !used.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
    return candidate;
  }

  std::string prefix(const std::vector<std::string>& funds) const {
    std::string out = std::to_string(year_);
    if (funds.size() == 1) out += "." + funds[0];
    return out;
  }

  round_draft write() {
    std::string out;
    out += "# Drafted by `anslag draft` from " + options_.seed +
           ". Every entry marked REVIEW needs a person's check (docs/drafting.md).\n";
    // What concerns the document, a table or a list rather than one entry stands at the top.
    for (const auto& r : review_)
      out += "# REVIEW: line " + std::to_string(r.line) + ": " + r.field + ": " + r.why + "\n";
    for (const auto& r : head_review_) {
      out += "# REVIEW: " + r.field + ": " + r.why + "\n";
      review_.push_back(r);
    }
    out += "format = 1\nyear = " + std::to_string(year_) + "\n\n[document]\n";
    out += "title = " + toml_string(title_) + "\ndate = " + dated_->to_string() + "\nseed = " + toml_string(options_.seed) +
           "\ndeciding_body = " + toml_string(deciding_body_) + "\nkind = " + toml_string(kind_) + "\n";
    if (funds_.empty()) {
      out += "\n# REVIEW: no decision sentence sets an amount aside for a fund: the round has no funds\nfunds = []\n";
      review_.push_back({0, "funds", "no decision sentence sets an amount aside for a fund: the round has no funds"});
    }
    for (const auto& f : funds_) {
      out += "\n";
      note(out, "fund " + f.id, f.line, f.review, {});
      out += "[[funds]]\nid = " + toml_string(f.id) + "\nname = " + toml_string(f.name) + "\nbudget = " +
             toml_string(f.budget.text) + "\nquote = " + toml_string(f.quote) + "\nsource = " + source(f.line, f.section) + "\n";
      if (!f.readings.empty()) out += "readings = " + readings_of(f.readings) + "\n";
    }
    std::set<std::string> used;
    for (const auto& r : rules_) {
      const std::string id = unique(used, prefix(r.funds) + "." + r.slug);
      out += "\n";
      note(out, "rule " + id, r.line, r.review, {});
      out += "[[rules]]\nid = " + toml_string(id) + "\nkind = " + toml_string(to_string(r.kind)) + "\n";
      if (!r.funds.empty()) out += "funds = " + list(r.funds) + "\n";
      out += "summary = " + toml_string(r.summary) + "\n";
      if (r.amount) out += "amount = " + toml_string(r.amount->text) + "\n";
      if (r.count) out += "count = " + std::to_string(*r.count) + "\n";
      if (r.from) out += "from = " + r.from->to_string() + "\n";
      if (r.to) out += "to = " + r.to->to_string() + "\n";
      out += "quote = " + toml_string(r.quote) + "\nsource = " + source(r.line, r.section) + "\n";
      if (r.not_encoded) out += "not_encoded = " + toml_string(*r.not_encoded) + "\n";
    }
    used.clear();
    for (const auto& s : statements_) {
      const std::string id = unique(used, prefix(s.funds) + "." + s.slug + "." + std::to_string(s.line));
      out += "\n";
      note(out, "statement " + id, s.line, s.review, s.readings);
      out += "[[statements]]\nid = " + toml_string(id) + "\nkind = " + toml_string(to_string(s.kind)) + "\n";
      if (!s.funds.empty()) out += "funds = " + list(s.funds) + "\n";
      if (s.amount) out += "amount = " + toml_string(s.amount->text) + "\n";
      if (s.count) out += "count = " + std::to_string(*s.count) + "\n";
      if (s.of_decision) out += "decision = " + toml_string(to_string(*s.of_decision)) + "\n";
      if (s.applicant_kind) out += "applicant_kind = " + toml_string(*s.applicant_kind) + "\n";
      out += "quote = " + toml_string(s.quote) + "\nsource = " + source(s.line, s.section) + "\n";
      if (!s.readings.empty()) out += "readings = " + readings_of(s.readings) + "\n";
    }
    std::map<std::string, int> numbers;
    for (const auto& a : applications_) {
      const int n = ++numbers[a.fund];
      const std::string number = (n < 10 ? "0" : "") + std::to_string(n);
      const std::string id = std::to_string(year_) + "-" + a.fund + "-" + number;
      out += "\n";
      note(out, "application " + id, a.line, a.review, a.readings);
      out += "[[applications]]\nid = " + toml_string(id) + "\nfund = " + toml_string(a.fund) + "\napplicant = " +
             toml_string(a.applicant) + "\n";
      if (a.unit) out += "unit = " + toml_string(*a.unit) + "\n";
      if (!a.co_applicants.empty()) out += "co_applicants = " + list(a.co_applicants) + "\n";
      out += "project = " + toml_string(a.project) + "\n";
      if (a.purpose) out += "purpose = " + toml_string(*a.purpose) + "\n";
      if (a.requested) out += "requested = " + toml_string(*a.requested) + "\n";
      if (a.granted) out += "granted = " + toml_string(*a.granted) + "\n";
      out += "decision = " + toml_string(to_string(*a.outcome)) + "\n";
      if (!a.reason.empty()) out += "reason = " + toml_string(a.reason) + "\n";
      out += "source = " + source(a.line, a.section) + "\n";
      if (!a.readings.empty()) out += "readings = " + readings_of(a.readings) + "\n";
    }
    std::stable_sort(review_.begin(), review_.end(), [](const review_item& x, const review_item& y) { return x.line < y.line; });
    round_draft result;
    result.drafted = parse_round(out, options_.seed);
    result.text = std::move(out);
    result.review = std::move(review_);
    return result;
  }

  struct budget_sentence {
    sentence s;
    amount_hit hit;
    std::string fund;
  };

  draft_options options_;
  std::string file_;
  std::vector<line_info> lines_;
  std::vector<std::string> section_of_, heading_of_;
  std::vector<table> tables_;
  std::optional<date> dated_;
  std::string title_, deciding_body_, kind_;
  int title_line_ = 0;
  int year_ = 0;
  std::vector<review_item> head_review_;
  std::vector<fund_draft> funds_;
  std::vector<budget_sentence> budget_sentences_;
  std::vector<rule_draft> rules_;
  std::vector<statement_draft> statements_;
  std::vector<application_draft> prose_apps_, table_apps_, applications_;
  std::vector<review_item> review_;
  bool has_window_ = false, has_repayment_ = false;
  std::map<std::string, const unit*, std::less<>> looked_up_;
};

}  // namespace

round_draft draft_round(std::string_view text, const draft_options& options) {
  return drafter(text, options, options.seed).run();
}

round_draft draft_round_file(const std::filesystem::path& document, draft_options options) {
  const std::string text = read_document_text(document);
  if (options.seed.empty()) options.seed = document.filename().string();
  return drafter(text, options, document.string()).run();
}

}  // namespace anslag
