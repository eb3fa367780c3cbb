"""anslag: exact rules and krona arithmetic for municipal grant rounds.

The compiled engine lives in the private extension ``anslag._core``; this package re-exports
its public names and adds the pure-Python conveniences.
"""

from typing import Any

from anslag._core import (
    AmbiguousUnitError,
    Error,
    InvalidArgumentError,
    Krona,
    NotFoundError,
    OverflowError,
    ParseError,
    RoundFileError,
    UnknownUnitError,
    Unit,
    UnitRegistry,
    __version__,
    allocate_amount,
    load_units,
)
from anslag.units import resolve_unit, unit_registry, units_on

__all__ = [
    "AmbiguousUnitError",
    "Error",
    "InvalidArgumentError",
    "Krona",
    "NotFoundError",
    "OverflowError",
    "ParseError",
    "RoundFileError",
    "UnknownUnitError",
    "Unit",
    "UnitRegistry",
    "__version__",
    "allocate_amount",
    "load_units",
    "resolve_unit",
    "unit_registry",
    "units_on",
]


def __getattr__(name: str) -> Any:
    # The pandas extension types load pandas, which `import anslag` alone must not do.
    if name in ("KronaArray", "KronaDtype"):
        from anslag import pandas

        return getattr(pandas, name)
    raise AttributeError(f"module 'anslag' has no attribute {name!r}")
