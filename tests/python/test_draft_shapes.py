"""The general shapes the drafter reads (docs/drafting.md): page furniture, hard-wrapped paragraphs,
records of `label: value` lines, tables by separators and column positions, heads of every kind,
dates in words, amounts in `:-` and `SEK`, and the adversary's cases of issue 23: each row is drafted
or on the review list, each figure the printed one or unknown with a review item."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

import anslag
from pdf_maker import text_pdf

DOCUMENTS = Path(__file__).resolve().parents[2] / "tests" / "data" / "documents"
# One document per shape family: a minutes extract with records, page furniture and hard wrapping,
# amounts in `:-` and `SEK` with semicolon and pipe tables.
SHAPES = ["2019_protokollsutdrag", "2026_furniture", "2027_sek"]

HEAD = "Till\nSocialnämnden\n2018-12-18\n\nFördelning av lokala utvecklingsmedel 2019\n\n"
BUDGET = "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel (LUM).\n\n"


def draft(tmp_path: Path, text: str, name: str = "dokument.txt") -> anslag._core.Draft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return anslag.draft_round(path)


def rows(d: anslag._core.Draft) -> list[tuple[str, str, object, object]]:
    return [(a.applicant, a.decision, a.requested, a.granted) for a in d.round.applications]


def reviewed(d: anslag._core.Draft, line: int) -> list[str]:
    return [f"{i.field}: {i.why}" for i in d.review if i.line == line]


def kr(text: str) -> anslag.Krona:
    return anslag.Krona(text)


def serious(round_: anslag.Round) -> list[tuple[str, str, str, str]]:
    return sorted((f.code, f.severity, str(f.expected), str(f.actual)) for f in anslag.audit(round_).findings
                  if f.severity in ("error", "warning"))


@pytest.mark.parametrize("name", SHAPES)
def test_a_document_of_a_new_shape_drafts_to_its_expected_round_from_text_and_pdf(tmp_path: Path, name: str) -> None:
    expected = (DOCUMENTS / f"{name}.expected.toml").read_text(encoding="utf-8")
    d = anslag.draft_round(DOCUMENTS / f"{name}.txt")
    assert d.text == expected
    assert serious(d.round) == serious(anslag.parse_round(expected, f"{name}.txt"))
    # Only entries that go on past their cited line (a wrapped sentence, a record) miss it in the
    # check, until round files cite ranges (`source.lines`); every other entry stands on its line.
    lines = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    problems = anslag.check_sources(d.round, DOCUMENTS / f"{name}.txt")
    assert all(lines[p.line].strip() for p in problems), problems
    text, pdf = tmp_path / f"{name}.txt", tmp_path / f"{name}.pdf"
    text.write_text("\n".join(lines), encoding="utf-8")
    text_pdf(pdf, lines)
    assert anslag.draft_round(pdf).text.replace(pdf.name, text.name) == anslag.draft_round(text).text


# --- The head ----------------------------------------------------------------------------------

def test_a_minutes_extract_with_its_date_in_words_and_the_year_its_funds_are_for(tmp_path: Path) -> None:
    d = draft(tmp_path, "Protokollsutdrag\nSocialnämndens sammanträde\nSammanträdesdag den 18 december 2018\n\n"
                        "§ 14 Fördelning av lokala utvecklingsmedel\n\n"
                        "Nämnden beslutar om medel för 2019.\n\n" + BUDGET)
    document = d.round.document
    assert (document.kind, document.deciding_body, document.title) == (
        "protokollsutdrag", "Socialnämnden", "Fördelning av lokala utvecklingsmedel")
    assert str(document.date) == "2018-12-18" and d.round.year == 2019
    assert [i.line for i in d.review if i.field == "year"] == [7]


def test_a_delegation_decision_without_a_date_is_drafted_with_the_date_on_the_review_list(tmp_path: Path) -> None:
    d = draft(tmp_path, "Delegationsbeslut\n\nFördelning av lokala utvecklingsmedel 2019\n\n" + BUDGET)
    assert d.round.document.kind == "delegationsbeslut" and d.round.year == 2019
    assert str(d.round.document.date) == "2019-01-01"
    assert {"document: date", "document: deciding_body"} <= {i.field for i in d.review}


# --- Page furniture and hard wrapping ---------------------------------------------------------

def test_page_furniture_is_left_out_and_a_wrapped_sentence_is_one_quote_at_its_first_line(tmp_path: Path) -> None:
    text = ("Socialförvaltningen      Tjänsteutlåtande\nSida 1 av 2\n" + HEAD +
            "Socialnämnden fördelar 500 000 kronor till lokala\nutvecklingsmedel (LUM).\n\n"
            "En förvaltning kan beviljas högst två\nansökningar.\n\n"
            "Socialförvaltningen      Tjänsteutlåtande\nSida 2 av 2\n\n"
            "Ansökningarna uppgick till 700 000\nkronor.\n")
    d = draft(tmp_path, text)
    fund = d.round.funds["LUM"]
    assert fund.quote == "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel (LUM)."
    assert fund.source.line == 9
    limit = next(r for r in d.round.rules if r.kind == "max_granted_per_unit")
    assert (limit.count, limit.quote, limit.source.line) == (2, "En förvaltning kan beviljas högst två ansökningar.", 12)
    requested = next(s for s in d.round.statements if s.kind == "requested_total")
    assert (requested.amount, requested.source.line) == (kr("700 000 kr"), 18)
    assert "Sida" not in d.text.split("[document]")[1] and d.round.document.title.startswith("Fördelning")


# --- Records, amounts and decision words --------------------------------------------------------

def test_records_of_label_lines_with_amounts_in_colon_dash_and_imperative_decisions(tmp_path: Path) -> None:
    d = draft(tmp_path, HEAD + BUDGET +
              "Förvaltning: Farsta\nProjekt: Stöd till unga\nSökt belopp: 28 000:-\nBeviljat: 28 000:-\nBeslut: Bevilja\n\n"
              "Förvaltning: Bromma\nProjekt: Cirklar\nSökt belopp: SEK 40 000\nBeviljat: 20 000:–\n"
              "Beslut: Bevilja delvis\n\n"
              "Förvaltning: Kungsholmen\nProjekt: Lokalhyra\nSökt belopp: kr 50 000\nBeslut: Avslå\n")
    assert rows(d) == [("Farsta", "granted", kr("28 000 kr"), kr("28 000 kr")),
                       ("Bromma", "partly_granted", kr("40 000 kr"), kr("20 000 kr")),
                       ("Kungsholmen", "rejected", kr("50 000 kr"), None)]
    assert [a.source.line for a in d.round.applications] == [9, 15, 21]


def test_one_sentence_of_two_funds_figures_is_one_statement_per_fund(tmp_path: Path) -> None:
    d = draft(tmp_path, HEAD + "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel (LUM) och "
                               "100 000 kronor till medel för utveckling och lärande (MUL).\n\n"
                               "Ansökningarna om lokala utvecklingsmedel uppgick till 4 650 000 kronor och ansökningarna "
                               "om medel för utveckling och lärande till 120 000 kronor.\n")
    requested = [(s.funds, s.amount) for s in d.round.statements if s.kind == "requested_total"]
    assert requested == [(["LUM"], kr("4 650 000 kr")), (["MUL"], kr("120 000 kr"))]


# --- The adversary's cases --------------------------------------------------------------------

TABLE_HEAD = HEAD + BUDGET + "Bilaga\n\n"


def test_a_row_after_the_total_is_drafted_and_on_the_review_list(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning\tProjekt\tSökt\tBeviljas\nFarsta\tA\t100 000\t100 000\n"
                                     "Totalt\t\t100 000\t100 000\nBromma\tB\t50 000\t50 000\n")
    assert [a.applicant for a in d.round.applications] == ["Farsta", "Bromma"]
    assert any("after the table's total row" in why for why in reviewed(d, 14))


def test_a_table_without_a_known_header_is_on_the_review_list_and_an_english_header_is_read(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Farsta\tA\t100 000\t100 000\nBromma\tB\t50 000\t50 000\n")
    assert d.round.applications == [] and any("look like a table" in why for why in reviewed(d, 11))
    d = draft(tmp_path, TABLE_HEAD + "Applicant\tProject\tRequested\tGranted\nFarsta\tA\t100 000\t100 000\n")
    assert rows(d) == [("Farsta", "granted", kr("100 000 kr"), kr("100 000 kr"))]


def test_no_break_spaces_between_the_header_cells_are_column_gaps(tmp_path: Path) -> None:
    gap = "\u00a0" * 4
    d = draft(tmp_path, TABLE_HEAD + f"Förvaltning{gap}Projekt{gap}Sökt{gap}Beviljas\n"
                                     "Farsta         Stöd      100 000    100 000\n")
    assert rows(d) == [("Farsta", "granted", kr("100 000 kr"), kr("100 000 kr"))]


def test_a_merged_applicant_cell_takes_the_applicant_above_and_says_so(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning    Projekt     Sökt       Beviljas\n"
                                     "Farsta         Stöd A      100 000    100 000\n"
                                     "               Stöd B      50 000     40 000\n")
    assert rows(d) == [("Farsta", "granted", kr("100 000 kr"), kr("100 000 kr")),
                       ("Farsta", "partly_granted", kr("50 000 kr"), kr("40 000 kr"))]
    assert any("merged" in why for why in reviewed(d, 13))


def test_a_second_total_and_a_subtotal_are_on_the_review_list_and_a_wrapped_total_is_read(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning\tProjekt\tSökt\tBeviljas\nFarsta\tA\t100 000\t100 000\n"
                                     "Delsumma\t\t100 000\t100 000\nTotalt\t\t100 000\t100 000\nTotalt\t\t200 000\t200 000\n")
    assert [a.applicant for a in d.round.applications] == ["Farsta"]
    assert any("subtotal" in why for why in reviewed(d, 13)) and any("second total" in why for why in reviewed(d, 15))
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning    Projekt     Sökt       Beviljas\n"
                                     "Farsta         Stöd A      100 000    100 000\n"
                                     "Totalt\n"
                                     "                           100 000    100 000\n")
    assert [(s.kind, s.amount) for s in d.round.statements if s.source.line == 13] == [
        ("requested_total", kr("100 000 kr")), ("granted_total", kr("100 000 kr"))]


def test_a_number_on_a_continuation_line_is_not_added_to_the_amount_above(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning    Projekt          Sökt       Beviljas\n"
                                     "Farsta         Stöd till        350 000    350 000\n"
                                     "               unga vuxna       125\n")
    assert rows(d) == [("Farsta", "granted", kr("350 000 kr"), kr("350 000 kr"))]
    assert d.round.applications[0].project == "Stöd till unga vuxna"
    assert any("'125'" in why for why in reviewed(d, 12))


def test_two_cells_run_together_are_unknown_and_on_the_review_list(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning\tProjekt\tSökt\tBeviljas\nFarsta\tA\t40 000 400 000\t40 000\n")
    assert rows(d) == [("Farsta", "granted", None, kr("40 000 kr"))]
    assert any("two cells run together" in why for why in reviewed(d, 12))


def test_of_two_columns_that_read_alike_the_one_for_the_rounds_year_is_read(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning\tProjekt\tSökt\tBeviljat 2018\tBeviljat 2019\n"
                                     "Farsta\tA\t100 000\t90 000\t60 000\n")
    assert rows(d) == [("Farsta", "partly_granted", kr("100 000 kr"), kr("60 000 kr"))]
    assert any("Beviljat 2018" in i.field for i in d.review)
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning\tProjekt\tSökt\tBeviljat\tBeviljat\nFarsta\tA\t100 000\t90 000\t60 000\n")
    assert rows(d)[0][3] is None and any("neither is read" in i.why for i in d.review)


def test_ej_beviljas_is_rejected(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning\tProjekt\tSökt\tBeslut\nFarsta\tA\t100 000\tEj beviljas\n"
                                     "Bromma\tB\t100 000\tAvslå\nSkärholmen\tC\t100 000\tTillstyrks\n")
    assert [a.decision for a in d.round.applications] == ["rejected", "rejected", "granted"]


def test_a_header_repeated_on_the_next_page_is_no_application(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning    Projekt     Sökt       Beviljas\n"
                                     "Farsta         Stöd A      100 000    100 000\n"
                                     "\fFörvaltning    Projekt     Sökt       Beviljas\n"
                                     "Bromma         Stöd B      50 000     50 000\n")
    assert [a.applicant for a in d.round.applications] == ["Farsta", "Bromma"]


def test_a_prose_item_is_not_matched_to_another_applicants_row_by_its_title(tmp_path: Path) -> None:
    d = draft(tmp_path, HEAD + "Socialnämnden fördelar 70 000 kronor till studiebesök.\n\n"
                               "Bilaga studiebesök\n\nFörvaltning\tStudiebesök\tBeviljas\nBromma\tStudieresa\t35 000\n\n"
                               "Följande studiebesök föreslås beviljas:\n- Farsta: Studieresa, 35 000 kronor.\n")
    assert sorted((a.applicant, a.granted) for a in d.round.applications) == [
        ("Bromma", kr("35 000 kr")), ("Farsta", kr("35 000 kr"))]


def test_an_escape_in_a_quoted_cell_keeps_the_review_comment_whole(tmp_path: Path) -> None:
    d = draft(tmp_path, TABLE_HEAD + "Förvaltning\tProjekt\tSökt\tBeviljas\nFarsta\tA\t1\x1b[2J00\t100 000\n")
    assert "\x1b" not in "".join(line for line in d.text.splitlines() if line.startswith("#"))
    assert "\\u001B" in d.text and anslag.parse_round(d.text, "dokument.txt") == d.round


def test_a_second_limit_for_one_fund_is_on_the_review_list_not_a_draft_that_fails(tmp_path: Path) -> None:
    d = draft(tmp_path, HEAD + BUDGET + "En förvaltning kan beviljas högst två ansökningar.\n\n"
                                        "En förvaltning kan beviljas högst tre ansökningar.\n")
    assert [r.count for r in d.round.rules if r.kind == "max_granted_per_unit"] == [2]
    assert any("a second max_granted_per_unit rule" in why for why in reviewed(d, 11))


# --- Cost: linear in the document's size --------------------------------------------------------

def seconds(tmp_path: Path, text: str) -> float:
    """The CPU time of drafting `text`, the best of three: CPU time, so that the other pytest
    worker on the machine (or any other load) does not count."""
    path = tmp_path / "stor.txt"
    path.write_text(text, encoding="utf-8")
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        anslag.draft_round(path)
        best = min(best, time.process_time() - start)
    return best


def pages(n: int) -> str:
    """n pages of a decision document: furniture, wrapped prose and a table page by page."""
    page = ("Socialförvaltningen      Tjänsteutlåtande\nSida {p} av {n}\n\n"
            "Ansökningarna om lokala utvecklingsmedel bedömdes utifrån de kriterier som\n"
            "nämnden har beslutat om och utifrån förvaltningens erfarenheter.\n\n"
            "Förvaltning    Projekt             Sökt       Beviljas\n"
            + "".join(f"Farsta         Projekt {{p}}-{k:02}       {10 + k} 000     {10 + k} 000\n" for k in range(20))
            + "\n\n")
    return HEAD + BUDGET + "".join(page.format(p=p, n=n) for p in range(1, n + 1))


@pytest.mark.parametrize("make", [
    lambda n: pages(16 * n),
    lambda n: HEAD + "Socialnämnden fördelar 100 000 kronor till lokala utvecklingsmedel. " * (800 * n) + "\n",
    lambda n: HEAD + BUDGET + "Ansökningarna uppgick till " + "1 000 kronor, " * (3200 * n) + "totalt.\n",
], ids=["pages", "copies-of-a-budget-sentence", "one-sentence-of-many-amounts"])
def test_drafting_grows_linearly_with_the_document(tmp_path: Path, make) -> None:
    times = [seconds(tmp_path, make(n)) for n in (1, 2, 4, 8)]
    # From 2 to 8 times the text: linear growth takes 4 times as long, quadratic 16 times (the
    # smallest size is left out of the ratio: its time is mostly start-up). Allow for a busy machine.
    assert times[3] < 4 * 2.5 * times[1], times


def test_a_hundred_page_document_drafts_in_under_a_second(tmp_path: Path) -> None:
    assert seconds(tmp_path, pages(100)) < 1.0


def test_a_sentence_with_too_many_amounts_is_on_the_review_list(tmp_path: Path) -> None:
    d = draft(tmp_path, HEAD + BUDGET + "Ansökningarna uppgick till " + "1 000 kronor, " * 17 + "totalt.\n")
    assert [s for s in d.round.statements if s.kind == "requested_total"] == []
    assert any("17 amounts" in why for why in reviewed(d, 9))


# --- A draft that does not load ---------------------------------------------------------------

def test_an_entry_that_would_not_load_is_left_out_on_the_review_list(tmp_path: Path) -> None:
    d = draft(tmp_path, HEAD + "Socialnämnden fördelar 200 000 000 000 kronor till lokala utvecklingsmedel.\n"
                               "Ansökningarna uppgick till 300 000 kronor.\n")
    left_out = [i for i in d.review if i.field == "draft"]
    assert left_out and left_out[0].line == 7
    assert left_out[0].why.startswith("the entry drafted from this line does not load (the draft:")
    assert len(d.round.funds) == 0


def test_a_head_that_does_not_load_names_the_documents_line_and_the_drafts(tmp_path: Path) -> None:
    path = tmp_path / "dokument.txt"
    path.write_text(HEAD + BUDGET, encoding="utf-8")
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.draft_round(path, year=99999)
    assert str(caught.value).startswith(f"{path}:5:0: the draft written from this line does not load (the draft:")


# --- Documents that are not regular files, odd names and line ends -----------------------------

def test_a_fifo_or_a_directory_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "2019.txt"
    os.mkfifo(fifo)
    for path, reason in ((fifo, "a named pipe (FIFO), not a regular file"), (tmp_path, os.strerror(errno.EISDIR))):
        with pytest.raises(anslag.RoundFileError) as caught:
            anslag.draft_round(path)
        assert str(caught.value) == f"{path}:0:0: cannot read the file: {reason}"


def test_a_pdf_whose_name_begins_with_a_dash_is_read_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text_pdf(tmp_path / "-q.pdf", (HEAD + BUDGET).split("\n"))
    monkeypatch.chdir(tmp_path)
    assert list(anslag.draft_round("-q.pdf").round.funds) == ["LUM"]


def test_lone_carriage_returns_end_lines(tmp_path: Path) -> None:
    d = draft(tmp_path, (HEAD + BUDGET).replace("\n", "\r"))
    assert str(d.round.document.date) == "2018-12-18" and d.round.funds["LUM"].source.line == 7


@pytest.mark.parametrize("signal, message", [
    ("SEGV", "PDF beyond the extraction limit: 1024 MiB of memory, or a PDF that crashes pdftotext (SIGSEGV)"),
    ("TERM", "pdftotext stopped by SIGTERM"),
])
def test_a_pdf_extraction_stopped_by_a_signal_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       signal: str, message: str) -> None:
    # pdftotext runs in a child process bounded in CPU time, wall time, memory and text
    # (document_text.hpp): past its memory it aborts or faults, which a PDF that crashes it does
    # too; a signal from outside is named as what it is. Each limit's own words are tested with
    # small limits in tests/cpp/test_hostile_files.cpp.
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pdftotext").write_text(f"#!/bin/sh\nkill -{signal} $$\n", encoding="utf-8")
    (fake / "pdftotext").chmod(0o755)
    pdf = tmp_path / "slow.pdf"
    text_pdf(pdf, (HEAD + BUDGET).split("\n"))
    monkeypatch.setenv("PATH", str(fake))
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.draft_round(pdf)
    assert str(caught.value) == f"{pdf}:0:0: {message}"
