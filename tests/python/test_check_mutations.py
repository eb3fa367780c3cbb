"""The mutation test of `anslag check`: every single-field mutation of every hand-encoded round file
of the repository (tests/python/check_mutations.py) fails the check naming its entry and field, but
those the EXPLAINED table says the document does not print, and docs/check-mutations.md shows the
current score (scripts/check-mutations writes it). One test a round file, so that each stays well
inside its time budget."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

import anslag
import check_mutations

REPO = Path(__file__).resolve().parents[2]
CASES = check_mutations.cases()
SCORES: dict[str, dict[str, check_mutations.Outcome]] = {}  # round file → its outcomes, as the tests make them


def score_of(case: check_mutations.Case) -> dict[str, check_mutations.Outcome]:
    if case.name not in SCORES:
        SCORES[case.name] = check_mutations.score_of(case)
    return SCORES[case.name]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_round_file_passes_and_every_mutation_of_it_is_caught(case: check_mutations.Case) -> None:
    assert anslag.check_sources(anslag.load_round(case.round_file), case.document) == []
    outcomes = score_of(case)
    assert sum(outcome.total for outcome in outcomes.values()) > 0
    assert [missed for outcome in outcomes.values() for missed in outcome.missed] == []


def test_every_kind_of_mutation_is_made() -> None:
    outcomes = check_mutations.merged([score_of(case) for case in CASES])
    assert [kind for kind, outcome in outcomes.items() if outcome.total == 0] == []


def test_the_score_table_is_current() -> None:
    loader = importlib.machinery.SourceFileLoader("check_mutations_script", str(REPO / "scripts" / "check-mutations"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    script = importlib.util.module_from_spec(spec)
    loader.exec_module(script)
    outcomes = check_mutations.merged([score_of(case) for case in CASES])
    assert (REPO / "docs" / "check-mutations.md").read_text(encoding="utf-8") == script.render(outcomes)
