#include <anslag/io/report_format.hpp>

#include <anslag/detail/text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

namespace anslag {
namespace {

bool shown(const finding& f, const report_options& options) {
  // severity is ordered error < warning < info: "at least as severe as the minimum".
  return !options.minimum || static_cast<int>(f.level) <= static_cast<int>(*options.minimum);
}

// Findings grouped by fund (in order of first appearance; the round as a whole last) and then
// by severity, errors first.
std::vector<std::pair<std::string, std::vector<const finding*>>> grouped(const report& r,
                                                                         const report_options& options) {
  std::vector<std::pair<std::string, std::vector<const finding*>>> groups;
  const auto group_of = [&](const std::string& fund) -> std::vector<const finding*>& {
    for (auto& g : groups)
      if (g.first == fund) return g.second;
    groups.emplace_back(fund, std::vector<const finding*>{});
    return groups.back().second;
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

std::string source_text(const source_ref& s) {
  if (s.document.empty()) return "";
  std::string out = s.document;
  if (s.line > 0) {
    out += ':';
    out += std::to_string(s.line);
  }
  if (!s.section.empty()) {
    out += " (";
    out += s.section;
    out += ')';
  }
  return out;
}


std::string summary_line(const report& r) {
  return std::to_string(r.count(severity::error)) + " error, " + std::to_string(r.count(severity::warning)) +
         " warning, " + std::to_string(r.count(severity::info)) + " info";
}

const char* colour_of(severity s) {
  switch (s) {
    case severity::error: return "\033[1;31m";
    case severity::warning: return "\033[33m";
    case severity::info: return "\033[36m";
  }
  return "";
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
  out << "Granskning / audit: " << r.title << "\n";
  out << r.year << ", " << r.dated.to_string() << ", " << r.file << "\n";
  out << summary_line(r) << "\n";
  for (const auto& [fund, findings] : grouped(r, options)) {
    out << "\n" << (fund.empty() ? std::string("Hela omgången / whole round") : fund) << "\n";
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
      out << "      sv: " << f->message_sv << "\n";
      out << "      en: " << f->message_en << "\n";
      if (!f->rule.empty()) out << "      rule: " << f->rule << "\n";
      if (!f->statement.empty()) out << "      statement: " << f->statement << "\n";
      if (const auto where = source_text(f->source); !where.empty()) out << "      source: " << where << "\n";
      if (!f->quote.empty()) out << "      quote: \u201C" << f->quote << "\u201D\n";
      if (f->reading) out << "      reading: " << *f->reading << "\n";
    }
  }
  return out.str();
}

std::string format_report_markdown(const report& r, const report_options& options) {
  std::ostringstream out;
  out << "# Granskning / audit: " << r.title << "\n\n";
  out << "Round " << r.year << ", document dated " << r.dated.to_string() << ", file `" << r.file << "`.\n\n";
  out << "| severity | findings |\n| --- | ---: |\n";
  for (severity s : {severity::error, severity::warning, severity::info})
    out << "| " << to_string(s) << " | " << r.count(s) << " |\n";
  for (const auto& [fund, findings] : grouped(r, options)) {
    out << "\n## " << (fund.empty() ? std::string("Hela omgången / whole round") : fund) << "\n";
    for (const finding* f : findings) {
      out << "\n- **" << to_string(f->level) << "** `" << to_string(f->code) << "`";
      if (f->expected) out << " expected " << f->expected->to_string();
      if (f->actual) out << ", actual " << f->actual->to_string();
      out << "\n  - sv: " << f->message_sv << "\n  - en: " << f->message_en << "\n";
      if (!f->rows.empty()) out << "  - rows: " << detail::joined(f->rows) << "\n";
      if (!f->rule.empty()) out << "  - rule: `" << f->rule << "`\n";
      if (!f->statement.empty()) out << "  - statement: `" << f->statement << "`\n";
      if (const auto where = source_text(f->source); !where.empty()) out << "  - source: " << where << "\n";
      if (!f->quote.empty()) out << "  - quote: \u201C" << f->quote << "\u201D\n";
      if (f->reading) out << "  - reading: " << *f->reading << "\n";
    }
  }
  return out.str();
}

std::string format_report_json(const report& r, const report_options& options) {
  nlohmann::json findings = nlohmann::json::array();
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
        {"quote", optional_text(f.quote)},
        {"source", f.source.document.empty()
                       ? nlohmann::json(nullptr)
                       : nlohmann::json{{"document", f.source.document},
                                        {"line", f.source.line},
                                        {"section", f.source.section}}},
        {"reading", f.reading ? nlohmann::json(*f.reading) : nlohmann::json(nullptr)},
    });
  }
  const nlohmann::json document{
      {"format", 1},
      {"round", {{"year", r.year}, {"title", r.title}, {"date", r.dated.to_string()}, {"file", r.file}}},
      {"summary",
       {{"error", r.count(severity::error)}, {"warning", r.count(severity::warning)}, {"info", r.count(severity::info)}}},
      {"findings", findings},
  };
  return document.dump(2) + "\n";
}

}  // namespace anslag
