// Tables: finding them and reading their rows, tab-separated or column-aligned.
#include "drafter.hpp"

namespace anslag::drafting {

column_role role_of(const std::string& header, const vocabulary& words) {
  const std::string h = lower(plain_text(header));
  const auto header_words = words_of(h);
  const auto says = [&](std::string_view role) {
    return std::any_of(words.columns.begin(), words.columns.end(), [&](const column_phrase& c) {
      return c.role == role && (c.whole_word ? has_word(header_words, c.phrase) : contains(h, c.phrase));
    });
  };
  const bool applicant = says("applicant"), project = says("project");
  if (applicant && project) return column_role::applicant_project;
  if (says("requested")) return column_role::requested;
  if (says("decision")) return column_role::decision;
  if (says("granted")) return column_role::granted;
  if (says("reason")) return column_role::reason;
  if (project) return column_role::project;
  if (says("purpose")) return column_role::purpose;
  if (applicant) return column_role::applicant;
  return column_role::other;
}

std::string unit_of_header(const std::string& header) {
  const std::string h = lower(header);
  if (contains(h, "mnkr") || contains(h, "mkr") || contains(h, "miljoner")) return "mnkr";
  if (contains(h, "tkr") || contains(h, "tusental")) return "tkr";
  return "kr";
}

namespace {

// A total's first words: "Totalt", "Summa", "Summa totalt", "Totalt:".
bool total_word(const std::string& w) {
  return w == "totalt" || w == "summa" || w == "total" || w == "sammanlagt" || w == "totalsumma";
}

}  // namespace

bool is_total(const std::string& cell) {
  const auto w = words_of(plain_text(cell));
  if (w.empty() || w.size() > 2 || !total_word(w[0])) return false;
  return w.size() == 1 || w[1] == "totalt" || w[1] == "summa" || w[1] == "kr" || w[1] == "kronor";
}

bool is_subtotal(const std::string& cell) {
  const auto w = words_of(plain_text(cell));
  if (w.empty()) return false;
  if (w[0] == "delsumma" || w[0] == "delsummor" || w[0] == "subtotal" || w[0] == "delsummering") return true;
  return total_word(w[0]) && !is_total(cell) && w.size() <= 4;
}

std::vector<std::string> split_cells(const std::string& raw, char separator) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = raw.find(separator, start);
    cells.push_back(raw.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  if (separator == '|') {  // "| a | b |": the outer bars open and close the row
    if (!cells.empty() && collapse_space(cells.front()).empty()) cells.erase(cells.begin());
    if (!cells.empty() && collapse_space(cells.back()).empty()) cells.pop_back();
    for (auto& c : cells) c = collapse_space(c);
  }
  return cells;
}

char separator_of(const std::string& raw, std::size_t cells) {
  for (char separator : {'\t', '|', ';'}) {
    const auto n = static_cast<std::size_t>(std::count(raw.begin(), raw.end(), separator));
    if (n + 1 >= cells && split_cells(raw, separator).size() >= cells) return separator;
  }
  return 0;
}

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
    // U+00A0 counts as a space: a run of them is a column gap, one of them a digit group's separator.
    if (raw[i] == ' ' || raw[i] == '\f' || raw.compare(i, 2, "\u00A0") == 0) {
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

std::vector<column> columns_of(const std::vector<std::string>& headers, const vocabulary& words) {
  std::vector<column> columns;
  for (const auto& h : headers) {
    column c;
    c.header = plain_text(h);
    c.role = role_of(h, words);
    c.unit = unit_of_header(h);
    columns.push_back(c);
  }
  return columns;
}

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

void drafter::find_tables() {
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].table || lines_[i].furniture) continue;
    const std::string& raw = lines_[i].raw;
    if (const char separator = separator_of(raw, 2)) {
      auto columns = columns_of(split_cells(raw, separator), vocabulary_);
      if (application_header(columns)) {
        i = read_tab_table(i, std::move(columns), separator);
        continue;
      }
    }
    const auto cells = split_layout(raw);
    if (cells.size() < 2) continue;
    std::vector<std::string> headers;
    for (const auto& c : cells) headers.push_back(c.text);
    auto columns = columns_of(headers, vocabulary_);
    if (!application_header(columns)) continue;
    for (std::size_t k = 0; k < cells.size(); ++k) columns[k].begin = cells[k].begin, columns[k].end = cells[k].end;
    i = read_layout_table(i, std::move(columns));
  }
}

namespace {

// A header printed again on a new page: every cell the header's.
bool repeats_header(const table& t, const std::vector<std::string>& cells) {
  std::size_t same = 0;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const std::string c = lower(plain_text(cells[k]));
    if (c.empty()) continue;
    if (k >= t.columns.size() || c != lower(t.columns[k].header)) return false;
    ++same;
  }
  return same >= 2;
}

// After a total, the header of the next table (a header holds no amounts) ends this one.
bool next_header(const table& t, const std::vector<std::string>& cells, const vocabulary& words) {
  if (t.totals.empty() || !application_header(columns_of(cells, words))) return false;
  return std::none_of(cells.begin(), cells.end(), [](const std::string& c) { return detail::cell_amount(plain_text(c), "kr").has_value(); });
}

bool amount_role(column_role role) { return role == column_role::requested || role == column_role::granted; }

// A pipe table's rule under the header: "|---|:---:|".
bool rule_line(const std::string& raw) {
  return raw.find('-') != std::string::npos && raw.find_first_not_of("|-: \t") == std::string::npos;
}

}  // namespace

void drafter::add_row(table& t, table_row row) {
  const auto first = std::find_if(row.cells.begin(), row.cells.end(),
                                  [](const std::string& c) { return !plain_text(c).empty(); });
  if (first == row.cells.end() || repeats_header(t, row.cells)) return;
  const std::string label = plain_text(*first);
  if (is_subtotal(label)) {
    review_.push_back({row.line, "table", "a subtotal row ('" + label +
                                              "'): neither an application nor the fund's total; not drafted"});
    return;
  }
  if (is_total(label)) {
    if (!t.totals.empty()) {
      review_.push_back({row.line, "table", "a second total row (the first is on line " +
                                                std::to_string(t.totals.front().line) +
                                                "): not drafted; a person must tell which total the document means"});
      return;
    }
    t.totals.push_back(std::move(row));
    return;
  }
  if (!t.totals.empty())
    row.notes.push_back({"table", "the row stands after the table's total row (line " + std::to_string(t.totals.front().line) +
                                      "): check that it belongs to the table and to its total"});
  t.rows.push_back(std::move(row));
}

std::size_t drafter::read_tab_table(std::size_t header, std::vector<column> columns, char separator) {
  table t;
  t.header_line = line_no(header);
  t.columns = std::move(columns);
  lines_[header].table = true;
  std::size_t i = header + 1;
  for (; i < lines_.size(); ++i) {
    const std::string& raw = lines_[i].raw;
    if (lines_[i].text.empty() || lines_[i].furniture) continue;
    if (raw.find(separator) == std::string::npos || next_header(t, split_cells(raw, separator), vocabulary_)) break;
    lines_[i].table = true;
    if (separator == '|' && rule_line(raw)) continue;
    table_row row{line_no(i), split_cells(raw, separator), {}};
    row.cells.resize(std::max(row.cells.size(), t.columns.size()));
    // A merged applicant cell: the row goes on under the applicant of the row above.
    if (plain_text(row.cells[0]).empty() && !t.rows.empty() && t.totals.empty() &&
        std::any_of(row.cells.begin() + 1, row.cells.end(), [](const std::string& c) { return !plain_text(c).empty(); })) {
      const auto& above = t.rows.back();
      if (t.columns[0].role == column_role::applicant) {
        row.cells[0] = above.cells[0];
        row.notes.push_back({"applicant", "the applicant's cell is empty (merged with the row above, line " +
                                              std::to_string(above.line) + "): its applicant is taken"});
      } else {
        row.notes.push_back({"applicant", "the row's first cell is empty: check whose row it is"});
      }
    }
    add_row(t, std::move(row));
  }
  tables_.push_back(std::move(t));
  return i - 1;
}

std::size_t drafter::read_layout_table(std::size_t header, std::vector<column> columns) {
  table t;
  t.header_line = line_no(header);
  t.columns = std::move(columns);
  lines_[header].table = true;
  std::size_t blanks = 0;
  bool last_total = false;  // the row a wrapped line continues is the total
  std::size_t i = header + 1;
  for (; i < lines_.size(); ++i) {
    if (lines_[i].furniture) {  // a page break: the blank lines around its furniture are the pages' margins
      blanks = 0;
      continue;
    }
    if (lines_[i].text.empty()) {
      // A blank line after the total ends the table; elsewhere two do.
      if (++blanks >= 2 || !t.totals.empty()) break;
      continue;
    }
    const auto cells = split_layout(lines_[i].raw);
    // Prose after the table: one long run of text from the left margin.
    if (cells.size() == 1 && cells[0].begin <= t.columns[0].begin + 1 && cells[0].text.size() > 70) break;
    std::vector<std::string> texts;
    for (const auto& c : cells) texts.push_back(c.text);
    if (next_header(t, texts, vocabulary_)) break;
    blanks = 0;
    lines_[i].table = true;
    std::vector<std::string> row_cells(t.columns.size());
    std::vector<std::size_t> placed;
    for (const auto& c : cells) placed.push_back(column_for(t.columns, c));
    // A row the extraction set apart from its header's columns (the first row of a new page, laid
    // out on its own: "Totalt   kr 1 128 000   kr 710 000"): an amount placed under a column of
    // text, or two under one column. Its amounts, in order, are the amount columns', when it prints no more of them.
    std::vector<std::size_t> amount_columns, amount_cells;
    bool misplaced = false;
    for (std::size_t k = 0; k < t.columns.size(); ++k)
      if (amount_role(t.columns[k].role)) amount_columns.push_back(k);
    std::set<std::size_t> filled;  // two amounts under one column are misplaced too
    for (std::size_t c = 1; c < cells.size(); ++c) {
      // An amount in any amount column's unit ("1 603,501" under "Beviljat (tkr)").
      if (!detail::cell_amount(cells[c].text, t.columns[placed[c]].unit) &&
          std::none_of(amount_columns.begin(), amount_columns.end(), [&](std::size_t k) {
            return detail::cell_amount(cells[c].text, t.columns[k].unit).has_value();
          }))
        continue;
      amount_cells.push_back(c);
      misplaced = misplaced || !amount_role(t.columns[placed[c]].role) || !filled.insert(placed[c]).second;
    }
    if (misplaced && cells.size() == t.columns.size()) {
      // A cell for every column: the row is read in order, cell by cell.
      for (std::size_t c = 0; c < cells.size(); ++c) placed[c] = c;
      review_.push_back({line_no(i), "table", "the row's cells do not stand under the header's columns: its " +
                                                  std::to_string(cells.size()) + " cells read in order as the " +
                                                  std::to_string(t.columns.size()) + " columns"});
    } else if (misplaced && !amount_cells.empty() && amount_cells.size() <= amount_columns.size()) {
      for (std::size_t n = 0; n < amount_cells.size(); ++n) placed[amount_cells[n]] = amount_columns[n];
      review_.push_back({line_no(i), "table", "the row's cells do not stand under the header's columns: its " +
                                                  std::to_string(amount_cells.size()) +
                                                  " amounts read, in order, as the table's amount columns"});
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      auto& slot = row_cells[placed[c]];
      slot += (slot.empty() ? "" : " ") + cells[c].text;
    }
    if (repeats_header(t, row_cells)) continue;
    const bool starts_row = !row_cells[0].empty();
    if (!starts_row && (!t.rows.empty() || !t.totals.empty())) {
      table_row& above = last_total ? t.totals.back() : t.rows.back();
      // A row of its own prints an amount under every amount column the row above fills.
      bool own_amounts = false, all_amounts = true;
      for (std::size_t k = 0; k < row_cells.size(); ++k) {
        if (!amount_role(t.columns[k].role) || plain_text(above.cells[k]).empty()) continue;
        own_amounts = own_amounts || !row_cells[k].empty();
        all_amounts = all_amounts && !row_cells[k].empty();
      }
      if (own_amounts && all_amounts && !last_total && t.columns[0].role == column_role::applicant) {
        // A merged applicant cell: a row of its own under the applicant above.
        row_cells[0] = above.cells[0];
        table_row row{line_no(i), std::move(row_cells), {}};
        row.notes.push_back({"applicant", "the applicant's cell is empty (merged with the row above, line " +
                                              std::to_string(above.line) + "): its applicant is taken"});
        add_row(t, std::move(row));
        continue;
      }
      // A wrapped cell continues the row above; a number under an amount the row has is not added to it.
      for (std::size_t k = 0; k < row_cells.size(); ++k) {
        if (row_cells[k].empty()) continue;
        if (amount_role(t.columns[k].role) && !plain_text(above.cells[k]).empty()) {
          above.notes.push_back({t.columns[k].role == column_role::requested ? "requested" : "granted",
                                 "line " + std::to_string(line_no(i)) + " prints '" + row_cells[k] + "' under '" +
                                     t.columns[k].header + "' below the row's amount: not added to it"});
          continue;
        }
        above.cells[k] += (above.cells[k].empty() ? "" : " ") + row_cells[k];
        above.last_line = line_no(i);
      }
      continue;
    }
    const std::size_t totals = t.totals.size();
    add_row(t, {line_no(i), std::move(row_cells), {}});
    last_total = t.totals.size() > totals;
  }
  tables_.push_back(std::move(t));
  return i - 1;
}

void drafter::settle_column_roles(table& t) {
  // A column whose header reads as an amount ("Förslag", "Summa") but whose cells are decision
  // words and no amounts ("Delvis bifall", "Avslag") is the table's decision column.
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    if (!amount_role(t.columns[k].role)) continue;
    std::size_t filled = 0, decisions = 0;
    for (const auto& row : t.rows) {
      if (k >= row.cells.size()) continue;
      const std::string text = plain_text(row.cells[k]);
      if (text.empty() || text == "-" || text == "\xE2\x80\x93") continue;
      ++filled;
      if (!detail::amounts_in(text).empty() || detail::cell_amount(text, t.columns[k].unit)) break;
      if (detail::leading_decision(text, vocabulary_.decisions)) ++decisions;
    }
    if (filled == 0 || decisions != filled) continue;
    t.columns[k].role = column_role::decision;
    review_.push_back({t.header_line, "table: column '" + t.columns[k].header + "'",
                       "its cells are decision words, not amounts: read as the decision column"});
  }
  for (column_role role : {column_role::requested, column_role::granted, column_role::decision}) {
    std::vector<std::size_t> of_role;
    for (std::size_t k = 0; k < t.columns.size(); ++k)
      if (t.columns[k].role == role) of_role.push_back(k);
    if (of_role.size() < 2) continue;
    const auto pick = [&](auto&& keep) {
      std::vector<std::size_t> kept;
      for (std::size_t k : of_role)
        if (keep(lower(t.columns[k].header))) kept.push_back(k);
      return kept;
    };
    const std::string year = std::to_string(year_);
    auto kept = pick([&](const std::string& h) { return year_ != 0 && contains(h, year); });
    if (kept.size() != 1)
      kept = pick([](const std::string& h) {
        return !contains(h, "förra") && !contains(h, "föregående") && !contains(h, "tidigare") && !contains(h, "fg ");
      });
    std::string names;
    for (std::size_t k : of_role) names += (names.empty() ? "'" : ", '") + t.columns[k].header + "'";
    for (std::size_t k : of_role) {
      if (kept.size() == 1 && kept[0] == k) continue;
      t.columns[k].role = column_role::other;
      review_.push_back({t.header_line, "table: column '" + t.columns[k].header + "'",
                         "one of the columns " + names + " that read alike: " +
                             (kept.size() == 1 ? "the column '" + t.columns[kept[0]].header + "' is read instead"
                                               : std::string("neither is read; their cells are left unknown"))});
    }
  }
}

}  // namespace anslag::drafting
