"""Hostile files and hostile sizes (docs/reliability.md, "Files the library opens" and "Documents"):
FIFOs, devices and symbolic link loops refused by name, unopened, in Python and on the command
line; pdftotext given `--` and bounded; synthetic rounds only at sizes the loader accepts, never
written through a link; Report pickles validated; file names and data through the one escape in
the command line's text and Markdown. Each command runs in a child process with a timeout, so a
hang fails the test instead of stopping the run. tests/cpp/test_hostile_files.cpp checks the
same in C++, and the limits of pdftotext with stand-ins for it."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest

import anslag
from pdf_maker import text_pdf

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
ENVIRONMENT = {**os.environ, "ANSLAG_DATA_DIR": str(REPO / "data")}
DOCUMENTS = REPO / "tests" / "data" / "hostile" / "documents"
SEED_2020 = REPO / "data" / "seeds" / "004_2b1165072d843997.txt"
FIFO = "cannot read the file: a named pipe (FIFO), not a regular file"
LOOP = "cannot read the file: Too many levels of symbolic links"


def anslag_cli(*arguments: str, stdin: object = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *arguments], capture_output=True, text=True, env=ENVIRONMENT, stdin=stdin,
                          timeout=30, check=False)


@pytest.fixture
def folder_with_a_fifo(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copy(REPO / "data" / "rounds" / "2020.toml", tmp_path / "2020.toml")
    fifo = tmp_path / "2022.toml"
    os.mkfifo(fifo)
    return tmp_path, fifo


def test_a_fifo_in_a_folder_does_not_hang_the_folder_audit(folder_with_a_fifo: tuple[Path, Path]) -> None:
    folder, fifo = folder_with_a_fifo
    result = anslag_cli("audit", str(folder))
    assert result.returncode == 2
    assert result.stderr == f"anslag audit: {fifo}:0:0: {FIFO}\n"
    assert [line.split() for line in result.stdout.splitlines() if "not loaded" in line] == [
        ["-", str(fifo), "not", "loaded"]]


def test_a_fifo_in_a_folder_is_a_round_file_error_in_python(folder_with_a_fifo: tuple[Path, Path]) -> None:
    folder, fifo = folder_with_a_fifo
    assert [Path(p) for p in anslag.round_files(folder)] == [folder / "2020.toml", fifo]
    with pytest.raises(anslag.RoundFileError, match=f"^{fifo}:0:0: {FIFO}$".replace("(", r"\(").replace(")", r"\)")):
        anslag.load_rounds(folder)


def test_a_symbolic_link_loop_is_a_round_file_error_naming_it(tmp_path: Path) -> None:
    loop = tmp_path / "2021.toml"
    loop.symlink_to(loop.name)
    with pytest.raises(anslag.RoundFileError) as raised:
        anslag.load_rounds(tmp_path)
    assert str(raised.value) == f"{loop}:0:0: {LOOP}"
    result = anslag_cli("audit", str(tmp_path))
    assert result.returncode == 2 and result.stderr == f"anslag audit: {loop}:0:0: {LOOP}\n"


def test_a_device_is_refused_by_name() -> None:
    with pytest.raises(anslag.RoundFileError, match="^/dev/null:0:0: cannot read the file: a device, not a regular file$"):
        anslag.load_round("/dev/null")


def test_a_folder_on_standard_input_is_an_error_not_zero_kronor(tmp_path: Path) -> None:
    folder = os.open(tmp_path, os.O_RDONLY)
    try:
        result = anslag_cli("amount", "--sum", stdin=folder)
    finally:
        os.close(folder)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "anslag amount: cannot read standard input: Is a directory\n"


def test_documents_that_are_no_regular_files_or_too_large_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "beslut.txt"
    os.mkfifo(fifo)
    with pytest.raises(anslag.RoundFileError) as raised:
        anslag.draft_round(fifo)
    assert str(raised.value) == f"{fifo}:0:0: {FIFO}"
    large = tmp_path / "large.txt"
    with open(large, "wb") as file:
        file.truncate((64 << 20) + 1)
    with pytest.raises(anslag.RoundFileError) as raised:
        anslag.draft_round(large)
    assert str(raised.value) == f"{large}:0:0: document larger than 64 MiB"


def test_a_document_whose_draft_passes_the_round_file_limit_is_refused_whole(tmp_path: Path) -> None:
    # 75 000 short rows (1.6 MB) draft to about 29 MiB, which no round file may hold.
    path = tmp_path / "stor.txt"
    path.write_text("Till\nSocialnämnden\n2018-12-18\n\nFördelning av lokala utvecklingsmedel 2019\n\n"
                    "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel (LUM).\n\nBilaga\n\n"
                    "Förvaltning\tProjekt\tSökt\tBeviljas\n" + "".join(f"Farsta\tP{i}\t100\t100\n" for i in range(75_000)),
                    encoding="utf-8")
    with pytest.raises(anslag.RoundFileError) as raised:
        anslag.draft_round(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:0:0: the draft of this document would be 2")  # 28 or 29 MiB
    assert message.endswith(" MiB, more than the 16 MiB a round file may hold: draft its parts apart")


def test_a_pdf_named_like_an_option_is_read_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Its text is read (pdftotext taking "-q" for its option would read no file): the drafter
    # then finds no grant decision in it, an error of the text, not of reading.
    text_pdf(tmp_path / "-q", ["Till", "Socialnämnden", "Ingen dag här."])
    monkeypatch.chdir(tmp_path)
    with pytest.raises(anslag.RoundFileError) as raised:
        anslag.draft_round("-q")
    assert str(raised.value) == "-q:0:0: no grant decision found: no fund, total or application in Swedish"


def test_a_pdf_of_more_pages_than_the_limit_is_refused() -> None:
    many = DOCUMENTS / "1001-pages.pdf"
    with pytest.raises(anslag.RoundFileError) as raised:
        anslag.draft_round(many)
    assert str(raised.value) == f"{many}:0:0: PDF beyond the extraction limit: 1000 pages"


def test_a_head_date_of_no_day_is_named_not_missing(tmp_path: Path) -> None:
    # A document without a date is drafted (issue 23: never failing whole); the line that looks
    # like a date and is none is named on the review list.
    document = tmp_path / "beslut.txt"
    document.write_text("Till\nSocialnämnden\n2020-02-30\nBidrag 2021\n\n"
                        "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel.\n", encoding="utf-8")
    review = anslag.draft_round(document).review
    assert (3, "document: date", "'2020-02-30' in the document's head is no date of the calendar: "
            "a person must give the decision's date") in [(r.line, r.field, r.why) for r in review]


def test_lone_cr_line_endings_draft_as_lf_does(tmp_path: Path) -> None:
    text = SEED_2020.read_text(encoding="utf-8")
    (tmp_path / "lf.txt").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "cr.txt").write_text(text.replace("\n", "\r"), encoding="utf-8", newline="")
    from_lf, from_cr = anslag.draft_round(tmp_path / "lf.txt"), anslag.draft_round(tmp_path / "cr.txt")
    assert from_cr.text.replace("cr.txt", "lf.txt") == from_lf.text


@pytest.mark.parametrize("arguments, message", [
    (["--rounds", "0"], "synthetic rounds out of range (1 to 1000000)"),
    (["--rounds", "1", "--applications", "2000000000"],
     "synthetic applications out of range for a round file (1 to 50000): a larger one would pass the loader's 16 MiB limit"),
])
def test_synthetic_sizes_the_loader_would_refuse_are_refused(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = anslag_cli("synthetic", "--out", str(tmp_path / "out"), *arguments)
    assert (result.returncode, result.stderr) == (2, f"anslag synthetic: {message}\n")
    with pytest.raises(anslag.InvalidArgumentError) as raised:
        anslag.synthetic_round(0)
    assert str(raised.value) == "synthetic applications out of range (1 to 10000000)"


def test_synthetic_rounds_are_never_written_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("keep", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "round-00001.toml").symlink_to(target)
    result = anslag_cli("synthetic", "--rounds", "1", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr == f"anslag synthetic: cannot write {out / 'round-00001.toml'}: a symbolic link\n"
    assert target.read_text(encoding="utf-8") == "keep"
    with pytest.raises(anslag.InvalidArgumentError, match=r"^synthetic rounds out of range \(1 to 1000000\)$"):
        anslag.synthetic_rounds(0, out, progress=False)


def test_every_size_synthetic_offers_loads(tmp_path: Path) -> None:
    [largest] = anslag.synthetic_rounds(1, tmp_path, applications=50_000, progress=False)
    assert len(anslag.load_round(largest).applications) == 50_000


def _unpickled(value: object, state: tuple) -> object:
    """What unpickling `value` with `state` in place of its own gives: its __reduce__'s restorer."""
    restore, (cls, _) = value.__reduce__()  # type: ignore[misc]
    return restore(cls, state)


def _tampered(report: anslag.Report, index: int, field: int, value: object) -> tuple:
    state = list(report.__getstate__())
    findings = list(state[4])
    finding_state = list(findings[index].__getstate__())
    finding_state[field] = value
    findings[index] = _unpickled(findings[index], tuple(finding_state))
    state[4] = findings
    return tuple(state)


def test_a_report_pickle_is_validated() -> None:
    report = anslag.audit(anslag.parse_round(anslag.synthetic_round(faults=["grant-exceeds-request"]), "s.toml"))
    assert pickle.loads(pickle.dumps(report)) == report
    index = [f.code for f in report.findings].index("GRANT_EXCEEDS_REQUEST")
    cases = [
        (_tampered(report, index, 1, "info"), f"finding {index}: GRANT_EXCEEDS_REQUEST is never info"),
        (_tampered(report, index, 6, ""), f"finding {index}: a message is empty"),
        ((0, *report.__getstate__()[1:]), "report year 0 is not in range 1 to 9999"),
    ]
    for state, message in cases:
        with pytest.raises(anslag.InvalidArgumentError) as raised:
            _unpickled(report, state)
        assert str(raised.value) == message


@pytest.fixture
def folder_with_hostile_names(tmp_path: Path) -> tuple[Path, str, str]:
    good = "a\x1b]0;pwned\x07\n| 1999 | forged | 0 | 0 | 0 |.toml"
    bad = "b\x1b[2J\r.toml"
    shutil.copy(REPO / "data" / "rounds" / "2020.toml", tmp_path / good)
    (tmp_path / bad).write_text("format = 1\nyear = \n", encoding="utf-8")
    return tmp_path, good, bad


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_file_names_in_the_folder_summary_and_load_errors_are_escaped(
        folder_with_hostile_names: tuple[Path, str, str], format: str) -> None:
    folder, good, bad = folder_with_hostile_names
    result = anslag_cli("audit", str(folder), "--format", format)
    assert result.returncode == 2
    assert result.stderr == f"anslag audit: {folder}/b\\x1b[2J\\r.toml:2:8: Error while parsing key-value pair: " \
                            "expected value, saw '\\n'\n" or "\x1b" not in result.stderr
    for output in (result.stdout, result.stderr):
        assert "\x1b" not in output and "\x07" not in output and "\r" not in output
    assert "a\\x1b]0;pwned\\x07\\n" in result.stdout
    assert not any(line.startswith("| 1999") for line in result.stdout.splitlines())
    if format == "markdown":
        assert "\\| 1999 \\| forged" in result.stdout
