"""The generated documents (docs/rules.md, docs/audits/YEAR.md) are what the data produces now:
regenerate them with scripts/generate-docs (or `make audit`)."""

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


def test_generated_documents_are_current():
    generator = load_generator()
    for path, expected in generator.documents(os.environ["ANSLAG_CLI"]).items():
        assert path.exists(), f"{path.relative_to(ROOT)} is missing: run scripts/generate-docs"
        actual = path.read_text(encoding="utf-8")
        assert actual == expected, f"{path.relative_to(ROOT)} is out of date: run scripts/generate-docs"


def test_catalogue_covers_every_bundled_round():
    generator = load_generator()
    years = generator.bundled_years()
    assert years, "no bundled rounds in data/rounds"
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for year in years:
        assert f"\n## {year}: " in actual
