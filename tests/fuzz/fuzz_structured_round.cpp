// Structured rounds: the fuzzer's bytes choose a round of format 1 (funds, applications, a cap, a
// per-förvaltning limit, a window, the stated totals and counts) that is consistent by
// construction, then plant at most one fault in it: a fault of meaning the audit must find, or a
// value out of the ranges of docs/round-format.md the loader must refuse. The round is written as
// TOML and goes through parse_round, validate and audit. The oracle is what the library promises:
//   - a consistent round loads and audits with no error and no warning finding;
//   - a planted fault of meaning gives its finding, and no error finding of another code;
//   - a value out of range is refused with its exact detail, at a position in the file;
//   - nothing else is thrown, nothing crashes, and every input takes bounded time (libFuzzer's
//     -timeout).
#include "bundled_registry.hpp"
#include "fuzz_check.hpp"
#include "fuzz_input.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/model/validate.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using anslag::Krona;
using anslag::fuzz::input;

// Districts valid on the document's date (2023-12-15), with their registry names.
constexpr std::array<const char*, 4> unit_ids = {"bromma", "kungsholmen", "sodermalm", "farsta"};
constexpr std::array<const char*, 4> unit_names = {"Bromma", "Kungsholmen", "Södermalm", "Farsta"};
constexpr std::array<const char*, 3> decisions = {"granted", "partly_granted", "rejected"};

struct row {
  std::size_t fund = 0;
  std::size_t unit = 0;
  std::int64_t requested = 0;  // öre
  std::int64_t granted = 0;
  std::size_t decision = 0;  // index into `decisions`
  int submitted_day = 1;     // day of May 2023
};

enum class fault {
  none,
  // of meaning: the audit's finding
  total_mismatch,
  count_mismatch,
  budget_exceeded,
  cap_exceeded,
  grant_exceeds_request,
  decision_amount_mismatch,
  unit_limit_exceeded,
  // out of range: the loader's refusal
  negative_request,
  budget_too_large,
  duplicate_application,
  unknown_fund,
  window_reversed,
  cap_zero,
  limit_zero,
  count_too_large,
  line_too_large,
  fund_listed_twice,
  assessment_of_other_fund,
  last = assessment_of_other_fund,
};

struct planned {
  fault kind = fault::none;
  std::string finding;  // the code a fault of meaning must give
  std::string also;     // a code the same fault gives too, by another rule (may be empty)
  std::string refusal;  // the detail an out-of-range value must give
};

std::string amount(std::int64_t ore) { return "\"" + Krona::from_ore(ore).to_string() + "\""; }

class generator {
 public:
  explicit generator(input& in) : in_(in) {
    funds_ = 1 + in_.take<std::uint8_t>() % 3;
    const std::size_t count = in_.take<std::uint8_t>() % 13;
    for (std::size_t i = 0; i < count; ++i) {
      row r;
      r.fund = in_.take<std::uint8_t>() % funds_;
      r.unit = in_.take<std::uint8_t>() % unit_ids.size();
      r.requested = 1 + in_.take<std::uint32_t>() % 1'000'000'000;
      r.decision = in_.take<std::uint8_t>() % 3;
      if (r.decision == 1 && r.requested < 2) r.decision = 0;
      r.granted = r.decision == 0 ? r.requested
                  : r.decision == 1 ? 1 + static_cast<std::int64_t>(in_.take<std::uint32_t>()) % (r.requested - 1)
                                    : 0;
      r.submitted_day = 1 + in_.take<std::uint8_t>() % 31;
      rows_.push_back(r);
    }
    const std::uint8_t flags = in_.take<std::uint8_t>();
    with_cap_ = flags & 1;
    with_limit_ = flags & 2;
    with_window_ = flags & 4;
    slack_ = in_.take<std::uint16_t>();
    plan_.kind = static_cast<fault>(in_.take<std::uint8_t>() % (static_cast<int>(fault::last) + 1));
    target_ = in_.take<std::uint8_t>();
  }

  planned plan() const { return plan_; }

  // The round as TOML, with the planned fault (or none, when the round has nothing to plant it
  // in: a budget cannot be exceeded by a fund that grants nothing).
  std::string toml() {
    plant_in_rows();
    std::string t = "format = 1\nyear = 2024\n\n[document]\ntitle = \"Fördelning 2024\"\ndate = 2023-12-15\n"
                    "seed = \"fuzz.txt\"\ndeciding_body = \"Socialnämnden\"\nkind = \"tjänsteutlåtande\"\n";
    for (std::size_t f = 0; f < funds_; ++f) {
      std::int64_t budget = granted_sum(f) + slack_;
      if (plan_.kind == fault::budget_exceeded && f == 0) budget = granted_sum(0) - 1;
      if (plan_.kind == fault::budget_too_large && f == 0) budget = anslag::max_round_amount_ore + 1;
      t += "\n[[funds]]\nid = \"" + fund_id(f) + "\"\nname = \"Fond " + fund_id(f) + "\"\nbudget = " + amount(budget) + "\n";
    }
    rules(t);
    statements(t);
    applications(t);
    return t;
  }

 private:
  static std::string fund_id(std::size_t f) { return "F" + std::to_string(f); }

  std::int64_t granted_sum(std::size_t f) const {
    std::int64_t sum = 0;
    for (const row& r : rows_)
      if (r.fund == f) sum += r.granted;
    return sum;
  }
  std::int64_t largest(std::size_t f) const {
    std::int64_t most = 0;
    for (const row& r : rows_)
      if (r.fund == f) most = std::max({most, r.requested, r.granted});
    return most;
  }
  // The most applications granted to one förvaltning in fund f.
  std::int64_t most_granted_per_unit(std::size_t f) const {
    std::map<std::size_t, std::int64_t> per_unit;
    std::int64_t most = 0;
    for (const row& r : rows_)
      if (r.fund == f && r.decision != 2) most = std::max(most, ++per_unit[r.unit]);
    return most;
  }
  row* first_row(std::size_t decision) {
    for (row& r : rows_)
      if (r.decision == decision && r.fund == 0) return &r;
    return nullptr;
  }

  void plant_in_rows() {
    const auto give_up = [&] { plan_.kind = fault::none; };
    switch (plan_.kind) {
      case fault::grant_exceeds_request: {
        row* r = first_row(0);
        if (!r || r->granted < 2) return give_up();
        r->requested = r->granted - 1;
        plan_.finding = "GRANT_EXCEEDS_REQUEST";
        plan_.also = "DECISION_AMOUNT_MISMATCH";  // no decision word allows a grant above its request
        break;
      }
      case fault::decision_amount_mismatch: {
        row* r = first_row(2);
        if (!r) return give_up();
        // 1 kr, or the whole request when it is less: more would also exceed the request.
        r->granted = std::min<std::int64_t>(100, r->requested);
        plan_.finding = "DECISION_AMOUNT_MISMATCH";
        break;
      }
      case fault::budget_exceeded:
        if (granted_sum(0) == 0) return give_up();
        plan_.finding = "BUDGET_EXCEEDED";
        break;
      case fault::cap_exceeded:
        if (largest(0) < 2) return give_up();
        with_cap_ = true;
        plan_.finding = "CAP_EXCEEDED";
        break;
      case fault::unit_limit_exceeded:
        if (most_granted_per_unit(0) < 2) return give_up();
        with_limit_ = true;
        plan_.finding = "UNIT_LIMIT_EXCEEDED";
        break;
      case fault::total_mismatch: plan_.finding = "TOTAL_MISMATCH"; break;
      case fault::count_mismatch: plan_.finding = "COUNT_MISMATCH"; break;
      case fault::negative_request:
        if (rows_.empty()) return give_up();
        plan_.refusal = "'requested' must not be negative";
        break;
      case fault::budget_too_large: plan_.refusal = "'budget' must be at most 100 000 000 000 kr"; break;
      case fault::duplicate_application:
        if (rows_.size() < 2) return give_up();
        plan_.refusal = "duplicate application id 'A-0'";
        break;
      case fault::unknown_fund:
        if (rows_.empty()) return give_up();
        plan_.refusal = "unknown fund 'F9'";
        break;
      case fault::window_reversed: with_window_ = true; plan_.refusal = "'to' must not be before 'from'"; break;
      case fault::cap_zero: with_cap_ = true; plan_.refusal = "a cap must be more than 0 kr"; break;
      case fault::limit_zero: with_limit_ = true; plan_.refusal = "a limit must be at least 1"; break;
      case fault::count_too_large: plan_.refusal = "'count' must be at most 2147483647"; break;
      case fault::line_too_large:  // written on the first application's source
        if (rows_.empty()) return give_up();
        plan_.refusal = "'line' must be at most 2147483647";
        break;
      case fault::fund_listed_twice: plan_.refusal = "fund 'F0' listed twice"; break;
      case fault::assessment_of_other_fund:
        if (funds_ < 2 || rows_.empty() || rows_[0].fund == 1) return give_up();
        plan_.refusal = "rule 'R.F1.villkor' does not apply to fund '" + fund_id(rows_[0].fund) + "'";
        break;
      case fault::none: break;
    }
  }

  void rules(std::string& t) const {
    t += "\n[[rules]]\nid = \"R.F1.villkor\"\nkind = \"required_criterion\"\nfunds = [\"F" +
         std::to_string(funds_ > 1 ? 1 : 0) + "\"]\nsummary = \"A condition.\"\nquote = \"Villkor.\"\n"
         "source = { line = 1 }\n";
    if (with_cap_) {
      std::int64_t cap = largest(0) + slack_ + 1;  // a cap is more than 0 kr, even over no rows
      if (plan_.kind == fault::cap_exceeded) cap = largest(0) - 1;
      if (plan_.kind == fault::cap_zero) cap = 0;
      t += "\n[[rules]]\nid = \"R.F0.tak\"\nkind = \"cap_per_application\"\nfunds = [\"F0\"]\n"
           "summary = \"A cap.\"\namount = " + amount(std::max<std::int64_t>(cap, 0)) +
           "\nquote = \"Högst.\"\nsource = { line = 2 }\n";
    }
    if (with_limit_) {
      std::int64_t limit = std::max<std::int64_t>(1, most_granted_per_unit(0)) + slack_ % 3;
      if (plan_.kind == fault::unit_limit_exceeded) limit = most_granted_per_unit(0) - 1;
      if (plan_.kind == fault::limit_zero) limit = 0;
      t += "\n[[rules]]\nid = \"R.F0.antal\"\nkind = \"max_granted_per_unit\"\nfunds = [\"F0\"]\n"
           "summary = \"A limit.\"\ncount = " + std::to_string(limit) + "\nquote = \"Högst.\"\nsource = { line = 3 }\n";
    }
    if (with_window_) {
      const bool reversed = plan_.kind == fault::window_reversed;
      t += std::string("\n[[rules]]\nid = \"R.period\"\nkind = \"application_window\"\nsummary = \"A window.\"\n") +
           "from = " + (reversed ? "2023-06-01" : "2023-05-01") + "\nto = " + (reversed ? "2023-05-31" : "2023-05-31") +
           "\nquote = \"Perioden.\"\nsource = { line = 4 }\n";
    }
  }

  void statements(std::string& t) const {
    for (std::size_t f = 0; f < funds_; ++f) {
      std::int64_t requested = 0, granted = 0, count = 0;
      for (const row& r : rows_) {
        if (r.fund != f) continue;
        requested += r.requested;
        granted += r.granted;
        ++count;
      }
      if (plan_.kind == fault::total_mismatch && f == 0) granted += 1 + target_;
      if (plan_.kind == fault::count_mismatch && f == 0) count += 1 + target_ % 5;
      const std::string id = "S." + fund_id(f);
      const std::string funds = plan_.kind == fault::fund_listed_twice && f == 0 ? "[\"F0\", \"F0\"]"
                                                                                 : "[\"" + fund_id(f) + "\"]";
      t += "\n[[statements]]\nid = \"" + id + ".ansokt\"\nkind = \"requested_total\"\nfunds = " + funds +
           "\namount = " + amount(requested) + "\nquote = \"Ansökt.\"\nsource = { line = 5 }\n";
      t += "\n[[statements]]\nid = \"" + id + ".beviljat\"\nkind = \"granted_total\"\nfunds = [\"" + fund_id(f) +
           "\"]\namount = " + amount(granted) + "\nquote = \"Beviljat.\"\nsource = { line = 6 }\n";
      const std::string shown = plan_.kind == fault::count_too_large && f == 0 ? "2147483648" : std::to_string(count);
      t += "\n[[statements]]\nid = \"" + id + ".antal\"\nkind = \"application_count\"\nfunds = [\"" + fund_id(f) +
           "\"]\ncount = " + shown + "\nquote = \"Antal.\"\nsource = { line = 7 }\n";
    }
  }

  void applications(std::string& t) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const row& r = rows_[i];
      const bool dup = plan_.kind == fault::duplicate_application && i == 1;
      const bool first = i == 0;
      t += "\n[[applications]]\nid = \"A-" + std::to_string(dup ? 0 : i) + "\"\nfund = \"" +
           (plan_.kind == fault::unknown_fund && first ? std::string("F9") : fund_id(r.fund)) + "\"\napplicant = \"" +
           unit_names[r.unit] + "\"\nunit = \"" + unit_ids[r.unit] + "\"\nproject = \"Projekt " + std::to_string(i) +
           "\"\nrequested = " + (plan_.kind == fault::negative_request && first ? "\"-1 kr\"" : amount(r.requested)) +
           "\ngranted = " + amount(r.granted) + "\ndecision = \"" + decisions[r.decision] + "\"\n";
      if (with_window_) t += "submitted = 2023-05-" + std::string(r.submitted_day < 10 ? "0" : "") +
                             std::to_string(std::min(r.submitted_day, 31)) + "\n";
      if (plan_.kind == fault::assessment_of_other_fund && first)
        t += "assessments = { \"R.F1.villkor\" = \"met\" }\n";
      const std::string line = plan_.kind == fault::line_too_large && first ? "2147483648" : std::to_string(100 + i);
      t += "source = { line = " + line + " }\n";
    }
  }

  input& in_;
  std::size_t funds_ = 1;
  std::vector<row> rows_;
  bool with_cap_ = false, with_limit_ = false, with_window_ = false;
  std::int64_t slack_ = 0;
  planned plan_;
  std::uint8_t target_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  input in(data, size);
  generator g(in);
  const std::string text = g.toml();
  const planned plan = g.plan();
  std::optional<anslag::grant_round> loaded;
  try {
    loaded = anslag::parse_round(text, "fuzz.toml");
  } catch (const anslag::round_file_error& e) {
    if (plan.refusal.empty()) std::fprintf(stderr, "%s\n%s\n", text.c_str(), e.what());
    FUZZ_CHECK(!plan.refusal.empty());
    FUZZ_CHECK(e.detail() == plan.refusal);
    FUZZ_CHECK(e.line() > 0 && e.column() > 0);
    return 0;
  }
  FUZZ_CHECK(plan.refusal.empty());
  anslag::validate(*loaded);  // what loads is valid: validate on it again throws nothing
  const anslag::report report = anslag::audit(*loaded, anslag::fuzz::bundled_registry());
  bool found = false;
  for (const auto& f : report.findings) {
    const std::string code(anslag::to_string(f.code));
    if (f.level == anslag::severity::info) continue;
    if (code == plan.finding) {
      found = true;
      continue;
    }
    if (!plan.also.empty() && code == plan.also) continue;
    if (f.level == anslag::severity::error || plan.finding.empty())
      std::fprintf(stderr, "%s\nunexpected %s: %s\n", text.c_str(), code.c_str(), f.message_en.c_str());
    FUZZ_CHECK(f.level != anslag::severity::error);
    FUZZ_CHECK(!plan.finding.empty() || f.level != anslag::severity::warning);
  }
  FUZZ_CHECK(plan.finding.empty() || found);
  return 0;
}
