"""anslag.load_round and the Round classes: values, unknowns, equality, pickling and the positioned
errors of malformed round files."""

import datetime
import pickle
import re
from pathlib import Path

import pytest

import anslag

REPO = Path(__file__).resolve().parents[2]
BAD_ROUNDS = sorted((REPO / "tests" / "data" / "bad-rounds").glob("*.toml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.*)$")


def test_bundled_rounds_lists_the_bundled_years_in_order():
    assert anslag.bundled_rounds() == [2020, 2024]


def test_load_round_by_year_gives_the_round_with_its_dates():
    round_ = anslag.load_round(2020)
    assert round_.year == 2020
    assert round_.date == datetime.date(2019, 12, 17)
    assert round_.document.deciding_body == "Socialnämnden"
    assert round_.window_from == datetime.date(2019, 5, 3)
    assert round_.window_to == datetime.date(2019, 9, 20)
    assert round_.repayment_notice_by == datetime.date(2020, 6, 7)
    assert round_.file.endswith("2020.toml")


def test_load_round_of_an_unbundled_year_lists_the_bundled_ones():
    with pytest.raises(anslag.NotFoundError, match=r"^no bundled round for 2019 \(bundled: 2020, 2024\)$") as caught:
        anslag.load_round(2019)
    assert caught.value.code == "not_found"


def test_load_round_by_path_equals_load_round_by_year():
    by_path = anslag.load_round(REPO / "data" / "rounds" / "2024.toml")
    by_year = anslag.load_round(2024)
    assert by_path.file != by_year.file  # the source tree's file and the bundled copy
    assert (by_path.applications, by_path.rules, by_path.statements) == (
        by_year.applications, by_year.rules, by_year.statements)


def test_funds_map_ids_to_funds_with_none_where_no_rule_sets_a_limit():
    funds = anslag.load_round(2024).funds
    assert list(funds) == ["LUM", "MUL"]
    assert funds["LUM"].budget == anslag.Krona("3 000 000 kr")
    assert funds["LUM"].cap is None
    assert funds["LUM"].max_granted_per_unit is None
    assert funds["MUL"].cap == anslag.Krona("25 000 kr")
    assert anslag.load_round(2020).funds["MUST"].max_granted_per_unit == 2


def test_unknown_amounts_are_none_and_printed_zeros_are_zero():
    round_ = anslag.load_round(2020)
    trip = round_.find_application("2020-MUST-03")
    assert trip.requested is None
    assert trip.granted == anslag.Krona(0)
    assert trip.decision == "rejected"
    assert trip.assessments == {"2020.MUST.en-omgang-per-resmal": "not_met"}
    assert trip.destination == "Stavanger i Norge"
    project = round_.find_application("2020-LUM-03")
    assert project.requested == anslag.Krona("626 000 kr")
    assert project.granted == anslag.Krona("400 000 kr")
    assert project.decision == "partly_granted"
    assert project.source.line == 95


def test_an_unnamed_applicant_is_empty_with_a_reading():
    application = anslag.load_round(2024).find_application("2024-LUM-01")
    assert application.applicant == ""
    assert application.unit is None
    assert [reading.field for reading in application.readings] == ["applicant", "granted"]


def test_find_application_of_an_unknown_id_raises_not_found():
    with pytest.raises(anslag.NotFoundError, match="^no application '2020-LUM-99' in the 2020 round$"):
        anslag.load_round(2020).find_application("2020-LUM-99")


def test_rules_and_statements_expose_kinds_parameters_and_quotes():
    round_ = anslag.load_round(2024)
    cap = next(rule for rule in round_.rules if rule.kind == "cap_per_application")
    assert cap.amount == anslag.Krona("25 000 kr")
    assert cap.funds == ["MUL"]
    assert cap.applies_to("MUL") and not cap.applies_to("LUM")
    assert cap.quote == "Det högsta beloppet att söka är 25 000 kronor."
    assert cap.source.line == 60
    repayment = next(rule for rule in round_.rules if rule.kind == "repayment_notice")
    assert repayment.to == datetime.date(2024, 6, 2)
    assert repayment.from_ is None
    assert repayment.not_encoded
    rejected = next(s for s in round_.statements if s.kind == "decision_count" and s.decision == "rejected")
    assert rejected.count == 6
    assert rejected.amount is None
    districts = next(s for s in round_.statements if s.id == "2024.LUM.sokande-sdf")
    assert districts.applicant_kind == "district"


@pytest.mark.parametrize("year", [2020, 2024])
def test_a_pickled_round_is_equal_to_the_original(year):
    round_ = anslag.load_round(year)
    copy = pickle.loads(pickle.dumps(round_))
    assert copy == round_
    assert copy is not round_
    for part in round_.applications + round_.rules + round_.statements + list(round_.funds.values()):
        assert pickle.loads(pickle.dumps(part)) == part


def test_values_differ_when_a_field_differs():
    first, second = anslag.load_round(2020).applications[:2]
    assert first != second
    assert first == anslag.load_round(2020).applications[0]
    assert anslag.load_round(2020) != anslag.load_round(2024)
    assert (first == "2020-LUM-01") is False


def test_reprs_name_the_class_and_the_key_fields():
    round_ = anslag.load_round(2020)
    assert repr(round_) == "<Round 2020 (2019-12-17): 2 funds, 23 applications, 12 rules, 20 statements>"
    assert repr(round_.find_application("2020-MUST-03")) == (
        "Application(id='2020-MUST-03', applicant='Farsta', requested=None, "
        "granted=Krona('0 kr'), decision='rejected')")
    assert repr(round_.funds["LUM"]) == (
        "Fund(id='LUM', budget=Krona('3 500 000 kr'), cap=None, max_granted_per_unit=2)")


def test_the_example_of_the_format_page_is_the_tested_example_file():
    page = (REPO / "docs" / "round-format.md").read_text(encoding="utf-8")
    block = page.split("## A complete example", 1)[1].split("```toml\n", 1)[1].split("```\n", 1)[0]
    example = (REPO / "tests" / "data" / "rounds" / "example.toml").read_text(encoding="utf-8")
    assert example.split("\n", 1)[1] == block
    assert len(anslag.load_round(REPO / "tests" / "data" / "rounds" / "example.toml").applications) == 4


def test_parse_round_names_the_given_file():
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.parse_round("format = 1\nyear = 2020\nextra = 1\n", "inline.toml")
    error = caught.value
    assert (error.file, error.line, error.column, error.detail) == ("inline.toml", 3, 1, "unknown key 'extra'")
    assert str(error) == "inline.toml:3:1: unknown key 'extra'"


def test_there_are_at_least_25_malformed_round_files():
    assert len(BAD_ROUNDS) >= 25


@pytest.mark.parametrize("path", BAD_ROUNDS, ids=[path.stem for path in BAD_ROUNDS])
def test_a_malformed_round_file_gives_its_expected_positioned_error(path):
    expected = EXPECT.match(path.read_text(encoding="utf-8").split("\n", 1)[0])
    assert expected, "the first line must be '# expect: LINE:COLUMN: DETAIL'"
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.load_round(path)
    error = caught.value
    assert error.file == str(path)
    assert error.line == int(expected.group(1))
    assert error.column == int(expected.group(2))
    assert error.detail == expected.group(3)
    assert isinstance(error, anslag.Error)
