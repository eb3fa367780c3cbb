"""Grouped sums of a million amounts in 20, 1 000 and 100 000 groups: a krona column's groupby sum
and .krona.group_sum against an int64 column of the same öre (pandas' own kernel, the floor) and an
object column of decimal.Decimal (the exact way without anslag), in the same run. Times are the median of several
runs; the CPU model is printed with them. The krona and int64 sums are checked equal.
"""

import sys
from decimal import Decimal

import numpy as np
import pandas as pd

import anslag.pandas  # noqa: F401  # registers krona
from anslag import KronaArray
from cpu import cpu_model, median_time

ROWS = 1_000_000
RUNS = 5


def main():
    generator = np.random.default_rng(20260101)
    ore = generator.integers(-100_000_000, 1_000_000_000, ROWS)
    print(f"grouped sums on {cpu_model()}: {ROWS} amounts, median of {RUNS} runs")
    for groups in (20, 1_000, 100_000):
        keys = generator.integers(0, groups, ROWS)
        ints = pd.DataFrame({"g": keys, "a": ore})
        amounts = pd.DataFrame({"g": keys, "a": KronaArray.from_ore(ore)})
        exact, int_time = median_time(lambda: ints.groupby("g")["a"].sum(), RUNS)
        total, krona_time = median_time(lambda: amounts.groupby("g")["a"].sum(), RUNS)
        by_name, by_name_time = median_time(lambda: amounts["a"].krona.group_sum(keys), RUNS)
        if total.krona.ore.tolist() != exact.tolist() or by_name.krona.ore.tolist() != exact.tolist():
            sys.exit(f"krona and int64 group sums disagree for {groups} groups")
        decimals = pd.DataFrame({"g": keys, "a": [Decimal(int(o)) / 100 for o in ore]})
        _, decimal_time = median_time(lambda: decimals.groupby("g")["a"].sum(), RUNS)
        print(f"  {groups:>7} groups  int64 {int_time * 1e3:7.1f} ms   krona {krona_time * 1e3:7.1f} ms "
              f"({krona_time / int_time:4.1f} x int64)   .krona.group_sum {by_name_time * 1e3:7.1f} ms "
              f"({by_name_time / int_time:4.1f} x int64)   Decimal {decimal_time * 1e3:8.1f} ms "
              f"({decimal_time / krona_time:5.1f} x krona)")


if __name__ == "__main__":
    main()
