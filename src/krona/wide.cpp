#include "wide.hpp"

namespace anslag {

std::string detail::amount_text(const wide& ore) {
  const bool negative = ore < 0;
  const std::string digits = (negative ? wide(-ore) : ore).str();
  // At least three digits, so that the last two are the öre and the rest the kronor.
  const std::string padded = std::string(digits.size() < 3 ? 3 - digits.size() : 0, '0') + digits;
  const std::string kronor = padded.substr(0, padded.size() - 2), cents = padded.substr(padded.size() - 2);
  std::string text = negative ? "\u2212" : "";
  for (std::size_t i = 0; i < kronor.size(); ++i) {
    if (i > 0 && (kronor.size() - i) % 3 == 0) text += "\u00a0";
    text += kronor[i];
  }
  return text + (cents == "00" ? "" : "," + cents) + "\u00a0kr";
}

}  // namespace anslag
