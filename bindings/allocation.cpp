// anslag.allocate_budget and its explained and array forms; anslag.GrantReason, anslag.BudgetGrant;
// anslag.propose with Proposal and its comparison with the recorded decision.
#include "bindings.hpp"

#include <anslag/allocate/budget.hpp>
#include <anslag/allocate/proposal.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace anslag::python {
namespace {

// One request with its grant and the reason, the element of allocate_budget_explained's list.
struct budget_grant {
  Krona request;
  Krona grant;
  grant_reason reason;
};

budget_options to_options(py::handle unit, py::handle cap) {
  budget_options options;
  if (!unit.is_none()) options.unit = to_krona(unit);
  if (!cap.is_none()) options.cap = to_krona(cap);
  return options;
}

struct list_call {
  std::vector<Krona> requests;
  budget_allocation result;
};

list_call run(py::handle budget, py::iterable requests, const std::string& strategy,
              py::handle unit, py::handle cap) {
  const Krona total = to_krona(budget);
  const allocation_strategy s = parse_allocation_strategy(strategy);
  const budget_options options = to_options(unit, cap);
  list_call call;
  for (py::handle r : requests) call.requests.push_back(to_krona(r));
  {
    py::gil_scoped_release release;
    call.result = allocate_budget(total, call.requests, s, options);
  }
  return call;
}

// Proposals and comparisons are values (add_value_semantics) and picklable: each state is the
// tuple of its fields, reasons as their integer codes, so they cross process boundaries.
std::optional<int> reason_code(std::optional<grant_reason> r) {
  if (!r) return std::nullopt;
  return static_cast<int>(*r);
}

std::optional<grant_reason> reason_from_code(py::handle code) {
  if (code.is_none()) return std::nullopt;
  const int c = code.cast<int>();
  if (c < 0 || c > static_cast<int>(grant_reason::unit_limit))
    throw invalid_argument_error("bad pickled grant reason");
  return static_cast<grant_reason>(c);
}

void check_state(const py::tuple& t, std::size_t size) {
  if (t.size() != size) throw invalid_argument_error("bad pickled proposal");
}

std::string optional_repr(const std::optional<Krona>& k) {
  return k ? py::repr(py::cast(*k)).cast<std::string>() : std::string("None");
}

}  // namespace

void bind_allocation(py::module_& m) {
  py::enum_<grant_reason>(m, "GrantReason", py::arithmetic(),
                          "Why a grant is what it is; int(reason) is the code of the array form.")
      .value("full_request", grant_reason::full_request, "the whole request")
      .value("cap", grant_reason::cap, "the cap, below the request")
      .value("budget_exhausted", grant_reason::budget_exhausted,
             "less than the capped request: the budget ran out under the strategy")
      .value("unit_rounding", grant_reason::unit_rounding,
             "less than the capped request although the unspent budget would pay the rest: "
             "the budget is handed out in whole units")
      .value("unit_limit", grant_reason::unit_limit,
             "left out by the per-förvaltning limit (proposals on a round)");

  py::class_<budget_grant>(m, "BudgetGrant", "One request, its grant and the reason for it.")
      .def_readonly("request", &budget_grant::request)
      .def_readonly("grant", &budget_grant::grant)
      .def_readonly("reason", &budget_grant::reason)
      .def("__repr__", [](const budget_grant& g) {
        return "BudgetGrant(request=" + py::repr(py::cast(g.request)).cast<std::string>() +
               ", grant=" + py::repr(py::cast(g.grant)).cast<std::string>() + ", reason=" +
               std::string(to_string(g.reason)) + ")";
      });

  m.def(
      "allocate_budget",
      [](py::handle budget, py::iterable requests, const std::string& strategy, py::handle unit,
         py::handle cap) { return run(budget, requests, strategy, unit, cap).result.grants; },
      py::arg("budget"), py::arg("requests"), py::arg("strategy"), py::arg("unit") = py::none(),
      py::arg("cap") = py::none(),
      R"doc(Shares `budget` among `requests` by strategy "ranked", "pro_rata" or "equal_cap".

Amounts are anything Krona accepts (Krona, str, int whole kronor, Decimal). `unit` (default
1 öre): every grant is a whole number of units unless it is its full capped request. `cap`: the
most one request may get. Returns one Krona per request; docs/allocation.md defines each strategy.)doc");

  m.def(
      "allocate_budget_explained",
      [](py::handle budget, py::iterable requests, const std::string& strategy, py::handle unit,
         py::handle cap) {
        const list_call call = run(budget, requests, strategy, unit, cap);
        std::vector<budget_grant> explained;
        explained.reserve(call.requests.size());
        for (std::size_t i = 0; i < call.requests.size(); ++i)
          explained.push_back({call.requests[i], call.result.grants[i], call.result.reasons[i]});
        return explained;
      },
      py::arg("budget"), py::arg("requests"), py::arg("strategy"), py::arg("unit") = py::none(),
      py::arg("cap") = py::none(),
      "As allocate_budget, but one BudgetGrant (.request, .grant, .reason) per request.");

  m.def(
      "allocate_budget_array",
      [](std::int64_t budget_ore, py::handle requests, const std::string& strategy, std::int64_t unit_ore,
         std::optional<std::int64_t> cap_ore) {
        const auto requests_ore = ore_array(requests);  // a masked request is refused, not read as its data
        if (requests_ore.ndim() != 1)
          throw invalid_argument_error("requests_ore must be one-dimensional");
        const allocation_strategy s = parse_allocation_strategy(strategy);
        budget_options options;
        options.unit = Krona::from_ore(unit_ore);
        if (cap_ore) options.cap = Krona::from_ore(*cap_ore);
        const auto n = static_cast<std::size_t>(requests_ore.shape(0));
        py::array_t<std::int64_t> grants(static_cast<py::ssize_t>(n));
        py::array_t<std::uint8_t> codes(static_cast<py::ssize_t>(n));
        const std::int64_t* in = requests_ore.data();
        std::int64_t* out = grants.mutable_data();
        std::uint8_t* code_out = codes.mutable_data();
        {
          py::gil_scoped_release release;
          std::vector<grant_reason> reasons(n);
          allocate_budget_ore(budget_ore, {in, n}, s, options, {out, n}, reasons);
          static_assert(sizeof(grant_reason) == sizeof(std::uint8_t));
          if (n != 0) std::memcpy(code_out, reasons.data(), n);
        }
        return py::make_tuple(grants, codes);
      },
      py::arg("budget_ore"), py::arg("requests_ore"), py::arg("strategy"), py::arg("unit_ore") = 1,
      py::arg("cap_ore") = py::none(),
      R"doc(allocate_budget on counts of öre: `requests_ore` a 1-d numpy int64 array (an integer
array or list that converts safely is accepted; floats are refused).

Returns (grants, reasons): a numpy int64 array of öre and a numpy uint8 array of GrantReason
codes (GrantReason(code) names one). The work runs with the GIL released.)doc");

  py::class_<proposed_grant> proposed_cls(m, "ProposedGrant", "One application of a proposal.");
  proposed_cls.def_readonly("application", &proposed_grant::application, "the application's id")
      .def_readonly("forvaltning", &proposed_grant::forvaltning,
                    "the förvaltning the per-förvaltning limit counts; None: unknown")
      .def_readonly("requested", &proposed_grant::requested, "None: the document does not print it")
      .def_readonly("proposed", &proposed_grant::proposed, "None exactly when requested is None")
      .def_readonly("reason", &proposed_grant::reason, "None exactly when requested is None")
      .def_readonly("recorded", &proposed_grant::recorded, "the recorded grant; None where not printed")
      .def("__repr__",
           [](const proposed_grant& g) {
             return "ProposedGrant(application=" + py::repr(py::str(g.application)).cast<std::string>() +
                    ", requested=" + optional_repr(g.requested) + ", proposed=" + optional_repr(g.proposed) +
                    ", recorded=" + optional_repr(g.recorded) + ")";
           })
      .def(py::pickle(
          [](const proposed_grant& g) {
            return py::make_tuple(g.application, g.forvaltning, g.requested, g.proposed,
                                  reason_code(g.reason), g.recorded);
          },
          [](const py::tuple& t) {
            check_state(t, 6);
            return proposed_grant{t[0].cast<std::string>(), t[1].cast<std::optional<std::string>>(),
                                  t[2].cast<std::optional<Krona>>(), t[3].cast<std::optional<Krona>>(),
                                  reason_from_code(t[4]), t[5].cast<std::optional<Krona>>()};
          }));
  add_value_semantics(proposed_cls);

  py::class_<compared_grant> compared_cls(m, "ComparedGrant",
                                          "One application: recorded, proposed, difference.");
  compared_cls.def_readonly("application", &compared_grant::application)
      .def_readonly("recorded", &compared_grant::recorded)
      .def_readonly("proposed", &compared_grant::proposed)
      .def_readonly("difference", &compared_grant::difference,
                    "proposed - recorded; None unless both are known")
      .def_readonly("reason", &compared_grant::reason)
      .def("__repr__",
           [](const compared_grant& g) {
             return "ComparedGrant(application=" + py::repr(py::str(g.application)).cast<std::string>() +
                    ", recorded=" + optional_repr(g.recorded) + ", proposed=" + optional_repr(g.proposed) +
                    ", difference=" + optional_repr(g.difference) + ")";
           })
      .def(py::pickle(
          [](const compared_grant& g) {
            return py::make_tuple(g.application, g.recorded, g.proposed, g.difference, reason_code(g.reason));
          },
          [](const py::tuple& t) {
            check_state(t, 5);
            return compared_grant{t[0].cast<std::string>(), t[1].cast<std::optional<Krona>>(),
                                  t[2].cast<std::optional<Krona>>(), t[3].cast<std::optional<Krona>>(),
                                  reason_from_code(t[4])};
          }));
  add_value_semantics(compared_cls);

  py::class_<comparison> comparison_cls(m, "Comparison", "A proposal beside the recorded decision.");
  comparison_cls.def_readonly("rows", &comparison::rows)
      .def_readonly("recorded_total", &comparison::recorded_total,
                    "the sum of the known recorded grants; None when none is known")
      .def_readonly("proposed_total", &comparison::proposed_total,
                    "the sum of the known proposed grants; None when none is known")
      .def_readonly("difference_total", &comparison::difference_total,
                    "the sum of the known differences (rows where both grants are known); None when none is known")
      .def_readonly("recorded_unknown", &comparison::recorded_unknown, "rows without a recorded grant")
      .def_readonly("proposed_unknown", &comparison::proposed_unknown, "rows without a request")
      .def("__repr__",
           [](const comparison& c) {
             const auto text = [](const std::optional<Krona>& k) { return k ? k->to_string() : "unknown"; };
             return "<Comparison " + std::to_string(c.rows.size()) + " rows: recorded " + text(c.recorded_total) +
                    ", proposed " + text(c.proposed_total) + ">";
           })
      .def(py::pickle(
          [](const comparison& c) {
            return py::make_tuple(c.rows, c.recorded_total, c.proposed_total, c.difference_total,
                                  c.recorded_unknown, c.proposed_unknown);
          },
          [](const py::tuple& t) {
            check_state(t, 6);
            return comparison{t[0].cast<std::vector<compared_grant>>(), t[1].cast<std::optional<Krona>>(),
                              t[2].cast<std::optional<Krona>>(), t[3].cast<std::optional<Krona>>(),
                              t[4].cast<std::size_t>(), t[5].cast<std::size_t>()};
          }));
  add_value_semantics(comparison_cls);

  py::class_<proposal> proposal_cls(m, "Proposal", "What a strategy would have granted in one fund of a round.");
  proposal_cls.def_readonly("year", &proposal::year)
      .def_readonly("fund", &proposal::fund)
      .def_property_readonly("strategy", [](const proposal& p) { return std::string(to_string(p.strategy)); })
      .def_readonly("budget", &proposal::budget)
      .def_readonly("cap", &proposal::cap)
      .def_readonly("unit", &proposal::unit)
      .def_readonly("limit", &proposal::limit, "the most applications granted per förvaltning")
      .def_readonly("grants", &proposal::grants, "in the order of allocation")
      .def_readonly("unlimited", &proposal::unlimited,
                    "ids of applications whose förvaltning is unknown: the limit could not count them")
      .def("compare", &proposal::compare, "Per application the recorded and proposed grants, the "
                                          "difference and the reason, with the totals.")
      .def("__repr__",
           [](const proposal& p) {
             return "<Proposal " + std::to_string(p.year) + " " + p.fund + " " + std::string(to_string(p.strategy)) +
                    ": budget " + p.budget.to_string() + ", " + std::to_string(p.grants.size()) + " applications>";
           })
      .def(py::pickle(
          [](const proposal& p) {
            return py::make_tuple(p.year, p.fund, std::string(to_string(p.strategy)), p.budget, p.cap, p.unit,
                                  p.limit, p.grants, p.unlimited);
          },
          [](const py::tuple& t) {
            check_state(t, 9);
            proposal p;
            p.year = t[0].cast<int>();
            p.fund = t[1].cast<std::string>();
            p.strategy = parse_allocation_strategy(t[2].cast<std::string>());
            p.budget = t[3].cast<Krona>();
            p.cap = t[4].cast<std::optional<Krona>>();
            p.unit = t[5].cast<Krona>();
            p.limit = t[6].cast<std::optional<std::int64_t>>();
            p.grants = t[7].cast<std::vector<proposed_grant>>();
            p.unlimited = t[8].cast<std::vector<std::string>>();
            return p;
          }));
  add_value_semantics(proposal_cls);

  m.def(
      "propose",
      [](const grant_round& r, const std::string& fund, const std::string& strategy,
         std::vector<std::string> order, py::handle unit, py::object units, bool include_rejected) {
        // None: the bundled registry; a path: that registry file (anslag.units.registry_of).
        units = py::module_::import("anslag.units").attr("registry_of")(units);
        propose_options options;
        if (!unit.is_none()) options.unit = to_krona(unit);
        options.order = std::move(order);
        options.include_rejected = include_rejected;
        return propose(r, fund, parse_allocation_strategy(strategy), units.cast<const unit_registry&>(),
                       options);
      },
      py::arg("round"), py::arg("fund"), py::arg("strategy"), py::arg("order") = std::vector<std::string>{},
      py::arg("unit") = py::none(), py::arg("units") = py::none(), py::arg("include_rejected") = true,
      R"doc(What `strategy` would have granted in `fund` of `round`: the fund's budget, its cap and
its per-förvaltning limit (the first applications of each förvaltning in the order take part; the
others get 0 with reason unit_limit). `order`: application ids first, the rest in document order.
`units`: a registry or a registry file's path (default: the bundled one). Applications whose
request the document does not print get no proposal (None). docs/allocation.md, "Proposals on a round".)doc");
}

}  // namespace anslag::python
