// Evaluation of one application against the rules of its round: one verdict per rule that
// applies to the application's fund, each citing the sentence the rule comes from.
//
// A verdict is `met`, `not_met` or `unknown`; an unknown names the inputs it lacks, so that an
// auditor can see what would settle it. Nothing the document does not say is assumed: an absent
// amount, date, assessment or unit makes the verdict unknown, never a pass. An amount the row does
// not print but its decision word or a stated total fixes exactly (anslag::amount_facts) is used,
// and the explanation says how it is known; so a verdict agrees with the audit's finding on the
// same rule and row (tests/python/test_audit_evaluate_agree.py holds them to it).
//
// Throws: evaluate() throws no anslag::error (sums are exact; an unknown unit makes verdicts
// unknown); judge() throws invalid_argument_error "rule ID has no verdict" for a rule without one.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Several threads may evaluate one round.
// Exceptions: as stated below (judge's invalid_argument_error); std::bad_alloc.
// Lifetimes: values (copies); an evaluation refers to nothing in the round.
#pragma once

#include <anslag/export.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/unit.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

enum class verdict_state { met, not_met, unknown };

// "met", "not_met", "unknown": the words of Python and of the command line.
ANSLAG_API std::string_view to_string(verdict_state s) noexcept;
ANSLAG_API std::optional<verdict_state> verdict_state_from_name(std::string_view text) noexcept;

struct verdict {
  std::string rule;  // the rule's id
  rule_kind kind = rule_kind::required_criterion;
  // false for priority areas: a priority area not met ranks an application lower, it does not
  // disqualify it, so it never decides the overall result.
  bool required = true;
  verdict_state state = verdict_state::unknown;
  // What an unknown lacks: "requested", "unit", "submitted", "approved_report", "destination",
  // "assessment:RULE_ID"; "unit:APPLICATION_ID" and "destination:APPLICATION_ID" when another
  // application of the round could decide the verdict and its unit or destination is not known.
  std::vector<std::string> missing;
  std::map<std::string, std::string> parameters;  // rule_parameters of the rule
  std::string explanation_sv;  // with the figures the verdict rests on
  std::string explanation_en;
  std::string quote;  // the rule's Swedish sentence, verbatim
  source_ref source;

  friend bool operator==(const verdict&, const verdict&) = default;
};

// A rule of the application's fund that has no verdict, and why.
struct unevaluated_rule {
  std::string rule;
  rule_kind kind = rule_kind::required_criterion;
  std::string reason;  // the rule's not_encoded text, or why its kind has no verdict

  friend bool operator==(const unevaluated_rule&, const unevaluated_rule&) = default;
};

struct evaluation {
  std::string application;  // the application's id
  std::string fund;
  // The unit the verdicts used: the application's unit id if set, else the applicant resolved
  // through the registry; empty when neither gives one unit.
  std::optional<std::string> unit;
  std::vector<verdict> verdicts;  // in the round's order of rules
  std::vector<unevaluated_rule> not_evaluated;
  // not_met when a required verdict is not met; else unknown when one is unknown; else met.
  verdict_state result = verdict_state::met;

  friend bool operator==(const evaluation&, const evaluation&) = default;
};

// A rule's parameters by name: "amount" (canonical Swedish form), "count", "from", "to" (ISO
// dates); only those the rule gives.
ANSLAG_API std::map<std::string, std::string> rule_parameters(const rule& r);

// The verdicts of `application` (usually one of round.applications; other applications of the
// round count where a rule compares applications). Never throws for an unknown or ambiguous
// unit: the verdicts that need the unit are unknown.
ANSLAG_API evaluation evaluate(const grant_round& r, const application& a, const unit_registry& registry);

// Whether `evaluate` gives `r` a verdict: it is encoded, of a kind with verdicts, and has the
// parameters its kind needs.
ANSLAG_API bool has_verdict(const rule& r) noexcept;

// The verdict of one rule that has_verdict, for one application: the same verdict `evaluate`
// gives it. invalid_argument_error for a rule without a verdict.
ANSLAG_API verdict judge(const grant_round& r, const application& a, const rule& rl, const unit_registry& registry);

}  // namespace anslag
