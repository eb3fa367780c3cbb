"""Plots: Figures with Swedish kronor on the axis, unknown amounts labelled as unknown (not drawn
as 0), rendered to PNG with the Agg backend."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import anslag  # noqa: E402
from anslag import plots  # noqa: E402


@pytest.fixture(scope="module")
def round_2020():
    return anslag.load_round(2020)


def texts(figure):
    return [t.get_text() for t in figure.axes[0].texts]


def bar_widths(figure):
    return [patch.get_width() for patch in figure.axes[0].patches]


def render(figure, path):
    figure.savefig(path, format="png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_axis_formatter_writes_kronor_with_space_grouping():
    formatter = plots.kronor_formatter()
    assert formatter(1_000_000.0, 0) == "1 000 000\u00a0kr"
    assert formatter(0.0, 0) == "0\u00a0kr"
    assert formatter(-25_000.0, 0) == "\u221225 000\u00a0kr"


def test_requested_against_granted_per_application(round_2020, tmp_path):
    figure = plots.requested_granted(round_2020, "LUM")
    assert isinstance(figure, Figure)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == [a.id for a in round_2020.applications if a.fund == "LUM"]
    # requested then granted bars, in kronor: 2020-LUM-03 asked 626 000 kr and got 400 000 kr.
    widths = bar_widths(figure)
    assert widths[2] == 626_000.0 and widths[14 + 2] == 400_000.0
    assert texts(figure) == []
    render(figure, tmp_path / "lum.png")


def test_unknown_requests_are_labelled_unknown_not_zero(round_2020, tmp_path):
    figure = plots.requested_granted(round_2020, "MUST")
    assert texts(figure) == [" sökt: okänt"] * 9
    render(figure, tmp_path / "must.png")


def test_per_forvaltning_sums_are_exact_and_a_partly_unknown_total_is_unknown(round_2020, tmp_path):
    figure = plots.requested_granted_by_forvaltning(round_2020)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    widths = bar_widths(figure)
    farsta = labels.index("Farsta")
    # Farsta: LUM 500 000 + 500 000 requested and MUST requests unprinted -> requested unknown.
    assert widths[farsta] == 0.0
    assert widths[len(labels) + farsta] == 25_000.0
    assert texts(figure).count(" sökt: okänt") == sum(
        1 for name in labels if name in {"Farsta", "Enskede-Årsta-Vantör", "Hässelby-Vällingby",
                                         "Socialförvaltningen", "Spånga-Tensta", "Södermalm", "Östermalm"})
    render(figure, tmp_path / "forvaltning.png")


def test_recorded_against_proposed_and_strategies(round_2020, tmp_path):
    proposal = anslag.propose(round_2020, "LUM", "pro_rata")
    figure = plots.recorded_proposed(proposal)
    widths = bar_widths(figure)
    assert widths[:14] == [float(r.recorded.to_decimal()) for r in proposal.compare().rows]
    render(figure, tmp_path / "proposal.png")
    several = plots.strategies([anslag.propose(round_2020, "LUM", s) for s in ("ranked", "pro_rata", "equal_cap")])
    assert len(bar_widths(several)) == 4 * 14
    render(several, tmp_path / "strategies.png")
    with pytest.raises(ValueError):
        plots.strategies([])


def test_budget_use_per_fund(round_2020, tmp_path):
    figure = plots.budget_use(round_2020)
    assert bar_widths(figure) == [3_500_000.0, 174_300.0, 3_500_000.0, 174_300.0]
    render(figure, tmp_path / "budget.png")
    proposed = plots.budget_use(anslag.propose(round_2020, "MUST", "pro_rata"))
    assert texts(proposed) == [" beviljat: okänt"]
