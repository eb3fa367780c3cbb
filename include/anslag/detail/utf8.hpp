// One UTF-8 decoder and encoder for everything that reads text byte by byte (the amount parser,
// unit-name normalisation, the round file's plain reader), so that "valid UTF-8" means one thing
// throughout.
#pragma once

#include <cstddef>
#include <string>

namespace anslag::detail {

struct utf8_decoded {
  char32_t code_point;  // meaningful only when valid
  std::size_t width;    // bytes taken: the sequence's length, or 1 for an invalid byte
  bool valid;
};

// The code point starting at p (p < end). Overlong forms, surrogates, values beyond U+10FFFF,
// stray continuation bytes and sequences cut off by `end` are invalid.
constexpr utf8_decoded decode_utf8(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char lead = *p;
  if (lead < 0x80) return {lead, 1, true};
  std::size_t continuation = 0;
  char32_t c = 0;
  if ((lead & 0xE0) == 0xC0) {
    continuation = 1;
    c = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    continuation = 2;
    c = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    continuation = 3;
    c = lead & 0x07u;
  } else {
    return {0, 1, false};
  }
  if (static_cast<std::size_t>(end - p) <= continuation) return {0, 1, false};
  for (std::size_t i = 1; i <= continuation; ++i) {
    if ((p[i] & 0xC0) != 0x80) return {0, 1, false};
    c = (c << 6) | (p[i] & 0x3Fu);
  }
  constexpr char32_t smallest[] = {0, 0x80, 0x800, 0x10000};
  if (c < smallest[continuation] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return {0, 1, false};
  return {c, continuation + 1, true};
}

// Appends code point c (a Unicode scalar value: at most U+10FFFF, no surrogate) in UTF-8.
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace anslag::detail
