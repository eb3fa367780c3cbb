# Typed stubs of the private extension anslag._core, one section per area.

import datetime
import os
from typing import Literal

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
from typing import Optional, Union

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
# Typed stubs of the private extension anslag._core; import the package anslag instead.
from decimal import Decimal
from typing import Any, Iterable, Literal, Sequence, SupportsIndex

import builtins

import numpy
import numpy.typing

__version__: str

# --- errors (bindings/errors.cpp) ---------------------------------------------------------------

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

# --- krona (bindings/krona.cpp) -----------------------------------------------------------------

RoundingMode = Literal["half_even", "half_up", "down", "up", "floor", "ceiling"]
AmountLike = Krona | str | int | Decimal

class Krona:
    def __init__(self, value: str | int | Decimal | Krona) -> None: ...
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
