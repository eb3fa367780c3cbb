// Joining names for messages and reports: one way, so that lists read alike everywhere.
#pragma once

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

}  // namespace anslag::detail
