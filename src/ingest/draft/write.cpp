// Writing the round file (TOML) with its # REVIEW: comments, and loading it back.
#include "drafter.hpp"

namespace anslag::drafting {

std::string drafter::toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    } else out += c;
  }
  return out + "\"";
}

std::string drafter::list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + toml_string(items[k]);
  return out + "]";
}

std::string drafter::source(int line, const std::string& section) {
  return "{ line = " + std::to_string(line) + (section.empty() ? "" : ", section = " + toml_string(section)) + " }";
}

std::string drafter::readings_of(const std::vector<reading>& readings) {
  std::string out = "[";
  for (std::size_t k = 0; k < readings.size(); ++k)
    out += (k ? ", " : "") + std::string("{ field = ") + toml_string(readings[k].field) + ", text = " +
           toml_string(readings[k].text) + " }";
  return out + "]";
}

void drafter::note(std::string& out, const std::string& entry, int line, const std::vector<review_note>& notes,
          const std::vector<reading>& readings) {
  for (const auto& n : notes) {
    out += "# REVIEW: " + n.field + ": " + n.why + "\n";
    review_.push_back({line, entry + ": " + n.field, n.why});
  }
  for (const auto& r : readings) {
    out += "# REVIEW: reading of " + r.field + ": " + r.text + "\n";
    review_.push_back({line, entry + ": " + r.field, "reading: " + r.text});
  }
}

std::string drafter::unique(std::set<std::string>& used, std::string id) {
  std::string candidate = id;
  for (int n = 2; !used.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
  return candidate;
}

std::string drafter::prefix(const std::vector<std::string>& funds) const {
  std::string out = std::to_string(year_);
  if (funds.size() == 1) out += "." + funds[0];
  return out;
}

round_draft drafter::write() {
  std::string out;
  out += "# Drafted by `anslag draft` from " + options_.seed +
         ". Every entry marked REVIEW needs a person's check (docs/drafting.md).\n";
  // What concerns the document, a table or a list rather than one entry stands at the top.
  for (const auto& r : review_)
    out += "# REVIEW: line " + std::to_string(r.line) + ": " + r.field + ": " + r.why + "\n";
  for (const auto& r : head_review_) {
    out += "# REVIEW: " + r.field + ": " + r.why + "\n";
    review_.push_back(r);
  }
  out += "format = 1\nyear = " + std::to_string(year_) + "\n\n[document]\n";
  out += "title = " + toml_string(title_) + "\ndate = " + dated_->to_string() + "\nseed = " + toml_string(options_.seed) +
         "\ndeciding_body = " + toml_string(deciding_body_) + "\nkind = " + toml_string(kind_) + "\n";
  if (funds_.empty()) {
    out += "\n# REVIEW: no decision sentence sets an amount aside for a fund: the round has no funds\nfunds = []\n";
    review_.push_back({0, "funds", "no decision sentence sets an amount aside for a fund: the round has no funds"});
  }
  for (const auto& f : funds_) {
    out += "\n";
    note(out, "fund " + f.id, f.line, f.review, {});
    out += "[[funds]]\nid = " + toml_string(f.id) + "\nname = " + toml_string(f.name) + "\nbudget = " +
           toml_string(f.budget.text) + "\nquote = " + toml_string(f.quote) + "\nsource = " + source(f.line, f.section) + "\n";
    if (!f.readings.empty()) out += "readings = " + readings_of(f.readings) + "\n";
  }
  std::set<std::string> used;
  for (const auto& r : rules_) {
    const std::string id = unique(used, prefix(r.funds) + "." + r.slug);
    out += "\n";
    note(out, "rule " + id, r.line, r.review, {});
    out += "[[rules]]\nid = " + toml_string(id) + "\nkind = " + toml_string(to_string(r.kind)) + "\n";
    if (!r.funds.empty()) out += "funds = " + list(r.funds) + "\n";
    out += "summary = " + toml_string(r.summary) + "\n";
    if (r.amount) out += "amount = " + toml_string(r.amount->text) + "\n";
    if (r.count) out += "count = " + std::to_string(*r.count) + "\n";
    if (r.from) out += "from = " + r.from->to_string() + "\n";
    if (r.to) out += "to = " + r.to->to_string() + "\n";
    out += "quote = " + toml_string(r.quote) + "\nsource = " + source(r.line, r.section) + "\n";
    if (r.not_encoded) out += "not_encoded = " + toml_string(*r.not_encoded) + "\n";
  }
  used.clear();
  for (const auto& s : statements_) {
    const std::string id = unique(used, prefix(s.funds) + "." + s.slug + "." + std::to_string(s.line));
    out += "\n";
    note(out, "statement " + id, s.line, s.review, s.readings);
    out += "[[statements]]\nid = " + toml_string(id) + "\nkind = " + toml_string(to_string(s.kind)) + "\n";
    if (!s.funds.empty()) out += "funds = " + list(s.funds) + "\n";
    if (s.amount) out += "amount = " + toml_string(s.amount->text) + "\n";
    if (s.count) out += "count = " + std::to_string(*s.count) + "\n";
    if (s.of_decision) out += "decision = " + toml_string(to_string(*s.of_decision)) + "\n";
    if (s.applicant_kind) out += "applicant_kind = " + toml_string(*s.applicant_kind) + "\n";
    out += "quote = " + toml_string(s.quote) + "\nsource = " + source(s.line, s.section) + "\n";
    if (!s.readings.empty()) out += "readings = " + readings_of(s.readings) + "\n";
  }
  std::map<std::string, int> numbers;
  for (const auto& a : applications_) {
    const int n = ++numbers[a.fund];
    const std::string number = (n < 10 ? "0" : "") + std::to_string(n);
    const std::string id = std::to_string(year_) + "-" + a.fund + "-" + number;
    out += "\n";
    note(out, "application " + id, a.line, a.review, a.readings);
    out += "[[applications]]\nid = " + toml_string(id) + "\nfund = " + toml_string(a.fund) + "\napplicant = " +
           toml_string(a.applicant) + "\n";
    if (a.unit) out += "unit = " + toml_string(*a.unit) + "\n";
    if (!a.co_applicants.empty()) out += "co_applicants = " + list(a.co_applicants) + "\n";
    out += "project = " + toml_string(a.project) + "\n";
    if (a.purpose) out += "purpose = " + toml_string(*a.purpose) + "\n";
    if (a.requested) out += "requested = " + toml_string(*a.requested) + "\n";
    if (a.granted) out += "granted = " + toml_string(*a.granted) + "\n";
    out += "decision = " + toml_string(to_string(*a.outcome)) + "\n";
    if (!a.reason.empty()) out += "reason = " + toml_string(a.reason) + "\n";
    out += "source = " + source(a.line, a.section) + "\n";
    if (!a.readings.empty()) out += "readings = " + readings_of(a.readings) + "\n";
  }
  std::stable_sort(review_.begin(), review_.end(), [](const review_item& x, const review_item& y) { return x.line < y.line; });
  round_draft result;
  result.drafted = parse_round(out, options_.seed);
  result.text = std::move(out);
  result.review = std::move(review_);
  return result;
}

}  // namespace anslag::drafting
