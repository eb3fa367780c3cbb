// Statements: the prose sentence by sentence (totals, counts, list leads) and the tables' total rows.
#include "drafter.hpp"

namespace anslag::drafting {

void drafter::read_prose() {
  context ctx;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const auto& l = lines_[i];
    if (l.table || l.furniture || l.joined || l.text.empty()) continue;
    if (is_heading(lines_, i)) {
      ctx = {};
      continue;
    }
    const bool item = is_list_item(l.text);
    // A line that begins in lower case continues the list item above it (a page break or a
    // blank line the extraction put inside a sentence).
    const bool continued = !item && !starts_upper(l.text) && ctx.list != context::list_of::nothing;
    if (continued) continue;
    if (!item) ctx.list = context::list_of::nothing, ctx.lead_kind.reset(), ctx.lead_decision.reset();
    if (item && ctx.list == context::list_of::projects) {
      prose_application(body_of(l.text), i, ctx);
      continue;
    }
    if (item && (ctx.list == context::list_of::required || ctx.list == context::list_of::priority)) {
      criterion(body_of(l.text), i, ctx);
      continue;
    }
    std::vector<std::string> line_funds;
    for (const auto& s : sentences_at(i)) {
      auto named = funds_in(s.text);
      if (!named.empty()) line_funds = named;
      if (!item) lead(s, ctx, named.empty() ? line_funds : named);
      read_sentence(s, i, named.empty() ? line_funds : named, named.empty() && !line_funds.empty(), item, ctx);
    }
  }
}

void drafter::lead(const sentence& s, context& ctx, const std::vector<std::string>& funds) {
  const std::string lowered = lower(s.text);
  ctx.lead_funds = funds;
  ctx.lead_line = s.line;
  ctx.lead_words = s.text;
  ctx.lead_decision.reset();
  if (s.text.ends_with(":") && !funds.empty()) {
    if (const auto d = detail::last_decision(s.text, vocabulary_.decisions)) {  // "Följande studiebesök föreslås beviljas:"
      ctx.list = context::list_of::projects;
      ctx.lead_decision = d->outcome;
      ctx.lead_words = d->words;
      return;
    }
  }
  if (s.text.ends_with(":") && (contains(lowered, "huvudkriteri") || contains(lowered, "ska uppfylla")))
    ctx.list = context::list_of::required;
  else if (s.text.ends_with(":") && (contains(lowered, "prioriterade områden") || contains(lowered, "inriktning")))
    ctx.list = context::list_of::priority;
}

std::vector<std::string> drafter::funds_or_section(const std::vector<std::string>& funds, std::size_t i) const {
  if (!funds.empty()) return funds;
  return funds_in(section_of_[i]);
}

void drafter::read_sentence(const sentence& s, std::size_t i, const std::vector<std::string>& funds, bool funds_from_before,
                   bool item, context& ctx) {
  const std::string lowered = lower(s.text);
  const auto amounts = detail::amounts_in(s.text);
  // Decision sentences: the budget and a granted_total statement per amount.
  if (const auto budgets = budget_sentences_.find({i, s.index}); budgets != budget_sentences_.end()) {
    for (const auto& b : budgets->second) {
      statement_draft st;
      st.kind = statement_kind::granted_total;
      st.funds = as_list({b.fund});
      st.amount = b.hit;
      st.slug = "beviljat";
      add_statement(std::move(st), s, i);
    }
    return;
  }
  if (too_many_amounts(s, amounts.size())) return;
  const bool cap_words = contains(lowered, "högst") || contains(lowered, "högsta") || contains(lowered, "maximalt") ||
                         contains(lowered, "max ");
  if (!amounts.empty() && cap_words) {
    for (const auto& a : amounts) {
      rule_draft r;
      r.kind = rule_kind::cap_per_application;
      r.amount = a;
      r.slug = "hogsta-belopp";
      r.summary = "At most " + a.text + " may be applied for per application.";
      add_rule(std::move(r), s, i, funds_or_section(funds, i));
    }
    return;
  }
  if (!amounts.empty()) {
    std::optional<statement_kind> kind;
    if (contains(lowered, "ansök") || contains(lowered, "sökta") || contains(lowered, "inkom"))
      kind = statement_kind::requested_total;
    else if (contains(lowered, "tilldelning") || contains(lowered, "fördelning") || contains(lowered, "beviljas") ||
             contains(lowered, "beviljat") || contains(lowered, "föreslås"))
      kind = statement_kind::granted_total;
    else if (item && ctx.lead_kind && contains(lowered, "avser"))
      kind = ctx.lead_kind;
    if (kind) {
      for (const auto& a : amounts) {
        statement_draft st;
        st.kind = *kind;
        st.amount = a;
        st.slug = *kind == statement_kind::requested_total ? "ansokt" : "beviljat";
        auto named = funds;
        if (named.size() > 1 && amounts.size() > 1) {
          // "... lokala utvecklingsmedel uppgick till 4 650 000 kronor och ... medel för utveckling och
          // lärande till 120 000 kronor": each amount is the fund its own part of the sentence names.
          const auto own = funds_of_part(s.text, amounts, static_cast<std::size_t>(&a - amounts.data()));
          if (own.size() == 1) {
            named = own;
            st.readings.push_back({"funds", "the sentence states several funds' figures: read as the fund its part "
                                            "around the amount names"});
          }
        }
        if (item && kind == ctx.lead_kind) {
          named = funds_in(fund_phrase(s.text, a.end));
          st.readings.push_back({"kind", "a list item under the sentence of line " + std::to_string(ctx.lead_line) +
                                             ": read as the same kind of total"});
        }
        if (funds_from_before && !item)
          st.readings.push_back({"funds", "the sentence names no fund: read as the fund of the sentence before it"});
        if (named.empty())
          st.review.push_back({"funds", "the sentence names no fund: read as a total of every fund"});
        st.funds = as_list(named);
        add_statement(std::move(st), s, i);
      }
      if (!item) ctx.lead_kind = kind;
      read_counts(s, i, funds, ctx);
      return;
    }
  }
  bool counted = read_counts(s, i, funds, ctx);
  bool ruled = read_rule_sentence(s, i, funds);
  if (!counted && !ruled) rule_like(s, i, funds);
}

bool drafter::read_counts(const sentence& s, std::size_t i, const std::vector<std::string>& funds, context& ctx) {
  const std::string text = without_line_hyphens(s.text);  // "4 ansökn- ingar"
  const auto words = words_of(text);
  bool found = false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (!words[k].starts_with("ansökning")) continue;
    std::size_t at = k;
    if (at >= 1 && words[at - 1] == "stycken") --at;
    if (at == 0) continue;
    const auto n = detail::count_word(words[at - 1]);
    if (!n || (at >= 2 && (words[at - 2] == "högst" || words[at - 2] == "minst"))) continue;
    const std::string rest = lower(text).substr(std::min(lower(text).size(), lower(text).find(words[k])));
    statement_draft st;
    st.count = *n;
    const auto d = detail::last_decision(rest, vocabulary_.decisions);
    if (d && !contains(rest, "ansökningsperiod")) {
      st.kind = statement_kind::decision_count;
      st.of_decision = d->outcome;
      st.slug = std::string(to_string(d->outcome));
      ctx.list = context::list_of::projects;
      ctx.lead_decision = d->outcome;
      ctx.lead_words = d->words;
    } else {
      st.kind = statement_kind::application_count;
      st.slug = "antal";
    }
    auto named = funds;
    if (funds.size() > 1) {
      // "Det inkom 3 ansökningar om lokala utvecklingsmedel och 9 ansökningar om medel för ...":
      // each count is the fund its own part of the sentence names, up to the next count.
      std::size_t next = k + 1;
      while (next < words.size() && !(words[next].starts_with("ansökning") && next >= 1 &&
                                       detail::count_word(words[next - 1]))) ++next;
      std::string part;
      for (std::size_t w = k; w < next; ++w) part += words[w] + " ";
      const auto own = funds_in(part);
      if (own.size() == 1) {
        named = own;
        st.readings.push_back({"funds", "the sentence states several funds' counts: read as the fund its part "
                                        "after the count names"});
      }
    }
    if (named.empty()) st.review.push_back({"funds", "the sentence names no fund: read as a count over every fund"});
    st.funds = as_list(named);
    add_statement(std::move(st), s, i);
    found = true;
    if (named.size() == funds.size()) break;  // one count a sentence, unless each names its own fund
  }
  // The organisation's own words come from its registry: what it calls its districts
  // ("stadsdelsförvaltningar", "stadsområdesförvaltningar"), and which names are its central
  // administrations ("och socialförvaltningen").
  const std::string district_word = options_.units ? lower(options_.units->kinds().district.singular) : "";
  const auto names_administration = [&](const std::string& word) {
    try {
      return options_.units && options_.units->resolve(word).kind == unit_kind::administration;
    } catch (const error&) {
      return false;
    }
  };
  for (std::size_t k = 0; k + 2 < words.size(); ++k) {
    if (words[k] != "från") continue;
    const auto n = detail::count_word(words[k + 1]);
    const std::string& what = words[k + 2];
    const bool districts = !district_word.empty() && what.starts_with(district_word);
    if (!n || !(districts || what.starts_with("förvaltning"))) continue;
    statement_draft st;
    st.kind = statement_kind::applicant_count;
    st.count = *n;
    st.slug = "sokande";
    if (districts) st.applicant_kind = "district";
    st.funds = as_list(funds);
    add_statement(std::move(st), s, i);
    found = true;
    const std::size_t after = k + 3;
    const bool joined = after + 1 < words.size() && (words[after] == "och" || words[after] == "samt");
    const std::size_t named = joined && words[after + 1] == "från" ? after + 2 : after + 1;
    if (joined && named < words.size() && names_administration(words[named])) {
      statement_draft one;
      one.kind = statement_kind::applicant_count;
      one.count = 1;
      one.slug = "sokande-forvaltning";
      one.applicant_kind = "administration";
      one.funds = as_list(funds);
      one.readings.push_back({"count", "'" + words[after] + " " + words[named] +
                                           "' read as one applying förvaltning besides the districts"});
      add_statement(std::move(one), s, i);
    }
  }
  return found;
}

void drafter::table_total(const table& t, const table_row& row, const std::string& fund) {
  for (std::size_t k = 0; k < t.columns.size() && k < row.cells.size(); ++k) {
    const auto& c = t.columns[k];
    if (c.role != column_role::requested && c.role != column_role::granted) continue;
    const auto amount = detail::cell_amount(plain_text(row.cells[k]), c.unit);
    if (!amount) continue;
    statement_draft st;
    st.kind = c.role == column_role::requested ? statement_kind::requested_total : statement_kind::granted_total;
    st.amount = amount;
    st.review = row.notes;
    st.funds = as_list({fund});
    st.slug = c.role == column_role::requested ? "ansokt.tabell" : "beviljat.tabell";
    add_statement(std::move(st), {lines_[static_cast<std::size_t>(row.line - 1)].text, row.line, 0},
                  static_cast<std::size_t>(row.line - 1));
  }
}

std::vector<std::string> drafter::funds_of_part(const std::string& text, const std::vector<amount_hit>& amounts,
                                                std::size_t k) const {
  // The sentence names its funds before their amounts when its first part, up to the first amount, names one.
  if (!funds_in(text.substr(0, amounts[0].begin)).empty()) {
    const std::size_t from = k == 0 ? 0 : amounts[k - 1].end;
    return funds_in(text.substr(from, amounts[k].begin - from));
  }
  const std::size_t to = k + 1 < amounts.size() ? amounts[k + 1].begin : text.size();
  return funds_in(text.substr(amounts[k].end, to - amounts[k].end));
}

void drafter::add_statement(statement_draft st, const sentence& s, std::size_t i) {
  st.quote = s.text;
  st.line = s.line;
  st.last_line = s.last_line;
  st.section = section_of_[i];
  statements_.push_back(std::move(st));
}

}  // namespace anslag::drafting
