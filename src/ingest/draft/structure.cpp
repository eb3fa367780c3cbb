// The document's shape before its words are read: page furniture, paragraphs joined from
// hard-wrapped lines, records of `label: value` lines, and lines that look like a table no header
// explains.
#include "drafter.hpp"

#include <unordered_map>

namespace anslag::drafting {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// "Sida 2 av 5", "Sida 2", "Page 2 of 5", "2 (5)", "- 2 -", "2/5".
bool page_number(const std::string& text) {
  if (text.size() > 24) return false;
  const auto w = words_of(text);
  if ((w.size() == 2 || w.size() == 4) && (w[0] == "sida" || w[0] == "page") && all_digits(w[1]))
    return w.size() == 2 || ((w[2] == "av" || w[2] == "of") && all_digits(w[3]));
  if (text.find_first_not_of("0123456789 ()/-\xE2\x80\x93") != std::string::npos) return false;
  if (w.size() == 2 && all_digits(w[0]) && all_digits(w[1]))
    return text == w[0] + " (" + w[1] + ")" || text == w[0] + "/" + w[1];
  return w.size() == 1 && (text == "- " + w[0] + " -" || text == "-" + w[0] + "-");
}

bool dnr_line(const std::string& text) {
  const std::string l = lower(text);
  return (l.starts_with("dnr") && l.size() > 3 && (l[3] == ' ' || l[3] == ':' || l[3] == '.')) ||
         l.starts_with("diarienummer");
}

}  // namespace

bool page_furniture(const std::string& text) { return page_number(text) || dnr_line(text); }

namespace {

bool ends_sentence(const std::string& text) {
  return !text.empty() && std::string_view(".:;!?").find(text.back()) != std::string_view::npos;
}

// "Sökt belopp: 28 000:-" → the label "Sökt belopp" and the value; an empty label when the line
// is not one: a label is short, begins with a capital and holds no digits.
std::pair<std::string, std::string> label_and_value(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 40 || !starts_upper(text)) return {};
  const std::string label = text.substr(0, colon);
  if (label.find_first_of("0123456789.,;") != std::string::npos || words_of(label).size() > 4) return {};
  const std::size_t value = text.find_first_not_of(' ', colon + 1);
  return {label, value == std::string::npos ? "" : text.substr(value)};
}

std::size_t indent(const std::string& raw) {
  const std::size_t first = raw.find_first_not_of(" \t\f");
  return first == std::string::npos ? raw.size() : first;
}

bool who_or_what(column_role role, bool who) {
  if (who) return role == column_role::applicant || role == column_role::applicant_project || role == column_role::project;
  return role == column_role::requested || role == column_role::granted || role == column_role::decision;
}

}  // namespace

void mark_furniture(std::vector<line_info>& lines, const vocabulary& words) {
  // A page break: a form feed, or a page number, alone or at the end of a head line ("Dnr ...  Sida 1 av 2").
  const auto page_mark = [&](std::size_t k) {
    if (lines[k].raw.starts_with('\f') || page_number(lines[k].text)) return true;
    const auto w = words_of(lines[k].text);
    return w.size() >= 4 && w[w.size() - 4] == "sida" && all_digits(w[w.size() - 3]) && w[w.size() - 2] == "av" &&
           all_digits(w.back());
  };
  std::vector<bool> near_page(lines.size(), false);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!page_mark(k)) continue;
    for (std::size_t n = k < 3 ? 0 : k - 3; n <= std::min(k + 3, lines.size() - 1); ++n) near_page[n] = true;
  }
  for (std::size_t k = 0; k < std::min<std::size_t>(3, lines.size()); ++k) near_page[k] = true;
  // A running head or foot: the same short line near two page breaks or more.
  std::unordered_map<std::string_view, int> near_count;
  // A table's header printed again on the next page is the table's, not furniture.
  const auto table_header = [&](const line_info& l) {
    if (const char separator = separator_of(l.raw, 2)) return application_header(columns_of(split_cells(l.raw, separator), words));
    std::vector<std::string> cells;
    for (const auto& c : split_layout(l.raw)) cells.push_back(c.text);
    return application_header(columns_of(cells, words));
  };
  const auto candidate = [&](std::size_t k) {
    const auto& l = lines[k];
    return !l.text.empty() && l.text.size() <= 100 && !ends_sentence(l.text) && detail::amounts_in(l.text).empty() &&
           !table_header(l);
  };
  // A page break no page number marks (a text without them): a running foot and the next page's
  // running head, two different lines each printed again elsewhere, within three lines of each
  // other. The end of the document is a page's foot, as its top is a page's head.
  {
    std::unordered_map<std::string_view, int> occurrences;
    for (std::size_t k = 0; k < lines.size(); ++k)
      if (candidate(k)) ++occurrences[lines[k].text];
    const auto repeated = [&](std::size_t k) { return candidate(k) && occurrences[lines[k].text] >= 2; };
    std::vector<std::size_t> marks;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (!repeated(k)) continue;
      for (std::size_t j = k + 1; j <= std::min(k + 3, lines.size() - 1); ++j)
        if (repeated(j) && lines[j].text != lines[k].text) marks.push_back(k), marks.push_back(j);
    }
    std::size_t last = lines.size();
    while (last > 0 && lines[last - 1].text.empty()) --last;
    if (last > 0) marks.push_back(last - 1);
    for (std::size_t k : marks)
      for (std::size_t n = k < 3 ? 0 : k - 3; n <= std::min(k + 3, lines.size() - 1); ++n) near_page[n] = true;
  }
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (near_page[k] && candidate(k)) ++near_count[lines[k].text];
  for (std::size_t k = 0; k < lines.size(); ++k) {
    auto& l = lines[k];
    if (l.text.empty()) continue;
    const auto count = near_count.find(l.text);
    l.furniture = page_furniture(l.text) ||
                  (near_page[k] && count != near_count.end() && count->second >= 2 && detail::amounts_in(l.text).empty());
  }
}

void drafter::join_paragraphs() {
  const auto prose = [&](const line_info& l) { return !l.text.empty() && !l.table && !l.furniture && !l.joined; };
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (!prose(lines_[i])) continue;
    std::string tail = lines_[i].text;
    for (std::size_t next = i + 1; next < lines_.size();) {
      // A page break (its furniture and the blank lines around it) may stand inside a paragraph;
      // a blank line alone ends it.
      bool blank_line = false, page_break = false;
      while (next < lines_.size() && (lines_[next].furniture || lines_[next].text.empty())) {
        blank_line = blank_line || lines_[next].text.empty();
        page_break = page_break || lines_[next].furniture;
        ++next;
      }
      if (next >= lines_.size() || (blank_line && !page_break)) break;
      const auto& n = lines_[next];
      if (!prose(n) || is_list_item(n.text) || !label_and_value(n.text).first.empty() || n.raw.starts_with('\f')) break;
      const bool goes_on = starts_lower(n.text) || (!ends_sentence(tail) && tail.size() >= 40);
      if (!goes_on) break;
      auto& first = lines_[i];
      first.text += ' ';
      first.breaks.emplace_back(first.text.size(), line_no(next));
      first.text += n.text;
      tail = n.text;
      lines_[next].joined = true;
      ++next;
    }
  }
}

std::vector<sentence> drafter::sentences_at(std::size_t i) const {
  const auto& l = lines_[i];
  const std::string body = body_of(l.text);
  const std::size_t shift = l.text.size() - body.size();
  auto out = sentences_of(body, line_no(i));
  std::size_t offset = 0, b = 0;
  int line = line_no(i);
  const auto line_at = [&](std::size_t at) {
    while (b < l.breaks.size() && l.breaks[b].first <= at) line = l.breaks[b++].second;
    return line;
  };
  for (auto& s : out) {
    const std::size_t at = body.find(s.text, offset);
    offset = at + s.text.size();
    s.line = line_at(at + shift);
    s.last_line = line_at(at + shift + (s.text.empty() ? 0 : s.text.size() - 1));
  }
  return out;
}

void drafter::find_records() {
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].table || lines_[i].furniture) continue;
    // A block: label lines one after the other; a value may go on, indented or in lower case.
    std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> block;
    std::size_t k = i;
    for (; k < lines_.size(); ++k) {
      if (lines_[k].furniture) continue;
      auto lv = label_and_value(lines_[k].text);
      if (!lv.first.empty()) {
        block.emplace_back(k, std::move(lv));
      } else if (!block.empty() && !lines_[k].text.empty() &&
                 (indent(lines_[k].raw) > indent(lines_[block.back().first].raw) || starts_lower(lines_[k].text))) {
        block.back().second.second += " " + lines_[k].text;
      } else {
        break;
      }
    }
    if (block.size() < 2) continue;
    // One record per run of labels; a label seen again begins the next.
    std::size_t begin = 0;
    const auto flush = [&](std::size_t end) {
      std::vector<std::string> labels, values;
      for (std::size_t r = begin; r < end; ++r) {
        labels.push_back(block[r].second.first);
        values.push_back(block[r].second.second);
      }
      auto columns = columns_of(labels, vocabulary_);
      const bool who = std::any_of(columns.begin(), columns.end(), [](const column& c) { return who_or_what(c.role, true); });
      const bool what = std::any_of(columns.begin(), columns.end(), [](const column& c) { return who_or_what(c.role, false); });
      if (!who || !what) return;
      table t;
      t.header_line = line_no(block[begin].first);
      t.last_line = line_no(block[end - 1].first);
      t.columns = std::move(columns);
      t.rows.push_back({t.header_line, std::move(values), {}});
      for (std::size_t r = block[begin].first; r <= block[end - 1].first; ++r) lines_[r].table = true;
      tables_.push_back(std::move(t));
    };
    std::set<std::string> seen;
    for (std::size_t r = 0; r < block.size(); ++r) {
      if (!seen.insert(lower(block[r].second.first)).second) {
        flush(r);
        begin = r;
        seen = {lower(block[r].second.first)};
      }
    }
    flush(block.size());
    i = k - 1;
  }
}

void drafter::flag_unread_tables() {
  const auto looks_tabular = [&](const line_info& l) {
    if (l.table || l.furniture || l.text.empty()) return false;
    if (separator_of(l.raw, 3) != 0) return true;
    const auto cells = split_layout(l.raw);
    return cells.size() >= 3 && std::any_of(cells.begin(), cells.end(), [](const laid_cell& c) {
             return detail::cell_amount(c.text, "kr").has_value();
           });
  };
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (!looks_tabular(lines_[i])) continue;
    std::size_t k = i;
    while (k + 1 < lines_.size() && looks_tabular(lines_[k + 1])) ++k;
    if (k > i)
      review_.push_back({line_no(i), "table",
                         "lines " + std::to_string(line_no(i)) + " to " + std::to_string(line_no(k)) +
                             " look like a table whose header is not one the drafter knows: its rows are not drafted; "
                             "add them by hand"});
    i = k;
  }
}

}  // namespace anslag::drafting
