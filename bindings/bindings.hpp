// Shared declarations of the binding files: each file binds one concept into anslag._core,
// and module.cpp calls them in dependency order.
#pragma once

#include <anslag/krona/krona.hpp>
#include <anslag/model/date.hpp>
#include <anslag/model/shared_text.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <optional>

#include <cstdint>
#include <exception>
#include <string>
#include <utility>

// A quote shared by a rule and the findings citing it (anslag::shared_text) is a str in Python,
// read from one and written as one.
namespace pybind11::detail {
template <>
struct type_caster<anslag::shared_text> {
  PYBIND11_TYPE_CASTER(anslag::shared_text, const_name("str"));
  bool load(handle source, bool convert) {
    make_caster<std::string> text;
    if (!text.load(source, convert)) return false;
    value = anslag::shared_text(cast_op<std::string&&>(std::move(text)));
    return true;
  }
  static handle cast(const anslag::shared_text& text, return_value_policy policy, handle parent) {
    return make_caster<std::string>::cast(text.str(), policy, parent);
  }
};
}  // namespace pybind11::detail

namespace anslag::python {

void bind_errors(pybind11::module_& m);
void bind_krona(pybind11::module_& m);
void bind_allocation(pybind11::module_& m);
void bind_audit(pybind11::module_& m);
void bind_units(pybind11::module_& m);
void bind_round(pybind11::module_& m);
void bind_rules(pybind11::module_& m);
void bind_amounts(pybind11::module_& m);
void bind_draft(pybind11::module_& m);
void bind_across(pybind11::module_& m);

// Raises the anslag error in `failure` as the exception translator would, with `extra` attributes
// on the instance (context the C++ error does not carry, such as a batch element's index).
[[noreturn]] void raise_error(std::exception_ptr failure, const pybind11::dict& extra);

// An int or numpy integer as int64. A bool, a float or anything else is a TypeError naming
// `what`; a value beyond int64 is an overflow_error "`what` out of range: VALUE".
std::int64_t to_int64(pybind11::handle value, const char* what);

// Amounts in öre as a C-order int64 array of the input's shape: integer arrays and sequences as
// they are, a numpy masked array only when nothing is masked. Floats and booleans are refused.
pybind11::array_t<std::int64_t> ore_array(pybind11::handle values);

// The name of a value's type, for TypeError messages ("float", "NoneType").
std::string type_name(pybind11::handle value);

// A Python value as Krona: a Krona, a str (parsed), an int (whole kronor) or a decimal.Decimal
// (exact, or an error). A float, or anything else, is a TypeError that says what to use.
Krona to_krona(pybind11::handle value);

// An exact factor as numerator and denominator (denominator > 0): an int, a fractions.Fraction or
// a decimal.Decimal. A float (inexact) or anything else is a TypeError; a numerator or denominator
// beyond int64 is an overflow_error "factor out of range: FACTOR".
std::pair<std::int64_t, std::int64_t> to_ratio(pybind11::handle factor);

// The rounding mode named by one of "half_even", "half_up", "down", "up", "floor", "ceiling".
rounding to_rounding(const std::string& name);

// A Python value as a date: a datetime.date (not a datetime.datetime, whose time of day would be
// dropped silently) or an ISO string "YYYY-MM-DD" (parsed); anything else is a TypeError.
anslag::calendar_date to_date(pybind11::handle value);
// The datetime.date of a date.
pybind11::object from_date(const anslag::calendar_date& day);
// An optional date as a datetime.date or None, and back.
pybind11::object optional_date(const std::optional<anslag::calendar_date>& day);
std::optional<anslag::calendar_date> to_optional_date(pybind11::handle value);

// A bound value type compared by value (its C++ operator==), so not hashable by identity.
template <typename T>
void add_value_semantics(pybind11::class_<T>& cls) {
  cls.def("__eq__", [](const T& a, pybind11::object b) -> pybind11::object {
       if (!pybind11::isinstance<T>(b)) return pybind11::reinterpret_borrow<pybind11::object>(Py_NotImplemented);
       return pybind11::bool_(a == b.cast<const T&>());
     })
      .attr("__hash__") = pybind11::none();
}

}  // namespace anslag::python
