#include <anslag/report/format.hpp>

#include <anslag/detail/text.hpp>

#include "quotes.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace anslag {

bool shown(const finding& f, const report_options& options) {
  // severity is ordered error < warning < info: "at least as severe as the minimum".
  return !options.minimum || static_cast<int>(f.level) <= static_cast<int>(*options.minimum);
}

std::vector<std::pair<std::string, std::vector<const finding*>>> grouped(const report& r,
                                                                         const report_options& options) {
  std::vector<std::pair<std::string, std::vector<const finding*>>> groups;
  std::unordered_map<std::string_view, std::size_t> group_index;  // a fund's group, found in constant time
  const auto group_of = [&](const std::string& fund) -> std::vector<const finding*>& {
    const auto [at, added] = group_index.emplace(fund, groups.size());
    if (added) groups.emplace_back(fund, std::vector<const finding*>{});
    return groups[at->second].second;
  };
  for (const auto& f : r.findings)
    if (!f.fund.empty() && shown(f, options)) group_of(f.fund).push_back(&f);
  for (const auto& f : r.findings)
    if (f.fund.empty() && shown(f, options)) group_of("").push_back(&f);
  for (auto& g : groups)
    std::stable_sort(g.second.begin(), g.second.end(),
                     [](const finding* a, const finding* b) { return a->level < b->level; });
  return groups;
}

namespace {

// Data as Markdown inline text: controls escaped, then every character Markdown gives a meaning
// inline backslash-escaped, so that data makes no markup, no raw HTML (`\<`), no entity (`\&`)
// and no link: neither `[..](..)` nor an autolink (`<..>`; GFM's bare `scheme://`, `www.` and
// e-mail addresses, broken by escaping the `:`, the dot and the `@`).
std::string md(std::string_view text) {
  const std::string shown_text = escape_controls(text);
  std::string out;
  for (std::size_t i = 0; i < shown_text.size(); ++i) {
    const char c = shown_text[i];
    const bool www_dot = c == '.' && out.size() >= 3 &&
                         std::equal(out.end() - 3, out.end(), "www", [](char a, char b) { return (a | 0x20) == b; });
    const bool scheme_colon = c == ':' && shown_text.compare(i + 1, 2, "//") == 0;
    if (std::string_view("\\`*_[]<>&|~!#@").find(c) != std::string_view::npos || www_dot || scheme_colon)
      out += '\\';
    out += c;
  }
  return out;
}

// Data as a Markdown code span: no escape works inside one, so the fence is one backtick longer
// than the longest run of backticks in the data, and padded when the data starts or ends with one.
std::string md_code(std::string_view text) {
  const std::string shown_text = escape_controls(text);
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : shown_text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !shown_text.empty() && (shown_text.front() == '`' || shown_text.back() == '`');
  return fence + (pad ? " " : "") + shown_text + (pad ? " " : "") + fence;
}



// "document:line (section)", each part passed through `escape` (the text or the Markdown escape).
template <typename Escape>
std::string source_text(const source_ref& s, Escape escape) {
  if (s.document.empty()) return "";
  std::string out = escape(s.document);
  if (s.line > 0) {
    out += ':';
    out += std::to_string(s.line);
  }
  if (!s.section.empty()) {
    out += " (";
    out += escape(s.section);
    out += ')';
  }
  return out;
}

std::string plain(std::string_view text) { return escape_controls(text); }

// The counts by severity, and of them those that rest on a reading (docs/audit.md, "Readings").
std::string summary_line(const report& r) {
  std::string line = std::to_string(r.count(severity::error)) + " error, " +
                     std::to_string(r.count(severity::warning)) + " warning, " +
                     std::to_string(r.count(severity::info)) + " info";
  const std::size_t on_reading = r.count_on_a_reading(severity::error) + r.count_on_a_reading(severity::warning) +
                                 r.count_on_a_reading(severity::info);
  if (on_reading == 0) return line;
  return line + "; of them on a reading: " + std::to_string(r.count_on_a_reading(severity::error)) + " error, " +
         std::to_string(r.count_on_a_reading(severity::warning)) + " warning, " +
         std::to_string(r.count_on_a_reading(severity::info)) + " info";
}

const char* colour_of(severity s) {
  switch (s) {
    case severity::error: return "\033[1;31m";
    case severity::warning: return "\033[33m";
    case severity::info: return "\033[36m";
  }
  return "";
}

// "quote: “…”"; a long quote numbered, in full at its first finding ("quote 2: “…”") and by its
// number at the later ones ("quote 2: som ovan / as above") (quotes.hpp).
template <class Escape>
std::string quote_line(report_detail::quote_numbers::use use, const shared_text& quote, Escape escape) {
  const std::string label =
      quote.size() <= report_detail::quote_numbers::repeated_up_to ? "quote" : "quote " + std::to_string(use.number);
  if (!use.in_full) return label + ": som ovan / as above";
  return label + ": \u201C" + escape(quote.str()) + "\u201D";
}

nlohmann::json figure_json(const std::optional<figure>& f) {
  if (!f) return nullptr;
  if (f->amount) return {{"amount", f->amount->to_string()}, {"ore", f->amount->ore()}};
  return {{"count", *f->count}};
}

}  // namespace

std::string format_report_text(const report& r, const report_options& options) {
  std::ostringstream out;
  const auto paint = [&](severity s, const std::string& text) {
    return options.colour ? colour_of(s) + text + "\033[0m" : text;
  };
  report_detail::quote_numbers quotes;
  out << "Granskning / audit: " << plain(r.title) << "\n";
  out << r.year << ", " << r.dated.to_string() << ", " << plain(r.file) << "\n";
  out << summary_line(r) << "\n";
  for (const auto& [fund, findings] : grouped(r, options)) {
    out << "\n" << (fund.empty() ? std::string("Hela omgången / whole round") : plain(fund)) << "\n";
    for (const finding* f : findings) {
      std::string level(to_string(f->level));
      level.resize(8, ' ');
      std::string code(to_string(f->code));
      code.resize(27, ' ');
      out << "  " << paint(f->level, level) << code;
      if (f->expected) out << "expected " << f->expected->to_string();
      if (f->expected && f->actual) out << "   ";
      if (f->actual) out << "actual " << f->actual->to_string();
      out << "\n";
      out << "      sv: " << plain(f->message_sv) << "\n";
      out << "      en: " << plain(f->message_en) << "\n";
      if (!f->rule.empty()) out << "      rule: " << plain(f->rule) << "\n";
      if (!f->statement.empty()) out << "      statement: " << plain(f->statement) << "\n";
      if (const auto where = source_text(f->source, plain); !where.empty()) out << "      source: " << where << "\n";
      if (!f->quote.empty()) out << "      " << quote_line(quotes.of(f->quote), f->quote, plain) << "\n";
      if (f->reading) out << "      reading: " << plain(*f->reading) << "\n";
    }
  }
  return out.str();
}

std::string format_report_markdown(const report& r, const report_options& options) {
  std::ostringstream out;
  report_detail::quote_numbers quotes;
  out << "# Granskning / audit: " << md(r.title) << "\n\n";
  out << "Round " << r.year << ", document dated " << r.dated.to_string() << ", file " << md_code(r.file) << ".\n\n";
  out << "| severity | findings | of them on a reading |\n| --- | ---: | ---: |\n";
  for (severity s : {severity::error, severity::warning, severity::info})
    out << "| " << to_string(s) << " | " << r.count(s) << " | " << r.count_on_a_reading(s) << " |\n";
  for (const auto& [fund, findings] : grouped(r, options)) {
    out << "\n## " << (fund.empty() ? std::string("Hela omgången / whole round") : md(fund)) << "\n";
    for (const finding* f : findings) {
      out << "\n- **" << to_string(f->level) << "** `" << to_string(f->code) << "`";
      if (f->expected) out << " expected " << f->expected->to_string();
      if (f->actual) out << ", actual " << f->actual->to_string();
      out << "\n  - sv: " << md(f->message_sv) << "\n  - en: " << md(f->message_en) << "\n";
      if (!f->rows.empty()) out << "  - rows: " << md(detail::joined(f->rows)) << "\n";
      if (!f->rule.empty()) out << "  - rule: " << md_code(f->rule) << "\n";
      if (!f->statement.empty()) out << "  - statement: " << md_code(f->statement) << "\n";
      if (const auto where = source_text(f->source, md); !where.empty()) out << "  - source: " << where << "\n";
      if (!f->quote.empty()) out << "  - " << quote_line(quotes.of(f->quote), f->quote, md) << "\n";
      if (f->reading) out << "  - reading: " << md(*f->reading) << "\n";
    }
  }
  return out.str();
}

std::string format_report_json(const report& r, const report_options& options) {
  nlohmann::json findings = nlohmann::json::array();
  report_detail::quote_numbers quotes;
  for (const auto& f : r.findings) {
    if (!shown(f, options)) continue;
    const auto optional_text = [](const std::string& s) -> nlohmann::json {
      return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
    };
    findings.push_back({
        {"code", to_string(f.code)},
        {"severity", to_string(f.level)},
        {"fund", optional_text(f.fund)},
        {"rule", optional_text(f.rule)},
        {"statement", optional_text(f.statement)},
        {"message_sv", f.message_sv},
        {"message_en", f.message_en},
        {"expected", figure_json(f.expected)},
        {"actual", figure_json(f.actual)},
        {"rows", f.rows},
        {"quote", f.quote.empty() ? nlohmann::json(nullptr) : nlohmann::json(quotes.of(f.quote).number - 1)},
        {"source", f.source.document.empty()
                       ? nlohmann::json(nullptr)
                       : nlohmann::json{{"document", f.source.document},
                                        {"line", f.source.line},
                                        {"section", f.source.section}}},
        {"reading", f.reading ? nlohmann::json(*f.reading) : nlohmann::json(nullptr)},
    });
  }
  nlohmann::json document{
      {"format", 2},
      {"round", {{"year", r.year}, {"title", r.title}, {"date", r.dated.to_string()}, {"file", r.file}}},
      {"summary",
       {{"error", r.count(severity::error)}, {"warning", r.count(severity::warning)}, {"info", r.count(severity::info)}}},
      {"on_a_reading",
       {{"error", r.count_on_a_reading(severity::error)},
        {"warning", r.count_on_a_reading(severity::warning)},
        {"info", r.count_on_a_reading(severity::info)}}},
      {"quotes", nlohmann::json::array()},
      {"findings", findings},
  };
  for (const std::string* quote : quotes.texts()) document["quotes"].push_back(*quote);
  return document.dump(2) + "\n";
}

}  // namespace anslag
