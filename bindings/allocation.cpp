// anslag.allocate_budget and its explained and array forms; anslag.GrantReason, anslag.BudgetGrant.
#include "bindings.hpp"

#include <anslag/allocate/budget.hpp>

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
      [](std::int64_t budget_ore, py::array_t<std::int64_t, py::array::c_style> requests_ore,
         const std::string& strategy, std::int64_t unit_ore, std::optional<std::int64_t> cap_ore) {
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
}

}  // namespace anslag::python
