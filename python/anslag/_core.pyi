# Typed stubs of the compiled extension anslag._core (PEP 561; checked by `make typecheck`).
# One section per area, each under a comment naming it; every name a binding file adds is typed
# in its area's section. Amounts accept what Krona(...) accepts: AmountLike.

import builtins
import datetime
import enum
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal, Optional, SupportsIndex, TypeAlias, Union

import numpy
import numpy as np
import numpy.typing
import numpy.typing as npt

__version__: str

# --- errors (bindings/errors.cpp) ----------------------------------------------------------------

class Error(Exception):
    code: str

class ParseError(Error, ValueError):
    position: int
    # Set by the batch calls (parse_amounts): the element's index and text.
    index: int
    text: str

class OverflowError(Error, builtins.OverflowError): ...
class InvalidArgumentError(Error, ValueError): ...
class NotFoundError(Error, LookupError): ...

class RoundFileError(Error):
    file: str
    line: int
    column: int
    detail: str

class UnknownUnitError(Error, LookupError):
    suggestions: list[str]

class AmbiguousUnitError(Error, LookupError):
    candidates: list[str]

# --- Krona (bindings/krona.cpp) --------------------------------------------------------------------

RoundingMode: TypeAlias = Literal["half_even", "half_up", "down", "up", "floor", "ceiling"]
AmountLike: TypeAlias = Krona | str | int | Decimal

class Krona:
    def __init__(self, value: AmountLike) -> None: ...
    @staticmethod
    def from_ore(ore: SupportsIndex) -> Krona: ...
    @staticmethod
    def from_decimal(value: Decimal) -> Krona: ...
    @staticmethod
    def parse(text: str) -> Krona: ...
    @property
    def ore(self) -> int: ...
    def to_decimal(self) -> Decimal: ...
    def round(self, unit: AmountLike, mode: RoundingMode) -> Krona: ...
    def __add__(self, other: Krona) -> Krona: ...
    def __radd__(self, other: Literal[0]) -> Krona: ...
    def __sub__(self, other: Krona) -> Krona: ...
    def __mul__(self, factor: SupportsIndex) -> Krona: ...
    def __rmul__(self, factor: SupportsIndex) -> Krona: ...
    def __neg__(self) -> Krona: ...
    def __pos__(self) -> Krona: ...
    def __abs__(self) -> Krona: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __lt__(self, other: Krona) -> bool: ...
    def __le__(self, other: Krona) -> bool: ...
    def __gt__(self, other: Krona) -> bool: ...
    def __ge__(self, other: Krona) -> bool: ...
    def __hash__(self) -> int: ...

def allocate_amount(total: AmountLike, weights: Sequence[int], unit: AmountLike = ...) -> list[Krona]: ...

# --- units (bindings/units.cpp, bindings/date.cpp) ------------------------------------------

_Day = datetime.date | str
_UnitKind = Literal["district", "administration", "department"]

class Unit:
    def __init__(
        self,
        id: str,
        name: str,
        kind: _UnitKind,
        valid_from: _Day | None = None,
        valid_until: _Day | None = None,
        successor: str | None = None,
        parent: str | None = None,
        aliases: list[str] = ...,
        source: str = "",
    ) -> None: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> _UnitKind: ...
    @property
    def valid_from(self) -> datetime.date | None: ...
    @property
    def valid_until(self) -> datetime.date | None: ...
    @property
    def successor(self) -> str | None: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def aliases(self) -> list[str]: ...
    @property
    def source(self) -> str: ...
    def valid_on(self, day: _Day) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class UnitRegistry:
    def __init__(self, units: list[Unit]) -> None: ...
    @property
    def units(self) -> list[Unit]: ...
    def find(self, id: str) -> Unit | None: ...
    def resolve(self, name: str) -> Unit: ...
    def forvaltning(self, unit: Unit) -> Unit: ...
    def successor_on(self, unit: Unit, day: _Day) -> Unit | None: ...
    def units_on(self, day: _Day) -> list[Unit]: ...
    def __len__(self) -> int: ...

def load_units(path: str | os.PathLike[str]) -> UnitRegistry: ...

# --- rounds (bindings/round.cpp) ------------------------------------------------------------
# Krona is bound by bindings/krona.cpp.

class SourceRef:
    document: str
    line: int
    section: str

class Reading:
    field: str
    text: str

class Fund:
    id: str
    name: str
    budget: Krona
    cap: Optional[Krona]
    max_granted_per_unit: Optional[int]

class Rule:
    id: str
    kind: str
    funds: list[str]
    stated: bool
    summary: str
    amount: Optional[Krona]
    count: Optional[int]
    from_: Optional[datetime.date]
    to: Optional[datetime.date]
    quote: str
    source: SourceRef
    not_encoded: Optional[str]
    overrides: Optional[str]
    def applies_to(self, fund_id: str) -> bool: ...

class Statement:
    id: str
    kind: str
    funds: list[str]
    amount: Optional[Krona]
    count: Optional[int]
    decision: Optional[str]
    applicant_kind: Optional[str]
    quote: str
    source: SourceRef
    readings: list[Reading]

class Application:
    id: str
    fund: str
    applicant: str
    unit: Optional[str]
    co_applicants: list[str]
    project: str
    destination: Optional[str]
    purpose: Optional[str]
    requested: Optional[Krona]
    granted: Optional[Krona]
    decision: str
    reason: str
    assessments: dict[str, str]
    submitted: Optional[datetime.date]
    approved_report: Optional[bool]
    source: SourceRef
    readings: list[Reading]

class Document:
    title: str
    date: datetime.date
    seed: str
    deciding_body: str
    kind: str

class Round:
    year: int
    date: datetime.date
    document: Document
    file: str
    window_from: Optional[datetime.date]
    window_to: Optional[datetime.date]
    repayment_notice_by: Optional[datetime.date]
    funds: dict[str, Fund]
    applications: list[Application]
    rules: list[Rule]
    statements: list[Statement]
    def find_application(self, id: str) -> Application: ...

def parse_round(text: str, file_name: str) -> Round: ...
def load_round(path: Union[str, os.PathLike[str]]) -> Round: ...

# --- allocation (bindings/allocation.cpp) ------------------------------------------------------

_Amount = Krona | str | int | Decimal
_Strategy = Literal["ranked", "pro_rata", "equal_cap"]

class GrantReason(enum.IntEnum):
    full_request = 0
    cap = 1
    budget_exhausted = 2
    unit_rounding = 3
    unit_limit = 4

class BudgetGrant:
    @property
    def request(self) -> Krona: ...
    @property
    def grant(self) -> Krona: ...
    @property
    def reason(self) -> GrantReason: ...

def allocate_budget(
    budget: _Amount,
    requests: Iterable[_Amount],
    strategy: _Strategy,
    unit: _Amount | None = None,
    cap: _Amount | None = None,
) -> list[Krona]: ...
def allocate_budget_explained(
    budget: _Amount,
    requests: Iterable[_Amount],
    strategy: _Strategy,
    unit: _Amount | None = None,
    cap: _Amount | None = None,
) -> list[BudgetGrant]: ...
def allocate_budget_array(
    budget_ore: int,
    requests_ore: npt.NDArray[np.int64],
    strategy: _Strategy,
    unit_ore: int = 1,
    cap_ore: int | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]: ...

class ProposedGrant:
    @property
    def application(self) -> str: ...
    @property
    def forvaltning(self) -> str | None: ...
    @property
    def requested(self) -> Krona | None: ...
    @property
    def proposed(self) -> Krona | None: ...
    @property
    def reason(self) -> GrantReason | None: ...
    @property
    def recorded(self) -> Krona | None: ...

class ComparedGrant:
    @property
    def application(self) -> str: ...
    @property
    def recorded(self) -> Krona | None: ...
    @property
    def proposed(self) -> Krona | None: ...
    @property
    def difference(self) -> Krona | None: ...
    @property
    def reason(self) -> GrantReason | None: ...

class Comparison:
    @property
    def rows(self) -> list[ComparedGrant]: ...
    @property
    def recorded_total(self) -> Krona: ...
    @property
    def proposed_total(self) -> Krona: ...
    @property
    def difference_total(self) -> Krona: ...
    @property
    def recorded_unknown(self) -> int: ...
    @property
    def proposed_unknown(self) -> int: ...

class Proposal:
    @property
    def year(self) -> int: ...
    @property
    def fund(self) -> str: ...
    @property
    def strategy(self) -> _Strategy: ...
    @property
    def budget(self) -> Krona: ...
    @property
    def cap(self) -> Krona | None: ...
    @property
    def unit(self) -> Krona: ...
    @property
    def limit(self) -> int | None: ...
    @property
    def grants(self) -> list[ProposedGrant]: ...
    @property
    def unlimited(self) -> list[str]: ...
    def compare(self) -> Comparison: ...

def propose(
    round: Round,
    fund: str,
    strategy: _Strategy,
    order: list[str] = ...,
    unit: _Amount | None = None,
    units: UnitRegistry | None = None,
    include_rejected: bool = True,
) -> Proposal: ...
# --- rules (bindings/rules.cpp) -----------------------------------------------------------------

_VerdictState = Literal["met", "not_met", "unknown"]

class Verdict:
    @property
    def rule(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def state(self) -> _VerdictState: ...
    @property
    def missing(self) -> list[str]: ...
    @property
    def parameters(self) -> dict[str, str]: ...
    @property
    def explanation_sv(self) -> str: ...
    @property
    def explanation_en(self) -> str: ...
    @property
    def quote(self) -> str: ...
    @property
    def source(self) -> SourceRef: ...
    def to_dict(self) -> dict[str, object]: ...

class NotEvaluated:
    @property
    def rule(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def reason(self) -> str: ...
    def to_dict(self) -> dict[str, str]: ...

class Evaluation:
    @property
    def application(self) -> str: ...
    @property
    def fund(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def verdicts(self) -> list[Verdict]: ...
    @property
    def not_evaluated(self) -> list[NotEvaluated]: ...
    @property
    def result(self) -> _VerdictState: ...
    def to_dict(self) -> dict[str, object]: ...

def evaluate(round: Round, application: Application | str, registry: UnitRegistry) -> Evaluation: ...

# --- audit (bindings/audit.cpp) ------------------------------------------------------------------

_Severity = Literal["error", "warning", "info"]

class Finding:
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def fund(self) -> str | None: ...
    @property
    def rule(self) -> str | None: ...
    @property
    def statement(self) -> str | None: ...
    @property
    def message_sv(self) -> str: ...
    @property
    def message_en(self) -> str: ...
    @property
    def expected(self) -> Krona | int | None: ...
    @property
    def actual(self) -> Krona | int | None: ...
    @property
    def rows(self) -> list[str]: ...
    @property
    def quote(self) -> str | None: ...
    @property
    def source(self) -> SourceRef: ...
    @property
    def reading(self) -> str | None: ...
    def __eq__(self, other: object) -> bool: ...

class Report:
    @property
    def year(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def file(self) -> str: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def has_errors(self) -> bool: ...
    def summary(self) -> dict[_Severity, int]: ...
    def to_text(self, severity: _Severity | None = None) -> str: ...
    def to_markdown(self, severity: _Severity | None = None) -> str: ...
    def to_json(self, severity: _Severity | None = None) -> str: ...

def _audit(round: Round, units: UnitRegistry) -> Report: ...
# --- amounts: batch calls (bindings/amounts.cpp) ------------------------------------------------

Decimals = Literal["auto", "always", "never"]
OreArray = numpy.typing.ArrayLike  # integers (öre); floats and booleans are refused

def parse_amounts(
    texts: Iterable[str] | numpy.ndarray[Any, numpy.dtype[numpy.str_]] | numpy.ndarray[Any, numpy.dtype[numpy.object_]],
) -> numpy.ndarray[Any, numpy.dtype[numpy.int64]]: ...
def format_amounts(
    ore: OreArray,
    *,
    separator: str = "\u00a0",
    minus: str = "\u2212",
    unit: str = "kr",
    decimals: Decimals = "auto",
) -> numpy.ndarray[Any, numpy.dtype[numpy.str_]]: ...
def sum_amounts(ore: OreArray) -> Krona: ...
def format_amount(
    amount: AmountLike,
    *,
    separator: str = "\u00a0",
    minus: str = "\u2212",
    unit: str = "kr",
    decimals: Decimals = "auto",
) -> str: ...
