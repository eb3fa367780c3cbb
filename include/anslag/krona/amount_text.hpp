// Swedish amounts as text: the grammar of docs/amounts.md, and the canonical CLDR form.
//
//   amount    = space* [sign] integer [',' digit+] space* [unit] space*
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

#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace anslag {

// Text in UTF-8; an invalid byte is an error at its position.
Krona parse_amount(std::string_view text);

// The same grammar over text stored one code point per element: Latin-1 bytes, UCS-2 or UCS-4
// units, the three forms in which CPython keeps a str and the form of a numpy str array. There
// is nothing to decode, so the Python batch calls parse Python's own storage without copying.
Krona parse_amount(std::span<const std::uint8_t> code_points);
Krona parse_amount(std::span<const std::uint16_t> code_points);
Krona parse_amount(std::span<const std::uint32_t> code_points);

struct amount_format {
  enum class decimals { automatic, always, never };
  std::string group_separator = "\u00A0";  // between groups of three digits; "" for none
  std::string minus = "\u2212";            // the sign of a negative amount
  std::string unit = "kr";                 // written after U+00A0; "" for none
  decimals fraction = decimals::automatic; // automatic: ",50" only when there are öre
};

// Formats `amount`; with decimals::never an amount with öre is an invalid_argument_error
// (round it first: formatting never rounds).
std::string format_amount(Krona amount, const amount_format& format = {});

// Appends the formatted amount to `out` (for callers that format many amounts into one buffer).
void append_amount(std::string& out, Krona amount, const amount_format& format = {});

}  // namespace anslag
