// anslag._core's drafting and source checking (docs/drafting.md): draft_round drafts a round file
// from a decision document; check_sources lists where a round's quotes, lines and amounts do not
// stand in its document. The Python package wraps them (python/anslag/draft.py) with the bundled
// unit registry.
#include "bindings.hpp"

#include <anslag/ingest/draft.hpp>
#include <anslag/ingest/source_check.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace py = pybind11;

namespace anslag::python {

void bind_draft(py::module_& m) {
  py::class_<review_item>(m, "ReviewItem", "Something in a draft a person must check: where, what and why.")
      .def_readonly("line", &review_item::line, "the document line; 0 for the document as a whole")
      .def_readonly("field", &review_item::field)
      .def_readonly("why", &review_item::why)
      .def("__repr__", [](const review_item& r) {
        return "ReviewItem(line=" + std::to_string(r.line) + ", field=" + py::repr(py::cast(r.field)).cast<std::string>() +
               ", why=" + py::repr(py::cast(r.why)).cast<std::string>() + ")";
      })
      .def(py::pickle([](const review_item& r) { return py::make_tuple(r.line, r.field, r.why); },
                      [](py::tuple t) {
                        return review_item{t[0].cast<int>(), t[1].cast<std::string>(), t[2].cast<std::string>()};
                      }));
  // Picklable, so that drafts made on Dask's workers (anslag.dask.draft_many) come back whole; the
  // round is restored through Round's own pickle, validated like every loaded round.
  py::class_<round_draft>(m, "Draft", "A round file drafted from a decision document.")
      .def_property_readonly("round", [](const round_draft& d) { return d.drafted; }, "the Round the text loads as")
      .def_readonly("text", &round_draft::text, "the round file (TOML) with its # REVIEW: comments")
      .def_readonly("review", &round_draft::review, "what a person must check, in document order")
      .def("__repr__", [](const round_draft& d) {
        return "Draft(" + std::to_string(d.drafted.year) + ", " + std::to_string(d.drafted.applications.size()) +
               " applications, " + std::to_string(d.review.size()) + " to review)";
      })
      .def(py::pickle([](const round_draft& d) { return py::make_tuple(d.drafted, d.text, d.review); },
                      [](py::tuple t) {
                        return round_draft{t[0].cast<grant_round>(), t[1].cast<std::string>(),
                                           t[2].cast<std::vector<review_item>>()};
                      }));
  py::class_<source_problem>(m, "SourceProblem", "A value of a round file's entry that its document does not bear out where it is cited.")
      .def_readonly("document", &source_problem::document)
      .def_readonly("line", &source_problem::line, "the cited (first) line; 0 for an entry without a citation")
      .def_readonly("entry", &source_problem::entry, "'application 2021-LUM-01', 'statement 2021.ansokt.20', ...")
      .def_readonly("field", &source_problem::field, "'quote', 'citation', 'requested', 'granted', 'decision', ...")
      .def_readonly("expected", &source_problem::expected, "what the round file records")
      .def_readonly("found", &source_problem::found, "what the document prints there, or why there is nothing")
      .def_readonly("reading", &source_problem::reading, "the round file's reading of the field; '' when none")
      .def("__eq__", [](const source_problem& a, const source_problem& b) { return a == b; })
      .def("__str__", &describe, "the problem as `anslag check` prints it after 'DOCUMENT:LINE: '")
      .def("__repr__", [](const source_problem& p) {
        return "SourceProblem(" + p.document + ":" + std::to_string(p.line) + ", " + p.entry + ", " + p.field + ")";
      });
  py::class_<derived_entry>(m, "DerivedEntry", "An entry of a round file the document prints no line of, and why.")
      .def_readonly("entry", &derived_entry::entry)
      .def_readonly("why", &derived_entry::why)
      .def("__repr__", [](const derived_entry& d) { return "DerivedEntry(" + d.entry + ")"; });
  m.def(
      "draft_round",
      [](const std::filesystem::path& path, const unit_registry* units, std::optional<int> year,
         std::optional<std::filesystem::path> vocabulary_file) {
        py::gil_scoped_release release;
        draft_options options;
        options.units = units;
        options.year = year;
        std::optional<vocabulary> words;
        if (vocabulary_file) options.words = &words.emplace(load_vocabulary(*vocabulary_file));
        return draft_round_file(path, options);
      },
      py::arg("path"), py::arg("units") = nullptr, py::arg("year") = py::none(), py::arg("vocabulary") = py::none(),
      "Drafts the round of a decision document (UTF-8 text or PDF); `vocabulary` adds the phrases of a file.");
  m.def(
      "check_sources",
      [](const grant_round& r, const std::filesystem::path& document, const unit_registry* units) {
        return check_sources(r, document, units);
      },
      py::arg("round"), py::arg("document_path"), py::arg("units") = nullptr,
      "The values of a round's entries that its document does not bear out where they are cited.");
  m.def("derived_entries", &derived_entries, py::arg("round"),
        "The entries of a round that say the document prints none of their lines, with why.");
}

}  // namespace anslag::python
