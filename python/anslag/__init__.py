"""anslag: exact rules and krona arithmetic for municipal grant rounds.

The compiled engine lives in the private extension ``anslag._core``; this package re-exports
its public names and adds the pure-Python conveniences.
"""

from anslag._core import (
    AmbiguousUnitError,
    BudgetGrant,
    Error,
    GrantReason,
    InvalidArgumentError,
    Krona,
    NotFoundError,
    OverflowError,
    ParseError,
    RoundFileError,
    UnknownUnitError,
    __version__,
    allocate_amount,
    allocate_budget,
    allocate_budget_array,
    allocate_budget_explained,
)

__all__ = [
    "AmbiguousUnitError",
    "BudgetGrant",
    "Error",
    "GrantReason",
    "InvalidArgumentError",
    "Krona",
    "NotFoundError",
    "OverflowError",
    "ParseError",
    "RoundFileError",
    "UnknownUnitError",
    "__version__",
    "allocate_amount",
    "allocate_budget",
    "allocate_budget_array",
    "allocate_budget_explained",
]
