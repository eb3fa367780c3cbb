// `anslag round YEAR|FILE`: what a round file holds, in brief: the document, the funds with their
// budget, cap and per-förvaltning limit, the applications per fund and decision, and the sums of
// the amounts the document prints, saying plainly how many rows print none. A folder: each of its
// round files in turn (JSON: {"rounds": [...]}); one that does not load is reported with its
// position, and the command exits 2 (round_paths.hpp).
#include "commands.hpp"
#include "round_paths.hpp"
#include "table_output.hpp"

#include <anslag/io/round_file.hpp>
#include <anslag/rules/facts.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace anslag::cli {
namespace {

constexpr std::array<decision, 3> decisions{decision::granted, decision::partly_granted, decision::rejected};

// The sum of one amount (requested or granted) over the applications of a fund.
struct known_sum {
  Krona sum;
  int known = 0;
  int unknown = 0;
};

struct fund_summary {
  const fund* f = nullptr;
  std::optional<Krona> cap;           // of the fund's cap_per_application rule
  std::optional<std::int64_t> limit;  // of its max_granted_per_unit rule
  std::array<int, 3> by_decision{};
  int applications = 0;
  known_sum requested, granted;
};

std::vector<fund_summary> summarise(const grant_round& r) {
  std::vector<fund_summary> funds;
  const fund_limits limits(r);
  for (const auto& f : r.funds) {
    fund_summary s;
    s.f = &f;
    if (const rule* cap = limits.cap_rule(f.id)) s.cap = cap->amount;
    if (const rule* limit = limits.unit_limit_rule(f.id)) s.limit = limit->count;
    for (const auto& a : r.applications) {
      if (a.fund != f.id) continue;
      ++s.applications;
      ++s.by_decision[static_cast<std::size_t>(a.outcome)];
      for (auto [amount, sum] : {std::pair{&a.requested, &s.requested}, std::pair{&a.granted, &s.granted}}) {
        if (*amount) {
          sum->sum += **amount;
          ++sum->known;
        } else {
          ++sum->unknown;
        }
      }
    }
    funds.push_back(s);
  }
  return funds;
}

std::string text_of(const std::optional<Krona>& amount, const char* none) {
  return amount ? amount->to_string() : none;
}

std::string limit_of(const fund_summary& s) {
  return s.limit ? "at most " + std::to_string(*s.limit) + " granted per förvaltning" : "no limit per förvaltning";
}

// "8 618 500 kr (all 14 applications)", "not printed for any of the 9 applications",
// "1 000 kr (5 applications; 3 without an amount, not included)".
std::string describe(const known_sum& s) {
  if (s.known == 0) return "not printed for any of the " + std::to_string(s.unknown) + " applications";
  if (s.unknown == 0) return s.sum.to_string() + " (all " + std::to_string(s.known) + " applications)";
  return s.sum.to_string() + " (" + std::to_string(s.known) + " applications; " + std::to_string(s.unknown) +
         " without an amount, not included)";
}

std::string window_of(const grant_round& r) {
  const rule* window = application_window_rule(r);
  if (!window) return "not stated";
  return window->from->to_string() + " to " + window->to->to_string();
}

std::optional<calendar_date> repayment_notice_by(const grant_round& r) {
  const rule* notice = repayment_notice_rule(r);
  return notice ? notice->to : std::nullopt;
}

std::string notice_of(const grant_round& r) {
  const auto by = repayment_notice_by(r);
  return by ? by->to_string() : "not stated";
}

int shown_only(const grant_round& r) {
  int n = 0;
  for (const auto& u : r.rules) n += u.stated ? 0 : 1;
  return n;
}

void print_text(const grant_round& r, const std::vector<fund_summary>& funds, std::ostream& out) {
  out << "Round " << r.year << ": " << escape_controls(r.document.title) << "\n"
      << "  document: " << escape_controls(r.document.kind) << " to " << escape_controls(r.document.deciding_body)
      << ", dated " << r.document.dated.to_string() << " (seed " << escape_controls(r.document.seed) << ")\n"
      << "  application window: " << window_of(r) << "\n"
      << "  repayment notice by: " << notice_of(r) << "\n"
      << "  rules: " << r.rules.size() << " (" << shown_only(r) << " shown by the decisions only), statements: "
      << r.statements.size() << "\n";
  for (const auto& s : funds) {
    out << "\n" << escape_controls(s.f->id) << " (" << escape_controls(s.f->name) << ")\n"
        << "  budget: " << s.f->budget.to_string() << "; cap per application: " << text_of(s.cap, "none")
        << "; " << limit_of(s) << "\n"
        << "  applications: " << s.applications;
    for (std::size_t i = 0; i < decisions.size(); ++i)
      out << (i == 0 ? " (" : ", ") << s.by_decision[i] << " " << to_string(decisions[i]);
    out << ")\n"
        << "  requested: " << describe(s.requested) << "\n"
        << "  granted: " << describe(s.granted) << "\n";
  }
}

void print_markdown(const grant_round& r, const std::vector<fund_summary>& funds, std::ostream& out) {
  out << "# Round " << r.year << "\n\n"
      << "*" << markdown_cell(escape_controls(r.document.title)) << "*, " << markdown_cell(escape_controls(r.document.kind))
      << " to " << markdown_cell(escape_controls(r.document.deciding_body)) << ", dated " << r.document.dated.to_string()
      << " (seed `" << escape_controls(r.document.seed) << "`).\n\n"
      << "- Application window: " << window_of(r) << "\n"
      << "- Repayment notice by: " << notice_of(r) << "\n"
      << "- Rules: " << r.rules.size() << " (" << shown_only(r) << " shown by the decisions only); statements: "
      << r.statements.size() << "\n\n"
      << "## Funds\n\n"
      << "| fund | name | budget | cap per application | limit per förvaltning |\n"
      << "| --- | --- | ---: | ---: | ---: |\n";
  for (const auto& s : funds)
    out << "| " << markdown_cell(escape_controls(s.f->id)) << " | " << markdown_cell(escape_controls(s.f->name)) << " | " << s.f->budget.to_string() << " | "
        << text_of(s.cap, "none") << " | " << (s.limit ? std::to_string(*s.limit) : "none") << " |\n";
  out << "\n## Applications\n\n| fund | granted | partly_granted | rejected | total | requested | granted amount |\n"
      << "| --- | ---: | ---: | ---: | ---: | --- | --- |\n";
  for (const auto& s : funds) {
    out << "| " << markdown_cell(escape_controls(s.f->id));
    for (int n : s.by_decision) out << " | " << n;
    out << " | " << s.applications << " | " << describe(s.requested) << " | " << describe(s.granted) << " |\n";
  }
}

nlohmann::json json_of(const std::optional<Krona>& amount) {
  if (!amount) return nullptr;
  return {{"ore", amount->ore()}, {"text", amount->to_string()}};
}

nlohmann::json json_of(const known_sum& s) {
  return {{"sum", s.known > 0 ? json_of(std::optional<Krona>(s.sum)) : nlohmann::json(nullptr)},
          {"known", s.known},
          {"unknown", s.unknown}};
}

nlohmann::json json_of(const grant_round& r, const std::vector<fund_summary>& funds) {
  auto optional_date = [](const std::optional<calendar_date>& d) { return d ? nlohmann::json(d->to_string()) : nlohmann::json(nullptr); };
  const rule* window = application_window_rule(r);
  nlohmann::json fund_list = nlohmann::json::array();
  for (const auto& s : funds) {
    nlohmann::json by_decision;
    for (std::size_t i = 0; i < decisions.size(); ++i) by_decision[std::string(to_string(decisions[i]))] = s.by_decision[i];
    fund_list.push_back({{"id", s.f->id},
                         {"name", s.f->name},
                         {"budget", json_of(std::optional<Krona>(s.f->budget))},
                         {"cap", json_of(s.cap)},
                         {"max_granted_per_unit", s.limit ? nlohmann::json(*s.limit) : nlohmann::json(nullptr)},
                         {"applications", s.applications},
                         {"decisions", by_decision},
                         {"requested", json_of(s.requested)},
                         {"granted", json_of(s.granted)}});
  }
  const nlohmann::json summary{
      {"year", r.year},
      {"file", r.file},
      {"document",
       {{"title", r.document.title},
        {"date", r.document.dated.to_string()},
        {"seed", r.document.seed},
        {"deciding_body", r.document.deciding_body},
        {"kind", r.document.kind}}},
      {"window_from", optional_date(window ? window->from : std::nullopt)},
      {"window_to", optional_date(window ? window->to : std::nullopt)},
      {"repayment_notice_by", optional_date(repayment_notice_by(r))},
      {"rules", r.rules.size()},
      {"statements", r.statements.size()},
      {"funds", fund_list}};
  return summary;
}

void print(const grant_round& r, output_format format) {
  const auto funds = summarise(r);
  switch (format) {
    case output_format::text: print_text(r, funds, std::cout); break;
    case output_format::markdown: print_markdown(r, funds, std::cout); break;
    case output_format::json: std::cout << json_of(r, funds).dump(2) << "\n"; break;
  }
}

int print_folder(const std::string& folder, output_format format) {
  nlohmann::json listed = nlohmann::json::array();
  bool broken = false, first = true;
  for (const auto& one : load_round_folder(folder)) {
    if (!one.loaded) {
      broken = true;
      std::cerr << "anslag round: " << escape_controls(one.failure) << "\n";
      listed.push_back({{"file", one.path.string()}, {"error", one.failure}});
      continue;
    }
    if (format == output_format::json) {
      listed.push_back(json_of(*one.loaded, summarise(*one.loaded)));
      continue;
    }
    if (!first) std::cout << "\n";
    first = false;
    print(*one.loaded, format);
  }
  if (format == output_format::json) std::cout << nlohmann::json{{"rounds", listed}}.dump(2) << "\n";
  return broken ? 2 : 0;
}

}  // namespace

void add_round_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("round", "Summarise a round: document, funds, applications and amounts");
  auto year_or_file = std::make_shared<std::string>();
  auto format = std::make_shared<output_format>(output_format::text);
  command->add_option("round", *year_or_file, "A bundled round's year (2020), a round file, or a folder of round files")
      ->required();
  add_format_option(command, *format);
  command->callback([year_or_file, format, &context] {
    try {
      if (is_round_folder(*year_or_file)) context.exit_code = print_folder(*year_or_file, *format);
      else print(load_round_argument(*year_or_file), *format);
    } catch (const error& e) {
      std::cerr << "anslag round: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
