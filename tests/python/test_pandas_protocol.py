"""``import anslag.pandas`` changes nothing in pandas, numpy or matplotlib: krona's answers come from
the extension-array protocol, the ``.krona`` accessors and ``anslag.frames`` alone (docs/python.md,
"What pandas does with money")."""

import subprocess
import sys

# Run in a fresh interpreter, with anslag.pandas imported first ("with") or never ("without"):
# pandas' own operations on frames without a krona column, printed as their repr.
IDIOMS = r'''
import sys
import warnings

import matplotlib
matplotlib.use("Agg")
import numpy as np
import pandas as pd

if sys.argv[1] == "with":
    import anslag.pandas  # noqa: F401
else:
    assert "anslag" not in sys.modules

warnings.simplefilter("ignore", FutureWarning)  # pandas 1.5's own, alike in both processes
frame = pd.DataFrame({"g": ["a", "b", "a", None], "v": [1, 2, 3, 4], "f": [0.5, 1.5, None, 2.0],
                      "n": pd.array([1, None, 3, 4], dtype="Int64"), "s": ["1", "2", "x", "4"]})
lim = 2
results = {
    "query": frame.query("v > @lim"),
    "eval": frame.eval("w = v * 2"),
    "eval_local": frame.eval("@lim + v"),
    "groupby": frame.groupby("g").sum(numeric_only=True),
    "groupby_nunique": frame.groupby("g").agg(["sum", "mean"], numeric_only=True),
    "groupby_dropna": frame.groupby("g", dropna=False)["v"].sum(),
    "series_groupby": frame["v"].groupby(frame["g"]).sum(),
    "pivot_table": frame.pivot_table(index="g", values="v", aggfunc="sum"),
    "pivot_margins": frame.pivot_table(index="g", values=["v", "f"], aggfunc="sum", margins=True),
    "describe": frame.describe(),
    "describe_all": frame.describe(include="all"),
    "to_numeric": pd.to_numeric(frame["s"], errors="coerce"),
    "row_sum": frame[["v", "f"]].sum(axis=1),
    "cumsum": frame[["f", "n"]].cumsum(),
    "mean": frame.mean(numeric_only=True),
    "nansum": np.nansum(frame["f"]),
    "round": frame["f"].round(0),
    "nlargest": frame["n"].nlargest(2),
}
axes = frame.plot(x="v", y="f")
results["plot"] = [line.get_xydata().tolist() for line in axes.get_lines()]
for name, value in results.items():
    print(name, repr(value))
'''


def run_idioms(mode):
    done = subprocess.run([sys.executable, "-c", IDIOMS, mode], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_pandas_answers_alike_whether_anslag_pandas_was_imported_or_not():
    with_anslag, without = run_idioms("with"), run_idioms("without")
    assert with_anslag == without
    assert "query" in without and "plot [[" in without


# Every attribute of every pandas, numpy and matplotlib module and class, by identity: the import
# may add (the dtype's registration and the accessors' names are pandas' own ways), never replace.
SNAPSHOT = r'''
import sys
import types

import matplotlib
import numpy
import pandas
import pandas.plotting

def members():
    seen = {}
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] not in ("pandas", "numpy", "matplotlib"):
            continue
        for attribute, value in list(vars(module).items()):
            seen[(name, attribute)] = id(value)
            if isinstance(value, type) and value.__module__.split(".")[0] == name.split(".")[0]:
                for member, inner in list(vars(value).items()):
                    seen[(name, attribute, member)] = id(inner)
    return seen

before = members()
import anslag.pandas  # noqa: E402,F401
import anslag.frames  # noqa: E402,F401
after = members()
changed = sorted(str(key) for key, identity in before.items() if after.get(key, identity) != identity)
print("\n".join(changed))
'''


def test_importing_anslag_pandas_replaces_nothing_in_pandas_numpy_or_matplotlib():
    done = subprocess.run([sys.executable, "-c", SNAPSHOT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
