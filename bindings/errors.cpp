// The C++ hierarchy anslag::error maps one-to-one onto anslag.Error and its subclasses. Each
// Python class also derives from the builtin exception a Python user would reach for (ValueError,
// OverflowError, LookupError), so `except ValueError` keeps working around anslag calls.
#include "bindings.hpp"

#include <anslag/error.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace anslag::python {
namespace {

py::object make_class(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  const std::string qualified = std::string("anslag.") + name;
  py::dict namespace_;
  namespace_["__doc__"] = doc;
  py::object type = py::reinterpret_steal<py::object>(
      PyErr_NewException(qualified.c_str(), bases.ptr(), namespace_.ptr()));
  if (!type) throw py::error_already_set();
  m.attr(name) = type;
  return type;
}

const char* code_name(errc code) {
  switch (code) {
    case errc::parse: return "parse";
    case errc::overflow: return "overflow";
    case errc::invalid_argument: return "invalid_argument";
    case errc::round_file: return "round_file";
    case errc::unknown_unit: return "unknown_unit";
    case errc::ambiguous_unit: return "ambiguous_unit";
    case errc::not_found: return "not_found";
  }
  return "unknown";
}

// Classes live for the whole process (the module is never unloaded); leaked on purpose so that
// no Python object is destroyed after the interpreter is finalised.
struct classes {
  py::object error, parse, overflow, invalid_argument, not_found, round_file, unknown_unit,
      ambiguous_unit;
};
classes* registered = nullptr;
// The translator below, kept so that raise_error can translate an error it has in hand.
void (*translate)(std::exception_ptr) = nullptr;

void raise(const py::object& type, const error& e, const py::dict& attributes) {
  py::object instance = type(e.what());
  instance.attr("code") = code_name(e.code());
  for (auto item : attributes) instance.attr(item.first) = item.second;
  PyErr_SetObject(type.ptr(), instance.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  auto builtins = py::module_::import("builtins");
  registered = new classes;
  auto& c = *registered;
  c.error = make_class(m, "Error", py::make_tuple(builtins.attr("Exception")),
                       "Base of every error anslag raises; .code names its kind.");
  c.parse = make_class(m, "ParseError", py::make_tuple(c.error, builtins.attr("ValueError")),
                       "Text that is not of the expected form; .position is the character index.");
  c.overflow = make_class(m, "OverflowError",
                          py::make_tuple(c.error, builtins.attr("OverflowError")),
                          "A value beyond the range of a signed 64-bit count of öre.");
  c.invalid_argument =
      make_class(m, "InvalidArgumentError", py::make_tuple(c.error, builtins.attr("ValueError")),
                 "A call whose arguments break its contract.");
  c.not_found = make_class(m, "NotFoundError", py::make_tuple(c.error, builtins.attr("LookupError")),
                           "A lookup by id or year that finds nothing.");
  c.round_file = make_class(m, "RoundFileError", py::make_tuple(c.error),
                            "A round or unit file that cannot be loaded; .file, .line, .column, "
                            ".detail say where and what.");
  c.unknown_unit =
      make_class(m, "UnknownUnitError", py::make_tuple(c.error, builtins.attr("LookupError")),
                 "A unit name that matches nothing; .suggestions are the nearest names.");
  c.ambiguous_unit =
      make_class(m, "AmbiguousUnitError", py::make_tuple(c.error, builtins.attr("LookupError")),
                 "A unit name that matches more than one unit; .candidates lists them.");

  translate = [](std::exception_ptr p) {
    if (!p) return;
    const auto& k = *registered;
    try {
      std::rethrow_exception(p);
    } catch (const parse_error& e) {
      py::dict a;
      a["position"] = e.position();
      raise(k.parse, e, a);
    } catch (const overflow_error& e) {
      raise(k.overflow, e, py::dict());
    } catch (const invalid_argument_error& e) {
      raise(k.invalid_argument, e, py::dict());
    } catch (const not_found_error& e) {
      raise(k.not_found, e, py::dict());
    } catch (const round_file_error& e) {
      py::dict a;
      a["file"] = e.file();
      a["line"] = e.line();
      a["column"] = e.column();
      a["detail"] = e.detail();
      raise(k.round_file, e, a);
    } catch (const unknown_unit_error& e) {
      py::dict a;
      a["suggestions"] = e.suggestions();
      raise(k.unknown_unit, e, a);
    } catch (const ambiguous_unit_error& e) {
      py::dict a;
      a["candidates"] = e.candidates();
      raise(k.ambiguous_unit, e, a);
    } catch (const error& e) {
      raise(k.error, e, py::dict());
    }
  };
  py::register_exception_translator(+translate);  // unary + passes a copy: it takes an rvalue
}

void raise_error(std::exception_ptr failure, const py::dict& extra) {
  translate(failure);
  py::error_already_set raised;  // fetches the exception translate() set
  for (auto item : extra) raised.value().attr(item.first) = item.second;
  throw raised;
}

}  // namespace anslag::python
