"""What an analyst types in the first ten minutes with a krona column, each as typed, each with the
exact answer or a TypeError that says what to write instead (docs/python.md, "What pandas does
with money")."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import anslag
import anslag.pandas  # noqa: F401  # registers the krona dtype
from anslag import Krona
from analyst_frame import analyst_frame


@pytest.fixture
def df():
    return analyst_frame()


def test_rows_equal_to_zero_are_the_rejected_ones(df):
    assert df[df.granted == 0].index.tolist() == [0, 1]
    assert df[df.granted > 0].index.tolist() == [2, 3, 4]
    assert df.granted.isin([0]).tolist() == [True, True, False, False, False]


def test_every_other_bare_number_is_refused_by_every_operator(df):
    for compare in (lambda: df.granted == 10, lambda: df.granted != 10, lambda: df.granted > 10,
                    lambda: df.granted <= 10.0, lambda: df.granted == "10 kr"):
        with pytest.raises(TypeError, match="a bare number other than 0 is not an amount"):
            compare()
    with pytest.raises(TypeError, match="a bare number other than 0 is not an amount"):
        Krona(10) == 10  # noqa: B015


def test_agg_len_is_a_count_not_kronor(df):
    counts = df.groupby("fund")["granted"].agg(len)
    assert counts.dtype == np.int64 and counts.to_dict() == {"LUM": 3, "MUST": 2}
    assert df.groupby("fund")["granted"].agg(lambda s: s.max().ore).to_dict() == {"LUM": 4_000_000, "MUST": 1000}


def test_bare_ints_do_not_become_kronor_in_a_column():
    with pytest.raises(TypeError, match="is a bare number, not an amount"):
        pd.Series([14], dtype="krona")
    assert pd.Series(anslag.KronaArray.from_ore([14])).tolist() == [Krona("0,14 kr")]


def test_a_group_total_with_an_unknown_request_is_unknown_and_unknown_keys_stay(df):
    totals = df.groupby("forvaltning", dropna=False)["requested"].sum()
    assert totals["Farsta"] is pd.NA                   # one of Farsta's requests is unknown
    assert totals["Kista"] == Krona("30 kr")
    assert totals[pd.isna(totals.index)].tolist() == [Krona("50 000 kr")]  # unknown förvaltning kept
    assert df.groupby("forvaltning", dropna=True)["granted"].sum().index.tolist() == ["Farsta", "Kista"]
    assert df["requested"].krona.known_sum() == Krona("150 030 kr")
    assert df["requested"].krona.unknown_count() == 1


def test_a_pivot_table_keeps_a_row_whose_total_is_unknown(df):
    table = df.pivot_table(index="forvaltning", values="requested", aggfunc="sum", dropna=False)
    assert table.index.tolist() == ["Farsta", "Kista"] and table.loc["Farsta", "requested"] is pd.NA
    assert df.pivot_table(index="forvaltning", values="requested", aggfunc="sum").index.tolist() == ["Kista"]


def test_windows_are_refused_rather_than_made_floats(df):
    for window in (lambda s: s.rolling(2).sum(), lambda s: s.expanding().sum(), lambda s: s.ewm(span=2).mean()):
        with pytest.raises(pd.errors.DataError) as caught:
            window(df.granted)
        assert "astype(float)" in str(caught.value.__cause__.__cause__)


def test_an_exact_rolling_sum_is_asked_for_by_name(df):
    assert df.granted.krona.rolling_sum(2).tolist() == [pd.NA, Krona(0), Krona("40 000 kr"),
                                                        Krona("40 010 kr"), Krona("10,50 kr")]
    assert df.requested.krona.rolling_sum(2).tolist() == [pd.NA, pd.NA, pd.NA, Krona("50 010 kr"),
                                                          Krona("30 kr")]
    assert df.granted.krona.rolling_sum(1).tolist() == df.granted.tolist()
    generator = np.random.default_rng(13)
    ore = generator.integers(-(2**62), 2**62, size=2000)  # running sums far past the range
    series = pd.Series(anslag.KronaArray.from_ore(ore))
    expected = [sum(int(v) for v in ore[i - 6:i + 1]) if i >= 6 else pd.NA for i in range(2000)]
    fits = [e is pd.NA or -(2**63) <= e < 2**63 for e in expected]
    small = pd.Series(anslag.KronaArray.from_ore(ore // 8))
    assert small.krona.rolling_sum(7).krona.ore.tolist() == [
        sum(int(v) // 8 for v in ore[i - 6:i + 1]) if i >= 6 else pd.NA for i in range(2000)]
    assert not all(fits)
    with pytest.raises(anslag.OverflowError):
        series.krona.rolling_sum(7)
    with pytest.raises(ValueError, match="rolling_sum needs a window of at least 1 row, not 0"):
        df.granted.krona.rolling_sum(0)


def test_cumsum_is_exact_and_unknown_from_the_first_unknown(df):
    assert df.granted.cumsum().tolist() == [Krona(0), Krona(0), Krona("40 000 kr"), Krona("40 010 kr"),
                                            Krona("40 010,50 kr")]
    assert df.requested.cumsum(skipna=False).tolist()[:2] == [Krona("100 000 kr"), pd.NA]
    assert df.requested.cummax(skipna=False).tolist() == [Krona("100 000 kr")] + [pd.NA] * 4
    with pytest.raises(TypeError, match="Krona cannot be made from a float"):
        df.requested.cumsum()  # pandas 1.5 would fill the unknown amount with 0.0 first


def test_float_and_integer_conversions_are_named(df):
    assert df.granted.astype("Float64").tolist()[2:4] == [40000.0, 10.0]
    with pytest.raises(TypeError, match=r"\.krona\.ore gives the öre as Int64"):
        df.granted.astype("Int64")
    assert df.granted.krona.ore.tolist()[2:4] == [4_000_000, 1000]


def test_plot_names_the_float_route(df):
    import matplotlib

    matplotlib.use("Agg")
    with pytest.raises(TypeError, match=r"astype\(float\)"):
        df.plot()
    df[["granted"]].astype(float).plot()


def test_quantile_is_one_of_the_amounts_or_refused(df):
    assert df.granted.quantile(0.5, interpolation="lower") == Krona("0,50 kr")
    with pytest.raises(TypeError, match="interpolation='lower', 'higher' or 'nearest'"):
        df.granted.quantile(0.5)
    with pytest.raises(anslag.pandas.NoExactAmount, match="krona has no exact mean"):
        df.granted.mean()


def test_eval_fails_inside_pandas_and_column_arithmetic_is_exact(df):
    with pytest.raises(TypeError):
        df.eval("requested - granted")
    assert (df["requested"] - df["granted"]).tolist()[2] == Krona("10 000 kr")


def test_row_sums_are_exact_and_unknown_with_an_unknown_part(df):
    rows = df[["requested", "granted"]].krona.row_sum()
    assert rows.tolist() == [Krona("100 000 kr"), pd.NA, Krona("90 000 kr"), Krona("20 kr"), Krona("20,50 kr")]
    with pytest.raises(TypeError, match="select them first"):
        df.assign(n=1)[["requested", "n"]].krona.row_sum()


def test_column_arithmetic_with_a_rounding_mode(df):
    assert df.requested.krona.scale(Decimal("0.85"), "half_up").tolist()[0] == Krona("85 000 kr")
    assert df.granted.krona.scale(Fraction(1, 3), "half_even").tolist()[3] == Krona("3,33 kr")
    assert df.requested.krona.round("1 000 kr", "half_up").tolist()[3] == Krona(0)
    assert Krona("10 kr").scale(Fraction(2, 3), "up") == Krona("6,67 kr")
    with pytest.raises(TypeError, match=r"\.krona\.scale"):
        df.granted * 0.85
    with pytest.raises(TypeError, match="a float is inexact"):
        Krona("10 kr").scale(0.5, "half_up")  # type: ignore[arg-type]


def test_a_share_of_two_money_columns_is_a_float(df):
    share = df.granted / df.requested
    assert share.dtype == "Float64"
    assert share.tolist() == [0.0, pd.NA, 0.8, 1.0, 0.025]
    assert Krona("1 kr") / Krona("4 kr") == 0.25
    with pytest.raises(TypeError, match="needs a rounding rule"):
        df.granted / 3


def test_a_share_is_the_exact_quotient_rounded_once_past_2_to_the_53_ore():
    # Two doubles would round 3 706 778 661 852 469 502 öre first and give ...768.674.
    big, small = 3_706_778_661_852_469_502, 239_877
    assert float(big) / float(small) != big / small
    assert Krona.from_ore(big) / Krona.from_ore(small) == big / small
    column = pd.Series(pd.array([Krona.from_ore(big), Krona("1 kr"), Krona.from_ore(-(2**63))], dtype="krona"))
    divisors = pd.Series(pd.array([Krona.from_ore(small), Krona("4 kr"), Krona.from_ore(3)], dtype="krona"))
    assert (column / divisors).tolist() == [big / small, 0.25, -(2**63) / 3]


def test_dtype_repr_and_describe(df):
    assert repr(df.granted.dtype) == "KronaDtype()"
    described = df.requested.krona.describe()
    assert described.to_dict() == {"count": 4, "unknown": 1, "min": Krona("10 kr"),
                                   "max": Krona("100 000 kr"), "total": pd.NA}


def test_masked_arrays_are_refused_not_read_as_their_data():
    masked = np.ma.masked_array([100, 200], mask=[False, True])
    with pytest.raises(TypeError, match="masked amounts are unknown"):
        anslag.sum_amounts(masked)
    with pytest.raises(TypeError, match="masked amounts are unknown"):
        anslag.allocate_budget_array(1000, masked, "pro_rata", 1, None)
    assert anslag.sum_amounts(np.ma.masked_array([100, 200])) == Krona("3 kr")


def test_fast_group_sums_still_raise_on_overflow():
    frame = pd.DataFrame({"g": [1, 1, 2], "a": anslag.KronaArray.from_ore([2**63 - 1, 1, 5])})
    with pytest.raises(anslag.OverflowError):
        frame.groupby("g")["a"].sum()
    many = pd.DataFrame({"g": np.arange(10_000) % 997, "a": anslag.KronaArray.from_ore(np.arange(10_000))})
    expected = many.assign(o=np.arange(10_000)).groupby("g")["o"].sum()
    assert many.groupby("g")["a"].sum().krona.ore.tolist() == expected.tolist()
    assert many.groupby("g")["a"].max().krona.ore.tolist() == many.assign(o=np.arange(10_000)).groupby("g")["o"].max().tolist()


def test_comparison_totals_over_nothing_known_are_unknown_not_zero():
    round_2020 = anslag.load_round(2020)
    comparison = anslag.propose(round_2020, "MUST", "pro_rata").compare()
    assert comparison.proposed_unknown == len(comparison.rows)
    assert comparison.proposed_total is None and comparison.difference_total is None
    assert "föreslaget okänt" in comparison._repr_html_()
    known = anslag.propose(round_2020, "LUM", "ranked").compare()
    assert known.proposed_total == Krona("3 500 000 kr")
