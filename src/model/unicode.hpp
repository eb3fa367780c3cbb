// What names are compared by, beyond case and separators: Unicode NFC (a decomposed "ö" is the
// composed one) for the Latin letters, and the invisible characters that change no letter a
// reader sees. One definition for the unit registry, the audit's keys (which use
// normalize_unit_name) and the round's validation of ids. docs/units.md states the scope.
#pragma once

#include <string>
#include <string_view>

namespace anslag::detail {

// Zero-width characters, bidirectional controls, the soft hyphen, the byte-order mark and the
// like: characters that show nothing (or only reorder what is shown). Inline, as names are
// folded a character at a time and most characters are below the first of these.
constexpr bool is_invisible(char32_t c) noexcept {
  return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
         c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) ||
         (c >= 0xE0000 && c <= 0xE0FFF);
}

// C0 and C1 control characters and DEL.
constexpr bool is_control(char32_t c) noexcept { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// `text` in single quotes for an error message, with every control or invisible character written
// \u{XXXX} and every byte that is not UTF-8 \xNN: a message never holds a NUL that cuts it, an
// escape sequence that drives a terminal or a character that hides.
std::string quoted_for_message(std::string_view text);

// The canonical composition (NFC) of `text` for the Latin letters of scripts/generate-nfc-table,
// with combining marks put in canonical order; other code points pass through unchanged.
std::u32string nfc(std::u32string text);

}  // namespace anslag::detail
