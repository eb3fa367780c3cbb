// anslag.Evaluation, anslag.Verdict, anslag.NotEvaluated and the core of anslag.evaluate (the
// package's anslag.evaluate adds the bundled registry as the default). Kinds and states are the
// plain strings of the round file ("exclusion", "not_met"), as decisions are.
#include "bindings.hpp"

#include <anslag/model/round.hpp>
#include <anslag/rules/evaluate.hpp>

#include <pybind11/stl.h>

#include <string>

namespace py = pybind11;

namespace anslag::python {
namespace {

template <typename Enum>
Enum parse_or_throw(std::optional<Enum> value) {
  if (!value) throw invalid_argument_error("not a pickled evaluation");
  return *value;
}

py::dict source_dict(const source_ref& source) {
  py::dict d;
  d["document"] = source.document;
  d["line"] = source.line;
  d["section"] = source.section;
  return d;
}

py::tuple verdict_state_tuple(const verdict& v) {
  return py::make_tuple(v.rule, std::string(to_string(v.kind)), v.required,
                        std::string(to_string(v.state)), v.missing, v.parameters, v.explanation_sv,
                        v.explanation_en, v.quote,
                        py::make_tuple(v.source.document, v.source.line, v.source.section));
}

verdict verdict_from_tuple(const py::tuple& t) {
  if (t.size() != 10) throw invalid_argument_error("not a pickled evaluation");
  verdict v;
  v.rule = t[0].cast<std::string>();
  v.kind = parse_or_throw(rule_kind_from_name(t[1].cast<std::string>()));
  v.required = t[2].cast<bool>();
  v.state = parse_or_throw(verdict_state_from_name(t[3].cast<std::string>()));
  v.missing = t[4].cast<std::vector<std::string>>();
  v.parameters = t[5].cast<std::map<std::string, std::string>>();
  v.explanation_sv = t[6].cast<std::string>();
  v.explanation_en = t[7].cast<std::string>();
  v.quote = t[8].cast<std::string>();
  const auto source = t[9].cast<py::tuple>();
  v.source = {source[0].cast<std::string>(), source[1].cast<int>(), source[2].cast<std::string>()};
  return v;
}

py::dict verdict_dict(const verdict& v) {
  py::dict d;
  d["rule"] = v.rule;
  d["kind"] = std::string(to_string(v.kind));
  d["required"] = v.required;
  d["state"] = std::string(to_string(v.state));
  d["missing"] = v.missing;
  d["parameters"] = v.parameters;
  d["explanation_sv"] = v.explanation_sv;
  d["explanation_en"] = v.explanation_en;
  d["quote"] = v.quote;
  d["source"] = source_dict(v.source);
  return d;
}

py::tuple unevaluated_tuple(const unevaluated_rule& n) {
  return py::make_tuple(n.rule, std::string(to_string(n.kind)), n.reason);
}

unevaluated_rule unevaluated_from_tuple(const py::tuple& t) {
  if (t.size() != 3) throw invalid_argument_error("not a pickled evaluation");
  return {t[0].cast<std::string>(), parse_or_throw(rule_kind_from_name(t[1].cast<std::string>())),
          t[2].cast<std::string>()};
}

py::dict unevaluated_dict(const unevaluated_rule& n) {
  py::dict d;
  d["rule"] = n.rule;
  d["kind"] = std::string(to_string(n.kind));
  d["reason"] = n.reason;
  return d;
}

}  // namespace

void bind_rules(py::module_& m) {
  py::class_<verdict> verdict_class(m, "Verdict", "What one rule says of one application, with its source.");
  verdict_class.def_readonly("rule", &verdict::rule, "The rule's id.")
      .def_property_readonly("kind", [](const verdict& v) { return std::string(to_string(v.kind)); })
      .def_readonly("required", &verdict::required,
                    "False for priority areas: they rank, they do not decide the result.")
      .def_property_readonly("state", [](const verdict& v) { return std::string(to_string(v.state)); },
                             "\"met\", \"not_met\" or \"unknown\".")
      .def_readonly("missing", &verdict::missing, "What an unknown lacks, by name.")
      .def_readonly("parameters", &verdict::parameters, "The rule's parameters as text.")
      .def_readonly("explanation_sv", &verdict::explanation_sv)
      .def_readonly("explanation_en", &verdict::explanation_en)
      .def_readonly("quote", &verdict::quote, "The rule's Swedish sentence, verbatim.")
      .def_readonly("source", &verdict::source, "Where the sentence stands (a SourceRef).")
      .def("to_dict", &verdict_dict)
      .def("__repr__",
           [](const verdict& v) {
             return "Verdict(rule=" + py::repr(py::str(v.rule)).cast<std::string>() + ", state='" +
                    std::string(to_string(v.state)) + "')";
           })
      .def(py::pickle(&verdict_state_tuple, &verdict_from_tuple));
  add_value_semantics(verdict_class);

  py::class_<unevaluated_rule> unevaluated_class(m, "NotEvaluated", "A rule of the fund that has no verdict, and why.");
  unevaluated_class.def_readonly("rule", &unevaluated_rule::rule)
      .def_property_readonly("kind",
                             [](const unevaluated_rule& n) { return std::string(to_string(n.kind)); })
      .def_readonly("reason", &unevaluated_rule::reason)
      .def("to_dict", &unevaluated_dict)
      .def("__repr__",
           [](const unevaluated_rule& n) {
             return "NotEvaluated(rule=" + py::repr(py::str(n.rule)).cast<std::string>() + ")";
           })
      .def(py::pickle(&unevaluated_tuple, &unevaluated_from_tuple));
  add_value_semantics(unevaluated_class);

  py::class_<evaluation> evaluation_class(m, "Evaluation", "The verdicts of every rule on one application.");
  evaluation_class.def_readonly("application", &evaluation::application)
      .def_readonly("fund", &evaluation::fund)
      .def_readonly("unit", &evaluation::unit, "The unit id the verdicts used; None if unknown.")
      .def_readonly("verdicts", &evaluation::verdicts)
      .def_readonly("not_evaluated", &evaluation::not_evaluated)
      .def_property_readonly("result", [](const evaluation& e) { return std::string(to_string(e.result)); },
                             "not_met if a required verdict is not met, else unknown if one is "
                             "unknown, else met.")
      .def("to_dict",
           [](const evaluation& e) {
             py::dict d;
             d["application"] = e.application;
             d["fund"] = e.fund;
             d["unit"] = e.unit;
             d["result"] = std::string(to_string(e.result));
             py::list verdicts;
             for (const auto& v : e.verdicts) verdicts.append(verdict_dict(v));
             d["verdicts"] = verdicts;
             py::list skipped;
             for (const auto& n : e.not_evaluated) skipped.append(unevaluated_dict(n));
             d["not_evaluated"] = skipped;
             return d;
           },
           "Plain values only (str, bool, list, dict, None): ready for json.dumps.")
      .def("__repr__",
           [](const evaluation& e) {
             return "Evaluation(application=" + py::repr(py::str(e.application)).cast<std::string>() +
                    ", result='" + std::string(to_string(e.result)) + "', verdicts=" +
                    std::to_string(e.verdicts.size()) + ")";
           })
      .def(py::pickle(
          [](const evaluation& e) {
            py::list verdicts;
            for (const auto& v : e.verdicts) verdicts.append(verdict_state_tuple(v));
            py::list skipped;
            for (const auto& n : e.not_evaluated) skipped.append(unevaluated_tuple(n));
            return py::make_tuple(e.application, e.fund, e.unit, std::string(to_string(e.result)),
                                  verdicts, skipped);
          },
          [](const py::tuple& t) {
            if (t.size() != 6) throw invalid_argument_error("not a pickled evaluation");
            evaluation e;
            e.application = t[0].cast<std::string>();
            e.fund = t[1].cast<std::string>();
            e.unit = t[2].cast<std::optional<std::string>>();
            e.result = parse_or_throw(verdict_state_from_name(t[3].cast<std::string>()));
            for (auto v : t[4].cast<py::list>()) e.verdicts.push_back(verdict_from_tuple(v.cast<py::tuple>()));
            for (auto n : t[5].cast<py::list>())
              e.not_evaluated.push_back(unevaluated_from_tuple(n.cast<py::tuple>()));
            return e;
          }));
  add_value_semantics(evaluation_class);

  m.def(
      "evaluate",
      [](const grant_round& r, const py::object& application_or_id, const unit_registry& registry) {
        if (py::isinstance<py::str>(application_or_id)) {
          const auto id = application_or_id.cast<std::string>();
          const auto* a = r.find_application(id);
          if (!a) throw not_found_error("no application " + id);
          return evaluate(r, *a, registry);
        }
        return evaluate(r, application_or_id.cast<const application&>(), registry);
      },
      py::arg("round"), py::arg("application"), py::arg("registry"),
      "The verdicts of the round's rules on one application (an Application or its id).");
}

}  // namespace anslag::python
