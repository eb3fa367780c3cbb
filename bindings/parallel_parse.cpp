// parse_amounts' str objects on two threads: the slices, the blocks the threads claim, and
// the one place a text's error is raised (with the GIL, by the thread that called).
#include "amount_texts.hpp"
#include "bindings.hpp"

#ifdef __linux__
#include <sched.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <thread>

namespace py = pybind11;

namespace anslag::python {
namespace {

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

}  // namespace

void parse_str_objects(const str_source& source, std::int64_t* out) {
  str_batch batch(source, out, worth_a_second_thread(source.count()));
  batch.parse();
}

}  // namespace anslag::python
