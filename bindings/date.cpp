// anslag::date <-> datetime.date, the one conversion every binding of a dated value uses.
#include "bindings.hpp"

#include <anslag/error.hpp>

#include <string>

namespace py = pybind11;

namespace anslag::python {

py::object from_date(const date& day) {
  return py::module_::import("datetime").attr("date")(day.year(), day.month(), day.day());
}

date to_date(py::handle value) {
  const auto datetime = py::module_::import("datetime");
  // A datetime is a date too, but its time of day would be dropped without a word.
  if (py::isinstance(value, datetime.attr("datetime")))
    throw py::type_error("expected a datetime.date, not a datetime.datetime");
  if (py::isinstance(value, datetime.attr("date")))
    return date(value.attr("year").cast<int>(), value.attr("month").cast<int>(),
                value.attr("day").cast<int>());
  if (py::isinstance<py::str>(value)) return date::parse(value.cast<std::string>());
  throw py::type_error("expected a datetime.date or a \"YYYY-MM-DD\" string");
}

}  // namespace anslag::python
