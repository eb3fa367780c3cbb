"""pandas operations on a krona column against the same öre as Int64, side by side in one run:
sort, rank, merge on the column, drop_duplicates, read_csv, and groupby first/last with half as
many groups as rows. Prints each median (of RUNS runs) with the ratio krona / Int64 and the CPU
model; the krona results are checked against the Int64 ones. ``python3 bench/pandas_ops.py
[ROWS]`` (default 1 000 000).
"""

import io
import sys

import numpy as np
import pandas as pd

import anslag.pandas  # noqa: F401  # registers krona
from anslag import KronaArray
from cpu import cpu_model, median_time

RUNS = 3


def operations(rows, keys, column_kind):
    """The operations, each a function of (frame, csv text) giving something comparable as öre."""
    as_ore = (lambda s: s.krona.ore) if column_kind == "krona" else (lambda s: s)
    return {
        "sort_values": lambda f, _: as_ore(f["a"].sort_values()).tolist(),
        "rank": lambda f, _: f["a"].rank().fillna(-1).tolist(),  # NaN where unknown, for ==
        "merge on the column": lambda f, _: len(f.merge(f.head(rows // 10), on="a")),
        "drop_duplicates": lambda f, _: as_ore(f["a"].drop_duplicates()).tolist(),
        "read_csv": lambda _, text: as_ore(pd.read_csv(io.StringIO(text), dtype={"a": column_kind})["a"]).tolist(),
        "groupby first": lambda f, _: as_ore(f.groupby(keys)["a"].first()).tolist(),
        "groupby last": lambda f, _: as_ore(f.groupby(keys)["a"].last()).tolist(),
    }


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    generator = np.random.default_rng(20261207)
    ore = generator.integers(-100_000_000, 1_000_000_000, rows)
    unknown = generator.random(rows) < 0.01
    keys = generator.integers(0, rows // 2, rows)
    ints = pd.DataFrame({"a": pd.arrays.IntegerArray(ore, unknown)})
    amounts = pd.DataFrame({"a": KronaArray(np.where(unknown, 0, ore), unknown)})
    int_csv = ints.to_csv(index=False)
    krona_csv = amounts.to_csv(index=False)
    print(f"pandas {pd.__version__} on {cpu_model()}: {rows} rows (1 % unknown), median of {RUNS} runs")
    int_ops, krona_ops = operations(rows, keys, "Int64"), operations(rows, keys, "krona")
    for name in int_ops:
        expected, int_time = median_time(lambda: int_ops[name](ints, int_csv), RUNS)
        result, krona_time = median_time(lambda: krona_ops[name](amounts, krona_csv), RUNS)
        if result != expected:
            sys.exit(f"{name}: krona and Int64 disagree")
        print(f"  {name:<20} Int64 {int_time:8.3f} s   krona {krona_time:8.3f} s   ({krona_time / int_time:5.1f} x)")


if __name__ == "__main__":
    main()
