// anslag/model/shared_text.hpp: text that many values hold, stored once.
//
// A rule's or a statement's quote is carried by every finding that cites it. As a std::string
// each finding copied it: a 1 MB quote cited by 3 000 findings took 3 GB (issue 25). A
// shared_text is one immutable string that every copy shares; it reads as a const std::string&.
// Threads: copies may be used from several threads at once (the string never changes; the count
// of holders is atomic).
#pragma once

#include <anslag/error.hpp>

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace anslag {

class shared_text {
 public:
  shared_text() = default;
  // Implicit, so that a quote is set from text as before: `rule.quote = "…"`.
  shared_text(std::string text)  // NOLINT(google-explicit-constructor)
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  shared_text(const char* text) : shared_text(std::string(text)) {}  // NOLINT(google-explicit-constructor)

  // The text, valid while this copy lives (another copy may be the text's last holder): so not
  // of a temporary, whose text could end with it.
  const std::string& str() const& noexcept { return text_ ? *text_ : empty_text(); }
  const std::string& str() const&& = delete;
  operator const std::string&() const& noexcept { return str(); }  // NOLINT(google-explicit-constructor)
  operator const std::string&() const&& = delete;
  operator std::string_view() const& noexcept { return str(); }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const&& = delete;

  bool empty() const noexcept { return !text_; }
  std::size_t size() const noexcept { return str().size(); }

  // Whether both hold the one stored text, not only equal ones (what lets a report write a
  // quote once for all the findings that cite it).
  bool shares(const shared_text& other) const noexcept { return text_ && text_ == other.text_; }
  // The stored text's address, the same for every copy; nullptr when empty.
  const void* identity() const noexcept { return text_.get(); }

  friend bool operator==(const shared_text& a, const shared_text& b) noexcept {
    return a.text_ == b.text_ || a.str() == b.str();
  }
  friend std::ostream& operator<<(std::ostream& out, const shared_text& t) { return out << t.str(); }

 private:
  static const std::string& empty_text() noexcept {
    static const std::string empty;
    return empty;
  }

  std::shared_ptr<const std::string> text_;  // nullptr: the empty text
};

}  // namespace anslag
