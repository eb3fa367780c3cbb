#include <anslag/ingest/source_check.hpp>

#include <anslag/ingest/document_text.hpp>
#include <anslag/model/unit.hpp>

#include "../rules/decision_bounds.hpp"
#include "draft/drafter.hpp"
#include "draft/words.hpp"

#include <algorithm>
#include <map>

namespace anslag {
namespace {

using detail::amount_hit;

// A long line (a table row of a thousand characters) shown by its first 200 bytes, cut before
// a UTF-8 continuation byte.
std::string shortened(const std::string& line) {
  if (line.size() <= 200) return line;
  std::size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + " …";
}

bool blank(const std::string& line) { return collapse_space(line).empty(); }

// ":-" after a number is the document's way of writing kronor ("25 000:-").
std::string with_kronor_sign(std::string text) {
  for (std::size_t at = text.find(":-"); at != std::string::npos; at = text.find(":-", at + 3))
    if (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9') text.replace(at, 2, " kr");
  return text;
}

// What a table column or a "Label: value" line holds, by the words of its heading or label.
// "SDF och namn på projekt" heads a column printing both: "Farsta - Barnet genom hela processen".
enum class role { none, applicant, project, applicant_and_project, requested, granted, decision };

bool has(const std::string& lowered, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return lowered.find(w) != std::string::npos; });
}

role role_of(std::string_view heading) {
  const std::string h = detail::lower(detail::plain_text(heading));
  if (h.empty()) return role::none;
  if (has(h, {"sökt", "ansök", "begär"})) return role::requested;
  if (has(h, {"beslut", "bedömning", "motivering"})) return role::decision;
  if (has(h, {"bevilja", "förslag", "tilldelat", "summa", "belopp"})) return role::granted;
  const bool applicant = has(h, {"sökande", "förvaltning", "stadsdel", "sdf"});
  const bool project = has(h, {"projekt", "aktivitet", "resmål", "studiebesök", "studieresa"});
  if (applicant && project) return role::applicant_and_project;
  if (applicant) return role::applicant;
  if (project) return role::project;
  return role::none;
}

// The unit a column's heading gives its bare numbers: "Sökt (tkr)" prints 400 for 400 000 kr.
std::string_view unit_of_heading(std::string_view heading) {
  const std::string h = detail::lower(heading);
  if (h.find("mnkr") != std::string::npos) return "mnkr";
  if (h.find("tkr") != std::string::npos) return "tkr";
  return "kr";
}

// A cell of a table line: its text and its columns (code points from the line's start; for a
// line of separated cells, its index).
struct cell {
  std::string text;
  std::size_t begin = 0, end = 0;
};

// The separator of a table line's cells as the drafter reads them (drafting::separator_of: a tab,
// '|' or ';' giving at least two cells), or 0 for a column-aligned line.
char separator_of(const std::string& line) { return drafting::separator_of(line, 2); }

std::vector<cell> cells_of(const std::string& line, char separator) {
  std::vector<cell> cells;
  if (separator) {
    // The drafter's split: a pipe table's outer bars make no cells, so cell k is column k.
    std::size_t index = 0;
    for (auto& text : drafting::split_cells(line, separator)) {
      cells.push_back({std::move(text), index, index + 1});
      ++index;
    }
    return cells;
  }
  // Column-aligned: cells are separated by two spaces or more; columns count code points.
  std::size_t column = 0, spaces = 0;
  cell current;
  bool open = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) {
      current.text += c;
      continue;
    }
    if (c == ' ') {
      ++spaces;
      if (open && spaces >= 2) {
        cells.push_back(current);
        open = false;
      } else if (open) {
        current.text += c;
      }
    } else {
      if (!open) {
        current = {std::string(), column, column};
        open = true;
      }
      spaces = 0;
      current.text += c;
      current.end = column + 1;
    }
    ++column;
  }
  if (open) cells.push_back(current);
  for (auto& c : cells) c.text = collapse_space(c.text);
  return cells;
}

// The header a cell of a column-aligned row stands under: the one it overlaps most, else the
// nearest.
std::size_t column_of(const cell& c, const std::vector<cell>& header) {
  std::size_t best = 0;
  long best_overlap = -1, best_distance = -1;
  for (std::size_t k = 0; k < header.size(); ++k) {
    const long overlap =
        static_cast<long>(std::min(c.end, header[k].end)) - static_cast<long>(std::max(c.begin, header[k].begin));
    const long distance = std::min(std::labs(static_cast<long>(c.end) - static_cast<long>(header[k].end)),
                                   std::labs(static_cast<long>(c.begin) - static_cast<long>(header[k].begin)));
    if (overlap > best_overlap ||
        (overlap <= 0 && best_overlap <= 0 && (best_distance < 0 || distance < best_distance))) {
      best = k;
      best_overlap = std::max(overlap, 0L);
      best_distance = distance;
      if (overlap > 0) best_overlap = overlap;
    }
  }
  return best;
}

// The printed fields of the cited lines by role: a table row's cells under their headings, or
// "Label: value" lines; what has no role is prose.
struct printed_fields {
  bool table = false;
  std::map<role, std::string> text;   // the cell or labelled value of each role
  std::map<role, std::string> units;  // an amount column's unit
  std::string prose;                  // the rest, white space collapsed
};

const std::string& found_or(const std::map<role, std::string>& m, role r, const std::string& otherwise) {
  const auto it = m.find(r);
  return it == m.end() ? otherwise : it->second;
}

class checker {
 public:
  checker(std::string_view text, std::string document, const unit_registry* units)
      : document_(std::move(document)), units_(units) {
    // Page furniture (running heads and feet, page numbers, Dnr lines) by the drafter's own
    // reading of it (drafting::mark_furniture), on the lines as printed.
    std::vector<drafting::line_info> lines;
    for (auto& line : document_lines(text)) {
      drafting::line_info l;
      l.text = collapse_space(line);
      l.raw = std::move(line);
      lines.push_back(std::move(l));
    }
    drafting::mark_furniture(lines, bundled_vocabulary());
    raw_.reserve(lines.size());
    furniture_.reserve(lines.size() + 1);
    furniture_.push_back(false);  // furniture_[n] is line n's, from 1
    for (auto& l : lines) {
      furniture_.push_back(l.furniture);
      raw_.push_back(with_kronor_sign(std::move(l.raw)));
    }
    find_tables();
    find_list_leads();
  }

  std::vector<source_problem> run(const grant_round& r) {
    for (std::size_t k = 0; k < r.funds.size(); ++k) check_fund(r, k);
    for (std::size_t k = 0; k < r.rules.size(); ++k) check_rule(r, k);
    for (std::size_t k = 0; k < r.statements.size(); ++k) check_statement(r, k);
    std::map<int, std::string> rows;  // a cited first line → the application citing it
    for (const auto& a : r.applications) check_application(a, rows);
    for (const auto& s : r.statements) check_decision_list(r, s);
    return std::move(problems_);
  }

 private:
  struct span {
    int first = 0, last = 0;
  };

  void problem(const std::string& entry, int line, std::string field, std::string expected, std::string found,
               const std::vector<reading>& readings = {}) {
    std::string why;
    for (const auto& r : readings)
      if (r.field == field) why += (why.empty() ? "" : "; ") + r.text;
    problems_.push_back(
        {document_, line, entry, std::move(field), std::move(expected), shortened(found), std::move(why)});
  }

  // The cited lines, or nothing after a problem (no citation, lines the document lacks, a
  // citation beginning or ending on a blank line) or for an entry that says it is derived.
  std::optional<span> cited(const std::string& entry, const source_ref& s) {
    if (!s.derived.empty()) return std::nullopt;
    if (s.line == 0) {
      problem(entry, 0, "citation", "a cited line (source.line), or why the document prints none (source.derived)",
              "no citation");
      return std::nullopt;
    }
    const long last = static_cast<long>(s.line) + s.lines - 1;
    if (last > static_cast<long>(raw_.size())) {
      problem(entry, s.line, "citation", "lines " + std::to_string(s.line) + " to " + std::to_string(last),
              "the document has " + std::to_string(raw_.size()) + " lines");
      return std::nullopt;
    }
    const span range{s.line, static_cast<int>(last)};
    if (blank(raw_[static_cast<std::size_t>(range.first - 1)]) ||
        blank(raw_[static_cast<std::size_t>(range.last - 1)])) {
      problem(entry, s.line, "citation",
              "lines " + std::to_string(range.first) + " to " + std::to_string(range.last) +
                  " that begin and end with the entry's text",
              "a blank line at an end of the citation");
      return std::nullopt;
    }
    return range;
  }

  std::string joined(span range) const {
    std::string out;
    for (int n = range.first; n <= range.last; ++n) out += raw_[static_cast<std::size_t>(n - 1)] + "\n";
    return collapse_space(out);
  }

  // Whether line `n` heads a table: it names at least two columns, one of them an amount, and
  // prints no amount itself (a row "Farsta | Projektet ... | Beviljas | 25 000" heads nothing).
  bool heads_table(int n) const {
    const std::string& text = raw_[static_cast<std::size_t>(n - 1)];
    const auto cells = cells_of(text, separator_of(text));
    if (cells.size() < 2) return false;
    int roles = 0;
    bool amount = false;
    for (const auto& c : cells) {
      if (detail::cell_amount(c.text, "kr")) return false;
      const role r = role_of(c.text);
      roles += r != role::none;
      amount = amount || r == role::requested || r == role::granted;
    }
    return roles >= 2 && amount;
  }

  // For every line, the heading of the table it is a row of (up through the rows above it), or 0;
  // once for the document, so that checking stays linear in its size. A table is read across a
  // page break, its heading not repeated, as the drafter reads it (read_layout_table,
  // read_tab_table): one of separated cells (tab, '|', ';') goes on past blank lines and page
  // furniture (drafting::mark_furniture: the drafter's own reading of running heads and feet,
  // page numbers, Dnr lines) while its rows have the heading's separators. A column-aligned one,
  // until its total row, goes on past furniture or a form feed (and the blank lines around them) at
  // a line of two cells or more, and past one blank line alone at such a line printing an amount;
  // anything else ends it. Furniture is no row of a table.
  void find_tables() {
    header_above_.assign(raw_.size() + 1, 0);
    const auto at = [&](int k) -> const std::string& { return raw_[static_cast<std::size_t>(k - 1)]; };
    const auto separators = [&](int k) {
      const std::string& line = at(k);
      const char separator = separator_of(line);
      return separator ? std::count(line.begin(), line.end(), separator) : 0;
    };
    const auto furniture = [&](int k) { return static_cast<bool>(furniture_[static_cast<std::size_t>(k)]); };
    const auto form_feed = [&](int k) { return at(k).find('\f') != std::string::npos; };
    const auto total = [&](int k) {
      const auto cells = cells_of(at(k), separator_of(at(k)));
      return !cells.empty() && drafting::is_total(detail::plain_text(cells.front().text));
    };
    int last_text = 0;        // the last line above n that is neither blank nor furniture
    bool page_break = false;  // furniture or a form feed between last_text and n
    for (int n = 2; n <= static_cast<int>(raw_.size()); ++n) {
      const int above = n - 1;
      if (!blank(at(above)) && !furniture(above)) {
        last_text = above;
        page_break = false;
      } else {
        page_break = page_break || furniture(above) || form_feed(above);
      }
      int header = 0;
      if (furniture(n) || blank(at(n))) {
        // no row
      } else if (above == last_text) {
        header = heads_table(above) ? above : header_above_[static_cast<std::size_t>(above)];
      } else if (last_text) {
        const bool new_page = page_break || form_feed(n);
        int candidate = header_above_[static_cast<std::size_t>(last_text)];
        if (!candidate && new_page && heads_table(last_text)) candidate = last_text;  // a heading at a page's foot
        if (candidate && separators(candidate) > 0) {
          if (separator_of(at(n)) == separator_of(at(candidate)) && separators(n) == separators(candidate))
            header = candidate;
        } else if (candidate && !total(last_text)) {
          // A page break without furniture is a blank line alone (a page whose text ends short of
          // its foot): there the next line goes on with the table when it prints an amount.
          const auto cells = cells_of(at(n), 0);
          const bool amount = std::any_of(cells.begin(), cells.end(),
                                          [](const cell& c) { return detail::cell_amount(c.text, "kr").has_value(); });
          if (cells.size() >= 2 && (new_page || (last_text == n - 2 && amount))) header = candidate;
        }
      }
      header_above_[static_cast<std::size_t>(n)] = header;
    }
  }

  printed_fields fields_of(span range) const {
    printed_fields out;
    if (const int header_line = header_above_[static_cast<std::size_t>(range.first)]) {
      const std::string& header_text = raw_[static_cast<std::size_t>(header_line - 1)];
      const char separator = separator_of(header_text);
      const auto header = cells_of(header_text, separator);
      out.table = true;
      for (int n = range.first; n <= range.last; ++n) {
        const auto row = cells_of(raw_[static_cast<std::size_t>(n - 1)], separator);
        for (std::size_t k = 0; k < row.size(); ++k) {
          const std::string text = detail::plain_text(row[k].text);
          if (text.empty()) continue;
          const std::size_t column = separator ? k : column_of(row[k], header);
          if (column >= header.size()) continue;
          role r = role_of(header[column].text);
          // A "Förslag" column holds the proposed grant or the proposal's decision word ("Bifall",
          // "Delvis bifall"): a cell with a decision word and no amount is the decision.
          if (r == role::granted && detail::amounts_in(text).empty() &&
              !detail::cell_amount(text, unit_of_heading(header[column].text)) &&
              detail::leading_decision(text, bundled_vocabulary().decisions))
            r = role::decision;
          if (r == role::none) {
            out.prose += (out.prose.empty() ? "" : " ") + text;
            continue;
          }
          auto& slot = out.text[r];
          slot += (slot.empty() ? "" : " ") + text;
          out.units[r] = std::string(unit_of_heading(header[column].text));
        }
      }
      return out;
    }
    for (int n = range.first; n <= range.last; ++n) {
      const std::string text = detail::plain_text(raw_[static_cast<std::size_t>(n - 1)]);
      const std::size_t colon = text.find(": ");
      const role r = colon != std::string::npos && colon < 40 ? role_of(text.substr(0, colon)) : role::none;
      if (r != role::none && !out.text.count(r) && text.substr(0, colon).find_first_of(".,") == std::string::npos) {
        out.text[r] = text.substr(colon + 2);
        out.units[r] = "kr";
      } else {
        out.prose += (out.prose.empty() ? "" : " ") + text;
      }
    }
    return out;
  }

  static bool list_item(const std::string& line) {
    const std::string t = collapse_space(line);
    return t.rfind("- ", 0) == 0 || t.rfind("* ", 0) == 0 || t.rfind("• ", 0) == 0;
  }

  // For every list item, the line of the sentence introducing its list ("Följande studiebesök
  // föreslås beviljas:", "Förslaget innebär att sex ansökningar av LUM avslås."): up past other
  // items, blank lines and an item's continuation (a line in lower case), the first other line;
  // 0 for a line that is no item. Once for the document, linear in its size.
  void find_list_leads() {
    lead_of_.assign(raw_.size() + 1, 0);
    int lead = 0;
    for (int n = 1; n <= static_cast<int>(raw_.size()); ++n) {
      const std::string& text = raw_[static_cast<std::size_t>(n - 1)];
      const std::string t = collapse_space(text);
      if (list_item(text)) {
        lead_of_[static_cast<std::size_t>(n)] = lead;
        if (lead) items_of_[lead].push_back(n);
      } else if (!t.empty() && !(t[0] >= 'a' && t[0] <= 'z')) {
        lead = n;
      }
    }
  }

  // A decision_count statement whose sentence leads a list ("Förslaget innebär att tre stycken
  // ansökningar av LUM delvis beviljas ansökta medel." over "- Projektet ”Tidigt stöd till ...”
  // bedöms kunna genomföras med en reducerad summa av ansökta medel."): its items name by title
  // the applications the sentence counts. An application of its funds whose project an item
  // names has its decision; where the list has as many items as the sentence counts, it names
  // every one, and an application of its funds with its decision that no item names is a problem.
  void check_decision_list(const grant_round& r, const statement& s) {
    if (s.kind != statement_kind::decision_count || !s.of_decision || !s.count || !s.source.derived.empty() ||
        s.source.line <= 0 || s.source.line > static_cast<int>(raw_.size()))
      return;
    const int last = std::min(static_cast<int>(raw_.size()), s.source.line + s.source.lines - 1);
    std::vector<int> items;
    for (int lead = s.source.line; lead <= last; ++lead)
      if (const auto it = items_of_.find(lead); it != items_of_.end()) items.insert(items.end(), it->second.begin(), it->second.end());
    if (items.empty()) return;
    const bool every_one = static_cast<std::int64_t>(items.size()) == *s.count;
    const std::string lead = collapse_space(raw_[static_cast<std::size_t>(s.source.line - 1)]);
    for (const auto& a : r.applications) {
      if (a.project.empty() || !a.source.derived.empty() ||
          (!s.funds.empty() && std::find(s.funds.begin(), s.funds.end(), a.fund) == s.funds.end()))
        continue;
      std::string title = detail::plain_text(a.project);
      while (!title.empty() && title.back() == '.') title.pop_back();
      if (title.empty()) continue;
      int named = 0;
      for (int item : items)
        if (detail::plain_text(raw_[static_cast<std::size_t>(item - 1)]).find(title) != std::string::npos) named = item;
      const std::string decided(to_string(*s.of_decision));
      if (named && a.outcome != *s.of_decision)
        problem("application " + a.id, a.source.line, "decision", std::string(to_string(a.outcome)),
                "named by the item of line " + std::to_string(named) + " in the list that statement " + s.id +
                    " leads (" + decided + "): " + lead,
                a.readings);
      else if (!named && every_one && a.outcome == *s.of_decision)
        problem("application " + a.id, a.source.line, "decision", decided,
                "not among the " + std::to_string(items.size()) + " projects the list that statement " + s.id +
                    " leads names: " + lead,
                a.readings);
    }
  }

  // In a list item, the decision phrase a sentence begins with, the last such: "- Farsta:
  // ”Projektet”, ansökt belopp 25 000 kr. Till viss del 20 000 kr." (last_decision does not take
  // "till viss del" or "delvis" alone in running text; at the head of an item's sentence they are
  // its decision).
  static std::optional<detail::decision_hit> leading_sentence_decision(const std::string& text) {
    std::optional<detail::decision_hit> found;
    for (std::size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 2))
      if (auto hit = detail::leading_decision(text.substr(at + 2), bundled_vocabulary().decisions)) found = hit;
    return found;
  }

  std::string list_lead(span range) const {
    const int lead = lead_of_[static_cast<std::size_t>(range.first)];
    return lead ? collapse_space(raw_[static_cast<std::size_t>(lead - 1)]) : std::string();
  }

  // An amount as printed in a cell or a label's value, in the column's unit where it prints a
  // bare number; nullopt when the text holds no one amount.
  static std::optional<Krona> amount_in_cell(const std::string& text, const std::string& unit) {
    if (const auto hit = detail::cell_amount(text, unit)) return hit->value;
    const auto hits = detail::amounts_in(text);
    if (hits.size() == 1) return hits[0].value;
    return std::nullopt;
  }

  // A cell as printed, with the unit its column gives a bare number: "400 (tkr)".
  static std::string as_printed(const std::string& cell, const std::string& unit) {
    return detail::amounts_in(cell).empty() ? cell + " (" + unit + ")" : cell;
  }

  static bool among(const std::vector<amount_hit>& hits, const Krona& value) {
    return std::any_of(hits.begin(), hits.end(), [&](const amount_hit& h) { return h.value == value; });
  }

  static std::string listed(const std::vector<amount_hit>& hits) {
    std::string out;
    for (const auto& h : hits) out += (out.empty() ? "" : ", ") + h.text;
    return out.empty() ? "no amount with its unit" : out;
  }

  // What a count counts, by the word after it ("fem ansökningar", "sex stycken ansökningar",
  // "fyra stadsdelsförvaltningar"), so that a count of applications is not the count of
  // förvaltningar printed beside it; a rule's limit is also read after its bound ("högst två
  // projekt"). The words are the bundled vocabulary's [[count]] entries (data/vocabulary/sv.toml).
  enum class counting { applications, applicants, limit };
  using count_kind = detail::count_phrase::kind;

  static bool counts(const std::string& noun, counting what) {
    const count_kind kind = what == counting::applicants ? count_kind::applicants : count_kind::applications;
    const auto& phrases = detail::bundled_count_phrases();
    return std::any_of(phrases.begin(), phrases.end(), [&](const detail::count_phrase& p) {
      return p.counts == kind && noun.find(p.phrase) != std::string::npos;
    });
  }

  // Whether the words before words[k] are a bound ("högst", "upp till").
  static bool after_bound(const std::vector<std::string>& words, std::size_t k) {
    for (const auto& p : detail::bundled_count_phrases()) {
      if (p.counts != count_kind::bound) continue;
      const auto bound = detail::words_of(p.phrase);
      if (bound.empty() || bound.size() > k) continue;
      if (std::equal(bound.begin(), bound.end(), words.begin() + static_cast<std::ptrdiff_t>(k - bound.size())))
        return true;
    }
    return false;
  }

  // The text with each word hyphenated at a line's end made whole again: the cited lines are
  // joined with a space, so "20 ansök-\nningar" reads "20 ansök- ningar", which counts as
  // "20 ansökningar". Only between lower-case letters: "Hägersten- Älvsjö" stays.
  static std::string dehyphenated(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    const auto lower_letter_ends = [](const std::string& s) {
      if (s.empty()) return false;
      const auto c = static_cast<unsigned char>(s.back());
      return (c >= 'a' && c <= 'z') || c >= 0x80;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '-' && i + 2 < text.size() && text[i + 1] == ' ' && lower_letter_ends(out) &&
          ((text[i + 2] >= 'a' && text[i + 2] <= 'z') || text.compare(i + 2, 2, "å") == 0 ||
           text.compare(i + 2, 2, "ä") == 0 || text.compare(i + 2, 2, "ö") == 0)) {
        ++i;  // drop "- "
        continue;
      }
      out += text[i];
    }
    return out;
  }

  // Whether `text` prints `count` where it counts: before the noun it counts, or, for a rule's
  // limit, after its bound; never anywhere in the sentence ("En förvaltning kan beviljas högst två
  // ansökningar" prints a 1 that counts no application).
  static bool counted(const std::string& text, std::int64_t count, counting what) {
    const auto words = detail::words_of(dehyphenated(text));
    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto n = detail::count_word(words[k]);
      if (!n || *n != count) continue;
      std::size_t noun = k + 1;
      if (noun < words.size() && words[noun] == "stycken") ++noun;
      if (noun < words.size() && counts(words[noun], what)) return true;
      if (what == counting::limit && after_bound(words, k)) return true;
    }
    return false;
  }

  // "... från 10 stadsdelsförvaltningar och socialförvaltningen": one förvaltning counted by its name.
  static bool names_one_forvaltning(const std::string& text) {
    const auto words = detail::words_of(text);
    return std::any_of(words.begin(), words.end(), [](const std::string& w) {
      constexpr std::string_view suffix = "förvaltningen";
      return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
  }

  static bool dated(const std::string& text, const calendar_date& day) {
    const auto hits = detail::dates_in(text);
    return std::any_of(hits.begin(), hits.end(), [&](const detail::date_hit& h) { return h.day == day; });
  }

  static std::string normalized(std::string_view name) {
    try {
      return normalize_unit_name(detail::plain_text(name));
    } catch (const error&) {
      return collapse_space(name);
    }
  }

  // Whether the quote stands in the cited lines; false after a problem saying it does not.
  bool quote_stands(const std::string& entry, span range, const std::string& quote) {
    const std::string text = joined(range);
    // The lines are read with ":-" as " kr" (with_kronor_sign): so is the quote.
    if (text.find(collapse_space(with_kronor_sign(quote))) != std::string::npos) return true;
    problem(entry, range.first, "quote", collapse_space(quote), text);
    return false;
  }

  // An amount recorded for a sentence: among the amounts its quote prints with their unit.
  void prose_amount(const std::string& entry, span range, const std::string& quote, std::string_view field,
                    const std::optional<Krona>& value, const std::vector<reading>& readings) {
    if (!value) return;
    const auto hits = detail::amounts_in(with_kronor_sign(quote));
    if (!among(hits, *value))
      problem(entry, range.first, std::string(field), value->to_string(), listed(hits), readings);
  }

  void check_fund(const grant_round& r, std::size_t index) {
    const fund& f = r.funds[index];
    const std::string entry = "fund " + f.id;
    for (std::size_t k = 0; k < index; ++k) {
      const fund& o = r.funds[k];
      if (o.name == f.name || (o.budget == f.budget && o.quote == f.quote && o.source == f.source))
        problem(entry, f.source.line, "citation", "a fund of its own", "the same fund as fund " + o.id);
    }
    const auto range = cited(entry, f.source);
    if (!range) return;
    if (!f.quote.empty() && !quote_stands(entry, *range, f.quote)) return;
    const printed_fields printed = fields_of(*range);
    if (printed.table)
      table_total(entry, *range, printed, role::granted, "budget", f.budget, f.readings);
    else
      prose_amount(entry, *range, f.quote.empty() ? joined(*range) : f.quote.str(), "budget", f.budget, f.readings);
  }

  // A total a table prints ("Totalt", "Summa"): the amount in the column of its role, in the
  // column's unit.
  void table_total(const std::string& entry, span range, const printed_fields& printed, role column,
                   const std::string& field, const std::optional<Krona>& recorded,
                   const std::vector<reading>& readings) {
    if (!recorded) return;
    const std::string cell = found_or(printed.text, column, std::string());
    const std::string unit = found_or(printed.units, column, "kr");
    const auto value = amount_in_cell(cell, unit);
    if (!value || *value != *recorded)
      problem(entry, range.first, field, recorded->to_string(),
              cell.empty() ? "no " + std::string(column == role::requested ? "requested" : "granted") + " column"
                           : as_printed(cell, unit),
              readings);
  }

  void check_rule(const grant_round& r, std::size_t index) {
    const rule& u = r.rules[index];
    const std::string entry = "rule " + u.id;
    for (std::size_t k = 0; k < index; ++k) {
      const rule& o = r.rules[k];
      if (o.kind == u.kind && o.funds == u.funds && o.quote == u.quote && o.amount == u.amount && o.count == u.count &&
          o.from == u.from && o.to == u.to)
        problem(entry, u.source.line, "citation", "a rule of its own", "the same rule as rule " + o.id);
    }
    const auto range = cited(entry, u.source);
    if (!range || !quote_stands(entry, *range, u.quote)) return;
    prose_amount(entry, *range, u.quote, "amount", u.amount, {});
    if (u.count && !counted(u.quote, *u.count, counting::limit))
      problem(entry, range->first, "count", std::to_string(*u.count), u.quote);
    if (u.from && !dated(u.quote, *u.from)) problem(entry, range->first, "from", u.from->to_string(), u.quote);
    if (u.to && !dated(u.quote, *u.to)) problem(entry, range->first, "to", u.to->to_string(), u.quote);
  }

  void check_statement(const grant_round& r, std::size_t index) {
    const statement& s = r.statements[index];
    const std::string entry = "statement " + s.id;
    for (std::size_t k = 0; k < index; ++k) {
      const statement& o = r.statements[k];
      if (o.kind == s.kind && o.funds == s.funds && o.amount == s.amount && o.count == s.count &&
          o.of_decision == s.of_decision && o.applicant_kind == s.applicant_kind && o.quote == s.quote)
        problem(entry, s.source.line, "citation", "a statement of its own", "the same statement as statement " + o.id);
    }
    const auto range = cited(entry, s.source);
    if (!range || !quote_stands(entry, *range, s.quote)) return;
    const printed_fields printed = fields_of(*range);
    if (printed.table) {
      const role column = s.kind == statement_kind::requested_total ? role::requested : role::granted;
      table_total(entry, *range, printed, column, "amount", s.amount, s.readings);
    } else {
      prose_amount(entry, *range, s.quote, "amount", s.amount, s.readings);
    }
    const counting what = s.kind == statement_kind::applicant_count ? counting::applicants : counting::applications;
    const bool named_one = s.kind == statement_kind::applicant_count && s.count == 1 && names_one_forvaltning(s.quote);
    if (s.count && !counted(s.quote, *s.count, what) && !named_one)
      problem(entry, range->first, "count", std::to_string(*s.count), s.quote, s.readings);
    if (s.of_decision) {
      const auto said = detail::last_decision(s.quote, bundled_vocabulary().decisions);
      if (!said || said->outcome != *s.of_decision)
        problem(entry, range->first, "decision", std::string(to_string(*s.of_decision)),
                said ? said->words : "no decision word", s.readings);
    }
  }

  void check_application(const application& a, std::map<int, std::string>& rows) {
    const std::string entry = "application " + a.id;
    const auto range = cited(entry, a.source);
    if (!range) return;
    const printed_fields printed = fields_of(*range);
    const auto [at, fresh] = rows.emplace(range->first, a.id);
    if (!fresh) problem(entry, range->first, "citation", "a line of its own", "the line of application " + at->second);
    check_name(entry, *range, printed, role::applicant, a);
    check_name(entry, *range, printed, role::project, a);
    const bool rejected_in_words = check_decision(entry, *range, printed, a);
    check_amount(entry, *range, printed, role::requested, "requested", a.requested, a.readings, false);
    check_amount(entry, *range, printed, role::granted, "granted", a.granted, a.readings,
                 rejected_in_words && a.outcome == decision::rejected);
    check_unit(entry, *range, a);
    if (a.submitted && !dated(joined(*range), *a.submitted))
      problem(entry, range->first, "submitted", a.submitted->to_string(), joined(*range), a.readings);
  }

  // An applicant or project: equal to its cell or label (after the registry's normalisation), or,
  // in prose, standing in the cited lines as printed. An empty one only with a reading saying why.
  void check_name(const std::string& entry, span range, const printed_fields& printed, role r, const application& a) {
    const std::string field = r == role::applicant ? "applicant" : "project";
    const std::string& recorded = r == role::applicant ? a.applicant : a.project;
    const std::vector<reading>& readings = a.readings;
    if (const auto both = printed.text.find(role::applicant_and_project);
        both != printed.text.end() && !recorded.empty()) {
      // One cell for both, "Farsta - Barnet genom hela processen", "Älvsjö, Älvsjö-teamet": the
      // applicant begins it, and the two with a dash or a space between make it whole.
      const std::string cell = normalized(both->second), applicant = normalized(a.applicant);
      const std::string project = normalized(a.project);
      const bool holds = r == role::applicant
                             ? cell.rfind(applicant + "-", 0) == 0 || cell.rfind(applicant + " ", 0) == 0
                             : cell == applicant + "-" + project || cell == applicant + " " + project;
      if (!holds) problem(entry, range.first, field, recorded, both->second, readings);
      return;
    }
    const auto cell = printed.text.find(r);
    if (recorded.empty()) {
      const bool explained =
          std::any_of(readings.begin(), readings.end(), [&](const reading& x) { return x.field == field; });
      if (cell != printed.text.end() || !explained)
        problem(entry, range.first, field, "\"\"",
                cell != printed.text.end() ? cell->second : "no " + field + " recorded", readings);
      return;
    }
    if (cell != printed.text.end()) {
      if (normalized(cell->second) != normalized(recorded))
        problem(entry, range.first, field, recorded, cell->second, readings);
      return;
    }
    const std::string text = detail::plain_text(joined(range));
    if (text.find(detail::plain_text(recorded)) == std::string::npos)
      problem(entry, range.first, field, recorded, text, readings);
  }

  // The unit: the one the applicant's name resolves to in the registry, where it resolves to one.
  void check_unit(const std::string& entry, span range, const application& a) {
    if (!units_ || !a.unit) return;
    try {
      const unit& named = units_->resolve(a.applicant);
      if (named.id != *a.unit)
        problem(entry, range.first, "unit", *a.unit, a.applicant + " (" + named.id + ")", a.readings);
    } catch (const error&) {
      // Unknown, ambiguous or empty: the name does not say the unit; the encoder's reading does.
    }
  }

  // The decision: the decision column's or label's word, else the last decision phrase of the
  // cited lines, else that of the sentence introducing the list the lines are an item of. True when
  // the words found say the application is rejected.
  bool check_decision(const std::string& entry, span range, const printed_fields& printed, const application& a) {
    std::optional<detail::decision_hit> said;
    if (const auto cell = printed.text.find(role::decision); cell != printed.text.end()) {
      said = detail::leading_decision(cell->second, bundled_vocabulary().decisions);
      if (!said) said = detail::last_decision(cell->second, bundled_vocabulary().decisions);
    }
    if (!said) said = detail::last_decision(printed.prose, bundled_vocabulary().decisions);
    if (!said && list_item(raw_[static_cast<std::size_t>(range.first - 1)])) said = leading_sentence_decision(printed.prose);
    if (!said) said = detail::last_decision(list_lead(range), bundled_vocabulary().decisions);
    if (!said && printed.table) {
      // A table that prints no decision word, only amounts: the decision is the one the printed
      // grant bears out by the reading of the decision words the audit uses
      // (rules_detail::bounds_by_decision): with the request printed beside it, granted is a grant
      // equal to it, partly granted one above 0 and below it, rejected 0; with the grant alone
      // (the proposal's distribution), granted in full or in part is above 0 (which, the row does
      // not say) and rejected 0.
      const auto cell = printed.text.find(role::granted);
      const auto value = cell == printed.text.end()
                             ? std::nullopt
                             : amount_in_cell(cell->second, found_or(printed.units, role::granted, "kr"));
      if (value) {
        const auto asked = printed.text.find(role::requested);
        application as_printed_row = a;
        as_printed_row.granted = *value;
        as_printed_row.requested = asked == printed.text.end()
                                       ? std::nullopt
                                       : amount_in_cell(asked->second, found_or(printed.units, role::requested, "kr"));
        const rules_detail::decision_bounds bounds = rules_detail::bounds_by_decision(as_printed_row, false);
        const detail::wide grant = value->ore();
        const bool holds = bounds.exact ? grant == bounds.least
                                        : grant >= bounds.least && (!bounds.most || grant <= *bounds.most);
        if (!holds)
          problem(entry, range.first, "decision", std::string(to_string(a.outcome)),
                  "granted " + cell->second +
                      (as_printed_row.requested ? " of " + asked->second + " requested" : std::string()) +
                      " in a table without a decision column" +
                      (bounds.reading.empty() ? std::string() : ": " + std::string(bounds.reading)),
                  a.readings);
        return value->ore() == 0;
      }
    }
    if (!said || said->outcome != a.outcome) {
      problem(entry, range.first, "decision", std::string(to_string(a.outcome)),
              said ? said->words : "no decision word in the cited lines or the list's lead", a.readings);
      return false;
    }
    return said->outcome == decision::rejected;
  }

  // A requested or granted amount: in the column or under the label of its role, in the unit the
  // column prints; in prose, among the amounts printed with their unit that no word gives the
  // other role ("ansökan om 25 000 kronor" is requested). A granted 0 kr that no line prints
  // stands when the decision words say rejected.
  void check_amount(const std::string& entry, span range, const printed_fields& printed, role r,
                    const std::string& field, const std::optional<Krona>& recorded,
                    const std::vector<reading>& readings, bool zero_by_rejection) {
    const auto cell = printed.text.find(r);
    if (cell != printed.text.end()) {
      const std::string unit = found_or(printed.units, r, "kr");
      const auto value = amount_in_cell(cell->second, unit);
      if (!recorded) {
        if (value) problem(entry, range.first, field, "no amount", as_printed(cell->second, unit), readings);
        return;
      }
      if (!value || *value != *recorded)
        problem(entry, range.first, field, recorded->to_string(), as_printed(cell->second, unit), readings);
      return;
    }
    if (!recorded) return;
    std::vector<amount_hit> candidates;
    for (const auto& hit : detail::amounts_in(printed.prose)) {
      std::string before = detail::lower(
          printed.prose.substr(hit.begin >= 30 ? hit.begin - 30 : 0, std::min<std::size_t>(hit.begin, 30)));
      // Only the words of the amount's own sentence: "ansökt belopp 439 tkr. Bifall 439 tkr."
      // grants the second 439 tkr.
      if (const std::size_t stop = before.rfind(". "); stop != std::string::npos) before.erase(0, stop + 2);
      const bool requested_word = has(before, {"ansökan om", "sökt", "ansökt", "söker", "begär"});
      const bool granted_word = has(before, {"bevilja", "tilldela", "föreslås", "förslag"});
      if ((r == role::requested && !granted_word) || (r == role::granted && !requested_word)) candidates.push_back(hit);
    }
    if (among(candidates, *recorded)) return;
    if (candidates.empty() && zero_by_rejection && recorded->ore() == 0) return;
    problem(entry, range.first, field, recorded->to_string(),
            printed.table ? "no " + field + " column" : listed(candidates), readings);
  }

  std::string document_;
  const unit_registry* units_;
  std::vector<std::string> raw_;
  std::vector<bool> furniture_;    // line → whether it is page furniture (drafting::mark_furniture)
  std::vector<int> header_above_;  // line → its table's heading line, or 0
  std::vector<int> lead_of_;       // line → the line leading its list, or 0
  std::map<int, std::vector<int>> items_of_;  // a list's leading line → its items' lines
  std::vector<source_problem> problems_;
};

}  // namespace

std::vector<source_problem> check_sources(const grant_round& r, std::string_view text, const std::string& document,
                                          const unit_registry* units) {
  return checker(text, document, units).run(r);
}

std::vector<source_problem> check_sources(const grant_round& r, const std::filesystem::path& document,
                                          const unit_registry* units) {
  return check_sources(r, read_document_text(document), document.string(), units);
}

std::string describe(const source_problem& p) {
  return p.entry + ": " + p.field + ": recorded " + p.expected + "; printed: " + p.found +
         (p.reading.empty() ? "" : " (reading: " + p.reading + ")");
}

std::vector<derived_entry> derived_entries(const grant_round& r) {
  std::vector<derived_entry> out;
  for (const auto& f : r.funds)
    if (!f.source.derived.empty()) out.push_back({"fund " + f.id, f.source.derived});
  for (const auto& u : r.rules)
    if (!u.source.derived.empty()) out.push_back({"rule " + u.id, u.source.derived});
  for (const auto& s : r.statements)
    if (!s.source.derived.empty()) out.push_back({"statement " + s.id, s.source.derived});
  for (const auto& a : r.applications)
    if (!a.source.derived.empty()) out.push_back({"application " + a.id, a.source.derived});
  return out;
}

}  // namespace anslag
