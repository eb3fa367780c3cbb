"""Rounds, applications, findings, reports, evaluations, proposals and comparisons pickle to equal
values, so they cross process boundaries (multiprocessing, Dask); an audit in a process pool gives
the reports of the in-process audit."""

import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import anslag
from anslag import Krona


@pytest.fixture(scope="module")
def rounds():
    return [anslag.load_round(year) for year in anslag.bundled_rounds()]


def round_trips(value):
    for protocol in (2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
        copy = pickle.loads(pickle.dumps(value, protocol))
        assert copy == value and type(copy) is type(value)


def test_rounds_applications_and_krona_pickle_to_equal_values(rounds):
    round_trips(Krona("-1 234,50 kr"))
    for r in rounds:
        round_trips(r)
        for application in r.applications:
            round_trips(application)


def test_reports_and_findings_pickle_to_equal_values(rounds):
    for r in rounds:
        report = anslag.audit(r)
        round_trips(report)
        for finding in report.findings:
            round_trips(finding)


def test_evaluations_pickle_to_equal_values(rounds):
    for application in rounds[0].applications:
        round_trips(anslag.evaluate(rounds[0], application))


@pytest.mark.parametrize("strategy", ["ranked", "pro_rata", "equal_cap"])
def test_proposals_and_comparisons_pickle_to_equal_values(rounds, strategy):
    for r in rounds:
        for fund in r.funds:
            proposal = anslag.propose(r, fund, strategy)
            round_trips(proposal)
            round_trips(proposal.compare())
            for grant in proposal.grants:
                round_trips(grant)
            for row in proposal.compare().rows:
                round_trips(row)


def test_equality_sees_a_changed_field(rounds):
    first = anslag.propose(rounds[0], "LUM", "pro_rata")
    assert first != anslag.propose(rounds[0], "LUM", "ranked")
    assert first.compare() != anslag.propose(rounds[0], "LUM", "ranked").compare()
    reports = [anslag.audit(r) for r in rounds]
    assert reports[0] != reports[1]
    assert anslag.evaluate(rounds[0], "2020-LUM-01") != anslag.evaluate(rounds[0], "2020-LUM-03")


def test_a_corrupt_proposal_state_is_refused():
    proposal = anslag.propose(anslag.load_round(2020), "LUM", "pro_rata")
    restore, (cls, state) = proposal.__reduce_ex__(2)
    with pytest.raises(anslag.InvalidArgumentError, match="^bad pickled proposal$"):
        restore(cls, state[:-1])


def test_an_audit_in_a_process_pool_gives_the_in_process_reports(rounds):
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = list(pool.map(anslag.audit, rounds))
    assert pooled == [anslag.audit(r) for r in rounds]
    assert [report.year for report in pooled] == anslag.bundled_rounds()
