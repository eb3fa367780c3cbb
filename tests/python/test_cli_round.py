"""`anslag round YEAR|FILE`: the summary in its three formats, and bad input as exit 2."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
ENVIRONMENT = {**os.environ, "ANSLAG_DATA_DIR": str(REPO / "data")}


def anslag(*arguments):
    return subprocess.run([CLI, *arguments], capture_output=True, text=True, env=ENVIRONMENT, check=False)


def test_text_summary_gives_funds_counts_and_sums_with_unknowns_said_plainly():
    result = anslag("round", "2020")
    assert result.returncode == 0, result.stderr
    out = result.stdout.replace("\u00a0", " ")
    assert "application window: 2019-05-03 to 2019-09-20" in out
    assert "budget: 3 500 000 kr; cap per application: none; at most 2 granted per förvaltning" in out
    assert "applications: 14 (1 granted, 8 partly_granted, 5 rejected)" in out
    assert "requested: 8 618 500 kr (all 14 applications)" in out
    assert "requested: not printed for any of the 9 applications" in out
    assert "granted: 174 300 kr (all 9 applications)" in out


def test_markdown_summary_tabulates_the_funds():
    result = anslag("round", "2024", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout.replace("\u00a0", " ")
    assert out.startswith("# Round 2024\n")
    assert "| MUL | Medel för utveckling och lärande | 198 400 kr | 25 000 kr | none |" in out
    assert "| LUM | 5 | 3 | 6 | 14 | not printed for any of the 14 applications |" in out


def test_json_summary_gives_ore_and_counts_of_known_and_unknown_rows():
    result = anslag("round", str(REPO / "data" / "rounds" / "2024.toml"), "--format", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["year"] == 2024
    assert summary["repayment_notice_by"] == "2024-06-02"
    mul = next(fund for fund in summary["funds"] if fund["id"] == "MUL")
    assert mul["cap"]["ore"] == 2_500_000
    assert mul["requested"] == {"sum": None, "known": 0, "unknown": 8}
    assert mul["granted"]["sum"]["ore"] == 19_840_000
    assert mul["decisions"] == {"granted": 8, "partly_granted": 0, "rejected": 0}


def test_a_malformed_file_prints_its_positioned_error_and_exits_2():
    path = REPO / "tests" / "data" / "bad-rounds" / "decision-not-in-list.toml"
    result = anslag("round", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"anslag round: {path}:37:1: unknown decision 'approved' "
                             "(expected granted, partly_granted or rejected)\n")


@pytest.mark.parametrize("argument", ["2019", "no-such-round.toml"])
def test_a_round_that_is_not_there_exits_2(argument):
    result = anslag("round", argument)
    assert result.returncode == 2
    assert result.stderr.startswith("anslag round: ")
