// Batch calls for notebook-sized data: numpy arrays in and out, no Python object made per
// element, and the GIL released while the C++ loop runs (except while parse_amounts reads str
// objects: see str_batch). parse_amounts reads each str where Python keeps it (PEP 393 storage:
// one, two or four bytes per code point) or each cell of a numpy str array, so nothing is
// encoded or copied before parsing.
#include "bindings.hpp"

#include <anslag/krona/amount_text.hpp>
#include <anslag/krona/krona.hpp>

#include <pybind11/numpy.h>

#ifdef __linux__
#include <sched.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace py = pybind11;

namespace anslag::python {
namespace {

// One text in place: `length` code points of `width` bytes each at `data`.
struct text_view {
  const void* data;
  std::size_t length;
  int width;
};

Krona parse_view(const text_view& text) {
  switch (text.width) {
    case 1:
      return parse_amount(std::span(static_cast<const std::uint8_t*>(text.data), text.length));
    case 2:
      return parse_amount(std::span(static_cast<const std::uint16_t*>(text.data), text.length));
    default:
      return parse_amount(std::span(static_cast<const std::uint32_t*>(text.data), text.length));
  }
}

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

[[noreturn]] void raise_text_error(std::exception_ptr failure, std::size_t index, const py::object& text) {
  py::dict extra;
  extra["text"] = text;
  raise_element_error(failure, index, py::repr(text), extra);
}

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

// Python str objects are parsed where CPython keeps them, with no reference taken: taking and
// dropping a reference to each of a million objects cost about as much as parsing them all.
// That is safe only while this thread holds the GIL, so that no Python code runs: the list
// cannot change and no str can be freed. So the texts go in slices of 65 536 with the GIL held;
// between slices the GIL is released for a moment (a thread waiting for it gets it then, as
// between bytecodes) and the items are looked up afresh.
//
// A second thread, which never touches the GIL or calls into Python, parses blocks of the same
// slice meanwhile: it only reads the objects, which nobody writes while the slice lasts. Blocks
// of 512 texts are claimed from one counter, so when the second thread gets no core this one
// parses everything itself and waits at most for the one block the other has in hand. A text
// either thread cannot parse fast (not a str, a bad amount, a legacy string not yet "ready")
// stops the slice there; this thread then goes on alone from that text, with the GIL, where
// every error is raised as usual. So the first bad text is the one named.
constexpr std::size_t slice_size = 65536;
constexpr std::size_t block_size = 512;
static_assert(slice_size % block_size == 0);
// Each object is somewhere in memory; asking for it 16 texts ahead overlaps the fetches.
constexpr std::size_t prefetch_distance = 16;
constexpr std::size_t no_problem = std::numeric_limits<std::size_t>::max();

// Where the str objects are: the items of a list or tuple, or the cells of a numpy object array.
// Another thread may change either while the GIL is released (resizing a list moves its item
// array), so the items are looked up afresh each time, with the GIL, and only while there are
// still as many as the result was made for. A cell numpy left empty reads as None, as in numpy.
class str_source {
 public:
  // `texts`: a sequence (made into a list if it is none) or a one-dimensional object array.
  explicit str_source(py::handle texts) {
    if (py::isinstance<py::array>(texts)) {
      holder_ = numpy().attr("require")(texts, py::none(), "C");  // contiguous cells
      array_ = true;
    } else {
      holder_ = py::reinterpret_steal<py::object>(PySequence_Fast(texts.ptr(), "texts must be a sequence of str"));
      if (!holder_) throw py::error_already_set();
    }
    count_ = size();
  }
  std::size_t count() const { return count_; }

  PyObject* const* items() const {
    if (size() != count_) throw py::value_error("texts changed size during parse_amounts");
    if (array_) return static_cast<PyObject* const*>(py::reinterpret_borrow<py::array>(holder_).data());
    return PySequence_Fast_ITEMS(holder_.ptr());
  }

 private:
  std::size_t size() const {
    if (array_) return static_cast<std::size_t>(py::reinterpret_borrow<py::array>(holder_).size());
    return static_cast<std::size_t>(PySequence_Fast_GET_SIZE(holder_.ptr()));
  }

  py::object holder_;
  bool array_ = false;
  std::size_t count_ = 0;
};

text_view view_of(PyObject* text) {
  return {PyUnicode_DATA(text), static_cast<std::size_t>(PyUnicode_GET_LENGTH(text)),
          static_cast<int>(PyUnicode_KIND(text))};
}

// With the GIL: parses texts [from, to) one after the other, raising the first one's error.
void parse_serially(PyObject* const* items, std::size_t from, std::size_t to, std::int64_t* out) {
  for (std::size_t i = from; i < to; ++i) {
    PyObject* item = items[i] != nullptr ? items[i] : Py_None;
    if (!PyUnicode_Check(item))
      throw py::type_error("element " + std::to_string(i) + " is " + type_name(item) + ", not str");
    if (PyUnicode_READY(item) != 0) throw py::error_already_set();
    try {
      out[i] = parse_view(view_of(item)).ore();
    } catch (const error&) {
      raise_text_error(std::current_exception(), i, py::reinterpret_borrow<py::object>(item));
    }
  }
}

// Without calling into Python, while the thread that called parse_amounts holds the GIL: parses
// texts [from, to) and returns the index of the first it cannot, or no_problem.
std::size_t parse_block(PyObject* const* items, std::size_t from, std::size_t to, std::int64_t* out) {
  for (std::size_t i = from; i < to; ++i) {
    if (i + prefetch_distance < to && items[i + prefetch_distance] != nullptr) {
      const auto* ahead = reinterpret_cast<const char*>(items[i + prefetch_distance]);
      __builtin_prefetch(ahead);
      __builtin_prefetch(ahead + 64);
    }
    PyObject* item = items[i];
    if (item == nullptr || !PyUnicode_Check(item) || !PyUnicode_IS_READY(item)) return i;
    try {
      out[i] = parse_view(view_of(item)).ore();
    } catch (...) {
      return i;  // this thread may not raise: parse_serially raises it again
    }
  }
  return no_problem;
}

class str_batch {
 public:
  str_batch(const str_source& source, std::int64_t* out, bool second_thread) : source_(source), out_(out) {
    if (second_thread) {
      try {
        helper_ = std::thread([this] { help(); });
      } catch (const std::system_error&) {
        // No thread to be had (a process limit): this thread parses everything, as with one core.
      }
    }
  }

  // Ends the second thread; it has no block in hand (each slice waits for its blocks).
  ~str_batch() {
    closed_.store(true, std::memory_order_release);
    if (helper_.joinable()) helper_.join();
  }
  str_batch(const str_batch&) = delete;
  str_batch& operator=(const str_batch&) = delete;

  void parse() {
    const std::size_t count = source_.count();
    for (std::size_t start = 0; start < count; start += slice_size) {
      if (start > 0) {
        py::gil_scoped_release pause;  // the moment other Python threads get
      }
      PyObject* const* items = source_.items();
      const std::size_t end = std::min(count, start + slice_size);
      const std::size_t stop = helper_.joinable() ? parse_shared(items, start, end) : start;
      parse_serially(items, stop, end, out_);
    }
  }

 private:
  // Claims the next block of the slice, unless the slice is over or has met a problem.
  std::optional<std::size_t> claim() {
    std::size_t block = next_block_.load(std::memory_order_relaxed);
    while (block < end_block_.load(std::memory_order_acquire) &&
           problem_.load(std::memory_order_relaxed) == no_problem)
      if (next_block_.compare_exchange_weak(block, block + 1, std::memory_order_acquire)) return block;
    return std::nullopt;
  }

  void parse_claimed(std::size_t block) {
    const std::size_t from = block * block_size;
    const std::size_t to = std::min(source_.count(), from + block_size);
    const std::size_t failed = parse_block(items_.load(std::memory_order_relaxed), from, to, out_);
    if (failed != no_problem) {
      std::size_t known = problem_.load(std::memory_order_relaxed);
      while (failed < known && !problem_.compare_exchange_weak(known, failed, std::memory_order_relaxed)) {}
    }
    blocks_done_.fetch_add(1, std::memory_order_release);
  }

  // With the GIL: both threads parse [start, end) block by block; returns where this thread is
  // to go on alone (end when every text is parsed, else the first text found a problem).
  std::size_t parse_shared(PyObject* const* items, std::size_t start, std::size_t end) {
    const std::size_t first_block = start / block_size;
    items_.store(items, std::memory_order_relaxed);
    problem_.store(no_problem, std::memory_order_relaxed);
    blocks_done_.store(0, std::memory_order_relaxed);
    next_block_.store(first_block, std::memory_order_relaxed);
    end_block_.store((end + block_size - 1) / block_size, std::memory_order_release);  // publishes the slice
    while (const auto block = claim()) parse_claimed(*block);
    // No block can be claimed any more; wait for those that were.
    const std::size_t claimed = next_block_.exchange(end_block_.load(std::memory_order_relaxed)) - first_block;
    while (blocks_done_.load(std::memory_order_acquire) < claimed) std::this_thread::yield();
    const std::size_t problem = problem_.load(std::memory_order_relaxed);
    return problem == no_problem ? end : problem;
  }

  // The second thread: parses any block claimable, until the batch is closed.
  void help() {
    while (!closed_.load(std::memory_order_acquire)) {
      if (const auto block = claim()) parse_claimed(*block);
      else std::this_thread::yield();
    }
  }

  const str_source& source_;
  std::int64_t* const out_;
  std::atomic<PyObject* const*> items_{nullptr};    // the slice's items (indices from 0)
  std::atomic<std::size_t> next_block_{0};          // the next block to claim
  std::atomic<std::size_t> end_block_{0};           // the end of the slice, in blocks
  std::atomic<std::size_t> blocks_done_{0};         // of the slice
  std::atomic<std::size_t> problem_{no_problem};    // the first text of the slice found a problem
  std::atomic<bool> closed_{false};
  std::thread helper_;  // last: it starts once the rest is in place
};

// The cores this process may run on: its affinity (which taskset or a container may narrow)
// where the system tells it, else the machine's.
unsigned usable_cores() {
#ifdef __linux__
  cpu_set_t cores;
  if (sched_getaffinity(0, sizeof cores, &cores) == 0) return static_cast<unsigned>(CPU_COUNT(&cores));
#endif
  return std::thread::hardware_concurrency();
}

// Below 16 384 texts (some 0.1 ms of parsing), or with one core, a second thread would cost more
// than it saves.
bool worth_a_second_thread(std::size_t count) {
  static const bool several_cores = usable_cores() >= 2;
  return count >= 32 * block_size && several_cores;
}

py::array_t<std::int64_t> parse_strs(py::handle texts) {
  const str_source source(texts);
  py::array_t<std::int64_t> result(static_cast<py::ssize_t>(source.count()));
  str_batch batch(source, result.mutable_data(), worth_a_second_thread(source.count()));
  batch.parse();
  return result;
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

}  // namespace

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
    if (std::ranges::any_of(all, [](std::uint64_t v) { return v > std::numeric_limits<std::int64_t>::max(); }))
      throw overflow_error("öre out of range");
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
