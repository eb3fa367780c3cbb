"""`python -m anslag` / the `anslag` console script: the bundled program, run with the caller's
arguments and pointed at the package's data unless the caller chose a data folder."""

import os

import pytest

import anslag.__main__
from anslag._data import DATA_DIR


@pytest.fixture
def executed(monkeypatch):
    calls = []
    monkeypatch.setattr(os, "execve", lambda path, argv, env: calls.append((path, argv, env)))
    monkeypatch.setattr("sys.argv", ["anslag", "amount", "1 kr"])
    return calls


def test_the_bundled_program_runs_with_the_arguments(executed):
    anslag.__main__.main()
    [(path, argv, _)] = executed
    assert path == DATA_DIR.parent / "bin" / "anslag"
    assert argv == ["anslag", "amount", "1 kr"]


def test_the_program_reads_the_package_data_unless_told_otherwise(executed, monkeypatch):
    monkeypatch.delenv("ANSLAG_DATA_DIR", raising=False)
    anslag.__main__.main()
    monkeypatch.setenv("ANSLAG_DATA_DIR", "/elsewhere")
    anslag.__main__.main()
    assert [env["ANSLAG_DATA_DIR"] for _, _, env in executed] == [str(DATA_DIR), "/elsewhere"]
