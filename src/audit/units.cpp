// The unit checks (docs/audit.md: UNKNOWN_UNIT, AMBIGUOUS_UNIT, UNIT_NOT_VALID_ON_DATE): each
// applicant resolved against the dated registry once, findings grouped by fund and name.
#include "auditor.hpp"
#include "../model/problems.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace anslag::audit_detail {

const name_resolution& auditor::resolve_name(const std::string& applicant) {
  auto [it, inserted] = names_.try_emplace(applicant);
  if (!inserted) return it->second;
  name_resolution& r = it->second;
  if (applicant.find_first_not_of(" \t") == std::string::npos) return r;  // unnamed
  try {
    r.resolved = &units_.resolve(applicant);
    r.state = name_resolution::outcome::resolved;
  } catch (const unknown_unit_error& e) {
    r.state = name_resolution::outcome::unknown;
    r.alternatives = e.suggestions();
    r.message = e.what();
  } catch (const ambiguous_unit_error& e) {
    r.state = name_resolution::outcome::ambiguous;
    r.alternatives = e.candidates();
    r.message = e.what();
  } catch (const parse_error& e) {  // not UTF-8: a name that matches no unit
    r.state = name_resolution::outcome::unknown;
    r.message = e.what();
  }
  return r;
}

// Resolves every application's unit: the file's `unit` where the encoder gives it, else the
// applicant's name. Findings are grouped by fund and name (its key), so a name misspelt
// in many rows gives one finding listing them.
void auditor::resolve_units() {
  struct group {
    std::string fund, name;
    const name_resolution* resolution = nullptr;
    std::vector<std::string> rows;
    std::vector<std::string> file_units;  // the encoder's unit ids, where given
    source_ref source;
    readings_used read;  // the round file's readings of the rows' names and units
  };
  std::vector<group> unresolved;
  std::map<std::pair<std::string, std::string>, std::size_t> unresolved_index;
  std::vector<group> unknown_ids;
  std::map<std::pair<std::string, std::string>, std::size_t> unknown_id_index;
  std::vector<unit_group> invalid;
  std::map<std::tuple<std::string, std::string, bool>, std::size_t> invalid_index;
  // Granted to a unit that exists on the document's date but ceases during the round's year:
  // whoever reports on and repays the funds is then its successor.
  std::vector<unit_group> ceasing;
  std::map<std::pair<std::string, std::string>, std::size_t> ceasing_index;
  // A year that is no calendar year (a round built in code that validate() refuses) has no end
  // to compare with: the rows this check would read are then a MISSING_DATA per fund, and nothing
  // throws.
  const std::optional<calendar_date> year_end =
      detail::year_problem(round_.year).empty() ? std::optional(calendar_date(round_.year, 12, 31)) : std::nullopt;
  std::map<std::string, std::vector<std::string>> ceasing_unchecked;  // fund -> rows
  const auto note_ceasing = [&](const application& a, const unit& u) {
    if (!is_granted(a.outcome) || !u.valid_on(round_.document.dated) || !u.valid_until) return;
    if (!year_end) {
      ceasing_unchecked[a.fund].push_back(a.id);
      return;
    }
    if (*u.valid_until >= *year_end) return;
    auto [it, inserted] = ceasing_index.try_emplace({a.fund, u.id}, ceasing.size());
    if (inserted) ceasing.push_back({a.fund, &u, {}, false, a.source, {}});
    ceasing[it->second].rows.push_back(a.id);
    ceasing[it->second].read.add(a, {"unit", "applicant", "decision"});
  };

  const auto note_invalid = [&](std::size_t index, const unit& u, bool co_applicant) {
    const application& a = round_.applications[index];
    if (u.valid_on(round_.document.dated)) return;
    const auto key = std::make_tuple(a.fund, u.id, co_applicant);
    auto [it, inserted] = invalid_index.try_emplace(key, invalid.size());
    if (inserted) invalid.push_back({a.fund, &u, {}, co_applicant, a.source, {}});
    invalid[it->second].rows.push_back(a.id);
    invalid[it->second].read.add(a, {"unit", "applicant", "co_applicants"});
  };
  const auto note_unknown_id = [&](const application& a, const std::string& id) {
    auto [it, inserted] = unknown_id_index.try_emplace({a.fund, id}, unknown_ids.size());
    if (inserted) unknown_ids.push_back({a.fund, id, nullptr, {}, {}, a.source, {}});
    unknown_ids[it->second].rows.push_back(a.id);
    unknown_ids[it->second].read.add(a, {"unit", "co_applicants"});
  };

  for (std::size_t i = 0; i < round_.applications.size(); ++i) {
    const application& a = round_.applications[i];
    const name_resolution& by_name = resolve_name(a.applicant);
    const unit* by_file = nullptr;
    if (a.unit) {
      by_file = units_.find(*a.unit);
      if (!by_file) note_unknown_id(a, *a.unit);
    }
    unit_of_[i] = a.unit ? by_file : by_name.resolved;
    if (by_name.state == name_resolution::outcome::unknown ||
        by_name.state == name_resolution::outcome::ambiguous) {
      // By the name's key, as the registry and the duplicates check compare names: a decomposed
      // "ö" or a zero-width space does not make the same name a second finding.
      auto [it, inserted] = unresolved_index.try_emplace({a.fund, name_key(a.applicant)}, unresolved.size());
      if (inserted) unresolved.push_back({a.fund, a.applicant, &by_name, {}, {}, a.source, {}});
      unresolved[it->second].rows.push_back(a.id);
      unresolved[it->second].read.add(a, {"applicant", "unit"});
      if (by_file) unresolved[it->second].file_units.push_back(by_file->name);
    }
    if (unit_of_[i]) {
      note_invalid(i, *unit_of_[i], false);
      note_ceasing(a, *unit_of_[i]);
    }
    for (const auto& co : a.co_applicants) {
      if (const unit* u = units_.find(co)) note_invalid(i, *u, true);
      else note_unknown_id(a, co);
    }
  }

  for (const auto& g : unresolved) {
    const bool ambiguous = g.resolution->state == name_resolution::outcome::ambiguous;
    // A name that names several units, one of which the round file records as the applicant,
    // was settled by the encoder (a joint application): worth knowing, not a problem. So is a
    // name that matches nothing when every row of it has a `unit` the registry knows: the
    // format gives `unit` only where the encoder is certain (docs/round-format.md), and the
    // checks per förvaltning use it. Without a `unit` on every row, some rows lack a unit.
    const auto& candidates = g.resolution->alternatives;
    const bool settled =
        !g.file_units.empty() &&
        (ambiguous ? std::all_of(g.file_units.begin(), g.file_units.end(),
                                 [&](const std::string& name) {
                                   return std::find(candidates.begin(), candidates.end(), name) != candidates.end();
                                 })
                   : g.file_units.size() == g.rows.size());
    finding f = found(ambiguous ? finding_code::ambiguous_unit : finding_code::unknown_unit,
                      settled ? severity::info : severity::warning, g.fund, g.rows);
    f.quote = g.name;
    f.source = g.source;
    const std::string alternatives = detail::joined(g.resolution->alternatives);
    if (settled && ambiguous) {
      f.message_sv = "Sökande \"" + g.name + "\" nämner flera förvaltningar (" + alternatives + "); gäller " +
                     rows_sv(g.rows) + ".";
      f.message_en = "Applicant \"" + g.name + "\" names several administrations (" + alternatives +
                     "); concerns " + rows_en(g.rows) + ".";
    } else if (ambiguous) {
      f.message_sv = "Sökande \"" + g.name + "\" kan avse flera förvaltningar (" + alternatives +
                     "); kontroller per förvaltning saknar enhet för " + rows_sv(g.rows) + ".";
      f.message_en = "Applicant \"" + g.name + "\" may name several administrations (" + alternatives +
                     "); checks per administration lack a unit for " + rows_en(g.rows) + ".";
    } else {
      const std::string hint_sv = alternatives.empty() ? "" : " (menas " + alternatives + "?)";
      const std::string hint_en = alternatives.empty() ? "" : " (did you mean " + alternatives + "?)";
      f.message_sv = "Sökande \"" + g.name + "\" motsvarar ingen känd enhet" + hint_sv + "; gäller " +
                     rows_sv(g.rows) + ".";
      f.message_en = "Applicant \"" + g.name + "\" matches no known unit" + hint_en + "; concerns " +
                     rows_en(g.rows) + ".";
    }
    if (!g.file_units.empty()) {
      f.message_sv += " Rundfilen läser den som " + g.file_units.front() + ".";
      f.message_en += " The round file reads it as " + g.file_units.front() + ".";
      f.reading = "the round file's unit for " + rows_en(g.rows) + ": " + g.file_units.front();
    }
    g.read.into(f);
    findings_.push_back(std::move(f));
  }
  for (const auto& g : unknown_ids) {
    finding f = found(finding_code::unknown_unit, severity::error, g.fund, g.rows);
    f.source = g.source;
    f.message_sv = "Rundfilen anger enheten \"" + g.name + "\", som inte finns i enhetsregistret; gäller " +
                   rows_sv(g.rows) + ".";
    f.message_en = "The round file names unit \"" + g.name + "\", which is not in the unit registry; concerns " +
                   rows_en(g.rows) + ".";
    g.read.into(f);
    findings_.push_back(std::move(f));
  }
  // A unit that did not yet exist took over its predecessors; a unit that had ceased was taken
  // over by its successor. Rows of those in the same document show that it names both.
  std::unordered_map<std::string_view, std::vector<const unit*>> predecessors;
  std::unordered_map<std::string_view, std::vector<std::string>> rows_of_unit;
  if (!invalid.empty()) {
    for (const auto& u : units_.units())
      if (u.successor) predecessors[*u.successor].push_back(&u);
    for (std::size_t i = 0; i < round_.applications.size(); ++i)
      if (unit_of_[i]) rows_of_unit[unit_of_[i]->id].push_back(round_.applications[i].id);
  }
  for (const auto& g : invalid) {
    finding f = found(finding_code::unit_not_valid_on_date, severity::warning, g.fund, g.rows);
    f.quote = g.u->name;
    f.source = g.source;
    const calendar_date day = round_.document.dated;
    const unit* successor = units_.successor_on(*g.u, day);
    const std::string role_sv = g.co_applicant ? "Medsökande " : "";
    const std::string role_en = g.co_applicant ? "Co-applicant " : "";
    f.message_sv = role_sv + g.u->name + " fanns inte " + day.to_string() + " (dokumentets datum)";
    f.message_en = role_en + g.u->name + " did not exist on " + day.to_string() + " (the document's date)";
    if (successor) {
      f.message_sv += "; dess efterföljare då var " + successor->name;
      f.message_en += "; its successor then was " + successor->name;
    }
    const bool not_yet = g.u->valid_from && day < *g.u->valid_from;
    std::vector<const unit*> related;
    if (const auto it = predecessors.find(g.u->id); not_yet && it != predecessors.end()) related = it->second;
    if (const unit* next = g.u->successor ? units_.find(*g.u->successor) : nullptr; !not_yet && next)
      related.push_back(next);
    std::string named_sv, named_en;
    for (const unit* other : related) {
      const auto it = rows_of_unit.find(other->id);
      if (it == rows_of_unit.end()) continue;
      named_sv += (named_sv.empty() ? "" : ", ") + other->name + " (" + rows_sv(it->second) + ")";
      named_en += (named_en.empty() ? "" : ", ") + other->name + " (" + rows_en(it->second) + ")";
    }
    if (!named_sv.empty()) {
      f.message_sv += std::string("; dokumentet nämner också dess ") + (not_yet ? "föregångare " : "efterföljare ") +
                      named_sv;
      f.message_en += std::string("; the document also names its ") + (not_yet ? "predecessors " : "successor ") +
                      named_en;
    }
    f.message_sv += "; gäller " + rows_sv(g.rows) + ".";
    f.message_en += "; concerns " + rows_en(g.rows) + ".";
    g.read.into(f);
    findings_.push_back(std::move(f));
  }
  report_ceasing(ceasing);
  for (auto& [fund, rows] : ceasing_unchecked) {
    finding x = found(finding_code::missing_data, severity::info, fund, rows);
    const std::string year = std::to_string(round_.year);
    x.message_sv = "Året " + year + " som medlen avser är inget kalenderår (1–9999): om en förvaltning med slutdatum "
                   "upphör under året kan inte prövas; gäller " + rows_sv(rows) + ".";
    x.message_en = "The year " + year + " the funds are for is no calendar year (1 to 9999): whether a unit with an "
                   "end date ceases during it cannot be checked; concerns " + rows_en(rows) + ".";
    findings_.push_back(std::move(x));
  }
}

void auditor::report_ceasing(const std::vector<unit_group>& ceasing) {
  for (const auto& g : ceasing) {
    finding f = found(finding_code::unit_not_valid_on_date, severity::info, g.fund, g.rows);
    f.quote = g.u->name;
    f.source = g.source;
    const calendar_date last = *g.u->valid_until;
    // Only a round whose year is a calendar year has a ceasing group (note_ceasing).
    const unit* successor = units_.successor_on(*g.u, calendar_date(round_.year, 12, 31));
    f.message_sv = g.u->name + " fanns på dokumentets datum men upphörde efter " + last.to_string() +
                   ", under året " + std::to_string(round_.year) + " som medlen avser";
    f.message_en = g.u->name + " existed on the document's date but ceased after " + last.to_string() +
                   ", during the year " + std::to_string(round_.year) + " the funds are for";
    if (successor) {
      f.message_sv += "; därefter svarar " + successor->name + " för medlen";
      f.message_en += "; " + successor->name + " answers for the funds after that";
    }
    f.message_sv += "; gäller " + rows_sv(g.rows) + ".";
    f.message_en += "; concerns " + rows_en(g.rows) + ".";
    g.read.into(f);
    findings_.push_back(std::move(f));
  }
}

// A name's comparison key; a name that is not UTF-8 is compared as written.
std::string auditor::name_key(const std::string& text) {
  try {
    return normalize_unit_name(text);
  } catch (const parse_error&) {
    return text;
  }
}

}  // namespace anslag::audit_detail
