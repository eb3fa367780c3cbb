// Shared declarations of the batch amount bindings, split by concern: amounts.cpp binds the
// calls and reads integer arrays, parse_amounts.cpp reads texts from Python objects and numpy
// arrays, and parallel_parse.cpp parses a slice of str objects on two threads.
#pragma once

#include <anslag/krona/amount_text.hpp>
#include <anslag/krona/krona.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <Python.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <span>
#include <string>

namespace anslag::python {

// One text in place: `length` code points of `width` bytes each at `data`.
struct text_view {
  const void* data;
  std::size_t length;
  int width;
};

inline Krona parse_view(const text_view& text) {
  switch (text.width) {
    case 1:
      return parse_amount(std::span(static_cast<const std::uint8_t*>(text.data), text.length));
    case 2:
      return parse_amount(std::span(static_cast<const std::uint16_t*>(text.data), text.length));
    default:
      return parse_amount(std::span(static_cast<const std::uint32_t*>(text.data), text.length));
  }
}

// Where CPython keeps a str's code points (PEP 393), without a reference taken.
inline text_view view_of(PyObject* text) {
  return {PyUnicode_DATA(text), static_cast<std::size_t>(PyUnicode_GET_LENGTH(text)),
          static_cast<int>(PyUnicode_KIND(text))};
}

// The numpy module, imported once.
const pybind11::module_& numpy();

// Raises the error of element `index` (described as `what`) as its anslag class, with the
// element named in the message and in .index (and whatever else `extra` holds).
[[noreturn]] void raise_element_error(std::exception_ptr failure, std::size_t index,
                                      const std::string& what, pybind11::dict extra);

// As raise_element_error for a text, which is also given as .text.
[[noreturn]] void raise_text_error(std::exception_ptr failure, std::size_t index, const pybind11::object& text);

// Where the str objects are: the items of a list or tuple, or the cells of a numpy object array.
// Another thread may change either while the GIL is released (resizing a list moves its item
// array), so the items are looked up afresh each time, with the GIL, and only while there are
// still as many as the result was made for. A cell numpy left empty reads as None, as in numpy.
class str_source {
 public:
  // `texts`: a sequence (made into a list if it is none) or a one-dimensional object array.
  explicit str_source(pybind11::handle texts);
  std::size_t count() const { return count_; }
  PyObject* const* items() const;

 private:
  std::size_t size() const;

  pybind11::object holder_;
  bool array_ = false;
  std::size_t count_ = 0;
};

// Parses every str of `source` into `out` (öre), with the GIL held by the caller, sharing the work
// with a second thread when that pays; the first bad text raises its error, naming its index.
void parse_str_objects(const str_source& source, std::int64_t* out);

// Swedish amounts (docs/amounts.md) from a sequence of str, a pandas Series or Index, or a
// one-dimensional numpy str or object array, as an int64 array of öre.
pybind11::array_t<std::int64_t> parse_amounts(pybind11::handle texts);

}  // namespace anslag::python
