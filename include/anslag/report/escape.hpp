// The one escape of every output that shows data: the text, Markdown and HTML reports, and every
// command-line message that quotes a round file, a document or a file name.
//
// Thread safety: a pure function; any number of threads may call it at once.
// Exceptions: none but std::bad_alloc.
// Lifetimes: values.
#pragma once

#include <anslag/export.hpp>
#include <string>
#include <string_view>

namespace anslag {

// `text` with everything that would act rather than show written as a visible escape: C0
// controls (line breaks and tabs included) and DEL as \x1b, \n, \t...; C1 controls, the
// bidirectional controls (U+061C, U+200E/F, U+202A-E, U+2066-9), the line and paragraph
// separators and U+FEFF as \u202E...; a byte that is not UTF-8 as \xff. With `keep_tabs`, a tab
// stays a tab (a document's table columns).
ANSLAG_API std::string escape_controls(std::string_view text, bool keep_tabs = false);

}  // namespace anslag
