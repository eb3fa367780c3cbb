// The passes in order, the head ([document]) and the sections; the public entry points.
#include "drafter.hpp"

namespace anslag::drafting {

drafter::drafter(std::string_view text, const draft_options& options, std::string file) : options_(options), file_(std::move(file)) {
  for (auto& raw : document_lines(text)) {
    line_info l;
    l.text = collapse_space(raw);
    l.raw = std::move(raw);
    lines_.push_back(std::move(l));
  }
}

round_draft drafter::run() {
  read_head();
  find_tables();
  find_sections();
  find_funds();
  read_prose();
  read_tables();
  settle_from_lists();
  if (funds_.empty() && statements_.empty() && applications_.empty())
    fail("no grant decision found: no fund, total or application in Swedish");
  return write();
}

void drafter::read_head() {
  const std::size_t head = std::min<std::size_t>(lines_.size(), 40);
  std::optional<std::size_t> date_line;
  for (std::size_t i = 0; i < head && !date_line; ++i) {
    const auto& t = lines_[i].text;
    const auto hits = detail::dates_in(t);
    if (!hits.empty() && hits[0].begin == 0 && t.size() <= 20) {
      dated_ = hits[0].day;
      date_line = i;
    }
  }
  if (!date_line) {
    // A head line shaped like a date that names no day ("2020-02-30") is said as such.
    for (std::size_t i = 0; i < head; ++i) {
      const auto& t = lines_[i].text;
      const bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                          std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
      if (shaped)
        throw round_file_error(file_, static_cast<std::size_t>(line_no(i)), 1,
                               "'" + t + "' in the document's head is no date of the calendar");
    }
    fail("no date (YYYY-MM-DD) in the document's head");
  }
  for (std::size_t i = 0; i + 1 < head; ++i) {
    if (lower(lines_[i].text) == "till" && !lines_[i + 1].text.empty()) {
      deciding_body_ = lines_[i + 1].text;
      break;
    }
  }
  if (deciding_body_.empty()) {
    for (std::size_t i = 0; i < lines_.size() && deciding_body_.empty(); ++i)
      for (const auto& w : detail::tokens_of(lines_[i].text))
        if (w.size() > 7 && lower(w).ends_with("nämnden") && starts_upper(w)) {
          deciding_body_ = w;
          head_review_.push_back({line_no(i), "document: deciding_body",
                                  "no 'Till' line in the head: the first committee the text names is taken"});
          break;
        }
  }
  if (deciding_body_.empty()) fail("no deciding body (a 'Till' line or a ...nämnden) in the document");
  for (std::size_t i = *date_line + 1; i < lines_.size(); ++i) {
    if (!lines_[i].text.empty()) {
      title_ = lines_[i].text;
      title_line_ = line_no(i);
      break;
    }
  }
  if (title_.empty()) fail("no title after the date in the document's head");
  const std::string all = lower(std::string_view(title_));
  kind_ = "tjänsteutlåtande";
  bool named = false;
  for (const auto& l : lines_)
    if (contains(lower(l.text), "tjänsteutlåtande")) named = true;
  if (!named)
    head_review_.push_back({0, "document: kind",
                            "the document does not name its kind: read as a tjänsteutlåtande from its shape "
                            "(a head addressed to a committee, a proposed decision)"});
  year_ = options_.year.value_or(0);
  if (!options_.year) {
    for (const auto& w : words_of(title_)) {
      if (w.size() == 4 && w.find_first_not_of("0123456789") == std::string::npos &&
          (w.starts_with("19") || w.starts_with("20")))
        year_ = std::stoi(w);
    }
    if (year_ == 0) {
      year_ = dated_->year() + (dated_->month() >= 7 ? 1 : 0);
      head_review_.push_back({title_line_, "year",
                              "the title names no year: the year after the decision's date is taken"});
    }
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
