// Many rounds: the audit across rounds, folders of round files, synthetic rounds and synthetic
// decision documents (python/anslag/rounds.py, anslag.synthetic_rounds and
// anslag.synthetic_documents wrap them).
#include "bindings.hpp"

#include <anslag/audit/cross_round.hpp>
#include <anslag/error.hpp>
#include <anslag/io/round_folder.hpp>
#include <anslag/synthetic/documents.hpp>
#include <anslag/synthetic/rounds.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace py = pybind11;

namespace anslag::python {
namespace {

synthetic_options options_of(std::size_t applications, std::uint64_t seed, int year,
                             const std::vector<std::string>& faults) {
  synthetic_options options{applications, seed, year, {}};
  for (const auto& name : faults) {
    const auto fault = synthetic_fault_from_name(name);
    if (!fault) throw invalid_argument_error("unknown fault '" + name + "'");
    options.faults.push_back(*fault);
  }
  return options;
}

}  // namespace

void bind_across(py::module_& m) {
  m.def(
      "_audit_rounds",
      [](const std::vector<grant_round>& rounds, const unit_registry& units) { return audit_rounds(rounds, units); },
      py::arg("rounds"), py::arg("units"), py::call_guard<py::gil_scoped_release>(),
      "The audit of each round, followed by the findings across rounds that concern it; use Rounds.audit.");
  // One report holding the findings of many, so that a frame of them all is built in one go.
  m.def(
      "_findings_of",
      [](const std::vector<report>& reports) {
        report all;
        for (const auto& r : reports) all.findings.insert(all.findings.end(), r.findings.begin(), r.findings.end());
        return all;
      },
      py::arg("reports"));
  m.def("title_tokens", &title_tokens, py::arg("title"),
        "The normalised tokens two project titles are compared by (docs/audit.md, 'Across rounds').");
  m.def("near_same_title", &near_same_title, py::arg("a"), py::arg("b"),
        "Whether two project titles are near-same: Dice coefficient of their tokens at least 4/5.");
  m.def("round_files", &round_files, py::arg("folder"),
        "The *.toml files directly in a folder, in name order; NotFoundError when there is none.");
  py::list faults;
  for (const auto f : all_synthetic_faults()) faults.append(std::string(to_string(f)));
  m.attr("SYNTHETIC_FAULTS") = py::tuple(faults);
  m.def(
      "_synthetic_round",
      [](const unit_registry& units, std::size_t applications, std::uint64_t seed, int year,
         const std::vector<std::string>& faults) {
        return synthetic_round(units, options_of(applications, seed, year, faults));
      },
      py::arg("units"), py::arg("applications"), py::arg("seed"), py::arg("year"), py::arg("faults"));
  m.def(
      "_write_synthetic_rounds",
      [](const unit_registry& units, const std::filesystem::path& folder, std::size_t count, std::size_t applications,
         std::uint64_t seed, int year, const std::vector<std::string>& faults, const py::object& progress) {
        const auto options = options_of(applications, seed, year, faults);
        if (progress.is_none()) {
          py::gil_scoped_release released;
          return write_synthetic_rounds(units, folder, count, options);
        }
        return write_synthetic_rounds(units, folder, count, options,
                                      [&progress](std::size_t done, std::size_t total) { progress(done, total); });
      },
      py::arg("units"), py::arg("folder"), py::arg("count"), py::arg("applications"), py::arg("seed"), py::arg("year"),
      py::arg("faults"), py::arg("progress"));
  py::dict knobs;
  for (const auto& k : layout_knobs()) {
    py::list values;
    for (const auto v : k.values) values.append(std::string(v));
    knobs[py::str(std::string(k.name))] = py::tuple(values);
  }
  m.attr("LAYOUT_KNOBS") = knobs;
  py::class_<synthetic_document>(m, "SyntheticDocument",
                                 "A synthetic round printed as a decision document, with the round it prints.")
      .def_readonly("text", &synthetic_document::text, "the decision document, UTF-8 lines")
      .def_readonly("lines_per_page", &synthetic_document::lines_per_page,
                    "the page length its furniture assumes; 0: one page")
      .def_readonly("layout", &synthetic_document::layout, "every layout knob's value")
      .def_readonly("round", &synthetic_document::source, "the Round it prints, sources at its document lines")
      .def_readonly("round_text", &synthetic_document::round_text, "the synthetic round file it was made from")
      .def(
          "round_file", [](const synthetic_document& d, const std::string& seed) { return synthetic_round_file(d, seed); },
          py::arg("seed"),
          "the round file of `round`, seed = `seed`: every entry cited where the text prints it, which check passes")
      .def("__repr__", [](const synthetic_document& d) {
        std::string layout;
        for (const auto& [knob, value] : d.layout) layout += (layout.empty() ? "" : ", ") + knob + "=" + value;
        return "SyntheticDocument(" + layout + ")";
      });
  m.def(
      "_synthetic_documents",
      [](const unit_registry& units, std::size_t count, std::size_t applications, std::uint64_t seed, int year,
         const std::vector<std::string>& faults, const document_layout& layout) {
        const auto options = options_of(applications, seed, year, faults);
        py::gil_scoped_release released;
        return synthetic_documents(units, count, options, layout);
      },
      py::arg("units"), py::arg("count"), py::arg("applications"), py::arg("seed"), py::arg("year"), py::arg("faults"),
      py::arg("layout"));
}

}  // namespace anslag::python
