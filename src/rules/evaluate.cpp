#include <anslag/rules/evaluate.hpp>

#include <anslag/detail/names.hpp>
#include <anslag/detail/text.hpp>
#include <anslag/error.hpp>
#include <anslag/rules/facts.hpp>

#include <cstdint>
#include <utility>

namespace anslag {
namespace {

using detail::joined;

std::string applications_sv(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " ansökan" : " ansökningar");
}
std::string applications_en(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " application" : " applications");
}

// Why a rule of this kind has no verdict on one application (when its data gives no reason).
std::optional<std::string_view> kind_without_verdict(rule_kind kind) noexcept {
  switch (kind) {
    case rule_kind::ranking:
      return "orders the applications; not a condition on one application";
    case rule_kind::set_aside_condition:
      return "a condition on the committee's verksamhetsplan, not on one application";
    case rule_kind::repayment_notice:
      return "a duty after the grant, not a condition on the application";
    default:
      return std::nullopt;
  }
}

// The parameter a rule of its kind needs and does not give, if any.
std::optional<std::string_view> lacking_parameter(const rule& r) noexcept {
  switch (r.kind) {
    case rule_kind::cap_per_application:
      if (!r.amount) return "amount";
      break;
    case rule_kind::max_granted_per_unit:
      if (!r.count) return "count";
      break;
    case rule_kind::application_window:
      if (!r.from) return "from";
      if (!r.to) return "to";
      break;
    default:
      break;
  }
  return std::nullopt;
}

// What the document's assessment of an application against a rule of this kind says, met and
// not met, in Swedish and English.
struct assessment_words {
  const char* met_sv;
  const char* met_en;
  const char* not_met_sv;
  const char* not_met_en;
};

assessment_words words_for(rule_kind kind) noexcept {
  switch (kind) {
    case rule_kind::exclusion:
      return {"Dokumentet bedömer att ansökan inte omfattas av undantaget.",
              "The document assesses the application as not excluded.",
              "Dokumentet bedömer att ansökan omfattas av undantaget.",
              "The document assesses the application as excluded."};
    case rule_kind::priority_area:
      return {"Dokumentet bedömer att projektet ligger inom det prioriterade området.",
              "The document assesses the project as within the priority area.",
              "Dokumentet bedömer att projektet inte ligger inom det prioriterade området (inte obligatoriskt).",
              "The document assesses the project as outside the priority area (not required)."};
    default:
      return {"Dokumentet bedömer att kriteriet är uppfyllt.", "The document assesses the criterion as met.",
              "Dokumentet bedömer att kriteriet inte är uppfyllt.", "The document assesses the criterion as not met."};
  }
}

class evaluator {
 public:
  // `amounts`: what the round fixes of amounts it does not print; needed by cap rules only.
  evaluator(const grant_round& r, const application& a, const unit_registry& registry, const amount_facts* amounts)
      : round_(r), application_(a), registry_(registry), amounts_(amounts) {}

  // Resolved on first use: most kinds of rule never need the unit.
  const unit* own_unit() const {
    if (!unit_resolved_) {
      unit_ = unit_of(application_, registry_);
      unit_resolved_ = true;
    }
    return unit_;
  }

  verdict judge(const rule& r) const {
    verdict v;
    v.rule = r.id;
    v.kind = r.kind;
    v.required = r.kind != rule_kind::priority_area;
    v.quote = r.quote;
    v.source = r.source;
    v.parameters = rule_parameters(r);
    switch (r.kind) {
      case rule_kind::required_criterion:
      case rule_kind::priority_area:
      case rule_kind::exclusion: assessed(r, v); break;
      case rule_kind::cap_per_application: cap(*r.amount, v); break;
      case rule_kind::max_granted_per_unit: per_forvaltning(*r.count, v); break;
      case rule_kind::application_window: window(*r.from, *r.to, v); break;
      case rule_kind::approved_report: report(v); break;
      case rule_kind::one_grant_per_destination: one_per_destination(v); break;
      case rule_kind::ranking:
      case rule_kind::set_aside_condition:
      case rule_kind::repayment_notice: break;  // kind_without_verdict keeps them out
    }
    return v;
  }

 private:
  static void settle(verdict& v, verdict_state state, std::string sv, std::string en) {
    v.state = state;
    v.explanation_sv = std::move(sv);
    v.explanation_en = std::move(en);
  }

  void unit_unknown(verdict& v) const {
    v.missing.push_back("unit");
    if (application_.unit)
      settle(v, verdict_state::unknown, "Enheten ”" + *application_.unit + "” finns inte i enhetsregistret.",
             "The unit “" + *application_.unit + "” is not in the unit registry.");
    else
      settle(v, verdict_state::unknown,
             "Sökanden ”" + application_.applicant + "” kan inte knytas till en enda enhet.",
             "The applicant “" + application_.applicant + "” does not resolve to one unit.");
  }

  void assessed(const rule& r, verdict& v) const {
    const auto found = application_.assessments.find(r.id);
    if (found == application_.assessments.end()) {
      v.missing.push_back("assessment:" + r.id);
      settle(v, verdict_state::unknown, "Dokumentet bedömer inte ansökan mot denna regel.",
             "The document does not assess the application against this rule.");
      return;
    }
    const assessment_words words = words_for(r.kind);
    if (found->second == assessment::met)
      settle(v, verdict_state::met, words.met_sv, words.met_en);
    else
      settle(v, verdict_state::not_met, words.not_met_sv, words.not_met_en);
  }

  void cap(Krona amount, verdict& v) const {
    const std::string most = amount.to_string();
    const cap_test test = test_cap(amount, amounts_->requested(application_), amounts_->granted(application_));
    if (test.state == verdict_state::unknown) {
      v.missing.push_back("requested");
      settle(v, verdict_state::unknown, "Ansökt belopp anges inte; taket är " + most + ".",
             "The requested amount is not stated; the cap is " + most + ".");
      return;
    }
    const std::string figure = test.amount->value.to_string();
    const auto [note_sv, note_en] = basis_note(*test.amount);
    if (test.state == verdict_state::met)
      settle(v, verdict_state::met, "Ansökt " + figure + note_sv + "; högst " + most + " får sökas.",
             "Requested " + figure + note_en + "; at most " + most + " may be applied for.");
    else if (test.on_grant)
      settle(v, verdict_state::not_met,
             "Beviljat " + figure + note_sv + ", mer än de högst " + most + " som får sökas.",
             "Granted " + figure + note_en + ", more than the " + most + " that may be applied for.");
    else
      settle(v, verdict_state::not_met,
             "Ansökt " + figure + note_sv + ", mer än de högst " + most + " som får sökas.",
             "Requested " + figure + note_en + ", more than the " + most + " that may be applied for.");
  }

  // The applications of the round to the same fund granted in whole or part, in the round's
  // order; this application stands for the round's copy of itself.
  template <typename Visit>
  void for_granted_in_fund(Visit visit) const {
    bool seen = false;
    for (const auto& other : round_.applications) {
      if (other.fund != application_.fund) continue;
      if (other.id == application_.id) seen = true;
      const auto& current = other.id == application_.id ? application_ : other;
      if (is_granted(current.outcome)) visit(current);
    }
    if (!seen && is_granted(application_.outcome)) visit(application_);
  }

  void per_forvaltning(std::int64_t most, verdict& v) const {
    const std::string limit = std::to_string(most);
    if (!is_granted(application_.outcome)) {
      settle(v, verdict_state::met,
             "Ansökan beviljas inte och räknas inte mot gränsen på " + limit + " per förvaltning.",
             "Not granted, so it does not count towards the limit of " + limit +
                 " per förvaltning.");
      return;
    }
    const unit* own_unit = this->own_unit();
    if (!own_unit) return unit_unknown(v);
    const calendar_date day = round_.document.dated;
    const auto& own = registry_.forvaltning_on(*own_unit, day);
    std::vector<std::string> granted;
    std::vector<std::string> unresolved;
    for_granted_in_fund([&](const application& other) {
      if (&other == &application_) {
        granted.push_back(other.id);
        return;
      }
      const auto* other_unit = unit_of(other, registry_);
      if (!other_unit)
        unresolved.push_back(other.id);
      else if (registry_.forvaltning_on(*other_unit, day).id == own.id)
        granted.push_back(other.id);
    });
    const auto count = static_cast<std::int64_t>(granted.size());
    const std::string sv = own.name + " beviljas " + applications_sv(granted.size()) + " inom " +
                           application_.fund + " (" + joined(granted) + ")";
    const std::string en = own.name + " is granted " + applications_en(granted.size()) + " in " +
                           application_.fund + " (" + joined(granted) + ")";
    if (count > most) {
      settle(v, verdict_state::not_met, sv + ", fler än " + limit + " per förvaltning.",
             en + ", more than " + limit + " per förvaltning.");
    } else if (count + static_cast<std::int64_t>(unresolved.size()) > most) {
      for (const auto& id : unresolved) v.missing.push_back("unit:" + id);
      settle(v, verdict_state::unknown,
             sv + "; högst " + limit + " per förvaltning, men enheten för " + joined(unresolved) +
                 " är okänd.",
             en + ", at most " + limit + " per förvaltning; but the unit of " +
                 joined(unresolved) + " is not known.");
    } else {
      settle(v, verdict_state::met, sv + "; högst " + limit + " per förvaltning.",
             en + "; at most " + limit + " per förvaltning.");
    }
  }

  void window(calendar_date from, calendar_date to, verdict& v) const {
    const std::string period = from.to_string() + "–" + to.to_string();
    if (!application_.submitted) {
      v.missing.push_back("submitted");
      settle(v, verdict_state::unknown,
             "Dagen då ansökan kom in anges inte; ansökningsperioden är " + period + ".",
             "The day the application came in is not stated; the window is " + period + ".");
      return;
    }
    const std::string day = application_.submitted->to_string();
    if (from <= *application_.submitted && *application_.submitted <= to)
      settle(v, verdict_state::met, "Inkom " + day + ", inom ansökningsperioden " + period + ".",
             "Submitted " + day + ", within the window " + period + ".");
    else
      settle(v, verdict_state::not_met,
             "Inkom " + day + ", utanför ansökningsperioden " + period + ".",
             "Submitted " + day + ", outside the window " + period + ".");
  }

  void report(verdict& v) const {
    if (!application_.approved_report) {
      v.missing.push_back("approved_report");
      settle(v, verdict_state::unknown,
             "Det anges inte om rapporten för föregående års medel är godkänd.",
             "Whether the report on last year's funds was approved is not stated.");
    } else if (*application_.approved_report) {
      settle(v, verdict_state::met, "Rapporten för föregående års medel är godkänd.",
             "The report on last year's funds is approved.");
    } else {
      settle(v, verdict_state::not_met, "Godkänd rapport för föregående års medel saknas.",
             "There is no approved report on last year's funds.");
    }
  }

  // Not met when another application by the same unit for the same destination is granted:
  // whether this one was granted too (two grants) or refused because of it (as the document's
  // decisions show the rule at work).
  void one_per_destination(verdict& v) const {
    if (!application_.destination) v.missing.push_back("destination");
    const unit* own_unit = this->own_unit();
    if (!own_unit) {
      unit_unknown(v);
      return;
    }
    if (!application_.destination) {
      settle(v, verdict_state::unknown, "Resmålet anges inte.", "The destination is not stated.");
      return;
    }
    const std::string& destination = *application_.destination;
    std::vector<std::string> same;
    std::vector<std::string> undecided;
    for_granted_in_fund([&](const application& other) {
      if (&other == &application_) return;
      const auto* other_unit = unit_of(other, registry_);
      if (other_unit && other_unit->id != own_unit->id) return;
      if (other.destination && *other.destination != destination) return;
      if (other_unit && other.destination) {
        same.push_back(other.id);
        return;
      }
      if (!other_unit) undecided.push_back("unit:" + other.id);
      if (!other.destination) undecided.push_back("destination:" + other.id);
    });
    const std::string& name = own_unit->name;
    if (!same.empty()) {
      settle(v, verdict_state::not_met,
             joined(same) + " från " + name + " till samma resmål (" + destination +
                 ") beviljas; endast en ansökan per resmål beviljas.",
             joined(same) + " by " + name + " for the same destination (" + destination +
                 ") is granted; only one application per destination is granted.");
    } else if (!undecided.empty()) {
      v.missing = undecided;
      settle(v, verdict_state::unknown,
             "Ingen annan ansökan från " + name + " till " + destination +
                 " beviljas, om inte någon med okänd enhet eller okänt resmål gör det.",
             "No other application by " + name + " for " + destination +
                 " is granted, unless one of unknown unit or destination is.");
    } else {
      settle(v, verdict_state::met,
             "Ingen annan ansökan från " + name + " till " + destination + " beviljas.",
             "No other application by " + name + " for " + destination + " is granted.");
    }
  }

  const grant_round& round_;
  const application& application_;
  const unit_registry& registry_;
  const amount_facts* amounts_;
  mutable const anslag::unit* unit_ = nullptr;
  mutable bool unit_resolved_ = false;
};

constexpr detail::name_table<verdict_state, 3> verdict_state_names{{
    {verdict_state::met, "met"},
    {verdict_state::not_met, "not_met"},
    {verdict_state::unknown, "unknown"},
}};

}  // namespace

std::string_view to_string(verdict_state s) noexcept { return detail::name_of(verdict_state_names, s); }
std::optional<verdict_state> verdict_state_from_name(std::string_view text) noexcept {
  return detail::value_of(verdict_state_names, text);
}

std::map<std::string, std::string> rule_parameters(const rule& r) {
  std::map<std::string, std::string> parameters;
  if (r.amount) parameters["amount"] = r.amount->to_string();
  if (r.count) parameters["count"] = std::to_string(*r.count);
  if (r.from) parameters["from"] = r.from->to_string();
  if (r.to) parameters["to"] = r.to->to_string();
  return parameters;
}

bool has_verdict(const rule& r) noexcept {
  return !r.not_encoded && !kind_without_verdict(r.kind) && !lacking_parameter(r);
}

verdict judge(const grant_round& r, const application& a, const rule& rl, const unit_registry& registry) {
  if (!has_verdict(rl)) throw invalid_argument_error("rule " + rl.id + " has no verdict");
  std::optional<amount_facts> amounts;
  if (rl.kind == rule_kind::cap_per_application) amounts.emplace(r);
  return evaluator(r, a, registry, amounts ? &*amounts : nullptr).judge(rl);
}

evaluation evaluate(const grant_round& r, const application& a, const unit_registry& registry) {
  std::optional<amount_facts> amounts;
  for (const auto& rl : r.rules)
    if (rl.kind == rule_kind::cap_per_application && rl.applies_to(a.fund) && has_verdict(rl) && !amounts)
      amounts.emplace(r);
  const evaluator judge(r, a, registry, amounts ? &*amounts : nullptr);
  evaluation result;
  result.application = a.id;
  result.fund = a.fund;
  if (judge.own_unit()) result.unit = judge.own_unit()->id;
  for (const auto& rl : r.rules) {
    if (!rl.applies_to(a.fund)) continue;
    if (rl.not_encoded) {
      result.not_evaluated.push_back({rl.id, rl.kind, *rl.not_encoded});
    } else if (const auto reason = kind_without_verdict(rl.kind)) {
      result.not_evaluated.push_back({rl.id, rl.kind, std::string(*reason)});
    } else if (const auto lacking = lacking_parameter(rl)) {
      result.not_evaluated.push_back({rl.id, rl.kind, "the rule gives no " + std::string(*lacking)});
    } else {
      result.verdicts.push_back(judge.judge(rl));
    }
  }
  bool unknown = false;
  for (const auto& v : result.verdicts) {
    if (!v.required) continue;
    if (v.state == verdict_state::not_met) {
      result.result = verdict_state::not_met;
      return result;
    }
    unknown = unknown || v.state == verdict_state::unknown;
  }
  result.result = unknown ? verdict_state::unknown : verdict_state::met;
  return result;
}

}  // namespace anslag
