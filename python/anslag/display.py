"""Rich display in Jupyter: the ``_repr_html_`` of Krona, Round, Report, Finding, Evaluation,
Proposal and Comparison. Every text that comes from a document or a round file is HTML-escaped."""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from typing import Optional

from anslag import _core
from anslag._core import Comparison, Error, Evaluation, Finding, Krona, Proposal, Report, Round

# Amounts right-aligned in tabular figures, so that columns of kronor line up digit by digit.
_STYLE = (
    "<style>.anslag td.kr{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    ".anslag blockquote{margin:0.2em 0 0.6em 1em;color:#444;font-style:italic}</style>"
)
UNKNOWN = "okänt"


def _e(value: object) -> str:
    return html.escape(str(value))


def _kr(amount: Optional[Krona]) -> str:
    return f'<td class="kr">{_e(UNKNOWN if amount is None else amount)}</td>'


def _table(header: Sequence[str], rows: Iterable[str]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _td(value: object) -> str:
    return f"<td>{'' if value is None else _e(value)}</td>"


def krona_html(amount: Krona) -> str:
    return f'<span class="anslag-krona">{_e(amount)}</span>'


def round_html(round: Round) -> str:
    funds = _table(
        ["fond", "namn", "budget", "tak", "högst beviljade per förvaltning"],
        (
            f"<tr>{_td(f.id)}{_td(f.name)}{_kr(f.budget)}{_td('—') if f.cap is None else _kr(f.cap)}"
            f"{_td('—' if f.max_granted_per_unit is None else f.max_granted_per_unit)}</tr>"
            for f in round.funds.values()
        ),
    )
    apps = _table(
        ["ansökan", "fond", "sökande", "sökt", "beviljat", "beslut"],
        (
            f"<tr>{_td(a.id)}{_td(a.fund)}{_td(a.applicant)}{_kr(a.requested)}{_kr(a.granted)}"
            f"{_td(a.decision)}</tr>"
            for a in round.applications
        ),
    )
    return (
        f'{_STYLE}<div class="anslag"><h4>{_e(round.document.title)} ({_e(round.date)}), '
        f"omgång {_e(round.year)}</h4>{funds}"
        f"<p>{len(round.applications)} ansökningar</p>{apps}</div>"
    )


def _finding_body(finding: Finding) -> str:
    where = " · ".join(
        _e(part)
        for part in (finding.code, finding.fund, finding.rule or finding.statement, f"rad {finding.source.line}")
        if part
    )
    figures = "".join(
        f"<li>{name}: {_e(value)}</li>"
        for name, value in (("väntat", finding.expected), ("faktiskt", finding.actual))
        if value is not None
    )
    quote = f"<blockquote>”{_e(finding.quote)}”</blockquote>" if finding.quote else ""
    reading = f"<p>Läsning: {_e(finding.reading)}</p>" if finding.reading else ""
    rows = f"<p>Rader: {_e(', '.join(finding.rows))}</p>" if finding.rows else ""
    return (
        f"<p><b>{_e(finding.severity)}</b> {where}</p><p>{_e(finding.message_sv)}<br>"
        f"<small>{_e(finding.message_en)}</small></p>"
        f"{f'<ul>{figures}</ul>' if figures else ''}{rows}{quote}{reading}"
    )


def finding_html(finding: Finding) -> str:
    return f'{_STYLE}<div class="anslag">{_finding_body(finding)}</div>'


def report_html(report: Report) -> str:
    """The summary and findings of the HTML report (``Report.to_html``), without the document:
    the same escaping, the same words. The figures per fund need the round, read again from
    ``report.file`` when it is there."""
    audited: Optional[Round] = None
    if report.file and os.path.isfile(report.file):
        try:
            audited = _core.load_round(report.file)
        except Error:
            audited = None
    return _core._report_html_fragment(report, audited)


def evaluation_html(evaluation: Evaluation) -> str:
    verdicts = _table(
        ["regel", "utfall", "förklaring", "citat"],
        (
            f"<tr>{_td(v.rule)}{_td(v.state)}{_td(v.explanation_sv)}{_td(v.quote)}</tr>"
            for v in evaluation.verdicts
        ),
    )
    skipped = "".join(f"<li>{_e(n.rule)}: {_e(n.reason)}</li>" for n in evaluation.not_evaluated)
    return (
        f'{_STYLE}<div class="anslag"><h4>Prövning av {_e(evaluation.application)} '
        f"({_e(evaluation.fund)}): {_e(evaluation.result)}</h4>{verdicts}"
        f"{f'<p>Ej prövade regler:</p><ul>{skipped}</ul>' if skipped else ''}</div>"
    )


def proposal_html(proposal: Proposal) -> str:
    comparison = proposal.compare()
    grants = _table(
        ["ansökan", "förvaltning", "sökt", "förslag", "beslutat", "skäl"],
        (
            f"<tr>{_td(g.application)}{_td(g.forvaltning or UNKNOWN)}{_kr(g.requested)}{_kr(g.proposed)}"
            f"{_kr(g.recorded)}{_td(None if g.reason is None else g.reason.name)}</tr>"
            for g in proposal.grants
        ),
    )
    cap = f", tak {_e(proposal.cap)}" if proposal.cap is not None else ""
    return (
        f'{_STYLE}<div class="anslag"><h4>Förslag {_e(proposal.year)} {_e(proposal.fund)} '
        f"({_e(proposal.strategy)}): budget {_e(proposal.budget)}{cap}</h4>{grants}"
        f"{_totals(comparison)}</div>"
    )


def _totals(comparison: Comparison) -> str:
    recorded, proposed = comparison.recorded_total, comparison.proposed_total
    return (
        f"<p>Beslutat {_e(UNKNOWN if recorded is None else recorded)}, föreslaget "
        f"{_e(UNKNOWN if proposed is None else proposed)}; "
        f"{comparison.proposed_unknown} utan känt förslag (ansökt belopp okänt), "
        f"{comparison.recorded_unknown} utan känt beslut.</p>"
    )


def comparison_html(comparison: Comparison) -> str:
    rows = _table(
        ["ansökan", "beslutat", "förslag", "skillnad"],
        (
            f"<tr>{_td(r.application)}{_kr(r.recorded)}{_kr(r.proposed)}{_kr(r.difference)}</tr>"
            for r in comparison.rows
        ),
    )
    return f'{_STYLE}<div class="anslag">{rows}{_totals(comparison)}</div>'

