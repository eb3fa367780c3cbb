// Units: the district administrations (stadsdelsförvaltningar), Socialförvaltningen and its
// departments, with the dates they existed, their successors after mergers, and the ways the
// documents spell them. The registry's data is data/units.toml (see docs/round-format.md).
#pragma once

#include <anslag/model/date.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

enum class unit_kind {
  district,        // stadsdelsförvaltning: a förvaltning of its own
  administration,  // a central förvaltning applying as one (Socialförvaltningen)
  department,      // a part of a förvaltning (Framtid Stockholm, Socialjouren, ...)
};

struct unit {
  std::string id;    // stable, ASCII: "hagersten-liljeholmen"
  std::string name;  // canonical Swedish name: "Hägersten-Liljeholmen"
  unit_kind kind = unit_kind::district;
  std::optional<date> valid_from;   // first day it existed; empty: before the registry's horizon
  std::optional<date> valid_until;  // last day it existed; empty: still exists
  std::optional<std::string> successor;  // id of the unit it merged into
  std::optional<std::string> parent;     // departments: id of their förvaltning
  std::vector<std::string> aliases;      // spellings seen in documents
  std::string source;                    // where the dates come from

  bool valid_on(date day) const {
    return (!valid_from || *valid_from <= day) && (!valid_until || day <= *valid_until);
  }
};

class unit_registry {
 public:
  unit_registry() = default;
  // Checks ids are unique, successors and parents exist, and no two units share a spelling
  // (after normalisation): invalid_argument_error naming the offender otherwise.
  explicit unit_registry(std::vector<unit> units);

  std::span<const unit> units() const noexcept { return units_; }

  // By id; nullptr when there is none.
  const unit* find(std::string_view id) const noexcept;

  // By a name as a document writes it. Normalises case, white space, hyphens, slashes and
  // dashes, then matches canonical names and aliases (a department also by "<förvaltning>
  // <department>", as in "Socialförvaltningen, Socialjouren"). No guessing: a name that matches
  // nothing throws unknown_unit_error with the nearest names by edit distance as suggestions; a
  // name that names two units ("Hägersten/Älvsjö EÅV") throws ambiguous_unit_error.
  const unit& resolve(std::string_view name) const;

  // The förvaltning a unit counts as in "per förvaltning" rules: a department's parent, else
  // the unit itself.
  const unit& forvaltning(const unit& u) const;

  // The unit that carries on `u` on `day`: `u` itself while valid, else its successor chain
  // followed to the unit valid on that day; nullptr when there is none (or `day` precedes `u`).
  const unit* successor_on(const unit& u, date day) const;

  // The units (all kinds) valid on `day`, in registry order.
  std::vector<const unit*> units_on(date day) const;

 private:
  std::vector<unit> units_;
};

// The key two spellings are compared by: lower case, dashes, slashes and hyphens (with any
// white space around them) as one '-', commas as white space, runs of white space as one ' '.
std::string normalize_unit_name(std::string_view name);

}  // namespace anslag
