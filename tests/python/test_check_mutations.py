"""The mutation test of `anslag check`: every single-field mutation of every hand-encoded round file
of the repository (tests/python/check_mutations.py) fails the check naming its entry and field, and
docs/check-mutations.md shows the current score (scripts/check-mutations writes it)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

import check_mutations

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def outcomes() -> dict[str, check_mutations.Outcome]:
    return check_mutations.score()


def test_the_unmutated_round_files_pass_the_check() -> None:
    import anslag

    for case in check_mutations.cases():
        assert anslag.check_sources(anslag.load_round(case.round_file), case.document) == [], case.name


@pytest.mark.parametrize("kind", list(check_mutations.MUTATION_KINDS))
def test_every_mutation_of_the_kind_is_caught(outcomes: dict[str, check_mutations.Outcome], kind: str) -> None:
    assert outcomes[kind].total > 0
    assert outcomes[kind].missed == []


def test_the_score_table_is_current(outcomes: dict[str, check_mutations.Outcome]) -> None:
    loader = importlib.machinery.SourceFileLoader("check_mutations_script", str(REPO / "scripts" / "check-mutations"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    script = importlib.util.module_from_spec(spec)
    loader.exec_module(script)
    assert (REPO / "docs" / "check-mutations.md").read_text(encoding="utf-8") == script.render(outcomes)
