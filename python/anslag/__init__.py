"""anslag: exact rules and krona arithmetic for municipal grant rounds.

The compiled engine lives in the private extension ``anslag._core``; this package re-exports
its public names and adds the pure-Python conveniences.
"""

from typing import Any

from anslag import _guard  # noqa: F401  (first: the safe object model of every _core class)
# One name a line, so that additions from parallel branches merge cleanly.
from anslag._core import AmbiguousUnitError
from anslag._core import Application
from anslag._core import Document
from anslag._core import Error
from anslag._core import Evaluation
from anslag._core import Finding
from anslag._core import Fund
from anslag._core import InvalidArgumentError
from anslag._core import Krona
from anslag._core import NotEvaluated
from anslag._core import NotFoundError
from anslag._core import OverflowError
from anslag._core import ParseError
from anslag._core import Report
from anslag._core import Reading
from anslag._core import Round
from anslag._core import RoundFileError
from anslag._core import Rule
from anslag._core import SourceRef
from anslag._core import Statement
from anslag._core import UnknownUnitError
from anslag._core import Unit
from anslag._core import UnitKindWords
from anslag._core import UnitRegistry
from anslag._core import Verdict
from anslag._core import __version__
from anslag._core import allocate_amount
from anslag._core import BudgetGrant
from anslag._core import ComparedGrant
from anslag._core import Comparison
from anslag._core import GrantReason
from anslag._core import Proposal
from anslag._core import ProposedGrant
from anslag._core import allocate_budget
from anslag._core import allocate_budget_array
from anslag._core import allocate_budget_explained
from anslag._core import propose
from anslag._core import load_units
from anslag._core import parse_round
from anslag._core import validate
from anslag.audit import audit
from anslag._core import Draft
from anslag._core import ReviewItem
from anslag._core import SourceProblem
from anslag.draft import check_sources
from anslag.draft import derived_entries
from anslag.draft import draft_round
from anslag import _methods  # noqa: F401  (to_frame and _repr_html_ on the compiled classes)
from anslag.rounds import bundled_rounds
from anslag.rounds import load_round
from anslag.rounds import load_rounds
from anslag.rounds import Rounds
from anslag.rounds import RoundsReport
from anslag.synthetic import LAYOUT_KNOBS
from anslag.synthetic import SYNTHETIC_FAULTS
from anslag.synthetic import synthetic_documents
from anslag.synthetic import synthetic_round
from anslag.synthetic import synthetic_rounds
from anslag._core import near_same_title
from anslag._core import round_files
from anslag.rules import evaluate
from anslag.units import resolve_unit
from anslag.units import unit_registry
from anslag.units import units_on
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
    round_amounts,
    scale_amounts,
    sum_amounts,
)

__all__ = [
    "__version__",
    "allocate_amount",
    "BudgetGrant",
    "ComparedGrant",
    "Comparison",
    "GrantReason",
    "Proposal",
    "ProposedGrant",
    "allocate_budget",
    "allocate_budget_array",
    "allocate_budget_explained",
    "propose",
    "audit",
    "check_sources",
    "derived_entries",
    "Draft",
    "draft_round",
    "ReviewItem",
    "SourceProblem",
    "AmbiguousUnitError",
    "Application",
    "bundled_rounds",
    "Document",
    "Error",
    "evaluate",
    "Evaluation",
    "Finding",
    "Fund",
    "InvalidArgumentError",
    "Krona",
    "load_round",
    "load_rounds",
    "near_same_title",
    "round_files",
    "Rounds",
    "RoundsReport",
    "SYNTHETIC_FAULTS",
    "LAYOUT_KNOBS",
    "synthetic_documents",
    "synthetic_round",
    "synthetic_rounds",
    "load_units",
    "NotEvaluated",
    "NotFoundError",
    "OverflowError",
    "parse_round",
    "ParseError",
    "Reading",
    "resolve_unit",
    "Round",
    "Report",
    "RoundFileError",
    "Rule",
    "SourceRef",
    "Statement",
    "Unit",
    "unit_registry",
    "UnitKindWords",
    "UnitRegistry",
    "units_on",
    "UnknownUnitError",
    "validate",
    "Verdict",
    "format_amount",
    "format_amounts",
    "parse_amounts",
    "round_amounts",
    "scale_amounts",
    "sum_amounts",
]


def __getattr__(name: str) -> Any:
    # The pandas extension types load pandas, which `import anslag` alone must not do.
    if name in ("KronaArray", "KronaDtype"):
        from anslag import pandas

        return getattr(pandas, name)
    raise AttributeError(f"module 'anslag' has no attribute {name!r}")
