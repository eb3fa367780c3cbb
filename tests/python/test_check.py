"""`anslag check` tried as an adversary would (issue: a check that cannot be fooled): each tampering
of a round file fails naming its entry and field, in Python and on the command line; what the
document prints with öre or over a record of several lines passes; the document is read only
where the round file's folder (or --document) says, bounded; every line printed is escaped.
docs/drafting.md, "`anslag check`"."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

import anslag

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = REPO / "tests" / "data" / "documents"
CLI = os.environ.get("ANSLAG_CLI", "anslag")
COLUMNS = (DOCUMENTS / "2021_columns.expected.toml").read_text(encoding="utf-8")


def anslag_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *arguments], capture_output=True, text=True, check=False, timeout=60)


def columns_round(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    """The 2021 test document's round file with `old` replaced by `new`, beside its document."""
    assert COLUMNS.count(old) >= count, old
    path = tmp_path / "2021.toml"
    path.write_text(COLUMNS.replace(old, new, count), encoding="utf-8")
    shutil.copy(DOCUMENTS / "2021_columns.txt", tmp_path)
    return path


def problems_of(path: Path) -> list[tuple[str, str]]:
    round_ = anslag.load_round(path)
    return [(p.entry, p.field) for p in anslag.check_sources(round_, path.parent / round_.document.seed)]


ROW_01 = 'requested = "400 000 kr"\ngranted = "400 000 kr"'
LAST_APPLICATION = 'source = { line = 33, section = "Bilaga – Förslag till fördelning 2021" }'


@pytest.mark.parametrize(
    "old, new, entry, field",
    [
        # a tkr reading of "400 000" let ×1 000 pass
        (ROW_01, 'requested = "400 000 000 kr"\ngranted = "400 000 kr"', "application 2021-LUM-01", "requested"),
        (ROW_01, 'requested = "400 000 kr"\ngranted = "400 000 000 kr"', "application 2021-LUM-01", "granted"),
        # the "1." of the decision line read as 1 mnkr
        ('budget = "900 000 kr"', 'budget = "1 000 000 kr"', "fund LUM", "budget"),
        # any number on the line counted for any field
        ('requested = "350 000 kr"\ngranted = "250 000 kr"', 'requested = "250 000 kr"\ngranted = "350 000 kr"',
         "application 2021-LUM-02", "requested"),
        ('decision = "granted"\nreason = "Beviljas"\nsource = { line = 29',
         'decision = "partly_granted"\nreason = "Beviljas"\nsource = { line = 29', "application 2021-LUM-01", "decision"),
        ("count = 5", "count = 6", "statement 2021.antal.20", "count"),
        ("count = 2\ndecision = \"rejected\"", "count = 2\ndecision = \"granted\"", "statement 2021.rejected.22", "decision"),
        ('project = "Stöd till unga vuxna"', 'project = "Stöd till unga"', "application 2021-LUM-01", "project"),
        ('applicant = "Kungsholmen"', 'applicant = ""', "application 2021-LUM-01", "applicant"),
        ('applicant = "Kungsholmen"', 'applicant = "Bromma"', "application 2021-LUM-01", "applicant"),
        # the unit was never compared with the applicant the registry names
        ('unit = "kungsholmen"', 'unit = "bromma"', "application 2021-LUM-01", "unit"),
        # a reading explains a value; it switched the check off
        ('granted = "250 000 kr"\ndecision = "partly_granted"\nreason = "Beviljas delvis"',
         'granted = "240 000 kr"\ndecision = "partly_granted"\nreason = "Beviljas delvis"\n'
         'readings = [{field = "granted", text = "x"}]', "application 2021-LUM-02", "granted"),
        # a fund without its quote was never checked
        ('budget = "900 000 kr"\nquote = "Socialnämnden fördelar 900 000 kronor till lokala utvecklingsmedel i enlighet '
         'med bilagan."', 'budget = "9 000 000 kr"', "fund LUM", "budget"),
        # an entry without a citation, or cited at line 0, was skipped
        (LAST_APPLICATION, 'source = { section = "Bilaga – Förslag till fördelning 2021" }', "application 2021-LUM-05",
         "citation"),
        (LAST_APPLICATION, 'source = { line = 0 }', "application 2021-LUM-05", "citation"),
        ('source = { line = 24, section = "Ärendet" }', "source = {}", "rule 2021.godkand-rapport", "citation"),
    ],
)
def test_each_tampering_fails_naming_its_entry_and_field(
    tmp_path: Path, old: str, new: str, entry: str, field: str
) -> None:
    path = columns_round(tmp_path, old, new)
    assert (entry, field) in problems_of(path)
    result = anslag_cli("check", str(path))
    assert result.returncode == 1, result.stdout
    assert f": {entry}: {field}: recorded " in result.stdout


def test_an_invented_application_fails_whether_it_cites_a_row_or_none(tmp_path: Path) -> None:
    invented = ('\n[[applications]]\nid = "2021-LUM-99"\nfund = "LUM"\napplicant = "Farsta"\nproject = "Påhittat"\n'
                'requested = "100 000 kr"\ngranted = "100 000 kr"\ndecision = "granted"\n')
    for source, field in (("source = {}\n", "citation"), ("source = { line = 0 }\n", "citation"),
                          ("source = { line = 29 }\n", "citation"), ("source = { line = 34 }\n", "applicant")):
        path = tmp_path / "2021.toml"
        path.write_text(COLUMNS + invented + source, encoding="utf-8")
        shutil.copy(DOCUMENTS / "2021_columns.txt", tmp_path)
        assert ("application 2021-LUM-99", field) in problems_of(path), source


def test_a_problem_shows_the_reading_beside_the_value(tmp_path: Path) -> None:
    path = columns_round(tmp_path, 'granted = "250 000 kr"\ndecision = "partly_granted"\nreason = "Beviljas delvis"',
                         'granted = "240 000 kr"\ndecision = "partly_granted"\nreason = "Beviljas delvis"\n'
                         'readings = [{field = "granted", text = "read from the row"}]')
    round_ = anslag.load_round(path)
    [problem] = anslag.check_sources(round_, tmp_path / "2021_columns.txt")
    assert (problem.entry, problem.field, problem.line) == ("application 2021-LUM-02", "granted", 30)
    assert (problem.expected, problem.found, problem.reading) == ("240\u00a0000\u00a0kr", "250 000 (kr)", "read from the row")
    assert "(reading: read from the row)" in anslag_cli("check", str(path)).stdout


def test_a_derived_entry_is_listed_and_not_looked_for(tmp_path: Path) -> None:
    path = columns_round(tmp_path, 'source = { line = 24, section = "Ärendet" }',
                         'source = { derived = "stated by the committee in an earlier decision" }')
    round_ = anslag.load_round(path)
    assert anslag.check_sources(round_, tmp_path / "2021_columns.txt") == []
    [derived] = anslag.derived_entries(round_)
    assert (derived.entry, derived.why) == ("rule 2021.godkand-rapport", "stated by the committee in an earlier decision")
    result = anslag_cli("check", str(path))
    assert result.returncode == 0
    assert "rule 2021.godkand-rapport: not printed (derived): stated by the committee in an earlier decision" in result.stdout


# The head of a decision document: its budget sentence stands on line 9.
DOCUMENT_HEAD = """Till
Socialnämnden
2024-11-05

Fördelning av utvecklingsmedel 2025

Förslag till beslut

Socialnämnden fördelar BUDGET kronor till lokala utvecklingsmedel (LUM).
"""

ORE_DOCUMENT = DOCUMENT_HEAD.replace("BUDGET", "24 000") + """
Bilaga

Förvaltning\tProjekt\tSökt belopp\tBeviljat belopp\tBeslut
Farsta\tTräffpunkt för unga\t24 000,00\t24 000,00\tBeviljas
Bromma\tLäxhjälp\t30 000,00\t0,00\tAvslås
"""

ROUND_HEAD = """format = 1
year = 2025

[document]
title = "Fördelning av utvecklingsmedel 2025"
date = 2024-11-05
seed = "SEED"
deciding_body = "Socialnämnden"
kind = "tjänsteutlåtande"

[[funds]]
id = "LUM"
name = "Lokala utvecklingsmedel"
budget = "BUDGET kr"
quote = "Socialnämnden fördelar BUDGET kronor till lokala utvecklingsmedel (LUM)."
source = { line = 9 }
"""


def application(number: int, applicant: str, project: str, amounts: tuple[str, str], decision: str, source: str) -> str:
    requested, granted = amounts
    return (f'\n[[applications]]\nid = "2025-LUM-{number:02d}"\nfund = "LUM"\napplicant = "{applicant}"\n'
            f'project = "{project}"\nrequested = "{requested}"\ngranted = "{granted}"\ndecision = "{decision}"\n'
            f"source = {source}\n")


ORE_ROUND = (ROUND_HEAD.replace("SEED", "ore.txt").replace("BUDGET", "24 000")
             + application(1, "Farsta", "Träffpunkt för unga", ("24 000 kr", "GRANTED"), "granted", "{ line = 14 }")
             + application(2, "Bromma", "Läxhjälp", ("30 000 kr", "0 kr"), "rejected", "{ line = 15 }"))


@pytest.mark.parametrize("granted, passes", [("24 000 kr", True), ("24 000,00 kr", True), ("2 400 000 kr", False),
                                             ("24 001 kr", False)])
def test_amounts_printed_with_ore_are_found(tmp_path: Path, granted: str, passes: bool) -> None:
    (tmp_path / "ore.txt").write_text(ORE_DOCUMENT, encoding="utf-8")
    path = tmp_path / "ore.toml"
    path.write_text(ORE_ROUND.replace("GRANTED", granted), encoding="utf-8")
    problems = problems_of(path)
    assert problems == ([] if passes else [("application 2025-LUM-01", "granted")])
    assert anslag_cli("check", str(path)).returncode == (0 if passes else 1)


RECORD_DOCUMENT = DOCUMENT_HEAD.replace("BUDGET", "250 000") + """
Ansökningar

Förvaltning: Farsta
Projekt: Stöd till unga vuxna
Sökt belopp: 300 000 kr
Beviljat belopp: 250 000 kr
Beslut: Beviljas delvis
Motivering: Projektet bedöms kunna genomföras med en reducerad summa.
Inkom: 2024-09-15
"""

RECORD_ROUND = (ROUND_HEAD.replace("SEED", "record.txt").replace("BUDGET", "250 000")
                + application(1, "Farsta", "Stöd till unga vuxna", ("REQUESTED", "250 000 kr"), "partly_granted",
                              "{ line = 13, lines = 7 }")
                + "submitted = 2024-09-15\n")


@pytest.mark.parametrize("requested, passes", [("300 000 kr", True), ("999 000 kr", False), ("250 000 kr", False)])
def test_a_record_printed_over_seven_lines_is_checked_label_by_label(tmp_path: Path, requested: str, passes: bool) -> None:
    (tmp_path / "record.txt").write_text(RECORD_DOCUMENT, encoding="utf-8")
    path = tmp_path / "record.toml"
    path.write_text(RECORD_ROUND.replace("REQUESTED", requested), encoding="utf-8")
    assert problems_of(path) == ([] if passes else [("application 2025-LUM-01", "requested")])
    wrong_date = tmp_path / "date.toml"
    wrong_date.write_text(RECORD_ROUND.replace("REQUESTED", "300 000 kr").replace("2024-09-15", "2024-09-16"),
                          encoding="utf-8")
    assert problems_of(wrong_date) == [("application 2025-LUM-01", "submitted")]


# Three shapes the synthetic documents print (docs/drafting.md, "Synthetic documents") that check
# once misread: a "Förslag" column of decision words, a list item whose sentence begins with "Till
# viss del", a count whose noun is hyphenated at the line's end, a grant after a sentence stating
# the request ("ansökt belopp 5 tkr. Bifall 5 tkr.").
FORSLAG_DOCUMENT = DOCUMENT_HEAD.replace("BUDGET", "44 000") + """
Bilaga

Förvaltning\tProjekt\tSökt belopp (tkr)\tBeviljat belopp (tkr)\tFörslag
Farsta\tTräffpunkt för unga\t24\t24\tBifall
Bromma\tLäxhjälp\t30\t20\tDelvis bifall
"""

FORSLAG_ROUND = (ROUND_HEAD.replace("SEED", "forslag.txt").replace("BUDGET", "44 000")
                 + application(1, "Farsta", "Träffpunkt för unga", ("24 000 kr", "24 000 kr"), "granted", "{ line = 14 }")
                 + application(2, "Bromma", "Läxhjälp", ("30 000 kr", "20 000 kr"), "DECISION", "{ line = 15 }"))


@pytest.mark.parametrize("decision, passes", [("partly_granted", True), ("granted", False), ("rejected", False)])
def test_a_forslag_column_of_decision_words_is_the_decision(tmp_path: Path, decision: str, passes: bool) -> None:
    (tmp_path / "forslag.txt").write_text(FORSLAG_DOCUMENT, encoding="utf-8")
    path = tmp_path / "forslag.toml"
    path.write_text(FORSLAG_ROUND.replace("DECISION", decision), encoding="utf-8")
    assert problems_of(path) == ([] if passes else [("application 2025-LUM-02", "decision")])


LIST_DOCUMENT = DOCUMENT_HEAD.replace("BUDGET", "20 000") + """
Under ansökningsperioden inkom 2 ansök-
ningar om lokala utvecklingsmedel.

Följande ansökningar har behandlats:

- Farsta: ”Träffpunkt för unga”, ansökt belopp 30 000 kr. Till viss del 20 000 kr.
- Bromma: ”Läxhjälp”, ansökt belopp 10 000 kr. Avslås.
- Farsta: ”Läxhjälp”, ansökt belopp 5 tkr. Bifall 5 tkr.
"""

LIST_ROUND = (ROUND_HEAD.replace("SEED", "list.txt").replace("BUDGET", "20 000")
              + '\n[[statements]]\nid = "count"\nkind = "application_count"\nfunds = ["LUM"]\ncount = COUNT\n'
                'quote = "inkom 2 ansök- ningar om lokala utvecklingsmedel"\nsource = { line = 11, lines = 2 }\n'
              + application(1, "Farsta", "Träffpunkt för unga", ("30 000 kr", "20 000 kr"), "DECISION", "{ line = 16 }")
              + application(2, "Bromma", "Läxhjälp", ("10 000 kr", "0 kr"), "rejected", "{ line = 17 }")
              + application(3, "Farsta", "Läxhjälp", ("5 000 kr", "5 000 kr"), "granted", "{ line = 18 }"))


@pytest.mark.parametrize("count, decision, problems", [
    (2, "partly_granted", []),
    (3, "partly_granted", [("statement count", "count")]),
    (2, "granted", [("application 2025-LUM-01", "decision")]),
])
def test_a_list_items_leading_decision_and_a_hyphenated_count_are_read(
        tmp_path: Path, count: int, decision: str, problems: list[tuple[str, str]]) -> None:
    (tmp_path / "list.txt").write_text(LIST_DOCUMENT, encoding="utf-8")
    path = tmp_path / "list.toml"
    path.write_text(LIST_ROUND.replace("COUNT", str(count)).replace("DECISION", decision), encoding="utf-8")
    assert problems_of(path) == problems


@pytest.mark.parametrize("seed", ["../../../../../../etc/passwd", "/etc/passwd", "/dev/zero", "/dev/stdin",
                                  "sub/2021_columns.txt", ".."])
def test_a_seed_that_leaves_the_round_files_folder_is_refused(tmp_path: Path, seed: str) -> None:
    path = columns_round(tmp_path, 'seed = "2021_columns.txt"', f'seed = "{seed}"')
    result = anslag_cli("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"no document '{seed}' beside the round file or among the bundled seeds (a seed is a file name, not a path)" in result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/stdin"])
def test_a_device_or_fifo_is_refused_unread(tmp_path: Path, device: str) -> None:
    path = columns_round(tmp_path, "format = 1", "format = 1")
    with open(os.devnull, "rb") as nothing:
        result = subprocess.run([CLI, "check", str(path), "--document", device], stdin=subprocess.PIPE if device ==
                                "/dev/stdin" else nothing, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 2
    why = "a device" if device == "/dev/zero" else "a named pipe (FIFO)"
    assert f"{device}:0:0: cannot read the file: {why}, not a regular file" in result.stderr
    with pytest.raises(anslag.RoundFileError, match="not a regular file"):
        anslag.check_sources(anslag.load_round(path), device)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "document.txt"
    os.mkfifo(fifo)
    with pytest.raises(anslag.RoundFileError, match="not a regular file"):
        anslag.check_sources(anslag.load_round(columns_round(tmp_path, "format = 1", "format = 1")), fifo)


def test_a_document_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate((64 << 20) + 1)
    with pytest.raises(anslag.RoundFileError, match="document larger than 64 MiB"):
        anslag.check_sources(anslag.load_round(columns_round(tmp_path, "format = 1", "format = 1")), big)


def test_every_line_check_prints_is_escaped(tmp_path: Path) -> None:
    document = (DOCUMENTS / "2021_columns.txt").read_text(encoding="utf-8").replace(
        "Godkänd slutrapport", "Godkänd \x1b[31mslutrapport")
    path = columns_round(tmp_path, "Godkänd slutrapport för", "Godkänd \\u001b[2Jslutrapport för")
    (tmp_path / "2021_columns.txt").write_text(document, encoding="utf-8")
    result = anslag_cli("check", str(path))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "rule 2021.godkand-rapport: quote: recorded Godkänd \\x1b[2Jslutrapport" in result.stdout
    assert "printed: Godkänd \\x1b[31mslutrapport" in result.stdout


def test_the_html_report_marks_a_failed_check_beside_its_line(tmp_path: Path) -> None:
    path = columns_round(tmp_path, 'granted = "250 000 kr"\ndecision = "partly_granted"\nreason = "Beviljas delvis"',
                         'granted = "240 000 kr"\ndecision = "partly_granted"\nreason = "Beviljas delvis"')
    round_ = anslag.load_round(path)
    page = anslag.audit(round_).to_html(tmp_path / "2021_columns.txt", round=round_)
    opening, line = page.split('id="L30"', 1)
    assert "check-failed" in opening.rsplit("<div", 1)[1]
    assert "check failed: application 2021-LUM-02: granted: recorded 240\u00a0000\u00a0kr; printed: 250 000 (kr)" in line.split("</div>", 1)[0]
    untouched = anslag.load_round(DOCUMENTS / "2021_columns.expected.toml")
    assert "check failed" not in anslag.audit(untouched).to_html(DOCUMENTS / "2021_columns.txt", round=untouched)


def test_a_fund_citing_a_tables_total_is_read_in_its_column(tmp_path: Path) -> None:
    cited = ('quote = "Socialnämnden fördelar 900 000 kronor till lokala utvecklingsmedel i enlighet med bilagan."\n'
             'source = { line = 14, section = "Förvaltningens förslag till beslut" }')
    path = columns_round(tmp_path, cited, 'source = { line = 34 }')
    assert problems_of(path) == []
    wrong = columns_round(tmp_path, 'budget = "900 000 kr"\n' + cited, 'budget = "1 650 000 kr"\nsource = { line = 34 }')
    assert problems_of(wrong) == [("fund LUM", "budget")]


def test_python_and_the_command_line_give_the_same_problems(tmp_path: Path) -> None:
    path = columns_round(tmp_path, 'requested = "350 000 kr"\ngranted = "250 000 kr"',
                         'requested = "250 000 kr"\ngranted = "350 000 kr"')
    problems = anslag.check_sources(anslag.load_round(path), tmp_path / "2021_columns.txt")
    printed = anslag_cli("check", str(path)).stdout.splitlines()
    assert printed[:-1] == [f"{p.document}:{p.line}: {p}" for p in problems]
    assert [(p.field, p.expected, p.found) for p in problems] == [
        ("requested", "250\u00a0000\u00a0kr", "350 000 (kr)"), ("granted", "350\u00a0000\u00a0kr", "250 000 (kr)")]


def test_the_citation_form_is_kept_by_python_and_its_pickles(tmp_path: Path) -> None:
    path = columns_round(tmp_path, 'source = { line = 24, section = "Ärendet" }',
                         'source = { derived = "an earlier decision" }')
    path.write_text(path.read_text(encoding="utf-8").replace(
        'source = { line = 29, section', 'source = { line = 29, lines = 2, section'), encoding="utf-8")
    round_ = anslag.load_round(path)
    rule = next(r for r in round_.rules if r.id == "2021.godkand-rapport")
    assert (rule.source.line, rule.source.lines, rule.source.derived) == (0, 1, "an earlier decision")
    first = round_.applications[0].source
    assert (first.line, first.lines, first.derived) == (29, 2, "")
    assert "lines=2" in repr(first)
    again = pickle.loads(pickle.dumps(round_))
    assert again == round_ and again.applications[0].source.lines == 2


def document_round(tmp_path: Path, document: str, old: str, new: str) -> Path:
    """The round file of the test document `document` with `old` replaced by `new`, beside its document."""
    text = (DOCUMENTS / f"{document}.expected.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / f"{document}.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    shutil.copy(DOCUMENTS / f"{document}.txt", tmp_path)
    return path


@pytest.mark.parametrize(
    "document, old, new, entry, field",
    [
        # a table with | between its cells was read as prose: any amount of the row stood for either role
        ("2027_sek", 'requested = "20 000 kr"\ngranted = "0 kr"', 'requested = "0 kr"\ngranted = "20 000 kr"',
         "application 2027-STB-03", "requested"),
        # the count was looked for anywhere in the quote: "En förvaltning" printed the 1
        ("2019_protokollsutdrag", "count = 2", "count = 1", "rule 2019.hogst-2", "count"),
        # a row printing a request and a grant but no decision word bore out granted and partly_granted alike
        ("2026_furniture", 'granted = "60 000 kr"\ndecision = "granted"\nsource = { line = 25',
         'granted = "60 000 kr"\ndecision = "partly_granted"\nsource = { line = 25', "application 2026-MUL-01", "decision"),
        ("2026_furniture", 'decision = "partly_granted"', 'decision = "granted"', "application 2026-MUL-02", "decision"),
    ],
)
def test_a_value_the_document_prints_is_read_where_it_counts(
        tmp_path: Path, document: str, old: str, new: str, entry: str, field: str) -> None:
    assert (entry, field) in problems_of(document_round(tmp_path, document, old, new))


COUNT_WORDS = {"en": 1, "två": 2, "fyra": 4, "fem": 5}
VOCABULARY_COUNTS = tomllib.loads((REPO / "data" / "vocabulary" / "sv.toml").read_text(encoding="utf-8"))["count"]


@pytest.mark.parametrize("entry", VOCABULARY_COUNTS, ids=lambda e: e["phrase"])
def test_each_count_phrase_is_where_a_count_is_read(tmp_path: Path, entry: dict[str, str]) -> None:
    """Each [[count]] example of the vocabulary, cited by a rule (a bound) or a statement (a noun) of the
    2019 test document: its count passes and the count beside it fails."""
    words = entry["example"].lower().rstrip(".").split()
    if entry["counts"] == "bound":
        bound = entry["phrase"].split()
        at = next(k for k in range(len(words)) if words[k:k + len(bound)] == bound) + len(bound)
    else:
        at = next(k for k, w in enumerate(words) if entry["phrase"] in w) - 1
    count = COUNT_WORDS[words[at]]
    document = (DOCUMENTS / "2019_protokollsutdrag.txt").read_text(encoding="utf-8")
    line = len(document.splitlines()) + 2
    (tmp_path / "2019_protokollsutdrag.txt").write_text(document + "\n" + entry["example"] + "\n", encoding="utf-8")
    text = (DOCUMENTS / "2019_protokollsutdrag.expected.toml").read_text(encoding="utf-8")
    if entry["counts"] == "bound":
        old = ('count = 2\nquote = "En förvaltning kan beviljas högst två ansökningar för lokala utvecklingsmedel."\n'
               'source = { line = 15, lines = 2, section = "Ärendet" }')
        name = "rule 2019.hogst-2"
    else:
        old = 'kind = "application_count"\ncount = 5\nquote = "Fem ansökningar kom in."\nsource = { line = 13, section = "Ärendet" }'
        name = next(f"statement {m}" for m in [text[:text.index(old)].rsplit('id = "', 1)[1].split('"')[0]])
    kind = 'kind = "applicant_count"\n' if entry["counts"] == "applicants" else (
        'kind = "application_count"\n' if entry["counts"] == "applications" else "")
    path = tmp_path / "2019.toml"
    for value, fails in ((count, False), (count + 1, True)):
        assert text.count(old) == 1
        path.write_text(text.replace(old, f'{kind}count = {value}\nquote = "{entry["example"]}"\nsource = {{ line = {line} }}'),
                        encoding="utf-8")
        assert ((name, "count") in problems_of(path)) == fails, (value, problems_of(path))


@pytest.mark.parametrize("application, old, new", [
    # named in the list of partly granted projects that "tre stycken ansökningar av LUM delvis beviljas" leads
    ("2024-LUM-07", 'granted = "200 000 kr"\ndecision = "partly_granted"', 'granted = "200 000 kr"\ndecision = "granted"'),
    # not named there, though the list names all three
    ("2024-LUM-08", 'granted = "300 000 kr"\ndecision = "granted"', 'granted = "300 000 kr"\ndecision = "partly_granted"'),
])
def test_a_decision_count_names_its_applications_in_the_list_it_leads(
        tmp_path: Path, application: str, old: str, new: str) -> None:
    text = (REPO / "data" / "rounds" / "2024.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "2024.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    shutil.copy(REPO / "data" / "seeds" / "000_98bf0cbc657a04e3.txt", tmp_path)
    assert problems_of(path) == [(f"application {application}", "decision")]


# A table that goes on past a page break without its heading repeated (issue 22): the rows and
# the total on the second page stand after the first page's foot and the second's running head,
# page number or Dnr line. check reads the page furniture as the drafter does and carries the
# table's columns past it; before, those rows were read as prose and their amounts reported missing.
PAGE_HEAD = "Socialförvaltningen                                    Tjänsteutlåtande"
PAGED_TABLES = {
    "aligned": ("Förvaltning         Projekt                 Sökt belopp   Beviljat belopp   Beslut",
                ["Farsta              Träffpunkt för unga          24 000            24 000   Beviljas",
                 "Bromma              Läxhjälp                     30 000            20 000   Beviljas delvis",
                 "Kungsholmen         Stöd till unga vuxna         40 000            30 000   Beviljas delvis",
                 "Skärholmen          Nätverk för anhöriga         18 000                 0   Avslås",
                 "Totalt                                          112 000            74 000"]),
    "tabs": ("Förvaltning\tProjekt\tSökt belopp\tBeviljat belopp\tBeslut",
             ["Farsta\tTräffpunkt för unga\t24 000\t24 000\tBeviljas",
              "Bromma\tLäxhjälp\t30 000\t20 000\tBeviljas delvis",
              "Kungsholmen\tStöd till unga vuxna\t40 000\t30 000\tBeviljas delvis",
              "Skärholmen\tNätverk för anhöriga\t18 000\t0\tAvslås",
              "Totalt\t\t112 000\t74 000\t"]),
}
# Four lines between the pages (lines 16 to 19), each a page break of its own kind.
PAGE_BREAKS = {
    "running head, Dnr and page": ["", PAGE_HEAD, "Dnr 3.1-0456/2024                                      Sida 2 av 2", ""],
    "page number at the foot": ["", "                                  1 (2)", "", ""],
    "page number and a form feed": ["", "Sida 1 av 2", "", "\f"],
}


def paged_document(table: str, page_break: str) -> str:
    header, rows = PAGED_TABLES[table]
    lines = [PAGE_HEAD, "Dnr 3.1-0456/2024                                      Sida 1 av 2",
             *DOCUMENT_HEAD.replace("BUDGET", "74 000").splitlines()[:-1],  # Till ... Förslag till beslut, blank
             "Socialnämnden fördelar 74 000 kronor till lokala utvecklingsmedel (LUM).", "", "Bilaga", "", header,
             *rows[:2], *PAGE_BREAKS[page_break], *rows[2:]]
    return "\n".join(lines) + "\n"


PAGED_ROUND = (ROUND_HEAD.replace("SEED", "paged.txt").replace("BUDGET", "74 000").replace("line = 9", "line = 11")
               + application(1, "Farsta", "Träffpunkt för unga", ("24 000 kr", "24 000 kr"), "granted", "{ line = 16 }")
               + application(2, "Bromma", "Läxhjälp", ("30 000 kr", "20 000 kr"), "partly_granted", "{ line = 17 }")
               + application(3, "Kungsholmen", "Stöd till unga vuxna", ("40 000 kr", "GRANTED"), "partly_granted",
                             "{ line = 22 }")
               + application(4, "Skärholmen", "Nätverk för anhöriga", ("18 000 kr", "0 kr"), "rejected", "{ line = 23 }")
               + '\n[[statements]]\nid = "2025.ansokt.tabell"\nkind = "requested_total"\namount = "112 000 kr"\n'
               'quote = "Totalt"\nsource = { line = 24 }\n'
               '\n[[statements]]\nid = "2025.beviljat.tabell"\nkind = "granted_total"\namount = "TOTAL"\n'
               'quote = "Totalt"\nsource = { line = 24 }\n')


@pytest.mark.parametrize("table", PAGED_TABLES)
@pytest.mark.parametrize("page_break", PAGE_BREAKS)
@pytest.mark.parametrize("granted, total, problems", [
    ("30 000 kr", "74 000 kr", []),
    ("300 000 kr", "74 000 kr", [("application 2025-LUM-03", "granted")]),
    ("30 000 kr", "112 000 kr", [("statement 2025.beviljat.tabell", "amount")]),
])
def test_a_table_goes_on_past_a_page_break_without_its_heading(
        tmp_path: Path, table: str, page_break: str, granted: str, total: str, problems: list[tuple[str, str]]) -> None:
    document = paged_document(table, page_break)
    lines = document.split("\n")  # a form feed ends no line of the document
    assert lines[21].startswith("Kungsholmen") and lines[23].startswith("Totalt") and lines[10].startswith("Socialnämnden")
    (tmp_path / "paged.txt").write_text(document, encoding="utf-8")
    path = tmp_path / "paged.toml"
    path.write_text(PAGED_ROUND.replace("GRANTED", granted).replace("TOTAL", total), encoding="utf-8")
    assert problems_of(path) == problems
