// The PATH of `anslag audit` and `anslag round`: a bundled round's year, a round file, or a folder
// of round files (every *.toml in it), and what both commands do with a folder.
//
// A folder's files load one by one: a file that does not load is reported with its position
// (FILE:LINE:COLUMN) and the others go on; the command then exits 2, since part of its input was
// bad, even when the rest has error findings (docs/scaling.md, "A folder of rounds").
#pragma once

#include "commands.hpp"

#include <anslag/report/format.hpp>
#include <anslag/model/round.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace anslag::cli {

bool is_round_folder(const std::string& argument);

// One file of a folder: the round, or why it did not load (the error's message, with its position).
struct loaded_round {
  std::filesystem::path path;
  std::optional<grant_round> loaded;
  std::string failure;
};

// Every round file of `folder` (anslag::round_files: not_found_error when there is none), loaded,
// with a progress bar on a terminal.
std::vector<loaded_round> load_round_folder(const std::filesystem::path& folder);

// A progress bar on standard error, drawn only when standard error is a terminal: a program whose
// output goes to a file or a pipe says nothing it did not say before.
class progress_bar {
 public:
  explicit progress_bar(std::string label);
  ~progress_bar();
  progress_bar(const progress_bar&) = delete;
  progress_bar& operator=(const progress_bar&) = delete;
  void operator()(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool shown_;
  std::size_t drawn_ = static_cast<std::size_t>(-1);
};

// What `anslag audit FOLDER` does with each round it audited besides printing it (the HTML pages).
using audited_round = std::function<void(const report&, const grant_round&, const std::filesystem::path&)>;

// `anslag audit FOLDER`: the summary table, then each report (text, Markdown), or
// {"rounds": [...]} (JSON); the exit code (0, 1 or 2). With `each`, the summary table only, and
// `each` is called for every round that loaded. `units_file`: the --units and --aliases options.
int audit_folder(const std::filesystem::path& folder, const registry_arguments& units_file, output_format format,
                 const report_options& options, const audited_round& each = {});

}  // namespace anslag::cli
