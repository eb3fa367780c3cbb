// Units: an organisation's district administrations, its central administrations and their
// departments, with the dates they existed, their successors after mergers, the ways the
// documents spell them and the words the organisation uses for each kind. The data is a registry
// file: the bundled one is data/units.toml (format and rules: docs/units.md); any other
// organisation's is a file of the same format (data/registries/ holds examples).
//
// Thread safety: a unit_registry is immutable once built: any number of threads may read one.
// Exceptions: the constructor: invalid_argument_error; resolve: unknown_unit_error,
// ambiguous_unit_error, parse_error; the other look-ups are noexcept or return nullptr.
// Lifetimes: units, find, resolve, forvaltning_on, successor_on and units_on return the
// registry's own units, valid while it lives: deleted for a temporary registry.
#pragma once

#include <anslag/export.hpp>
#include <anslag/model/date.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

enum class unit_kind {
  district,        // an administration of a part of the municipality: a förvaltning of its own
  administration,  // a central förvaltning applying as one
  department,      // a part of a förvaltning
};

// "district", "administration", "department": the words of units.toml and of Python.
ANSLAG_API std::string_view to_string(unit_kind k) noexcept;
ANSLAG_API std::optional<unit_kind> unit_kind_from_name(std::string_view text) noexcept;

// What an organisation calls its units of one kind: the Swedish singular (as a document's word
// for them begins: a count "från 4 <plural>" is read by it), the Swedish plural and the English
// plural (in findings). Each organisation has its own ("stadsdelsförvaltning",
// "stadsområdesförvaltning"); a registry file's [kinds] table gives them.
struct unit_kind_words {
  std::string singular;
  std::string plural;
  std::string english;

  friend bool operator==(const unit_kind_words&, const unit_kind_words&) = default;
};

// The words of each kind; a registry file without them has these generic ones.
struct ANSLAG_API unit_kind_vocabulary {
  unit_kind_words district{"distriktsförvaltning", "distriktsförvaltningar", "district administrations"};
  unit_kind_words administration{"fackförvaltning", "fackförvaltningar", "central administrations"};
  unit_kind_words department{"avdelning", "avdelningar", "departments"};

  const unit_kind_words& of(unit_kind k) const noexcept;
  unit_kind_words& of(unit_kind k) noexcept;

  friend bool operator==(const unit_kind_vocabulary&, const unit_kind_vocabulary&) = default;
};

struct unit {
  std::string id;    // stable, ASCII: "hagersten-liljeholmen"
  std::string name;  // canonical Swedish name: "Hägersten-Liljeholmen"
  unit_kind kind = unit_kind::district;
  std::optional<calendar_date> valid_from;   // first day it existed; empty: before the registry's horizon
  std::optional<calendar_date> valid_until;  // last day it existed; empty: still exists
  std::optional<std::string> successor;  // id of the unit it merged into
  std::optional<std::string> parent;     // departments: id of their förvaltning
  std::vector<std::string> aliases;      // spellings seen in documents
  std::string source;                    // where the dates come from

  bool valid_on(calendar_date day) const {
    return (!valid_from || *valid_from <= day) && (!valid_until || day <= *valid_until);
  }

  friend bool operator==(const unit&, const unit&) = default;
};

// What makes a list of units no registry: the offending unit (its index), the field at fault
// ("id", "name", "successor", "parent", "aliases", "valid_until", "kind") and a short message.
// The file loader uses it to name the position of the offending key.
struct unit_registry_problem {
  std::size_t unit = 0;
  std::string field;
  std::string message;
};
ANSLAG_API std::optional<unit_registry_problem> find_registry_problem(std::span<const unit> units);

// Every function of unit_registry that returns a unit (a reference, a pointer, a span) returns
// one of the registry's own, valid while the registry lives; each is deleted for a temporary
// registry (load_units(path).resolve(name) does not compile), whose units would be gone at the
// end of the statement. A registry is immutable once built: any number of threads may use one.
class ANSLAG_API unit_registry {
 public:
  unit_registry() = default;
  // Checks ids are unique, successors and parents exist, and no two units share a spelling
  // (after normalisation): invalid_argument_error naming the offender otherwise (the message of
  // find_registry_problem).
  explicit unit_registry(std::vector<unit> units, unit_kind_vocabulary kinds = {});

  // What this organisation calls its units of each kind: the registry's own, as its units are.
  const unit_kind_vocabulary& kinds() const& noexcept { return kinds_; }
  const unit_kind_vocabulary& kinds() const&& = delete;

  std::span<const unit> units() const& noexcept { return units_; }
  std::span<const unit> units() const&& = delete;

  // By id; nullptr when there is none.
  const unit* find(std::string_view id) const& noexcept;
  const unit* find(std::string_view id) const&& = delete;

  // By a name as a document writes it. Normalises case, white space, hyphens, slashes and
  // dashes, then matches canonical names and aliases (a department also by "<förvaltning>
  // <department>", as in "Socialförvaltningen, Socialjouren"). No guessing: a name that matches
  // nothing throws unknown_unit_error with the nearest names by edit distance as suggestions; a
  // name that names two units ("Hägersten/Älvsjö EÅV") throws ambiguous_unit_error; a name that
  // is not valid UTF-8 throws parse_error naming the position of the bad byte.
  // docs/units.md states the rules in full.
  const unit& resolve(std::string_view name) const&;
  const unit& resolve(std::string_view name) const&& = delete;

  // The förvaltning a unit counts as in "per förvaltning" rules: a department's parent, else
  // the unit itself.
  const unit& forvaltning(const unit& u) const&;
  const unit& forvaltning(const unit& u) const&& = delete;
  const unit& forvaltning(const unit&& u) const& = delete;  // a förvaltning is its own: would dangle

  // The förvaltning a unit counts as on `day`: its förvaltning, or that förvaltning's successor
  // when it had merged away by then, so that spellings from either side of a merger are one
  // förvaltning in "per förvaltning" rules and counts.
  const unit& forvaltning_on(const unit& u, calendar_date day) const&;
  const unit& forvaltning_on(const unit& u, calendar_date day) const&& = delete;
  const unit& forvaltning_on(const unit&& u, calendar_date day) const& = delete;  // may be u: would dangle

  // The unit that carries on `u` on `day`: `u` itself while valid, else its successor chain
  // followed to the unit valid on that day; nullptr when there is none (or `day` precedes `u`).
  const unit* successor_on(const unit& u, calendar_date day) const&;
  const unit* successor_on(const unit& u, calendar_date day) const&& = delete;

  // The units (all kinds) valid on `day`, in registry order.
  std::vector<const unit*> units_on(calendar_date day) const&;
  std::vector<const unit*> units_on(calendar_date day) const&& = delete;

 private:
  std::vector<unit> units_;
  unit_kind_vocabulary kinds_;
  // Every normalised spelling (names, aliases, "<förvaltning> <department>") to its unit's index.
  std::map<std::string, std::size_t, std::less<>> by_spelling_;
};

// The key two spellings are compared by: Unicode NFC for the Latin letters (a decomposed "ö" is
// the composed one), invisible characters (zero-width, bidirectional controls, soft hyphen, ...)
// dropped, lower case, dashes, slashes and hyphens (with any
// white space around them) as one '-', commas as white space, runs of white space as one ' ',
// separators at either end dropped. Invalid UTF-8 is a parse_error naming the code point.
ANSLAG_API std::string normalize_unit_name(std::string_view name);

}  // namespace anslag
