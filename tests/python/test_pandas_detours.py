"""The idioms of issue 26, each exact or refused with the exact way named (docs/python.md, "What
pandas does with money"): unknown amounts through detours, group operations, numpy's functions,
format specs and float() on Krona, and the constructor's bad cell."""

import numpy as np
import pandas as pd
import pytest

import anslag
from anslag import Krona
from anslag.pandas import KronaArray, NoExactAmount
from analyst_frame import analyst_frame


@pytest.fixture
def df():
    return analyst_frame()


# --- group keys that are unknown ------------------------------------------------------------------


def test_series_groupby_and_frame_groupby_treat_unknown_keys_alike(df):
    by_frame = df.groupby("forvaltning")["granted"].sum()
    by_series = df["granted"].groupby(df["forvaltning"]).sum()
    assert by_series.tolist() == by_frame.tolist() and by_series.index.tolist() == by_frame.index.tolist()
    kept = df.groupby("forvaltning", dropna=False)["granted"].sum()
    assert kept.tolist() == df["granted"].groupby(df["forvaltning"], dropna=False).sum().tolist()
    # With the unknown förvaltning kept, the groups add up to the column's total.
    assert KronaArray._from_sequence(kept.tolist())._reduce("sum") == df["granted"].sum()
    assert kept[kept.index.isna()].tolist() == [Krona("40 000 kr")]


def test_group_sum_by_name_is_groupby_sum_at_int64_speed(df):
    assert df.granted.krona.group_sum(df.forvaltning).tolist() == df.groupby("forvaltning")["granted"].sum().tolist()
    kept = df.requested.krona.group_sum(df.forvaltning, dropna=False)
    assert kept.tolist() == df.groupby("forvaltning", dropna=False)["requested"].sum().tolist()
    assert kept.index[:2].tolist() == ["Farsta", "Kista"] and kept.iloc[0] is pd.NA
    many = pd.Series(KronaArray.from_ore(np.arange(10_000) * 7919 - 3_000_000))
    keys = np.arange(10_000) % 997
    assert many.krona.group_sum(keys).krona.ore.tolist() == many.krona.ore.groupby(keys).sum().tolist()
    with pytest.raises(anslag.OverflowError):
        pd.Series(KronaArray.from_ore([2**63 - 1, 1])).krona.group_sum([1, 1])
    with pytest.raises(ValueError, match="group_sum needs one key per amount: 2 keys for 5 amounts"):
        df.granted.krona.group_sum(["a", "b"])


def test_a_mean_is_refused_loudly_in_frames_and_groups_never_dropped(df):
    with pytest.raises(NoExactAmount, match="krona has no exact mean"):
        df[["requested", "granted"]].mean()
    with pytest.raises(NoExactAmount, match="krona has no exact mean"):
        df.groupby("fund")[["granted"]].mean()
    with pytest.raises(NoExactAmount, match="krona has no exact mean"):
        df.groupby("fund")["granted"].agg(["sum", "mean"])
    assert df.groupby("fund")[["granted"]].sum()["granted"].tolist() == [Krona("40 000 kr"), Krona("10,50 kr")]


def test_a_spread_is_refused(df):
    for spread in ("std", "sem", "var"):
        with pytest.raises(NoExactAmount, match=f"krona has no exact {spread}"):
            getattr(df.granted, spread)()


def test_pivot_table_never_shows_an_unknown_total_as_0_kr(df):
    table = df.pivot_table(index="forvaltning", values="requested", aggfunc="sum", dropna=False)
    assert table.loc["Farsta", "requested"] is pd.NA
    with pytest.raises(TypeError, match=r"pivot_table\(fill_value=Krona\(0\)\)"):
        df.pivot_table(index="forvaltning", columns="fund", values="requested", aggfunc="sum",
                       fill_value=0, dropna=False)
    by_name = df.pivot_table(index="forvaltning", columns="fund", values="granted", aggfunc="sum",
                             fill_value=Krona(0), dropna=False)
    assert by_name.loc["Farsta", "MUST"] == Krona(0)


def test_filling_unknown_amounts_takes_an_amount_by_name(df):
    with pytest.raises(TypeError, match=r"an unknown amount is not 0 kr: fill it with Krona\(0\) by name"):
        df.requested.fillna(0)
    with pytest.raises(TypeError, match=r"an unknown amount is not 0 kr"):
        df.requested.where(df.requested.notna(), 0)
    assert df.requested.fillna(Krona(0)).sum() == Krona("150 030 kr")
    assert df.granted.fillna(0).tolist() == df.granted.tolist()  # nothing unknown: nothing filled


def test_replace_an_amount_with_unknown(df):
    replaced = df.granted.replace(Krona(0), pd.NA)
    assert replaced.tolist() == [pd.NA, pd.NA, Krona("40 000 kr"), Krona("10 kr"), Krona("0,50 kr")]
    assert replaced.dtype == "krona" and replaced.sum() is pd.NA


# --- numpy and pandas functions on a column ---------------------------------------------------------


def test_cumsum_and_running_extremes(df):
    assert df.granted.cumsum().tolist() == [Krona(0), Krona(0), Krona("40 000 kr"), Krona("40 010 kr"),
                                            Krona("40 010,50 kr")]
    assert df.requested.cumsum(skipna=False).tolist() == [Krona("100 000 kr")] + [pd.NA] * 4
    assert np.cumsum(df.requested.array).tolist() == [Krona("100 000 kr")] + [pd.NA] * 4
    assert np.maximum.accumulate(df.granted.array).tolist()[-1] == Krona("40 000 kr")


def test_numpy_sums_are_exact_or_unknown(df):
    assert np.add.reduce(df.granted.array) == Krona("40 010,50 kr")
    assert np.add.reduce(df.requested.array) is pd.NA
    assert np.sum(df.granted) == Krona("40 010,50 kr")
    with pytest.raises(TypeError, match="has no exact answer for krona amounts"):
        np.sqrt(df.granted.array)
    assert (np.negative(df.granted.array) == -df.granted.array).all()


def test_nansum_is_exact_or_refused_never_a_partial_total(df):
    assert np.nansum(df.granted) == Krona("40 010,50 kr")
    with pytest.raises(TypeError):
        np.nansum(df.requested)  # numpy asks whether <NA> is <NA>, which pandas will not say


def test_cut_nlargest_and_margins_by_their_exact_ways(df):
    bins = [Krona(0), Krona(10), Krona("100 000 kr")]
    with pytest.raises(TypeError, match=r"float\(Krona\) would make money inexact"):
        pd.cut(df.granted, bins)
    by_ore = pd.cut(df.granted.krona.ore, [b.ore for b in bins], include_lowest=True)
    assert by_ore.cat.codes.tolist() == [0, 0, 1, 0, 0]
    with pytest.raises(TypeError):
        df.granted.nlargest(2)
    assert df.granted.sort_values(ascending=False).head(2).tolist() == [Krona("40 000 kr"), Krona("10 kr")]
    with pytest.raises(TypeError):
        df.pivot_table(index="fund", values="granted", aggfunc="sum", margins=True)
    table = df.pivot_table(index="fund", values="granted", aggfunc="sum")
    assert table["granted"].sum() == df["granted"].sum()  # the margin, as a sum of the column


def test_series_round_keeps_ore_and_refuses_to_round_without_a_rule(df):
    assert df.granted.round(2).tolist() == df.granted.tolist()
    with pytest.raises(TypeError, match=r"\.krona\.round\('1 kr', 'half_even'\)"):
        df.granted.round()


def test_describe_counts_values_and_the_accessor_describes_money(df):
    # pandas 1.5 describes a dtype whose scalars are not numpy numbers as values: no mean to refuse.
    assert df.requested.describe().to_dict() == {"count": 4, "unique": 4, "top": Krona("100 000 kr"), "freq": 1}
    assert df.requested.krona.describe().to_dict() == {
        "count": 4, "unknown": 1, "min": Krona("10 kr"), "max": Krona("100 000 kr"), "total": pd.NA}


def test_to_numeric_eval_and_plot_fail_inside_pandas_and_the_docs_name_the_exact_ways(df):
    # pandas 1.5 asks the column nothing here: it fails as on any column it cannot make floats of.
    with pytest.raises(TypeError):
        pd.to_numeric(df.granted)
    with pytest.raises(TypeError):
        df.eval("requested - granted")


def test_stack_keeps_the_unknown_amounts_only_when_asked(df):
    assert df[["requested", "granted"]].stack(dropna=False).sum() is pd.NA
    assert df[["requested", "granted"]].stack(dropna=False).dtype == "krona"


def test_row_sums_by_name_are_exact(df):
    rows = df[["requested", "granted"]].krona.row_sum()
    assert rows.tolist() == [Krona("100 000 kr"), pd.NA, Krona("90 000 kr"), Krona("20 kr"), Krona("20,50 kr")]
    assert df[["requested", "granted"]].krona.row_max().tolist()[1] == Krona(0)
    assert df[["requested", "granted"]].krona.row_max(skipna=False).tolist()[1] is pd.NA
    with pytest.raises(TypeError, match=r"select them first, frame\[\['requested', 'granted'\]\]"):
        df[["fund", "requested", "granted"]].krona.row_sum()


# --- Krona against Python's and pandas' protocols ------------------------------------------------------


def test_format_specs_on_krona_are_exact_or_refused():
    amount = Krona("1 234 567,50 kr")
    assert format(amount, ",.2f") == "1,234,567.50"
    assert f"{amount:.2f}" == "1234567.50"
    assert format(amount, "n") == "1234567.50"
    assert format(amount, "") == str(amount)
    assert format(Krona("5 kr"), ">8") == str(Krona("5 kr")).rjust(8)
    for spec in (",.0f", ".1f", "e", "%", ".3g"):
        with pytest.raises(TypeError, match="use str\\(k\\) for '1 234,50 kr'"):
            format(amount, spec)


def test_float_of_krona_is_refused_naming_the_exact_ways():
    with pytest.raises(TypeError, match=r"k\.to_decimal\(\) gives the kronor exactly"):
        float(Krona("1 kr"))


def test_krona_against_pd_na_is_na():
    amount = Krona("1 kr")
    for result in (amount == pd.NA, amount != pd.NA, amount < pd.NA, pd.NA >= amount,
                   amount + pd.NA, pd.NA + amount, amount - pd.NA):
        assert result is pd.NA


def test_the_bad_cell_is_named_by_its_place_in_the_column():
    with pytest.raises(anslag.ParseError) as caught:
        pd.Series(["1 kr", None, None, "1.5 kr"], dtype="krona")
    assert caught.value.index == 3 and str(caught.value).startswith("element 3 ('1.5 kr'): ")
    assert caught.value.text == "1.5 kr"


def test_synthetic_rounds_with_every_fault(tmp_path):
    from anslag.synthetic import SYNTHETIC_FAULTS, synthetic_round, synthetic_rounds

    assert synthetic_round(5, faults=["all"]) == synthetic_round(5, faults=list(SYNTHETIC_FAULTS))
    assert len(synthetic_rounds(2, tmp_path, applications=5, faults=["all"], progress=False)) == 2
