"""Grant rounds by year: the rounds bundled with anslag, or any round file (docs/round-format.md);
many rounds at once (``load_rounds``, ``Rounds``)."""

from __future__ import annotations

import datetime
import operator
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Optional, SupportsIndex, Union

from anslag import _core
from anslag._data import data_path

if TYPE_CHECKING:
    import pandas as pd

    from anslag.units import Units


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


_Paths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]], None]


def _round_paths(folder_or_paths: _Paths) -> list[str]:
    if folder_or_paths is None:
        return [os.fspath(data_path("rounds", f"{year}.toml")) for year in bundled_rounds()]
    if isinstance(folder_or_paths, (str, os.PathLike)):
        folder_or_paths = [folder_or_paths]
    paths: list[str] = []
    for path in folder_or_paths:
        path = os.fspath(path)
        paths.extend(os.fspath(p) for p in _core.round_files(path)) if os.path.isdir(path) else paths.append(path)
    return paths


def load_rounds(folder_or_paths: _Paths = None, units: Units = None) -> Rounds:
    """Many rounds: the bundled ones (no argument), every ``*.toml`` in a folder, or the files and
    folders listed. A folder without round files raises NotFoundError; a file that does not load
    raises RoundFileError naming its file, line and column (nothing is half-loaded). ``units``:
    the unit registry of the rounds' organisation, or its file's path (default: the bundled one)."""
    return Rounds([_core.load_round(path) for path in _round_paths(folder_or_paths)], units)


class Rounds:
    """Rounds read together: iterate over them, ``len()``, ``rounds[2024]`` for a year's round,
    ``to_frame()`` for every application of every round, ``audit()`` for the reports with the
    checks across rounds (docs/audit.md, "Across rounds")."""

    def __init__(self, rounds: Iterable[_core.Round], units: Units = None) -> None:
        from anslag.units import registry_of

        self._rounds = list(rounds)
        self._registry = registry_of(units)

    def __iter__(self) -> Iterator[_core.Round]:
        return iter(self._rounds)

    def __len__(self) -> int:
        return len(self._rounds)

    def __getitem__(self, year: int) -> _core.Round:
        """The round of ``year``: KeyError when none is read, InvalidArgumentError when two are."""
        found = [r for r in self._rounds if r.year == year]
        if not found:
            raise KeyError(year)
        if len(found) > 1:
            files = ", ".join(r.file for r in found)
            error = _core.InvalidArgumentError(f"several rounds for {year}: {files}")
            error.code = "invalid_argument"
            raise error
        return found[0]

    def __repr__(self) -> str:
        return f"<Rounds {', '.join(str(r.year) for r in self._rounds)}>"

    @property
    def years(self) -> list[int]:
        return [r.year for r in self._rounds]

    def to_frame(self, on: Union[datetime.date, str, None] = None) -> pd.DataFrame:
        """Every application of every round (``Round.to_frame()``'s columns, ``year`` among them),
        with ``file`` first and ``forvaltning_on``: the förvaltning of the application's unit as it
        stood on ``on`` (default: the latest round's date), following the registry's mergers
        (``anslag.frames.forvaltning_on``), so that one förvaltning has one name across the years.
        ``<NA>`` where the unit is unknown."""
        import pandas as pd

        from anslag.frames import forvaltning_on

        day = on if on is not None else max((r.date for r in self._rounds), default=datetime.date.today())
        frames = []
        for r in self._rounds:
            frame = r.to_frame(self._registry)
            frame.insert(0, "file", pd.array([r.file] * len(frame), dtype="string"))
            frames.append(frame)
        if not frames:
            return _empty_frame()
        out = pd.concat(frames, ignore_index=True)
        out["forvaltning_on"] = forvaltning_on(out, day, self._registry)
        out.attrs["forvaltning_on"] = str(day)
        return out

    def audit(self) -> RoundsReport:
        """The audit of every round with the findings across rounds in the report of the round they
        concern; the engine runs without the GIL."""
        return RoundsReport(_core._audit_rounds(self._rounds, self._registry))


class RoundsReport:
    """The reports of an audit of many rounds, in the order of the rounds: iterate over them;
    ``summary()`` and ``to_frame()`` (one row per finding, with ``year`` and ``file``)."""

    def __init__(self, reports: list[_core.Report]) -> None:
        self.reports = reports

    def __iter__(self) -> Iterator[_core.Report]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    def __repr__(self) -> str:
        counts = self.summary()
        return f"<RoundsReport of {len(self.reports)} rounds: {counts['error']} error, {counts['warning']} warning, {counts['info']} info>"

    @property
    def findings(self) -> list[_core.Finding]:
        return [f for report in self.reports for f in report.findings]

    @property
    def has_errors(self) -> bool:
        return any(report.has_errors for report in self.reports)

    def summary(self) -> dict[str, int]:
        """Counts of findings by severity over all rounds."""
        counts = {"error": 0, "warning": 0, "info": 0}
        for report in self.reports:
            for severity, n in report.summary().items():
                counts[severity] += n
        return counts

    def to_frame(self) -> pd.DataFrame:
        """One row per finding of every round: ``year`` and ``file`` of its round, then the columns
        of ``Report.to_frame()``."""
        import pandas as pd

        # One frame of all findings at once: a frame per report costs milliseconds each.
        # Its own year column is the joined report's; each finding's round gives it below.
        frame = _core._findings_of(self.reports).to_frame().drop(columns=["year"])
        counts = [len(report.findings) for report in self.reports]
        frame.insert(0, "file", pd.array([r.file for r, n in zip(self.reports, counts) for _ in range(n)], dtype="string"))
        frame.insert(0, "year", pd.array([r.year for r, n in zip(self.reports, counts) for _ in range(n)], dtype="Int64"))
        return frame

def _empty_frame() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({"year": pd.array([], dtype="Int64"), "file": pd.array([], dtype="string")})
