// Output shared by the commands that print amounts in rows: aligned text and Markdown tables,
// and amounts in JSON as the canonical Swedish text with the integer öre (never a float).
#pragma once

#include <anslag/krona/krona.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace anslag::cli {

using table = std::vector<std::vector<std::string>>;  // the first row is the header

// How a table aligns its columns: rows of amounts right-aligned but for the last column, or words
// (names, dates) left-aligned.
enum class alignment { numbers, words };

// Columns separated by two spaces, aligned by `align` (no trailing spaces). Every cell goes
// through escape_controls (and in Markdown, markdown_cell).
void print_text_table(std::ostream& out, const table& rows, alignment align = alignment::numbers);

// A Markdown table aligned by `align`; the last row in bold when `total_row`.
void print_markdown_table(std::ostream& out, const table& rows, bool total_row,
                          alignment align = alignment::numbers);

// A Markdown table cell's text: a `|` would end the cell and forge a column of its own, so it
// is escaped (and a backslash with it). Data passes escape_controls first, so that no line break
// can forge a row; print_markdown_table does both for every cell it prints.
std::string markdown_cell(const std::string& text);

// {"text": "1 234,50 kr", "ore": 123450}; null for an unknown amount.
nlohmann::json amount_json(Krona k);
nlohmann::json amount_json(const std::optional<Krona>& k);

}  // namespace anslag::cli
