// Rules: the phrasings the drafter recognises, and rule-like sentences kept not_encoded.
#include "drafter.hpp"

namespace anslag::drafting {

namespace {

// Whether a sentence states `phrasing`: a phrase of each group in it, or with `adjacent`, in as many
// words that follow each other (a phrase inside its word: "godkänd" "verksamhetsrapport").
bool states(const rule_phrase& phrasing, const std::string& lowered, const std::vector<std::string>& words) {
  const auto in = [](std::string_view text, const std::vector<std::string>& group) {
    return std::any_of(group.begin(), group.end(), [&](const std::string& phrase) { return text.find(phrase) != std::string_view::npos; });
  };
  if (!phrasing.adjacent)
    return std::all_of(phrasing.all_of.begin(), phrasing.all_of.end(), [&](const auto& group) { return in(lowered, group); });
  const std::size_t n = phrasing.all_of.size();
  for (std::size_t first = 0; first + n <= words.size(); ++first) {
    std::size_t k = 0;
    while (k < n && in(words[first + k], phrasing.all_of[k])) ++k;
    if (k == n) return true;
  }
  return false;
}

// The rule's summary with its dates in place of "{from}" and "{to}".
std::string with_dates(std::string summary, const std::optional<calendar_date>& from, const std::optional<calendar_date>& to) {
  for (const auto& [mark, day] : {std::pair{std::string_view("{from}"), from}, std::pair{std::string_view("{to}"), to}})
    for (std::size_t at = summary.find(mark); at != std::string::npos && day; at = summary.find(mark, at))
      summary.replace(at, mark.size(), day->to_string());
  return summary;
}

}  // namespace

// The rule a sentence states by a phrasing of the vocabulary, with its dates: the first phrasing
// whose every group has a phrase in it, among those with dates or those without.
bool drafter::read_phrased_rule(const sentence& s, const phrased& read, std::size_t i,
                                const std::vector<std::string>& funds, bool dated) {
  const auto& [lowered, words, dates] = read;
  for (const rule_phrase& phrasing : vocabulary_.rules) {
    if ((phrasing.dates > 0) != dated || dates.size() < static_cast<std::size_t>(phrasing.dates) ||
        drafted_dated_kinds_.count(phrasing.kind))
      continue;
    if (!states(phrasing, lowered, words)) continue;
    rule_draft r;
    r.kind = phrasing.kind;
    if (phrasing.dates == 2) r.from = dates[0].day;
    if (phrasing.dates > 0) r.to = dates[static_cast<std::size_t>(phrasing.dates) - 1].day;
    r.slug = phrasing.slug;
    r.summary = with_dates(phrasing.summary, r.from, r.to);
    if (!phrasing.not_encoded.empty()) r.not_encoded = phrasing.not_encoded;
    if (dated) drafted_dated_kinds_.insert(phrasing.kind);
    add_rule(std::move(r), s, i, dated ? std::vector<std::string>{} : funds_or_section(funds, i));
    return true;
  }
  return false;
}

bool drafter::read_rule_sentence(const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
  const phrased read{lower(s.text), words_of(s.text), detail::dates_in(s.text)};
  if (read_phrased_rule(s, read, i, funds, true)) return true;
  const std::string& lowered = read.lowered;
  bool found = false;
  // "högst två ansökningar för X och högst två ansökningar för Y": one rule per part.
  for (std::size_t at = lowered.find("högst "); at != std::string::npos; at = lowered.find("högst ", at + 1)) {
    const std::size_t next = lowered.find("högst ", at + 1);
    const std::string part = s.text.substr(at, next == std::string::npos ? std::string::npos : next - at);
    const auto w = words_of(part);
    if (w.size() < 3 || !(w[2].starts_with("ansökning") || w[2].starts_with("projekt"))) continue;
    const auto n = detail::count_word(w[1]);
    if (!n) continue;
    rule_draft r;
    r.kind = rule_kind::max_granted_per_unit;
    r.count = *n;
    r.slug = "hogst-" + std::to_string(*n);
    r.summary = "Each förvaltning may be granted funds for at most " + std::to_string(*n) + " applications.";
    const auto part_funds = funds_in(part);
    if (part_funds.empty() && funds_in(s.text).size() > 1)
      r.review.push_back({"funds", "the sentence names several funds but this limit none: read as every fund"});
    add_rule(std::move(r), s, i, part_funds.empty() ? funds_or_section(funds, i) : part_funds);
    found = true;
  }
  return found || read_phrased_rule(s, read, i, funds, false);
}

void drafter::rule_like(const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
  const std::string lowered = lower(s.text);
  const auto words = words_of(s.text);
  for (const std::string& w : vocabulary_.rule_like) {
    if (!holds_phrase(lowered, words, w)) continue;
    rule_draft r;
    r.kind = rule_kind::required_criterion;
    r.slug = "regel";
    r.summary = "A sentence that reads like a rule (see the quote); the drafter recognises none of its phrasings.";
    r.not_encoded = "reads like a rule ('" + w +
                    "') but matches none of the drafter's phrasings: a person must encode it or say why not";
    r.review.push_back({"kind", "not recognised: kind required_criterion is a placeholder, the rule is not evaluated"});
    add_rule(std::move(r), s, i, funds_or_section(funds, i));
    return;
  }
}

void drafter::criterion(const std::string& body, std::size_t i, const context& ctx) {
  rule_draft r;
  const bool required = ctx.list == context::list_of::required;
  r.kind = required ? rule_kind::required_criterion : rule_kind::priority_area;
  r.slug = required ? "huvudkriterium" : "prioriterat";
  r.summary = std::string(required ? "Main criterion" : "Priority area") + " (see the quote).";
  auto funds = funds_or_section(ctx.lead_funds, i);
  if (funds.empty())
    r.review.push_back({"funds", "neither the list's lead nor its heading names a fund: read as every fund"});
  add_rule(std::move(r), {body, line_no(i), 0}, i, funds);
}

void drafter::add_rule(rule_draft r, const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
  r.quote = s.text;
  r.line = s.line;
  r.last_line = s.last_line;
  r.section = section_of_[i];
  r.funds = as_list(funds);
  // A fund has one cap and one limit per förvaltning: a second sentence setting one is not drafted.
  if (r.kind == rule_kind::cap_per_application || r.kind == rule_kind::max_granted_per_unit) {
    const auto overlaps = [&](const rule_draft& u) {
      if (u.kind != r.kind) return false;
      if (u.funds.empty() || r.funds.empty()) return true;
      return std::any_of(u.funds.begin(), u.funds.end(), [&](const std::string& f) { return has_word(r.funds, f); });
    };
    if (const auto first = std::find_if(rules_.begin(), rules_.end(), overlaps); first != rules_.end()) {
      review_.push_back({s.line, "rule", "a second " + std::string(to_string(r.kind)) + " rule for a fund (the first is on line " +
                                             std::to_string(first->line) + "): not drafted; check which the document means"});
      return;
    }
  }
  rules_.push_back(std::move(r));
}

}  // namespace anslag::drafting
