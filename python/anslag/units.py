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


def resolve_unit(name: str) -> Unit:
    """The unit ``name`` spells, as a document writes it ("Hässelby/Vällingby").

    Raises UnknownUnitError (``.suggestions``) or AmbiguousUnitError (``.candidates``); never
    guesses. The unit is returned whether or not it existed on a given day: a record naming a
    merged district is a finding, not a lookup error. Ask ``unit.valid_on(day)`` and
    ``unit_registry().successor_on(unit, day)``.
    """
    return unit_registry().resolve(name)


def units_on(day: datetime.date | str) -> list[Unit]:
    """The units (districts, Socialförvaltningen, its departments) that existed on ``day``."""
    return unit_registry().units_on(day)
