"""anslag.exchange against hostile tables (docs/reliability.md, "Exchange"): CSV text that a
spreadsheet program would run as a formula is written as text (OWASP's rule) unless turned off;
read_excel costs what a sheet's values span, not what its formats claim; JSON nested past
Python's recursion limit, a NaN and a table with both `x` and `x_ore` are errors that name their
place."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import anslag
from anslag import exchange

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
READ_BACK = 6  # "\rx" is one too, but a CR in a field is a line end to pandas' reader


def frame_with_formulas() -> pd.DataFrame:
    return pd.DataFrame({
        "text": FORMULAS + ["plain"],
        "number": list(range(-4, 4)),
        "amount": pd.array(["-1 234,50 kr"] + ["1 kr"] * 7, dtype="krona"),
    })


def test_csv_text_that_would_run_as_a_formula_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    exchange.to_csv(frame_with_formulas(), path)
    assert "\n'\rx;" in path.read_bytes().decode("utf-8-sig")
    read = pd.read_csv(path, sep=";", dtype={"text": str, "amount": "krona"}, keep_default_na=False, nrows=READ_BACK)
    assert list(read["text"]) == ["'" + f for f in FORMULAS[:READ_BACK]]
    assert list(read["number"]) == list(range(-4, -4 + READ_BACK))
    assert read["amount"][0] == anslag.Krona("-1 234,50 kr")


def test_csv_formula_escape_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    exchange.to_csv(frame_with_formulas(), path, escape_formulas=False)
    read = pd.read_csv(path, sep=";", dtype={"text": str}, keep_default_na=False, nrows=READ_BACK)
    assert list(read["text"]) == FORMULAS[:READ_BACK]


def test_the_command_line_escapes_csv_formulas_and_has_a_switch(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    exchange.to_json(pd.DataFrame({"text": ["=1+1", "ok"]}), source)
    assert exchange.main([str(source), str(tmp_path / "escaped.csv")]) == 0
    assert exchange.main([str(source), str(tmp_path / "raw.csv"), "--no-escape-formulas"]) == 0
    assert (tmp_path / "escaped.csv").read_text(encoding="utf-8-sig").splitlines() == ["text", "'=1+1", "ok"]
    assert (tmp_path / "raw.csv").read_text(encoding="utf-8-sig").splitlines() == ["text", "=1+1", "ok"]


def sheet_with_a_far_formatted_cell(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"] = "beviljat"
    sheet["A2"] = 1234.5
    sheet["A2"].number_format = exchange.KRONOR_FORMAT
    sheet["XFD1048576"].number_format = exchange.KRONOR_FORMAT  # formatted, empty
    book.save(path)


def test_a_formatted_empty_cell_far_away_costs_nothing(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    sheet_with_a_far_formatted_cell(path)
    start = time.process_time()
    frame = exchange.read_excel(path)
    assert time.process_time() - start < 2.0
    assert list(frame.columns) == ["beviljat"] and frame["beviljat"][0] == anslag.Krona("1 234,50 kr")


def test_values_spanning_more_cells_than_the_limit_are_refused(tmp_path: Path, monkeypatch) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "a"
    book.active["D5"] = 1
    path = tmp_path / "wide.xlsx"
    book.save(path)
    monkeypatch.setattr(exchange, "MAX_CELLS", 19)
    with pytest.raises(anslag.InvalidArgumentError) as raised:
        exchange.read_excel(path)
    assert str(raised.value) == "sheet 'Sheet': values reach cell D5, beyond the limit of 19 cells"


def test_an_xlsx_that_unpacks_past_the_limit_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "bomb.xlsx"
    sheet_with_a_far_formatted_cell(path)
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(exchange, "MAX_XLSX_BYTES", unpacked - 1)
    with pytest.raises(anslag.InvalidArgumentError) as raised:
        exchange.read_excel(path)
    assert str(raised.value) == f"{path}: the xlsx file unpacks to {unpacked} bytes, beyond the limit of {unpacked - 1}"


def test_a_nan_number_cell_names_its_sheet_and_cell(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.xlsx", tmp_path / "nan.xlsx"
    sheet_with_a_far_formatted_cell(good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b"<v>1234.5</v>" in data
                data = data.replace(b"<v>1234.5</v>", b"<v>NaN</v>")
            target.writestr(info, data)
    with pytest.raises(anslag.InvalidArgumentError) as raised:
        exchange.read_excel(bad)
    assert str(raised.value) == "sheet 'Sheet', cell A2: 'NaN' is not a number"


def test_deep_json_is_an_error_not_a_recursion_error() -> None:
    with pytest.raises(anslag.InvalidArgumentError, match=r"^JSON nested deeper than Python's recursion limit"):
        exchange.read_json(io.StringIO("[" * 100_000 + "]" * 100_000))


def test_a_nan_in_an_ore_column_names_its_record() -> None:
    with pytest.raises(anslag.InvalidArgumentError,
                       match=r"^record 1, 'granted_ore': nan is not a whole number of öre"):
        exchange.read_json(io.StringIO('[{"granted_ore": 1}, {"granted_ore": NaN}]'))


def test_a_table_with_both_x_and_x_ore_is_an_error() -> None:
    text = json.dumps([{"granted": "1 kr", "granted_ore": 100}])
    with pytest.raises(anslag.InvalidArgumentError) as raised:
        exchange.read_json(io.StringIO(text))
    assert str(raised.value) == ("columns 'granted' and 'granted_ore' both: 'granted_ore' becomes the krona column "
                                 "'granted', so one would be lost")
