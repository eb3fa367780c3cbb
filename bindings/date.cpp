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

calendar_date to_date(py::handle value) {
  const py::object& datetime = datetime_module();
  if (py::isinstance(value, datetime.attr("datetime")))
    throw py::type_error("a day is a datetime.date, not a datetime.datetime");
  if (py::isinstance(value, datetime.attr("date")))
    return calendar_date(value.attr("year").cast<int>(), value.attr("month").cast<int>(),
                value.attr("day").cast<int>());
  if (py::isinstance<py::str>(value)) return calendar_date::parse(value.cast<std::string>());
  throw py::type_error("a day is a datetime.date or a str 'YYYY-MM-DD', not " +
                       std::string(py::str(py::type::of(value).attr("__name__"))));
}

py::object from_date(const calendar_date& day) {
  return datetime_module().attr("date")(day.year(), day.month(), day.day());
}

py::object optional_date(const std::optional<calendar_date>& day) { return day ? from_date(*day) : py::none(); }

std::optional<calendar_date> to_optional_date(py::handle value) {
  if (value.is_none()) return std::nullopt;
  return to_date(value);
}

}  // namespace anslag::python
