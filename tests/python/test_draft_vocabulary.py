"""The drafter's vocabulary as data (data/vocabulary/sv.toml, docs/drafting.md "Vocabulary"): every
phrase's example is drafted and read as its phrase says, and a user's file adds phrases without C++
(`anslag.draft_round(path, vocabulary=FILE)`, `anslag draft --vocabulary FILE`)."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

import anslag

REPO = Path(__file__).resolve().parents[2]
VOCABULARY = tomllib.loads((REPO / "data" / "vocabulary" / "sv.toml").read_text(encoding="utf-8"))
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
HEAD = ("Till\nSocialnämnden\n2018-12-18\n\nFördelning av lokala utvecklingsmedel 2019\n\n"
        "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel (LUM).\n\nBilaga\n\n")


def table(tmp_path: Path, header: list[str], row: list[str], vocabulary: Path | None = None) -> anslag.Application:
    path = tmp_path / "dokument.txt"
    path.write_text(HEAD + "\t".join(header) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    applications = anslag.draft_round(path, vocabulary=vocabulary).round.applications
    assert len(applications) == 1, header
    return applications[0]


@pytest.mark.parametrize("entry", VOCABULARY["decision"], ids=lambda e: e["phrase"])
def test_each_decision_phrase_drafts_as_its_decision(tmp_path: Path, entry: dict[str, str]) -> None:
    a = table(tmp_path, ["Förvaltning", "Projekt", "Sökt", "Beslut"], ["Farsta", "A", "100 000", entry["example"]])
    assert a.decision == entry["decision"]


# For each role, a table with the example's column and the cell the role reads, and what it reads.
ROLE_TABLES = {
    "applicant": (["{}", "Projekt", "Sökt", "Beviljas"], ["Farsta", "A", "100 000", "100 000"], lambda a: a.applicant == "Farsta"),
    "project": (["Förvaltning", "{}", "Sökt", "Beviljas"], ["Farsta", "A", "100 000", "100 000"], lambda a: a.project == "A"),
    "requested": (["Förvaltning", "Projekt", "{}", "Beslut"], ["Farsta", "A", "100 000", "Beviljas"],
                  lambda a: a.requested == anslag.Krona("100 000 kr")),
    "decision": (["Förvaltning", "Projekt", "Sökt", "{}"], ["Farsta", "A", "100 000", "Avslag"], lambda a: a.decision == "rejected"),
    "granted": (["Förvaltning", "Projekt", "Sökt", "{}"], ["Farsta", "A", "100 000", "60 000"],
                lambda a: a.granted == anslag.Krona("60 000 kr")),
    "reason": (["Förvaltning", "Projekt", "Sökt", "{}"], ["Farsta", "A", "100 000", "Bör avslås helt"],
               lambda a: a.reason == "Bör avslås helt" and a.decision == "rejected"),
    "purpose": (["Förvaltning", "Projekt", "Sökt", "Beviljas", "{}"], ["Farsta", "A", "100 000", "100 000", "Att stärka"],
                lambda a: a.purpose == "Att stärka"),
}


@pytest.mark.parametrize("entry", VOCABULARY["column"], ids=lambda e: e["phrase"])
def test_each_column_label_drafts_its_column_in_its_role(tmp_path: Path, entry: dict[str, str]) -> None:
    header, row, reads = ROLE_TABLES[entry["role"]]
    a = table(tmp_path, [h.format(entry["example"]) for h in header], row)
    assert reads(a), (entry, a)


def prose(tmp_path: Path, sentence: str, vocabulary: Path | None = None) -> anslag.DraftResult:
    """A document whose Ärendet holds `sentence`, drafted."""
    path = tmp_path / "dokument.txt"
    path.write_text(HEAD.replace("Bilaga\n\n", "") + "Ärendet\n\n" + sentence + "\n", encoding="utf-8")
    return anslag.draft_round(path, vocabulary=vocabulary)


@pytest.mark.parametrize("entry", VOCABULARY["rule"], ids=lambda e: e["kind"])
def test_each_rule_phrasing_drafts_its_rule(tmp_path: Path, entry: dict[str, object]) -> None:
    rules = [r for r in prose(tmp_path, str(entry["example"])).round.rules if r.kind == entry["kind"]]
    assert len(rules) == 1, entry
    assert rules[0].id.endswith(str(entry["slug"])) and rules[0].quote == entry["example"]
    assert (rules[0].not_encoded or "") == entry.get("not_encoded", "")
    assert "{" not in rules[0].summary  # the dates are in place


@pytest.mark.parametrize("entry", VOCABULARY["rule_like"], ids=lambda e: e["phrase"])
def test_each_rule_like_phrase_drafts_a_rule_to_encode(tmp_path: Path, entry: dict[str, str]) -> None:
    rules = prose(tmp_path, entry["example"]).round.rules
    assert [r.not_encoded for r in rules] == [
        f"reads like a rule ('{entry['phrase']}') but matches none of the drafter's phrasings: "
        "a person must encode it or say why not"], entry


@pytest.mark.parametrize("entry", VOCABULARY["budget"], ids=lambda e: e["phrase"])
def test_each_budget_word_sets_a_fund_aside(tmp_path: Path, entry: dict[str, str]) -> None:
    path = tmp_path / "dokument.txt"
    path.write_text("Till\nSocialnämnden\n2018-12-18\n\nFördelning av lokala utvecklingsmedel 2019\n\n"
                    + entry["example"] + "\n", encoding="utf-8")
    funds = anslag.draft_round(path).round.funds
    assert [(f.id, f.budget) for f in funds.values()] == [("LUM", anslag.Krona("1 000 000 kr"))], entry


def test_a_users_file_adds_a_rule_phrasing(tmp_path: Path) -> None:
    sentence = "Konferensresor stöds inte av medlen."
    assert [r.kind for r in prose(tmp_path, sentence).round.rules] == []
    words = tmp_path / "ord.toml"
    words.write_text('[[rule]]\nkind = "exclusion"\nall = [["stöds inte"]]\nslug = "undantag"\n'
                     'summary = "What the funds do not support."\n', encoding="utf-8")
    assert [r.kind for r in prose(tmp_path, sentence, words).round.rules] == ["exclusion"]


def test_a_users_file_adds_phrases_without_cpp(tmp_path: Path) -> None:
    words = tmp_path / "ord.toml"
    words.write_text('format = 1\n[[decision]]\nphrase = "godkänns"\ndecision = "granted"\nexample = "Godkänns"\n'
                     '[[column]]\nphrase = "utfall"\nrole = "granted"\nexample = "Utfall"\n', encoding="utf-8")
    header, row = ["Förvaltning", "Projekt", "Sökt", "Utfall", "Beslut"], ["Farsta", "A", "100 000", "100 000", "Godkänns"]
    without = table(tmp_path, header, row)
    assert without.granted is None
    given = table(tmp_path, header, row, vocabulary=words)
    assert (given.decision, given.granted) == ("granted", anslag.Krona("100 000 kr"))
    result = subprocess.run([CLI, "draft", str(tmp_path / "dokument.txt"), "--vocabulary", str(words)],
                            capture_output=True, text=True, env={**os.environ, "ANSLAG_DATA_DIR": str(REPO / "data")},
                            check=False)
    assert result.returncode == 0 and 'granted = "100 000 kr"' in result.stdout


@pytest.mark.parametrize("content, message", [
    ("[[decision\n", "not a vocabulary file: "),
    ('[[decision]]\nphrase = "godkänns"\ndecision = "ok"\n', "3:12: unknown decision 'ok' (granted, partly_granted, rejected)"),
    ('[[column]]\nphrase = "utfall"\nrole = "summa"\n',
     "3:8: unknown column role 'summa' (applicant, project, requested, decision, granted, reason, purpose)"),
    ('[[decision]]\nphrase = ""\ndecision = "granted"\n', "2:10: a phrase must be a non-empty string ('phrase')"),
    ('[[count]]\nphrase = "ansökningar"\ncounts = "projects"\n',
     "3:10: unknown count 'projects' (applications, applicants, bound)"),
    ('[[rule]]\nkind = "cap"\nall = [["x"]]\nslug = "x"\nsummary = "x"\n', "2:8: unknown rule kind 'cap'"),
    ('[[rule]]\nkind = "exclusion"\nall = [[]]\nslug = "x"\nsummary = "x"\n',
     "3:8: 'all' must be a list of lists of phrases"),
    ('[[rule]]\nkind = "exclusion"\nall = [["x"]]\ndates = -1\nslug = "x"\nsummary = "x"\n',
     "4:9: 'dates' must be 0, 1 or 2"),
    ('[[budget]]\nphrase = 5\n', "2:10: a phrase must be a non-empty string ('phrase')"),
])
def test_a_bad_vocabulary_file_is_an_error_naming_its_place(tmp_path: Path, content: str, message: str) -> None:
    words = tmp_path / "ord.toml"
    words.write_text(content, encoding="utf-8")
    (tmp_path / "dokument.txt").write_text(HEAD, encoding="utf-8")
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.draft_round(tmp_path / "dokument.txt", vocabulary=words)
    assert str(caught.value).startswith(str(words) + ":") and message in str(caught.value)
