"""pandas DataFrames of rounds, reports, evaluations and proposals (docs/python.md, "Frames").

Money columns have the dtype ``krona`` (exact öre with a mask): a missing amount is ``<NA>``, never
0 and never a float. Text that may be missing uses pandas' ``string`` dtype, counts ``Int64``.

A column name means the same in every frame: ``application`` is an application's id,
``forvaltning`` the name of its förvaltning as the round records it (the förvaltning of the
application's unit) and ``forvaltning_id`` that förvaltning's registry id (join on it), ``year`` the
round's year. A frame that has another förvaltning gives it under another name: a proposal's
``limit_forvaltning`` and ``limit_forvaltning_id`` are the förvaltning its per-förvaltning limit
counted. ``forvaltning_on(frame, day)`` gives each row's förvaltning as of another day, through the
registry's mergers. A finding's ``severity`` is an ordered categorical, info < warning < error.
Reached through ``Round.to_frame()`` and the other ``to_frame`` methods; importing this module
loads pandas, which ``import anslag`` alone does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional, Union

import datetime

import pandas as pd

from anslag.units import Units

from anslag._core import (
    Application,
    Comparison,
    Evaluation,
    Krona,
    Proposal,
    Report,
    Round,
    Unit,
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


SEVERITY = pd.CategoricalDtype(["info", "warning", "error"], ordered=True)
"""A finding's severity as pandas orders it: ``findings[findings.severity >= "warning"]``."""


def _forvaltning_unit(registry: UnitRegistry, unit_id: Optional[str]) -> Optional[Unit]:
    unit = registry.find(unit_id) if unit_id is not None else None
    return None if unit is None else registry.forvaltning(unit)


def forvaltning_of(registry: UnitRegistry, application: Application) -> Optional[str]:
    """The name of the förvaltning of the application's unit as the round file reads it; None when
    the round file gives no unit (an unresolved or ambiguous applicant stays unknown)."""
    unit = _forvaltning_unit(registry, application.unit)
    return None if unit is None else unit.name


def _forvaltning_name(registry: UnitRegistry, unit_id: Optional[str]) -> Optional[str]:
    unit = _forvaltning_unit(registry, unit_id)
    return None if unit is None else unit.name


def _forvaltning_id(registry: UnitRegistry, unit_id: Optional[str]) -> Optional[str]:
    unit = _forvaltning_unit(registry, unit_id)
    return None if unit is None else unit.id


def forvaltning_on(frame: pd.DataFrame, day: Union[datetime.date, str, pd.Timestamp],
                   units: Units = None) -> pd.Series:
    """Each row's förvaltning (its name) as of ``day``: the unit that carries on the row's
    ``forvaltning_id`` on that day through the registry's mergers (Hässelby-Vällingby's rows are
    Västerort's from 2025). <NA> where the row's förvaltning is unknown, or had no successor on
    ``day`` (it did not exist yet). Works on any frame with a ``forvaltning_id`` column: those of
    Round.to_frame(), Proposal.to_frame(), and a concatenation of them."""
    registry = _registry(units)
    on = _day(day)
    names: dict[Optional[str], Optional[str]] = {}
    for unit_id in frame["forvaltning_id"].dropna().unique():
        unit = registry.find(unit_id)
        successor = None if unit is None else registry.successor_on(unit, on)
        names[unit_id] = None if successor is None else registry.forvaltning(successor).name
    return pd.Series(pd.array([None if pd.isna(u) else names[u] for u in frame["forvaltning_id"]],
                              dtype="string"), index=frame.index, name="forvaltning")


def _day(day: Union[datetime.date, str, pd.Timestamp]) -> datetime.date:
    """A day as the registry takes it: a date, an ISO text, or a pandas Timestamp (its date)."""
    if isinstance(day, pd.Timestamp):
        date: datetime.date = day.date()
        return date
    if isinstance(day, datetime.datetime):
        raise TypeError("a day is a datetime.date, an ISO text or a pandas Timestamp, not a "
                        "datetime (its time of day would be dropped); pass .date()")
    if isinstance(day, str):
        return datetime.date.fromisoformat(day)
    return day


def _registry(units: Units) -> UnitRegistry:
    from anslag.units import registry_of

    return registry_of(units)


def _dates(values: Iterable[Optional[datetime.date]]) -> pd.Series:
    return pd.to_datetime(pd.Series([None if v is None else pd.Timestamp(v) for v in values], dtype=object))


def _lists(values: Iterable[Iterable[str]]) -> list[list[str]]:
    return [list(v) for v in values]


def round_frame(round: Round, units: Units = None) -> pd.DataFrame:
    """One row per application, in document order."""
    registry = _registry(units)
    apps = round.applications
    return pd.DataFrame(
        {
            "application": _text(a.id for a in apps),
            "year": _counts(round.year for _ in apps),
            "fund": _text(a.fund for a in apps),
            "applicant": _text(a.applicant for a in apps),
            "co_applicants": _lists(a.co_applicants for a in apps),
            "unit": _text(a.unit for a in apps),
            "forvaltning": _text(_forvaltning_name(registry, a.unit) for a in apps),
            "forvaltning_id": _text(_forvaltning_id(registry, a.unit) for a in apps),
            "project": _text(a.project for a in apps),
            "destination": _text(a.destination for a in apps),
            "purpose": _text(a.purpose for a in apps),
            "submitted": _dates(a.submitted for a in apps),
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
            "year": _counts(report.year for _ in found),
            "code": _text(f.code for f in found),
            "severity": pd.Categorical([f.severity for f in found], dtype=SEVERITY),
            "fund": _text(f.fund for f in found),
            "rule": _text(f.rule for f in found),
            "statement": _text(f.statement for f in found),
            "expected": krona_column(_amount(f.expected) for f in found),
            "actual": krona_column(_amount(f.actual) for f in found),
            "expected_count": _counts(_count(f.expected) for f in found),
            "actual_count": _counts(_count(f.actual) for f in found),
            "rows": _lists(f.rows for f in found),  # the applications it concerns, a list per finding
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


def proposal_frame(proposal: Proposal, units: Units = None) -> pd.DataFrame:
    """One row per application of the proposal, in the order of allocation; the förvaltning
    names from the registry ``units`` (default: the bundled one)."""
    grants = proposal.grants
    registry = _registry(units)
    return pd.DataFrame(
        {
            "application": _text(g.application for g in grants),
            "year": _counts(proposal.year for _ in grants),
            # The förvaltning the limit counted, which after a merger is not the one the round
            # records (2024-LUM-07: Norra innerstaden, recorded as Norrmalm): so not "forvaltning".
            "limit_forvaltning": _text(_forvaltning_name(registry, g.forvaltning) for g in grants),
            "limit_forvaltning_id": _text(g.forvaltning for g in grants),
            "requested": krona_column(g.requested for g in grants),
            "proposed": krona_column(g.proposed for g in grants),
            "recorded": krona_column(g.recorded for g in grants),
            # Why the allocation proposed what it did; a round's "reason" is the decision's.
            "proposal_reason": _text(None if g.reason is None else g.reason.name for g in grants),
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
            "proposal_reason": _text(None if r.reason is None else r.reason.name for r in rows),
        }
    )
