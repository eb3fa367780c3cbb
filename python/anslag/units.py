"""The unit registry: the bundled one (``data/units.toml``, Stockholm's) or a file of your own
(``units=`` wherever a registry is used); resolving a document's spelling of a unit and listing
the units of a day. The rules are in docs/units.md."""

from __future__ import annotations

import datetime
import os
from functools import lru_cache
from typing import Union

from anslag._core import Unit, UnitRegistry, load_units
from anslag._core import with_aliases as _with_aliases
from anslag._data import data_path

ALIASES_VARIABLE = "ANSLAG_UNIT_ALIASES"

# What ``units=`` takes everywhere: a registry, the path of a registry file, or None (the bundled one).
Units = Union[UnitRegistry, str, "os.PathLike[str]", None]


@lru_cache(maxsize=1)
def unit_registry() -> UnitRegistry:
    """The registry bundled with the package, read once, with the spellings of the aliases file
    named by the environment variable ANSLAG_UNIT_ALIASES, if it is set (docs/units.md)."""
    bundled = load_units(data_path("units.toml"))
    own = os.environ.get(ALIASES_VARIABLE)
    return with_aliases(bundled, own) if own else bundled


def registry_of(units: Units) -> UnitRegistry:
    """The registry ``units`` names: itself when it is one, the file at a path read (a
    RoundFileError naming the file, line and column when it does not load), the bundled one
    (``unit_registry()``) for None."""
    if units is None:
        return unit_registry()
    if isinstance(units, UnitRegistry):
        return units
    if isinstance(units, (str, os.PathLike)):
        return load_units(os.fspath(units))
    raise TypeError(f"units= takes a UnitRegistry, the path of a registry file or None, not {type(units).__name__}")


def with_aliases(registry: UnitRegistry, path: Union[str, os.PathLike[str]]) -> UnitRegistry:
    """``registry`` with the spellings of an aliases file of your own added: a TOML file of
    ``"spelling" = "unit-id"`` lines under ``[aliases]``. The package is not edited. A value that is
    not a string, an id the registry does not have, a spelling another unit already has or any other
    key is a RoundFileError naming the file, line and column (the C++ ``anslag::with_aliases``;
    ``anslag --aliases FILE`` on the command line)."""
    return _with_aliases(registry, os.fspath(path))


def resolve_unit(name: str, units: Units = None) -> Unit:
    """The unit ``name`` spells, as a document writes it ("Hässelby/Vällingby").

    Raises UnknownUnitError (``.suggestions``) or AmbiguousUnitError (``.candidates``); never
    guesses. The unit is returned whether or not it existed on a given day: a record naming a
    merged district is a finding, not a lookup error. Ask ``unit.valid_on(day)`` and
    ``unit_registry().successor_on(unit, day)``. ``units``: the registry (``registry_of``).
    """
    if not isinstance(name, str):
        raise TypeError(f"resolve_unit takes a unit's name as a document writes it (a str), not "
                        f"{type(name).__name__}")
    return registry_of(units).resolve(name)


def units_on(day: datetime.date | str, units: Units = None) -> list[Unit]:
    """The units (of every kind) of the registry ``units`` (``registry_of``) that existed on
    ``day`` (a date, an ISO text, or a pandas Timestamp at midnight)."""
    # A pandas Timestamp at midnight is a day; any other datetime is refused by the engine.
    if isinstance(day, datetime.datetime) and type(day).__module__.startswith("pandas") and (
            day.time() == datetime.time() and day.tzinfo is None):
        day = day.date()
    return registry_of(units).units_on(day)
