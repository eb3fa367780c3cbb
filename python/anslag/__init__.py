"""anslag: exact rules and krona arithmetic for municipal grant rounds.

The compiled engine lives in the private extension ``anslag._core``; this package re-exports
its public names and adds the pure-Python conveniences.
"""

from anslag._core import (
    AmbiguousUnitError,
    Application,
    Document,
    Error,
    Fund,
    InvalidArgumentError,
    Krona,
    NotFoundError,
    OverflowError,
    ParseError,
    Reading,
    Round,
    RoundFileError,
    Rule,
    SourceRef,
    Statement,
    UnknownUnitError,
    Unit,
    UnitRegistry,
    __version__,
    allocate_amount,
    load_units,
)
from anslag.units import resolve_unit, unit_registry, units_on
    parse_round,
)
from anslag.rounds import bundled_rounds, load_round

__all__ = [
    "AmbiguousUnitError",
    "Application",
    "Document",
    "Error",
    "Fund",
    "InvalidArgumentError",
    "Krona",
    "NotFoundError",
    "OverflowError",
    "ParseError",
    "Reading",
    "Round",
    "RoundFileError",
    "Rule",
    "SourceRef",
    "Statement",
    "UnknownUnitError",
    "Unit",
    "UnitRegistry",
    "__version__",
    "allocate_amount",
    "load_units",
    "resolve_unit",
    "unit_registry",
    "units_on",
    "bundled_rounds",
    "load_round",
    "parse_round",
]
