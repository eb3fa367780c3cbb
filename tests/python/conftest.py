"""Time budgets: a test that gets slower than its budget fails with the figure, so that `make test`
stays inside its 20 minutes on two cores (docs/testing.md). The budget is the wall time of the
test's call (its fixtures' set-up is not counted), 30 s unless the test says otherwise with
`@pytest.mark.budget(SECONDS)`. ANSLAG_TEST_BUDGET_SCALE multiplies every budget, for a machine
known to be slower (a sanitizer build, a debugger)."""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

DEFAULT_BUDGET_SECONDS = 30.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "budget(seconds): the test's time budget, instead of 30 s")


def budget_of(item: pytest.Item) -> float:
    marker = item.get_closest_marker("budget")
    seconds = float(marker.args[0]) if marker else DEFAULT_BUDGET_SECONDS
    return seconds * float(os.environ.get("ANSLAG_TEST_BUDGET_SCALE", "1"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.passed:
        return
    budget = budget_of(item)
    if report.duration > budget:
        report.outcome = "failed"
        report.longrepr = (f"{item.nodeid} took {report.duration:.1f} s, over its budget of "
                           f"{budget:g} s: make it faster, or give it a budget of its own "
                           f"(@pytest.mark.budget) and say why")
