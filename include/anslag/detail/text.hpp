// Joining names for messages and reports: one way, so that lists read alike everywhere.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace anslag::detail {

// "a, b, c". A separator is written only after text, as every list in the messages has it.
inline std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ", ";
    text += item;
  }
  return text;
}

// The Levenshtein distance of two sequences (code points for names, bytes for ASCII keys): the
// suggestions of unknown names and keys.
template <typename Sequence>
std::size_t edit_distance(const Sequence& a, const Sequence& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace anslag::detail
