"""Grant rounds by year: the rounds bundled with anslag, or any round file (docs/round-format.md)."""

from __future__ import annotations

import os
from typing import Union

from anslag import _core
from anslag._data import data_path


def bundled_rounds() -> list[int]:
    """The years of the rounds bundled with anslag, in order."""
    return sorted(int(path.stem) for path in data_path("rounds").glob("*.toml") if path.stem.isdigit())


def load_round(year_or_path: Union[int, str, os.PathLike]) -> _core.Round:
    """The bundled round of a year (``load_round(2020)``) or the round in a file.

    A year with no bundled round raises NotFoundError listing the bundled years; a file that
    cannot be loaded raises RoundFileError naming its file, line and column.
    """
    if isinstance(year_or_path, bool):
        raise TypeError("expected a year (int) or a path, not a bool")
    if isinstance(year_or_path, int):
        path = data_path("rounds", f"{year_or_path}.toml")
        if not path.is_file():
            years = ", ".join(str(year) for year in bundled_rounds())
            error = _core.NotFoundError(f"no bundled round for {year_or_path} (bundled: {years})")
            error.code = "not_found"
            raise error
        return _core.load_round(path)
    return _core.load_round(os.fspath(year_or_path))
