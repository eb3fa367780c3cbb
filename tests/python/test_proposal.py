"""anslag.propose on the bundled rounds, and Proposal.compare()."""

import pickle

import pytest

import anslag

K = anslag.Krona


def test_the_2020_lum_proposal_of_docs_allocation_md():
    proposal = anslag.propose(
        anslag.load_round(2020), "LUM", "pro_rata", unit=50_000, include_rejected=False
    )
    assert (proposal.year, proposal.fund, proposal.strategy) == (2020, "LUM", "pro_rata")
    assert (proposal.budget, proposal.cap, proposal.unit, proposal.limit) == (
        K(3_500_000), None, K(50_000), 2,
    )
    assert [g.proposed for g in proposal.grants] == [
        K(k) for k in (400_000, 900_000, 350_000, 400_000, 350_000, 300_000, 300_000, 250_000, 250_000)
    ]
    comparison = proposal.compare()
    assert comparison.recorded_total == comparison.proposed_total == K(3_500_000)
    assert (comparison.recorded_unknown, comparison.proposed_unknown) == (0, 0)
    row = comparison.rows[1]
    assert (row.application, row.recorded, row.proposed, row.difference) == (
        "2020-LUM-04", K(500_000), K(900_000), K(400_000),
    )
    assert row.reason == anslag.GrantReason.budget_exhausted


def test_departments_count_as_their_forvaltning_for_the_limit():
    # Socialjouren and Framtid Stockholm are both Socialförvaltningen: with them first in the
    # order, the limit of two is not reached by anyone in 2020.
    proposal = anslag.propose(
        anslag.load_round(2020), "LUM", "equal_cap", order=["2020-LUM-11", "2020-LUM-10"]
    )
    assert [g.application for g in proposal.grants][:3] == ["2020-LUM-11", "2020-LUM-10", "2020-LUM-01"]
    assert {g.forvaltning for g in proposal.grants[:2]} == {"socialforvaltningen"}
    assert all(g.reason != anslag.GrantReason.unit_limit for g in proposal.grants)


def test_a_round_without_printed_requests_gets_no_proposal_rather_than_zeros():
    proposal = anslag.propose(anslag.load_round(2024), "LUM", "pro_rata")
    assert proposal.grants and all(g.requested is None for g in proposal.grants)
    assert all(g.proposed is None and g.reason is None for g in proposal.grants)
    comparison = proposal.compare()
    assert comparison.proposed_unknown == len(proposal.grants)
    # Nothing known: unknown, not 0 kr (issues 13 and 14), in the engine itself, not only in Python.
    assert comparison.proposed_total is None and comparison.difference_total is None
    assert comparison.recorded_total == sum((g.recorded for g in proposal.grants if g.recorded is not None), K(0))
    assert repr(comparison).endswith(", proposed unknown>")
    assert pickle.loads(pickle.dumps(comparison)) == comparison
    assert all(row.difference is None for row in comparison.rows)


def test_propose_refuses_an_unknown_fund_or_application_with_exact_messages():
    round_2020 = anslag.load_round(2020)
    with pytest.raises(anslag.NotFoundError, match=r"^no fund 'MUL' in the 2020 round$"):
        anslag.propose(round_2020, "MUL", "ranked")
    with pytest.raises(anslag.NotFoundError, match=r"^no application '2020-MUST-01' in fund LUM$"):
        anslag.propose(round_2020, "LUM", "ranked", order=["2020-MUST-01"])
    with pytest.raises(anslag.ParseError, match=r"^unknown allocation strategy 'x'"):
        anslag.propose(round_2020, "LUM", "x")


def test_an_application_named_twice_in_the_order_is_refused():
    with pytest.raises(anslag.InvalidArgumentError, match="^application '2020-LUM-03' is twice in the order$"):
        anslag.propose(anslag.load_round(2020), "LUM", "ranked", order=["2020-LUM-03", "2020-LUM-04", "2020-LUM-03"])
