"""The pure-Python methods of the compiled classes: ``to_frame`` (pandas, loaded on first call)
and ``_repr_html_`` (Jupyter's rich display). Imported once by ``anslag/__init__.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anslag import display
from anslag._core import Comparison, Evaluation, Finding, Krona, Proposal, Report, Round

if TYPE_CHECKING:
    import pandas as pd

    from anslag.units import Units


def _round_to_frame(self: Round, units: Units = None) -> pd.DataFrame:
    """One row per application: money columns of dtype krona, a missing amount <NA>."""
    from anslag.frames import round_frame

    return round_frame(self, units)


def _report_to_frame(self: Report) -> pd.DataFrame:
    """One row per finding; amounts in krona columns, counts in Int64 columns."""
    from anslag.frames import report_frame

    return report_frame(self)


def _evaluation_to_frame(self: Evaluation) -> pd.DataFrame:
    """One row per verdict."""
    from anslag.frames import evaluation_frame

    return evaluation_frame(self)


def _proposal_to_frame(self: Proposal, units: Units = None) -> pd.DataFrame:
    """One row per application of the proposal, in the order of allocation; förvaltning names
    from the registry ``units`` (default: the bundled one)."""
    from anslag.frames import proposal_frame

    return proposal_frame(self, units)


def _comparison_to_frame(self: Comparison) -> pd.DataFrame:
    """One row per application: recorded, proposed, difference."""
    from anslag.frames import comparison_frame

    return comparison_frame(self)


# setattr: the stubs (_core.pyi) declare these methods, and mypy refuses assigning to a method.
for _cls, _method in (
    (Round, _round_to_frame),
    (Report, _report_to_frame),
    (Evaluation, _evaluation_to_frame),
    (Proposal, _proposal_to_frame),
    (Comparison, _comparison_to_frame),
):
    setattr(_cls, "to_frame", _method)

for _shown, _html in (
    (Krona, display.krona_html),
    (Round, display.round_html),
    (Report, display.report_html),
    (Finding, display.finding_html),
    (Evaluation, display.evaluation_html),
    (Proposal, display.proposal_html),
    (Comparison, display.comparison_html),
):
    setattr(_shown, "_repr_html_", _html)
