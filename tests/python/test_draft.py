"""Drafting round files from decision documents (`anslag.draft_round`, `anslag draft`) and checking
round files against their documents (`anslag.check_sources`, `anslag check`): docs/drafting.md."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import anslag
from pdf_maker import laid_out, scan_pdf, text_pdf

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "data" / "seeds"
DOCUMENTS = REPO / "tests" / "data" / "documents"
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
ENVIRONMENT = {**os.environ, "ANSLAG_DATA_DIR": str(REPO / "data")}
SEED_2020 = SEEDS / "004_2b1165072d843997.txt"
SEED_2024 = SEEDS / "000_98bf0cbc657a04e3.txt"
TEST_DOCUMENTS = ["2021_columns", "2022_tkr_prose", "2023_sections", "2025_one_fund"]
SEED_TEXT = {seed: seed.read_text(encoding="utf-8") for seed in (SEED_2020, SEED_2024)}


def anslag_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *arguments], capture_output=True, text=True, env=ENVIRONMENT, check=False)


def test_the_agreement_table_is_current_and_every_disagreement_explained() -> None:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "draft-agreement"), "--check"],
                            capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("seed, year", [(SEED_2020, 2020), (SEED_2024, 2024)])
def test_a_seed_drafts_to_the_hand_round_row_by_row(seed: Path, year: int) -> None:
    draft = anslag.draft_round(seed)
    hand = anslag.load_round(year)
    assert draft.round.year == year and draft.round.document == hand.document
    assert {f: draft.round.funds[f].budget for f in draft.round.funds} == {f: hand.funds[f].budget for f in hand.funds}
    rows = [(a.fund, a.source.line, a.applicant, a.decision, a.requested, a.granted) for a in draft.round.applications]
    assert rows == [(a.fund, a.source.line, a.applicant, a.decision, a.requested, a.granted) for a in hand.applications]
    assert [a.id for a in draft.round.applications] == [a.id for a in hand.applications]
    assert anslag.parse_round(draft.text, seed.name) == draft.round
    assert pickle.loads(pickle.dumps(draft.round)) == draft.round
    budget = draft.round.funds["LUM"]
    assert budget.quote in SEED_TEXT[seed] and budget.source.line > 0 and budget.readings[0].field == "id"


@pytest.mark.parametrize("seed, year", [(SEED_2020, 2020), (SEED_2024, 2024)])
def test_the_audit_of_a_draft_gives_the_errors_and_warnings_of_the_hand_round(seed: Path, year: int) -> None:
    def serious(findings: list[anslag.Finding]) -> list[tuple[str, str, object, object, tuple[str, ...]]]:
        return sorted((f.code, f.severity, str(f.expected), str(f.actual), tuple(f.rows)) for f in findings
                      if f.severity in ("error", "warning"))

    hand = anslag.audit(anslag.load_round(year)).findings
    # A misspelt applicant the hand encoder settled by a reading (2024's "Normmalm" as Norrmalm,
    # an info) stays as printed in the unedited draft, so its audit warns of the name, and what
    # the audit checks of the settled unit (that Norrmalm existed on the date) waits for the
    # reviewer to set it (issue 23; docs/draft-agreement.md explains both).
    settled = {row for f in hand if f.code == "UNKNOWN_UNIT" and f.severity == "info" for row in f.rows}
    assert settled == ({"2024-LUM-07"} if year == 2024 else set())
    expected = [f for f in serious(hand) if not (f[0] == "UNIT_NOT_VALID_ON_DATE" and set(f[4]) <= settled)]
    expected += [("UNKNOWN_UNIT", "warning", "None", "None", (row,)) for row in sorted(settled)]
    assert serious(anslag.audit(anslag.draft_round(seed).round).findings) == sorted(expected)


def test_everything_inferred_is_a_reading_and_on_the_review_list_beside_its_entry() -> None:
    draft = anslag.draft_round(SEED_2024)
    normmalm = next(a for a in draft.round.applications if a.applicant == "Normmalm")
    # A near name is a guess for the reviewer, not a reading the draft settles (issue 23).
    assert normmalm.unit is None
    assert [r.field for r in normmalm.readings] == ["decision"]
    items = [r for r in draft.review if r.line == normmalm.source.line]
    assert {r.field.split(": ")[-1] for r in items} == {"unit", "decision"}
    assert ("# REVIEW: unit: 'Normmalm' is no unit the registry knows; if the document means Norrmalm, "
            'the one near name, write unit = "norrmalm"') in draft.text
    rejected = [a for a in draft.round.applications if a.source.line in (74, 75, 79, 80, 81, 82)]
    assert all(a.applicant == "" and a.decision == "rejected" for a in rejected) and len(rejected) == 6
    assert all({"applicant", "decision", "granted"} <= {r.field for r in a.readings} for a in rejected)


@pytest.mark.parametrize("name", TEST_DOCUMENTS)
def test_a_test_document_drafts_to_its_expected_round(name: str) -> None:
    draft = anslag.draft_round(DOCUMENTS / f"{name}.txt")
    assert draft.text == (DOCUMENTS / f"{name}.expected.toml").read_text(encoding="utf-8")
    assert anslag.check_sources(draft.round, DOCUMENTS / f"{name}.txt") == []


def test_tkr_columns_prose_grants_and_decision_words_of_another_layout() -> None:
    r = anslag.draft_round(DOCUMENTS / "2022_tkr_prose.txt").round
    assert r.funds["LUM"].budget == anslag.Krona("1 200 000 kr") and r.funds["MUST"].budget == anslag.Krona("75 000 kr")
    decisions = [(a.applicant, a.decision, a.requested, a.granted) for a in r.applications if a.fund == "LUM"]
    assert decisions[1] == ("Farsta", "partly_granted", anslag.Krona("300 000 kr"), anslag.Krona("200 000 kr"))
    assert decisions[2][1] == "partly_granted"  # "Bifall delvis"
    assert [a.decision for a in r.applications if a.fund == "MUST"] == ["granted", "granted", "granted", "rejected"]
    berlin = r.applications[-1]
    assert (berlin.requested, berlin.granted) == (anslag.Krona("25 000 kr"), anslag.Krona(0))
    assert [(u.kind, u.count or u.amount) for u in r.rules if u.kind in ("cap_per_application", "max_granted_per_unit")] == [
        ("max_granted_per_unit", 2), ("cap_per_application", anslag.Krona("25 000 kr"))]
    assert [u for u in r.rules if u.not_encoded and "måste" in u.not_encoded]


@pytest.mark.parametrize("name", TEST_DOCUMENTS)
def test_a_pdf_drafts_as_its_text_does(tmp_path: Path, name: str) -> None:
    # pdftotext drops the blank lines above the first text, so the text drafted beside the PDF
    # starts at its first text too: then every line, quote and review item must be the same.
    lines = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8").lstrip("\n").split("\n")
    text, pdf = tmp_path / f"{name}.txt", tmp_path / f"{name}.pdf"
    text.write_text("\n".join(lines), encoding="utf-8")
    text_pdf(pdf, laid_out(lines))
    from_pdf, from_text = anslag.draft_round(pdf), anslag.draft_round(text)
    assert from_pdf.text.replace(pdf.name, text.name) == from_text.text
    assert len(from_pdf.round.applications) >= 5 and from_pdf.round.document.seed == pdf.name
    assert [(i.line, i.field, i.why) for i in from_pdf.review] == [(i.line, i.field, i.why) for i in from_text.review]
    assert anslag.check_sources(from_pdf.round, pdf) == []
    saved = tmp_path / "draft.toml"
    saved.write_text(from_pdf.text, encoding="utf-8")
    result = anslag_cli("check", str(saved))
    assert result.returncode == 0, result.stdout


def test_numbered_sections_official_names_and_a_study_trip_cap_of_another_layout() -> None:
    d = anslag.draft_round(DOCUMENTS / "2023_sections.txt")
    r = d.round
    # "§ 1 Förslag till beslut" and "2.2 Förutsättningar" are headings: the entries carry them as sections.
    assert r.funds["LUM"].source.section == "§ 1 Förslag till beslut"
    assert {u.source.section for u in r.rules} == {"2.2 Förutsättningar"}
    # Applicants stay as printed; the registry reads the official names as units, with no reading.
    lum = [a for a in r.applications if a.fund == "LUM"]
    assert (lum[0].applicant, lum[0].unit, lum[0].readings) == ("Skarpnäcks stadsdelsförvaltning", "skarpnack", [])
    assert [a.unit for a in r.applications if a.fund == "MUST"] == [
        "bromma", "hagersten-alvsjo", "socialforvaltningen", "sodermalm", "farsta"]
    # A bare "Till viss del" under Bedömning is the decision word; "Förslag" is the granted column.
    assert (lum[1].decision, lum[1].granted, lum[1].readings) == ("partly_granted", anslag.Krona("150 000 kr"), [])
    assert any(i.field == "table: column 'Förslag'" for i in d.review)
    # "en studieresa" names the fund of "studieresor": the cap is MUST's alone, and "högst två projekt" LUM's.
    rules = {u.kind: u for u in r.rules}
    assert (rules["cap_per_application"].funds, rules["cap_per_application"].amount) == (["MUST"], anslag.Krona("25 000 kr"))
    assert (rules["max_granted_per_unit"].funds, rules["max_granted_per_unit"].count) == (["LUM"], 2)
    assert "approved_report" in rules and "exclusion" in rules
    # The trip granted in full at 30 000 kr over the 25 000 kr cap is the draft's one error, as in the hand round.
    errors = [(f.code, f.actual) for f in anslag.audit(r).findings if f.severity == "error"]
    assert errors == [("CAP_EXCEEDED", anslag.Krona("30 000 kr"))]
    cap = next(v for v in anslag.evaluate(r, "2023-MUST-01").verdicts if v.kind == "cap_per_application")
    assert cap.state == "not_met"


def test_the_command_drafts_to_a_file_lists_the_review_and_the_draft_checks(tmp_path: Path) -> None:
    shutil.copy(SEED_2024, tmp_path)
    out = tmp_path / "2024.toml"
    result = anslag_cli("draft", str(tmp_path / SEED_2024.name), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert f"{tmp_path / SEED_2024.name}:111: REVIEW application 2024-LUM-07: unit: 'Normmalm' is no unit" in result.stderr
    assert result.stderr.endswith("items to review\n")
    checked = anslag_cli("check", str(out))
    assert checked.returncode == 0, checked.stdout
    assert "every entry stands where it is cited in" in checked.stdout


@pytest.mark.parametrize("year", ["2020", "2024"])
def test_the_bundled_rounds_pass_the_check(year: str) -> None:
    result = anslag_cli("check", year)
    assert result.returncode == 0, result.stdout
    assert anslag.check_sources(anslag.load_round(int(year)), SEEDS / anslag.load_round(int(year)).document.seed) == []


def tampered(tmp_path: Path, old: str, new: str) -> Path:
    text = (REPO / "data" / "rounds" / "2020.toml").read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path = tmp_path / "2020.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copy(SEED_2020, tmp_path)
    return path


@pytest.mark.parametrize(
    "old, new, line, entry, field",
    [
        ("sträckte sig från 3 maj 2019", "sträckte sig från 4 maj 2019", 64, "rule 2020.ansokningsperiod", "quote"),
        ("source = { line = 79,", "source = { line = 80,", 80, "rule 2020.aterbetalning", "citation"),
        ('requested = "626 000 kr"', 'requested = "626 500 kr"', 95, "application 2020-LUM-03", "requested"),
        ("source = { line = 126,", "source = { line = 226,", 226, "statement 2020.MUST.beviljat.bilaga2", "citation"),
    ],
)
def test_an_altered_quote_a_shifted_line_or_a_changed_amount_fails_naming_the_line(
    tmp_path: Path, old: str, new: str, line: int, entry: str, field: str
) -> None:
    path = tampered(tmp_path, old, new)
    problems = anslag.check_sources(anslag.load_round(path), tmp_path / SEED_2020.name)
    assert [(p.line, p.entry, p.field) for p in problems][:1] == [(line, entry, field)]
    result = anslag_cli("check", str(path))
    assert result.returncode == 1
    assert f"{tmp_path / SEED_2020.name}:{line}: {entry}: {field}: recorded " in result.stdout


def test_check_exits_2_for_bad_input(tmp_path: Path) -> None:
    assert anslag_cli("check", str(tmp_path / "missing.toml")).returncode == 2
    path = tmp_path / "2020.toml"
    shutil.copy(REPO / "data" / "rounds" / "2020.toml", path)
    result = anslag_cli("check", str(path), "--document", str(tmp_path / "none.txt"))
    assert result.returncode == 2 and "cannot read the file" in result.stderr


HEAD = "Till\nSocialnämnden\n2023-12-12\n\nFördelning av utvecklingsmedel 2024\n\n"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty document"),
        (b"  \n\t\n", "empty document"),
        (b"Till\nSocialn\xe4mnden\n", "2:8: not UTF-8 text"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "1:8: not UTF-8 text"),
        (b"%PDF-1.4\nnot a pdf at all\n", "not a readable PDF"),
        ("Memorandum\n\nTo the board, 12 December 2023.\n".encode(),
         "no grant decision found: no fund, total or application in Swedish"),
        ("2023-12-12\n\nAllocation of development funds 2024\n\nThe committee grants 100 000 SEK.\n".encode(),
         "no grant decision found: no fund, total or application in Swedish"),
        ("Till\nSocialnämnden\n\nFördelning av medel\n\nSocialnämnden fördelar 500 000 kronor till lokala "
         "utvecklingsmedel.\n".encode(), "no year in the document: give the round's year (--year)"),
        (b"a" * (8 * 1024 * 1024 + 1), "document larger than 8 MiB (the most a decision document may hold)"),
        ("Till\nSocialnämnden\n2023-12-12\n\nAllocation of local development funds 2024\n\n"
         "The committee allocates funds to the projects listed in the annex.\n".encode(),
         "no grant decision found: no fund, total or application in Swedish"),
    ],
)
def test_bad_documents_are_clear_errors_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "document.txt"
    path.write_bytes(content)
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.draft_round(path)
    assert str(caught.value).endswith(message)
    assert str(caught.value).startswith(str(path) + ":")
    result = anslag_cli("draft", str(path))
    assert result.returncode == 2 and result.stderr.rstrip().endswith(message) and result.stdout == ""


def test_a_pdf_without_text_is_a_scan_and_an_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    scan_pdf(path)
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.draft_round(path)
    assert str(caught.value) == f"{path}:0:0: a PDF without text (a scan?)"


def test_without_pdftotext_a_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "text.pdf"
    text_pdf(path, ["Till", "Socialnämnden"])
    result = subprocess.run([CLI, "draft", str(path)], capture_output=True, text=True,
                            env={**ENVIRONMENT, "PATH": str(tmp_path)}, check=False)
    assert result.returncode == 2
    assert result.stderr.rstrip().endswith("cannot run pdftotext (poppler-utils) to read the PDF")


def test_a_document_without_a_table_drafts_what_its_prose_says_and_marks_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(HEAD + "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel.\n\n"
                    "Fyra ansökningar om lokala utvecklingsmedel kom in.\n\n"
                    "Ansökan ska vara undertecknad och måste lämnas in i tid.\n", encoding="utf-8")
    draft = anslag.draft_round(path)
    assert draft.round.applications == []
    assert [(s.kind, s.amount or s.count) for s in draft.round.statements] == [
        ("granted_total", anslag.Krona("500 000 kr")), ("application_count", 4)]
    assert [u.not_encoded is not None for u in draft.round.rules] == [True]
    assert any(item.field == "fund LUFM: id" or "initials" in item.why for item in draft.review)
    assert [(item.line, item.field) for item in draft.review if "no table" in item.why] == [(0, "applications")]
    assert "# REVIEW:" in draft.text


def test_a_document_in_another_language_invents_nothing(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("To\nThe Social Services Committee\n2023-12-12\n\nAllocation of local development funds 2024\n\n"
                    "The committee is proposed to allocate 3 000 000 SEK to the projects in annex 1.\n", encoding="utf-8")
    with pytest.raises(anslag.RoundFileError, match="no grant decision found"):
        anslag.draft_round(path)


def test_every_review_item_has_a_line_a_field_and_a_reason() -> None:
    draft = anslag.draft_round(SEED_2020)
    assert draft.review and all(item.field and item.why for item in draft.review)
    assert [item.line for item in draft.review] == sorted(item.line for item in draft.review)
    assert draft.text.count("# REVIEW:") == len(draft.review)
    assert repr(draft).startswith("Draft(2020, 23 applications")


def test_one_fund_in_mnkr_and_tkr_without_a_till_line_or_a_year_drafts_with_each_reading_on_the_list() -> None:
    d = anslag.draft_round(DOCUMENTS / "2025_one_fund.txt")
    r = d.round
    assert (r.year, r.document.deciding_body, list(r.funds)) == (2025, "Socialnämnden", ["UMS"])
    assert r.funds["UMS"].budget == anslag.Krona("1 200 000 kr")
    assert [(s.kind, s.amount or s.count) for s in r.statements][:4] == [
        ("granted_total", anslag.Krona("1 200 000 kr")), ("requested_total", anslag.Krona("1 800 000 kr")),
        ("application_count", 9), ("applicant_count", 7)]
    assert {i.field for i in d.review} >= {"document: deciding_body", "document: kind", "year", "table"}
    first = r.applications[0]
    assert (first.applicant, first.unit, first.co_applicants) == ("Farsta (medsökande Bromma)", "farsta", ["bromma"])
    assert [a.decision for a in r.applications].count("rejected") == 2  # "Beviljas ej"
    assert sum((a.granted for a in r.applications), anslag.Krona(0)) == anslag.Krona("1 200 tkr")
    assert [f for f in anslag.audit(r).findings if f.severity in ("error", "warning")] == []


def test_the_year_comes_from_the_title_else_from_the_date_and_the_option_overrides_both(tmp_path: Path) -> None:
    path = tmp_path / "utan-ar.txt"
    path.write_text("Till\nSocialnämnden\n2023-11-14\n\nFördelning av lokala utvecklingsmedel\n\n"
                    "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel.\n", encoding="utf-8")
    draft = anslag.draft_round(path)
    assert draft.round.year == 2024  # a decision in the autumn is for the next year: a reading to review
    assert [(i.line, i.field) for i in draft.review if i.field == "year"] == [(5, "year")]
    # Overridden to a year the document's date can belong to (validate holds every date of a round
    # within the span of its year: from two years before to the year after).
    given = anslag.draft_round(path, year=2025)
    assert given.round.year == 2025 and not [i for i in given.review if i.field == "year"]
    assert anslag.draft_round(DOCUMENTS / "2023_sections.txt", year=2024).round.year == 2024
    result = anslag_cli("draft", str(path), "--year", "2025")
    assert result.returncode == 0 and "\nyear = 2025\n" in result.stdout


def test_check_fails_on_a_test_document_whose_row_amount_was_changed(tmp_path: Path) -> None:
    text = (DOCUMENTS / "2023_sections.expected.toml").read_text(encoding="utf-8")
    changed = tmp_path / "2023.toml"
    changed.write_text(text.replace('requested = "30 000 kr"', 'requested = "25 000 kr"', 1), encoding="utf-8")
    result = anslag_cli("check", str(changed), "--document", str(DOCUMENTS / "2023_sections.txt"))
    assert result.returncode == 1
    assert f"{DOCUMENTS / '2023_sections.txt'}:66: application 2023-MUST-01: requested: recorded 25\u00a0000\u00a0kr; printed: 30 000 (kr)" in result.stdout
