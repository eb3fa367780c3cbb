// Tables: finding them and reading their rows, tab-separated or column-aligned.
#include "drafter.hpp"

namespace anslag::drafting {

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

std::size_t drafter::read_tab_table(std::size_t header, std::vector<column> columns) {
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

std::size_t drafter::read_layout_table(std::size_t header, std::vector<column> columns) {
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

}  // namespace anslag::drafting
