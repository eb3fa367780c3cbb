"""One answer for a total the decision words make impossible (issue 24, docs/audit.md "A value the
statements fix is used by every check"), and UNIT_NOT_VALID_ON_DATE naming the rows of the
predecessors or the successor the same document names.

The family: one row whose granted amount is not printed (requested 300 000 kr) beside a printed
row, and a stated granted total that leaves it a value over or under its request, for every
decision word. Where the decision word forbids the value, the statement is a TOTAL_MISMATCH that
names the reading it took and no check of the row uses the value; where it allows it, a
DERIVED_VALUE fixes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import anslag
from round_text import HEAD, ROW

STATEMENT = """
[[statements]]
id = "S-beviljat"
kind = "granted_total"
amount = "{total}"
quote = "Sammanlagt beviljas {total}."
source = {{ line = 1 }}
"""


def family_round(folder: Path, decision: str, open_value: int) -> Path:
    text = HEAD.format(year=2021, date="2020-12-15", budget="10 000 000 kr")
    text += ROW.format(id="T-1", applicant="Farsta", project="Projekt T-1", amounts='requested = "100 000 kr"\ngranted = "100 000 kr"',
                       decision="granted")
    text += ROW.format(id="T-2", applicant="Skarpnäck", project="Projekt T-2", amounts='requested = "300 000 kr"', decision=decision)
    total = 100_000 + open_value
    text += STATEMENT.format(total=f"{total:_} kr".replace("_", " "))
    path = folder / f"{decision}-{open_value}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# What each decision word allows of the open grant, requested 300 000 kr: (over, under).
ALLOWED = {"granted": (False, False), "partly_granted": (False, True), "rejected": (False, False)}
READING = {
    "granted": "beviljas (granted in full) means granted as requested",
    "partly_granted": "delvis beviljas (granted in part) means less than requested",
    "rejected": "avslås (rejected) means nothing granted",
}


@pytest.mark.parametrize("decision", sorted(ALLOWED))
@pytest.mark.parametrize("open_value", [320_000, 280_000], ids=["over", "under"])
def test_a_total_the_decision_word_forbids_is_the_statements_error(tmp_path: Path, decision: str,
                                                                   open_value: int) -> None:
    report = anslag.audit(anslag.load_round(family_round(tmp_path, decision, open_value)))
    allowed = ALLOWED[decision][open_value < 300_000]
    on_statement = [f for f in report.findings if f.statement == "S-beviljat"]
    on_row = [f for f in report.findings if "T-2" in f.rows and f.statement != "S-beviljat"]
    if allowed:
        assert [f.code for f in on_statement] == ["DERIVED_VALUE"]
        assert on_statement[0].severity == "info"
        assert "280\u00a0000\u00a0kr" in on_statement[0].message_en and "T-2 is used" in on_statement[0].message_en
        assert not [f for f in report.findings if f.severity == "error"]
    else:
        assert [(f.code, f.severity) for f in on_statement] == [("TOTAL_MISMATCH", "error")]
        finding = on_statement[0]
        assert finding.rows == ["T-2"]
        assert finding.reading is not None and READING[decision] in finding.reading
        # No check of the row took the value the decision word forbids.
        assert not [f for f in on_row if f.code in ("GRANT_EXCEEDS_REQUEST", "DECISION_AMOUNT_MISMATCH")]
        assert "320\u00a0000" not in " ".join(f.message_en for f in on_row)


def the_date_finding(folder: Path, year: int, date: str, applicants: list[str]) -> anslag.Finding:
    """The one UNIT_NOT_VALID_ON_DATE of a round of rejected rows T-1, T-2, ... of `applicants`."""
    text = HEAD.format(year=year, date=date, budget="10 000 000 kr")
    for number, applicant in enumerate(applicants, 1):
        text += ROW.format(id=f"T-{number}", applicant=applicant, project=f"Projekt T-{number}",
                           amounts='requested = "1 000 kr"\ngranted = "0 kr"', decision="rejected")
    path = folder / "dated.toml"
    path.write_text(text, encoding="utf-8")
    [finding] = [f for f in anslag.audit(anslag.load_round(path)).findings if f.code == "UNIT_NOT_VALID_ON_DATE"]
    assert finding.rows == ["T-1"]
    return finding


def test_a_district_before_it_existed_names_the_rows_of_its_predecessors(tmp_path: Path) -> None:
    finding = the_date_finding(tmp_path, 2019, "2018-12-18",
                               ["Hägersten-Älvsjö", "Hägersten-Liljeholmen", "Älvsjö", "Farsta"])
    assert "the document also names its predecessors" in finding.message_en
    assert "Hägersten-Liljeholmen (T-2)" in finding.message_en and "Älvsjö (T-3)" in finding.message_en
    assert "dokumentet nämner också dess föregångare" in finding.message_sv
    assert "Farsta" not in finding.message_en


def test_a_district_after_it_ceased_names_the_rows_of_its_successor(tmp_path: Path) -> None:
    finding = the_date_finding(tmp_path, 2021, "2020-12-15", ["Hägersten-Liljeholmen", "Hägersten-Älvsjö"])
    assert "the document also names its successor Hägersten-Älvsjö (T-2)" in finding.message_en
