"""Jupyter display: _repr_html_ shows the key figures and escapes everything that comes from data;
__repr__ is short and says what the object is."""

import html

import pytest

import anslag
from anslag import Krona

MARKUP = "<script>x & y</script>"


@pytest.fixture(scope="module")
def round_2020():
    return anslag.load_round(2020)


@pytest.fixture(scope="module")
def tainted():
    """The 2020 round with markup in an applicant whose name the audit quotes in a finding."""
    round_2020 = anslag.load_round(2020)
    with open(round_2020.file, encoding="utf-8") as source:
        toml = source.read()
    name = 'applicant = "Kungsholmen (medsökande Norrmalm och Östermalm)"'
    assert name in toml
    return anslag.parse_round(
        toml.replace(name, f'applicant = "Kungsholmen (medsökande Norrmalm och Östermalm) {MARKUP}"'), "x.toml")


def escaped(page):
    return "&lt;script&gt;x &amp; y&lt;/script&gt;" in page and "<script>" not in page


def test_krona_html_is_its_swedish_form():
    assert Krona("8 618 500 kr")._repr_html_() == '<span class="anslag-krona">8\u00a0618\u00a0500\u00a0kr</span>'


def test_round_html_shows_funds_budgets_and_applications(round_2020):
    page = round_2020._repr_html_()
    assert "3\u00a0500\u00a0000\u00a0kr" in page and "174\u00a0300\u00a0kr" in page
    assert page.count("<tr>") == 1 + len(round_2020.funds) + 1 + len(round_2020.applications)
    assert "2020-MUST-09" in page and "okänt" in page  # MUST requests are not printed


def test_round_html_escapes_data(tainted):
    assert escaped(tainted._repr_html_())


def test_report_html_is_the_summary_and_findings_of_the_html_report(round_2020):
    report = anslag.audit(round_2020)
    page = report._repr_html_()
    assert page.count('<article class="finding') == len(report.findings)
    top = page[page.index('<ul class="top"'):page.index("</ul>")]  # errors and warnings first, before the findings
    assert top.count("<li>") == 1 and "COUNT_MISMATCH" in top and page.index(top) < page.index("<article")
    assert "Inga fel; 1 varning att granska" in page and "No errors; 1 warning to review" in page
    assert "<script" not in page and 'href="#L' not in page  # no script, no links to an absent document
    quoted = [f.quote for f in report.findings if f.quote]
    assert quoted
    for quote in quoted:
        assert html.escape(quote) in page


def test_report_and_finding_html_escape_data(tainted):
    report = anslag.audit(tainted)
    assert escaped(report._repr_html_())
    ambiguous = [f for f in report.findings if MARKUP in f.message_en]
    assert ambiguous and escaped(ambiguous[0]._repr_html_())


def test_evaluation_html_shows_the_result_and_each_verdict(round_2020):
    evaluation = anslag.evaluate(round_2020, "2020-LUM-03")
    page = evaluation._repr_html_()
    assert "2020-LUM-03" in page and evaluation.result in page
    for verdict in evaluation.verdicts:
        assert verdict.rule in page


def test_proposal_html_shows_budget_grants_and_totals(round_2020):
    proposal = anslag.propose(round_2020, "LUM", "pro_rata")
    page = proposal._repr_html_()
    assert "budget 3\u00a0500\u00a0000\u00a0kr" in page
    assert f"Beslutat {proposal.compare().recorded_total}" in page
    assert all(g.application in page for g in proposal.grants)


def test_comparison_html_shows_unknown_proposals_as_unknown(round_2020):
    page = anslag.propose(round_2020, "MUST", "pro_rata").compare()._repr_html_()
    assert page.count('<td class="kr">okänt</td>') == 2 * 9  # proposed and difference of 9 rows


def test_reprs_name_the_object_and_its_key_figures(round_2020):
    proposal = anslag.propose(round_2020, "LUM", "ranked")
    assert repr(proposal) == "<Proposal 2020 LUM ranked: budget 3\u00a0500\u00a0000\u00a0kr, 14 applications>"
    assert repr(proposal.compare()).startswith("<Comparison 14 rows: recorded 3\u00a0500\u00a0000\u00a0kr")
    assert repr(proposal.grants[0]).startswith("ProposedGrant(application='2020-LUM-01', requested=Krona('500 000 kr')")
    assert repr(anslag.audit(round_2020)) == "<Report 2020: 0 error, 1 warning, 10 info>"
