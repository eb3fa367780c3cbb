"""Plots of rounds and proposals with matplotlib (docs/python.md, "Plots").

Every function returns the matplotlib Figure. Amounts stay exact Krona values until ``_kronor``,
the one place they become floats, for drawing only; axis labels are Swedish kronor with space
grouping ("1 000 000 kr"). An amount the document does not print is marked as unknown, never
drawn as 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional, Union

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from anslag._core import Comparison, Krona, Proposal, Round, format_amount
from anslag.frames import forvaltning_of
from anslag.units import Units, registry_of

UNKNOWN = "okänt"
_REQUESTED, _GRANTED, _PROPOSED = "#9ecae1", "#3182bd", "#e6550d"


def _kronor(amounts: Sequence[Optional[Krona]]) -> list[float]:
    # The only conversion of money to float in anslag's plots: matplotlib draws floats. Unknown
    # amounts become 0-length bars here and are labelled as unknown by the caller.
    return [0.0 if amount is None else float(amount.to_decimal()) for amount in amounts]


def kronor_formatter() -> FuncFormatter:
    """Axis ticks as whole Swedish kronor with space grouping: 1 000 000 kr."""
    return FuncFormatter(lambda value, _position: format_amount(Krona(round(value)), separator=" "))


def _bars(
    axes: Axes, labels: Sequence[str], series: Sequence[tuple[str, str, Sequence[Optional[Krona]]]]
) -> None:
    """Horizontal grouped bars, one group per label; an unknown amount is written, not drawn."""
    height = 0.8 / len(series)
    for index, (name, colour, amounts) in enumerate(series):
        positions = [row + (index - (len(series) - 1) / 2) * height for row in range(len(labels))]
        axes.barh(positions, _kronor(amounts), height=height, color=colour, label=name)
        for position, amount in zip(positions, amounts):
            if amount is None:
                axes.text(0, position, f" {name}: {UNKNOWN}", va="center", fontsize=7, color="#555")
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()
    axes.xaxis.set_major_formatter(kronor_formatter())
    axes.tick_params(axis="x", labelrotation=30)
    axes.legend(loc="lower right")


def _figure(rows: int) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(9, 1.2 + 0.35 * max(rows, 1)), layout="constrained")
    return figure, figure.subplots()


def requested_granted(round: Round, fund: Optional[str] = None) -> Figure:
    """Requested against granted per application (of one fund, or all)."""
    apps = [a for a in round.applications if fund is None or a.fund == fund]
    figure, axes = _figure(len(apps))
    _bars(
        axes,
        [a.id for a in apps],
        [("sökt", _REQUESTED, [a.requested for a in apps]), ("beviljat", _GRANTED, [a.granted for a in apps])],
    )
    axes.set_title(f"Sökt och beviljat per ansökan, {round.year}{f' ({fund})' if fund else ''}")
    return figure


def _sum_known(amounts: Sequence[Optional[Krona]]) -> Optional[Krona]:
    """The exact sum, or None when any amount is unknown: a partial sum is not the total."""
    if any(amount is None for amount in amounts):
        return None
    return sum((a for a in amounts if a is not None), Krona(0))


def requested_granted_by_forvaltning(
    round: Round, fund: Optional[str] = None, units: Units = None
) -> Figure:
    """Requested against granted summed per förvaltning (of the registry ``units``: a registry, a
    registry file's path, or None for the bundled one); a total with an unknown part is unknown."""
    registry = registry_of(units)
    groups: dict[str, tuple[list[Optional[Krona]], list[Optional[Krona]]]] = {}
    for a in round.applications:
        if fund is None or a.fund == fund:
            requested, granted = groups.setdefault(forvaltning_of(registry, a) or UNKNOWN, ([], []))
            requested.append(a.requested)
            granted.append(a.granted)
    names = sorted(groups)
    figure, axes = _figure(len(names))
    _bars(
        axes,
        names,
        [
            ("sökt", _REQUESTED, [_sum_known(groups[n][0]) for n in names]),
            ("beviljat", _GRANTED, [_sum_known(groups[n][1]) for n in names]),
        ],
    )
    axes.set_title(f"Sökt och beviljat per förvaltning, {round.year}{f' ({fund})' if fund else ''}")
    return figure


def recorded_proposed(proposal: Proposal, comparison: Optional[Comparison] = None) -> Figure:
    """The recorded grant against the proposed one per application."""
    rows = (comparison or proposal.compare()).rows
    figure, axes = _figure(len(rows))
    _bars(
        axes,
        [r.application for r in rows],
        [
            ("beslutat", _GRANTED, [r.recorded for r in rows]),
            (f"förslag ({proposal.strategy})", _PROPOSED, [r.proposed for r in rows]),
        ],
    )
    axes.set_title(f"Beslutat och föreslaget, {proposal.year} {proposal.fund} (budget {proposal.budget})")
    return figure


def strategies(proposals: Sequence[Proposal]) -> Figure:
    """Several proposals of one fund (one per strategy) beside the recorded decision."""
    if not proposals:
        raise ValueError("no proposals to plot")
    first = proposals[0].compare().rows
    figure, axes = _figure(len(first) * max(1, len(proposals) // 2))
    colours = ["#e6550d", "#31a354", "#756bb1", "#636363"]
    series: list[tuple[str, str, Sequence[Optional[Krona]]]] = [
        ("beslutat", _GRANTED, [r.recorded for r in first])
    ]
    for proposal, colour in zip(proposals, colours):
        series.append((proposal.strategy, colour, [r.proposed for r in proposal.compare().rows]))
    _bars(axes, [r.application for r in first], series)
    axes.set_title(f"Strategier mot beslutet, {proposals[0].year} {proposals[0].fund}")
    return figure


def budget_use(round_or_proposal: Union[Round, Proposal]) -> Figure:
    """Per fund: the budget against the sum of the recorded grants (of a round) or the proposed
    ones (of a proposal); a sum with an unknown grant is shown as unknown."""
    if isinstance(round_or_proposal, Proposal):
        p = round_or_proposal
        labels = [p.fund]
        budgets: list[Optional[Krona]] = [p.budget]
        used = [_sum_known([g.proposed for g in p.grants])]
        title = f"Budgetutnyttjande, förslag {p.year} {p.fund} ({p.strategy})"
    else:
        r = round_or_proposal
        labels = list(r.funds)
        budgets = [f.budget for f in r.funds.values()]
        used = [_sum_known([a.granted for a in r.applications if a.fund == fund]) for fund in labels]
        title = f"Budgetutnyttjande per fond, {r.year}"
    figure, axes = _figure(len(labels) * 2)
    _bars(axes, labels, [("budget", _REQUESTED, budgets), ("beviljat", _GRANTED, used)])
    axes.set_title(title)
    return figure
