"""Frames with ``krona`` columns to and from Excel, SQL and JSON, exactly (docs/python.md,
"Import and export").

Two conventions, one for people and one for programs:

- **Excel** (``to_excel``/``read_excel``, through Debian's python3-openpyxl): an amount is a number
  cell in kronor with the number format ``#,##0.00 "kr"``, so Excel sums and sorts it; an unknown
  amount is an empty cell. An xlsx number is a binary double (ECMA-376; Excel itself stores 0,07 as
  7.0000000000000007E-2), so a cell is read back through its shortest decimal form,
  ``Decimal(repr(value))``: exact for every whole-öre amount below 10¹³ kr (at most 15 significant
  digits, which a double always gives back), and an error, never a rounding, for a number with
  more than two decimals or beyond that bound. Text cells are read as amounts in Swedish form.
- **SQL and JSON** (``to_sql``/``read_sql`` with sqlite3, ``to_json``/``read_json``): an amount is
  an integer count of öre in a column whose name ends in ``_ore`` (``granted`` becomes
  ``granted_ore INTEGER``), NULL/``null`` when unknown; reading turns each ``_ore`` column back into
  a ``krona`` column without the suffix. Anything but a whole number there is an error naming the
  row and column.

CSV is read by pandas itself: ``pd.read_csv(path, dtype={"beviljat": "krona"})`` reads Excel's
"CSV UTF-8" (byte-order mark included). ``to_csv`` here writes one Excel opens as UTF-8, with every
text cell that a spreadsheet program would take for a formula (starting with ``= + - @``, a tab or
a CR) prefixed with ``'``, OWASP's rule for CSV injection; ``escape_formulas=False`` turns that off.

Every reader is bounded by its input (docs/reliability.md, "Exchange"): a sheet is read within the
extent of its values (a formatted empty cell far away costs nothing) up to ``MAX_CELLS`` cells, an
xlsx file up to ``MAX_XLSX_BYTES`` of uncompressed content, JSON to Python's recursion limit.
"""

from __future__ import annotations

import datetime
import decimal
import json
import os
import pathlib
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

import numpy as np
import pandas as pd

from anslag._core import InvalidArgumentError, Krona, NotFoundError, OverflowError, ParseError
from anslag.pandas import KronaArray, KronaDtype

__all__ = ["KRONOR_FORMAT", "MAX_CELLS", "MAX_XLSX_BYTES", "convert", "main", "read_excel",
           "read_json", "read_sql", "to_csv", "to_excel", "to_json", "to_sql"]

KRONOR_FORMAT = '#,##0.00 "kr"'
"""The number format of amount cells: "1 234,50 kr" in Swedish Excel, "1,234.50 kr" in English."""

MAX_CELLS = 10_000_000
"""The most cells read_excel reads from a sheet: rows times columns of the extent of its values."""

MAX_XLSX_BYTES = 512 << 20
"""The most an xlsx file may unpack to (the sum of its parts' sizes), checked before it is parsed."""

_ORE_SUFFIX = "_ore"
# Below 10**13 kr, an amount in kronor with two decimals has at most 15 significant digits, and
# every decimal of at most 15 significant digits is the shortest form of its nearest double.
_EXACT_KRONOR = decimal.Decimal(10) ** 13
_TWO_DECIMALS = decimal.Decimal("0.01")

Path = str | os.PathLike[str]


def _error(kind: type[Exception], code: str, message: str, **where: object) -> Exception:
    """An anslag error raised from Python, with its code and where it happened as attributes."""
    error = kind(message)
    error.code = code  # type: ignore[attr-defined]
    for name, value in where.items():
        setattr(error, name, value)
    return error


def _krona_columns(frame: pd.DataFrame) -> list[Any]:
    return [c for c, dtype in frame.dtypes.items() if isinstance(dtype, KronaDtype)]


# --- Excel -------------------------------------------------------------------------------------------


def _kronor_cell(ore: int) -> int | float | str:
    # The double nearest to the amount (Python's int / int is correctly rounded), which
    # _read_amount_cell gives back exactly below 10**13 kr; whole kronor as an int. openpyxl
    # writes 16 significant digits, so from 10**13 kr on an amount is written as its text.
    if abs(ore) >= _EXACT_KRONOR * 100:
        return str(Krona.from_ore(ore))
    return ore // 100 if ore % 100 == 0 else ore / 100


def _amount_cell(cell: Any, ore: int) -> None:
    cell.value = _kronor_cell(ore)
    cell.number_format = KRONOR_FORMAT
    if isinstance(cell.value, str):
        cell.data_type = "s"


def _plain_cell(value: Any) -> Any:
    """A value of a non-money column as openpyxl takes it; a list (co-applicants) as its items."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if value is None or (not isinstance(value, (str, bytes)) and pd.api.types.is_scalar(value)
                         and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (str, int, float, decimal.Decimal, datetime.date, datetime.time)):
        return value
    return str(value)


def to_excel(frame: pd.DataFrame, path: Path | IO[bytes], *, sheet_name: str = "Sheet1") -> None:
    """Writes ``frame`` (without its index) to one sheet of a new xlsx file: a header row, then a
    row per row. ``krona`` columns, and Krona values anywhere, become number cells in kronor with
    ``KRONOR_FORMAT``; unknown amounts become empty cells. Text is always text, also when it
    starts with "=" (no formula comes from data)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    money = set(_krona_columns(frame))
    for column, name in enumerate(frame.columns, start=1):
        sheet.cell(row=1, column=column, value=str(name)).data_type = "s"
        if name in money:
            sheet.column_dimensions[get_column_letter(column)].width = 18
            array: KronaArray = frame[name].array
            for row, (ore, unknown) in enumerate(zip(array._data.tolist(), array._mask.tolist()), start=2):
                if not unknown:
                    _amount_cell(sheet.cell(row=row, column=column), ore)
            continue
        for row, value in enumerate(frame[name].tolist(), start=2):
            if isinstance(value, Krona):
                _amount_cell(sheet.cell(row=row, column=column), value.ore)
                continue
            try:
                cell = sheet.cell(row=row, column=column, value=_plain_cell(value))
            except IllegalCharacterError:
                raise _error(InvalidArgumentError, "invalid_argument",
                             f"column {name!r}, row {row - 2}: a control character, which an xlsx "
                             "file cannot hold", column=name, row=row - 2) from None
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: "=..." from data is no formula
    sheet.freeze_panes = "A2"
    book.save(path)


def _read_amount_cell(value: Any, where: str) -> int | None:
    """The öre of one cell of a money column, None when empty (unknown)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return Krona(value).ore
        except ParseError as error:
            raise _error(ParseError, "parse", f"{where}: {error}", position=error.position) from None
        except OverflowError as error:
            raise _error(OverflowError, "overflow", f"{where}: {error}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"{where}: {value!r} is not an amount (a number or a text such as '1 234,50 kr')")
    # Through the shortest decimal form of the double, never its binary expansion: see the module
    # docstring for why this is exact below 10**13 kr.
    kronor = decimal.Decimal(value) if isinstance(value, int) else decimal.Decimal(repr(value))
    if not kronor.is_finite():
        raise _error(InvalidArgumentError, "invalid_argument", f"{where}: {value!r} is not an amount")
    if isinstance(value, float) and abs(kronor) >= _EXACT_KRONOR:
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"{where}: {value!r} is too large for a number cell to hold whole öre exactly; "
                     "write it as text")
    if kronor != kronor.quantize(_TWO_DECIMALS, rounding=decimal.ROUND_DOWN):
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"{where}: {value!r} kr has more than two decimals, which is not whole öre")
    try:
        return Krona(kronor).ore
    except OverflowError as error:
        raise _error(OverflowError, "overflow", f"{where}: {error}") from None


def _is_kronor_format(number_format: str) -> bool:
    # Ours, and Excel's Swedish currency formats: #,##0.00 "kr" and #,##0.00 [$kr-41D].
    return '"kr"' in number_format or "[$kr" in number_format


# Words of a header that name money, in Swedish and English: "Sökt belopp (kr)", "beviljat_kr".
MONEY_WORDS = frozenset({"belopp", "kr", "kronor", "sek", "sökt", "sokt", "beviljat", "beviljad",
                         "beviljade", "bidrag", "summa", "budget", "kostnad", "amount", "requested",
                         "granted"})


def _names_money(header: str) -> bool:
    return any(word in MONEY_WORDS for word in re.findall(r"[^\W\d_]+", header.lower()))


def _whole_ore(value: Any) -> bool:
    """A number cell that is a whole count of öre in kronor: at most two decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    kronor = decimal.Decimal(value) if isinstance(value, int) else decimal.Decimal(repr(value))
    return kronor.is_finite() and kronor == kronor.quantize(_TWO_DECIMALS, rounding=decimal.ROUND_DOWN)


def _money_by_content(name: str, values: Sequence[Any], where: str) -> bool:
    """Whether an undeclared column is money: numbers that are all whole öre under a header that
    names money. Numbers with öre under any other header may be money too: refused, since read as
    floats they would lose exactness unnoticed, until money= says which they are."""
    numbers = [v for v in values if v is not None]
    if not numbers or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers):
        return False
    if not all(_whole_ore(v) for v in numbers):
        if _names_money(name):
            raise _error(InvalidArgumentError, "invalid_argument",
                         f"{where}: a header naming money over numbers that are not whole öre; "
                         f"money={{{name!r}: False}} reads them as floats")
        return False
    if _names_money(name):
        return True
    if any(isinstance(v, float) and not v.is_integer() for v in numbers):
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"{where}: numbers with at most two decimals, which may be amounts in kronor; "
                     f"say which: money={{{name!r}: True}} for a krona column, False for floats")
    return False


def _has_columns(sheet: str, names: Sequence[str], wanted: Iterable[str]) -> None:
    for name in wanted:
        if name not in names:
            raise _error(NotFoundError, "not_found",
                         f"sheet {sheet!r} has no column {name!r} (columns: {', '.join(names)})")


def _name_of(path: Path | IO[bytes]) -> str:
    return os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(getattr(path, "name", "the xlsx file"))


def _check_unpacked_size(path: Path | IO[bytes]) -> None:
    """Refuses an xlsx file whose parts unpack to more than MAX_XLSX_BYTES, before openpyxl
    parses any of them: a few kilobytes of zip can hold gigabytes of sheet."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return  # openpyxl says what the file is not
    finally:
        if hasattr(path, "seek"):
            path.seek(0)
    if unpacked > MAX_XLSX_BYTES:
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"{_name_of(path)}: the xlsx file unpacks to {unpacked} bytes, beyond the "
                     f"limit of {MAX_XLSX_BYTES}")


def _load_workbook(path: Path | IO[bytes], *, data_only: bool) -> Any:
    """openpyxl's workbook, with a number cell it cannot read (``<v>NaN</v>``, which openpyxl
    takes to ``int()`` and fails on without saying where) an error naming the sheet and cell."""
    from openpyxl import load_workbook

    try:
        if isinstance(path, (str, os.PathLike)):
            # Opened here, so that the file is closed when openpyxl fails half-way too.
            with open(path, "rb") as file:
                return load_workbook(file, data_only=data_only)
        return load_workbook(path, data_only=data_only)
    except ValueError:
        found = _unreadable_number(path)
        if found is None:
            raise
        sheet, cell, value = found
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"sheet {sheet!r}, cell {cell}: {value!r} is not a number") from None


def _unreadable_number(path: Path | IO[bytes]) -> tuple[str, str, str] | None:
    """The first number cell of an xlsx file whose value is no finite number: (sheet, cell, value)."""
    import math
    import posixpath
    import xml.etree.ElementTree as ElementTree
    import zipfile

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    relationships = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    if hasattr(path, "seek"):
        path.seek(0)
    with zipfile.ZipFile(path) as archive:
        # A target is relative to xl/, or absolute in the package ("/xl/worksheets/sheet1.xml").
        targets = {r.get("Id"): posixpath.normpath(posixpath.join("/xl", r.get("Target", "")))[1:]
                   for r in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))}
        for sheet in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(main + "sheet"):
            part = targets.get(sheet.get(relationships + "id"))
            if part is None or part not in archive.namelist():
                continue
            with archive.open(part) as stream:
                for _, element in ElementTree.iterparse(stream):
                    if element.tag != main + "c":
                        continue
                    value = element.find(main + "v")
                    if element.get("t", "n") == "n" and value is not None and value.text is not None:
                        try:
                            number = float(value.text)
                        except ValueError:
                            number = math.nan
                        if not math.isfinite(number):
                            return sheet.get("name", ""), element.get("r", ""), value.text
                    element.clear()
    return None


def _rows_with_values(sheet: Any) -> list[list[Any]]:
    """The rows of ``sheet`` within the extent of its values. openpyxl's own extent (what
    iter_rows walks) also counts cells that only carry a format: one formatted empty cell at
    XFD1048576 made it 17 billion cells. A cell with a value far away is refused by MAX_CELLS."""
    from openpyxl.utils import get_column_letter

    # _cells holds only the cells the file has, keyed (row, column): the one way to find the
    # extent of the values without walking the declared extent.
    placed = [key for key, cell in sheet._cells.items() if cell.value is not None]
    if not placed:
        return []
    last_row = max(row for row, _ in placed)
    last_column = max(column for _, column in placed)
    if last_row * last_column > MAX_CELLS:
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"sheet {sheet.title!r}: values reach cell {get_column_letter(last_column)}{last_row}, "
                     f"beyond the limit of {MAX_CELLS} cells")
    return [list(r) for r in sheet.iter_rows(min_row=1, max_row=last_row, min_col=1, max_col=last_column)]


def read_excel(path: Path | IO[bytes], *, sheet_name: str | None = None,
               krona: Iterable[str] | None = None, money: dict[str, bool] | None = None) -> pd.DataFrame:
    """Reads one sheet (the first unless named) whose first row names the columns.

    ``krona`` names the money columns; by default they are the columns with a cell in a kronor
    number format (as ``to_excel`` writes), and the columns of numbers that are all whole öre
    under a header naming money (a word of ``MONEY_WORDS``: belopp, kr, sökt, beviljat, ...). A
    column of numbers with öre under another header is an error naming it: ``money`` says what
    each such column is (``{"andel": False}``: floats; True: a krona column), and overrides the
    detection for the columns it names. A money cell is a number in kronor with at most two
    decimals, a text amount ("1 234,50 kr"), or empty (unknown); anything else is an error naming
    the sheet and cell. A formula gives the value Excel last saved for it (an error if none).
    Other columns are as openpyxl reads them (numbers, text, dates), empty cells None. An empty
    row before the last one is a row of unknowns."""
    _check_unpacked_size(path)
    book = _load_workbook(path, data_only=False)
    if sheet_name is not None and sheet_name not in book.sheetnames:
        raise _error(NotFoundError, "not_found",
                     f"no sheet {sheet_name!r} (sheets: {', '.join(book.sheetnames)})")
    sheet = book[sheet_name] if sheet_name is not None else book.worksheets[0]
    rows = _rows_with_values(sheet)
    if not rows:
        return pd.DataFrame()
    header = rows[0]
    while header and header[-1].value is None:
        header.pop()
    names: list[str] = []
    for cell in header:
        if cell.value is None:
            raise _error(InvalidArgumentError, "invalid_argument",
                         f"sheet {sheet.title!r}, cell {cell.coordinate}: a column without a name")
        names.append(str(cell.value))
    body = rows[1:]
    # Only trailing empty rows go (Excel keeps formatted ones): an empty row among the others is
    # a row of unknowns, which dropping would hide.
    while body and all(c.value is None for c in body[-1]):
        body.pop()
    for row in body:
        for cell in row[len(names):]:
            if cell.value is not None:
                raise _error(InvalidArgumentError, "invalid_argument",
                             f"sheet {sheet.title!r}, cell {cell.coordinate}: a value in a column "
                             "without a name")
    if krona is not None and money is not None:
        raise _error(InvalidArgumentError, "invalid_argument",
                     "krona names every money column, money decides a few of the detected ones: give one")
    if krona is None:
        said = money or {}
        _has_columns(sheet.title, names, said)
        found: set[int] = set()
        for i, name in enumerate(names):
            cells = [r[i] for r in body if i < len(r)]
            if name in said:
                money_column = said[name]
            else:
                # Formulas are judged by their format only: their values would need a second load.
                money_column = any(_is_kronor_format(c.number_format) for c in cells) or _money_by_content(
                    name, [c.value for c in cells if c.data_type != "f"],
                    f"sheet {sheet.title!r}, column {name!r}")
            if money_column:
                found.add(i)
        money_columns = found
    else:
        wanted = list(krona)
        _has_columns(sheet.title, names, wanted)
        money_columns = {names.index(name) for name in wanted}
    cached: Any = None  # the values Excel saved for formulas, loaded only if there is a formula

    def value_of(cell: Any) -> Any:
        nonlocal cached
        if cell.data_type != "f":
            return cell.value
        if cached is None:
            if hasattr(path, "seek"):
                path.seek(0)
            cached = _load_workbook(path, data_only=True)[sheet.title]
        value = cached[cell.coordinate].value
        if value is None:
            raise _error(InvalidArgumentError, "invalid_argument",
                         f"sheet {sheet.title!r}, cell {cell.coordinate}: a formula with no saved "
                         "value; open and save the file in Excel first")
        return value

    columns: dict[str, Any] = {}
    for i, name in enumerate(names):
        cells = [row[i] if i < len(row) else None for row in body]
        if i in money_columns:
            ore = [None if cell is None else
                   _read_amount_cell(value_of(cell), f"sheet {sheet.title!r}, cell {cell.coordinate}")
                   for cell in cells]
            columns[name] = KronaArray.from_ore(ore)
        else:
            columns[name] = pd.Series([None if c is None else value_of(c) for c in cells],
                                      dtype=object).infer_objects()
    return pd.DataFrame(columns)


# --- SQL and JSON: integer öre in columns named *_ore -------------------------------------------------


def _with_ore_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each krona column ``x`` replaced, in place, by ``x_ore`` (Int64 öre)."""
    renamed: dict[Any, str] = {}
    for name in _krona_columns(frame):
        if not isinstance(name, str):
            raise TypeError(f"a krona column needs a str name to become {name!r}{_ORE_SUFFIX}")
        target = name + _ORE_SUFFIX
        if target in frame.columns:
            raise _error(InvalidArgumentError, "invalid_argument",
                         f"krona column {name!r} would become {target!r}, which the frame has already")
        renamed[name] = target
    if not renamed:
        return frame
    out = frame.copy(deep=False)
    for name in renamed:
        out[name] = out[name].array.to_ore()
    return out.rename(columns=renamed)


def _frame_from_columns(names: Sequence[str], rows: Sequence[Sequence[Any]],
                        where: Callable[[int, str], str]) -> pd.DataFrame:
    """A frame of ``rows``: each ``*_ore`` column, which must hold ints or None, becomes a krona
    column without the suffix; ``where(row, column)`` names a bad value's place."""
    for name in names:
        if name.endswith(_ORE_SUFFIX) and name[:-len(_ORE_SUFFIX)] in names:
            raise _error(InvalidArgumentError, "invalid_argument",
                         f"columns {name[:-len(_ORE_SUFFIX)]!r} and {name!r} both: {name!r} becomes the "
                         f"krona column {name[:-len(_ORE_SUFFIX)]!r}, so one would be lost",
                         column=name)
    columns: dict[str, Any] = {}
    for i, name in enumerate(names):
        values = [row[i] for row in rows]
        if name.endswith(_ORE_SUFFIX) and len(name) > len(_ORE_SUFFIX):
            for r, value in enumerate(values):
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise _error(InvalidArgumentError, "invalid_argument",
                                 f"{where(r, name)}: {value!r} is not a whole number of öre (the "
                                 f"{_ORE_SUFFIX} columns hold integers, NULL when unknown)",
                                 row=r, column=name)
                if value is not None and not -2**63 <= value < 2**63:
                    raise _error(OverflowError, "overflow",
                                 f"{where(r, name)}: {value} öre is beyond the range of amounts",
                                 row=r, column=name)
            columns[name[:-len(_ORE_SUFFIX)]] = KronaArray.from_ore(values)
        else:
            columns[name] = pd.Series(values, dtype=object).infer_objects()
    return pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))


def to_sql(frame: pd.DataFrame, table: str, connection: sqlite3.Connection, *,
           if_exists: str = "fail", index: bool = False) -> None:
    """``frame.to_sql`` with each krona column ``x`` as ``x_ore INTEGER`` (NULL when unknown)."""
    out = _with_ore_columns(frame)
    ore_columns = [c for c in out.columns if c not in frame.columns]
    out.to_sql(table, connection, if_exists=if_exists, index=index,
               dtype={c: "INTEGER" for c in ore_columns})


def read_sql(sql: str, connection: sqlite3.Connection, params: Sequence[Any] | dict[str, Any] = ()
             ) -> pd.DataFrame:
    """The rows of a query; each ``x_ore`` column becomes the krona column ``x``, never through a
    float (``pd.read_sql`` makes an integer column with NULLs float64). A value there that is not
    an integer (SQLite keeps any type in any column) is an error naming row (from 0) and column."""
    cursor = connection.execute(sql, params)
    names = [d[0] for d in cursor.description] if cursor.description else []
    return _frame_from_columns(names, cursor.fetchall(), lambda r, c: f"row {r}, column {c!r}")


def to_json(frame: pd.DataFrame, path: Path | IO[str] | None = None) -> str | None:
    """The frame as a JSON array of records, each krona column ``x`` as ``"x_ore"``: an integer
    count of öre or null, never a float; dates in ISO 8601. The index is not written. Returns the
    text when ``path`` is None."""
    return _with_ore_columns(frame).to_json(path, orient="records", date_format="iso",  # type: ignore[no-any-return]
                                            force_ascii=False)


def read_json(source: Path | IO[str]) -> pd.DataFrame:
    """A frame from a JSON array of records (a path or an open text file; ``io.StringIO(text)``
    for a str), each ``"x_ore"`` member becoming the krona column ``x``. A member there that is
    not an integer or null is an error naming the record (from 0) and member; so are both ``x`` and
    ``x_ore`` in one table, and nesting deeper than Python's recursion limit."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8") as file:
            text = file.read()
    else:
        text = source.read()
    try:
        records = json.loads(text)
    except RecursionError:
        # Python's json recurses once per level of nesting; past the interpreter's limit it fails
        # with a traceback that names nothing, where this names the input and the limit.
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"JSON nested deeper than Python's recursion limit ({sys.getrecursionlimit()} levels); "
                     "a frame's records are two levels deep") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise _error(InvalidArgumentError, "invalid_argument",
                     "JSON of a frame is an array of records (objects), as to_json writes")
    names = list(dict.fromkeys(name for record in records for name in record))
    rows = [[record.get(name) for name in names] for record in records]
    return _frame_from_columns(names, rows, lambda r, c: f"record {r}, {c!r}")


# --- CSV -----------------------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _as_text(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def to_csv(frame: pd.DataFrame, path: Path | IO[str], *, sep: str = ";", escape_formulas: bool = True) -> None:
    """Writes ``frame`` (without its index) as CSV that Excel opens as UTF-8 (a byte-order mark),
    ``krona`` columns in Swedish text. A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab
    or a CR is written with a ``'`` before it (OWASP's rule against CSV injection), which
    spreadsheet programs show as the text itself, never running ``=HYPERLINK(...)`` or
    ``=cmd|' /C calc'!A0``; numbers and amounts are written as they are. ``escape_formulas=False``
    writes every text as it is, for a program that reads the CSV as data."""
    out = frame
    if escape_formulas:
        texts = [c for c, dtype in frame.dtypes.items() if not isinstance(dtype, KronaDtype)
                 and (pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype))]
        if texts:
            out = frame.copy(deep=False)
            for column in texts:
                out[column] = frame[column].map(_as_text)
    out.to_csv(path, sep=sep, index=False, encoding="utf-8-sig")


# --- the command line: python3 -m anslag.exchange IN OUT ---------------------------------------------

_SUFFIXES = {".xlsx": "excel", ".csv": "csv", ".json": "json", ".sqlite": "sql", ".db": "sql"}


def _format_of(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in _SUFFIXES:
        raise _error(InvalidArgumentError, "invalid_argument",
                     f"{path}: unknown kind of file (.xlsx, .csv, .json, .sqlite or .db)")
    return _SUFFIXES[suffix]


def _table_of(path: str, table: str | None) -> str:
    if table is None:
        raise _error(InvalidArgumentError, "invalid_argument", f"{path}: a database needs --table")
    return table


def convert(source: str, target: str, *, krona: Sequence[str] | None = None, sheet: str | None = None,
            table: str | None = None, sep: str = ";", escape_formulas: bool = True) -> pd.DataFrame:
    """Reads ``source`` and writes ``target``, each an .xlsx, .csv, .json or SQLite (.sqlite, .db)
    file chosen by its suffix, with the conventions of this module; returns the frame. ``krona``
    names the money columns of an Excel sheet (found by their format otherwise) or of a CSV file
    (which has no other way to say so); ``sheet`` and ``table`` name where to read and write;
    ``escape_formulas`` is to_csv's."""
    kind, target_kind = _format_of(source), _format_of(target)
    if target_kind == "sql":
        _table_of(target, table)  # before any reading
    if kind == "excel":
        frame = read_excel(source, sheet_name=sheet, krona=krona)
    elif kind == "csv":
        frame = pd.read_csv(source, sep=sep, dtype={name: "krona" for name in krona or ()})
    elif kind == "json":
        frame = read_json(source)
    else:
        quoted = '"' + _table_of(source, table).replace('"', '""') + '"'
        connection = sqlite3.connect(pathlib.Path(source).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            frame = read_sql(f"SELECT * FROM {quoted}", connection)
        finally:
            connection.close()
    if target_kind == "excel":
        to_excel(frame, target, sheet_name=sheet or "Sheet1")
    elif target_kind == "csv":
        to_csv(frame, target, sep=sep, escape_formulas=escape_formulas)
    elif target_kind == "json":
        to_json(frame, target)
    else:
        connection = sqlite3.connect(target)
        try:
            with connection:
                to_sql(frame, _table_of(target, table), connection)
        finally:
            connection.close()
    return frame


def main(argv: Sequence[str] | None = None) -> int:
    """``python3 -m anslag.exchange IN OUT [--krona COLUMN]... [--sheet NAME] [--table NAME]
    [--sep C] [--no-escape-formulas]``: 0 when written, 2 with a message on a bad file or value."""
    import argparse

    from anslag._core import Error

    parser = argparse.ArgumentParser(prog="python3 -m anslag.exchange",
                                     description="Converts a table with amounts between Excel, CSV "
                                                 "(UTF-8 with a byte-order mark), JSON and SQLite, exactly.")
    parser.add_argument("source", help="the file to read: .xlsx, .csv, .json, .sqlite or .db")
    parser.add_argument("target", help="the file to write, of one of those kinds")
    parser.add_argument("--krona", action="append", metavar="COLUMN",
                        help="a money column of the Excel or CSV input (repeatable)")
    parser.add_argument("--sheet", help="the sheet to read, and the name of the sheet written")
    parser.add_argument("--table", help="the table to read from or write to a database")
    parser.add_argument("--sep", default=";", help="the CSV field separator (default ';')")
    parser.add_argument("--no-escape-formulas", dest="escape_formulas", action="store_false",
                        help="write CSV text cells starting with = + - @ as they are, without the ' "
                             "that keeps a spreadsheet program from running them as formulas")
    options = parser.parse_args(argv)
    try:
        frame = convert(options.source, options.target, krona=options.krona, sheet=options.sheet,
                        table=options.table, sep=options.sep, escape_formulas=options.escape_formulas)
    except (Error, OSError, ValueError) as error:
        print(f"anslag.exchange: {error}", file=sys.stderr)
        return 2
    except sqlite3.Error as error:
        print(f"anslag.exchange: {options.source} or {options.target}: {error}", file=sys.stderr)
        return 2
    print(f"{options.target}: {len(frame)} rows, money columns: "
          f"{', '.join(map(str, _krona_columns(frame))) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
