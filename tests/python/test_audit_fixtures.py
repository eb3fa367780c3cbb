"""Every finding code has a round that must raise it and a near twin that must not.

Each file in tests/data/audit/ lists, in `# expect:` lines, every finding its audit must give
(`# expect: nothing` for none). The comparison is of the whole list, so a false alarm fails the
test exactly as a missed finding does.
"""

from pathlib import Path

import pytest

import anslag

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "audit"


def describe(finding: anslag.Finding) -> str:
    """One finding as the fixtures write it, amounts with plain spaces."""
    parts = [finding.severity, finding.code]
    for name in ("fund", "rule", "statement", "expected", "actual"):
        value = getattr(finding, name)
        if value is not None:
            parts.append(f"{name}={value}")
    if finding.rows:
        parts.append("rows=" + ",".join(finding.rows))
    return " ".join(parts).replace("\u00a0", " ").replace("\u2212", "-")


def expected_findings(path: Path) -> list[str]:
    lines = [line[len("# expect: "):] for line in path.read_text(encoding="utf-8").splitlines()
             if line.startswith("# expect: ")]
    assert lines, f"{path.name} states no expectation"
    return [] if lines == ["nothing"] else lines


FILES = sorted(FIXTURES.glob("*.toml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture_gives_exactly_its_expected_findings(path):
    report = anslag.audit(anslag.load_round(path))
    assert sorted(describe(f) for f in report.findings) == sorted(expected_findings(path))


def test_every_code_has_a_round_that_raises_it_and_a_twin_that_does_not():
    codes = {
        "TOTAL_MISMATCH", "COUNT_MISMATCH", "DECISION_AMOUNT_MISMATCH", "GRANT_EXCEEDS_REQUEST",
        "CAP_EXCEEDED", "UNIT_LIMIT_EXCEEDED", "BUDGET_EXCEEDED", "UNKNOWN_UNIT",
        "UNIT_NOT_VALID_ON_DATE", "AMBIGUOUS_UNIT", "DUPLICATE_APPLICATION",
        "REQUIRED_CRITERION_NOT_MET", "DERIVED_VALUE", "MISSING_DATA",
    }
    for code in codes:
        stem = code.lower().replace("_", "-")
        raising = FIXTURES / f"{stem}.raise.toml"
        twin = FIXTURES / f"{stem}.twin.toml"
        assert any(line.split()[1] == code for line in expected_findings(raising)), code
        assert not any(line.split()[1] == code for line in expected_findings(twin)), code
