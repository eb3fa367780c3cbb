"""Property tests of the audit on generated rounds.

A consistent round (every statement computed from its rows) gives no finding of severity error
or warning. Changing one statement, one amount or one decision gives exactly the error findings
that change implies, and no other.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import anslag

DISTRICTS = ["Farsta", "Södermalm", "Skarpnäck", "Bromma", "Järva", "Kungsholmen", "Skärholmen"]
FUNDS = ["LUM", "MUL"]
DECISIONS = ["granted", "partly_granted", "rejected"]


@dataclass(frozen=True)
class Row:
    id: str
    fund: str
    applicant: str
    requested: int  # öre
    granted: int
    decision: str


@dataclass(frozen=True)
class Statement:
    id: str
    kind: str
    funds: tuple[str, ...]
    amount: int | None = None
    count: int | None = None
    decision: str | None = None


@dataclass
class Round:
    rows: list[Row]
    statements: list[Statement] = field(default_factory=list)

    def budget(self, fund: str) -> int:
        return sum(r.granted for r in self.rows if r.fund == fund)


def krona(ore: int) -> str:
    return str(anslag.Krona.from_ore(ore))


def consistent_statements(rows: list[Row]) -> list[Statement]:
    statements = []
    scopes = [(f,) for f in FUNDS] + [tuple(FUNDS)]
    for scope in scopes:
        name = "+".join(scope)
        in_scope = [r for r in rows if r.fund in scope]
        statements.append(Statement(f"ansokt-{name}", "requested_total", scope,
                                    amount=sum(r.requested for r in in_scope)))
        statements.append(Statement(f"beviljat-{name}", "granted_total", scope,
                                    amount=sum(r.granted for r in in_scope)))
        statements.append(Statement(f"antal-{name}", "application_count", scope, count=len(in_scope)))
    for fund in FUNDS:
        in_fund = [r for r in rows if r.fund == fund]
        for decision in DECISIONS:
            statements.append(Statement(f"beslut-{fund}-{decision}", "decision_count", (fund,),
                                        count=sum(r.decision == decision for r in in_fund),
                                        decision=decision))
        statements.append(Statement(f"sokande-{fund}", "applicant_count", (fund,),
                                    count=len({r.applicant for r in in_fund})))
    return statements


def to_toml(round: Round) -> str:
    out = ['format = 1\nyear = 2024\n\n[document]\ntitle = "Genererad"\ndate = 2023-12-12\n'
           'seed = "generated"\ndeciding_body = "Socialnämnden"\nkind = "tjänsteutlåtande"\n']
    for fund in FUNDS:
        out.append(f'[[funds]]\nid = "{fund}"\nname = "{fund}"\nbudget = "{krona(round.budget(fund))}"\n')
    for line, s in enumerate(round.statements, 1):
        funds = ", ".join(f'"{f}"' for f in s.funds)
        value = f'amount = "{krona(s.amount)}"' if s.amount is not None else f"count = {s.count}"
        extra = f'\ndecision = "{s.decision}"' if s.decision else ""
        out.append(f'[[statements]]\nid = "{s.id}"\nkind = "{s.kind}"\nfunds = [{funds}]\n{value}{extra}\n'
                   f'quote = "Uppgift {line}."\nsource = {{ line = {line} }}\n')
    for line, r in enumerate(round.rows, 1000):
        out.append(f'[[applications]]\nid = "{r.id}"\nfund = "{r.fund}"\napplicant = "{r.applicant}"\n'
                   f'project = "Projekt {r.id}"\nrequested = "{krona(r.requested)}"\n'
                   f'granted = "{krona(r.granted)}"\ndecision = "{r.decision}"\nreason = ""\n'
                   f'source = {{ line = {line} }}\n')
    return "\n".join(out)


@st.composite
def rows(draw) -> list[Row]:
    count = draw(st.integers(min_value=1, max_value=12))
    result = []
    for i in range(count):
        requested = draw(st.integers(min_value=2, max_value=10**9))
        decision = draw(st.sampled_from(DECISIONS))
        granted = {"granted": requested, "rejected": 0}.get(decision)
        if granted is None:
            granted = draw(st.integers(min_value=1, max_value=requested - 1))
        result.append(Row(f"G-{i + 1}", draw(st.sampled_from(FUNDS)), draw(st.sampled_from(DISTRICTS)),
                          requested, granted, decision))
    return result


def audit(round: Round) -> anslag.Report:
    return anslag.audit(anslag.parse_round(to_toml(round), "generated.toml"))


def errors(report: anslag.Report) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return sorted((f.code, f.statement, tuple(f.rows)) for f in report.findings if f.severity == "error")


@settings(max_examples=300, deadline=None)
@given(rows())
def test_a_consistent_round_gives_no_error_and_no_warning(generated):
    report = audit(Round(generated, consistent_statements(generated)))
    assert [f for f in report.findings if f.severity != "info"] == []


@settings(max_examples=300, deadline=None)
@given(rows(), st.data())
def test_changing_one_stated_total_gives_exactly_its_total_mismatch(generated, data):
    statements = consistent_statements(generated)
    totals = [i for i, s in enumerate(statements) if s.amount is not None]
    index = data.draw(st.sampled_from(totals))
    # A stated total below zero is no total a document can state: the loader refuses it.
    lowest = -min(10**8, statements[index].amount)
    decrease = st.integers(min_value=lowest, max_value=-1) if lowest < 0 else st.nothing()
    delta = data.draw(st.integers(min_value=1, max_value=10**8) | decrease)
    changed = replace(statements[index], amount=statements[index].amount + delta)
    statements[index] = changed
    report = audit(Round(generated, statements))
    # The statement no longer matches its rows; a statement over both funds also no longer
    # equals the sum of its per-fund twins, and a per-fund one breaks that sum for the overall one.
    expected = [("TOTAL_MISMATCH", changed.id, ())]
    overall = f"{changed.id.split('-')[0]}-{'+'.join(FUNDS)}"
    expected.append(("TOTAL_MISMATCH", overall, ()))
    assert errors(report) == sorted(expected)


@settings(max_examples=300, deadline=None)
@given(rows(), st.data())
def test_changing_one_request_gives_exactly_the_totals_that_cover_it(generated, data):
    # A full grant's request is its grant (that is covered by the decision test); a raised
    # request of a partial grant or a rejection keeps every decision consistent.
    candidates = [i for i, r in enumerate(generated) if r.decision != "granted"]
    assume(candidates)
    index = data.draw(st.sampled_from(candidates))
    row = generated[index]
    statements = consistent_statements(generated)
    changed = replace(row, requested=row.requested + data.draw(st.integers(min_value=1, max_value=10**6)))
    mutated = generated[:index] + [changed] + generated[index + 1:]
    report = audit(Round(mutated, statements))
    expected = [("TOTAL_MISMATCH", f"ansokt-{row.fund}", ()), ("TOTAL_MISMATCH", "ansokt-" + "+".join(FUNDS), ())]
    assert errors(report) == sorted(expected)


@settings(max_examples=300, deadline=None)
@given(rows(), st.data())
def test_changing_one_decision_gives_its_mismatch_and_the_counts_it_breaks(generated, data):
    granted_rows = [i for i, r in enumerate(generated) if r.decision != "rejected"]
    assume(granted_rows)
    index = data.draw(st.sampled_from(granted_rows))
    row = generated[index]
    statements = consistent_statements(generated)
    mutated = generated[:index] + [replace(row, decision="rejected")] + generated[index + 1:]
    report = audit(Round(mutated, statements))
    expected = [
        ("DECISION_AMOUNT_MISMATCH", None, (row.id,)),
        ("COUNT_MISMATCH", f"beslut-{row.fund}-{row.decision}", ()),
        ("COUNT_MISMATCH", f"beslut-{row.fund}-rejected", ()),
    ]
    assert errors(report) == sorted(expected, key=lambda t: (t[0], t[1] or "", t[2]))
