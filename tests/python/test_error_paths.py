"""Error paths through Python: each error the amount grammar, dates, Krona and allocate_amount can
raise, with its class and exact message (scripts/check-error-coverage checks every message of the
library appears in a C++ and a Python test)."""

import pytest

import anslag
from anslag import Krona

AMOUNT_ERRORS = [
    ("", anslag.ParseError, "empty amount at position 0"),
    ("  ", anslag.ParseError, "blank amount at position 2"),
    ("-", anslag.ParseError, "unexpected end: expected a digit 0-9 at position 1"),
    ("1,", anslag.ParseError, "unexpected end: expected a digit 0-9 after the decimal comma at position 2"),
    ("5 €", anslag.ParseError,
     "expected a unit (kr, kr., kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr) or the end at position 2"),
    ("1.500", anslag.ParseError,
     "a point is not a decimal separator in Swedish amounts (write 1,5 for one and a half and 1 500 "
     "for fifteen hundred) at position 1"),
    ("1234 567", anslag.ParseError, "a grouped amount must start with a group of one to three digits at position 4"),
    ("1 2345", anslag.ParseError, "a group of digits must have three digits at position 5"),
    ("5 euro", anslag.ParseError, "unknown unit (kr, kr., kronor, SEK, Skr, tkr, mnkr, Mkr, MSEK, mdkr) at position 2"),
    ("5 kr 6", anslag.ParseError, "unexpected text after the unit at position 5"),
    ("1,005 kr", anslag.ParseError, "more decimals than whole öre at position 4"),
    ("1\x01", anslag.ParseError, "control character at position 1"),
    ("92233720368547758,08", anslag.OverflowError,
     "amount out of range (\u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr to "
     "92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr)"),
]


@pytest.mark.parametrize("text,error,message", AMOUNT_ERRORS, ids=lambda v: repr(v))
def test_amount_refusal_has_its_class_and_exact_message(text, error, message):
    with pytest.raises(error) as caught:
        Krona.parse(text)
    assert str(caught.value) == message
    assert isinstance(caught.value, anslag.Error)


@pytest.mark.parametrize("text,message", [
    ("2023-2-1", "expected a date YYYY-MM-DD at position 0"),
    ("2023-0x-01", "expected a digit at position 6"),
    ("2023/02/01", "expected '-' at position 4"),
    ("2023-02-29", "no such date at position 0"),
])
def test_date_text_refusal_names_the_position(text, message):
    unit = anslag.unit_registry().units[0]
    with pytest.raises(anslag.ParseError) as caught:
        unit.valid_on(text)
    assert str(caught.value) == message


def test_krona_overflow_and_bad_rounding_unit_are_refused():
    with pytest.raises(anslag.OverflowError, match="^amount out of range in addition of 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr and 0,01\u00a0kr$"):
        Krona.from_ore(2**63 - 1) + Krona.from_ore(1)
    with pytest.raises(anslag.InvalidArgumentError, match="^rounding unit must be positive$"):
        Krona.from_ore(1).round(Krona.from_ore(0), "half_up")


@pytest.mark.parametrize("total,weights,unit,message", [
    (10, [1, 2], 0, "allocation unit must be positive"),
    (10, [1, 2], 3, "total is not a multiple of the allocation unit"),
    (10, [1, -2], 1, "allocation weight is negative"),
    (10, [0, 0], 1, "total weight is zero"),
])
def test_allocate_amount_refuses_a_broken_contract(total, weights, unit, message):
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        anslag.allocate_amount(Krona.from_ore(total), weights, Krona.from_ore(unit))
    assert str(caught.value) == message
