"""pandas DataFrames of rounds, reports, evaluations and proposals (docs/python.md, "Frames").

Money columns have the dtype ``krona`` (exact öre with a mask): a missing amount is ``<NA>``, never
0 and never a float. Text that may be missing uses pandas' ``string`` dtype, counts ``Int64``.
Reached through ``Round.to_frame()`` and the other ``to_frame`` methods; importing this module
loads pandas, which ``import anslag`` alone does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional, Union

import pandas as pd

from anslag._core import (
    Application,
    Comparison,
    Evaluation,
    Krona,
    Proposal,
    Report,
    Round,
    UnitRegistry,
)
from anslag.pandas import KronaArray


def krona_column(amounts: Iterable[Optional[Krona]]) -> KronaArray:
    """A ``krona`` column of amounts, None becoming <NA>."""
    return KronaArray.from_ore([None if amount is None else amount.ore for amount in amounts])


def _text(values: Iterable[Optional[str]]) -> pd.arrays.StringArray:
    return pd.array(list(values), dtype="string")


def _counts(values: Iterable[Optional[int]]) -> pd.arrays.IntegerArray:
    return pd.array(list(values), dtype="Int64")


def forvaltning_of(registry: UnitRegistry, application: Application) -> Optional[str]:
    """The name of the förvaltning of the application's unit as the round file reads it; None when
    the round file gives no unit (an unresolved or ambiguous applicant stays unknown)."""
    unit = registry.find(application.unit) if application.unit is not None else None
    return None if unit is None else registry.forvaltning(unit).name


def round_frame(round: Round, units: Optional[UnitRegistry] = None) -> pd.DataFrame:
    """One row per application, in document order."""
    if units is None:
        from anslag.units import unit_registry

        units = unit_registry()
    apps = round.applications
    return pd.DataFrame(
        {
            "id": _text(a.id for a in apps),
            "fund": _text(a.fund for a in apps),
            "applicant": _text(a.applicant for a in apps),
            "unit": _text(a.unit for a in apps),
            "forvaltning": _text(forvaltning_of(units, a) for a in apps),
            "project": _text(a.project for a in apps),
            "requested": krona_column(a.requested for a in apps),
            "granted": krona_column(a.granted for a in apps),
            "decision": _text(a.decision for a in apps),
            "reason": _text(a.reason for a in apps),
            "source_line": _counts(a.source.line for a in apps),
        }
    )


def _amount(value: Union[Krona, int, None]) -> Optional[Krona]:
    return value if isinstance(value, Krona) else None


def _count(value: Union[Krona, int, None]) -> Optional[int]:
    # A finding's figure is an amount (Krona) or a count (int), never both: each gets its column.
    return None if isinstance(value, Krona) else value


def report_frame(report: Report) -> pd.DataFrame:
    """One row per finding, in the report's order."""
    found = report.findings
    return pd.DataFrame(
        {
            "code": _text(f.code for f in found),
            "severity": _text(f.severity for f in found),
            "fund": _text(f.fund for f in found),
            "rule": _text(f.rule for f in found),
            "statement": _text(f.statement for f in found),
            "expected": krona_column(_amount(f.expected) for f in found),
            "actual": krona_column(_amount(f.actual) for f in found),
            "expected_count": _counts(_count(f.expected) for f in found),
            "actual_count": _counts(_count(f.actual) for f in found),
            "rows": _text(", ".join(f.rows) for f in found),
            "message_sv": _text(f.message_sv for f in found),
            "message_en": _text(f.message_en for f in found),
            "quote": _text(f.quote for f in found),
            "source_line": _counts(f.source.line for f in found),
            "reading": _text(f.reading for f in found),
        }
    )


def evaluation_frame(evaluation: Evaluation) -> pd.DataFrame:
    """One row per verdict; the rules without a verdict are in ``evaluation.not_evaluated``."""
    verdicts = evaluation.verdicts
    return pd.DataFrame(
        {
            "application": _text(evaluation.application for _ in verdicts),
            "rule": _text(v.rule for v in verdicts),
            "kind": _text(v.kind for v in verdicts),
            "required": pd.array([v.required for v in verdicts], dtype="boolean"),
            "state": _text(v.state for v in verdicts),
            "missing": _text(", ".join(v.missing) for v in verdicts),
            "explanation_sv": _text(v.explanation_sv for v in verdicts),
            "explanation_en": _text(v.explanation_en for v in verdicts),
            "quote": _text(v.quote for v in verdicts),
            "source_line": _counts(v.source.line for v in verdicts),
        }
    )


def proposal_frame(proposal: Proposal) -> pd.DataFrame:
    """One row per application of the proposal, in the order of allocation."""
    grants = proposal.grants
    return pd.DataFrame(
        {
            "application": _text(g.application for g in grants),
            "forvaltning": _text(g.forvaltning for g in grants),
            "requested": krona_column(g.requested for g in grants),
            "proposed": krona_column(g.proposed for g in grants),
            "recorded": krona_column(g.recorded for g in grants),
            "reason": _text(None if g.reason is None else g.reason.name for g in grants),
        }
    )


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per application: recorded, proposed, their difference (known only if both are)."""
    rows = comparison.rows
    return pd.DataFrame(
        {
            "application": _text(r.application for r in rows),
            "recorded": krona_column(r.recorded for r in rows),
            "proposed": krona_column(r.proposed for r in rows),
            "difference": krona_column(r.difference for r in rows),
            "reason": _text(None if r.reason is None else r.reason.name for r in rows),
        }
    )
