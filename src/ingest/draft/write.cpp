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

// A wrapped sentence or a record cites every line it stands on, so that `check` finds all of it.
std::string drafter::source_range(int line, int last_line, const std::string& section) {
  const std::string lines = last_line > line ? ", lines = " + std::to_string(last_line - line + 1) : "";
  return "{ line = " + std::to_string(line) + lines + (section.empty() ? "" : ", section = " + toml_string(section)) +
         " }";
}

namespace {

// A comment's text: a control character (an ESC in a quoted cell) would end or break the TOML
// comment, so each is written as its \u escape, visible to the person reviewing.
std::string comment_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void drafter::entry_at(const std::string& out, int document_line, char list, std::size_t index) {
  entry_lines_.push_back({out.size(), document_line, list, index});
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
    out += comment_text("# REVIEW: " + n.field + ": " + n.why) + "\n";
    review_.push_back({line, entry + ": " + n.field, n.why});
  }
  for (const auto& r : readings) {
    out += comment_text("# REVIEW: reading of " + r.field + ": " + r.text) + "\n";
    review_.push_back({line, entry + ": " + r.field, "reading: " + r.text});
  }
}

std::string drafter::unique(std::set<std::string>& used, std::string id) {
  // Numbered on from the last number this id took, so that N entries of one id cost N, not N².
  int& n = suffixes_[id];
  std::string candidate = id;
  while (!used.insert(candidate).second) candidate = id + "-" + std::to_string(n < 2 ? (n = 2) : ++n);
  return candidate;
}

std::string drafter::prefix(const std::vector<std::string>& funds) const {
  std::string out = std::to_string(year_);
  if (funds.size() == 1) out += "." + funds[0];
  return out;
}

round_draft drafter::write() {
  const auto review_before = review_;
  entry_lines_.clear();
  suffixes_.clear();
  std::string out;
  out += "# Drafted by `anslag draft` from " + options_.seed +
         ". Every entry marked REVIEW needs a person's check (docs/drafting.md).\n";
  // What concerns the document, a table or a list rather than one entry stands at the top.
  for (const auto& r : review_)
    out += comment_text("# REVIEW: line " + std::to_string(r.line) + ": " + r.field + ": " + r.why) + "\n";
  for (const auto& r : head_review_) {
    out += comment_text("# REVIEW: " + r.field + ": " + r.why) + "\n";
    review_.push_back(r);
  }
  entry_at(out, title_line_, 0, 0);
  out += "format = 1\nyear = " + std::to_string(year_) + "\n";
  // A key of the root: written before the first table, or it would be read as [document]'s.
  if (funds_.empty()) {
    out += "# REVIEW: no decision sentence sets an amount aside for a fund: the round has no funds\nfunds = []\n";
    review_.push_back({0, "funds", "no decision sentence sets an amount aside for a fund: the round has no funds"});
  }
  out += "\n[document]\n";
  out += "title = " + toml_string(title_) + "\ndate = " + dated_->to_string() + "\nseed = " + toml_string(options_.seed) +
         "\ndeciding_body = " + toml_string(deciding_body_) + "\nkind = " + toml_string(kind_) + "\n";
  for (std::size_t k = 0; k < funds_.size(); ++k) {
    const auto& f = funds_[k];
    out += "\n";
    entry_at(out, f.line, 'f', k);
    note(out, "fund " + f.id, f.line, f.review, {});
    out += "[[funds]]\nid = " + toml_string(f.id) + "\nname = " + toml_string(f.name) + "\nbudget = " +
           toml_string(f.budget.text) + "\nquote = " + toml_string(f.quote) + "\nsource = " + source_range(f.line, f.last_line, f.section) + "\n";
    if (!f.readings.empty()) out += "readings = " + readings_of(f.readings) + "\n";
  }
  std::set<std::string> used;
  for (std::size_t k = 0; k < rules_.size(); ++k) {
    const auto& r = rules_[k];
    const std::string id = unique(used, prefix(r.funds) + "." + r.slug);
    out += "\n";
    entry_at(out, r.line, 'r', k);
    note(out, "rule " + id, r.line, r.review, {});
    out += "[[rules]]\nid = " + toml_string(id) + "\nkind = " + toml_string(to_string(r.kind)) + "\n";
    if (!r.funds.empty()) out += "funds = " + list(r.funds) + "\n";
    out += "summary = " + toml_string(r.summary) + "\n";
    if (r.amount) out += "amount = " + toml_string(r.amount->text) + "\n";
    if (r.count) out += "count = " + std::to_string(*r.count) + "\n";
    if (r.from) out += "from = " + r.from->to_string() + "\n";
    if (r.to) out += "to = " + r.to->to_string() + "\n";
    out += "quote = " + toml_string(r.quote) + "\nsource = " + source_range(r.line, r.last_line, r.section) + "\n";
    if (r.not_encoded) out += "not_encoded = " + toml_string(*r.not_encoded) + "\n";
  }
  used.clear();
  for (std::size_t k = 0; k < statements_.size(); ++k) {
    const auto& s = statements_[k];
    const std::string id = unique(used, prefix(s.funds) + "." + s.slug + "." + std::to_string(s.line));
    out += "\n";
    entry_at(out, s.line, 's', k);
    note(out, "statement " + id, s.line, s.review, s.readings);
    out += "[[statements]]\nid = " + toml_string(id) + "\nkind = " + toml_string(to_string(s.kind)) + "\n";
    if (!s.funds.empty()) out += "funds = " + list(s.funds) + "\n";
    if (s.amount) out += "amount = " + toml_string(s.amount->text) + "\n";
    if (s.count) out += "count = " + std::to_string(*s.count) + "\n";
    if (s.of_decision) out += "decision = " + toml_string(to_string(*s.of_decision)) + "\n";
    if (s.applicant_kind) out += "applicant_kind = " + toml_string(*s.applicant_kind) + "\n";
    out += "quote = " + toml_string(s.quote) + "\nsource = " + source_range(s.line, s.last_line, s.section) + "\n";
    if (!s.readings.empty()) out += "readings = " + readings_of(s.readings) + "\n";
  }
  std::map<std::string, int> numbers;
  for (std::size_t k = 0; k < applications_.size(); ++k) {
    const auto& a = applications_[k];
    const int n = ++numbers[a.fund];
    const std::string number = (n < 10 ? "0" : "") + std::to_string(n);
    const std::string id = std::to_string(year_) + "-" + a.fund + "-" + number;
    out += "\n";
    entry_at(out, a.line, 'a', k);
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
    out += "source = " + source_range(a.line, a.last_line, a.section) + "\n";
    if (!a.readings.empty()) out += "readings = " + readings_of(a.readings) + "\n";
  }
  std::stable_sort(review_.begin(), review_.end(), [](const review_item& x, const review_item& y) { return x.line < y.line; });
  round_draft result;
  // A draft past what a round file may hold would load nowhere, whichever entry it left out.
  if (out.size() > max_round_file_bytes)
    throw round_file_error(file_, 0, 0, "the draft of this document would be " + std::to_string(out.size() >> 20) +
                                            " MiB, more than the 16 MiB a round file may hold: draft its parts apart");
  try {
    result.drafted = parse_round(out, options_.seed);
  } catch (const round_file_error& e) {
    // The entry whose lines of the draft hold the error is left out, on the review list, and the
    // draft written again; the head, or a draft that fails again and again, is the error, naming
    // the draft's line and the document line the entry came from.
    std::size_t offset = 0;
    for (std::size_t line = 1; line < e.line() && offset < out.size(); ++line) {
      const std::size_t end = out.find('\n', offset);
      if (end == std::string::npos) break;
      offset = end + 1;
    }
    const entry_line* entry = nullptr;
    for (const auto& at : entry_lines_)
      if (at.offset <= offset) entry = &at;
    const std::string why = "(" + (options_.draft_file.empty() ? "the draft" : options_.draft_file) + ":" +
                            std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.detail() + ")";
    if (!entry || entry->list == 0 || ++rewrites_ > max_rewrites)
      throw round_file_error(file_, static_cast<std::size_t>(entry ? entry->document_line : 0), 0,
                             "the draft written from this line does not load " + why);
    review_ = review_before;
    review_.push_back({entry->document_line, "draft", "the entry drafted from this line does not load " + why +
                                                          ": left out; encode it by hand"});
    const auto at = static_cast<std::ptrdiff_t>(entry->index);
    switch (entry->list) {
      case 'f': funds_.erase(funds_.begin() + at); break;
      case 'r': rules_.erase(rules_.begin() + at); break;
      case 's': statements_.erase(statements_.begin() + at); break;
      default: applications_.erase(applications_.begin() + at); break;
    }
    return write();
  }
  result.text = std::move(out);
  result.review = std::move(review_);
  return result;
}

}  // namespace anslag::drafting
