"""Allocation benchmark: 1 000 000 requests through the array API and from a list of Krona,
and the Fraction reference on a subset in the same run, for the ratio.

Run: PYTHONPATH=build/python /usr/bin/python3 bench/allocation.py [COUNT] [SUBSET]
Targets (issue 6): under 1 s per strategy through the array API, under 5 s from a list of Krona.
"""

import pathlib
import sys
import time

import numpy as np

import anslag

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "python"))
import reference_allocation as reference  # noqa: E402

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
SUBSET = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
STRATEGIES = ("pro_rata", "equal_cap")
# (unit, cap) in öre: whole thousands of kronor under a cap of 500 000 kr, as rounds grant; and
# single öre with no cap, where largest remainder has the most units to place.
SETTINGS = ((100_000, 50_000_000), (1, None))


def timed(function, repeat=3):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def run(requests, as_krona, unit_ore, cap_ore):
    capped = requests if cap_ore is None else np.minimum(requests, cap_ore)
    budget = int(capped.sum()) * 2 // 5  # about 40 % of the capped demand
    ore = anslag.Krona.from_ore
    cap_text = "no cap" if cap_ore is None else f"cap {ore(cap_ore)}"
    print(f"{len(requests):,} requests, budget {ore(budget)}, unit {ore(unit_ore)}, {cap_text}")
    unit, cap = ore(unit_ore), None if cap_ore is None else ore(cap_ore)
    for strategy in STRATEGIES:
        array_s, (grants, _) = timed(
            lambda: anslag.allocate_budget_array(budget, requests, strategy, unit_ore, cap_ore)
        )
        list_s, listed = timed(
            lambda: anslag.allocate_budget(ore(budget), as_krona, strategy, unit=unit, cap=cap),
            repeat=1,
        )
        assert [g.ore for g in listed] == grants.tolist()
        assert int(grants.sum()) <= budget

        subset = requests[:SUBSET]
        subset_capped = subset if cap_ore is None else np.minimum(subset, cap_ore)
        subset_budget = int(subset_capped.sum()) * 2 // 5
        ref_s, expected = timed(
            lambda: reference.STRATEGIES[strategy](subset_budget, subset.tolist(), unit_ore, cap_ore),
            repeat=1,
        )
        fast_s, (fast, _) = timed(
            lambda: anslag.allocate_budget_array(subset_budget, subset, strategy, unit_ore, cap_ore)
        )
        assert fast.tolist() == expected
        print(
            f"  {strategy:9}  array API {array_s:.3f} s   list of Krona {list_s:.3f} s   "
            f"Fraction reference on the first {SUBSET:,}: {ref_s:.3f} s vs engine "
            f"{fast_s * 1e3:.2f} ms (x{ref_s / fast_s:,.0f})"
        )


def main():
    rng = np.random.default_rng(2026)
    # Requests from 0 to 1 000 000 kr, in öre.
    requests = rng.integers(0, 100_000_000, size=COUNT, dtype=np.int64)
    as_krona = [anslag.Krona.from_ore(r) for r in requests.tolist()]
    for unit_ore, cap_ore in SETTINGS:
        run(requests, as_krona, unit_ore, cap_ore)


if __name__ == "__main__":
    main()
