"""docs/rules.md is the catalogue the data produces now: regenerate it with scripts/generate-docs."""

import importlib.machinery
import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_generator():
    loader = importlib.machinery.SourceFileLoader("generate_docs", str(ROOT / "scripts" / "generate-docs"))
    spec = importlib.util.spec_from_loader("generate_docs", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_rules_catalogue_is_current():
    generator = load_generator()
    expected = generator.catalogue(os.environ["ANSLAG_CLI"])
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is out of date: run scripts/generate-docs"


def test_catalogue_covers_every_bundled_round():
    generator = load_generator()
    years = generator.bundled_years()
    assert years, "no bundled rounds in data/rounds"
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for year in years:
        assert f"\n## {year}: " in actual
