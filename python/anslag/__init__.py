"""anslag: exact rules and krona arithmetic for municipal grant rounds.

The compiled engine lives in the private extension ``anslag._core``; this package re-exports
its public names and adds the pure-Python conveniences.
"""

from anslag._core import (
    AmbiguousUnitError,
    Error,
    Evaluation,
    InvalidArgumentError,
    Krona,
    NotEvaluated,
    NotFoundError,
    OverflowError,
    ParseError,
    RoundFileError,
    UnknownUnitError,
    Unit,
    UnitRegistry,
    Verdict,
    __version__,
    allocate_amount,
    load_units,
)
from anslag.rules import evaluate
from anslag.units import resolve_unit, unit_registry, units_on

__all__ = [
    "AmbiguousUnitError",
    "Error",
    "Evaluation",
    "InvalidArgumentError",
    "Krona",
    "NotEvaluated",
    "NotFoundError",
    "OverflowError",
    "ParseError",
    "RoundFileError",
    "UnknownUnitError",
    "Unit",
    "UnitRegistry",
    "Verdict",
    "__version__",
    "allocate_amount",
    "evaluate",
    "load_units",
    "resolve_unit",
    "unit_registry",
    "units_on",
]
