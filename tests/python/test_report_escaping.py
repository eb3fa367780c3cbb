"""Data is shown, never obeyed, in every report format: the text report on a terminal, Markdown
as GitHub renders it (cmark-gfm with raw HTML allowed), the HTML page; and the HTML report's
Python API and command-line options (--document, --output written whole)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

import anslag

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
INJECTION = REPO / "tests" / "data" / "report-injection"
HOSTILE = INJECTION / "round.toml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, "audit", *args], capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture(scope="module")
def hostile_report() -> anslag.Report:
    return anslag.audit(anslag.load_round(HOSTILE))


def test_the_text_report_sends_no_control_character_to_the_terminal() -> None:
    result = run(str(HOSTILE))
    assert result.returncode == 1
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]", result.stdout)
    assert "\\x1b[2J" in result.stdout and "\\u202e" in result.stdout
    # The forged line is part of the quote it came in, not a line of its own.
    assert not any(line.startswith("error") for line in result.stdout.splitlines())


def test_python_text_and_markdown_are_the_same_escaped_reports(hostile_report: anslag.Report) -> None:
    assert hostile_report.to_text() == run(str(HOSTILE)).stdout
    assert hostile_report.to_markdown() == run(str(HOSTILE), "--format", "markdown").stdout
    for text in (hostile_report.to_text(), hostile_report.to_markdown()):
        assert "\x1b" not in text and "\u202e" not in text and "\r" not in text


def test_markdown_rendered_as_github_renders_it_has_no_markup_or_link_from_data() -> None:
    cmark = shutil.which("cmark-gfm")
    assert cmark, "cmark-gfm is missing: run scripts/bootstrap"
    markdown = run(str(HOSTILE), "--format", "markdown").stdout
    html = subprocess.run(
        [cmark, "--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough"],
        input=markdown, capture_output=True, text=True, encoding="utf-8", check=True,
    ).stdout
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= {"h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong", "code"}, tags
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "[md](javascript:alert(1))" in html  # the text of a link, not a link


def test_to_html_finds_the_seed_and_marks_the_cited_lines() -> None:
    report = anslag.audit(anslag.load_round(2024))
    page = report.to_html()
    assert page.startswith("<!DOCTYPE html>") and page.count('<article class="finding') == len(report.findings)
    assert '<div class="line f-error" id="L22">' in page
    assert page == run("2024", "--format", "html").stdout.replace("rounds/2024.toml", report.file)
    only_errors = report.to_html(severity="error")
    assert only_errors.count('<article class="finding') == report.summary()["error"]


def test_to_html_takes_a_document_and_a_round(tmp_path: Path, hostile_report: anslag.Report) -> None:
    page = hostile_report.to_html(INJECTION / "document.txt")
    assert "&lt;script&gt;window.__pwned=4&lt;/script&gt;" in page and "<script>window" not in page
    missing = tmp_path / "absent.txt"
    with pytest.raises(anslag.RoundFileError, match=r"absent.txt:0:0: cannot read the file: No such file or directory$"):
        hostile_report.to_html(missing)
    without = anslag.audit(anslag.load_round(2020)).to_html(round=anslag.load_round(2020))
    assert 'id="L101"' in without


def test_save_html_writes_the_whole_page_or_nothing(tmp_path: Path) -> None:
    report = anslag.audit(anslag.load_round(2020))
    target = tmp_path / "2020.html"
    report.save_html(target)
    assert target.read_text(encoding="utf-8") == report.to_html()
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044  # as readable as any file the user writes
    with pytest.raises(anslag.RoundFileError):
        report.save_html(tmp_path / "again.html", tmp_path / "absent.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2020.html"]


def test_the_command_line_writes_output_whole_and_reports_what_it_cannot_do(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run("2024", "--format", "html", "--output", str(target))
    assert result.returncode == 1 and result.stdout == "" and target.read_text(encoding="utf-8").endswith("</html>\n")
    absent = tmp_path / "no-such-folder" / "report.html"
    result = run("2024", "--format", "html", "--output", str(absent))
    assert result.returncode == 2
    assert result.stderr == f"anslag audit: {absent}: cannot write the file: No such file or directory\n"
    result = run("2024", "--format", "html", "--document", str(tmp_path / "absent.txt"), "--output", str(target))
    assert result.returncode == 2 and result.stderr.endswith("absent.txt:0:0: cannot read the file: No such file or directory\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # nothing half-done left
    result = run("2024", "--document", str(INJECTION / "document.txt"))
    assert (result.returncode, result.stderr) == (2, "anslag audit: --document applies to --format html only\n")
    result = run("2024", "--format", "markdown", "--output", str(target))
    assert result.returncode == 1 and target.read_text(encoding="utf-8").startswith("# Granskning / audit")
