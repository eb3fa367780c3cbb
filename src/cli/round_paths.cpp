#include "round_paths.hpp"
#include "table_output.hpp"

#include <anslag/audit/cross_round.hpp>
#include <anslag/error.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/round_folder.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <unistd.h>

namespace anslag::cli {

bool is_round_folder(const std::string& argument) {
  std::error_code unreadable;  // a link loop is no folder; loading it names the file
  return !is_bundled_year(argument) && std::filesystem::is_directory(argument, unreadable);
}

progress_bar::progress_bar(std::string label) : label_(std::move(label)), shown_(isatty(STDERR_FILENO) != 0) {}

progress_bar::~progress_bar() {
  if (shown_ && drawn_ != static_cast<std::size_t>(-1)) std::cerr << "\r\033[K" << std::flush;
}

void progress_bar::operator()(std::size_t done, std::size_t total) {
  if (!shown_ || total == 0) return;
  constexpr std::size_t width = 30;
  const std::size_t filled = done * width / total;
  // Redrawn only when the percentage moves: ten thousand rounds do not write ten thousand lines.
  const std::size_t percent = done * 100 / total;
  if (percent == drawn_) return;
  drawn_ = percent;
  std::cerr << "\r" << label_ << " [" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done
            << "/" << total << std::flush;
}

std::vector<loaded_round> load_round_folder(const std::filesystem::path& folder) {
  const auto files = round_files(folder);
  std::vector<loaded_round> out;
  progress_bar bar("loading");
  for (const auto& path : files) {
    loaded_round one{path, std::nullopt, {}};
    try {
      one.loaded = load_round(path);
    } catch (const error& e) {
      one.failure = e.what();
    }
    out.push_back(std::move(one));
    bar(out.size(), files.size());
  }
  return out;
}

int audit_folder(const std::filesystem::path& folder, const registry_arguments& units_file, output_format format,
                 const report_options& options, const audited_round& each) {
  const unit_registry units = load_units_argument(units_file);
  const auto loaded = load_round_folder(folder);
  std::vector<grant_round> rounds;
  for (const auto& one : loaded)
    if (one.loaded) rounds.push_back(*one.loaded);
  std::vector<report> reports;
  {
    progress_bar bar("auditing");
    reports = audit_rounds(rounds, units, [&bar](std::size_t done, std::size_t total) { bar(done, total); });
  }

  bool broken = false, errors = false;
  table summary{{"year", "file", "errors", "warnings", "info"}};
  nlohmann::json listed = nlohmann::json::array();
  std::size_t next = 0;
  for (const auto& one : loaded) {
    if (!one.loaded) {
      broken = true;
      std::cerr << "anslag audit: " << escape_controls(one.failure) << "\n";
      summary.push_back({"-", one.path.string(), "not loaded", "", ""});
      listed.push_back({{"file", one.path.string()}, {"year", nullptr}, {"error", one.failure}, {"quotes", nullptr}, {"findings", nullptr}});
      continue;
    }
    const report& r = reports[next];
    if (each) each(r, rounds[next], one.path);
    ++next;
    errors = errors || r.has_errors();
    summary.push_back({std::to_string(r.year), r.file, std::to_string(r.count(severity::error)),
                       std::to_string(r.count(severity::warning)), std::to_string(r.count(severity::info))});
    auto json = nlohmann::json::parse(format_report_json(r, options));
    listed.push_back(
        {{"file", r.file}, {"year", r.year}, {"summary", json["summary"]}, {"quotes", json["quotes"]}, {"findings", json["findings"]}});
  }

  if (each) {
    print_text_table(std::cout, summary);
    return broken ? 2 : errors ? 1 : 0;
  }
  switch (format) {
    case output_format::json: std::cout << nlohmann::json{{"rounds", listed}}.dump(2) << "\n"; break;
    case output_format::markdown:
      print_markdown_table(std::cout, summary, false);
      for (const auto& r : reports) std::cout << "\n" << format_report_markdown(r, options);
      break;
    case output_format::text:
      print_text_table(std::cout, summary);
      for (const auto& r : reports) std::cout << "\n" << format_report_text(r, options);
      break;
  }
  return broken ? 2 : errors ? 1 : 0;
}

}  // namespace anslag::cli
