// The passes in order, the head ([document]) and the sections; the public entry points.
#include "drafter.hpp"

#include <array>

namespace anslag::drafting {

drafter::drafter(std::string_view text, const draft_options& options, std::string file)
    : options_(options), vocabulary_(options.words ? *options.words : bundled_vocabulary()), file_(std::move(file)) {
  // A larger text is refused, naming the document (document_text.hpp: the one limit of a document's text).
  if (text.size() > max_document_text_bytes) fail("document larger than 8 MiB (the most a decision document may hold)");
  for (auto& raw : document_lines(text)) {
    line_info l;
    l.text = collapse_space(raw);
    l.raw = std::move(raw);
    lines_.push_back(std::move(l));
  }
}

round_draft drafter::run() {
  mark_furniture(lines_, vocabulary_);
  read_head();
  find_records();
  find_tables();
  flag_unread_tables();
  join_paragraphs();
  find_sections();
  find_funds();
  read_prose();
  read_tables();
  settle_from_lists();
  if (funds_.empty() && statements_.empty() && applications_.empty())
    fail("no grant decision found: no fund, total or application in Swedish");
  if (year_ == 0) fail("no year in the document: give the round's year (--year)");
  return write();
}

namespace {

bool year_word(const std::string& w) {
  return w.size() == 4 && w.find_first_not_of("0123456789") == std::string::npos && (w.starts_with("19") || w.starts_with("20"));
}

// The year a text says funds are for: "medel för 2019", "för år 2019", "2019 års medel",
// "verksamhetsåret 2019"; 0 when it says none.
int year_funds_are_for(const std::vector<std::string>& words) {
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (!year_word(words[k])) continue;
    const bool after = k >= 1 && (words[k - 1] == "för" || words[k - 1] == "verksamhetsåret" || words[k - 1] == "budgetåret" ||
                                  (words[k - 1] == "år" && k >= 2 && words[k - 2] == "för"));
    const bool before = k + 1 < words.size() && words[k + 1] == "års";
    if (after || before) return std::stoi(words[k]);
  }
  return 0;
}

// What a head's line may be besides the title: the addressee, a label line, the document's kind or
// a paragraph sign alone.
bool head_only(const std::string& text) {
  const std::string l = lower(text);
  const auto words = words_of(text);
  if (words.size() < 2) return true;
  if (l.starts_with("till ") || l.starts_with("sammanträde") || l.starts_with("datum") || l.starts_with("juster") ||
      l.starts_with("närvarande") || l.starts_with("beslutsdatum") || l.starts_with("handläggare"))
    return true;
  const std::size_t colon = text.find(':');
  return colon != std::string::npos && colon < 30 && text.find(' ') > colon;
}

constexpr std::array<std::string_view, 4> kinds{"protokollsutdrag", "delegationsbeslut", "tjänsteutlåtande", "protokoll"};

}  // namespace

void drafter::read_head() {
  const std::size_t head = std::min<std::size_t>(lines_.size(), 40);
  // The date: a line that is a date, else the first date a head line prints ("Sammanträdesdag
  // 2018-12-18", "Stockholm den 18 december 2018"), in digits or in words.
  std::optional<std::size_t> date_line;
  for (std::size_t i = 0; i < head && !date_line; ++i) {
    const auto& t = lines_[i].text;
    const auto hits = detail::dates_in(t);
    const std::string l = lower(t);
    const bool labelled = l.starts_with("den ") || l.starts_with("sammanträde") || l.starts_with("datum") ||
                          l.starts_with("beslutsdatum") || l.starts_with("stockholm");
    if (!hits.empty() && (hits[0].begin == 0 ? t.size() <= 24 : labelled && t.size() <= 60)) {
      dated_ = hits[0].day;
      date_line = i;
    }
  }
  for (std::size_t i = 0; i < head && !date_line; ++i) {
    const std::string l = lower(lines_[i].text);
    const auto hits = detail::dates_in(lines_[i].text);
    if (hits.empty() || contains(l, "ansök") || contains(l, "inkom") || contains(l, "period") || contains(l, "senast")) continue;
    dated_ = hits[0].day;
    date_line = i;
    head_review_.push_back({line_no(i), "document: date", "the date is read from a line of the head that also says '" +
                                                              lines_[i].text + "': check that it is the decision's"});
  }
  if (!date_line) {
    // A head line shaped like a date that names no day ("2020-02-30") is said as such.
    for (std::size_t i = 0; i < head; ++i) {
      const auto& t = lines_[i].text;
      const bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                          std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
      if (shaped) {
        head_review_.push_back({line_no(i), "document: date",
                                "'" + t + "' in the document's head is no date of the calendar: a person must give the decision's date"});
        break;
      }
    }
  }
  for (std::size_t i = 0; i + 1 < head; ++i) {
    if (lower(lines_[i].text) == "till" && !lines_[i + 1].text.empty()) {
      deciding_body_ = lines_[i + 1].text;
      break;
    }
  }
  if (deciding_body_.empty()) {
    for (std::size_t i = 0; i < lines_.size() && deciding_body_.empty(); ++i)
      for (const auto& w : detail::tokens_of(lines_[i].text)) {
        std::string body = lower(w);
        if (body.ends_with("nämndens")) body.pop_back();  // "Socialnämndens sammanträde"
        if (body.size() > 7 && body.ends_with("nämnden")) {
          deciding_body_ = capitalised(body);
          head_review_.push_back({line_no(i), "document: deciding_body",
                                  "no 'Till' line in the head: the first committee the text names is taken"});
          break;
        }
      }
  }
  if (deciding_body_.empty()) {
    deciding_body_ = "(not stated in the document)";
    head_review_.push_back({0, "document: deciding_body",
                            "no 'Till' line and no ...nämnden in the document: a person must name the deciding body"});
  }
  for (std::size_t i = date_line ? *date_line + 1 : 0; i < head && title_.empty(); ++i) {
    const auto& l = lines_[i];
    const std::string text = without_numbering(l.text);
    if (text.empty() || page_furniture(l.text) || text == deciding_body_ || head_only(text) ||
        (!detail::dates_in(text).empty() && detail::dates_in(text)[0].begin == 0))
      continue;
    if (std::any_of(kinds.begin(), kinds.end(), [&](std::string_view k) { return lower(text) == k; })) continue;
    title_ = text;
    title_line_ = line_no(i);
  }
  if (title_.empty()) {
    title_ = "(no title in the document)";
    head_review_.push_back({0, "document: title", "no title found in the document's head: a person must give it"});
  }
  kind_.clear();
  for (std::size_t i = 0; i < head && kind_.empty(); ++i) {
    const auto words = words_of(lines_[i].text);
    for (std::string_view k : kinds)
      if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w == k; })) {
        kind_ = k;
        break;
      }
  }
  if (kind_.empty()) {
    kind_ = "tjänsteutlåtande";
    bool named = false;
    for (const auto& l : lines_)
      if (contains(lower(l.text), "tjänsteutlåtande")) named = true;
    if (!named)
      head_review_.push_back({0, "document: kind",
                              "the document does not name its kind: read as a tjänsteutlåtande from its shape "
                              "(a head addressed to a committee, a proposed decision)"});
  }
  read_year();
  if (!dated_ && year_ != 0) {
    dated_ = calendar_date(year_, 1, 1);
    head_review_.push_back({0, "document: date", "the document prints no date in its head: written as 1 January of the "
                                                 "round's year; put in the decision's date"});
  }
}

void drafter::read_year() {
  year_ = options_.year.value_or(0);
  if (options_.year) return;
  for (const auto& w : words_of(title_))
    if (year_word(w)) year_ = std::stoi(w);
  if (year_ != 0) return;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].furniture) continue;
    if (const int y = year_funds_are_for(words_of(lines_[i].text))) {
      year_ = y;
      head_review_.push_back({line_no(i), "year", "the title names no year: the year this line says the funds are for is taken"});
      return;
    }
  }
  if (dated_) {
    year_ = dated_->year() + (dated_->month() >= 7 ? 1 : 0);
    head_review_.push_back({title_line_, "year", "the title names no year: the year after the decision's date is taken"});
    return;
  }
  for (std::size_t i = 0; i < lines_.size(); ++i)
    for (const auto& w : words_of(lines_[i].text))
      if (year_word(w)) {
        year_ = std::stoi(w);
        head_review_.push_back({line_no(i), "year", "the document prints no date and its title no year: the first year "
                                                    "it prints is taken"});
        return;
      }
}

void drafter::find_sections() {
  section_of_.assign(lines_.size(), "");
  std::string current;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (is_heading(lines_, i)) current = lines_[i].text;
    section_of_[i] = current;
  }
  for (auto& t : tables_) t.section = section_of_[static_cast<std::size_t>(t.header_line - 1)];
}

}  // namespace anslag::drafting

namespace anslag {

round_draft draft_round(std::string_view text, const draft_options& options) {
  return drafting::drafter(text, options, options.seed).run();
}

round_draft draft_round_file(const std::filesystem::path& document, draft_options options) {
  const std::string text = read_document_text(document);
  if (options.seed.empty()) options.seed = document.filename().string();
  return drafting::drafter(text, options, document.string()).run();
}

}  // namespace anslag
