"""The time budgets of conftest.py fail a test that runs over, with the figure (pytester runs a
small suite under the same conftest); scripts/test-durations lists the slowest tests of a run."""

import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py")
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "test-durations"
# A suite of three: one spends 0.2 s of CPU against a budget of 0.05 s, one sleeps well inside its
# budget, and one waits 0.2 s (wall time, no CPU) against 0.05 s.
SUITE = """
    import time
    import pytest

    @pytest.mark.budget(0.05)
    def test_over():
        end = time.process_time() + 0.2
        while time.process_time() < end:
            pass

    @pytest.mark.budget(5)
    def test_under():
        time.sleep(0.01)

    @pytest.mark.budget(0.05)
    def test_waiting_is_not_spending():
        time.sleep(0.2)
"""


def test_a_test_over_its_budget_fails_with_the_figure(pytester: pytest.Pytester,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANSLAG_TEST_BUDGET_SCALE", raising=False)
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_slow=SUITE)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.re_match_lines([r".*test_slow.py::test_over took 0\.[2-9] s of CPU \([0-9.]+ s of wall time\), "
                                  r"over its budget of 0\.05 s: make it faster.*"])


def test_the_scale_stretches_every_budget(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_slow=SUITE)
    monkeypatch.setenv("ANSLAG_TEST_BUDGET_SCALE", "100")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=3)


def test_the_durations_script_lists_the_slowest_of_every_suite(tmp_path: Path) -> None:
    (tmp_path / "ctest.xml").write_text(
        '<testsuite><testcase name="cpp.test_krona" classname="cpp.test_krona" time="1.5"/>'
        '<testcase name="headers.x" time="0.25"/></testsuite>', encoding="utf-8")
    (tmp_path / "pytest.xml").write_text(
        '<testsuites><testsuite><testcase classname="test_draft" name="test_a" time="7.25"/>'
        '</testsuite></testsuites>', encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCRIPT), "--most", "2", str(tmp_path / "ctest.xml"),
                          str(tmp_path / "pytest.xml")], check=True, capture_output=True, text=True).stdout
    assert out.splitlines() == [
        "The slowest 2 of 3 tests (ctest: 2 tests, 2 s; pytest: 1 tests, 7 s; test time, not build time):",
        "",
        "| seconds | suite | test |",
        "| ---: | --- | --- |",
        "| 7.2 | pytest | `test_draft::test_a` |",
        "| 1.5 | ctest | `cpp.test_krona` |",
    ]
