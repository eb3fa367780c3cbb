"""Property tests against Python's decimal (and fractions for shares) as the oracle.

Each Hypothesis example draws a list of cases, so that the normal run checks well over 100 000
generated cases within its time budget; every checked case is counted and the module prints
the totals (cases and examples) so that a shrunken run is visible.
"""

import collections
import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import anslag
from anslag import Krona, allocate_amount, format_amount, format_amounts, parse_amounts

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
EXACT = decimal.Context(prec=80, Emax=999, Emin=-999, traps=[decimal.Inexact, decimal.InvalidOperation])

cases = collections.Counter()
examples = collections.Counter()


def count(name, how_many):
    examples[name] += 1
    cases[name] += how_many


def property_settings(examples):
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def report_case_count(request):
    yield
    detail = ", ".join(f"{name} {cases[name]} in {examples[name]} examples" for name in sorted(cases))
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\ntest_amount_properties: {sum(cases.values())} generated cases ({detail})")


ore_values = st.one_of(
    st.integers(INT64_MIN, INT64_MAX),
    st.integers(-10**12, 10**12),
    st.sampled_from([INT64_MIN, INT64_MIN + 1, -1, 0, 1, INT64_MAX - 1, INT64_MAX]),
)


def in_range(value):
    return INT64_MIN <= value <= INT64_MAX


# --- format → parse ---------------------------------------------------------------------------------

@property_settings(1_000)
@given(ore=st.lists(ore_values, min_size=30, max_size=80),
       separator=st.sampled_from([" ", "\u00a0", "\u202f", "\u2009", ""]),
       minus=st.sampled_from(["-", "\u2212"]),
       unit=st.sampled_from(["kr", "SEK", "kronor", "Skr", ""]),
       decimals=st.sampled_from(["auto", "always"]))
def test_parsing_formatted_amounts_gives_them_back(ore, separator, minus, unit, decimals):
    count("round trip", len(ore))
    texts = format_amounts(ore, separator=separator, minus=minus, unit=unit, decimals=decimals)
    assert parse_amounts(texts).tolist() == ore
    for text, value in zip(texts.tolist(), ore):
        assert Krona.parse(text).ore == value
        assert text == format_amount(Krona.from_ore(value), separator=separator, minus=minus, unit=unit,
                                     decimals=decimals)
        # The oracle reads the same text the plain way.
        plain = text.removesuffix(unit).replace("\u00a0", "").replace(separator or " ", "").replace(minus, "-")
        assert Decimal(plain.replace(",", ".")) * 100 == value


MULTIPLIERS = {"": 1, "kr": 1, "kr.": 1, "kronor": 1, "SEK": 1, "Skr": 1, "tkr": 10**3,
               "mnkr": 10**6, "Mkr": 10**6, "MSEK": 10**6, "mdkr": 10**9}


MULTIPLIERS_BY_LOWER_CASE = {name.lower(): factor for name, factor in MULTIPLIERS.items()}


@st.composite
def amount_texts(draw):
    """A text of the grammar, and its exact value in kronor as the oracle sees it."""
    integer = draw(st.integers(0, 10**22))
    digits = str(integer)
    separator = draw(st.sampled_from([None, " ", "\u00a0", "\u202f", "\u2009"]))
    if separator is not None:
        groups = []
        while len(digits) > 3:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = separator.join([digits] + groups)
    fraction = draw(st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=14)))
    unit = draw(st.sampled_from(sorted(MULTIPLIERS)))
    unit = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in unit)
    negative = draw(st.booleans())
    text = (draw(st.sampled_from(["-", "\u2212"])) if negative else "") + digits
    value = Decimal(integer)
    if fraction is not None:
        text += "," + fraction
        value = EXACT.add(value, Decimal("0." + fraction))
    if unit:
        text += draw(st.sampled_from(["", " ", "\u00a0"])) + unit
    text = draw(st.sampled_from(["", " ", "\t"])) + text + draw(st.sampled_from(["", " ", "\n"]))
    value = EXACT.multiply(value, MULTIPLIERS_BY_LOWER_CASE[unit.lower()])
    return text, EXACT.minus(value) if negative else value


@property_settings(1_000)
@given(st.lists(amount_texts(), min_size=10, max_size=30))
def test_parse_agrees_with_decimal_on_every_text_of_the_grammar(generated):
    count("grammar", len(generated))
    for text, kronor in generated:
        ore = EXACT.multiply(kronor, 100)
        if ore != ore.to_integral_value():
            with pytest.raises(anslag.ParseError, match="more decimals than whole öre"):
                Krona.parse(text)
        elif not in_range(int(ore)):
            with pytest.raises(anslag.OverflowError, match="amount out of range"):
                Krona.parse(text)
        else:
            assert Krona.parse(text).ore == int(ore)


# --- arithmetic -------------------------------------------------------------------------------------

@property_settings(1_000)
@given(st.lists(st.tuples(ore_values, ore_values,
                          st.one_of(st.integers(-10**6, 10**6), st.integers(INT64_MIN, INT64_MAX))),
                min_size=10, max_size=40))
def test_arithmetic_agrees_with_decimal_or_overflows(operands):
    count("arithmetic", len(operands))
    for a, b, factor in operands:
        x, y = Krona.from_ore(a), Krona.from_ore(b)
        da, db = x.to_decimal(), y.to_decimal()
        assert da == EXACT.divide(Decimal(a), 100) and Krona.from_decimal(da) == x
        for result, exact in ((lambda: x + y, EXACT.add(da, db)), (lambda: x - y, EXACT.subtract(da, db)),
                              (lambda: x * factor, EXACT.multiply(da, factor)), (lambda: -x, -da),
                              (lambda: abs(x), abs(da))):
            if in_range(int(exact * 100)):
                assert result().to_decimal() == exact
            else:
                with pytest.raises(anslag.OverflowError):
                    result()


# --- rounding ---------------------------------------------------------------------------------------

DECIMAL_MODES = {"half_even": decimal.ROUND_HALF_EVEN, "half_up": decimal.ROUND_HALF_UP,
                 "down": decimal.ROUND_DOWN, "up": decimal.ROUND_UP,
                 "floor": decimal.ROUND_FLOOR, "ceiling": decimal.ROUND_CEILING}


@property_settings(1_000)
@given(st.lists(st.tuples(ore_values,
                          st.one_of(st.sampled_from([1, 2, 3, 50, 100, 5_000, 100_000]), st.integers(1, INT64_MAX)),
                          st.sampled_from(sorted(DECIMAL_MODES))),
                min_size=10, max_size=40))
def test_every_rounding_mode_agrees_with_decimal(roundings):
    count("rounding", len(roundings))
    for ore, unit, mode in roundings:
        # 80 digits hold every quotient of two int64 far past the point where a tie could be mistaken.
        context = decimal.Context(prec=80, rounding=DECIMAL_MODES[mode])
        steps = context.divide(Decimal(ore), Decimal(unit)).to_integral_value(context=context)
        expected = int(steps) * unit
        if in_range(expected):
            assert Krona.from_ore(ore).round(Krona.from_ore(unit), mode).ore == expected
        else:
            with pytest.raises(anslag.OverflowError):
                Krona.from_ore(ore).round(Krona.from_ore(unit), mode)


# --- allocation -------------------------------------------------------------------------------------

def largest_remainder(total_units, weights):
    """The documented rule, in exact rationals: floors, then one unit each by largest remainder,
    ties to the larger weight, then the earlier index."""
    weight_sum = sum(weights)
    shares = [Fraction(total_units * w, weight_sum) for w in weights]
    base = [s.numerator // s.denominator for s in shares]
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] - base[i]), -weights[i], i))
    for i in order[: total_units - sum(base)]:
        base[i] += 1
    return base


@property_settings(3_000)
@given(units=st.one_of(st.integers(-10**6, 10**6), st.integers(-(2**62), 2**62)),
       unit=st.sampled_from([1, 50, 100, 100_000]),
       weights=st.lists(st.one_of(st.integers(0, 10), st.integers(0, INT64_MAX)), min_size=1, max_size=8)
       .filter(lambda w: sum(w) > 0))
def test_allocation_sums_stays_within_one_unit_and_follows_the_tie_break(units, unit, weights):
    count("allocation", 1)
    total = units * unit
    if not in_range(total):
        return
    parts = [p.ore for p in allocate_amount(Krona.from_ore(total), weights, unit=Krona.from_ore(unit))]
    assert sum(parts) == total
    weight_sum = sum(weights)
    for part, w in zip(parts, weights):
        share = Fraction(total * w, weight_sum)
        assert part % unit == 0
        assert abs(part - share) < unit
        # Between the share and zero, or one unit further out: never the other way.
        assert min(0, share) - unit < part < max(0, share) + unit
    sign = -1 if total < 0 else 1
    assert parts == [sign * unit * u for u in largest_remainder(abs(units), weights)]
