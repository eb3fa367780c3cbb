"""Cost linear in the input, per input class (docs/reliability.md, "Scaling tests"): each class is
timed at 1x, 2x, 4x and 8x a base size, in CPU time (the machine running the tests is shared; wall
time would also count the other jobs' turns), best of three. Linear growth gives 8x from the
first size to the last and quadratic 64x; a test fails past GROWTH_LIMIT, which leaves room for
noise and still catches anything quadratic. The base sizes make the first size take tens of
milliseconds, so that fixed costs do not hide the growth; the whole file runs in under 20 s."""

from __future__ import annotations

import io
import os
import resource
import subprocess
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import anslag
from anslag import exchange
from pdf_maker import shared_stream_pdf

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
ENVIRONMENT = {**os.environ, "ANSLAG_DATA_DIR": str(REPO / "data")}
FACTORS = (1, 2, 4, 8)
GROWTH_LIMIT = 20.0


def cpu_seconds(work: Callable[[], object]) -> float:
    """The CPU time of `work`, this process's and that of the children it waited for."""
    def now() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    best = float("inf")
    for _ in range(3):
        start = now()
        work()
        best = min(best, now() - start)
    return best


def assert_linear(prepare: Callable[[int], Callable[[], object]], base: int) -> None:
    works = [prepare(base * factor) for factor in FACTORS]
    times = [cpu_seconds(work) for work in works]
    growth = times[-1] / max(times[0], 1e-3)
    assert growth < GROWTH_LIMIT, f"CPU seconds at {FACTORS}x: {times} (growth {growth:.1f}x)"


def run_cli(*arguments: str) -> Callable[[], object]:
    return lambda: subprocess.run([CLI, *arguments], capture_output=True, env=ENVIRONMENT, timeout=120, check=False)


def test_round_file_load(tmp_path: Path) -> None:
    def prepare(n: int) -> Callable[[], object]:
        path = tmp_path / f"round-{n}.toml"
        path.write_text(anslag.synthetic_round(n), encoding="utf-8")
        return lambda: anslag.load_round(path)

    assert_linear(prepare, 2_000)


def test_audit_of_a_round() -> None:
    def prepare(n: int) -> Callable[[], object]:
        loaded = anslag.parse_round(anslag.synthetic_round(n, faults=anslag.SYNTHETIC_FAULTS), "s.toml")
        return lambda: anslag.audit(loaded)

    assert_linear(prepare, 10_000)


def test_folder_of_rounds_on_the_command_line(tmp_path: Path) -> None:
    def prepare(n: int) -> Callable[[], object]:
        folder = tmp_path / f"folder-{n}"
        anslag.synthetic_rounds(n, folder, faults=["total-mismatch"], progress=False)
        return run_cli("audit", str(folder), "--format", "markdown")

    assert_linear(prepare, 40)


def test_pdf_text(tmp_path: Path) -> None:
    def prepare(n: int) -> Callable[[], object]:
        # 200 pages of n lines each: the text grows, the pages stay within their limit.
        path = tmp_path / f"lines-{n}.pdf"
        shared_stream_pdf(path, ["2020-12-15"] + [f"Rad {i} med text och 1 234 kr." for i in range(n)], 200)
        return run_cli("draft", str(path), "--output", str(tmp_path / "draft.toml"))

    assert_linear(prepare, 10)


def test_excel_rows(tmp_path: Path) -> None:
    def prepare(n: int) -> Callable[[], object]:
        path = tmp_path / f"rows-{n}.xlsx"
        frame = pd.DataFrame({"id": range(n), "beviljat": pd.array([f"{i} kr" for i in range(n)], dtype="krona")})
        exchange.to_excel(frame, path)
        return lambda: exchange.read_excel(path)

    assert_linear(prepare, 1_000)


def test_json_and_csv_records(tmp_path: Path) -> None:
    def prepare(n: int) -> Callable[[], object]:
        frame = pd.DataFrame({"text": ["=1+1", "ok"] * (n // 2),
                              "beviljat": pd.array([f"{i} kr" for i in range(n)], dtype="krona")})
        text = exchange.to_json(frame)
        assert text is not None

        def work() -> None:
            exchange.read_json(io.StringIO(text))
            exchange.to_csv(frame, tmp_path / "out.csv")

        return work

    assert_linear(prepare, 5_000)


def one_long_quote_over_every_fund(funds: int, quote_bytes: int) -> str:
    """The round of issue 25: one cap over every fund, whose quote every fund's finding cites
    (each fund's one application is above the cap)."""
    lines = ["format = 1", "year = 2024", "", "[document]", 'title = "Q"', "date = 2023-12-12",
             'seed = "q.txt"', 'deciding_body = "S"', 'kind = "t"', ""]
    for i in range(funds):
        lines += ["[[funds]]", f'id = "F{i}"', f'name = "F{i}"', 'budget = "1 000 kr"', ""]
    lines += ["[[rules]]", 'id = "cap"', 'kind = "cap_per_application"', 'summary = "s"', 'amount = "500 kr"',
              f'quote = "{"Ord " * (quote_bytes // 4)}"', "source = { line = 1 }", ""]
    for i in range(funds):
        lines += ["[[applications]]", f'id = "A{i}"', f'fund = "F{i}"', 'applicant = "Farsta"', 'project = "P"',
                  'requested = "1 000 kr"', 'granted = "1 000 kr"', 'decision = "granted"', "source = { line = 2 }", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("report_format", ["json", "text", "markdown", "html"])
def test_findings_citing_one_long_quote(tmp_path: Path, report_format: str) -> None:
    # The funds and the quote both grow with n: a report copying the quote per finding grows as
    # their product, one writing it once as their sum.
    def prepare(n: int) -> Callable[[], object]:
        path = tmp_path / f"quote-{n}.toml"
        path.write_text(one_long_quote_over_every_fund(n, 100 * n), encoding="utf-8")
        return run_cli("audit", str(path), "--format", report_format, "--output", str(tmp_path / f"report-{n}"))

    assert_linear(prepare, 250)


def test_the_round_of_one_long_quote_over_3000_funds(tmp_path: Path) -> None:
    # The round itself: 3 000 findings citing a 1 MB quote made a JSON report of 3.0 GB
    # (8 GB of memory); each format now holds the quote once.
    path = tmp_path / "quote.toml"
    path.write_text(one_long_quote_over_every_fund(3_000, 1_000_000), encoding="utf-8")
    for report_format in ("json", "text", "markdown", "html"):
        output = tmp_path / f"report.{report_format}"
        done = subprocess.run([CLI, "audit", str(path), "--format", report_format, "--output", str(output)],
                              capture_output=True, env=ENVIRONMENT, timeout=60, check=False)
        assert done.returncode == 1, done.stderr  # the 3 000 caps exceeded are errors
        written = output.read_text(encoding="utf-8")
        assert written.count("Ord " * 1_000) >= 1 and output.stat().st_size < 10_000_000, report_format


@pytest.mark.parametrize("quadratic", [True, False])
def test_the_check_catches_quadratic_growth_and_passes_linear(quadratic: bool) -> None:
    # The checker itself: a quadratic loop must fail it, a linear one pass.
    def prepare(n: int) -> Callable[[], object]:
        return (lambda: sum(i * j for i in range(n) for j in range(n))) if quadratic else \
               (lambda: sum(i for i in range(n * 300)))

    if quadratic:
        with pytest.raises(AssertionError, match="growth"):
            assert_linear(prepare, 150)
    else:
        assert_linear(prepare, 150)
