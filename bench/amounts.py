"""Parse and exactly sum one million Swedish amount strings: anslag's batch calls against the
plain decimal way, on the same data in the same run.

The data are canonical amounts ("−1 234 567,89 kr" with U+00A0 and U+2212) as a list of str,
the form a CSV column or pandas' .tolist() gives. The decimal way does the least those strings
need (drop the unit, the separators and the sign character, turn the comma into a point) and
validates nothing; anslag checks the whole grammar. Times are the best of several runs, as wall
time and as CPU time of this process: from 16 384 strings on, parse_amounts uses a second thread
when there is a core for it, so its CPU time can exceed its wall time. The same strings as a
numpy object array and as pandas columns are timed too (parse_amounts alone).
"""

import random
import sys
import time
from decimal import Decimal

import numpy as np
import pandas as pd

import anslag
from cpu import cpu_model

COUNT = 1_000_000
RUNS = 5


def decimal_way(texts):
    total = Decimal(0)
    for text in texts:
        text = text.removesuffix("\u00a0kr").replace("\u00a0", "").replace("\u2212", "-").replace(",", ".")
        total += Decimal(text)
    return total


def anslag_way(texts):
    return anslag.sum_amounts(anslag.parse_amounts(texts))


def best_of(function, texts):
    wall, cpu = float("inf"), float("inf")
    for _ in range(RUNS):
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        result = function(texts)
        wall = min(wall, time.perf_counter() - start_wall)
        cpu = min(cpu, time.process_time() - start_cpu)
    return result, wall, cpu


def main():
    generator = random.Random(20260101)
    # Amounts up to ±10 million kronor, some negative, most with öre.
    ore = [generator.randint(-100_000_000, 1_000_000_000) for _ in range(COUNT)]
    texts = anslag.format_amounts(ore).tolist()
    anslag_way(texts[:1000])  # loads numpy's C API before timing

    exact, decimal_wall, decimal_cpu = best_of(decimal_way, texts)
    total, anslag_wall, anslag_cpu = best_of(anslag_way, texts)
    if total.to_decimal() != exact or total.ore != sum(ore):
        sys.exit(f"the two ways disagree: {total} against {exact}")

    print(f"amounts on {cpu_model()}: {COUNT} strings, e.g. {texts[0]!r}; both sums {total}")
    print(f"  decimal way                  wall {decimal_wall * 1e3:8.1f} ms   cpu {decimal_cpu * 1e3:8.1f} ms")
    print(f"  parse_amounts + sum_amounts  wall {anslag_wall * 1e3:8.1f} ms   cpu {anslag_cpu * 1e3:8.1f} ms")
    print(f"  ratio (decimal / anslag)     wall {decimal_wall / anslag_wall:8.1f} x    cpu {decimal_cpu / anslag_cpu:8.1f} x")

    columns = {
        "numpy object array": np.array(texts, dtype=object),
        "pandas Series (object)": pd.Series(texts),
        "pandas Series (string)": pd.Series(texts, dtype="string"),
    }
    for name, column in columns.items():
        parsed, wall, cpu = best_of(anslag.parse_amounts, column)
        if parsed.tolist() != ore:
            sys.exit(f"parse_amounts of the {name} disagrees")
        print(f"  parse_amounts of a {name:24} wall {wall * 1e3:6.1f} ms   cpu {cpu * 1e3:6.1f} ms")


if __name__ == "__main__":
    main()
