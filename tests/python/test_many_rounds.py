"""Many rounds: the three-year example (bundled 2020 and 2024 with tests/data/rounds-across/2023.toml)
as a folder on the command line and as anslag.Rounds, the checks across rounds with their near
twin, folders with bad input, synthetic rounds and the progress bar's silence off a terminal."""

import json
import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest

import anslag

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
ENVIRONMENT = {**os.environ, "ANSLAG_DATA_DIR": str(REPO / "data")}
ACROSS = {"MERGED_UNIT_LIMIT_EXCEEDED", "PROJECT_FUNDED_BEFORE", "REPORT_NOT_APPROVED", "DUPLICATE_ROUND"}


def anslag_cli(*arguments):
    return subprocess.run([CLI, *arguments], capture_output=True, text=True, env=ENVIRONMENT, check=False)


@pytest.fixture()
def three_years(tmp_path):
    folder = tmp_path / "rounds"
    folder.mkdir()
    for year in (2020, 2024):
        shutil.copy(REPO / "data" / "rounds" / f"{year}.toml", folder)
    shutil.copy(REPO / "tests" / "data" / "rounds-across" / "2023.toml", folder)
    return folder


def across(frame):
    """(year, code, severity, rows) of the findings across rounds: the new codes, and MISSING_DATA
    that names rows of another round."""
    rows = []
    for year, code, severity, listed in zip(frame["year"], frame["code"], frame["severity"], frame["rows"]):
        found = ", ".join(listed)  # the findings frame lists a finding's rows
        if code in ACROSS or (code == "MISSING_DATA" and f"{year}:" in found):
            rows.append((year, code, severity, found))
    return sorted(rows)


EXPECTED = [
    (2023, "MERGED_UNIT_LIMIT_EXCEEDED", "warning", "2023:2023-LUM-01, 2023:2023-LUM-02"),
    (2023, "PROJECT_FUNDED_BEFORE", "warning", "2023:2023-LUM-03, 2020:2020-LUM-03"),
    (2024, "MISSING_DATA", "warning", "2024:2024-LUM-09, 2023:2023-LUM-01, 2023:2023-LUM-02"),
    (2024, "MISSING_DATA", "warning", "2024:2024-LUM-10, 2023:2023-LUM-05"),
    (2024, "MISSING_DATA", "warning", "2024:2024-MUL-01, 2023:2023-LUM-05"),
    (2024, "MISSING_DATA", "warning", "2024:2024-MUL-02, 2023:2023-LUM-05"),
]


def test_the_three_years_as_rounds_in_python(three_years):
    rounds = anslag.load_rounds(three_years)
    assert len(rounds) == 3
    assert [r.year for r in rounds] == [2020, 2023, 2024]
    assert rounds[2023].file == str(three_years / "2023.toml")
    with pytest.raises(KeyError):
        rounds[2021]
    report = rounds.audit()
    frame = report.to_frame()
    assert list(frame.columns[:2]) == ["year", "file"]
    assert across(frame) == EXPECTED
    # The near twin 2023-LUM-04 ("... för unga vuxna") and 2024-LUM-14 (Skarpnäck's
    # "Familjeorienterat boendestöd" against 2020's "Familjeorienterat arbetssätt") raise nothing.
    assert not [row for *_, row in across(frame) if "2023-LUM-04" in row or "2024-LUM-14" in row]
    assert report.summary() == {k: sum(r.summary()[k] for r in report) for k in ("error", "warning", "info")}
    found = next(f for f in report.reports[1].findings if f.code == "PROJECT_FUNDED_BEFORE")
    assert found.message_sv.endswith(
        f"Lästa omgångar: 2020 ({three_years / '2020.toml'}), 2023 ({three_years / '2023.toml'})."
    )


def test_the_frame_of_all_rounds_has_the_forvaltning_after_mergers(three_years):
    frame = anslag.load_rounds(three_years).to_frame()
    assert len(frame) == 23 + 5 + 22
    by_id = frame.set_index("application")
    assert by_id.loc["2020-LUM-03", "forvaltning_on"] == "Hägersten-Älvsjö"  # Hägersten-Liljeholmen then
    assert by_id.loc["2020-MUST-07", "forvaltning_on"] == "Järva"  # Spånga-Tensta then
    assert by_id.loc["2023-LUM-01", "forvaltning_on"] == "Järva"
    assert by_id.loc["2020-LUM-03", "year"] == 2020
    # As of a date before the mergers, each district is its own förvaltning.
    early = anslag.load_rounds(three_years).to_frame(on="2020-01-01").set_index("application")
    assert early.loc["2020-LUM-03", "forvaltning_on"] == "Hägersten-Liljeholmen"
    assert early.attrs["forvaltning_on"] == "2020-01-01"
    # An applicant that names two units stays unknown.
    assert frame.set_index("application")["forvaltning_on"].isna()["2024-LUM-12"]


def test_the_bundled_rounds_by_default():
    rounds = anslag.load_rounds()
    assert [r.year for r in rounds] == anslag.bundled_rounds()
    assert across(rounds.audit().to_frame()) == []


def test_the_three_years_as_a_folder_on_the_command_line(three_years):
    result = anslag_cli("audit", str(three_years), "--format", "json")
    assert result.returncode == 1, result.stderr  # 2024 has an error finding
    assert result.stderr == ""  # no progress bar off a terminal
    listed = json.loads(result.stdout)["rounds"]
    assert [(r["year"], Path(r["file"]).name) for r in listed] == [(2020, "2020.toml"), (2023, "2023.toml"), (2024, "2024.toml")]
    found = sorted(
        (r["year"], f["code"], f["severity"], ", ".join(f["rows"]))
        for r in listed
        for f in r["findings"]
        if f["code"] in ACROSS or (f["code"] == "MISSING_DATA" and f"{r['year']}:" in ", ".join(f["rows"]))
    )
    assert found == EXPECTED
    text = anslag_cli("audit", str(three_years))
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["year", "file", "errors", "warnings", "info"]
    assert lines[2].split() == ["2023", str(three_years / "2023.toml"), "0", "2", "2"]
    assert "Granskning / audit: Fördelning av lokala utvecklingsmedel 2023 (testomgång)" in text.stdout
    summary = anslag_cli("round", str(three_years), "--format", "json")
    assert summary.returncode == 0
    assert [r["year"] for r in json.loads(summary.stdout)["rounds"]] == [2020, 2023, 2024]


def test_a_folder_without_round_files(tmp_path):
    (tmp_path / "notes.txt").write_text("not a round")
    for command in ("audit", "round"):
        result = anslag_cli(command, str(tmp_path))
        assert result.returncode == 2
        assert result.stderr == f"anslag {command}: no round files (*.toml) in {tmp_path}\n"
    with pytest.raises(anslag.NotFoundError, match=r"^no round files \(\*\.toml\) in "):
        anslag.load_rounds(tmp_path)
    with pytest.raises(anslag.NotFoundError, match="^not a folder: "):
        anslag.round_files(tmp_path / "notes.txt")


def test_one_broken_file_among_good_ones(three_years):
    (three_years / "2021.toml").write_text('format = 1\nyear = "2021"\n', encoding="utf-8")
    result = anslag_cli("audit", str(three_years), "--format", "json")
    assert result.returncode == 2  # part of the input was bad, though the rest was audited
    assert result.stderr.startswith(f"anslag audit: {three_years / '2021.toml'}:2:")
    listed = json.loads(result.stdout)["rounds"]
    assert [r["year"] for r in listed] == [2020, None, 2023, 2024]
    assert listed[1]["error"] == result.stderr.removeprefix("anslag audit: ").strip()
    assert all(r["findings"] for r in listed if r["year"])
    text = anslag_cli("audit", str(three_years))
    assert "not loaded" in text.stdout.splitlines()[2]
    rounds = anslag_cli("round", str(three_years))
    assert rounds.returncode == 2
    assert rounds.stdout.count("Round 20") == 3
    with pytest.raises(anslag.RoundFileError, match=r"2021\.toml:2:"):
        anslag.load_rounds(three_years)


def test_two_files_for_one_year(three_years):
    shutil.copy(three_years / "2023.toml", three_years / "2023-copy.toml")
    result = anslag_cli("audit", str(three_years), "--format", "json")
    listed = json.loads(result.stdout)["rounds"]
    assert [r["year"] for r in listed] == [2020, 2023, 2023, 2024]
    duplicates = [(r["file"], f["severity"]) for r in listed for f in r["findings"] if f["code"] == "DUPLICATE_ROUND"]
    assert duplicates == [(str(three_years / "2023.toml"), "warning")]
    rounds = anslag.load_rounds(three_years)
    with pytest.raises(anslag.InvalidArgumentError, match="^several rounds for 2023: "):
        rounds[2023]


def test_near_same_titles():
    assert anslag.near_same_title("Egenmakt - privatekonomi", "EGENMAKT – privatekonomi")
    assert not anslag.near_same_title("Egenmakt - privatekonomi", "Egenmakt - privatekonomi för unga vuxna")


def test_synthetic_rounds_from_python_and_the_command_line(tmp_path):
    paths = anslag.synthetic_rounds(3, tmp_path / "py", faults=["total-mismatch"], progress=False)
    assert [Path(p).name for p in paths] == ["round-00001.toml", "round-00002.toml", "round-00003.toml"]
    report = anslag.load_rounds(tmp_path / "py").audit()
    assert [[f.code for f in r.findings] for r in report] == [["TOTAL_MISMATCH"]] * 3
    result = anslag_cli("synthetic", "--rounds", "3", "--out", str(tmp_path / "cli"), "--faults", "total-mismatch")
    assert result.returncode == 0
    assert result.stderr == ""  # no progress bar off a terminal
    assert result.stdout == f"wrote 3 round files to {tmp_path / 'cli'}\n"
    assert [(tmp_path / "cli" / Path(p).name).read_text(encoding="utf-8") for p in paths] == [
        Path(p).read_text(encoding="utf-8") for p in paths
    ]
    assert set(anslag.SYNTHETIC_FAULTS) == {"grant-exceeds-request", "total-mismatch", "count-mismatch", "unknown-unit"}
    bad = anslag_cli("synthetic", "--rounds", "1", "--out", str(tmp_path / "x"), "--faults", "grant")
    assert bad.returncode == 2
    assert bad.stderr.startswith("anslag synthetic: unknown fault 'grant' (")
    with pytest.raises(anslag.InvalidArgumentError) as raised:
        anslag.synthetic_round(year=10000)
    assert str(raised.value) == "synthetic year out of range (2 to 9999)"
    with pytest.raises(anslag.InvalidArgumentError, match="^no district exists on the synthetic round's date$"):
        anslag.synthetic_round(year=2000)
    (tmp_path / "file").write_text("x")
    with pytest.raises(anslag.InvalidArgumentError, match="^cannot write "):
        anslag.synthetic_rounds(1, tmp_path / "file" / "sub", progress=False)


def on_a_terminal(*arguments):
    """Runs the command line with standard error on a pseudo-terminal; returns what it drew there."""
    main, secondary = pty.openpty()
    process = subprocess.Popen([CLI, *arguments], stdout=subprocess.PIPE, stderr=secondary, env=ENVIRONMENT)
    os.close(secondary)
    drawn = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    process.stdout.read()
    process.stdout.close()
    process.wait()
    os.close(main)
    return drawn.decode()


def test_the_progress_bar_is_drawn_on_a_terminal(three_years, tmp_path):
    assert "auditing [" in on_a_terminal("audit", str(three_years))
    assert "writing [" in on_a_terminal("synthetic", "--rounds", "2", "--out", str(tmp_path / "s"))


def test_audit_many_without_a_cluster_runs_on_threads_silently(tmp_path, capfd):
    import anslag.dask

    anslag.synthetic_rounds(4, tmp_path, faults=["count-mismatch"], progress=False)
    frame = anslag.dask.audit_many(tmp_path)  # standard error is not a terminal here: no bar
    assert frame.equals(anslag.load_rounds(tmp_path).audit().to_frame())
    assert list(frame["code"]) == ["COUNT_MISMATCH"] * 4
    assert capfd.readouterr().err == ""


def test_a_folder_as_html_pages_one_per_round(three_years, tmp_path):
    pages = tmp_path / "pages"
    result = anslag_cli("audit", str(three_years), "--format", "html", "--output", str(pages))
    assert result.returncode == 1  # 2024 has an error finding, as for the text report
    assert result.stdout.splitlines()[0].split() == ["year", "file", "errors", "warnings", "info"]
    written = sorted(p.name for p in pages.iterdir())
    assert written == sorted(p.with_suffix(".html").name for p in three_years.glob("*.toml"))
    for page in pages.iterdir():
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")
        assert f"Audit {page.stem}" in text
    # A folder's pages carry the findings across rounds, which one round's page cannot have.
    assert "MERGED_UNIT_LIMIT_EXCEEDED" in (pages / "2023.html").read_text(encoding="utf-8")
    single = anslag_cli("audit", str(three_years / "2023.toml"), "--format", "html")
    assert "MERGED_UNIT_LIMIT_EXCEEDED" not in single.stdout


def test_a_folder_takes_no_output_file_and_its_pages_no_single_document(three_years, tmp_path):
    cases = [
        (["--output", str(tmp_path / "out.txt")],
         "anslag audit: --output applies to one round, or to a folder with --format html\n"),
        (["--format", "html"],
         "anslag audit: a folder's HTML pages need --output DIR (one page per round) and no --document\n"),
        (["--format", "html", "--output", str(tmp_path / "pages"), "--document", str(tmp_path / "d.txt")],
         "anslag audit: a folder's HTML pages need --output DIR (one page per round) and no --document\n"),
    ]
    for extra, message in cases:
        result = anslag_cli("audit", str(three_years), *extra)
        assert result.returncode == 2
        assert result.stderr == message
        assert result.stdout == ""
    assert not (tmp_path / "out.txt").exists()
    assert not (tmp_path / "pages").exists()
