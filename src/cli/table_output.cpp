#include "table_output.hpp"

#include <anslag/report/escape.hpp>

#include <algorithm>

namespace anslag::cli {
namespace {

// Width in code points: every amount's U+00A0 and U+2212 count as one column.
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void print_text_table(std::ostream& out, const table& data, alignment align) {
  if (data.empty()) return;
  // Every cell through the one escape: cells carry names from files (a file name, an applicant
  // of a CSV file), and a line break or an escape sequence there would forge rows or reach the
  // terminal.
  table rows;
  for (const auto& row : data) {
    rows.emplace_back();
    for (const auto& cell : row) rows.back().push_back(escape_controls(cell));
  }
  const std::size_t columns = rows.front().size();
  std::vector<std::size_t> widths(columns, 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < columns; ++c) widths[c] = std::max(widths[c], width(row[c]));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c + 1 < columns; ++c) {
      const std::string padding(widths[c] - width(row[c]), ' ');
      line += (align == alignment::numbers ? padding + row[c] : row[c] + padding) + "  ";
    }
    line += row.back();
    out << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
  }
}

void print_markdown_table(std::ostream& out, const table& rows, bool total_row, alignment align) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const bool bold = total_row && r != 0 && r + 1 == rows.size();
    out << "|";
    for (const auto& data : rows[r]) {
      const std::string cell = markdown_cell(escape_controls(data));
      out << " " << (bold && !cell.empty() ? "**" + cell + "**" : cell) << " |";
    }
    out << "\n";
    if (r == 0) {
      out << "|";
      for (std::size_t c = 0; c < rows[0].size(); ++c)
        out << (align == alignment::numbers && c + 1 < rows[0].size() ? " ---: |" : " --- |");
      out << "\n";
    }
  }
}

nlohmann::json amount_json(Krona k) { return {{"text", k.to_string()}, {"ore", k.ore()}}; }

nlohmann::json amount_json(const std::optional<Krona>& k) {
  return k ? amount_json(*k) : nlohmann::json(nullptr);
}

}  // namespace anslag::cli
