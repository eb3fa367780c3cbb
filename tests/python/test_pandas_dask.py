"""Dask DataFrames with krona columns: the dtype's meta registered with Dask's own dispatch, an
exact sum per partition and overall, unknown amounts kept unknown (docs/python.md)."""

import subprocess
import sys

import pandas as pd
import pytest

from anslag import Krona
from anslag.pandas import KronaArray

dd = pytest.importorskip("dask.dataframe")


@pytest.fixture(scope="module")
def amounts():
    from anslag.dask import register_krona

    register_krona()
    ore = [(-1) ** i * (i * 123_456_789 + 7) for i in range(1000)]
    frame = pd.DataFrame({"g": [i % 7 for i in range(1000)], "a": KronaArray.from_ore(ore)})
    return ore, frame, dd.from_pandas(frame, npartitions=4)


def test_a_dask_frame_holds_a_krona_column(amounts):
    _, frame, distributed = amounts
    assert distributed.dtypes["a"] == "krona" and distributed._meta["a"].dtype == "krona"
    assert distributed.compute()["a"].tolist() == frame["a"].tolist()


def test_sums_per_partition_and_overall_are_exact(amounts):
    ore, _, distributed = amounts
    parts = distributed["a"].map_partitions(lambda part: pd.Series([part.sum()])).compute().tolist()
    assert sum(parts, Krona(0)) == Krona.from_ore(sum(ore))
    assert distributed["a"].sum().compute() == Krona.from_ore(sum(ore))
    by_group = distributed.groupby("g")["a"].sum().compute().sort_index()
    assert by_group.krona.ore.tolist() == [sum(o for i, o in enumerate(ore) if i % 7 == g) for g in range(7)]


def test_an_unknown_amount_makes_the_total_unknown_with_skipna_false(amounts):
    # Dask adds the partitions' totals as objects, leaving an unknown one out unless told not to.
    frame = pd.DataFrame({"a": pd.Series(["1 kr", None, "2 kr", "3 kr"], dtype="krona")})
    distributed = dd.from_pandas(frame, npartitions=2)["a"]
    assert distributed.sum(skipna=False).compute() is pd.NA
    assert distributed.map_partitions(lambda part: pd.Series([part.sum()])).compute().tolist() == [pd.NA, Krona("5 kr")]


def test_importing_anslag_pandas_after_dask_registers_by_itself():
    code = ("import dask.dataframe as dd, pandas as pd\n"
            "import anslag.pandas\n"
            "frame = pd.DataFrame({'a': pd.Series(['1 kr', '2,50 kr'], dtype='krona')})\n"
            "print(dd.from_pandas(frame, npartitions=2)['a'].sum().compute())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(Krona("3,50 kr"))


def test_parquet_through_pyarrow(amounts, tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow is not packaged in Debian bookworm: no Parquet here")
    _, frame, distributed = amounts
    distributed.to_parquet(tmp_path / "amounts")
    assert dd.read_parquet(tmp_path / "amounts").compute()["a"].tolist() == frame["a"].tolist()
