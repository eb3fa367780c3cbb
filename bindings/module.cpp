#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "anslag's compiled core; import the package anslag, not this module.";
  m.attr("__version__") = ANSLAG_VERSION;
  anslag::python::bind_errors(m);
  anslag::python::bind_krona(m);
  anslag::python::bind_units(m);
  anslag::python::bind_round(m);
  anslag::python::bind_allocation(m);
  anslag::python::bind_rules(m);
  anslag::python::bind_audit(m);
  anslag::python::bind_amounts(m);
  anslag::python::bind_draft(m);
  anslag::python::bind_across(m);
}
