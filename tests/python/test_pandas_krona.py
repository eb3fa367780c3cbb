"""Exact money in pandas (anslag.pandas): the guarantees an auditor relies on, each written so that
it would fail if a float or a silent 0 crept in."""

import io
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import anslag
from anslag import Krona
from anslag.pandas import KronaArray, KronaDtype, NoExactAmount

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)


def krona(*values):
    return pd.Series(list(values), dtype="krona")


def ore(series):
    return series.krona.ore.tolist()


# --- import and construction ----------------------------------------------------------------------


def test_import_anslag_leaves_pandas_unloaded_until_the_dtype_is_asked_for():
    code = ("import sys, anslag\n"
            "print('pandas' in sys.modules)\n"
            "print(anslag.KronaDtype.name, 'pandas' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "False\nkrona True\n"


def test_the_dtype_is_registered_by_name_and_reachable_from_anslag():
    assert pd.api.types.pandas_dtype("krona") == KronaDtype()
    assert anslag.KronaDtype is KronaDtype and anslag.KronaArray is KronaArray


def test_a_series_from_swedish_text_keeps_a_missing_value_missing():
    s = krona("8 618 500 kr", None)
    assert s.dtype == KronaDtype()
    assert s[0] == Krona("8 618 500 kr")
    assert s[1] is pd.NA
    assert ore(s) == [861_850_000, pd.NA]


def test_nan_from_pandas_is_missing_but_a_real_float_is_refused():
    assert ore(krona(np.nan, "1 kr")) == [pd.NA, 100]
    with pytest.raises(TypeError, match="Krona cannot be made from a float"):
        krona(1.5)


def test_bad_text_names_its_position():
    with pytest.raises(anslag.ParseError) as caught:
        krona("12 kr", "3 kr", "1.500 kr")
    assert (caught.value.index, caught.value.position) == (2, 1)


def test_from_ore_takes_counts_of_ore_with_missing_values():
    assert ore(pd.Series(KronaArray.from_ore([1, None, -250]))) == [1, pd.NA, -250]


# --- sums: exact, overflow-checked, missing never 0 -----------------------------------------------


def test_the_sum_of_a_thousand_tenths_is_exact_where_floats_drift():
    s = krona(*["0,10 kr"] * 1000)
    assert s.astype(float).sum() != 100.0  # the float route is off
    assert s.sum() == Krona("100 kr")


def test_the_sum_keeps_every_ore_of_amounts_beyond_float_precision():
    big = Krona.from_ore(2**53 + 1)  # no float64 holds this count of öre
    assert krona(big, Krona("0,01 kr")).sum() == Krona.from_ore(2**53 + 2)


def test_a_sum_beyond_the_range_raises_instead_of_wrapping():
    s = pd.Series(KronaArray.from_ore([INT64_MAX, 1]))
    with pytest.raises(anslag.OverflowError):
        s.sum()


def test_a_sum_is_the_exact_total_even_when_a_running_total_would_leave_the_range():
    assert pd.Series(KronaArray.from_ore([INT64_MAX, 1, -1])).sum() == Krona.from_ore(INT64_MAX)


def test_an_unknown_amount_makes_the_sum_unknown_and_the_known_part_is_asked_for_by_name():
    s = krona("1 kr", None, "2 kr")
    assert s.sum() is pd.NA
    assert s.sum(skipna=False) is pd.NA
    assert s.krona.known_sum() == Krona("3 kr") and s.krona.unknown_count() == 1
    assert s.dropna().sum() == Krona("3 kr")


def test_a_sum_of_only_missing_values_is_missing_not_zero():
    assert krona(None, None).sum() is pd.NA


def test_the_sum_of_nothing_is_zero_and_min_count_asks_for_known_values():
    assert krona().sum() == Krona(0)
    assert krona("1 kr", None).sum(min_count=2) is pd.NA


def test_min_and_max_skip_missing_values_unless_told_not_to():
    s = krona("5 kr", None, "-2,50 kr")
    assert (s.min(), s.max()) == (Krona("-2,50 kr"), Krona("5 kr"))
    assert s.max(skipna=False) is pd.NA


def test_a_mean_is_refused_because_it_would_need_a_rounding_rule():
    with pytest.raises(NoExactAmount, match="krona has no exact mean: only sum, min and max"):
        krona("1 kr", "2 kr").mean()


def test_group_sums_are_exact_and_keep_the_krona_dtype():
    frame = pd.DataFrame({"fund": ["LUM"] * 1000 + ["MUST"], "amount": krona(*["0,10 kr"] * 1001)})
    sums = frame.groupby("fund")["amount"].sum()
    assert sums.dtype == KronaDtype()
    assert sums.to_dict() == {"LUM": Krona("100 kr"), "MUST": Krona("0,10 kr")}


def test_a_group_with_an_unknown_amount_has_an_unknown_total():
    frame = pd.DataFrame({"unit": ["a", "a", "b", "c"], "amount": krona("1 kr", None, None, "2 kr")})
    sums = frame.groupby("unit")["amount"].sum()
    assert sums["a"] is pd.NA
    assert sums["b"] is pd.NA
    assert sums["c"] == Krona("2 kr")


def test_a_data_frame_group_sum_keeps_krona_columns():
    frame = pd.DataFrame({"unit": ["a", "a"], "amount": krona("1 kr", "2 kr"), "count": [1, 2]})
    sums = frame.groupby("unit").sum()
    assert list(sums.columns) == ["amount", "count"]
    assert sums.loc["a", "amount"] == Krona("3 kr")


def test_a_group_sum_beyond_the_range_raises():
    frame = pd.DataFrame({"unit": ["a", "a"], "amount": KronaArray.from_ore([INT64_MAX, 1])})
    with pytest.raises(anslag.OverflowError):
        frame.groupby("unit")["amount"].sum()


# --- floats only on request -------------------------------------------------------------------------


def test_astype_float_gives_kronor_and_nan_only_when_asked():
    assert krona("1 234,50 kr", None).astype(float).tolist()[0] == 1234.5
    assert np.isnan(krona(None).astype("float64")[0])
    assert krona("0,25 kr", None).astype("Float64").tolist() == [0.25, pd.NA]


def test_numpy_cannot_turn_amounts_into_floats_implicitly():
    with pytest.raises(TypeError, match="do not convert implicitly to float64"):
        np.asarray(krona("1 kr"), dtype=float)


def test_integer_conversion_is_refused_in_favour_of_ore():
    for dtype in ("int64", "Int64"):
        with pytest.raises(TypeError, match="kronor or öre\\? .krona.ore gives the öre as Int64"):
            krona("1 kr").astype(dtype)


def test_object_conversion_gives_krona_objects_and_na():
    assert krona("1 kr", None).astype(object).tolist() == [Krona("1 kr"), pd.NA]
    assert krona("1 kr", None).to_numpy().tolist() == [Krona("1 kr"), pd.NA]


def test_arithmetic_with_a_float_is_refused():
    s = krona("1 kr")
    for operation in (lambda: s + 1.5, lambda: s * 1.5, lambda: s / 2, lambda: s * s):
        with pytest.raises(TypeError):
            operation()


# --- arithmetic -------------------------------------------------------------------------------------------


def test_amounts_add_and_subtract_element_by_element_with_missing_propagated():
    a, b = krona("1 kr", None, "2,50 kr"), krona("0,50 kr", "1 kr", None)
    assert ore(a + b) == [150, pd.NA, pd.NA]
    assert ore(a - b) == [50, pd.NA, pd.NA]
    assert ore(a + Krona("1 kr")) == [200, pd.NA, 350]
    assert ore(Krona("10 kr") - a) == [900, pd.NA, 750]


def test_amounts_scale_by_integers_and_integer_columns():
    a = krona("1,50 kr", None)
    assert ore(a * 3) == [450, pd.NA]
    assert ore(2 * a) == [300, pd.NA]
    assert ore(a * pd.Series([4, 5])) == [600, pd.NA]
    assert ore(a * pd.array([None, 1], dtype="Int64")) == [pd.NA, pd.NA]


def test_negation_and_absolute_value():
    a = krona("-1 kr", None, "2 kr")
    assert ore(-a) == [100, pd.NA, -200]
    assert ore(abs(a)) == [100, pd.NA, 200]


@pytest.mark.parametrize("operation", [
    lambda a: a + KronaArray.from_ore([1, 1]),
    lambda a: KronaArray.from_ore([-2, -2]) - a,
    lambda a: a * 2,
    lambda a: a * -2,
    lambda a: a * pd.Series([1, INT64_MAX]).to_numpy(),
], ids=["add", "subtract", "double", "double-negative", "multiply-elementwise"])
def test_arithmetic_beyond_the_range_raises_instead_of_wrapping(operation):
    a = KronaArray.from_ore([0, INT64_MAX])
    with pytest.raises(anslag.OverflowError, match="amount out of range in"):
        operation(a)


int64 = st.one_of(st.integers(INT64_MIN, INT64_MAX),
                  st.sampled_from([INT64_MIN, INT64_MIN + 1, -1, 0, 1, INT64_MAX - 1, INT64_MAX]))


@given(int64, int64)
def test_vector_arithmetic_matches_exact_integers_or_raises_exactly_when_out_of_range(a, b):
    # The overflow checks work on whole arrays with bit tricks; Python's ints are the reference.
    left = KronaArray.from_ore([a, 1])
    for result, exact in ((lambda: left + KronaArray.from_ore([b, 1]), a + b),
                          (lambda: left - KronaArray.from_ore([b, 1]), a - b),
                          (lambda: left * np.array([b, 1]), a * b)):
        if INT64_MIN <= exact <= INT64_MAX:
            assert result()[0] == Krona.from_ore(exact)
        else:
            with pytest.raises(anslag.OverflowError):
                result()


@given(st.lists(int64, max_size=20))
def test_vector_sums_match_exact_integers_or_raise_when_out_of_range(values):
    exact = sum(values)
    if INT64_MIN <= exact <= INT64_MAX:
        assert pd.Series(KronaArray.from_ore(values)).sum() == Krona.from_ore(exact)
    else:
        with pytest.raises(anslag.OverflowError):
            pd.Series(KronaArray.from_ore(values)).sum()


def test_the_most_negative_amount_has_no_negation():
    with pytest.raises(anslag.OverflowError, match="amount out of range in negation"):
        -KronaArray.from_ore([INT64_MIN])


def test_products_at_the_edge_of_the_range_are_exact():
    assert (KronaArray.from_ore([INT64_MIN // 2]) * 2)[0] == Krona.from_ore(INT64_MIN)
    assert (KronaArray.from_ore([1]) * INT64_MIN)[0] == Krona.from_ore(INT64_MIN)
    assert (KronaArray.from_ore([INT64_MAX]) * -1)[0] == Krona.from_ore(-INT64_MAX)
    with pytest.raises(anslag.OverflowError, match="amount out of range in multiplication"):
        KronaArray.from_ore([-1]) * INT64_MIN


# --- comparisons and sorting ------------------------------------------------------------------------


def test_comparisons_give_nullable_booleans_missing_where_an_amount_is_missing():
    s = krona("1 kr", None, "3 kr")
    result = s > Krona("2 kr")
    assert result.dtype == "boolean"
    assert result.tolist() == [False, pd.NA, True]


def test_an_amount_compares_with_zero_but_with_no_other_bare_number():
    assert (krona("1 kr", "0 kr") > 0).tolist() == [True, False]
    for operation in (lambda s: s > 5, lambda s: s == 5, lambda s: s != 5, lambda s: s == "1 kr"):
        with pytest.raises(TypeError, match="cannot compare krona with"):
            operation(krona("1 kr"))


def test_sorting_places_missing_values_where_asked():
    s = krona("2 kr", None, "-1 kr", "10 kr")
    assert s.sort_values().tolist() == [Krona("-1 kr"), Krona("2 kr"), Krona("10 kr"), pd.NA]
    assert s.sort_values(ascending=False, na_position="first").tolist() == [
        pd.NA, Krona("10 kr"), Krona("2 kr"), Krona("-1 kr")]


def test_a_frame_sorts_by_a_krona_column():
    frame = pd.DataFrame({"id": ["x", "y", "z"], "amount": krona("3 kr", None, "1 kr")})
    assert frame.sort_values("amount")["id"].tolist() == ["z", "x", "y"]


def test_unique_value_counts_isin_and_factorize_treat_missing_as_one_value():
    s = krona("1 kr", None, "1 kr", None, "2 kr")
    assert s.unique().tolist() == [Krona("1 kr"), pd.NA, Krona("2 kr")]
    counts = s.value_counts(dropna=False)
    assert counts.to_dict() == {Krona("1 kr"): 2, pd.NA: 2, Krona("2 kr"): 1}
    assert s.isin([Krona("2 kr")]).tolist() == [False, False, False, False, True]
    assert s.isin(["1 kr", None]).tolist() == [True, True, True, True, False]
    codes, uniques = pd.factorize(s)
    assert codes.tolist() == [0, -1, 0, -1, 1]
    assert uniques.tolist() == [Krona("1 kr"), Krona("2 kr")]


# --- editing and reshaping --------------------------------------------------------------------------


def test_setting_a_value_accepts_a_krona_swedish_text_or_none():
    s = krona("1 kr", "2 kr", "3 kr")
    s[0] = Krona("5 kr")
    s[1] = "1 234,50 kr"
    s[2] = None
    assert ore(s) == [500, 123_450, pd.NA]


def test_concat_take_and_copy_keep_amounts_and_missing_values():
    joined = pd.concat([krona("1 kr"), krona(None, "2 kr")], ignore_index=True)
    assert joined.dtype == KronaDtype()
    assert ore(joined) == [100, pd.NA, 200]
    taken = joined.array.take([2, -1, 0], allow_fill=True)
    assert ore(pd.Series(taken)) == [200, pd.NA, 100]
    copied = joined.copy()
    copied[0] = "9 kr"
    assert joined[0] == Krona("1 kr")


def test_reindexing_fills_with_missing_not_zero():
    assert ore(krona("1 kr").reindex([0, 1])) == [100, pd.NA]


# --- display and files ------------------------------------------------------------------------------


def test_values_display_in_swedish_form_and_missing_as_na():
    text = repr(krona("8 618 500 kr", None, "-1 234,50 kr"))
    assert "8\u00a0618\u00a0500\u00a0kr" in text
    assert "\u22121\u00a0234,50\u00a0kr" in text
    assert "<NA>" in text
    assert "dtype: krona" in text


def test_a_csv_column_read_as_krona_keeps_amounts_and_empty_cells():
    text = "ansökan;beviljat\n1;8 618 500 kr\n2;\n3;1 234,50\n"
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype={"beviljat": "krona"})
    assert frame["beviljat"].dtype == KronaDtype()
    assert ore(frame["beviljat"]) == [861_850_000, pd.NA, 123_450]


def test_a_frame_written_to_csv_reads_back_equal():
    frame = pd.DataFrame({"id": [1, 2, 3], "amount": krona("1 234,50 kr", None, "-3 kr")})
    back = pd.read_csv(io.StringIO(frame.to_csv(index=False)), dtype={"amount": "krona"})
    pd.testing.assert_frame_equal(back, frame)


# --- pickling ---------------------------------------------------------------------------------------------


def test_arrays_dtypes_series_and_frames_pickle_to_equal_values():
    s = krona("1 kr", None)
    assert pickle.loads(pickle.dumps(KronaDtype())) == KronaDtype()
    assert pickle.loads(pickle.dumps(s.array)).equals(s.array)
    pd.testing.assert_series_equal(pickle.loads(pickle.dumps(s)), s)
    frame = pd.DataFrame({"amount": s})
    pd.testing.assert_frame_equal(pickle.loads(pickle.dumps(frame)), frame)


# --- öre ------------------------------------------------------------------------------------------------------


def test_the_ore_accessor_gives_an_int64_series_with_the_same_index():
    s = pd.Series(["1 kr", None], dtype="krona", index=["a", "b"], name="belopp")
    result = s.krona.ore
    assert result.dtype == "Int64"
    assert result.to_dict() == {"a": 100, "b": pd.NA}
    assert result.name == "belopp"


def test_the_accessor_is_refused_on_other_dtypes():
    with pytest.raises(AttributeError, match="needs a Series of dtype krona"):
        pd.Series([1]).krona
