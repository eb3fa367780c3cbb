"""The Python forms of allocate_budget: what they accept, refuse and return."""

import numpy as np
import pytest

import anslag

K = anslag.Krona


def test_the_list_form_takes_any_amount_krona_accepts_and_returns_krona():
    grants = anslag.allocate_budget("1 000 kr", [K(450), "450 kr", 300], "pro_rata", unit="100 kr")
    assert grants == [K(400), K(400), K(200)]


def test_the_explained_form_gives_request_grant_and_reason():
    explained = anslag.allocate_budget_explained(10, [4, 3, 5, 1], "ranked", cap=4)
    assert [(e.request, e.grant, e.reason) for e in explained] == [
        (K(4), K(4), anslag.GrantReason.full_request),
        (K(3), K(3), anslag.GrantReason.full_request),
        (K(5), K(3), anslag.GrantReason.budget_exhausted),
        (K(1), K(0), anslag.GrantReason.budget_exhausted),
    ]
    assert repr(explained[0]) == "BudgetGrant(request=Krona('4 kr'), grant=Krona('4 kr'), reason=full_request)"


def test_the_array_form_returns_int64_ore_and_uint8_reason_codes():
    grants, reasons = anslag.allocate_budget_array(110, np.array([0, 110, 100]), "equal_cap", 100)
    assert grants.dtype == np.int64 and reasons.dtype == np.uint8
    assert grants.tolist() == [0, 100, 0]
    assert [anslag.GrantReason(int(r)) for r in reasons] == [
        anslag.GrantReason.full_request,
        anslag.GrantReason.unit_rounding,
        anslag.GrantReason.budget_exhausted,
    ]
    assert [int(r) for r in anslag.GrantReason.__members__.values()] == [0, 1, 2, 3, 4]


def test_floats_are_refused_by_every_form():
    with pytest.raises(TypeError, match="Krona cannot be made from a float"):
        anslag.allocate_budget(1.5, [1], "ranked")
    with pytest.raises(TypeError):
        anslag.allocate_budget_array(100, np.array([1.5, 2.0]), "ranked")
    with pytest.raises(TypeError):
        anslag.allocate_budget_array(100.0, np.array([1, 2]), "ranked")


def test_bad_arguments_raise_invalid_argument_error_with_exact_messages():
    cases = [
        (lambda: anslag.allocate_budget(10, [1, -2], "ranked"), "request at index 1 is negative"),
        (lambda: anslag.allocate_budget(-1, [1], "ranked"), "allocation budget is negative"),
        (lambda: anslag.allocate_budget(1, [1], "ranked", cap=-1), "allocation cap is negative"),
        (lambda: anslag.allocate_budget(1, [1], "ranked", unit=0), "allocation unit must be positive"),
        (lambda: anslag.allocate_budget_array(1, np.array([[1]]), "ranked"),
         "requests_ore must be one-dimensional"),
    ]
    for call, message in cases:
        with pytest.raises(anslag.InvalidArgumentError) as raised:
            call()
        assert str(raised.value) == message


def test_an_unknown_strategy_is_a_parse_error_as_every_parse_function_raises():
    with pytest.raises(anslag.ParseError) as raised:
        anslag.allocate_budget(1, [1], "fair")
    assert str(raised.value) == "unknown allocation strategy 'fair' (ranked, pro_rata, equal_cap)"
    assert raised.value.position == 0
