"""Synthetic rounds to scale on: consistent round files with planted faults (the generator of
``anslag synthetic``; the faults and the findings they give are listed in docs/scaling.md), and
the same rounds printed as decision documents in layouts drawn from a space of knobs
(``anslag synthetic --documents``; docs/drafting.md, "Synthetic documents")."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import Optional, Union

from anslag import _core
from anslag.units import Units, registry_of

SYNTHETIC_FAULTS: tuple[str, ...] = _core.SYNTHETIC_FAULTS
LAYOUT_KNOBS: dict[str, tuple[str, ...]] = _core.LAYOUT_KNOBS


def _fault_names(faults: Sequence[str]) -> list[str]:
    """The faults to plant: the names given, or every one for ["all"] (as ``--faults all``)."""
    names = [faults] if isinstance(faults, str) else list(faults)
    return list(SYNTHETIC_FAULTS) if names == ["all"] else names


def synthetic_round(
    applications: int = 25, *, seed: int = 1, year: int = 2024, faults: Sequence[str] = (), units: Units = None
) -> str:
    """One synthetic round file's text (parse it with ``anslag.parse_round``), its applicants
    drawn from the registry ``units`` (default: the bundled one)."""
    return _core._synthetic_round(registry_of(units), applications, seed, year, _fault_names(faults))


def synthetic_rounds(
    count: int,
    folder: Union[str, os.PathLike[str]],
    *,
    applications: int = 25,
    seed: int = 1,
    year: int = 2024,
    faults: Sequence[str] = (),
    progress: bool | None = None,
    units: Units = None,
) -> list[str]:
    """Writes ``count`` round files round-00001.toml, ... into ``folder`` and returns their paths.
    Round i has the year ``year + i`` (starting again at ``year`` after 9999) and the seed
    ``seed + i``. ``faults``: names from ``SYNTHETIC_FAULTS``, or ``["all"]`` for every one, planted in every
    round. A progress
    bar (tqdm) is shown when ``progress`` is true, or by default when standard error is a terminal.
    Applicants are drawn from the registry ``units`` (default: the bundled one)."""
    registry = registry_of(units)
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        written = _core._write_synthetic_rounds(registry, folder, count, applications, seed, year, _fault_names(faults), None)
        return [os.fspath(path) for path in written]
    from tqdm import tqdm

    with tqdm(total=count, desc="writing", unit="round") as bar:

        def advance(done: int, total: int) -> None:
            bar.update(done - bar.n)

        written = _core._write_synthetic_rounds(
            registry, folder, count, applications, seed, year, _fault_names(faults), advance
        )
    return [os.fspath(path) for path in written]


def synthetic_documents(
    count: int,
    *,
    seed: int = 1,
    applications: int = 25,
    year: int = 2024,
    faults: Sequence[str] = (),
    layout: Optional[Mapping[str, str]] = None,
    units: Units = None,
) -> list[_core.SyntheticDocument]:
    """``count`` synthetic rounds printed as decision documents (``SyntheticDocument``: ``text``,
    ``round``, ``layout``, ``lines_per_page``, ``round_text``). Document i prints the round of seed
    ``seed + i`` in the layout drawn from that seed; the knobs of ``layout`` (names and values from
    ``LAYOUT_KNOBS``) are fixed. ``round`` is the answer: the Round the document prints, each
    application and statement at its document line. Applicants are drawn from the registry
    ``units`` (default: the bundled one). An unknown knob or value raises InvalidArgumentError."""
    return _core._synthetic_documents(
        registry_of(units), count, applications, seed, year, _fault_names(faults), dict(layout or {})
    )
