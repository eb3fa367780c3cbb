"""The bundled unit registry (``data/units.toml``): resolving a document's spelling of a unit
and listing the units of a day. The rules are in docs/units.md."""

from __future__ import annotations

import datetime
from functools import lru_cache

from anslag._core import Unit, UnitRegistry, load_units
from anslag._data import data_path


@lru_cache(maxsize=1)
def unit_registry() -> UnitRegistry:
    """The registry bundled with the package, read once."""
    return load_units(data_path("units.toml"))


def resolve_unit(name: str, on: datetime.date | str | None = None) -> Unit:
    """The unit ``name`` spells, as a document writes it ("Hässelby/Vällingby").

    Raises UnknownUnitError (``.suggestions``) or AmbiguousUnitError (``.candidates``); never
    guesses. ``on`` is the day of the record the name comes from: it must be a day (a
    ``datetime.date`` or ``"YYYY-MM-DD"``), and the unit named is returned even when it did not
    exist that day, because a record naming a merged district is a finding, not a lookup error.
    Ask ``unit.valid_on(on)`` and ``unit_registry().successor_on(unit, on)``.
    """
    unit = unit_registry().resolve(name)
    if on is not None:
        # Checks `on` is a day now, not where the caller first uses it.
        unit.valid_on(on)
    return unit


def units_on(day: datetime.date | str) -> list[Unit]:
    """The units (districts, Socialförvaltningen, its departments) that existed on ``day``."""
    return unit_registry().units_on(day)
