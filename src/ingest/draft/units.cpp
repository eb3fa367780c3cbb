// Applicants: split from the project, and resolved to units with the readings that takes.
#include "drafter.hpp"

namespace anslag::drafting {

void drafter::split_applicant(application_draft& a, const std::string& cell) {
  const std::string text = plain_text(cell);
  // The longest run of words from the start that the registry knows as a unit.
  std::size_t best = 0;
  if (options_.units) {
    std::size_t end = 0;
    for (int words = 0; words < 7; ++words) {
      end = text.find(' ', end + 1);
      const std::string prefix = trim_end(text.substr(0, end), " ,-–");
      if (find_unit(prefix)) best = prefix.size();
      if (end == std::string::npos) break;
      // A separator after a known name ends the applicant: "Farsta - Barnet ...".
      if (best > 0 && (text.compare(end, 3, " - ") == 0 || text.compare(end, 5, " – ") == 0)) break;
    }
  }
  std::size_t cut = best;
  if (best > 0 && text.compare(best, 2, " (") == 0) cut = text.find(')', best) + 1;
  if (best == 0) {
    std::size_t dash = text.find(" - ");
    if (dash == std::string::npos) dash = text.find(" – ");
    if (dash == std::string::npos) {
      a.applicant = "";
      a.project = text;
      a.readings.push_back({"applicant", "no applicant could be told from the project in '" + text + "'"});
      return;
    }
    cut = dash;
  }
  a.applicant = trim_end(text.substr(0, cut), " ,");
  std::string rest = text.substr(std::min(cut, text.size()));
  const std::size_t start = rest.find_first_not_of(" ,-–");
  // A dash is a separator only with space after it; "–" is three bytes.
  a.project = start == std::string::npos ? "" : rest.substr(start);
  if (rest.rfind(" – ", 0) == 0) a.project = rest.substr(5);
}

void drafter::resolve_unit(application_draft& a) {
  if (!options_.units || a.applicant.empty()) return;
  const auto& units = *options_.units;
  if (a.applicant.find(" (") != std::string::npos && resolve_with_co_applicants(a)) return;
  try {
    a.unit = units.resolve(a.applicant).id;
  } catch (const ambiguous_unit_error& e) {
    a.readings.push_back({"unit", "'" + a.applicant + "' names more than one unit (" + detail_list(e.candidates()) +
                                      "): the applicant is not certain"});
  } catch (const unknown_unit_error& e) {
    const std::string joined = join_split_words(a.applicant);
    if (joined != a.applicant) {
      if (const unit* u = find_unit(joined)) {
        a.unit = u->id;
        a.readings.push_back({"unit", "'" + a.applicant + "' read as '" + joined + "', a word split by the text extraction"});
        return;
      }
    }
    // A near name is only a guess: the draft keeps what the document prints, unit left out, so
    // that the audit still warns of the name; the guess is for the person reviewing the draft.
    if (e.suggestions().size() == 1) {
      if (const unit* u = find_unit(e.suggestions()[0])) {
        a.review.push_back({"unit", "'" + a.applicant + "' is no unit the registry knows; if the document means " +
                                        e.suggestions()[0] + ", the one near name, write unit = \"" + u->id + "\""});
        return;
      }
    }
    a.readings.push_back({"unit", "'" + a.applicant + "' is no unit the registry knows: unit left out"});
  } catch (const error&) {
    a.readings.push_back({"unit", "'" + a.applicant + "' cannot be looked up: unit left out"});
  }
}

const unit* drafter::find_unit(const std::string& name) {
  const auto known = looked_up_.find(name);
  if (known != looked_up_.end()) return known->second;
  const unit* found = nullptr;
  try {
    found = &options_.units->resolve(name);
  } catch (const error&) {
  }
  looked_up_.emplace(name, found);
  return found;
}

bool drafter::resolve_with_co_applicants(application_draft& a) {
  const std::size_t open = a.applicant.find(" (");
  const unit* main = find_unit(a.applicant.substr(0, open));
  if (!main) return false;
  const std::size_t close = a.applicant.find(')', open);
  const std::string inner = a.applicant.substr(open + 2, close == std::string::npos ? std::string::npos : close - open - 2);
  std::string names = inner;
  for (std::string_view lead : {"medsökande ", "tillsammans med "})
    if (lower(names).rfind(lead, 0) == 0) names = names.substr(lead.size());
  std::vector<std::string> co;
  std::size_t from = 0;
  while (from <= names.size()) {
    const std::size_t sep = std::min(names.find(" och ", from), names.find(", ", from));
    if (const unit* u = find_unit(names.substr(from, sep == std::string::npos ? std::string::npos : sep - from)))
      co.push_back(u->id);
    if (sep == std::string::npos) break;
    from = sep + (names.compare(sep, 5, " och ") == 0 ? 5 : 2);
  }
  a.unit = main->id;
  a.co_applicants = co;
  a.readings.push_back({"co_applicants", "'" + inner + "' read as the co-applying units"});
  return true;
}

std::string drafter::detail_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string drafter::join_split_words(const std::string& text) {
  std::string out = text;
  for (std::string_view ending : {" en,", " en ", " et ", " na "}) {
    std::size_t at = out.find(ending);
    if (at != std::string::npos && at > 0 && out[at - 1] != ' ') out.erase(at, 1);
  }
  if (out.ends_with(" en")) out.erase(out.size() - 3, 1);
  return out;
}

}  // namespace anslag::drafting
