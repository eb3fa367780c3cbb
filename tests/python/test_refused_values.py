"""What issue 27 made refuse rather than answer wrongly, seen from Python: dates outside a round's
span, amount text in the ':-' and leading-currency forms, format options that would give text
read back as another amount, and an unknown allocation strategy as a ParseError. The exact
messages are the library's (docs/amounts.md, docs/round-format.md)."""
import datetime

import pytest
from test_hostile_semantics import ROUND_2024, refused, restored

import anslag

NBSP = "\u00a0"
SPAN = "is outside 2022-01-01 to 2025-12-31, the days a round of 2024 can hold"


def test_a_round_dated_outside_its_span_is_refused_naming_field_and_value():
    round_ = anslag.load_round(ROUND_2024)
    for day in (datetime.date(1850, 1, 1), datetime.date(9999, 12, 31)):
        document = restored(round_.document, _1=day)
        refused(round_, f"the document: 'date' {day.isoformat()} {SPAN}", _1=document)


def test_a_round_whose_document_date_was_never_set_is_refused():
    round_ = anslag.load_round(ROUND_2024)
    document = restored(round_.document, _1=datetime.date(1, 1, 1))
    refused(round_, "the document: 'date' is not set: a round needs the date of its decision document", _1=document)


def test_an_application_submitted_in_1066_is_refused():
    round_ = anslag.load_round(ROUND_2024)
    first = round_.applications[0]
    late = restored(first, _13=datetime.date(1066, 10, 14))
    refused(round_, f"application '{first.id}': 'submitted' 1066-10-14 {SPAN}",
            _6=[late, *round_.applications[1:]])


@pytest.mark.parametrize("text, kronor", [("25 000:-", 25_000), ("25 000:\u2013", 25_000), ("SEK 25 000", 25_000),
                                          ("kr 25 000", 25_000), ("Skr -1", -1)])
def test_whole_kronor_and_a_leading_currency_parse(text, kronor):
    assert anslag.Krona(text) == anslag.Krona.from_ore(kronor * 100)
    assert anslag.parse_amounts([text]).tolist() == [kronor * 100]


@pytest.mark.parametrize("text, message", [
    ("25,50:-", "':-' marks whole kronor: no decimals before it at position 5"),
    ("25:x", "expected '-' or '–' after ':' (25 000:-) at position 3"),
    ("25:- kr", "unexpected text after ':-' at position 5"),
    ("SEK 25 kr", "a currency both before and after the amount at position 7"),
])
def test_malformed_whole_kronor_and_currency_forms_are_parse_errors(text, message):
    with pytest.raises(anslag.ParseError) as error:
        anslag.Krona(text)
    assert str(error.value) == message


def test_a_unit_scales_the_amount_and_never_rounds():
    assert anslag.format_amount(anslag.Krona("5 000 kr"), unit="tkr") == f"5{NBSP}tkr"
    assert anslag.format_amount(anslag.Krona("3 500 000 kr"), unit="mnkr") == f"3,5{NBSP}mnkr"
    with pytest.raises(anslag.InvalidArgumentError) as error:
        anslag.format_amount(anslag.Krona("5 500 kr"), unit="tkr", decimals="never")
    assert str(error.value) == f"amount 5{NBSP}500{NBSP}kr is not a whole number of tkr and the format has no decimals"
    with pytest.raises(anslag.InvalidArgumentError) as error:
        anslag.format_amount(anslag.Krona("5 kr"), unit="KR")
    assert str(error.value) == "unknown amount unit 'KR' (kr, kronor, SEK, Skr, tkr, mnkr, mdkr or '' for none)"


def test_options_that_would_change_the_amount_read_back_are_refused():
    with pytest.raises(anslag.InvalidArgumentError) as error:
        anslag.format_amount(anslag.Krona("1 230 kr"), separator=",")
    assert str(error.value) == "group separator ',' is not one the parser reads (empty, space, U+00A0, U+202F, U+2009)"
    with pytest.raises(anslag.InvalidArgumentError) as error:
        anslag.format_amounts([-100], minus="")
    assert str(error.value) == "minus '' is not one the parser reads ('-', U+2212)"


def test_an_unknown_strategy_is_a_parse_error():
    with pytest.raises(anslag.ParseError) as error:
        anslag.allocate_budget(1, [1], "greedy")
    assert str(error.value) == "unknown allocation strategy 'greedy' (ranked, pro_rata, equal_cap)"
