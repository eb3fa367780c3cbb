// anslag.Krona: the C++ value type, immutable, hashable, ordered and picklable in Python.
#include "bindings.hpp"

#include <anslag/krona/allocate.hpp>
#include <anslag/krona/amount_text.hpp>
#include <anslag/krona/krona.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <climits>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace anslag::python {
namespace {

// decimal.Decimal, looked up once and never released: a static py::object would be destroyed
// after the interpreter has gone.
const py::object& decimal_class() {
  static const auto* decimal = new py::object(py::module_::import("decimal").attr("Decimal"));
  return *decimal;
}

}  // namespace

std::string type_name(py::handle value) { return py::str(py::type::of(value).attr("__name__")); }

namespace {

// A number as an error message shows it: an int of more than 128 bits by its size (Python refuses
// to print one of more than 4 300 digits, and no message needs them), anything else by str(), cut
// at 80 characters (a Decimal or a Fraction of a million digits).
std::string shown(py::handle value) {
  if (PyLong_Check(value.ptr())) {
    const auto bits = value.attr("bit_length")().cast<std::size_t>();
    if (bits > 128) return "an integer of " + std::to_string(bits) + " bits";
  }
  std::string text;
  try {
    text = py::str(value).cast<std::string>();
  } catch (const py::error_already_set&) {
    return "a " + type_name(value) + " too long to print";
  }
  constexpr std::size_t longest = 80;
  return text.size() > longest ? text.substr(0, longest) + "\u2026" : text;
}

bool is_integer(py::handle value) {
  return PyIndex_Check(value.ptr()) && !PyBool_Check(value.ptr()) && !PyFloat_Check(value.ptr());
}

// A decimal.Decimal, exactly: sign, digits and exponent from as_tuple(), never via a float or the
// decimal context (whose precision could round).
Krona from_decimal(py::handle value) {
  if (!py::isinstance(value, decimal_class()))
    throw py::type_error("from_decimal takes a decimal.Decimal, not " +
                         type_name(value));
  py::tuple parts = value.attr("as_tuple")();
  const bool negative = parts[0].cast<int>() == 1;
  py::tuple digits = parts[1];
  if (!py::isinstance<py::int_>(parts[2]))
    throw invalid_argument_error("Decimal is not a finite number");
  const long exponent = parts[2].cast<long>() + 2;  // the digits' power of ten in öre
  std::int64_t ore = 0;
  const auto count = static_cast<long>(digits.size());
  for (long i = 0; i < count; ++i) {
    const int digit = digits[static_cast<std::size_t>(i)].cast<int>();
    const long power = exponent + (count - 1 - i);  // this digit's power of ten, in öre
    if (power < 0) {
      if (digit != 0) throw invalid_argument_error("Decimal has fractions of an öre");
      continue;
    }
    // ore accumulates -|value| so that the most negative int64 is reachable.
    if (__builtin_mul_overflow(ore, 10, &ore) || __builtin_sub_overflow(ore, digit, &ore))
      throw overflow_error("amount out of range in Decimal conversion of " + shown(value));
  }
  if (ore != 0) {
    for (long i = 0; i < exponent; ++i)
      if (__builtin_mul_overflow(ore, 10, &ore))
        throw overflow_error("amount out of range in Decimal conversion of " + shown(value));
  }
  if (!negative) {
    if (__builtin_sub_overflow(std::int64_t{0}, ore, &ore))
      throw overflow_error("amount out of range in Decimal conversion of " + shown(value));
  }
  return Krona::from_ore(ore);
}

py::object to_decimal(Krona k) {
  // The tuple form (sign, digits, exponent) is exact whatever the decimal context says.
  const std::int64_t ore = k.ore();
  const bool negative = ore < 0;
  std::string magnitude = std::to_string(ore);
  if (negative) magnitude.erase(0, 1);
  py::list digits;
  for (char c : magnitude) digits.append(c - '0');
  return decimal_class()(py::make_tuple(negative ? 1 : 0, py::tuple(digits), -2));
}

std::string python_repr(Krona k) {
  // Plain spaces and a hyphen-minus keep the repr ASCII; the parser reads it back.
  amount_format ascii;
  ascii.group_separator = " ";
  ascii.minus = "-";
  ascii.unit = amount_unit::none;
  return "Krona('" + format_amount(k, ascii) + " kr')";
}

}  // namespace

std::int64_t to_int64(py::handle value, const char* what) {
  if (!is_integer(value))
    throw py::type_error(std::string(what) + " must be an int, not " +
                         type_name(value));
  int overflow = 0;
  py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()));
  if (!index) throw py::error_already_set();
  const long long v = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
  if (overflow != 0) throw overflow_error(std::string(what) + " out of range: " + shown(index));
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  return static_cast<std::int64_t>(v);
}

rounding to_rounding(const std::string& name) {
  if (name == "half_even") return rounding::half_even;
  if (name == "half_up") return rounding::half_up;
  if (name == "down") return rounding::down;
  if (name == "up") return rounding::up;
  if (name == "floor") return rounding::floor;
  if (name == "ceiling") return rounding::ceiling;
  throw invalid_argument_error("unknown rounding mode '" + name +
                               "' (half_even, half_up, down, up, floor, ceiling)");
}

std::pair<std::int64_t, std::int64_t> to_ratio(py::handle factor) {
  if (is_integer(factor)) return {to_int64(factor, "factor"), 1};
  static const auto* fraction = new py::object(py::module_::import("fractions").attr("Fraction"));
  if (!py::isinstance(factor, *fraction) && !py::isinstance(factor, decimal_class()))
    throw py::type_error("a factor is an int, a fractions.Fraction or a decimal.Decimal, not " +
                         type_name(factor) +
                         (PyFloat_Check(factor.ptr()) ? ": a float is inexact; write Fraction(85, 100) or "
                                                        "Decimal('0.85')"
                                                      : ""));
  if (py::isinstance(factor, decimal_class()) && !factor.attr("is_finite")().cast<bool>())
    throw invalid_argument_error("Decimal is not a finite number");
  const py::tuple ratio = factor.attr("as_integer_ratio")();  // exact, lowest terms, denominator > 0
  int overflow = 0;
  const long long numerator = PyLong_AsLongLongAndOverflow(ratio[0].ptr(), &overflow);
  const long long denominator = overflow == 0 ? PyLong_AsLongLongAndOverflow(ratio[1].ptr(), &overflow) : 0;
  if (overflow != 0) throw overflow_error("factor out of range: " + shown(factor));
  return {numerator, denominator};
}

Krona to_krona(py::handle value) {
  if (py::isinstance<Krona>(value)) return value.cast<Krona>();
  if (PyFloat_Check(value.ptr()))
    throw py::type_error(
        "Krona cannot be made from a float: floats are inexact; use a string such as "
        "'1 234,50 kr' or a decimal.Decimal");
  if (py::isinstance<py::str>(value)) return Krona::parse(value.cast<std::string>());
  if (py::isinstance(value, decimal_class())) return from_decimal(value);
  if (is_integer(value)) return Krona::from_kronor(to_int64(value, "whole kronor"));
  throw py::type_error("Krona is made from a str, an int (whole kronor) or a decimal.Decimal, not " +
                       type_name(value));
}

namespace {

// An amount compares with an amount. The int 0 is 0 kr in every unit, so it compares too (an
// analyst writes `granted == 0`); any other bare number has no unit (kronor? öre?) and is refused
// by every operator alike, == included, so that it can never be silently False. What is not a
// number (None, a str) is another kind of thing: == is False, ordering a TypeError.
template <typename Op>
py::object compare(Krona a, py::handle b, const char* symbol, Op op) {
  if (py::isinstance<Krona>(b)) return py::bool_(op(a, b.cast<Krona>()));
  const bool number = is_integer(b) || PyFloat_Check(b.ptr()) || PyBool_Check(b.ptr()) ||
                      py::isinstance(b, decimal_class());
  if (number && is_integer(b) && PyObject_Not(b.ptr()) == 1) return py::bool_(op(a, Krona()));
  if (number)
    throw py::type_error(std::string("Krona ") + symbol + " " + type_name(b) +
                         ": a bare number other than 0 is not an amount; compare with Krona(" +
                         std::string(py::str(b)) + ") for kronor or Krona.from_ore(...) for öre");
  return py::reinterpret_borrow<py::object>(Py_NotImplemented);
}

}  // namespace

void bind_krona(py::module_& m) {
  py::class_<Krona> krona(m, "Krona", R"doc(
An exact amount of Swedish money: a signed 64-bit count of öre.

Krona("8 618 500 kr"), Krona(250) (whole kronor) and Krona(Decimal("1234.50")) are exact;
a float is refused. str() gives the canonical Swedish form, repr() evaluates back.)doc");
  krona
      .def(py::init([](py::handle value) { return to_krona(value); }), py::arg("value"))
      .def_static("from_ore", [](py::handle ore) { return Krona::from_ore(to_int64(ore, "öre")); },
                  py::arg("ore"), "The amount of `ore` öre (an int).")
      .def_static("from_decimal", &from_decimal, py::arg("value"),
                  "Exactly the Decimal's value, or InvalidArgumentError if it has fractions of an öre.")
      .def_static("parse", &Krona::parse, py::arg("text"),
                  "Parses a Swedish amount (docs/amounts.md); ParseError names the position.")
      .def_property_readonly("ore", &Krona::ore, "The amount as an int count of öre.")
      .def("to_decimal", &to_decimal, "The exact decimal.Decimal value in kronor.")
      .def(
          "round",
          [](Krona self, py::handle unit, const std::string& mode) {
            return self.round(to_krona(unit), to_rounding(mode));
          },
          py::arg("unit"), py::arg("mode"),
          "Rounded to a multiple of `unit` with mode half_even, half_up, down, up, floor or ceiling.")
      .def(
          "scale",
          [](Krona self, py::handle factor, const std::string& mode) {
            const auto [numerator, denominator] = to_ratio(factor);
            return self.scale(numerator, denominator, to_rounding(mode));
          },
          py::arg("factor"), py::arg("mode"),
          "This amount times `factor` (an int, Fraction or Decimal), the exact product rounded once "
          "to whole öre by `mode`: Krona('1 000 kr').scale(Decimal('0.85'), 'half_up').")
      .def("__add__", [](Krona a, Krona b) { return a + b; }, py::is_operator())
      .def("__sub__", [](Krona a, Krona b) { return a - b; }, py::is_operator())
      .def(
          "__radd__",
          [](Krona a, py::handle other) -> py::object {
            // sum() starts from the int 0; any other int is not an amount.
            if (is_integer(other) && PyObject_Not(other.ptr()) == 1) return py::cast(a);
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
          },
          py::is_operator())
      .def(
          "__mul__",
          [](Krona a, py::handle factor) -> py::object {
            if (!is_integer(factor)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::cast(a * to_int64(factor, "factor"));
          },
          py::is_operator())
      .def(
          "__rmul__",
          [](Krona a, py::handle factor) -> py::object {
            if (!is_integer(factor)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::cast(a * to_int64(factor, "factor"));
          },
          py::is_operator())
      .def(
          "__truediv__",
          [](Krona a, py::handle b) -> py::object {
            // A share of two amounts is a ratio, not money: the one float an amount gives.
            if (!py::isinstance<Krona>(b) && !is_integer(b) && !PyFloat_Check(b.ptr()) &&
                !py::isinstance(b, decimal_class()))
              return py::reinterpret_borrow<py::object>(Py_NotImplemented);  // a column divides itself
            if (!py::isinstance<Krona>(b))
              throw py::type_error("Krona / " + type_name(b) +
                                   ": a part of an amount needs a rounding rule; write "
                                   "amount.scale(Fraction(1, n), 'half_even')");
            const std::int64_t divisor = b.cast<Krona>().ore();
            if (divisor == 0) throw py::value_error("a share of 0 kr is undefined");
            // Python's int / int: the exact quotient rounded once, also past 2^53 öre, where
            // dividing two doubles would round each amount first.
            return py::int_(a.ore()).attr("__truediv__")(py::int_(divisor));
          },
          py::is_operator())
      .def("__neg__", [](Krona a) { return -a; })
      .def("__pos__", [](Krona a) { return a; })
      .def("__abs__", [](Krona a) { return a.abs(); })
      .def("__bool__", [](Krona a) { return a.ore() != 0; })
      .def("__eq__", [](Krona a, py::handle b) { return compare(a, b, "==", std::equal_to<>()); },
           py::is_operator())
      .def("__ne__", [](Krona a, py::handle b) { return compare(a, b, "!=", std::not_equal_to<>()); },
           py::is_operator())
      .def("__lt__", [](Krona a, py::handle b) { return compare(a, b, "<", std::less<>()); },
           py::is_operator())
      .def("__le__", [](Krona a, py::handle b) { return compare(a, b, "<=", std::less_equal<>()); },
           py::is_operator())
      .def("__gt__", [](Krona a, py::handle b) { return compare(a, b, ">", std::greater<>()); },
           py::is_operator())
      .def("__ge__", [](Krona a, py::handle b) { return compare(a, b, ">=", std::greater_equal<>()); },
           py::is_operator())
      // 0 kr equals the int 0 and so hashes as it; any other amount hashes apart from the ints,
      // which it does not equal (comparing them is an error, so a set must not bring them together).
      .def("__hash__", [](Krona a) {
        return a.ore() == 0 ? py::hash(py::int_(0)) : py::hash(py::make_tuple("Krona", a.ore()));
      })
      .def("__str__", &Krona::to_string)
      .def("__repr__", &python_repr)
      // __reduce__ rather than py::pickle, whose support aborts on protocols 0 and 1; the class
      // and its canonical text pickle under every protocol, and parsing gives the value back.
      .def("__reduce__", [](py::handle self) {
        return py::make_tuple(py::type::of(self), py::make_tuple(self.cast<Krona>().to_string()));
      });

  m.def(
      "allocate_amount",
      [](py::handle total, const std::vector<std::int64_t>& weights, py::handle unit) {
        return allocate(to_krona(total), weights, to_krona(unit));
      },
      py::arg("total"), py::arg("weights"), py::arg("unit") = Krona::from_ore(1),
      "Splits `total` into parts proportional to integer weights: multiples of `unit`, summing "
      "exactly to `total`, each within one unit of its exact share (largest remainder).");
}

}  // namespace anslag::python
