"""read_excel finds a money column by its content and header too, and never returns one as floats
silently: a column of numbers with öre under another header is refused until money= says what it
is (docs/python.md, "Import and export")."""

import io

import openpyxl
import pytest

import anslag
from anslag import Krona
from anslag.exchange import read_excel


def sheet(columns, number_format="# ##0,00"):
    """An xlsx file of `columns` (header: values), every number cell in `number_format`."""
    book = openpyxl.Workbook()
    cells = book.active
    cells.title = "Bidrag"
    for column, (header, values) in enumerate(columns.items(), start=1):
        cells.cell(row=1, column=column, value=header)
        for row, value in enumerate(values, start=2):
            cells.cell(row=row, column=column, value=value).number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return io.BytesIO(buffer.getvalue())


@pytest.mark.parametrize("header", ["Beviljat belopp", "sökt", "Summa (kr)", "beviljat_kr", "Kronor"])
def test_whole_ore_numbers_under_a_money_header_are_a_krona_column(header):
    frame = read_excel(sheet({header: [1234.5, None, 7]}))
    assert frame[header].dtype == anslag.KronaDtype()
    assert frame[header].tolist()[0] == Krona("1 234,50 kr") and frame[header].isna().tolist() == [False, True, False]


def test_counts_and_shares_stay_numbers():
    frame = read_excel(sheet({"antal": [3, 4], "andel": [0.3333, 0.6667]}))
    assert frame["antal"].tolist() == [3, 4] and frame["andel"].tolist() == [0.3333, 0.6667]


def test_numbers_with_ore_under_another_header_are_refused_naming_the_column():
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(sheet({"ansökan": ["2024-01"], "utfall": [1234.5]}))
    assert str(caught.value) == (
        "sheet 'Bidrag', column 'utfall': numbers with at most two decimals, which may be amounts in "
        "kronor; say which: money={'utfall': True} for a krona column, False for floats")


def test_money_says_what_a_column_is():
    as_money = read_excel(sheet({"utfall": [1234.5]}), money={"utfall": True})
    assert as_money["utfall"].tolist() == [Krona("1 234,50 kr")]
    as_floats = read_excel(sheet({"utfall": [1234.5]}), money={"utfall": False})
    assert as_floats["utfall"].tolist() == [1234.5]
    assert read_excel(sheet({"belopp": [1.5]}), money={"belopp": False})["belopp"].tolist() == [1.5]


def test_money_and_krona_are_one_or_the_other():
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(sheet({"belopp": [1]}), krona=["belopp"], money={"belopp": True})
    assert str(caught.value) == ("krona names every money column, money decides a few of the detected "
                                 "ones: give one")
    with pytest.raises(anslag.NotFoundError) as missing:
        read_excel(sheet({"belopp": [1]}), money={"utfall": True})
    assert str(missing.value) == "sheet 'Bidrag' has no column 'utfall' (columns: belopp)"


def test_a_money_header_over_numbers_with_more_than_ore_is_refused():
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(sheet({"belopp": [0.125]}))
    assert str(caught.value) == ("sheet 'Bidrag', column 'belopp': a header naming money over numbers "
                                 "that are not whole öre; money={'belopp': False} reads them as floats")
    assert read_excel(sheet({"belopp": [0.125]}), money={"belopp": False})["belopp"].tolist() == [0.125]
    assert read_excel(sheet({"belopp": ["text", 1]}))["belopp"].tolist() == ["text", 1]
