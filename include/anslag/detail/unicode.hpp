// What names are compared by, beyond case and separators: Unicode NFC (a decomposed "ö" is the
// composed one) for the Latin letters, and the invisible characters that change no letter a
// reader sees. One definition for the unit registry, the audit's keys (which use
// normalize_unit_name) and the round's validation of ids. docs/units.md states the scope.
#pragma once

#include <string>

namespace anslag::detail {

// Zero-width characters, bidirectional controls, the soft hyphen, the byte-order mark and the
// like: characters that show nothing (or only reorder what is shown).
bool is_invisible(char32_t c) noexcept;

// C0 and C1 control characters and DEL.
constexpr bool is_control(char32_t c) noexcept { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// The canonical composition (NFC) of `text` for the Latin letters of scripts/generate-nfc-table,
// with combining marks put in canonical order; other code points pass through unchanged.
std::u32string nfc(const std::u32string& text);

}  // namespace anslag::detail
