"""Hostile round files through `anslag round FILE`, each in a child process so that a crash
cannot hide: exit 2 and the expected message, within 2 seconds, within a 2 GiB address space,
and nothing left behind in the working or temporary folder.

The committed corpus is tests/data/hostile (each FILE.toml with FILE.expected); the large inputs
are generated here. tests/cpp/test_hostile.cpp checks the same files in-process under the
sanitizers."""

import os
import resource
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
HOSTILE = REPO / "tests" / "data" / "hostile"
MEMORY_LIMIT = 2 << 30
TIME_LIMIT = 2.0
HEAD = 'format = 1\nyear = 2021\n\n[document]\ntitle = "T"\ndate = 2020-12-15\nseed = "s.txt"\n' \
       'deciding_body = "S"\nkind = "k"\n\n[[funds]]\nid = "LUM"\nname = "L"\nbudget = "1 kr"\n'


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def refuse(path, workdir):
    """Runs the command line on `path` in an empty `workdir`; returns (stderr, seconds), where
    seconds is the child's CPU time: the bound is on the work a file causes, and wall time on a
    shared CI machine also counts the other jobs' turns."""
    environment = {**os.environ, "ANSLAG_DATA_DIR": str(REPO / "data"), "TMPDIR": str(workdir)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([CLI, "round", str(path)], capture_output=True, env=environment, cwd=workdir,
                            preexec_fn=limit_memory, timeout=30, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert result.returncode == 2, result.stderr
    assert result.stdout == b""
    assert list(workdir.iterdir()) == []
    return result.stderr.decode("utf-8", errors="replace"), seconds


@pytest.fixture
def workdir(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.toml")), ids=lambda p: p.stem)
def test_hostile_file_is_refused_with_its_expected_error(path, workdir):
    expected = (HOSTILE / (path.stem + ".expected")).read_text(encoding="utf-8", errors="replace")
    stderr, seconds = refuse(path, workdir)
    assert stderr == f"anslag round: {path}:{expected}\n"
    assert seconds < TIME_LIMIT


GENERATED = {
    "nested-arrays-100000": ("format = 1\nyear = " + "[" * 100_000,
                             "2:264: Error while parsing value: exceeded maximum nested value depth "
                             "of 256 (TOML_MAX_NESTED_VALUES)"),
    "nested-inline-tables-100000": ("format = 1\nyear = " + "{a = " * 100_000,
                                    "2:1288: Error while parsing value: exceeded maximum nested value "
                                    "depth of 256 (TOML_MAX_NESTED_VALUES)"),
    "line-of-10-mb": ('format = 1\nyear = 2021\n[document]\ntitle = "' + "x" * 10_000_000 + '"\n',
                      "3:1: missing key 'date'"),
    "file-just-under-16-mib": ("#" + " " * ((16 << 20) - 2) + "\n", "1:1: missing key 'format'"),
    "file-over-16-mib": ("#" * ((16 << 20) + 1), "0:0: file larger than 16 MiB"),
    "lines-over-16-mib": ("# comment\n" * (2 << 20), "0:0: file larger than 16 MiB"),
    "100000-empty-applications": (HEAD + "\n[[applications]]\n" * 100_000, "16:1: missing key 'id'"),
    "100000-tables": ("format = 1\nyear = 2021\n" + "".join(f"[t{i}]\n" for i in range(100_000)),
                      "3:2: unknown key 't0'"),
    "50000-funds-last-duplicate": (
        HEAD + "".join(f'[[funds]]\nid = "F{i}"\nname = "N"\nbudget = "1 kr"\n' for i in range(50_000))
        + '[[funds]]\nid = "F0"\nname = "N"\nbudget = "1 kr"\n',
        "200016:1: duplicate fund id 'F0'"),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_extreme_is_refused_quickly(name, tmp_path, workdir):
    text, expected = GENERATED[name]
    path = tmp_path / (name + ".toml")
    path.write_text(text, encoding="utf-8")
    stderr, seconds = refuse(path, workdir)
    assert stderr == f"anslag round: {path}:{expected}\n"
    assert seconds < TIME_LIMIT


def test_endless_file_is_a_device_refused_before_it_is_read(workdir):
    stderr, seconds = refuse(Path("/dev/zero"), workdir)
    assert stderr == "anslag round: /dev/zero:0:0: cannot read the file: a device, not a regular file\n"
    assert seconds < TIME_LIMIT


def test_a_folder_without_round_files_is_refused(tmp_path, workdir):
    # A folder is read as a folder of rounds (docs/scaling.md); one with none is bad input.
    stderr, _ = refuse(tmp_path, workdir)
    assert stderr == f"anslag round: no round files (*.toml) in {tmp_path}\n"
