// Batch calls for notebook-sized data: numpy arrays in and out, no Python object made per
// element, and the GIL released while the C++ loop runs. This file binds them and reads the
// integer arrays; parse_amounts.cpp reads texts, parallel_parse.cpp shares their parsing.
#include "amount_texts.hpp"
#include "bindings.hpp"

#include <anslag/krona/amount_text.hpp>
#include <anslag/krona/krona.hpp>

#include <pybind11/numpy.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <ranges>
#include <span>
#include <string>
#include <vector>

namespace py = pybind11;

namespace anslag::python {

const py::module_& numpy() {
  // Never released: a static py::object would be destroyed after the interpreter has gone.
  static const auto* module = new py::module_(py::module_::import("numpy"));
  return *module;
}

// Raises the error of element `index` (described as `what`) as its anslag class, with the
// element named in the message and in .index (and .text for a text).
[[noreturn]] void raise_element_error(std::exception_ptr failure, std::size_t index,
                                      const std::string& what, py::dict extra) {
  const std::string prefix = "element " + std::to_string(index) + " (" + what + "): ";
  extra["index"] = index;
  try {
    std::rethrow_exception(failure);
  } catch (const parse_error& e) {
    raise_error(std::make_exception_ptr(parse_error(prefix + e.what(), e.position())), extra);
  } catch (const overflow_error& e) {
    raise_error(std::make_exception_ptr(overflow_error(prefix + e.what())), extra);
  } catch (const invalid_argument_error& e) {
    raise_error(std::make_exception_ptr(invalid_argument_error(prefix + e.what())), extra);
  }
}


// Amounts in öre as a C-order int64 array of the input's shape. Integer arrays, and sequences
// numpy makes into one, pass as they are; an object array (ints too large for int64, or mixed
// objects) is read element by element. Floats and booleans are refused: money never passes
// through a float, and True is not an amount.
py::array_t<std::int64_t> ore_array(py::handle values) {
  using ore_t = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
  // A masked amount is an unknown one: reading the data under the mask would count it.
  if (numpy().attr("ma").attr("isMaskedArray")(values).cast<bool>() &&
      numpy().attr("ma").attr("getmaskarray")(values).attr("any")().cast<bool>())
    throw py::type_error(
        "masked amounts are unknown and are not read: pass values.compressed() for the known ones "
        "only, or use a krona column, which keeps them <NA>");
  const py::array array = numpy().attr("asarray")(values);
  const py::dtype type = array.dtype();
  const char kind = type.kind();
  if (array.size() == 0) return ore_t::ensure(numpy().attr("zeros")(array.attr("shape"), "int64"));
  if (kind == 'u' && type.itemsize() == 8) {
    const auto wide = py::array_t<std::uint64_t, py::array::c_style>::ensure(array);
    const std::span<const std::uint64_t> all(wide.data(), static_cast<std::size_t>(wide.size()));
    const auto beyond = std::ranges::find_if(all, [](std::uint64_t v) { return v > std::numeric_limits<std::int64_t>::max(); });
    if (beyond != all.end())
      throw overflow_error("öre out of range: " + std::to_string(*beyond) + " at position " +
                           std::to_string(beyond - all.begin()));
  }
  if (kind == 'i' || kind == 'u') return ore_t::ensure(array);
  if (kind == 'O') {
    ore_t result(std::vector<py::ssize_t>(array.shape(), array.shape() + array.ndim()));
    const py::object flat = array.attr("ravel")();
    std::int64_t* out = result.mutable_data();
    for (py::ssize_t i = 0; i < array.size(); ++i) {
      const py::object item = flat[py::int_(i)];
      try {
        out[i] = to_int64(item, "öre");
      } catch (const error&) {
        raise_element_error(std::current_exception(), static_cast<std::size_t>(i), py::repr(item),
                            py::dict());
      } catch (const py::type_error& e) {
        throw py::type_error("element " + std::to_string(i) + ": " + e.what());
      }
    }
    return result;
  }
  throw py::type_error("öre must be integers, not " + std::string(py::str(py::handle(type))) +
                       (kind == 'f' || kind == 'c' ? ": money never passes through a float" : ""));
}

namespace {

Krona sum_amounts(py::handle values) {
  const auto ore = ore_array(values);
  const std::span<const std::int64_t> amounts(ore.data(), static_cast<std::size_t>(ore.size()));
  py::gil_scoped_release release;
  return sum_ore(amounts);
}

// Applies `operation` to each amount without the GIL; the first element it cannot do (overflow)
// raises its error naming the element.
template <typename Operation>
py::array_t<std::int64_t> map_amounts(py::handle values, Operation operation) {
  const auto ore = ore_array(values);
  const auto count = static_cast<std::size_t>(ore.size());
  py::array_t<std::int64_t> result(std::vector<py::ssize_t>(ore.shape(), ore.shape() + ore.ndim()));
  const std::int64_t* in = ore.data();
  std::int64_t* out = result.mutable_data();
  std::size_t failed = 0;
  std::exception_ptr failure;
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < count; ++i) {
      try {
        out[i] = operation(Krona::from_ore(in[i])).ore();
      } catch (const error&) {
        failed = i;
        failure = std::current_exception();
        break;
      }
    }
  }
  if (failure) raise_element_error(failure, failed, std::to_string(in[failed]) + " öre", py::dict());
  return result;
}

py::array_t<std::int64_t> scale_amounts(py::handle values, py::handle factor, const std::string& mode) {
  const auto [numerator, denominator] = to_ratio(factor);
  const rounding how = to_rounding(mode);
  return map_amounts(values, [=](Krona k) { return k.scale(numerator, denominator, how); });
}

py::array_t<std::int64_t> round_amounts(py::handle values, py::handle unit, const std::string& mode) {
  const Krona by = to_krona(unit);
  const rounding how = to_rounding(mode);
  (void)Krona().round(by, how);  // a unit that is not positive is an error even for no amounts
  return map_amounts(values, [=](Krona k) { return k.round(by, how); });
}

amount_unit unit_named(const std::string& name) {
  if (const auto unit = amount_unit_from_name(name)) return *unit;
  throw invalid_argument_error("unknown amount unit '" + name + "' (kr, kronor, SEK, Skr, tkr, mnkr, mdkr or '' for none)");
}

amount_format make_format(std::string separator, std::string minus, const std::string& unit,
                          const std::string& decimals) {
  amount_format format{std::move(separator), std::move(minus), unit_named(unit),
                       amount_format::decimals::automatic};
  if (decimals == "always") {
    format.fraction = amount_format::decimals::always;
  } else if (decimals == "never") {
    format.fraction = amount_format::decimals::never;
  } else if (decimals != "auto") {
    throw invalid_argument_error("unknown decimals '" + decimals + "' (auto, always, never)");
  }
  (void)format_amount(Krona(), format);  // options that are refused are refused even for no amounts
  return format;
}

// Decodes UTF-8 that this file wrote (valid by construction) into UCS-4 cells.
std::size_t decode_utf8(std::string_view utf8, std::uint32_t* cells) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < utf8.size(); ++count) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::uint32_t c = width == 1 ? lead : lead & (0xFFu >> (width + 1));
    for (std::size_t k = 1; k < width; ++k) c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    cells[count] = c;
    i += width;
  }
  return count;
}

std::size_t count_code_points(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char b) { return (static_cast<unsigned char>(b) & 0xC0) != 0x80; }));
}

py::array format_amounts(py::handle values, std::string separator, std::string minus,
                         std::string unit, const std::string& decimals) {
  const amount_format format =
      make_format(std::move(separator), std::move(minus), unit, decimals);
  const auto ore = ore_array(values);
  const auto count = static_cast<std::size_t>(ore.size());
  const std::int64_t* amounts = ore.data();
  std::string buffer;                   // every text, one after the other
  std::vector<std::size_t> ends(count);  // where each ends in `buffer`
  std::size_t widest = 1;                // numpy has no zero-width str
  std::size_t failed = 0;
  std::exception_ptr failure;
  {
    py::gil_scoped_release release;
    buffer.reserve(count * 16);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t start = buffer.size();
      try {
        append_amount(buffer, Krona::from_ore(amounts[i]), format);
      } catch (const error&) {
        failed = i;
        failure = std::current_exception();
        break;
      }
      ends[i] = buffer.size();
      widest = std::max(widest, count_code_points(std::string_view(buffer).substr(start, ends[i] - start)));
    }
  }
  if (failure)
    raise_element_error(failure, failed, std::to_string(amounts[failed]) + " öre", py::dict());

  py::array texts(py::dtype("U" + std::to_string(widest)),
                  std::vector<py::ssize_t>(ore.shape(), ore.shape() + ore.ndim()));
  auto* cells = static_cast<std::uint32_t*>(texts.mutable_data());
  {
    py::gil_scoped_release release;
    std::size_t start = 0;
    for (std::size_t i = 0; i < count; ++i) {
      std::uint32_t* cell = cells + i * widest;
      const std::size_t length = decode_utf8(std::string_view(buffer).substr(start, ends[i] - start), cell);
      std::fill(cell + length, cell + widest, 0u);
      start = ends[i];
    }
  }
  return texts;
}

}  // namespace

void bind_amounts(py::module_& m) {
  m.def("parse_amounts", &parse_amounts, py::arg("texts"),
        R"doc(Parses Swedish amounts (docs/amounts.md) into a numpy int64 array of öre.

`texts` is a sequence of str (list, tuple, pandas Series or Index, read through its array) or a
one-dimensional numpy array of str or object. The first bad element raises ParseError (or
OverflowError) whose message names its index and text; .index, .text and .position say the same.
str objects are read in place with the GIL held, which is offered to other threads every 65 536
texts; from 16 384 on, a second thread shares the parsing. A numpy str array is parsed without
the GIL.)doc");
  m.def("format_amounts", &format_amounts, py::arg("ore"), py::kw_only(),
        py::arg("separator") = "\u00A0", py::arg("minus") = "\u2212", py::arg("unit") = "kr",
        py::arg("decimals") = "auto",
        R"doc(Formats amounts in öre (an integer array of any shape) as a numpy str array.

The canonical form by default ("1 234,50 kr" with U+00A0, U+2212 for minus). decimals: "auto"
(öre only when there are any), "always" or "never" (an amount with öre is then an error).)doc");
  m.def("sum_amounts", &sum_amounts, py::arg("ore"),
        "The exact sum of amounts in öre (an integer array) as Krona; OverflowError only when the "
        "sum itself is beyond the range.");
  m.def("scale_amounts", &scale_amounts, py::arg("ore"), py::arg("factor"), py::arg("mode"),
        "Each amount in öre times `factor` (an int, Fraction or Decimal), the exact product rounded "
        "once to whole öre by `mode` (Krona.scale for a whole array); an int64 array of öre.");
  m.def("round_amounts", &round_amounts, py::arg("ore"), py::arg("unit"), py::arg("mode"),
        "Each amount in öre rounded to a multiple of `unit` by `mode` (Krona.round for a whole "
        "array); an int64 array of öre.");
  m.def(
      "format_amount",
      [](py::handle amount, std::string separator, std::string minus, std::string unit,
         const std::string& decimals) {
        return anslag::format_amount(
            to_krona(amount), make_format(std::move(separator), std::move(minus), unit, decimals));
      },
      py::arg("amount"), py::kw_only(), py::arg("separator") = "\u00A0", py::arg("minus") = "\u2212",
      py::arg("unit") = "kr", py::arg("decimals") = "auto",
      "Formats one amount (Krona, or what Krona() takes) with the options of format_amounts.");
}

}  // namespace anslag::python
