// anslag.Round and its parts: read-only views of a loaded round file, compared by value and
// picklable (each class's state is the tuple of its fields, so a pickle round-trips to an equal
// value). Unknown amounts and dates are None; decisions, kinds and assessments are plain strings.
#include "bindings.hpp"

#include <anslag/io/round_file.hpp>
#include <anslag/model/round.hpp>
#include <anslag/model/validate.hpp>
#include <anslag/rules/facts.hpp>

// The library's own wording of a cap's and a limit's ranges, which it does not export.
#include "../src/model/problems.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace anslag::python {
namespace {

template <typename Enum>
Enum enum_from(std::optional<Enum> parsed, const std::string& text, const char* what) {
  if (!parsed) throw invalid_argument_error(std::string("unknown ") + what + " '" + text + "'");
  return *parsed;
}

std::string_view unit_kind_name(unit_kind kind) {
  switch (kind) {
    case unit_kind::district: return "district";
    case unit_kind::administration: return "administration";
    case unit_kind::department: return "department";
  }
  return {};
}
// Python's Fund: a fund with the cap and per-förvaltning limit of its rules (anslag::fund_limits),
// read when the fund is taken from its round. A Python round cannot change, so the two never part.
struct fund_view {
  fund f;
  std::optional<Krona> cap;
  std::optional<std::int64_t> max_granted_per_unit;

  friend bool operator==(const fund_view&, const fund_view&) = default;
};

std::vector<fund_view> fund_views(const grant_round& r) {
  const fund_limits limits(r);
  std::vector<fund_view> views;
  for (const auto& f : r.funds) {
    fund_view v{f, {}, {}};
    if (const rule* cap = limits.cap_rule(f.id)) v.cap = cap->amount;
    if (const rule* limit = limits.unit_limit_rule(f.id)) v.max_granted_per_unit = limit->count;
    views.push_back(std::move(v));
  }
  return views;
}

// A pickled Fund is input: its own fields as validate holds them, and the cap and limit it
// carries from its round's rules held to those rules' ranges.
void validate_view(const fund_view& v) {
  validate(v.f);
  const auto fail = [&](const char* key, const std::string& detail) {
    throw invalid_round_error(round_entry{"funds", 0, v.f.id, key, std::nullopt, {}}, detail);
  };
  if (v.cap && !detail::cap_problem(*v.cap).empty()) fail("cap", detail::cap_problem(*v.cap));
  if (v.max_granted_per_unit) {
    std::string problem = detail::limit_problem(*v.max_granted_per_unit);
    if (problem.empty()) problem = detail::count_problem("max_granted_per_unit", *v.max_granted_per_unit);
    if (!problem.empty()) fail("max_granted_per_unit", problem);
  }
}

std::optional<calendar_date> repayment_notice_by(const grant_round& r) {
  const rule* notice = repayment_notice_rule(r);
  return notice ? notice->to : std::nullopt;
}

unit_kind unit_kind_from(const std::string& text) {
  for (auto kind : {unit_kind::district, unit_kind::administration, unit_kind::department})
    if (unit_kind_name(kind) == text) return kind;
  throw invalid_argument_error("unknown applicant kind '" + text + "'");
}

std::map<std::string, std::string> assessment_names(const std::map<std::string, assessment>& in) {
  std::map<std::string, std::string> out;
  for (const auto& [rule_id, value] : in) out.emplace(rule_id, value == assessment::met ? "met" : "not_met");
  return out;
}
std::map<std::string, assessment> assessments_from(const std::map<std::string, std::string>& in) {
  std::map<std::string, assessment> out;
  for (const auto& [rule_id, value] : in) {
    if (value != "met" && value != "not_met")
      throw invalid_argument_error("unknown assessment '" + value + "'");
    out.emplace(rule_id, value == "met" ? assessment::met : assessment::not_met);
  }
  return out;
}

// "Name(a=..., b=...)" from (name, value) pairs, each value by its Python repr.
std::string describe(const char* name, std::initializer_list<std::pair<const char*, py::object>> fields) {
  std::string text = std::string(name) + "(";
  bool first = true;
  for (const auto& [key, value] : fields) {
    if (!first) text += ", ";
    first = false;
    text += std::string(key) + "=" + py::repr(value).cast<std::string>();
  }
  return text + ")";
}

}  // namespace

void bind_round(py::module_& m) {
  py::class_<source_ref> source(m, "SourceRef", "Where a sentence or row stands in the seed document.");
  source.def_readonly("document", &source_ref::document)
      .def_readonly("line", &source_ref::line, "1-based first line; 0 when not given")
      .def_readonly("section", &source_ref::section)
      .def_readonly("lines", &source_ref::lines, "how many lines the citation spans from line")
      .def_readonly("derived", &source_ref::derived, "why the document prints no line of the entry; '' when it does")
      .def("__repr__", [](const source_ref& s) {
        return describe("SourceRef", {{"document", py::cast(s.document)}, {"line", py::cast(s.line)},
                                      {"lines", py::cast(s.lines)}, {"section", py::cast(s.section)},
                                      {"derived", py::cast(s.derived)}});
      })
      .def(py::pickle(
          [](const source_ref& s) { return py::make_tuple(s.document, s.line, s.section, s.lines, s.derived); },
          [](py::tuple t) {
            return source_ref{t[0].cast<std::string>(), t[1].cast<int>(), t[2].cast<std::string>(), t[3].cast<int>(),
                              t[4].cast<std::string>()};
          }));
  add_value_semantics(source);

  py::class_<reading> read(m, "Reading", "An interpretation made by the encoder, with its reason.");
  read.def_readonly("field", &reading::field)
      .def_readonly("text", &reading::text)
      .def("__repr__", [](const reading& r) {
        return describe("Reading", {{"field", py::cast(r.field)}, {"text", py::cast(r.text)}});
      })
      .def(py::pickle([](const reading& r) { return py::make_tuple(r.field, r.text); },
                      [](py::tuple t) { return reading{t[0].cast<std::string>(), t[1].cast<std::string>()}; }));
  add_value_semantics(read);

  py::class_<fund_view> fund_class(
      m, "Fund",
      "A fund of a round; cap and max_granted_per_unit are those of the rules that apply to it, None where no "
      "rule sets them.");
  fund_class.def_property_readonly("id", [](const fund_view& v) { return v.f.id; })
      .def_property_readonly("name", [](const fund_view& v) { return v.f.name; })
      .def_property_readonly("budget", [](const fund_view& v) { return v.f.budget; })
      .def_readonly("cap", &fund_view::cap)
      .def_readonly("max_granted_per_unit", &fund_view::max_granted_per_unit)
      .def_property_readonly("quote", [](const fund_view& v) { return v.f.quote; },
                             "the sentence that sets the budget aside; '' when not given")
      .def_property_readonly("source", [](const fund_view& v) { return v.f.source; })
      .def_property_readonly("readings", [](const fund_view& v) { return v.f.readings; })
      .def("__repr__", [](const fund_view& v) {
        return describe("Fund", {{"id", py::cast(v.f.id)}, {"budget", py::cast(v.f.budget)}, {"cap", py::cast(v.cap)},
                                 {"max_granted_per_unit", py::cast(v.max_granted_per_unit)}});
      })
      .def(py::pickle(
          [](const fund_view& v) {
            return py::make_tuple(v.f.id, v.f.name, v.f.budget, v.cap, v.max_granted_per_unit, v.f.quote, v.f.source,
                                  v.f.readings);
          },
          [](py::tuple t) {
            fund_view v{fund{t[0].cast<std::string>(), t[1].cast<std::string>(), t[2].cast<Krona>(),
                             t[5].cast<std::string>(), t[6].cast<source_ref>(), t[7].cast<std::vector<reading>>()},
                        t[3].cast<std::optional<Krona>>(), t[4].cast<std::optional<std::int64_t>>()};
            validate_view(v);
            return v;
          }));
  add_value_semantics(fund_class);

  py::class_<rule> rule_class(m, "Rule", "A rule of a round with the Swedish sentence that states or shows it.");
  rule_class.def_readonly("id", &rule::id)
      .def_property_readonly("kind", [](const rule& u) { return std::string(to_string(u.kind)); })
      .def_readonly("funds", &rule::funds, "the funds it applies to; empty: every fund")
      .def_readonly("stated", &rule::stated, "False: not written as a rule, shown by the decisions")
      .def_readonly("summary", &rule::summary)
      .def_readonly("amount", &rule::amount)
      .def_readonly("count", &rule::count)
      .def_property_readonly("from_", [](const rule& u) { return optional_date(u.from); },
                             "application_window: the first day ('from' is a Python keyword)")
      .def_property_readonly("to", [](const rule& u) { return optional_date(u.to); })
      .def_readonly("quote", &rule::quote)
      .def_readonly("source", &rule::source)
      .def_readonly("not_encoded", &rule::not_encoded)
      .def_readonly("overrides", &rule::overrides)
      .def("applies_to", &rule::applies_to, py::arg("fund_id"))
      .def("__repr__", [](const rule& u) {
        return describe("Rule", {{"id", py::cast(u.id)}, {"kind", py::cast(std::string(to_string(u.kind)))},
                                 {"funds", py::cast(u.funds)}, {"stated", py::cast(u.stated)}});
      })
      .def(py::pickle(
          [](const rule& u) {
            return py::make_tuple(u.id, std::string(to_string(u.kind)), u.funds, u.stated, u.summary, u.amount,
                                  u.count, optional_date(u.from), optional_date(u.to), u.quote, u.source,
                                  u.not_encoded, u.overrides);
          },
          [](py::tuple t) {
            rule u;
            u.id = t[0].cast<std::string>();
            const auto kind = t[1].cast<std::string>();
            u.kind = enum_from(rule_kind_from_name(kind), kind, "rule kind");
            u.funds = t[2].cast<std::vector<std::string>>();
            u.stated = t[3].cast<bool>();
            u.summary = t[4].cast<std::string>();
            u.amount = t[5].cast<std::optional<Krona>>();
            u.count = t[6].cast<std::optional<std::int64_t>>();
            u.from = to_optional_date(t[7]);
            u.to = to_optional_date(t[8]);
            u.quote = t[9].cast<std::string>();
            u.source = t[10].cast<source_ref>();
            u.not_encoded = t[11].cast<std::optional<std::string>>();
            u.overrides = t[12].cast<std::optional<std::string>>();
            validate(u);
            return u;
          }));
  add_value_semantics(rule_class);

  py::class_<statement> statement_class(m, "Statement", "A total or count the document states, with its quote.");
  statement_class.def_readonly("id", &statement::id)
      .def_property_readonly("kind", [](const statement& s) { return std::string(to_string(s.kind)); })
      .def_readonly("funds", &statement::funds, "the funds it covers; empty: all of the round's")
      .def_readonly("amount", &statement::amount)
      .def_readonly("count", &statement::count)
      .def_property_readonly("decision", [](const statement& s) -> py::object {
        return s.of_decision ? py::cast(std::string(to_string(*s.of_decision))) : py::none();
      })
      .def_property_readonly("applicant_kind", [](const statement& s) -> py::object {
        return s.applicant_kind ? py::cast(std::string(unit_kind_name(*s.applicant_kind))) : py::none();
      })
      .def_readonly("quote", &statement::quote)
      .def_readonly("source", &statement::source)
      .def_readonly("readings", &statement::readings)
      .def("__repr__", [](const statement& s) {
        return describe("Statement", {{"id", py::cast(s.id)}, {"kind", py::cast(std::string(to_string(s.kind)))},
                                      {"amount", py::cast(s.amount)}, {"count", py::cast(s.count)}});
      })
      .def(py::pickle(
          [](const statement& s) {
            py::object decision_name = s.of_decision ? py::cast(std::string(to_string(*s.of_decision))) : py::none();
            py::object kind_name =
                s.applicant_kind ? py::cast(std::string(unit_kind_name(*s.applicant_kind))) : py::none();
            return py::make_tuple(s.id, std::string(to_string(s.kind)), s.funds, s.amount, s.count, decision_name,
                                  kind_name, s.quote, s.source, s.readings);
          },
          [](py::tuple t) {
            statement s;
            s.id = t[0].cast<std::string>();
            const auto kind = t[1].cast<std::string>();
            s.kind = enum_from(statement_kind_from_name(kind), kind, "statement kind");
            s.funds = t[2].cast<std::vector<std::string>>();
            s.amount = t[3].cast<std::optional<Krona>>();
            s.count = t[4].cast<std::optional<std::int64_t>>();
            if (!t[5].is_none()) {
              const auto name = t[5].cast<std::string>();
              s.of_decision = enum_from(decision_from_name(name), name, "decision");
            }
            if (!t[6].is_none()) s.applicant_kind = unit_kind_from(t[6].cast<std::string>());
            s.quote = t[7].cast<std::string>();
            s.source = t[8].cast<source_ref>();
            s.readings = t[9].cast<std::vector<reading>>();
            validate(s);
            return s;
          }));
  add_value_semantics(statement_class);

  py::class_<application> application_class(
      m, "Application", "An application and its decision; requested and granted are None where the document prints none.");
  application_class.def_readonly("id", &application::id)
      .def_readonly("fund", &application::fund)
      .def_readonly("applicant", &application::applicant, "as the document writes it; '' when not named")
      .def_readonly("unit", &application::unit, "unit id where the encoder is certain; else None")
      .def_readonly("co_applicants", &application::co_applicants)
      .def_readonly("project", &application::project)
      .def_readonly("destination", &application::destination)
      .def_readonly("purpose", &application::purpose)
      .def_readonly("requested", &application::requested)
      .def_readonly("granted", &application::granted)
      .def_property_readonly("decision", [](const application& a) { return std::string(to_string(a.outcome)); },
                             "'granted', 'partly_granted' or 'rejected'")
      .def_readonly("reason", &application::reason)
      .def_property_readonly("assessments", [](const application& a) { return assessment_names(a.assessments); },
                             "rule id -> 'met' or 'not_met', where the document says so")
      .def_property_readonly("submitted", [](const application& a) { return optional_date(a.submitted); })
      .def_readonly("approved_report", &application::approved_report)
      .def_readonly("source", &application::source)
      .def_readonly("readings", &application::readings)
      .def("__repr__", [](const application& a) {
        return describe("Application", {{"id", py::cast(a.id)}, {"applicant", py::cast(a.applicant)},
                                        {"requested", py::cast(a.requested)}, {"granted", py::cast(a.granted)},
                                        {"decision", py::cast(std::string(to_string(a.outcome)))}});
      })
      .def(py::pickle(
          [](const application& a) {
            return py::make_tuple(a.id, a.fund, a.applicant, a.unit, a.co_applicants, a.project, a.destination,
                                  a.purpose, a.requested, a.granted, std::string(to_string(a.outcome)), a.reason,
                                  assessment_names(a.assessments), optional_date(a.submitted), a.approved_report,
                                  a.source, a.readings);
          },
          [](py::tuple t) {
            application a;
            a.id = t[0].cast<std::string>();
            a.fund = t[1].cast<std::string>();
            a.applicant = t[2].cast<std::string>();
            a.unit = t[3].cast<std::optional<std::string>>();
            a.co_applicants = t[4].cast<std::vector<std::string>>();
            a.project = t[5].cast<std::string>();
            a.destination = t[6].cast<std::optional<std::string>>();
            a.purpose = t[7].cast<std::optional<std::string>>();
            a.requested = t[8].cast<std::optional<Krona>>();
            a.granted = t[9].cast<std::optional<Krona>>();
            const auto name = t[10].cast<std::string>();
            a.outcome = enum_from(decision_from_name(name), name, "decision");
            a.reason = t[11].cast<std::string>();
            a.assessments = assessments_from(t[12].cast<std::map<std::string, std::string>>());
            a.submitted = to_optional_date(t[13]);
            a.approved_report = t[14].cast<std::optional<bool>>();
            a.source = t[15].cast<source_ref>();
            a.readings = t[16].cast<std::vector<reading>>();
            validate(a);
            return a;
          }));
  add_value_semantics(application_class);

  py::class_<document_info> document_class(m, "Document", "The decision document a round was read from.");
  document_class.def_readonly("title", &document_info::title)
      .def_property_readonly("date", [](const document_info& d) { return from_date(d.dated); })
      .def_readonly("seed", &document_info::seed)
      .def_readonly("deciding_body", &document_info::deciding_body)
      .def_readonly("kind", &document_info::kind)
      .def("__repr__", [](const document_info& d) {
        return describe("Document", {{"title", py::cast(d.title)}, {"date", from_date(d.dated)},
                                     {"seed", py::cast(d.seed)}});
      })
      .def(py::pickle(
          [](const document_info& d) {
            return py::make_tuple(d.title, from_date(d.dated), d.seed, d.deciding_body, d.kind);
          },
          [](py::tuple t) {
            return document_info{t[0].cast<std::string>(), to_date(t[1]), t[2].cast<std::string>(),
                                 t[3].cast<std::string>(), t[4].cast<std::string>()};
          }));
  add_value_semantics(document_class);

  py::class_<grant_round> round_class(m, "Round", "A grant round as its decision document records it.");
  round_class.def_readonly("year", &grant_round::year)
      .def_property_readonly("date", [](const grant_round& r) { return from_date(r.document.dated); },
                             "the date of the decision document")
      .def_readonly("document", &grant_round::document)
      .def_readonly("file", &grant_round::file, "the file it was loaded from")
      .def_property_readonly("window_from", [](const grant_round& r) {
        const rule* window = application_window_rule(r);
        return optional_date(window ? window->from : std::nullopt);
      }, "the first day of the application_window rule")
      .def_property_readonly("window_to", [](const grant_round& r) {
        const rule* window = application_window_rule(r);
        return optional_date(window ? window->to : std::nullopt);
      }, "the last day of the application_window rule")
      .def_property_readonly("repayment_notice_by", [](const grant_round& r) { return optional_date(repayment_notice_by(r)); },
                             "the date of the repayment_notice rule")
      .def_property_readonly("funds", [](const grant_round& r) {
        py::dict funds;  // in file order (dicts keep insertion order)
        for (const auto& v : fund_views(r)) funds[py::cast(v.f.id)] = py::cast(v);
        return funds;
      }, "fund id -> Fund")
      .def_readonly("applications", &grant_round::applications)
      .def_readonly("rules", &grant_round::rules)
      .def_readonly("statements", &grant_round::statements)
      .def("find_application", [](const grant_round& r, const std::string& id) {
        const application* a = r.find_application(id);
        if (!a) throw not_found_error("no application '" + id + "' in the " + std::to_string(r.year) + " round");
        return *a;
      }, py::arg("id"), "The application with this id; NotFoundError when there is none.")
      .def("__repr__", [](const grant_round& r) {
        return "<Round " + std::to_string(r.year) + " (" + r.document.dated.to_string() + "): " +
               std::to_string(r.funds.size()) + " funds, " + std::to_string(r.applications.size()) +
               " applications, " + std::to_string(r.rules.size()) + " rules, " +
               std::to_string(r.statements.size()) + " statements>";
      })
      .def(py::pickle(
          [](const grant_round& r) {
            return py::make_tuple(r.year, r.document, r.file, fund_views(r), r.rules, r.statements, r.applications);
          },
          [](py::tuple t) {
            grant_round r;
            r.year = t[0].cast<int>();
            r.document = t[1].cast<document_info>();
            r.file = t[2].cast<std::string>();
            for (const auto& v : t[3].cast<std::vector<fund_view>>()) r.funds.push_back(v.f);
            r.rules = t[4].cast<std::vector<rule>>();
            r.statements = t[5].cast<std::vector<statement>>();
            r.applications = t[6].cast<std::vector<application>>();
            validate(r);  // a pickle is input too: held to the rules of a round file
            return r;
          }));
  add_value_semantics(round_class);

  m.def("validate", [](const grant_round& r) { validate(r); }, py::arg("round"),
        "Checks a round against docs/round-format.md, 'What each field may hold'; InvalidArgumentError names "
        "the entry and the field.");
  m.def("validate", [](const fund_view& v) { validate_view(v); }, py::arg("fund"));
  m.def("validate", [](const rule& u) { validate(u); }, py::arg("rule"));
  m.def("validate", [](const statement& s) { validate(s); }, py::arg("statement"));
  m.def("validate", [](const application& a) { validate(a); }, py::arg("application"));

  // Python reads round files from outside, so always within the 16 MiB limit.
  m.def("parse_round", [](std::string_view text, const std::string& file_name) { return parse_round(text, file_name); },
        py::arg("text"), py::arg("file_name"),
        "The round in a TOML text (format 1); RoundFileError names file_name, line and column.");
  // Without the GIL: the threads of anslag.dask.audit_many read their files side by side.
  m.def("load_round", [](const std::filesystem::path& path) { return load_round(path); }, py::arg("path"),
        py::call_guard<py::gil_scoped_release>(),
        "The round in a round file (format 1); RoundFileError names the file, line and column.");
}

}  // namespace anslag::python
