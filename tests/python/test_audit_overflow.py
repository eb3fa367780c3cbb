"""Sums past the range of an amount: the audit reports them as findings with the exact figure, and
a proposal's comparison raises an OverflowError that names the fund (issues 14 and 17)."""

import pytest

import anslag

LARGEST = "92 233 720 368 547 758,07 kr"

ROUND = f"""format = 1
year = 2030

[document]
title = "Stora belopp"
date = 2030-01-01
seed = "s.txt"
deciding_body = "Socialnämnden"
kind = "tjänsteutlåtande"

[[funds]]
id = "LUM"
name = "Lokala utvecklingsmedel"
budget = "1 000 000 kr"

[[statements]]
id = "S-beviljat"
kind = "granted_total"
funds = ["LUM"]
amount = "1 000 000 kr"
quote = "Totalt beviljas 1 000 000 kronor."
source = {{ line = 1 }}
""" + "".join(f"""
[[applications]]
id = "{row}"
fund = "LUM"
applicant = "Farsta"
project = "{row}"
requested = "{LARGEST}"
granted = "{LARGEST}"
decision = "granted"
source = {{ line = {line} }}
""" for line, row in enumerate("AB", 2))


def test_a_total_past_the_range_is_a_total_mismatch_with_the_exact_sum():
    report = anslag.audit(anslag.parse_round(ROUND, "stora.toml"))
    total = next(f for f in report.findings if f.code == "TOTAL_MISMATCH")
    assert total.statement == "S-beviljat"
    assert total.actual is None
    assert "184\u00a0467\u00a0440\u00a0737\u00a0095\u00a0516,14\u00a0kr (beyond the range of amounts)" in total.message_en
    budget = next(f for f in report.findings if f.code == "BUDGET_EXCEEDED")
    assert (budget.fund, budget.actual) == ("LUM", None)


def test_a_comparison_past_the_range_names_the_fund():
    proposal = anslag.propose(anslag.parse_round(ROUND, "stora.toml"), "LUM", "ranked")
    with pytest.raises(anslag.OverflowError) as raised:
        proposal.compare()
    assert str(raised.value) == "the sum of the recorded grants in fund LUM is beyond the range of amounts"
