// anslag::date <-> datetime.date, for every binding that takes or gives a day.
#include "bindings.hpp"

#include <string>

namespace py = pybind11;

namespace anslag::python {
namespace {

// Leaked on purpose, like the error classes: no Python object may outlive the interpreter.
const py::object& datetime_module() {
  static const auto* module = new py::object(py::module_::import("datetime"));
  return *module;
}

}  // namespace

date to_date(py::handle value) {
  const py::object& datetime = datetime_module();
  if (py::isinstance(value, datetime.attr("datetime")))
    throw py::type_error("a day is a datetime.date, not a datetime.datetime");
  if (py::isinstance(value, datetime.attr("date")))
    return date(value.attr("year").cast<int>(), value.attr("month").cast<int>(),
                value.attr("day").cast<int>());
  if (py::isinstance<py::str>(value)) return date::parse(value.cast<std::string>());
  throw py::type_error("a day is a datetime.date or a str 'YYYY-MM-DD', not " +
                       std::string(py::str(py::type::of(value).attr("__name__"))));
}

py::object from_date(const date& day) {
  return datetime_module().attr("date")(day.year(), day.month(), day.day());
}

}  // namespace anslag::python
