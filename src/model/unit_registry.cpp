#include <anslag/model/unit.hpp>

#include <anslag/detail/names.hpp>
#include <anslag/detail/utf8.hpp>
#include <anslag/detail/text.hpp>
#include "unicode.hpp"

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <utility>

namespace anslag {
namespace {

// Code points, so that positions and edit distances count what a reader sees.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto d = detail::decode_utf8(bytes + i, bytes + text.size());
    if (!d.valid) throw parse_error("invalid UTF-8 at position " + std::to_string(out.size()), out.size());
    out.push_back(d.code_point);
    i += d.width;
  }
  return out;
}

bool is_white_space(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Hyphen-minus, slash, the Unicode dashes U+2010..U+2015 and the minus sign U+2212: the
// documents join the parts of a district's name with any of them.
bool is_joiner(char32_t c) {
  return c == U'-' || c == U'/' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

// Lower case for ASCII and Latin-1, which holds every letter of Swedish names (å ä ö é ü).
char32_t to_lower(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  return c;
}

// A word character: what a spelling found inside a longer text must not continue into.
bool is_word_character(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9') || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
}

// The key of text already in NFC code points (normalize_unit_name).
template <typename CodePoints>
std::string folded(const CodePoints& text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  bool pending_joiner = false;
  for (const char32_t c : text) {
    if (detail::is_invisible(c)) continue;  // nothing a reader sees: "Far\u00ADsta" is Farsta
    if (is_white_space(c) || c == U',') {
      pending_space = true;
    } else if (is_joiner(c)) {
      pending_joiner = true;
    } else {
      // Separators at either end join nothing and are dropped.
      if (!out.empty() && (pending_joiner || pending_space)) out += pending_joiner ? '-' : ' ';
      pending_space = pending_joiner = false;
      detail::append_utf8(out, to_lower(c));
    }
  }
  return out;
}

std::string quoted(std::string_view text) {
  std::string out(1, '"');
  out.append(text);
  out += '"';
  return out;
}

using detail::joined;

const unit* find_in(std::span<const unit> units, std::string_view id) noexcept {
  for (const auto& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

calendar_date next_day(calendar_date d) {
  if (d.day() < calendar_date::days_in_month(d.year(), d.month())) return calendar_date(d.year(), d.month(), d.day() + 1);
  if (d.month() < 12) return calendar_date(d.year(), d.month() + 1, 1);
  return calendar_date(d.year() + 1, 1, 1);
}

// Every normalised spelling of every unit, with the unit's index. A department is also spelled
// "<förvaltning> <department>" and "<förvaltning>-<department>" with any spelling of either.
// Parents must be checked before this runs.
std::optional<unit_registry_problem> index_spellings(
    std::span<const unit> units, std::map<std::string, std::size_t, std::less<>>& index) {
  std::vector<std::vector<std::string>> own(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    own[i].push_back(normalize_unit_name(units[i].name));
    for (const auto& alias : units[i].aliases) {
      own[i].push_back(normalize_unit_name(alias));
      if (own[i].back().empty())
        return unit_registry_problem{i, "aliases", "unit " + quoted(units[i].id) + ": empty alias"};
    }
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::vector<std::string> all = own[i];
    if (units[i].parent) {
      const auto parent = static_cast<std::size_t>(find_in(units, *units[i].parent) - units.data());
      for (const auto& p : own[parent])
        for (const auto& d : own[i])
          for (const char* joiner : {" ", "-"}) all.push_back(p + joiner + d);
    }
    for (std::size_t k = 0; k < all.size(); ++k) {
      const auto [at, inserted] = index.emplace(all[k], i);
      if (inserted || at->second == i) continue;
      // The key at fault: the name (the first spelling), an alias, or the parent's spellings
      // that make the "<förvaltning> <department>" forms.
      const char* field = k == 0 ? "name" : k < own[i].size() ? "aliases" : "parent";
      return unit_registry_problem{i, field,
                                   "units " + quoted(units[at->second].id) + " and " +
                                       quoted(units[i].id) + " share the spelling " + quoted(all[k])};
    }
  }
  return std::nullopt;
}

std::optional<unit_registry_problem> check_units(std::span<const unit> units) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    const unit& u = units[i];
    const auto problem = [&](const char* field, const std::string& what) {
      return unit_registry_problem{i, field, "unit " + quoted(u.id) + ": " + what};
    };
    if (u.id.empty()) return unit_registry_problem{i, "id", "empty unit id"};
    if (find_in(units.first(i), u.id))
      return unit_registry_problem{i, "id", "duplicate unit id " + quoted(u.id)};
    if (normalize_unit_name(u.name).empty()) return problem("name", "empty name");
    if (u.valid_from && u.valid_until && *u.valid_until < *u.valid_from)
      return problem("valid_until", "valid_until before valid_from");
    if (u.successor) {
      const unit* next = find_in(units, *u.successor);
      if (!next) return problem("successor", "successor " + quoted(*u.successor) + " is not in the registry");
      if (!u.valid_until) return problem("successor", "a successor needs valid_until");
      // The successor carries on the next day: this also rules out cycles and gaps.
      if (!next->valid_on(next_day(*u.valid_until)))
        return problem("successor", "successor " + quoted(*u.successor) + " is not valid on " +
                                        next_day(*u.valid_until).to_string());
    }
    if ((u.kind == unit_kind::department) != u.parent.has_value())
      return problem(u.parent ? "parent" : "kind",
                     u.parent ? "only a department has a parent" : "a department needs a parent");
    if (u.parent) {
      const unit* parent = find_in(units, *u.parent);
      if (!parent) return problem("parent", "parent " + quoted(*u.parent) + " is not in the registry");
      if (parent->kind == unit_kind::department)
        return problem("parent", "parent " + quoted(*u.parent) + " is a department");
    }
  }
  return std::nullopt;
}

// A spelling found inside a longer name, as a whole segment: [begin, end) in code points.
struct found {
  std::size_t begin;
  std::size_t end;
  std::size_t unit;
};

constexpr detail::name_table<unit_kind, 3> unit_kind_names{{
    {unit_kind::district, "district"},
    {unit_kind::administration, "administration"},
    {unit_kind::department, "department"},
}};

}  // namespace

std::string_view to_string(unit_kind k) noexcept { return detail::name_of(unit_kind_names, k); }
std::optional<unit_kind> unit_kind_from_name(std::string_view text) noexcept {
  return detail::value_of(unit_kind_names, text);
}

std::string normalize_unit_name(std::string_view name) {
  // ASCII text, each byte a code point, is already NFC: it is folded as it stands, without the
  // decoding and composition other text needs. The audit keys every row by its project's name.
  const std::span<const unsigned char> bytes(reinterpret_cast<const unsigned char*>(name.data()), name.size());
  if (std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b < 0x80; })) return folded(bytes);
  return folded(detail::nfc(code_points(name)));
}

std::optional<unit_registry_problem> find_registry_problem(std::span<const unit> units) {
  if (auto problem = check_units(units)) return problem;
  std::map<std::string, std::size_t, std::less<>> index;
  return index_spellings(units, index);
}

const unit_kind_words& unit_kind_vocabulary::of(unit_kind k) const noexcept {
  switch (k) {
    case unit_kind::district: return district;
    case unit_kind::administration: return administration;
    case unit_kind::department: return department;
  }
  return district;
}

unit_kind_words& unit_kind_vocabulary::of(unit_kind k) noexcept {
  return const_cast<unit_kind_words&>(std::as_const(*this).of(k));
}

unit_registry::unit_registry(std::vector<unit> units, unit_kind_vocabulary kinds)
    : units_(std::move(units)), kinds_(std::move(kinds)) {
  if (auto problem = check_units(units_)) throw invalid_argument_error(problem->message);
  if (auto problem = index_spellings(units_, by_spelling_))
    throw invalid_argument_error(problem->message);
}

const unit* unit_registry::find(std::string_view id) const& noexcept { return find_in(units_, id); }

const unit& unit_registry::resolve(std::string_view name) const& {
  const std::string key = normalize_unit_name(name);
  if (const auto at = by_spelling_.find(key); at != by_spelling_.end()) return units_[at->second];

  // Spellings standing as whole segments inside the name; a match inside a longer match
  // ("älvsjö" inside "hägersten-älvsjö") is part of that one, not a unit of its own.
  const std::u32string text = code_points(key);
  std::vector<found> matches;
  for (const auto& [spelling, index] : by_spelling_) {
    const std::u32string s = code_points(spelling);
    for (std::size_t at = text.find(s); at != std::u32string::npos; at = text.find(s, at + 1)) {
      const std::size_t end = at + s.size();
      if ((at == 0 || !is_word_character(text[at - 1])) &&
          (end == text.size() || !is_word_character(text[end])))
        matches.push_back({at, end, index});
    }
  }
  // Sorted by start, longer first: a match lies inside a longer one exactly when an earlier match
  // reaches as far (two matches of one extent are one spelling), so one sweep finds them all
  // (a name repeating a spelling 100 000 times costs a sort, not 10^10 comparisons).
  std::sort(matches.begin(), matches.end(), [](const found& a, const found& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::size_t reach = 0;
  std::vector<found> outermost;
  for (const found& m : matches) {
    if (m.end > reach) outermost.push_back(m);
    reach = std::max(reach, m.end);
  }
  matches = std::move(outermost);
  std::vector<std::string> named;
  std::vector<std::string> forvaltningar;
  for (const auto& m : matches) {
    const unit& u = units_[m.unit];
    if (std::find(named.begin(), named.end(), u.name) == named.end()) named.push_back(u.name);
    const std::string& f = forvaltning(u).id;
    if (std::find(forvaltningar.begin(), forvaltningar.end(), f) == forvaltningar.end())
      forvaltningar.push_back(f);
  }
  const std::string shown = quoted(name);
  if (forvaltningar.size() >= 2)
    throw ambiguous_unit_error("ambiguous unit " + shown + ": " + joined(named), named);

  // Suggestions: the units named inside the text first, then the nearest spellings, at most
  // a third of the name's length away (one edit at least).
  // A spelling whose length differs from the name's by more than the limit is farther than it:
  // skipped, so that a long name costs its length, not its length times every spelling's.
  const std::size_t limit = std::max<std::size_t>(1, text.size() / 3);
  std::vector<std::size_t> distance(units_.size(), std::u32string::npos);
  for (const auto& [spelling, index] : by_spelling_) {
    const std::u32string s = code_points(spelling);
    if (std::max(s.size(), text.size()) - std::min(s.size(), text.size()) > limit) continue;
    distance[index] = std::min(distance[index], detail::edit_distance(text, s));
  }
  std::vector<std::size_t> order(units_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return distance[a] < distance[b]; });
  std::vector<std::string> suggestions = named;
  for (std::size_t i : order) {
    if (suggestions.size() >= 3 || distance[i] > limit) break;
    if (std::find(suggestions.begin(), suggestions.end(), units_[i].name) == suggestions.end())
      suggestions.push_back(units_[i].name);
  }
  if (suggestions.size() > 3) suggestions.resize(3);
  std::string message = "unknown unit " + shown;
  if (!suggestions.empty()) message += " (did you mean " + joined(suggestions) + "?)";
  throw unknown_unit_error(message, suggestions);
}

const unit& unit_registry::forvaltning(const unit& u) const& {
  if (!u.parent) return u;
  const unit* parent = find(*u.parent);
  if (!parent) throw invalid_argument_error("unit " + quoted(u.id) + " is not in the registry");
  return *parent;
}

const unit& unit_registry::forvaltning_on(const unit& u, calendar_date day) const& {
  const unit& own = forvaltning(u);
  const unit* carried = successor_on(own, day);
  return carried ? *carried : own;
}

const unit* unit_registry::successor_on(const unit& u, calendar_date day) const& {
  if (u.valid_from && day < *u.valid_from) return nullptr;
  const unit* current = &u;
  // The constructor checked that each successor begins the day after: the chain ends.
  while (current && !current->valid_on(day))
    current = current->successor ? find(*current->successor) : nullptr;
  return current;
}

std::vector<const unit*> unit_registry::units_on(calendar_date day) const& {
  std::vector<const unit*> out;
  for (const auto& u : units_)
    if (u.valid_on(day)) out.push_back(&u);
  return out;
}

}  // namespace anslag
