// parse_amounts: the texts read from Python objects. Each str is read where Python keeps it
// (PEP 393 storage: one, two or four bytes per code point), or each cell of a numpy str array, so
// nothing is encoded or copied before parsing; the GIL is released while a numpy str array is
// parsed (str objects need it held: see parallel_parse.cpp).
#include "amount_texts.hpp"
#include "bindings.hpp"

#include <cstdint>
#include <exception>
#include <span>
#include <string>
#include <vector>

namespace py = pybind11;

namespace anslag::python {
namespace {

// Parses each view into `out` without the GIL. Returns the index of the first bad text (its
// error in `failure`), or the number of views.
std::size_t parse_views(std::span<const text_view> views, std::int64_t* out, std::exception_ptr& failure) {
  py::gil_scoped_release release;
  for (std::size_t i = 0; i < views.size(); ++i) {
    try {
      out[i] = parse_view(views[i]).ore();
    } catch (const error&) {
      failure = std::current_exception();
      return i;
    }
  }
  return views.size();
}

// A numpy str array: fixed cells of UCS-4 units, NUL-padded; no Python object at all.
py::array_t<std::int64_t> parse_cells(const py::array& texts) {
  // C order and aligned, so that each cell is an aligned run of UCS-4 units.
  const py::array cells = numpy().attr("require")(texts, py::none(), "CA");
  const auto count = static_cast<std::size_t>(cells.size());
  const auto per_cell = static_cast<std::size_t>(cells.itemsize()) / 4;
  const auto* base = static_cast<const std::uint32_t*>(cells.data());
  std::vector<text_view> views(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t* cell = base + i * per_cell;
    // numpy pads a cell with NULs and drops them on reading; a NUL inside the text stays.
    std::size_t length = per_cell;
    while (length > 0 && cell[length - 1] == 0) --length;
    views[i] = {cell, length, 4};
  }
  py::array_t<std::int64_t> result(static_cast<py::ssize_t>(count));
  std::exception_ptr failure;
  const std::size_t failed = parse_views(views, result.mutable_data(), failure);
  if (failure) {
    const text_view& v = views[failed];
    const auto text = py::reinterpret_steal<py::object>(
        PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, v.data, static_cast<py::ssize_t>(v.length)));
    if (!text) throw py::error_already_set();
    raise_text_error(failure, failed, text);
  }
  return result;
}

py::array_t<std::int64_t> parse_strs(py::handle texts) {
  const str_source source(texts);
  py::array_t<std::int64_t> result(static_cast<py::ssize_t>(source.count()));
  parse_str_objects(source, result.mutable_data());
  return result;
}

}  // namespace

[[noreturn]] void raise_text_error(std::exception_ptr failure, std::size_t index, const py::object& text) {
  py::dict extra;
  extra["text"] = text;
  raise_element_error(failure, index, py::repr(text), extra);
}

str_source::str_source(py::handle texts) {
  if (py::isinstance<py::array>(texts)) {
    holder_ = numpy().attr("require")(texts, py::none(), "C");  // contiguous cells
    array_ = true;
  } else {
    holder_ = py::reinterpret_steal<py::object>(PySequence_Fast(texts.ptr(), "texts must be a sequence of str"));
    if (!holder_) throw py::error_already_set();
  }
  count_ = size();
}

PyObject* const* str_source::items() const {
  if (size() != count_) throw py::value_error("texts changed size during parse_amounts");
  if (array_) return static_cast<PyObject* const*>(py::reinterpret_borrow<py::array>(holder_).data());
  return PySequence_Fast_ITEMS(holder_.ptr());
}

std::size_t str_source::size() const {
  if (array_) return static_cast<std::size_t>(py::reinterpret_borrow<py::array>(holder_).size());
  return static_cast<std::size_t>(PySequence_Fast_GET_SIZE(holder_.ptr()));
}

py::array_t<std::int64_t> parse_amounts(py::handle texts) {
  if (py::isinstance<py::str>(texts))
    throw py::type_error("texts must be a sequence of str, not a single str");
  // A pandas Series or Index (or anything else with __array__ that is not a list or tuple) is
  // read through its numpy array: an object column gives its cells without copying them.
  const bool array_like = !py::isinstance<py::array>(texts) && !PyList_Check(texts.ptr()) &&
                          !PyTuple_Check(texts.ptr()) && py::hasattr(texts, "__array__");
  const py::object source =
      array_like ? numpy().attr("asarray")(texts) : py::reinterpret_borrow<py::object>(texts);
  if (!py::isinstance<py::array>(source)) return parse_strs(source);
  const auto array = py::reinterpret_borrow<py::array>(source);
  if (array.ndim() != 1) throw invalid_argument_error("texts must be one-dimensional");
  const char kind = array.dtype().kind();
  if (kind == 'U') return parse_cells(array);
  if (kind == 'O') return parse_strs(array);
  throw py::type_error("texts must hold str, not numpy " +
                       std::string(py::str(py::handle(array.dtype()))) + " elements");
}

}  // namespace anslag::python
