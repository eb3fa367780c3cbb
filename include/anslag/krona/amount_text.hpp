// Swedish amounts as text: the grammar of docs/amounts.md, and the canonical CLDR form.
//
//   amount    = space* [currency space*] [sign] integer [',' digit+] space* [unit] space*
//             | space* [sign] integer space* ':' dash space*   ("25 000:-", whole kronor)
//   currency  = kr | kr. | kronor | SEK | Skr                 ("SEK 25 000"; then no unit after)
//   dash      = '-' | U+2013
//   sign      = '-' | U+2212
//   integer   = digit+                                   (ungrouped)
//             | digit{1,3} (separator digit{3})+         (grouped)
//   separator = ' ' | U+00A0 | U+202F | U+2009           (one between two groups)
//   unit      = kr | kr. | kronor | SEK | Skr            (×1)
//             | tkr                                      (×1 000)
//             | mnkr | Mkr | MSEK                        (×1 000 000)
//             | mdkr                                     (×1 000 000 000)   case-insensitive
//   space     = ' ' | TAB | CR | LF | U+00A0 | U+202F | U+2009
//   digit     = '0' ... '9'                              (ASCII only)
//
// The value must come to a whole number of öre ("1,005 kr" is an error, never rounded). A point
// is refused with a message saying why: in Swedish "1.500" is ambiguous between a grouped
// fifteen hundred and a decimal one and a half.
//
// Errors: parse_error, whose message ends in " at position N" and whose position() is N, the
// 0-based index of the offending code point; overflow_error ("amount out of range") for a value
// beyond the range of Krona. docs/amounts.md lists every message.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Exceptions: parse_error with the position, overflow_error; format_amount: invalid_argument_error
// for decimals::never with öre.
// Lifetimes: values only; nothing refers into the text after the call.
#pragma once

#include <anslag/export.hpp>
#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

namespace anslag {

// Text in UTF-8; an invalid byte is an error at its position.
ANSLAG_API Krona parse_amount(std::string_view text);

// The same grammar without exceptions, in the style of std::from_chars, for bulk input: on
// success `out` is the amount and the result an empty error_code; otherwise `out` is left as it
// was and the result is errc::parse or errc::overflow (parse_amount of the same text says where
// and why). Compare with `if (auto e = anslag::parse(text, k); e == anslag::errc::parse)`.
[[nodiscard]] ANSLAG_API std::error_code parse(std::string_view text, Krona& out) noexcept;

// The same grammar over text stored one code point per element: Latin-1 bytes, UCS-2 or UCS-4
// units, the three forms in which CPython keeps a str and the form of a numpy str array. There
// is nothing to decode, so the Python batch calls parse Python's own storage without copying.
ANSLAG_API Krona parse_amount(std::span<const std::uint8_t> code_points);
ANSLAG_API Krona parse_amount(std::span<const std::uint16_t> code_points);
ANSLAG_API Krona parse_amount(std::span<const std::uint32_t> code_points);

// The unit an amount is written in. It scales the amount: 5 000 kr in tkr is "5 tkr", 5 500 kr
// "5,5 tkr"; the spelling is the one the parser reads back at the same value.
enum class amount_unit {
  none,    // no unit: kronor, "1 234,50"
  kr,      // "kr"
  kronor,  // "kronor"
  sek,     // "SEK"
  skr,     // "Skr"
  tkr,     // thousands of kronor, "tkr"
  mnkr,    // millions of kronor, "mnkr"
  mdkr,    // billions (milliarder) of kronor, "mdkr"
};

// Options of format_amount. Every set of options gives text that parse_amount reads back as the
// same amount (tests/cpp/test_amount_text.cpp checks each set): format_amount refuses, with an
// invalid_argument_error naming the option and its value, a group separator other than none or
// one of the grammar's spaces (a digit or a comma would change the number read back) and a minus
// other than '-' or U+2212 (an empty one would drop the sign).
struct amount_format {
  enum class decimals { automatic, always, never };
  std::string group_separator = "\u00A0";  // between groups of three digits: "", " ", U+00A0, U+202F, U+2009
  std::string minus = "\u2212";            // the sign of a negative amount: "-" or U+2212
  amount_unit unit = amount_unit::kr;      // written after U+00A0
  // automatic: decimals only when the amount is not whole in the unit: two for öre of kronor
  // (",50"), as many as needed and no trailing zero in tkr, mnkr, mdkr ("5,5 tkr");
  // always: at least two; never: none, and an amount that is not whole in the unit is an
  // invalid_argument_error (formatting never rounds: round first with Krona::round).
  decimals fraction = decimals::automatic;
};

// The unit's spelling ("" for none), and the unit of a spelling (exactly as to_string writes it).
ANSLAG_API std::string_view to_string(amount_unit unit) noexcept;
ANSLAG_API std::optional<amount_unit> amount_unit_from_name(std::string_view name) noexcept;

// Formats `amount`; invalid_argument_error for options outside those above, and with
// decimals::never for an amount that is not whole in the unit.
ANSLAG_API std::string format_amount(Krona amount, const amount_format& format = {});

// Appends the formatted amount to `out` (for callers that format many amounts into one buffer).
ANSLAG_API void append_amount(std::string& out, Krona amount, const amount_format& format = {});

}  // namespace anslag
