"""Import and export of krona columns (anslag.exchange, docs/python.md "Import and export"): Excel
number cells in kronor, CSV with a byte-order mark, SQLite and JSON as integer öre; each an exact
round trip with unknown amounts kept unknown, and each bad value an error naming its place."""

import io
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import zipfile

import openpyxl
import pandas as pd
import pytest

import anslag
import anslag.pandas  # noqa: F401  # registers the krona dtype
from anslag import Krona
from anslag.exchange import KRONOR_FORMAT, read_excel, read_json, read_sql, to_excel, to_json, to_sql
from anslag.pandas import KronaArray

CAP_ORE = 100_000_000_000 * 100  # the largest amount a round may hold, in öre
INT64_MAX = 2**63 - 1


def amounts_frame(ore):
    return pd.DataFrame({"application": [f"A{i}" for i in range(len(ore))],
                         "granted": KronaArray.from_ore(ore)})


@pytest.fixture
def grants():
    return pd.DataFrame({
        "application": ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"],
        "forvaltning": ["Farsta", "Kista", None, "Norrmalm", "Skärholmen", "Farsta"],
        "requested": pd.Series(["120 000 kr", None, "0,07 kr", "−1 234,56 kr", "99 999 999 999,99 kr",
                                "100 000 000 000 kr"], dtype="krona"),
        "granted": pd.Series(["0 kr", "45 500,50 kr", None, "0,01 kr", "1 kr", None], dtype="krona"),
    })


def excel_bytes(frame, **options):
    buffer = io.BytesIO()
    to_excel(frame, buffer, **options)
    return buffer.getvalue()


def sheet_of(data):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def edited(data, change):
    """The xlsx `data` with its first sheet's XML passed through `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def sheet_with(values, number_format=None):
    """An xlsx file with a header "belopp" over `values` in column A."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Bidrag"
    sheet["A1"] = "belopp"
    for row, value in enumerate(values, start=2):
        sheet.cell(row=row, column=1, value=value)
        if number_format:
            sheet.cell(row=row, column=1).number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- Excel -----------------------------------------------------------------------------------------


def test_excel_amounts_are_number_cells_in_kronor_with_a_kronor_format(grants):
    sheet = sheet_of(excel_bytes(grants))
    assert [c.value for c in sheet[1]] == ["application", "forvaltning", "requested", "granted"]
    requested = [row[2] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in requested] == [120000, None, 0.07, -1234.56, 99999999999.99, 100000000000]
    assert {c.data_type for c in requested if c.value is not None} == {"n"}
    assert {c.number_format for c in requested if c.value is not None} == {KRONOR_FORMAT}
    assert KRONOR_FORMAT == '#,##0.00 "kr"'
    assert sheet["C3"].value is None  # unknown is an empty cell, never 0


def test_excel_round_trip_is_exact_including_unknown_and_the_cap(grants):
    back = read_excel(io.BytesIO(excel_bytes(grants)))
    assert back.dtypes["requested"] == anslag.KronaDtype()
    pd.testing.assert_frame_equal(back[["requested", "granted"]], grants[["requested", "granted"]])
    assert back["forvaltning"].tolist() == ["Farsta", "Kista", None, "Norrmalm", "Skärholmen", "Farsta"]


def test_excel_round_trip_of_many_amounts_below_the_exact_bound():
    generator = random.Random(13)
    ore = [generator.randint(-CAP_ORE, CAP_ORE) for _ in range(5000)]
    ore += [generator.randint(-10**15 + 1, 10**15 - 1) for _ in range(5000)]  # up to 10¹³ kr
    ore += [1, 7, 10, 99, 101, 999_999_999_999_999, -999_999_999_999_999, 0, -(10**15) + 1]
    back = read_excel(io.BytesIO(excel_bytes(amounts_frame(ore))))
    assert back["granted"].krona.ore.tolist() == ore


def test_excel_writes_text_that_looks_like_a_formula_as_text():
    frame = pd.DataFrame({"title": ['=HYPERLINK("http://example.org","x")', "+1", "@SUM(A1)"]})
    sheet = sheet_of(excel_bytes(frame))
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [
        ('=HYPERLINK("http://example.org","x")', "s"), ("+1", "s"), ("@SUM(A1)", "s")]


def test_excel_refuses_a_control_character_naming_its_place():
    frame = pd.DataFrame({"title": ["ok", "bell\x07"]})
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        to_excel(frame, io.BytesIO())
    assert str(caught.value) == "column 'title', row 1: a control character, which an xlsx file cannot hold"
    assert caught.value.code == "invalid_argument"


def test_excel_reads_a_round_frame_back():
    applications = anslag.load_round(2020).to_frame()
    back = read_excel(io.BytesIO(excel_bytes(applications, sheet_name="2020")), sheet_name="2020")
    for column in ("requested", "granted"):
        assert back[column].tolist() == applications[column].tolist()
    assert back["application"].tolist() == applications["application"].tolist()


def test_excel_float_with_more_than_two_decimals_is_an_error_never_a_rounding():
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(io.BytesIO(sheet_with([100, 1234.565], KRONOR_FORMAT)))
    assert str(caught.value) == ("sheet 'Bidrag', cell A3: 1234.565 kr has more than two decimals, "
                                 "which is not whole öre")
    with pytest.raises(anslag.InvalidArgumentError, match="cell A2: 0.001 kr has more than two"):
        read_excel(io.BytesIO(sheet_with([0.001])), krona=["belopp"])


def test_excel_number_too_large_for_whole_ore_is_an_error():
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(io.BytesIO(sheet_with([12345678901234.5])), krona=["belopp"])
    assert str(caught.value) == ("sheet 'Bidrag', cell A2: 12345678901234.5 is too large for a number "
                                 "cell to hold whole öre exactly; write it as text")


def test_excel_whole_numbers_and_texts_read_exactly_and_bad_text_names_the_cell():
    back = read_excel(io.BytesIO(sheet_with([99_999_999_999_999, "1 234,50 kr", None, "3,5 mnkr"])),
                      krona=["belopp"])
    assert back["belopp"].krona.ore.tolist() == [9_999_999_999_999_900, 123_450, pd.NA, 350_000_000]
    with pytest.raises(anslag.ParseError) as caught:
        read_excel(io.BytesIO(sheet_with(["1 kr", "12.5 kr"])), krona=["belopp"])
    assert str(caught.value).startswith("sheet 'Bidrag', cell A3: ")
    assert caught.value.position == 2
    with pytest.raises(anslag.OverflowError, match="^sheet 'Bidrag', cell A2: "):
        read_excel(io.BytesIO(sheet_with(["92 233 720 368 547 759 kr"])), krona=["belopp"])


def test_excel_amounts_beyond_the_exact_bound_are_written_as_text_and_read_back():
    ore = [10**15, -(10**15), 10**15 + 1, 2**63 - 1]
    data = excel_bytes(amounts_frame(ore))
    assert [c.data_type for c in sheet_of(data)["B"][1:]] == ["s"] * 4
    assert sheet_of(data)["B2"].value == "10\u00a0000\u00a0000\u00a0000\u00a0000\u00a0kr"
    assert read_excel(io.BytesIO(data), krona=["granted"])["granted"].krona.ore.tolist() == ore


def test_excel_cells_that_are_not_amounts_are_errors():
    import datetime

    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(io.BytesIO(sheet_with([True])), krona=["belopp"])
    assert str(caught.value) == ("sheet 'Bidrag', cell A2: True is not an amount (a number or a text "
                                 "such as '1 234,50 kr')")
    with pytest.raises(anslag.InvalidArgumentError, match="cell A2: datetime.datetime"):
        read_excel(io.BytesIO(sheet_with([datetime.datetime(2024, 1, 1)])), krona=["belopp"])


def test_excel_money_columns_are_found_by_their_kronor_format_or_named():
    swedish_currency = '#,##0.00\\ [$kr-41D]'
    assert read_excel(io.BytesIO(sheet_with([12.5], swedish_currency))).dtypes["belopp"] == anslag.KronaDtype()
    by_name = read_excel(io.BytesIO(sheet_with([12.5])))  # no kronor format, but "belopp" names money
    assert by_name["belopp"].tolist() == [Krona("12,50 kr")]
    with pytest.raises(anslag.NotFoundError) as caught:
        read_excel(io.BytesIO(sheet_with([1])), krona=["beviljat"])
    assert str(caught.value) == "sheet 'Bidrag' has no column 'beviljat' (columns: belopp)"
    with pytest.raises(anslag.NotFoundError) as caught:
        read_excel(io.BytesIO(sheet_with([1])), sheet_name="2024")
    assert str(caught.value) == "no sheet '2024' (sheets: Bidrag)"


def test_excel_formula_gives_its_saved_value_or_an_error(grants):
    data = excel_bytes(grants)
    # A formula Excel has computed and saved; and one never computed.
    saved = edited(data, lambda xml: re.sub(r'<c r="D3" s="1" t="n"><v>45500.5</v></c>',
                                            '<c r="D3" s="1"><f>45000+500.5</f><v>45500.5</v></c>', xml))
    assert read_excel(io.BytesIO(saved))["granted"][1] == Krona("45 500,50 kr")
    unsaved = edited(data, lambda xml: re.sub(r'<c r="D3" s="1" t="n"><v>45500.5</v></c>',
                                              '<c r="D3" s="1"><f>45000+500.5</f></c>', xml))
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(io.BytesIO(unsaved))
    assert str(caught.value) == ("sheet 'Sheet1', cell D3: a formula with no saved value; open and "
                                 "save the file in Excel first")


def test_excel_values_outside_the_named_columns_are_an_error():
    book = openpyxl.Workbook()
    book.active.append(["belopp"])
    book.active.append(["1 kr", "stray"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_excel(io.BytesIO(buffer.getvalue()), krona=["belopp"])
    assert str(caught.value) == "sheet 'Sheet', cell B2: a value in a column without a name"


# --- CSV with a byte-order mark (Excel's "CSV UTF-8") -----------------------------------------------


EXCEL_CSV = ("\ufeffbeviljat;förvaltning\r\n"
             "1\u00a0234,50\u00a0kr;Farsta\r\n"
             ";Kista\r\n"
             "\"-45\u00a0500 kr\";Norrmalm\r\n").encode("utf-8")


def test_csv_with_a_byte_order_mark_reads_names_and_amounts(tmp_path):
    path = tmp_path / "bidrag.csv"
    path.write_bytes(EXCEL_CSV)
    frame = pd.read_csv(path, sep=";", dtype={"beviljat": "krona"})
    assert frame.columns.tolist() == ["beviljat", "förvaltning"]
    assert frame["beviljat"].tolist() == [Krona("1 234,50 kr"), pd.NA, Krona("-45 500 kr")]


def test_csv_written_for_excel_has_a_byte_order_mark_and_reads_back_equal(tmp_path, grants):
    path = tmp_path / "bidrag.csv"
    grants.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfapplication;")
    back = pd.read_csv(path, sep=";", dtype={"requested": "krona", "granted": "krona"})
    pd.testing.assert_frame_equal(back[["requested", "granted"]], grants[["requested", "granted"]])


def test_allocate_reads_a_csv_column_after_a_byte_order_mark(tmp_path):
    path = tmp_path / "bidrag.csv"
    path.write_bytes("\ufeffbeviljat;förvaltning\r\n120 000 kr;Farsta\r\n30\u00a0000 kr;Kista\r\n".encode())
    for column in (["--column", "beviljat", "--delimiter", ";"], []):
        if not column:  # one amount a line, the first after the mark
            path.write_bytes("\ufeff120 000 kr\n30 000 kr\n".encode())
        result = subprocess.run([os.environ["ANSLAG_CLI"], "allocate", "--budget", "15 000 kr",
                                 "--strategy", "pro_rata", *column, "--format", "json", str(path)],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        grants = json.loads(result.stdout)["grants"]
        assert [g["line"] for g in grants] == ([2, 3] if column else [1, 2])
        assert [g["request"]["ore"] for g in grants] == [12_000_000, 3_000_000]
        assert [g["grant"]["ore"] for g in grants] == [1_200_000, 300_000]


# --- SQLite -------------------------------------------------------------------------------------------


def test_sql_stores_integer_ore_with_null_for_unknown(grants):
    connection = sqlite3.connect(":memory:")
    to_sql(grants, "grants", connection)
    columns = {row[1]: row[2] for row in connection.execute("PRAGMA table_info(grants)")}
    assert columns["requested_ore"] == "INTEGER" and columns["granted_ore"] == "INTEGER"
    assert connection.execute("SELECT requested_ore, typeof(requested_ore) FROM grants").fetchall() == [
        (12_000_000, "integer"), (None, "null"), (7, "integer"), (-123_456, "integer"),
        (9_999_999_999_999, "integer"), (10_000_000_000_000, "integer")]


def test_sql_round_trip_is_exact_including_unknown_and_extremes(grants):
    connection = sqlite3.connect(":memory:")
    to_sql(grants, "grants", connection)
    back = read_sql("SELECT * FROM grants", connection)
    assert back.columns.tolist() == grants.columns.tolist()
    pd.testing.assert_frame_equal(back[["requested", "granted"]], grants[["requested", "granted"]])
    extremes = amounts_frame([INT64_MAX, -INT64_MAX - 1, CAP_ORE, -CAP_ORE, None])
    to_sql(extremes, "extremes", connection)
    assert read_sql("SELECT granted_ore FROM extremes", connection)["granted"].krona.ore.tolist() == [
        INT64_MAX, -INT64_MAX - 1, CAP_ORE, -CAP_ORE, pd.NA]
    assert read_sql("SELECT granted_ore FROM grants WHERE application = ?", connection,
                    ("2024-02",))["granted"].tolist() == [Krona("45 500,50 kr")]


def test_sql_value_that_is_not_whole_ore_names_row_and_column():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (granted_ore INTEGER, note TEXT)")
    connection.executemany("INSERT INTO t VALUES (?, ?)", [(100, "a"), (None, "b"), (12.5, "c")])
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_sql("SELECT * FROM t", connection)
    assert str(caught.value) == ("row 2, column 'granted_ore': 12.5 is not a whole number of öre (the "
                                 "_ore columns hold integers, NULL when unknown)")
    connection.execute("UPDATE t SET granted_ore = '100 kr' WHERE note = 'c'")
    with pytest.raises(anslag.InvalidArgumentError, match="^row 2, column 'granted_ore': '100 kr' is not"):
        read_sql("SELECT * FROM t", connection)


def test_sql_refuses_a_krona_column_whose_ore_name_is_taken():
    frame = pd.DataFrame({"granted": KronaArray.from_ore([1]), "granted_ore": [1]})
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        to_sql(frame, "t", sqlite3.connect(":memory:"))
    assert str(caught.value) == "krona column 'granted' would become 'granted_ore', which the frame has already"


# --- JSON -------------------------------------------------------------------------------------------


def test_json_amounts_are_integer_ore_or_null_never_floats(grants):
    text = to_json(grants)
    assert text is not None
    records = json.loads(text)
    assert records[1] == {"application": "2024-02", "forvaltning": "Kista", "requested_ore": None,
                          "granted_ore": 4_550_050}
    assert all(isinstance(r["requested_ore"], (int, type(None))) for r in records)
    assert re.search(r'"requested_ore":-?\d+[.eE]', text) is None


def test_json_round_trip_is_exact_through_a_file(tmp_path, grants):
    path = tmp_path / "grants.json"
    to_json(grants, path)
    back = read_json(path)
    pd.testing.assert_frame_equal(back[["requested", "granted"]], grants[["requested", "granted"]])
    extremes = amounts_frame([INT64_MAX, -INT64_MAX - 1, CAP_ORE, None])
    assert read_json(io.StringIO(to_json(extremes)))["granted"].krona.ore.tolist() == [
        INT64_MAX, -INT64_MAX - 1, CAP_ORE, pd.NA]


def test_json_value_that_is_not_whole_ore_names_record_and_member():
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_json(io.StringIO('[{"granted_ore": 100}, {"granted_ore": 100.0}]'))
    assert str(caught.value) == ("record 1, 'granted_ore': 100.0 is not a whole number of öre (the _ore "
                                 "columns hold integers, NULL when unknown)")
    with pytest.raises(anslag.OverflowError) as caught:
        read_json(io.StringIO('[{"granted_ore": 9223372036854775808}]'))
    assert str(caught.value) == "record 0, 'granted_ore': 9223372036854775808 öre is beyond the range of amounts"
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        read_json(io.StringIO('{"granted_ore": [1]}'))
    assert str(caught.value) == "JSON of a frame is an array of records (objects), as to_json writes"


def test_json_records_missing_a_member_read_it_as_unknown():
    back = read_json(io.StringIO('[{"a": "x", "granted_ore": 5}, {"a": "y"}]'))
    assert back["granted"].tolist() == [Krona.from_ore(5), pd.NA]


# --- the command line ---------------------------------------------------------------------------------


def exchange(*args):
    return subprocess.run([sys.executable, "-m", "anslag.exchange", *map(str, args)],
                          capture_output=True, text=True, check=False)


def test_the_command_line_converts_through_every_format_exactly(tmp_path, grants):
    start = tmp_path / "bidrag.xlsx"
    to_excel(grants, start, sheet_name="2024")
    steps = [(start, tmp_path / "bidrag.sqlite", ["--sheet", "2024", "--table", "bidrag"]),
             (tmp_path / "bidrag.sqlite", tmp_path / "bidrag.json", ["--table", "bidrag"]),
             (tmp_path / "bidrag.json", tmp_path / "bidrag.csv", []),
             (tmp_path / "bidrag.csv", tmp_path / "back.xlsx", ["--krona", "requested", "--krona", "granted"])]
    for source, target, options in steps:
        result = exchange(source, target, *options)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"{target}: 6 rows, money columns: requested, granted\n"
    assert (tmp_path / "bidrag.csv").read_bytes().startswith(b"\xef\xbb\xbfapplication;")
    back = read_excel(tmp_path / "back.xlsx")
    pd.testing.assert_frame_equal(back[["requested", "granted"]], grants[["requested", "granted"]])


def test_the_command_line_names_a_bad_cell_and_exits_2(tmp_path):
    source = tmp_path / "bidrag.xlsx"
    source.write_bytes(sheet_with([100, 1234.565], KRONOR_FORMAT))
    result = exchange(source, tmp_path / "out.json")
    assert result.returncode == 2
    assert result.stderr == ("anslag.exchange: sheet 'Bidrag', cell A3: 1234.565 kr has more than two "
                             "decimals, which is not whole öre\n")
    assert not (tmp_path / "out.json").exists()  # nothing half-done
    result = exchange(source, tmp_path / "out.db")
    assert (result.returncode, result.stderr) == (2, f"anslag.exchange: {tmp_path / 'out.db'}: a database needs --table\n")
    result = exchange(source, tmp_path / "out.txt")
    assert result.returncode == 2
    assert result.stderr == (f"anslag.exchange: {tmp_path / 'out.txt'}: unknown kind of file (.xlsx, .csv, "
                             ".json, .sqlite or .db)\n")
