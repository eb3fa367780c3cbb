// Rules: the phrasings the drafter recognises, and rule-like sentences kept not_encoded.
#include "drafter.hpp"

namespace anslag::drafting {

bool drafter::read_rule_sentence(const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
  const std::string lowered = lower(s.text);
  const auto dates = detail::dates_in(s.text);
  if ((contains(lowered, "ansökningsperiod") || contains(lowered, "ansökningstid")) && dates.size() >= 2 && !has_window_) {
    rule_draft r;
    r.kind = rule_kind::application_window;
    r.from = dates[0].day;
    r.to = dates[1].day;
    r.slug = "ansokningsperiod";
    r.summary = "Applications were received from " + dates[0].day.to_string() + " to " + dates[1].day.to_string() + ".";
    has_window_ = true;
    add_rule(std::move(r), s, i, {});
    return true;
  }
  if (contains(lowered, "senast") && !dates.empty() && (contains(lowered, "återbetal") || contains(lowered, "meddela")) &&
      !has_repayment_) {
    rule_draft r;
    r.kind = rule_kind::repayment_notice;
    r.to = dates[0].day;
    r.slug = "aterbetalning";
    r.summary = "Unused funds are repaid; notice of repayment by " + dates[0].day.to_string() + ".";
    r.not_encoded = "concerns the use of funds after the decision, not an application";
    has_repayment_ = true;
    add_rule(std::move(r), s, i, {});
    return true;
  }
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
  if (found) return true;
  auto simple = [&](rule_kind kind, std::string slug, std::string summary, std::optional<std::string> not_encoded) {
    rule_draft r;
    r.kind = kind;
    r.slug = std::move(slug);
    r.summary = std::move(summary);
    r.not_encoded = std::move(not_encoded);
    add_rule(std::move(r), s, i, funds_or_section(funds, i));
    return true;
  };
  const auto words = words_of(s.text);
  const auto approved = std::adjacent_find(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.starts_with("godkän") && (contains(b, "rapport") || contains(b, "redovisning"));
  });
  if (approved != words.end())
    return simple(rule_kind::approved_report, "godkand-rapport",
                  "An approved report on last year's funds is a condition for being granted funds.", std::nullopt);
  if (contains(lowered, "beviljas inte för") || contains(lowered, "beviljas ej för") || contains(lowered, "kan inte beviljas för") ||
      contains(lowered, "beviljas inte till"))
    return simple(rule_kind::exclusion, "undantag", "What the funds are not granted for (see the quote).", std::nullopt);
  if (contains(lowered, "under förutsättning att") && contains(lowered, "verksamhetsplan"))
    return simple(rule_kind::set_aside_condition, "verksamhetsplan",
                  "Funds are granted on condition that the committee sets them aside in its verksamhetsplan.",
                  "a condition on the committee's verksamhetsplan, not on an application");
  if (contains(lowered, "prioriterats utifrån") || contains(lowered, "prioriteras utifrån") ||
      contains(lowered, "i första hand utifrån") || contains(lowered, "rangordn"))
    return simple(rule_kind::ranking, "prioritering", "The order in which the applications were assessed.",
                  "orders the applications against each other; not a condition one application meets or fails");
  return false;
}

void drafter::rule_like(const sentence& s, std::size_t i, const std::vector<std::string>& funds) {
  const std::string lowered = lower(s.text);
  const auto words = words_of(s.text);
  for (std::string_view w : {"måste", "får inte", "ska uppfylla", "ska återbetalas", "ska rapporteras", "beviljas inte",
                             "ska meddela", "villkor för", "är ett krav", "är en förutsättning", "under förutsättning",
                             "högst", "senast", "återbetalas"}) {
    if (!contains(lowered, w) || (w.find(' ') == std::string_view::npos && !has_word(words, w))) continue;
    rule_draft r;
    r.kind = rule_kind::required_criterion;
    r.slug = "regel";
    r.summary = "A sentence that reads like a rule (see the quote); the drafter recognises none of its phrasings.";
    r.not_encoded = "reads like a rule ('" + std::string(w) +
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
