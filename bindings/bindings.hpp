// Shared declarations of the binding files: each file binds one concept into anslag._core,
// and module.cpp calls them in dependency order.
#pragma once

#include <anslag/krona/krona.hpp>
#include <anslag/model/date.hpp>

#include <pybind11/pybind11.h>

namespace anslag::python {

void bind_errors(pybind11::module_& m);
void bind_krona(pybind11::module_& m);
void bind_audit(pybind11::module_& m);
void bind_units(pybind11::module_& m);
void bind_round(pybind11::module_& m);
void bind_rules(pybind11::module_& m);

// A Python value as Krona: a Krona, a str (parsed), an int (whole kronor) or a decimal.Decimal
// (exact, or an error). A float, or anything else, is a TypeError that says what to use.
Krona to_krona(pybind11::handle value);

// The rounding mode named by one of "half_even", "half_up", "down", "up", "floor", "ceiling".
rounding to_rounding(const std::string& name);

// A Python value as a date: a datetime.date (not a datetime.datetime, whose time of day would be
// dropped silently) or an ISO string "YYYY-MM-DD" (parsed); anything else is a TypeError.
anslag::date to_date(pybind11::handle value);
// The datetime.date of a date.
pybind11::object from_date(const anslag::date& day);

}  // namespace anslag::python
