// `anslag audit YEAR|FILE|FOLDER [--format text|markdown|json|html] [--severity error|warning|info]
//                                [--document PATH] [--output FILE] [--units FILE]`
// Exit 0 when the report has no error-severity finding, 1 when it has one, 2 for bad input.
// A folder: round_paths.hpp.
#include "commands.hpp"
#include "round_paths.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/ingest/source_check.hpp>
#include <anslag/report/format.hpp>
#include <anslag/report/html.hpp>
#include <anslag/io/round_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <map>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace anslag::cli {
namespace {

enum class audit_format { text, markdown, json, html };

// The HTML page of one audited round: the document is --document when given, else the round's
// seed found beside the round file or among the bundled seeds (absent: the page says so).
std::string html_report(const report& result, const grant_round& audited, const std::filesystem::path& round_file,
                        const std::string& document_option, const report_options& options) {
  std::optional<std::string> document;
  if (!document_option.empty())
    document = read_document(document_option);
  else if (const auto found = find_document(audited, round_file, data_dir() / "seeds"))
    document = read_document(*found);
  std::vector<failed_check> failed;
  if (document)
    for (const auto& p : check_sources(audited, *document, audited.document.seed)) failed.push_back({p.line, describe(p)});
  return format_report_html(result, audited, document, options, failed);
}

// `text` to `path` through a temporary file beside it renamed over it, so that a reader never sees
// half a report and a failed write leaves nothing behind. Throws with the reason.
void write_whole(const std::filesystem::path& path, const std::string& text) {
  std::string temporary = (path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path()) /
                          ("." + path.filename().string() + ".XXXXXX");
  const int fd = mkstemp(temporary.data());
  if (fd < 0) throw std::runtime_error(path.string() + ": cannot write the file: " + std::strerror(errno));
  const auto fail = [&](int code) {
    ::close(fd);
    std::remove(temporary.c_str());
    throw std::runtime_error(path.string() + ": cannot write the file: " + std::strerror(code));
  };
  for (std::size_t written = 0; written < text.size();) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file 0600; a report is as readable as any other file the user writes.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0) fail(errno);
  if (::close(fd) != 0) {
    const int code = errno;
    std::remove(temporary.c_str());
    throw std::runtime_error(path.string() + ": cannot write the file: " + std::strerror(code));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int code = errno;
    std::remove(temporary.c_str());
    throw std::runtime_error(path.string() + ": cannot write the file: " + std::strerror(code));
  }
}

// A folder (round_paths.hpp): text, Markdown or JSON on standard output; with --format html, one
// page per round in the folder --output names (FILE.html for FILE.toml), and the summary table on
// standard output. --document names one document, so it is for one round.
int audit_folder_command(const std::string& folder, audit_format format, const std::string& minimum,
                         const std::string& output, const std::string& document, const registry_arguments& units_file) {
  if (format != audit_format::html && !output.empty()) {
    std::cerr << "anslag audit: --output applies to one round, or to a folder with --format html\n";
    return 2;
  }
  if (format == audit_format::html && (output.empty() || !document.empty())) {
    std::cerr << "anslag audit: a folder's HTML pages need --output DIR (one page per round) and no --document\n";
    return 2;
  }
  report_options options;
  if (!minimum.empty()) options.minimum = severity_from_name(minimum);
  if (format == audit_format::html) {
    std::filesystem::create_directories(output);
    return audit_folder(folder, units_file, output_format::text, options,
                        [&](const report& result, const grant_round& audited, const std::filesystem::path& file) {
                          const auto page = std::filesystem::path(output) / file.filename().replace_extension(".html");
                          write_whole(page, html_report(result, audited, file, "", options));
                        });
  }
  options.colour = format == audit_format::text && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  const output_format shown = format == audit_format::json       ? output_format::json
                              : format == audit_format::markdown ? output_format::markdown
                                                                 : output_format::text;
  return audit_folder(folder, units_file, shown, options);
}

}  // namespace

void add_audit_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("audit", "Audit a recorded round: totals, counts and rules against the rows");
  struct options {
    std::string round;
    audit_format format = audit_format::text;
    std::string minimum;
    std::string document;
    std::string output;
    registry_arguments units;
  };
  auto o = std::make_shared<options>();
  command->add_option("round", o->round, "A bundled round's year (2020), a round file, or a folder of round files")
      ->required();
  const std::map<std::string, audit_format> formats{{"text", audit_format::text},
                                                    {"markdown", audit_format::markdown},
                                                    {"json", audit_format::json},
                                                    {"html", audit_format::html}};
  command->add_option("--format", o->format, "Output format: text, markdown, json or html")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
      ->default_str("text");
  command->add_option("--severity", o->minimum, "Show findings of at least this severity")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  command->add_option("--document", o->document,
                      "html: the decision document's text (default: the round's seed beside the round file, "
                      "else among the bundled seeds)");
  command->add_option("--output", o->output, "Write the report to this file (whole or not at all) instead of stdout");
  add_units_option(command, o->units);
  command->callback([o, &context] {
    if (!o->document.empty() && o->format != audit_format::html) {
      std::cerr << "anslag audit: --document applies to --format html only\n";
      context.exit_code = 2;
      return;
    }
    try {
      if (is_round_folder(o->round)) {
        context.exit_code =
            audit_folder_command(o->round, o->format, o->minimum, o->output, o->document, o->units);
        return;
      }
      const auto path = round_path(o->round);
      const grant_round r = load_round_argument(o->round);
      const unit_registry units = load_units_argument(o->units);
      report result = audit(r, units);
      // A bundled round is named by where it stands in the data, not by this machine's path, so
      // that generated reports are the same on every machine.
      if (is_bundled_year(o->round)) result.file = "rounds/" + o->round + ".toml";
      report_options options;
      if (!o->minimum.empty()) options.minimum = severity_from_name(o->minimum);
      options.colour = o->format == audit_format::text && o->output.empty() && isatty(STDOUT_FILENO) &&
                       !std::getenv("NO_COLOR");
      std::string text;
      switch (o->format) {
        case audit_format::text: text = format_report_text(result, options); break;
        case audit_format::markdown: text = format_report_markdown(result, options); break;
        case audit_format::json: text = format_report_json(result, options); break;
        case audit_format::html: text = html_report(result, r, path, o->document, options); break;
      }
      if (o->output.empty())
        std::cout << text;
      else
        write_whole(o->output, text);
      context.exit_code = result.has_errors() ? 1 : 0;
    } catch (const std::ios_base::failure&) {
      throw;  // standard output failed: main says why, as for every command
    } catch (const std::runtime_error& e) {  // anslag::error, and a report that cannot be written
      std::cerr << "anslag audit: " << escape_controls(e.what()) << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
