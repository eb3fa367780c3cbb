// anslag.Finding, anslag.Report and the compiled audit; python/anslag/audit.py supplies the
// bundled unit registry as the default.
#include "bindings.hpp"

#include <anslag/audit/audit.hpp>
#include <anslag/audit/validate.hpp>
#include <anslag/ingest/source_check.hpp>
#include <anslag/report/format.hpp>
#include <anslag/report/html.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace anslag::python {
namespace {

py::object figure_to_python(const std::optional<figure>& f) {
  if (!f) return py::none();
  if (f->amount) return py::cast(*f->amount);
  return py::int_(*f->count);
}

std::optional<figure> figure_from_python(py::handle value) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<Krona>(value)) return figure::of(value.cast<Krona>());
  return figure::of_count(value.cast<std::int64_t>());
}

report_options options_from(const std::optional<std::string>& minimum) {
  report_options options;
  if (minimum) {
    options.minimum = severity_from_name(*minimum);
    if (!options.minimum) throw invalid_argument_error("unknown severity '" + *minimum + "' (error, warning, info)");
  }
  return options;
}

py::tuple finding_state(const finding& f) {
  return py::make_tuple(std::string(to_string(f.code)), std::string(to_string(f.level)), f.fund, f.rule, f.statement,
                        f.message_sv, f.message_en, figure_to_python(f.expected), figure_to_python(f.actual), f.rows,
                        f.quote, f.source, f.reading);
}

finding finding_from_state(const py::tuple& t) {
  if (t.size() != 13) throw invalid_argument_error("bad pickled Finding");
  finding f;
  f.code = finding_code_from_name(t[0].cast<std::string>()).value();
  f.level = severity_from_name(t[1].cast<std::string>()).value();
  f.fund = t[2].cast<std::string>();
  f.rule = t[3].cast<std::string>();
  f.statement = t[4].cast<std::string>();
  f.message_sv = t[5].cast<std::string>();
  f.message_en = t[6].cast<std::string>();
  f.expected = figure_from_python(t[7]);
  f.actual = figure_from_python(t[8]);
  f.rows = t[9].cast<std::vector<std::string>>();
  f.quote = t[10].cast<std::string>();
  f.source = t[11].cast<source_ref>();
  f.reading = t[12].cast<std::optional<std::string>>();
  return f;
}

py::object none_if_empty(const std::string& s) { return s.empty() ? py::none() : py::cast(s); }

py::dict counts_by_severity(const report& r, std::size_t (report::*count)(severity) const noexcept) {
  py::dict counts;
  for (severity s : {severity::error, severity::warning, severity::info})
    counts[py::str(std::string(to_string(s)))] = (r.*count)(s);
  return counts;
}

}  // namespace

void bind_audit(py::module_& m) {
  py::class_<finding>(m, "Finding", "One finding of an audit: code, severity, the figures compared, the rows, "
                                    "the rule and sentence it rests on, and the reading it depends on.")
      .def_property_readonly("code", [](const finding& f) { return std::string(to_string(f.code)); })
      .def_property_readonly("severity", [](const finding& f) { return std::string(to_string(f.level)); })
      .def_property_readonly("fund", [](const finding& f) { return none_if_empty(f.fund); })
      .def_property_readonly("rule", [](const finding& f) { return none_if_empty(f.rule); })
      .def_property_readonly("statement", [](const finding& f) { return none_if_empty(f.statement); })
      .def_readonly("message_sv", &finding::message_sv)
      .def_readonly("message_en", &finding::message_en)
      .def_property_readonly("expected", [](const finding& f) { return figure_to_python(f.expected); })
      .def_property_readonly("actual", [](const finding& f) { return figure_to_python(f.actual); })
      .def_readonly("rows", &finding::rows)
      .def_property_readonly("quote", [](const finding& f) { return none_if_empty(f.quote); })
      .def_readonly("source", &finding::source)
      .def_readonly("reading", &finding::reading)
      .def(py::self == py::self)
      .def("__repr__",
           [](const finding& f) {
             return "<Finding " + std::string(to_string(f.level)) + " " + std::string(to_string(f.code)) +
                    (f.fund.empty() ? "" : " " + f.fund) + ": " + f.message_en + ">";
           })
      .def(py::pickle(&finding_state, &finding_from_state));

  py::class_<report> report_class(m, "Report", "The findings of an audit of one round.");
  report_class.def_readonly("year", &report::year)
      .def_readonly("title", &report::title)
      .def_property_readonly("date", [](const report& r) { return from_date(r.dated); })
      .def_readonly("file", &report::file)
      .def_readonly("findings", &report::findings)
      .def_property_readonly("has_errors", &report::has_errors)
      .def(
          "summary", [](const report& r) { return counts_by_severity(r, &report::count); },
          "Counts of findings by severity: {'error': n, 'warning': n, 'info': n}.")
      .def(
          "summary_on_a_reading", [](const report& r) { return counts_by_severity(r, &report::count_on_a_reading); },
          "Of summary(), the findings that rest on a reading (their `reading` is set): what holds on every "
          "reading is the difference.")
      .def(
          "to_text", [](const report& r, std::optional<std::string> minimum) {
            return format_report_text(r, options_from(minimum));
          },
          py::arg("severity") = py::none())
      .def(
          "to_markdown", [](const report& r, std::optional<std::string> minimum) {
            return format_report_markdown(r, options_from(minimum));
          },
          py::arg("severity") = py::none())
      .def(
          "to_json", [](const report& r, std::optional<std::string> minimum) {
            return format_report_json(r, options_from(minimum));
          },
          py::arg("severity") = py::none(),
          "JSON format 2 (docs/audit.md): amounts as canonical strings and integer öre; each quote once in "
          "'quotes', a finding's 'quote' its index.")
      .def("__repr__",
           [](const report& r) {
             return "<Report " + std::to_string(r.year) + ": " + std::to_string(r.count(severity::error)) + " error, " +
                    std::to_string(r.count(severity::warning)) + " warning, " +
                    std::to_string(r.count(severity::info)) + " info>";
           })
      .def(py::pickle(
          [](const report& r) {
            return py::make_tuple(r.year, r.title, from_date(r.dated), r.file, r.findings);
          },
          [](const py::tuple& t) {
            report r;
            r.year = t[0].cast<int>();
            r.title = t[1].cast<std::string>();
            r.dated = to_date(t[2]);
            r.file = t[3].cast<std::string>();
            r.findings = t[4].cast<std::vector<finding>>();
            validate(r);  // a pickle is input too: held to what an audit can produce
            return r;
          }));
  add_value_semantics(report_class);

  // The HTML report (python/anslag/audit.py adds Report.to_html and Report.save_html on these).
  m.def(
      "_report_html",
      [](const report& r, const grant_round& audited, const std::optional<std::string>& document,
         const std::optional<std::string>& minimum) {
        std::vector<failed_check> failed;
        if (document)
          for (const auto& p : check_sources(audited, *document, audited.document.seed)) failed.push_back({p.line, describe(p)});
        return format_report_html(r, audited, document, options_from(minimum), failed);
      },
      py::arg("report"), py::arg("round"), py::arg("document"), py::arg("severity") = py::none());
  m.def(
      "_report_html_fragment",
      [](const report& r, const grant_round* audited) { return format_report_html_fragment(r, audited); },
      py::arg("report"), py::arg("round") = py::none());
  m.def(
      "_find_document",
      [](const grant_round& audited, const std::string& round_file, const std::string& bundled_seeds)
          -> std::optional<std::string> {
        const auto found = find_document(audited, round_file, bundled_seeds);
        return found ? std::optional<std::string>(found->string()) : std::nullopt;
      },
      py::arg("round"), py::arg("round_file"), py::arg("bundled_seeds"));
  m.def(
      "_read_document", [](const std::string& path) { return py::bytes(read_document(path)); }, py::arg("path"));

  m.def("_audit", &audit, py::arg("round"), py::arg("units"), py::call_guard<py::gil_scoped_release>(),
        "The audit of a round against a unit registry; use anslag.audit.");
}

}  // namespace anslag::python
