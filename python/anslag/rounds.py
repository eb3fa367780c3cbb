"""Grant rounds by year: the rounds bundled with anslag, or any round file (docs/round-format.md)."""

from __future__ import annotations

import operator
import os
from typing import SupportsIndex, Union

from anslag import _core
from anslag._data import data_path


def bundled_rounds() -> list[int]:
    """The years of the rounds bundled with anslag, in order."""
    return sorted(int(path.stem) for path in data_path("rounds").glob("*.toml") if path.stem.isdigit())


def load_round(year_or_path: Union[int, SupportsIndex, str, os.PathLike[str]]) -> _core.Round:
    """The bundled round of a year (``load_round(2020)``, also a numpy integer or the text
    ``"2020"`` when no file of that name exists) or the round in a file.

    A year with no bundled round raises NotFoundError listing the bundled years; a file that
    cannot be loaded raises RoundFileError naming its file, line and column.
    """
    if isinstance(year_or_path, bool):
        raise TypeError("expected a year (int) or a path, not a bool")
    if isinstance(year_or_path, str) and year_or_path.isdigit() and not os.path.exists(year_or_path):
        year_or_path = int(year_or_path)
    if not isinstance(year_or_path, (str, os.PathLike)):
        try:
            year_or_path = operator.index(year_or_path)
        except TypeError:
            raise TypeError(f"expected a year (int) or a path, not {type(year_or_path).__name__}") from None
    if isinstance(year_or_path, int):
        path = data_path("rounds", f"{year_or_path}.toml")
        if not path.is_file():
            years = ", ".join(str(year) for year in bundled_rounds())
            error = _core.NotFoundError(f"no bundled round for {year_or_path} (bundled: {years})")
            error.code = "not_found"
            raise error
        return _core.load_round(path)
    return _core.load_round(os.fspath(year_or_path))
