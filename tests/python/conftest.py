"""Time budgets: a test that gets slower than its budget fails with the figure, so that `make test`
stays inside its 20 minutes on two cores (docs/testing.md). The budget is CPU time, the test
process's and its finished children's (a command-line run, mypy) during the test's call, so that a
machine loaded by other work does not fail a test that did not get slower; its fixtures' set-up is
not counted. 30 s unless the test says otherwise with `@pytest.mark.budget(SECONDS)`.
ANSLAG_TEST_BUDGET_SCALE multiplies every budget, for a slower machine or build."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Generator

import pytest

DEFAULT_BUDGET_SECONDS = 30.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "budget(seconds): the test's CPU-time budget, instead of 30 s")


def budget_of(item: pytest.Item) -> float:
    marker = item.get_closest_marker("budget")
    seconds = float(marker.args[0]) if marker else DEFAULT_BUDGET_SECONDS
    return seconds * float(os.environ.get("ANSLAG_TEST_BUDGET_SCALE", "1"))


def cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    start = cpu_seconds()
    yield
    item.stash[CPU_KEY] = cpu_seconds() - start


CPU_KEY = pytest.StashKey[float]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.passed or CPU_KEY not in item.stash:
        return
    spent, budget = item.stash[CPU_KEY], budget_of(item)
    if spent > budget:
        report.outcome = "failed"
        report.longrepr = (f"{item.nodeid} took {spent:.1f} s of CPU ({report.duration:.1f} s of wall "
                           f"time), over its budget of {budget:g} s: make it faster, or give it a budget "
                           f"of its own (@pytest.mark.budget) and say why")
