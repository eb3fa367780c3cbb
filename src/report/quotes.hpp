// The quotes a report writes, each distinct one numbered in the order of first use. A rule's
// quote is carried by every finding that cites it (anslag::shared_text), and written once per
// finding a report's size was findings × quote: 3 000 findings citing a 1 MB quote made a JSON
// report of 3 GB and an HTML page of the same (issue 25). So JSON lists each quote once and a
// finding gives its number; the text, Markdown and HTML formats write a quote of a sentence's
// length (at most `repeated_up_to` bytes) at each finding as before, and a longer one, numbered,
// at its first finding only, the later ones naming its number. Every quote is hashed once:
// findings that share one stored text are told apart by its address.
#pragma once

#include <anslag/model/shared_text.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anslag::report_detail {

class quote_numbers {
 public:
  static constexpr std::size_t repeated_up_to = 300;

  struct use {
    std::size_t number;  // from 1
    bool first;          // the quote's first use in the report
    bool in_full;        // written out here: its first use, or short enough to repeat
  };

  use of(const shared_text& quote) {
    const auto known = by_identity_.find(quote.identity());
    if (known != by_identity_.end()) return {known->second, false, quote.size() <= repeated_up_to};
    const auto [equal, added] = by_text_.emplace(std::string_view(quote.str()), texts_.size() + 1);
    by_identity_.emplace(quote.identity(), equal->second);
    if (!added) return {equal->second, false, quote.size() <= repeated_up_to};
    texts_.push_back(&quote.str());
    return {equal->second, true, true};
  }

  // Each distinct quote, in the order of their numbers.
  const std::vector<const std::string*>& texts() const noexcept { return texts_; }

 private:
  std::unordered_map<const void*, std::size_t> by_identity_;
  std::unordered_map<std::string_view, std::size_t> by_text_;  // views of texts_, which the report holds
  std::vector<const std::string*> texts_;
};

}  // namespace anslag::report_detail
