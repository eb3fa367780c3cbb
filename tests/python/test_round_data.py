"""Each bundled round held against its seed document: nothing in the file that the document does not
say, and nothing the document tabulates missing from the file."""

import re
import tomllib
from pathlib import Path

import pytest

import anslag

REPO = Path(__file__).resolve().parents[2]
YEARS = [2020, 2024]
AMOUNT = re.compile(r"^\d{1,3}(?: \d{3})*$")


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def raw(year):
    with open(REPO / "data" / "rounds" / f"{year}.toml", "rb") as file:
        return tomllib.load(file)


def seed_lines(year):
    seed = raw(year)["document"]["seed"]
    return (REPO / "data" / "seeds" / seed).read_text(encoding="utf-8").split("\n")


def digits(amount):
    """'626 000 kr' -> '626 000', the form the seed prints."""
    assert amount.endswith(" kr"), amount
    return amount[: -len(" kr")]


def printed(amount, text):
    """Whether the amount stands in the text as a whole number, not as part of a larger one: a
    whole cell of a table row, or a number of the prose."""
    if "\t" in text:
        return any(normalise(cell) == digits(amount) for cell in text.split("\t"))
    return re.search(r"(?<!\d)(?<!\d )" + re.escape(digits(amount)) + r"(?!\d)(?! \d{3})", normalise(text)) is not None


def table_rows(year):
    """(line number, cells) of every tab-separated seed row whose last cell is an amount."""
    for number, line in enumerate(seed_lines(year), 1):
        cells = [normalise(cell) for cell in line.split("\t")]
        if len(cells) > 1 and AMOUNT.match(cells[-1]):
            yield number, cells


@pytest.mark.parametrize("year", YEARS)
def test_every_quote_stands_verbatim_on_its_line(year):
    lines = seed_lines(year)
    data = raw(year)
    for item in data["rules"] + data["statements"]:
        line = item["source"]["line"]
        assert normalise(item["quote"]) in normalise(lines[line - 1]), item["id"]


@pytest.mark.parametrize("year", YEARS)
def test_every_amount_of_a_rule_or_statement_is_printed_on_its_line(year):
    lines = seed_lines(year)
    data = raw(year)
    for item in data["rules"] + data["statements"]:
        if "amount" in item:
            assert printed(item["amount"], lines[item["source"]["line"] - 1]), item["id"]


@pytest.mark.parametrize("year", YEARS)
def test_every_budget_is_printed_in_the_seed(year):
    lines = seed_lines(year)
    for fund in raw(year)["funds"]:
        assert any(printed(fund["budget"], line) for line in lines), fund["id"]


@pytest.mark.parametrize("year", YEARS)
def test_every_application_amount_is_printed_on_its_row_unless_a_reading_says_otherwise(year):
    lines = seed_lines(year)
    for application in raw(year)["applications"]:
        read = {reading["field"] for reading in application.get("readings", [])}
        for key in ("requested", "granted"):
            if key in application and key not in read:
                row = lines[application["source"]["line"] - 1]
                assert printed(application[key], row), (application["id"], key)


@pytest.mark.parametrize("year", YEARS)
def test_every_named_applicant_is_written_as_in_the_seed(year):
    lines = seed_lines(year)
    for application in raw(year)["applications"]:
        applicant = application["applicant"]
        row = normalise(lines[application["source"]["line"] - 1])
        if applicant:
            assert row.startswith(applicant), application["id"]
        else:
            fields = {reading["field"] for reading in application["readings"]}
            assert "applicant" in fields, application["id"]
            assert application["project"] in row.replace("*", ""), application["id"]


@pytest.mark.parametrize("year", YEARS)
def test_every_table_row_of_the_seed_is_in_the_round(year):
    round_ = anslag.load_round(year)
    by_line = {application.source.line: application for application in round_.applications}
    totals = {statement.source.line for statement in round_.statements}
    rows = list(table_rows(year))
    assert rows
    for number, cells in rows:
        if cells[0] in ("Totalt", "Summa"):
            assert number in totals, number
            continue
        assert number in by_line, number
        application = by_line[number]
        assert cells[0].startswith(application.applicant), number
        assert application.granted == anslag.Krona(cells[-1] + " kr"), number


@pytest.mark.parametrize("year", YEARS)
def test_every_row_of_the_round_stands_at_its_line(year):
    rows = {number for number, cells in table_rows(year)}
    for application in anslag.load_round(year).applications:
        if application.applicant:
            assert application.source.line in rows, application.id


def test_the_2024_prose_names_the_six_rejected_and_three_partly_granted_projects():
    round_ = anslag.load_round(2024)
    lum = [a for a in round_.applications if a.fund == "LUM"]
    assert sum(a.decision == "rejected" for a in lum) == 6
    partly = sorted(a.project for a in lum if a.decision == "partly_granted")
    assert partly == sorted([
        "Framtidens socialtjänst – i samskapande med brukarna.",
        "Tidigt stöd till minderåriga EU-medborgare.",
        "Hur kan brukare och personal förstå varandra bättre?",
    ])
