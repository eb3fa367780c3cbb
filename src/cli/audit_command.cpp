// `anslag audit YEAR|FILE [--format text|markdown|json] [--severity error|warning|info]`
// Exit 0 when the report has no error-severity finding, 1 when it has one, 2 for bad input.
#include "commands.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/io/report_format.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/units_file.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <unistd.h>

namespace anslag::cli {

void add_audit_command(CLI::App& app, context& context) {
  auto* command = app.add_subcommand("audit", "Audit a recorded round: totals, counts and rules against the rows");
  struct options {
    std::string round;
    output_format format = output_format::text;
    std::string minimum;
  };
  auto o = std::make_shared<options>();
  command->add_option("round", o->round, "A bundled round's year (2020) or a round file")->required();
  add_format_option(command, o->format);
  command->add_option("--severity", o->minimum, "Show findings of at least this severity")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  command->callback([o, &context] {
    try {
      const round r = load_round_argument(o->round);
      const unit_registry units = load_units(data_dir() / "units.toml");
      report result = audit(r, units);
      // A bundled round is named by where it stands in the data, not by this machine's path, so
      // that generated reports are the same on every machine.
      if (is_bundled_year(o->round)) result.file = "rounds/" + o->round + ".toml";
      report_options options;
      if (!o->minimum.empty()) options.minimum = parse_severity(o->minimum);
      options.colour = o->format == output_format::text && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
      switch (o->format) {
        case output_format::text: std::cout << format_report_text(result, options); break;
        case output_format::markdown: std::cout << format_report_markdown(result, options); break;
        case output_format::json: std::cout << format_report_json(result, options); break;
      }
      context.exit_code = result.has_errors() ? 1 : 0;
    } catch (const error& e) {
      std::cerr << "anslag audit: " << e.what() << "\n";
      context.exit_code = 2;
    }
  });
}

}  // namespace anslag::cli
