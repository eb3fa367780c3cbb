"""anslag: exact rules and krona arithmetic for municipal grant rounds.

The compiled engine lives in the private extension ``anslag._core``; this package re-exports
its public names and adds the pure-Python conveniences.
"""

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
    __version__,
    allocate_amount,
    format_amount,
    format_amounts,
    parse_amounts,
    sum_amounts,
)

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
    "__version__",
    "allocate_amount",
    "format_amount",
    "format_amounts",
    "parse_amounts",
    "sum_amounts",
]
