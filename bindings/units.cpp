// anslag.Unit, anslag.UnitRegistry and anslag.load_units: the dated unit registry
// (docs/units.md). Units cross into Python as copies: small values, compared by value.
#include "bindings.hpp"

#include <anslag/io/units_file.hpp>
#include <anslag/model/unit.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace anslag::python {
namespace {

unit make_unit(std::string id, std::string name, const std::string& kind, py::handle valid_from,
               py::handle valid_until, std::optional<std::string> successor,
               std::optional<std::string> parent, std::vector<std::string> aliases,
               std::string source) {
  const auto parsed = unit_kind_from_name(kind);
  if (!parsed)
    throw invalid_argument_error("unknown kind \"" + kind + "\" (district, administration, department)");
  return unit{std::move(id),        std::move(name),   *parsed,
              to_optional_date(valid_from), to_optional_date(valid_until), std::move(successor),
              std::move(parent),    std::move(aliases), std::move(source)};
}

std::string repr(const unit& u) {
  std::string out = "<Unit " + u.name + " (" + u.id + ", " + std::string(to_string(u.kind));
  if (u.valid_from || u.valid_until)
    out += ", " + (u.valid_from ? u.valid_from->to_string() : "") + ".." +
           (u.valid_until ? u.valid_until->to_string() : "");
  return out + ")>";
}

std::vector<unit> copies(const std::vector<const unit*>& units) {
  std::vector<unit> out;
  for (const unit* u : units) out.push_back(*u);
  return out;
}

std::optional<unit> copy(const unit* u) { return u ? std::optional<unit>(*u) : std::nullopt; }

constexpr unit_kind every_kind[] = {unit_kind::district, unit_kind::administration, unit_kind::department};

// {"district": UnitKindWords, ...}: the words of every kind.
py::dict kind_words(const unit_kind_vocabulary& kinds) {
  py::dict out;
  for (const auto k : every_kind) out[py::str(std::string(to_string(k)))] = kinds.of(k);
  return out;
}

// The words of the kinds a dict names, the generic ones for the others.
unit_kind_vocabulary vocabulary(const std::optional<std::map<std::string, unit_kind_words>>& named) {
  unit_kind_vocabulary kinds;
  for (const auto& [name, words] : named.value_or(std::map<std::string, unit_kind_words>{})) {
    const auto k = unit_kind_from_name(name);
    if (!k) throw invalid_argument_error("unknown kind \"" + name + "\" (district, administration, department)");
    kinds.of(*k) = words;
  }
  return kinds;
}

}  // namespace

void bind_units(py::module_& m) {
  py::class_<unit_kind_words>(m, "UnitKindWords", R"doc(
What an organisation calls its units of one kind: the Swedish singular (a document's word for them
begins with it: "från 4 stadsområdesförvaltningar"), the Swedish plural and the English plural.)doc")
      .def(py::init([](std::string singular, std::string plural, std::string english) {
             return unit_kind_words{std::move(singular), std::move(plural), std::move(english)};
           }),
           py::arg("singular"), py::arg("plural"), py::arg("english"))
      .def_readonly("singular", &unit_kind_words::singular)
      .def_readonly("plural", &unit_kind_words::plural)
      .def_readonly("english", &unit_kind_words::english)
      .def("__repr__", [](const unit_kind_words& w) {
        return "<UnitKindWords " + w.singular + ", " + w.plural + ", " + w.english + ">";
      })
      .def(py::self == py::self);

  py::class_<unit>(m, "Unit", R"doc(
A district administration, a central administration or one of its departments, with the days it
existed (None: before the registry's horizon / still exists), its successor after a merger
and the spellings documents use. Units from the registry: anslag.resolve_unit, anslag.units_on.)doc")
      .def(py::init(&make_unit), py::arg("id"), py::arg("name"), py::arg("kind"),
           py::arg("valid_from") = py::none(), py::arg("valid_until") = py::none(),
           py::arg("successor") = py::none(), py::arg("parent") = py::none(),
           py::arg("aliases") = std::vector<std::string>{}, py::arg("source") = "")
      .def_readonly("id", &unit::id, "Stable ASCII id: 'hagersten-liljeholmen'.")
      .def_readonly("name", &unit::name, "Canonical Swedish name: 'Hägersten-Liljeholmen'.")
      .def_property_readonly("kind", [](const unit& u) { return std::string(to_string(u.kind)); },
                             "'district', 'administration' or 'department'.")
      .def_property_readonly("valid_from", [](const unit& u) { return optional_date(u.valid_from); },
                             "First day it existed; None: before the registry's horizon.")
      .def_property_readonly("valid_until", [](const unit& u) { return optional_date(u.valid_until); },
                             "Last day it existed; None: still exists.")
      .def_readonly("successor", &unit::successor, "Id of the unit it merged into, or None.")
      .def_readonly("parent", &unit::parent, "A department's förvaltning (id), else None.")
      .def_readonly("aliases", &unit::aliases, "Spellings seen in documents besides the name.")
      .def_readonly("source", &unit::source, "Where the dates come from.")
      .def("valid_on", [](const unit& u, py::handle day) { return u.valid_on(to_date(day)); },
           py::arg("day"), "Whether the unit existed on `day` (a datetime.date).")
      .def("__repr__", &repr)
      .def(
          "__eq__",
          [](const unit& a, py::handle b) -> py::object {
            if (!py::isinstance<unit>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const unit&>());
          },
          py::is_operator())
      .def("__hash__", [](const unit& u) { return py::hash(py::str(u.id)); })
      .def(py::pickle(
          [](const unit& u) {
            return py::make_tuple(u.id, u.name, std::string(to_string(u.kind)),
                                  optional_date(u.valid_from), optional_date(u.valid_until),
                                  u.successor, u.parent, u.aliases, u.source);
          },
          [](const py::tuple& t) {
            if (t.size() != 9) throw invalid_argument_error("not a pickled Unit");
            return make_unit(t[0].cast<std::string>(), t[1].cast<std::string>(),
                             t[2].cast<std::string>(), t[3], t[4],
                             t[5].cast<std::optional<std::string>>(),
                             t[6].cast<std::optional<std::string>>(),
                             t[7].cast<std::vector<std::string>>(), t[8].cast<std::string>());
          }));

  py::class_<unit_registry>(m, "UnitRegistry", R"doc(
The units, their dates and spellings. The bundled one: anslag.unit_registry().
UnitRegistry(units, kinds) checks ids are unique, successors and parents exist and no two units
share a spelling (InvalidArgumentError otherwise); `kinds` maps a kind's name to its
UnitKindWords (a kind not named has the generic words).)doc")
      .def(py::init([](std::vector<unit> units, const std::optional<std::map<std::string, unit_kind_words>>& kinds) {
             return unit_registry(std::move(units), vocabulary(kinds));
           }),
           py::arg("units"), py::arg("kinds") = py::none())
      .def_property_readonly(
          "kinds", [](const unit_registry& r) { return kind_words(r.kinds()); },
          "What the organisation calls each kind: {'district': UnitKindWords, ...}.")
      .def_property_readonly(
          "units", [](const unit_registry& r) { return std::vector<unit>(r.units().begin(), r.units().end()); },
          "Every unit, in registry order.")
      .def("find", [](const unit_registry& r, std::string_view id) { return copy(r.find(id)); },
           py::arg("id"), "The unit with this id, or None.")
      .def("resolve", [](const unit_registry& r, std::string_view name) { return r.resolve(name); },
           py::arg("name"),
           "The unit a document's spelling names; UnknownUnitError (with .suggestions) or "
           "AmbiguousUnitError (with .candidates) otherwise. Never guesses.")
      .def("forvaltning", [](const unit_registry& r, const unit& u) { return r.forvaltning(u); },
           py::arg("unit"), "The förvaltning the unit counts as: a department's parent, else itself.")
      .def(
          "successor_on",
          [](const unit_registry& r, const unit& u, py::handle day) {
            return copy(r.successor_on(u, to_date(day)));
          },
          py::arg("unit"), py::arg("day"),
          "The unit carrying on `unit` on `day` (itself while valid), or None.")
      .def(
          "units_on", [](const unit_registry& r, py::handle day) { return copies(r.units_on(to_date(day))); },
          py::arg("day"), "The units valid on `day`, in registry order.")
      .def("__len__", [](const unit_registry& r) { return r.units().size(); })
      .def("__repr__", [](const unit_registry& r) {
        return "<UnitRegistry of " + std::to_string(r.units().size()) + " units>";
      });

  m.def("load_units", &load_units, py::arg("path"),
        "Reads a unit registry file (docs/units.md); RoundFileError names file, line and column.");
  m.def("with_aliases",
        py::overload_cast<const unit_registry&, const std::filesystem::path&>(&anslag::with_aliases),
        py::arg("registry"), py::arg("path"),
        "The registry with the spellings of an aliases file added (docs/units.md); RoundFileError "
        "names file, line and column.");
}

}  // namespace anslag::python
