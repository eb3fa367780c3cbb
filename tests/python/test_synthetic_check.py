"""`anslag check` on the synthetic documents (issue 22): the round file the generator writes beside
each document it renders (SyntheticDocument.round_file, `anslag synthetic --documents`) cites every
fund, statement and application at the lines that print it, with quotes that stand there, so that
check reports no problem. Text layouts only: a PDF's extraction numbers its lines otherwise (the
draft corpus maps them by their text), and four applications, so that every table stands on one
page (check does not carry a table's heading past a page's furniture). docs/drafting.md,
"Synthetic documents"."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import anslag

CLI = os.environ.get("ANSLAG_CLI", "anslag")
SEEDS_PER_VALUE = 2


def sample() -> list[tuple[int, dict[str, str]]]:
    """Each value of each knob twice, the other knobs drawn from the seed."""
    out = []
    for k, (knob, values) in enumerate(anslag.LAYOUT_KNOBS.items()):
        for v, value in enumerate(values):
            for n in range(SEEDS_PER_VALUE):
                out.append((1000 + 100 * k + 10 * v + n, {knob: value}))
    return out


def test_check_passes_every_synthetic_document_of_every_knob_value(tmp_path: Path) -> None:
    failed = []
    for seed, layout in sample():
        [document] = anslag.synthetic_documents(1, seed=seed, applications=4, layout=layout)
        text = tmp_path / f"document-{seed}.txt"
        text.write_text(document.text, encoding="utf-8")
        round_ = anslag.parse_round(document.round_file(text.name), f"document-{seed}.toml")
        assert round_ == document.round or round_.document.seed == text.name
        problems = anslag.check_sources(round_, text)
        failed += [f"seed {seed} {document.layout}: {anslag_describe(p)}" for p in problems]
    assert failed == []


def anslag_describe(p: anslag.SourceProblem) -> str:
    return f"{p.entry}: {p.field}: recorded {p.expected}; printed {p.found} (line {p.line})"


def test_every_entry_is_cited_and_the_command_line_passes_what_it_writes(tmp_path: Path) -> None:
    result = subprocess.run([CLI, "synthetic", "--documents", "2", "--applications", "4", "--seed", "21", "--out",
                             str(tmp_path), "--layout", "applications=records"], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    for name in ("document-00001.toml", "document-00002.toml"):
        round_ = anslag.load_round(tmp_path / name)
        assert round_.document.seed == name.replace(".toml", ".txt")
        entries = [*round_.funds.values(), *round_.statements, *round_.applications]
        assert all(e.source.line >= 1 for e in entries)
        checked = subprocess.run([CLI, "check", str(tmp_path / name)], capture_output=True, text=True, check=False,
                                 timeout=60)
        assert checked.returncode == 0, checked.stdout + checked.stderr
