// Applications: from the tables' rows and the prose lists, and their decisions.
#include "drafter.hpp"

namespace anslag::drafting {

void drafter::prose_application(const std::string& body, std::size_t i, const context& ctx) {
  application_draft a;
  a.line = line_no(i);
  a.section = section_of_[i];
  const auto funds = ctx.lead_funds.empty() ? funds_in(section_of_[i]) : ctx.lead_funds;
  if (funds.size() != 1) {
    review_.push_back({a.line, "application", "a project in a prose list whose fund cannot be told: not drafted; add it by hand"});
    return;
  }
  a.fund = funds[0];
  std::string text = plain_text(body);
  std::string rest;
  const auto open = text.find_first_of("\"”“«");
  if (open != std::string::npos) {
    const std::size_t len = static_cast<unsigned char>(text[open]) < 0x80 ? 1 : (text.compare(open, 2, "«") == 0 ? 2 : 3);
    std::size_t close = std::string::npos;
    for (std::string_view q : {"\"", "”", "“", "»"}) {
      const std::size_t at = text.find(q, open + len);
      if (at != std::string::npos && at < close) close = at;
    }
    if (close != std::string::npos) {
      a.project = trim_end(text.substr(open + len, close - open - len), " ");
      rest = text.substr(close + (static_cast<unsigned char>(text[close]) < 0x80 ? 1 : text.compare(close, 2, "»") == 0 ? 2 : 3));
      a.applicant = trim_end(text.substr(0, open), " ");
      for (std::string_view word : {"projektet", "projekt"})
        if (lower(a.applicant).ends_with(word)) a.applicant.resize(a.applicant.size() - word.size());
      a.applicant = trim_end(a.applicant, " :,-");
    }
  }
  std::optional<amount_hit> amount;
  if (a.project.empty()) {
    // "Farsta: Studiebesök i Oslo, 25 000 kronor" or "Farsta – Studiebesök i Oslo (25 000 kronor)"
    const auto amounts = detail::amounts_in(text);
    std::string head = text;
    if (!amounts.empty()) {
      amount = amounts.back();
      head = trim_end(text.substr(0, amounts.back().begin), " ,(–-:");
    }
    const std::size_t colon = head.find(": ");
    const std::size_t dash = head.find(" – ") != std::string::npos ? head.find(" – ") : head.find(" - ");
    const std::size_t split = colon != std::string::npos ? colon : dash;
    if (split != std::string::npos) {
      a.applicant = head.substr(0, split);
      a.project = trim_end(head.substr(split + (split == colon ? 2 : dash == head.find(" – ") ? 5 : 3)), " ,.");
    } else {
      a.project = trim_end(head, " ,.");
    }
  }
  if (a.project.empty()) {
    review_.push_back({a.line, "application", "a list item under a decision whose project cannot be read: not drafted"});
    return;
  }
  if (rest.empty() && !amount) rest = text;
  a.reason = trim_end(std::string(rest.find_first_not_of(" ") == std::string::npos ? "" : rest.substr(rest.find_first_not_of(" "))), " ");
  a.outcome = ctx.lead_decision;
  if (ctx.lead_line != a.line)
    a.readings.push_back({"decision", "the decision word '" + ctx.lead_words + "' stands on line " +
                                          std::to_string(ctx.lead_line) + ", in the sentence that introduces the list"});
  if (a.applicant.empty())
    a.readings.push_back({"applicant", "the document names the project only, not the applying förvaltning"});
  // An amount in a rejected item, or one said to be applied for, is the request.
  const std::string before = amount ? lower(text.substr(0, amount->begin)) : "";
  if (amount && (ctx.lead_decision == decision::rejected || contains(before, "ansök") || contains(before, "sökt"))) {
    a.requested = amount->text;
    a.requested_value = amount->value;
  } else if (amount) {
    a.granted = amount->text;
    a.granted_value = amount->value;
  }
  if (ctx.lead_decision == decision::rejected && !a.granted) {
    a.granted = "0 kr";
    a.granted_value = Krona();
    a.readings.push_back({"granted", "'" + ctx.lead_words + "' (line " + std::to_string(ctx.lead_line) +
                                         ") read as no funds granted; the document prints no amount"});
  }
  prose_apps_.push_back(std::move(a));
}

void drafter::read_tables() {
  for (auto& t : tables_) {
    const std::string what = t.last_line != 0 ? "record" : "table";  // a record: a table of one row
    settle_column_roles(t);
    auto funds = funds_in(t.section);
    if (funds.size() != 1) funds = funds_in(lines_[static_cast<std::size_t>(t.header_line - 1)].text);
    if (funds.size() != 1 && t.last_line != 0) {  // a record may name its fund in a line of its own
      for (std::size_t k = 0; k < t.columns.size() && funds.size() != 1; ++k)
        if (t.columns[k].role == column_role::other) funds = funds_in(t.rows[0].cells[k]);
    }
    if (funds.size() != 1 && funds_.size() == 1) {
      funds = {funds_[0].id};
      review_.push_back({t.header_line, what, "its heading names no fund: read as the round's one fund " + funds[0]});
    }
    if (funds.size() != 1) {
      review_.push_back({t.header_line, what, "its heading names no single fund: not drafted"});
      continue;
    }
    const std::string& fund = funds[0];
    std::vector<std::string> notes;
    bool has_requested = false, has_granted = false, has_decision = false, has_reason = false;
    for (const auto& c : t.columns) {
      has_requested = has_requested || c.role == column_role::requested;
      has_granted = has_granted || c.role == column_role::granted;
      has_decision = has_decision || c.role == column_role::decision;
      has_reason = has_reason || c.role == column_role::reason;
      if (c.role == column_role::granted && !contains(lower(c.header), "bevilja"))
        review_.push_back({t.header_line, "table: column '" + c.header + "'", "read as the granted amount"});
    }
    if (!has_requested)
      review_.push_back({t.header_line, what, "it prints no requested amount: requested left unknown"});
    for (const auto& row : t.rows) table_application(t, row, fund, has_decision, has_reason);
    for (const auto& total : t.totals) table_total(t, total, fund);
  }
  if (tables_.empty() && prose_apps_.empty())
    review_.push_back({0, "applications", "no table, record or list of projects found: the draft has no applications; "
                                          "add them by hand"});
}

void drafter::table_application(const table& t, const table_row& row, const std::string& fund, bool has_decision, bool has_reason) {
  application_draft a;
  a.fund = fund;
  a.line = row.line;
  a.last_line = t.last_line != 0 ? t.last_line : row.last_line;
  a.section = t.section;
  a.review = row.notes;
  std::string decision_cell, reason_cell;
  for (std::size_t k = 0; k < t.columns.size() && k < row.cells.size(); ++k) {
    const auto& c = t.columns[k];
    const std::string text = plain_text(row.cells[k]);
    switch (c.role) {
      case column_role::applicant: a.applicant = text; break;
      case column_role::applicant_project: split_applicant(a, row.cells[k]); break;
      case column_role::project: a.project = text; break;
      case column_role::purpose: if (!text.empty()) a.purpose = text; break;
      case column_role::reason: reason_cell = text; break;
      case column_role::decision: decision_cell = text; break;
      case column_role::requested:
      case column_role::granted: {
        const bool requested = c.role == column_role::requested;
        if (text.empty() || text == "-" || text == "–") {
          a.review.push_back({requested ? "requested" : "granted", "the cell is empty: left unknown"});
          break;
        }
        const auto amount = detail::cell_amount(text, c.unit);
        if (!amount) {
          a.review.push_back({requested ? "requested" : "granted", "the cell '" + text + "' is not an amount: left unknown"});
          break;
        }
        if (amount->value > Krona::from_kronor(1'000'000'000)) {
          a.review.push_back({requested ? "requested" : "granted",
                              "the cell '" + text + "' reads as " + amount->text +
                                  ", more than any one application's: two cells run together? left unknown"});
          break;
        }
        (requested ? a.requested : a.granted) = amount->text;
        (requested ? a.requested_value : a.granted_value) = amount->value;
        break;
      }
      case column_role::other: break;
    }
  }
  if (a.project.empty() && a.applicant.empty()) return;
  if (a.project.empty()) {
    a.project = a.applicant;
    a.review.push_back({"project", "the row has no project text: the applicant's cell is used"});
  }
  a.reason = !reason_cell.empty() ? reason_cell : decision_cell;
  settle_decision(a, decision_cell, reason_cell, has_decision, has_reason);
  resolve_unit(a);
  table_apps_.push_back(std::move(a));
}

void drafter::settle_decision(application_draft& a, const std::string& decision_cell, const std::string& reason_cell,
                     bool has_decision, bool has_reason) {
  if (auto d = detail::leading_decision(decision_cell, vocabulary_.decisions)) {
    a.outcome = d->outcome;
  } else if (auto in_text = detail::last_decision(decision_cell, vocabulary_.decisions)) {
    a.outcome = in_text->outcome;
    a.readings.push_back({"decision", "the decision column's text read from its wording '" + in_text->words + "'"});
  } else if (auto bare = detail::leading_decision(reason_cell, vocabulary_.decisions);
             bare && plain_text(reason_cell).size() <= bare->words.size() + 1) {
    a.outcome = bare->outcome;  // a bare "Till viss del" under Bedömning: the table's decision word
  } else if (auto worded = detail::last_decision(reason_cell, vocabulary_.decisions)) {
    a.outcome = worded->outcome;
    a.readings.push_back({"decision", std::string(has_decision ? "the decision column is empty" : "the table has no decision column") +
                                          ": read from the assessment's wording '" + worded->words + "'"});
  } else if (a.granted_value) {
    a.decision_inferred = true;
    if (a.granted_value->ore() == 0) {
      a.outcome = decision::rejected;
      a.readings.push_back({"decision", "no decision word: a grant of 0 read as rejected"});
    } else if (a.requested_value && *a.granted_value < *a.requested_value) {
      a.outcome = decision::partly_granted;
      a.readings.push_back({"decision", "no decision word: a grant below the request read as partly granted"});
    } else {
      a.outcome = decision::granted;
      a.readings.push_back({"decision", "in the distribution table with an amount: read as granted"});
    }
  }
  (void)has_reason;
  if (!a.outcome) {
    a.review.push_back({"decision", "no decision word and no amount: the decision cannot be told (written as rejected)"});
    a.outcome = decision::rejected;
    a.readings.push_back({"decision", "no decision could be read: written as rejected for a person to settle"});
  }
  // The amounts may contradict the word.
  if (a.granted_value && a.requested_value && a.outcome == decision::granted && *a.granted_value < *a.requested_value)
    a.review.push_back({"decision", "'granted' but the grant is below the request"});
  if (a.granted_value && a.outcome != decision::rejected && a.granted_value->ore() == 0)
    a.review.push_back({"decision", "granted, yet the grant printed is 0"});
}

std::string drafter::title_key(const std::string& project) {
  return trim_end(lower(plain_text(project)), " .");
}

void drafter::settle_from_lists() {
  // Both name their applicant: the names must agree, so that a title two applicants share
  // ("Studieresa") does not settle another applicant's row.
  const auto same_applicant = [](const application_draft& a, const application_draft& p) {
    if (p.applicant.empty() || a.applicant.empty()) return true;
    const std::string x = lower(plain_text(a.applicant)), y = lower(plain_text(p.applicant));
    return contains(x, y) || contains(y, x);
  };
  for (auto& p : prose_apps_) {
    bool matched = false;
    for (auto& a : table_apps_) {
      if (a.fund != p.fund || title_key(a.project) != title_key(p.project) || !same_applicant(a, p)) continue;
      matched = true;
      if (a.outcome != p.outcome) {
        a.outcome = p.outcome;
        std::erase_if(a.readings, [](const reading& r) { return r.field == "decision"; });
        a.readings.push_back({"decision", "matched by project title to the prose's list (line " + std::to_string(p.line) +
                                              "): '" + std::string(to_string(*p.outcome)) + "'"});
      }
    }
    if (!matched) applications_.push_back(std::move(p));
  }
  // The rest of a table whose rows were read as granted stays granted: say why.
  for (auto& a : table_apps_) applications_.push_back(std::move(a));
  std::stable_sort(applications_.begin(), applications_.end(),
                   [](const application_draft& x, const application_draft& y) { return x.line < y.line; });
}

}  // namespace anslag::drafting
