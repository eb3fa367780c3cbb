# Typed stubs of the private extension anslag._core, one section per area.

import datetime
import os
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
