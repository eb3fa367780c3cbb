// Stated counts against the rows (docs/audit.md: COUNT_MISMATCH): of applications, of
// applications with a decision, and of applying förvaltningar with the readings that fit.
#include "auditor.hpp"

#include <set>

namespace anslag::audit_detail {

void auditor::check_row_count(const statement& s) {
  if (!s.count) return;
  // Which rows the statement counts: all, those of one decision, or those granted in full or in part.
  const auto counted = [&](const application& a) {
    switch (s.kind) {
      case statement_kind::decision_count: return a.outcome == s.of_decision;
      case statement_kind::granted_count: return is_granted(a.outcome);
      default: return true;
    }
  };
  std::int64_t rows = 0;
  for (const std::size_t i : rows_in(s))
    if (counted(round_.applications[i])) ++rows;
  if (rows == *s.count) return;
  const bool by_decision = s.kind == statement_kind::decision_count || s.kind == statement_kind::granted_count;
  const std::string what_sv = s.kind == statement_kind::decision_count
                                  ? "ansökningar med beslutet " + std::string(to_string(*s.of_decision))
                              : s.kind == statement_kind::granted_count ? "ansökningar som beviljas helt eller delvis"
                                                                        : "ansökningar";
  const std::string what_en = s.kind == statement_kind::decision_count
                                  ? "applications with decision " + std::string(to_string(*s.of_decision))
                              : s.kind == statement_kind::granted_count ? "applications granted in full or in part"
                                                                        : "applications";
  finding x = found(finding_code::count_mismatch, severity::error, scope_name(s));
  x.expected = figure::of_count(*s.count);
  x.actual = figure::of_count(rows);
  x.message_sv = "Dokumentet anger " + std::to_string(*s.count) + " " + what_sv + " (" + scope_text(s) +
                 "), raderna visar " + std::to_string(rows) + ".";
  x.message_en = "The document states " + std::to_string(*s.count) + " " + what_en + " (" + scope_text(s) +
                 "); the rows show " + std::to_string(rows) + ".";
  x = citing(std::move(x), s);
  if (by_decision) {  // which rows count rests on their decisions
    readings_used read;
    for (const std::size_t i : rows_in(s)) read.add(round_.applications[i], {"decision"});
    read.into(x);
  }
  findings_.push_back(std::move(x));
}

// The number of applying förvaltningar: compared only when every application's unit is known.
// The literal reading counts distinct förvaltningar of main applicants; when it fails, two
// other readings are tried and named: co-applicants counted too, and applications counted.
void auditor::check_applicant_count(const statement& s) {
  if (!s.count) return;
  std::vector<std::string> unknown;
  std::set<std::string> main, with_co;
  std::int64_t applications = 0;
  readings_used read;  // of the names and units counted
  const auto counts = [&](const unit& fv) { return !s.applicant_kind || fv.kind == *s.applicant_kind; };
  for (const std::size_t i : rows_in(s)) {
    const application& a = round_.applications[i];
    read.add(a, {"unit", "applicant", "co_applicants"});
    const unit* fv = forvaltning_of(i);
    if (!fv) {
      unknown.push_back(a.id);
      continue;
    }
    if (counts(*fv)) {
      main.insert(fv->id);
      with_co.insert(fv->id);
      ++applications;
    }
    for (const auto& co : a.co_applicants)
      if (const unit* u = units_.find(co); u && counts(units_.forvaltning_on(*u, round_.document.dated)))
        with_co.insert(units_.forvaltning_on(*u, round_.document.dated).id);
  }
  const auto [kind_text_sv, kind_text_en] = kind_plural(units_.kinds(), s.applicant_kind);
  // A mismatch, unless the units of some applications are unknown; how grave, the readings
  // below decide.
  finding x = found(finding_code::count_mismatch, severity::error, scope_name(s));
  x.expected = figure::of_count(*s.count);
  if (!unknown.empty()) {
    x.code = finding_code::missing_data;
    x.level = severity::info;
    x.rows = unknown;
    x.message_sv = "Antalet sökande " + kind_text_sv + " (angivet " + std::to_string(*s.count) +
                   ") kan inte prövas: förvaltningen är okänd för " + std::to_string(unknown.size()) +
                   " ansökningar (" + rows_sv(unknown) + ").";
    x.message_en = "The number of applying " + kind_text_en + " (stated " + std::to_string(*s.count) +
                   ") cannot be checked: the administration is unknown for " + std::to_string(unknown.size()) +
                   " applications (" + rows_en(unknown) + ").";
    x = citing(std::move(x), s);
    read.into(x);
    findings_.push_back(std::move(x));
    return;
  }
  const auto distinct = static_cast<std::int64_t>(main.size());
  if (distinct == *s.count) return;
  x.actual = figure::of_count(distinct);
  x.message_sv = "Dokumentet anger " + std::to_string(*s.count) + " sökande " + kind_text_sv + " (" +
                 scope_text(s) + "); raderna visar " + std::to_string(distinct);
  x.message_en = "The document states " + std::to_string(*s.count) + " applying " + kind_text_en + " (" +
                 scope_text(s) + "); the rows show " + std::to_string(distinct);
  x = citing(std::move(x), s);
  if (static_cast<std::int64_t>(with_co.size()) == *s.count) {
    x.level = severity::info;
    x.message_sv += ", och " + std::to_string(with_co.size()) + " när medsökande räknas: uppgiften stämmer med den läsningen.";
    x.message_en += ", and " + std::to_string(with_co.size()) + " when co-applicants (medsökande) are counted: the statement holds on that reading.";
    add_reading(x, "co-applicants (medsökande) counted as applicants");
  } else if (applications == *s.count) {
    x.level = severity::warning;
    x.message_sv += "; " + std::to_string(*s.count) + " är antalet ansökningar från dem, inte antalet " + kind_text_sv + ".";
    x.message_en += "; " + std::to_string(*s.count) + " is the number of applications from them, not of " + kind_text_en + ".";
    add_reading(x, "the stated number counts applications rather than administrations");
  } else {
    x.message_sv += ".";
    x.message_en += ".";
  }
  read.into(x);
  findings_.push_back(std::move(x));
}

}  // namespace anslag::audit_detail
