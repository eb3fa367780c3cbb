"""Findings carry the readings they rest on (issue 24, docs/audit.md "Readings").

One round plants a reading in each field a check reads; each finding of that check must name it
(the field, the row and the text), and the same round without readings must give the same finding
resting on no reading. Summaries count what rests on a reading apart.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import anslag
from round_text import HEAD, ROW

ROUND = HEAD.format(year=2020, date="2019-12-17", budget="10 000 kr") + """readings = [{ field = "budget", text = "PLANT-budget" }]

[[statements]]
id = "S-beviljat"
kind = "granted_total"
amount = "1 kr"
quote = "Uppgift."
source = { line = 1 }
readings = [{ field = "amount", text = "PLANT-statement" }]

[[statements]]
id = "S-beviljas"
kind = "decision_count"
decision = "granted"
count = 99
quote = "Uppgift."
source = { line = 1 }
"""

# id, kind, the key that gives its figure or dates
RULES = [
    ("R-tak", "cap_per_application", 'amount = "50 000 kr"'),
    ("R-grans", "max_granted_per_unit", "count = 1"),
    ("R-krit", "required_criterion", ""),
    ("R-fonster", "application_window", "from = 2019-05-03\nto = 2019-09-20"),
]

ROWS = [
    # id, applicant, extra keys, planted field
    ("T-1", "Farsta", 'requested = "10 000 kr"\ngranted = "5 000 kr"\ndecision = "granted"', "decision"),
    ("T-2", "Skarpnäck", 'requested = "1 000 kr"\ngranted = "2 000 kr"\ndecision = "partly_granted"', "granted"),
    ("T-3", "Södermalm", 'requested = "60 000 kr"\ngranted = "0 kr"\ndecision = "rejected"', "requested"),
    ("T-4", "Enskede-Årsta-Vantör",
     'unit = "enskede-arsta-vantor"\nrequested = "1 000 kr"\ngranted = "1 000 kr"\ndecision = "granted"', "unit"),
    ("T-5", "Enskede-Årsta-Vantör", 'requested = "1 000 kr"\ngranted = "1 000 kr"\ndecision = "granted"', None),
    ("T-6", "Normmalm", 'requested = "1 000 kr"\ngranted = "0 kr"\ndecision = "rejected"', "applicant"),
    ("T-7", "Kungsholmen",
     'co_applicants = ["hagersten-alvsjo"]\nrequested = "1 000 kr"\ngranted = "0 kr"\ndecision = "rejected"',
     "co_applicants"),
    ("T-8", "Bromma",
     'requested = "1 000 kr"\ngranted = "1 000 kr"\ndecision = "granted"\nassessments = { "R-krit" = "not_met" }',
     "assessments"),
    ("T-9", "Spånga-Tensta",
     'requested = "1 000 kr"\ngranted = "1 000 kr"\ndecision = "granted"\nsubmitted = 2019-10-01', "submitted"),
    ("T-10", "Rinkeby-Kista", 'requested = "1 000 kr"\ngranted = "0 kr"\ndecision = "rejected"', None),
    ("T-11", "Rinkeby-Kista", 'requested = "1 000 kr"\ngranted = "0 kr"\ndecision = "rejected"', "project"),
    # An error that rests on no reading: rejected, yet granted an amount.
    ("T-12", "Hässelby-Vällingby", 'requested = "1 000 kr"\ngranted = "500 kr"\ndecision = "rejected"', None),
]

# The finding each planted reading must appear in: (code, rule or statement, rows).
EXPECTED = {
    "decision": ("DECISION_AMOUNT_MISMATCH", None, ["T-1"]),
    "granted": ("GRANT_EXCEEDS_REQUEST", None, ["T-2"]),
    "requested": ("CAP_EXCEEDED", "R-tak", ["T-3"]),
    "unit": ("UNIT_LIMIT_EXCEEDED", "R-grans", ["T-4", "T-5"]),
    "applicant": ("UNKNOWN_UNIT", None, ["T-6"]),
    "co_applicants": ("UNIT_NOT_VALID_ON_DATE", None, ["T-7"]),
    "assessments": ("REQUIRED_CRITERION_NOT_MET", "R-krit", ["T-8"]),
    "submitted": ("REQUIRED_CRITERION_NOT_MET", "R-fonster", ["T-9"]),
    "project": ("DUPLICATE_APPLICATION", None, ["T-10", "T-11"]),
    "budget": ("BUDGET_EXCEEDED", None, []),
    "statement": ("TOTAL_MISMATCH", "S-beviljat", None),
    "decision count": ("COUNT_MISMATCH", "S-beviljas", None),
}
PLANT_OF = {"statement": "PLANT-statement", "decision count": "PLANT-decision"}


def write_round(folder: Path, with_readings: bool, rows: list[tuple[str, str, str, str | None]] = ROWS) -> Path:
    text = ROUND
    for rule_id, kind, figure in RULES:
        text += (f'\n[[rules]]\nid = "{rule_id}"\nkind = "{kind}"\nfunds = ["LUM"]\nsummary = "Testregel."\n'
                 f'{figure}\nquote = "Regeltext."\nsource = {{ line = 1 }}\n')
    for row_id, applicant, extra, planted in rows:
        project = "Samma projekt" if row_id in ("T-10", "T-11") else f"Projekt {row_id}"
        keys = extra.split("\n")
        [decision] = [key.split('"')[1] for key in keys if key.startswith("decision = ")]
        text += ROW.format(id=row_id, applicant=applicant, project=project, decision=decision,
                           amounts="\n".join(key for key in keys if not key.startswith("decision = ")))
        if planted and with_readings:
            text += f'readings = [{{ field = "{planted}", text = "PLANT-{planted}" }}]\n'
    if not with_readings:
        text = re.sub(r"^readings = .*\n", "", text, flags=re.M)
    path = folder / ("planted.toml" if with_readings else "bare.toml")
    path.write_text(text, encoding="utf-8")
    return path


def the_finding(report: anslag.Report, code: str, cited: str | None, rows: list[str] | None) -> anslag.Finding:
    matches = [f for f in report.findings
               if f.code == code and (cited is None or cited in (f.rule, f.statement))
               and (rows is None or list(f.rows) == rows)]
    assert len(matches) == 1, (code, cited, rows, [(f.code, f.rule, f.statement, f.rows) for f in report.findings])
    return matches[0]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[anslag.Report, anslag.Report, Path]:
    folder = tmp_path_factory.mktemp("readings")
    planted = write_round(folder, True)
    bare = write_round(folder, False)
    return anslag.audit(anslag.load_round(planted)), anslag.audit(anslag.load_round(bare)), planted


@pytest.mark.parametrize("field", sorted(EXPECTED))
def test_a_finding_names_the_reading_planted_in_a_field_its_check_reads(field: str, reports) -> None:
    planted, bare, _ = reports
    code, cited, rows = EXPECTED[field]
    text = PLANT_OF.get(field, f"PLANT-{field}")
    found = the_finding(planted, code, cited, rows)
    assert found.reading is not None and text in found.reading, found.reading
    # The reading names the row or entry it stands on, and its field.
    planted_in = {planted: row_id for row_id, _, _, planted in ROWS if planted}
    entry = {"budget": "LUM", "statement": "S-beviljat", "decision count": "T-1"}.get(field) or planted_in[field]
    planted_field = {"statement": "amount", "decision count": "decision"}.get(field, field)
    assert f"{planted_field} of " in found.reading and entry in found.reading, found.reading
    # Without the reading the same finding rests on none of the round file's.
    unplanted = the_finding(bare, code, cited, rows)
    assert unplanted.reading is None or "PLANT-" not in unplanted.reading


def test_summaries_count_what_rests_on_a_reading_apart(reports) -> None:
    planted, bare, path = reports
    on_reading = {s: sum(1 for f in planted.findings if f.severity == s and f.reading is not None)
                  for s in ("error", "warning", "info")}
    assert planted.summary_on_a_reading() == on_reading
    assert on_reading["error"] > 0
    document = json.loads(planted.to_json())
    assert document["summary"] == planted.summary()
    assert document["on_a_reading"] == on_reading
    assert f"of them on a reading: {on_reading['error']} error" in planted.to_text()
    # The HTML verdict's "errors that hold on every reading" are those that rest on none.
    holding = planted.summary()["error"] - on_reading["error"]
    assert holding == 1 and the_finding(planted, "DECISION_AMOUNT_MISMATCH", None, ["T-12"]).reading is None
    page = planted.to_html(round=anslag.load_round(path))
    assert re.search(rf"{holding} errors? that holds? on every reading", page), page[:2000]
    assert f"{on_reading['error']} more error" in page


def test_the_html_verdict_says_no_error_holds_on_every_reading_when_each_rests_on_one(tmp_path: Path) -> None:
    path = write_round(tmp_path, True, [row for row in ROWS if row[0] != "T-12"])
    report = anslag.audit(anslag.load_round(path))
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors and all(f.reading is not None for f in errors)
    page = report.to_html(round=anslag.load_round(path))
    assert "No errors that hold on every reading" in page
    assert "Inga fel som gäller oavsett läsning" in page
