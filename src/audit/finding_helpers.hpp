// How the audit's checks make findings, shared by the checks of one round (audit.cpp) and
// those across rounds (cross_round.cpp), so that both state and cite alike.
#pragma once

#include <anslag/audit/finding.hpp>

#include <string>
#include <utility>
#include <vector>

namespace anslag::audit_detail {

constexpr std::size_t rows_named_in_messages = 10;

// "2020-MUST-03, 2020-MUST-09" (at most ten, then "and N more").
inline std::string list_rows(const std::vector<std::string>& rows, const char* and_more) {
  std::string out;
  for (std::size_t i = 0; i < rows.size() && i < rows_named_in_messages; ++i) {
    if (i != 0) out += ", ";
    out += rows[i];
  }
  if (rows.size() > rows_named_in_messages)
    out += " " + std::string(and_more) + " " + std::to_string(rows.size() - rows_named_in_messages);
  return out;
}
inline std::string rows_sv(const std::vector<std::string>& rows) { return list_rows(rows, "och ytterligare"); }
inline std::string rows_en(const std::vector<std::string>& rows) { return list_rows(rows, "and"); }

// What every finding states: what was found, how grave, in which fund and rows; a check adds
// what is particular to it.
inline finding found(finding_code code, severity level, std::string fund, std::vector<std::string> rows = {}) {
  finding f;
  f.code = code;
  f.level = level;
  f.fund = std::move(fund);
  f.rows = std::move(rows);
  return f;
}

inline finding citing(finding f, const rule& r) {
  f.rule = r.id;
  f.quote = r.quote;
  f.source = r.source;
  return f;
}

// A limit set by the fund itself (no rule) cites nothing.
inline finding citing(finding f, const rule* r) { return r ? citing(std::move(f), *r) : f; }

}  // namespace anslag::audit_detail
