#include "unicode.hpp"

#include <anslag/detail/utf8.hpp>

#include "nfc_table.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>

namespace anslag::detail {
namespace {

unsigned char combining_class(char32_t c) {
  const auto& t = nfc_data::combining_classes;
  const auto it = std::lower_bound(t.begin(), t.end(), c, [](const auto& e, char32_t v) { return e.mark < v; });
  return it != t.end() && it->mark == c ? it->ccc : 0;
}

void decompose(char32_t c, std::u32string& out) {
  const auto& t = nfc_data::decompositions;
  const auto it = std::lower_bound(t.begin(), t.end(), c, [](const auto& e, char32_t v) { return e.composed < v; });
  if (it == t.end() || it->composed != c) {
    out.push_back(c);
    return;
  }
  decompose(it->first, out);
  if (it->second) decompose(it->second, out);
}

char32_t composed(char32_t first, char32_t second) {
  const auto& t = nfc_data::compositions;
  const auto it = std::lower_bound(t.begin(), t.end(), std::pair{first, second}, [](const auto& e, const auto& v) {
    return std::pair{e.first, e.second} < v;
  });
  return it != t.end() && it->first == first && it->second == second ? it->composed : 0;
}

}  // namespace

std::string quoted_for_message(std::string_view text) {
  std::string out(1, '\'');
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  char escape[16];
  while (p < end) {
    const auto d = decode_utf8(p, end);
    if (!d.valid) {
      std::snprintf(escape, sizeof escape, "\\x%02X", *p);
      out += escape;
    } else if (is_control(d.code_point) || is_invisible(d.code_point)) {
      std::snprintf(escape, sizeof escape, "\\u{%04X}", static_cast<unsigned>(d.code_point));
      out += escape;
    } else {
      out.append(reinterpret_cast<const char*>(p), d.width);
    }
    p += d.width;
  }
  out += '\'';
  return out;
}

std::u32string nfc(std::u32string text) {
  // Text below U+0300 (ASCII, Latin-1, Latin Extended-A and -B) is already NFC: Unicode's quick
  // check answers Yes for it, as no mark stands in it to order or join. Most names are such
  // text, and the audit keys every row by its project's name, so it is returned as it is rather
  // than decomposed and composed again.
  if (std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x0300; })) return text;
  std::u32string d;
  d.reserve(text.size());
  for (char32_t c : text) decompose(c, d);
  // Canonical order: a run of marks sorted by combining class, stably (equal classes keep theirs).
  for (std::size_t i = 0; i < d.size();) {
    if (combining_class(d[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < d.size() && combining_class(d[end]) != 0) ++end;
    std::stable_sort(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(end),
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = end;
  }
  // Canonical composition: each mark joins the last starter unless a mark of the same or a higher
  // class stands between them (or a starter already did not join).
  std::u32string out;
  out.reserve(d.size());
  std::size_t starter = std::u32string::npos;
  int last_class = -1;
  for (char32_t c : d) {
    const int ccc = combining_class(c);
    if (starter != std::u32string::npos && (last_class < ccc || (last_class == 0 && out.size() == starter + 1))) {
      if (const char32_t joined = composed(out[starter], c)) {
        out[starter] = joined;
        continue;
      }
    }
    if (ccc == 0) {
      starter = out.size();
      last_class = 0;
    } else {
      last_class = ccc;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace anslag::detail
