"""anslag.Krona: the promises of the value type, seen from Python."""

import copy
import decimal
import pickle
from decimal import Decimal

import numpy as np
import pytest

import anslag
from anslag import Krona

NBSP = "\u00a0"
MINUS = "\u2212"
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)


def test_krona_is_made_from_str_int_decimal_and_krona():
    assert Krona("8 618 500 kr").ore == 861_850_000
    assert Krona(250).ore == 25_000
    assert Krona(Decimal("1234.50")).ore == 123_450
    assert Krona(Decimal("-0.01")).ore == -1
    assert Krona(Krona(5)) == Krona(5)
    assert Krona(np.int64(7)).ore == 700
    assert Krona(np.uint8(3)).ore == 300


def test_a_float_is_refused_with_a_message_that_names_str_and_decimal():
    with pytest.raises(TypeError, match=r"float.*use a string such as '1 234,50 kr' or a decimal\.Decimal"):
        Krona(1.5)
    with pytest.raises(TypeError, match="float"):
        Krona(np.float64(2.0))
    with pytest.raises(TypeError, match=r"str.*decimal\.Decimal.*not float32"):
        Krona(np.float32(2.0))


def test_bool_and_other_types_are_refused():
    with pytest.raises(TypeError, match="not bool"):
        Krona(True)
    with pytest.raises(TypeError, match="not NoneType"):
        Krona(None)
    with pytest.raises(TypeError, match="öre must be an int, not bool"):
        Krona.from_ore(True)
    with pytest.raises(TypeError, match="öre must be an int, not float"):
        Krona.from_ore(1.0)


def test_from_ore_and_ore_cover_the_whole_int64_range():
    assert Krona.from_ore(INT64_MAX).ore == INT64_MAX
    assert Krona.from_ore(INT64_MIN).ore == INT64_MIN
    assert Krona.from_ore(np.int64(-5)).ore == -5
    with pytest.raises(anslag.OverflowError, match="öre out of range"):
        Krona.from_ore(INT64_MAX + 1)
    with pytest.raises(anslag.OverflowError):
        Krona.from_ore(INT64_MIN - 1)
    with pytest.raises(anslag.OverflowError, match="whole kronor out of range"):
        Krona(2**70)


def test_an_overflow_names_the_number_it_could_not_take_however_large():
    # Python prints no int of more than 4 300 digits (ValueError): a message names such a number by
    # its size, and cuts any other text at 80 characters.
    with pytest.raises(anslag.OverflowError) as caught:
        Krona.from_ore(INT64_MAX + 1)
    assert str(caught.value) == "öre out of range: 9223372036854775808"
    for huge in (lambda: Krona.from_ore(10**5000), lambda: Krona(10**5000), lambda: Krona(5) * 10**5000):
        with pytest.raises(anslag.OverflowError) as caught:
            huge()
        assert str(caught.value).endswith("out of range: an integer of 16610 bits")
    with pytest.raises(anslag.OverflowError) as caught:
        Krona.from_decimal(Decimal("9" * 200))
    assert str(caught.value) == "amount out of range in Decimal conversion of " + "9" * 80 + "\u2026"


def test_to_decimal_is_exact_at_the_ends_of_the_range():
    assert Krona.from_ore(INT64_MAX).to_decimal() == Decimal("92233720368547758.07")
    assert Krona.from_ore(INT64_MIN).to_decimal() == Decimal("-92233720368547758.08")
    assert Krona.from_ore(-1).to_decimal() == Decimal("-0.01")
    assert str(Krona(0).to_decimal()) == "0.00"
    # Exact even when the context's precision is far too small for the digits.
    with decimal.localcontext() as context:
        context.prec = 3
        assert Krona.from_ore(INT64_MAX).to_decimal() == Decimal("92233720368547758.07")


def test_from_decimal_is_exact_or_an_error():
    assert Krona.from_decimal(Decimal("92233720368547758.07")).ore == INT64_MAX
    assert Krona.from_decimal(Decimal("-92233720368547758.08")).ore == INT64_MIN
    assert Krona.from_decimal(Decimal("1.500")).ore == 150
    assert Krona.from_decimal(Decimal("1E+3")).ore == 100_000
    assert Krona.from_decimal(Decimal("-0")).ore == 0
    with pytest.raises(anslag.InvalidArgumentError, match="Decimal has fractions of an öre"):
        Krona.from_decimal(Decimal("1.005"))
    with pytest.raises(anslag.InvalidArgumentError, match="Decimal is not a finite number"):
        Krona.from_decimal(Decimal("NaN"))
    with pytest.raises(anslag.InvalidArgumentError, match="Decimal is not a finite number"):
        Krona.from_decimal(Decimal("-Infinity"))
    with pytest.raises(anslag.OverflowError):
        Krona.from_decimal(Decimal("92233720368547758.08"))
    with pytest.raises(anslag.OverflowError):
        Krona.from_decimal(Decimal("1E+100"))
    with pytest.raises(TypeError, match="from_decimal takes a decimal.Decimal, not float"):
        Krona.from_decimal(1.5)


def test_parse_names_the_position_of_the_error():
    assert Krona.parse("3,5 mnkr").ore == 350_000_000
    with pytest.raises(anslag.ParseError) as caught:
        Krona.parse("1.5")
    assert caught.value.position == 1
    assert str(caught.value).startswith("a point is not a decimal separator")


def test_krona_is_immutable():
    k = Krona(5)
    with pytest.raises(AttributeError):
        k.ore = 1
    with pytest.raises(AttributeError):
        k.anything = 1
    assert k.ore == 500


def test_krona_is_hashable_and_equal_values_hash_alike():
    assert hash(Krona("5 kr")) == hash(Krona(5))
    assert len({Krona(5), Krona("5,00"), Krona.from_ore(500), Krona(6)}) == 2
    with pytest.raises(TypeError, match="a bare number other than 0 is not an amount"):
        Krona(5) != 500  # noqa: B015  # an amount is not a bare number: never silently unequal
    assert Krona(0) == 0 and hash(Krona(0)) == hash(0) and 500 not in {Krona(5)}


def test_krona_is_ordered():
    amounts = [Krona(3), Krona.from_ore(INT64_MIN), Krona(-1), Krona.from_ore(INT64_MAX), Krona(0)]
    assert sorted(amounts) == [Krona.from_ore(INT64_MIN), Krona(-1), Krona(0), Krona(3), Krona.from_ore(INT64_MAX)]
    assert Krona(1) < Krona(2) <= Krona(2) < Krona(3)
    assert Krona(3) > Krona(2) >= Krona(2)
    with pytest.raises(TypeError):
        Krona(1) < 2


@pytest.mark.parametrize("ore", [INT64_MIN, -1, 0, 1, 123_450, INT64_MAX])
def test_krona_survives_pickle_and_copy(ore):
    k = Krona.from_ore(ore)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(k, protocol)) == k
    assert copy.copy(k) == k
    assert copy.deepcopy(k) == k


@pytest.mark.parametrize("mode, expected", [
    ("half_even", [200, 400, -200, -400, 300]),
    ("half_up", [300, 400, -300, -400, 300]),
    ("down", [200, 300, -200, -300, 200]),
    ("up", [300, 400, -300, -400, 300]),
    ("floor", [200, 300, -300, -400, 200]),
    ("ceiling", [300, 400, -200, -300, 300]),
])
def test_round_to_whole_kronor_in_every_mode(mode, expected):
    amounts = [250, 350, -250, -350, 251]
    assert [Krona.from_ore(a).round(1, mode).ore for a in amounts] == expected


def test_round_to_other_units_and_its_errors():
    assert Krona("1 500 kr").round(Krona("1 000 kr"), "half_even") == Krona(2000)
    assert Krona("2 500 kr").round(1000, "half_even") == Krona(2000)
    assert Krona.from_ore(125).round(Krona.from_ore(50), "half_up").ore == 150
    assert Krona.from_ore(125).round("0,50", "half_up").ore == 150
    with pytest.raises(anslag.InvalidArgumentError, match="unknown rounding mode 'nearest'"):
        Krona(1).round(1, "nearest")
    with pytest.raises(anslag.InvalidArgumentError, match="rounding unit must be positive"):
        Krona(1).round(0, "up")
    with pytest.raises(anslag.OverflowError):
        Krona.from_ore(INT64_MAX).round(1, "up")


def test_arithmetic_plus_minus_times_int_abs_and_sum():
    assert Krona(5) + Krona("2,50") == Krona("7,50")
    assert Krona(5) - Krona(7) == Krona(-2)
    assert Krona("1,25") * 3 == Krona("3,75")
    assert 3 * Krona("1,25") == Krona("3,75")
    assert Krona(2) * np.int64(4) == Krona(8)
    assert -Krona(5) == Krona(-5)
    assert +Krona(5) == Krona(5)
    assert abs(Krona(-5)) == Krona(5)
    assert sum([Krona(1), Krona(2), Krona("0,50")]) == Krona("3,50")
    assert sum([], Krona(0)) == Krona(0)
    assert not Krona(0) and Krona("0,01")


def test_arithmetic_refuses_what_is_not_an_amount_or_a_count():
    with pytest.raises(TypeError):
        Krona(5) + 5
    with pytest.raises(TypeError):
        5 + Krona(5)
    with pytest.raises(TypeError):
        Krona(5) * 1.5
    with pytest.raises(TypeError):
        Krona(5) * Krona(2)
    with pytest.raises(TypeError):
        Krona(5) * True
    with pytest.raises(TypeError):
        Krona(5) / 2


def test_arithmetic_overflow_raises_anslag_overflow_error():
    top = Krona.from_ore(INT64_MAX)
    with pytest.raises(anslag.OverflowError, match="amount out of range in addition"):
        top + Krona.from_ore(1)
    with pytest.raises(anslag.OverflowError, match="amount out of range in negation"):
        -Krona.from_ore(INT64_MIN)
    with pytest.raises(anslag.OverflowError, match="amount out of range in multiplication"):
        top * 2
    with pytest.raises(anslag.OverflowError, match="factor out of range"):
        Krona(1) * 2**64


def test_str_is_the_canonical_swedish_form():
    assert str(Krona("8618500")) == f"8{NBSP}618{NBSP}500{NBSP}kr"
    assert str(Krona("-1234,5")) == f"{MINUS}1{NBSP}234,50{NBSP}kr"
    assert str(Krona(0)) == f"0{NBSP}kr"


@pytest.mark.parametrize("ore", [INT64_MIN, -123_450, -1, 0, 1, 10, 861_850_000, INT64_MAX])
def test_repr_evaluates_back_to_the_same_value(ore):
    k = Krona.from_ore(ore)
    text = repr(k)
    assert text.isascii()
    assert eval(text, {"Krona": Krona}) == k


def test_repr_reads_as_a_swedish_amount():
    assert repr(Krona("-1234,5")) == "Krona('-1 234,50 kr')"


def test_the_error_classes_form_one_hierarchy_with_codes():
    assert issubclass(anslag.ParseError, anslag.Error)
    assert issubclass(anslag.ParseError, ValueError)
    assert issubclass(anslag.OverflowError, anslag.Error)
    assert issubclass(anslag.OverflowError, OverflowError)
    assert issubclass(anslag.InvalidArgumentError, anslag.Error)
    assert issubclass(anslag.InvalidArgumentError, ValueError)
    assert anslag.OverflowError is not OverflowError
    with pytest.raises(anslag.Error) as parse:
        Krona("x")
    assert parse.value.code == "parse"
    with pytest.raises(anslag.Error) as overflow:
        Krona.from_ore(INT64_MAX) + Krona.from_ore(1)
    assert overflow.value.code == "overflow"
    with pytest.raises(anslag.Error) as invalid:
        Krona(1).round(0, "up")
    assert invalid.value.code == "invalid_argument"


def test_allocate_amount_returns_krona_parts_that_sum_to_the_total():
    parts = anslag.allocate_amount(Krona("3 500 000 kr"), [2, 1, 0], unit=Krona("1 000 kr"))
    assert parts == [Krona(2_333_000), Krona(1_167_000), Krona(0)]
    assert anslag.allocate_amount("1 kr", [1, 1, 1]) == [Krona("0,34"), Krona("0,33"), Krona("0,33")]
    with pytest.raises(anslag.InvalidArgumentError, match="total weight is zero"):
        anslag.allocate_amount(Krona(1), [0, 0])
