"""Round, Report, Evaluation, Proposal and Comparison as pandas frames: money stays exact Krona in
krona columns and missing stays <NA>, never a float and never a silent 0."""

import subprocess
import sys

import pandas as pd
import pytest

import anslag
from anslag import Krona
from anslag.pandas import KronaDtype


@pytest.fixture(scope="module")
def round_2020():
    return anslag.load_round(2020)


@pytest.fixture(scope="module")
def apps(round_2020):
    return round_2020.to_frame()


def test_to_frame_leaves_import_anslag_free_of_pandas_and_matplotlib():
    code = "import sys, anslag\nprint('pandas' in sys.modules, 'matplotlib' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "False False\n"


def test_round_frame_has_one_row_per_application_with_krona_money_columns(round_2020, apps):
    assert list(apps["application"]) == [a.id for a in round_2020.applications]
    assert list(apps.columns) == ["application", "year", "fund", "applicant", "co_applicants", "unit",
                                  "forvaltning", "forvaltning_id", "project", "destination", "purpose",
                                  "submitted", "requested", "granted", "decision", "reason", "source_line"]
    assert set(apps["year"]) == {2020}
    assert apps["submitted"].dtype == "datetime64[ns]"
    assert all(isinstance(c, list) for c in apps["co_applicants"])
    assert apps["requested"].dtype == KronaDtype() and apps["granted"].dtype == KronaDtype()
    assert apps.loc[2, "requested"] == Krona("626 000 kr")
    assert apps.loc[2, "source_line"] == round_2020.applications[2].source.line
    assert apps.loc[6, "forvaltning"] == "Kungsholmen"


def test_missing_requests_stay_na_and_are_not_counted_as_zero(round_2020, apps):
    must = apps[apps["fund"] == "MUST"]
    assert must["requested"].isna().all()
    assert must["requested"].sum(skipna=False) is pd.NA
    assert (apps["requested"] == Krona(0)).sum() == 0
    assert int(apps["requested"].isna().sum()) == sum(a.requested is None for a in round_2020.applications)


def test_sums_are_exact_krona_equal_to_the_sum_of_the_rows(round_2020, apps):
    by_fund = apps.groupby("fund")["granted"].sum()
    for fund in ("LUM", "MUST"):
        expected = sum((a.granted for a in round_2020.applications if a.fund == fund), Krona(0))
        assert by_fund[fund] == expected
        assert isinstance(by_fund[fund], Krona)
    assert by_fund["MUST"] == Krona("174 300 kr")


def test_a_missing_granted_amount_stays_na(round_2020):
    with open(round_2020.file, encoding="utf-8") as source:
        toml = source.read()
    # One grant left unprinted (the round format's way): its cell must be <NA>, not 0 kr.
    edited = toml.replace('granted = "25 000 kr"\n', "", 1)
    assert edited != toml
    modified = anslag.parse_round(edited, "edited.toml")
    frame = modified.to_frame()
    missing = [i for i, a in enumerate(modified.applications) if a.granted is None]
    assert len(missing) == 1 and frame.loc[missing[0], "granted"] is pd.NA
    assert frame["granted"].sum() is pd.NA  # a total with an unknown part is unknown
    assert frame["granted"].krona.known_sum() == round_2020.to_frame()["granted"].sum() - Krona("25 000 kr")


def test_report_frame_puts_amounts_in_krona_columns_and_counts_in_integer_columns(round_2020):
    report = anslag.audit(round_2020)
    frame = report.to_frame()
    assert len(frame) == len(report.findings)
    assert frame["expected"].dtype == KronaDtype() and frame["actual"].dtype == KronaDtype()
    assert str(frame["expected_count"].dtype) == "Int64"
    for i, finding in enumerate(report.findings):
        for column, value in (("expected", finding.expected), ("actual", finding.actual)):
            cell, count = frame.loc[i, column], frame.loc[i, f"{column}_count"]
            if isinstance(value, Krona):
                assert cell == value and count is pd.NA
            elif value is None:
                assert cell is pd.NA and count is pd.NA
            else:
                assert cell is pd.NA and count == value
        assert frame.loc[i, "message_sv"] == finding.message_sv
        assert frame.loc[i, "rows"] == list(finding.rows)
    assert set(frame["severity"]) <= {"error", "warning", "info"}


def test_evaluation_frame_has_one_row_per_verdict(round_2020):
    evaluation = anslag.evaluate(round_2020, "2020-LUM-03")
    frame = evaluation.to_frame()
    assert list(frame["rule"]) == [v.rule for v in evaluation.verdicts]
    assert list(frame["state"]) == [v.state for v in evaluation.verdicts]
    assert str(frame["required"].dtype) == "boolean"


def test_proposal_and_comparison_frames_keep_unknown_requests_unknown(round_2020):
    proposal = anslag.propose(round_2020, "MUST", "pro_rata")
    frame = proposal.to_frame()
    assert frame["requested"].isna().all() and frame["proposed"].isna().all()
    assert frame["recorded"].sum() == Krona("174 300 kr")
    compared = proposal.compare().to_frame()
    assert compared["difference"].isna().all()
    assert compared["recorded"].sum() == proposal.compare().recorded_total


def test_comparison_frame_differences_are_exact(round_2020):
    comparison = anslag.propose(round_2020, "LUM", "pro_rata").compare()
    frame = comparison.to_frame()
    assert frame["proposed"].sum() == comparison.proposed_total
    assert frame["difference"].sum() == comparison.difference_total
    assert (frame["proposed"] - frame["recorded"]).tolist() == frame["difference"].tolist()
    assert frame["proposal_reason"].notna().all()


def test_a_column_name_means_the_same_in_every_frame(round_2020, apps):
    proposal = anslag.propose(round_2020, "LUM", "ranked").to_frame()
    merged = proposal.merge(apps, on=["application", "year"])
    assert len(merged) == len(proposal) == (apps["fund"] == "LUM").sum()
    assert "application" in anslag.evaluate(round_2020, "2020-LUM-03").to_frame().columns
    assert "application" in anslag.propose(round_2020, "LUM", "ranked").compare().to_frame().columns


def frames_by_application(year):
    """Every frame with a row per application (the findings' exploded to one per application they
    concern), for the join test below."""
    round_ = anslag.load_round(year)
    proposal = anslag.propose(round_, "LUM", "pro_rata")
    findings = anslag.audit(round_).to_frame().explode("rows").rename(columns={"rows": "application"})
    return {
        "round": round_.to_frame(),
        "proposal": proposal.to_frame(),
        "comparison": proposal.compare().to_frame(),
        "findings": findings.dropna(subset=["application"]),
        "rounds": anslag.load_rounds().to_frame().drop(columns=["file"]),
    }


def agree(x, y):
    """Two values of one meaning agree where both are given: a finding about the whole round has
    no fund (<NA>), which is no other fund."""
    if isinstance(x, list) or isinstance(y, list):
        return x == y
    return bool(pd.isna(x) or pd.isna(y) or x == y)


# Each row's own line in the document: a finding and an application it concerns are two rows.
ROW_OWN = {"source_line"}


@pytest.mark.parametrize("year", [2020, 2024])
def test_every_pair_of_frames_joined_on_application_agrees_on_every_shared_column(year):
    frames = frames_by_application(year)
    names = sorted(frames)
    for i, left in enumerate(names):
        for right in names[i + 1:]:
            shared = sorted((set(frames[left].columns) & set(frames[right].columns)) - {"application"} - ROW_OWN)
            joined = frames[left].merge(frames[right], on="application", suffixes=("_l", "_r"))
            assert len(joined) > 0, (left, right)
            for column in shared:
                pairs = zip(joined[f"{column}_l"].astype(object), joined[f"{column}_r"].astype(object))
                assert all(agree(x, y) for x, y in pairs), (left, right, column)


def test_the_limit_counts_a_forvaltning_that_is_not_the_recorded_one_under_its_own_name():
    round_2024 = anslag.load_round(2024)
    recorded = round_2024.to_frame().set_index("application")
    proposal = anslag.propose(round_2024, "LUM", "pro_rata").to_frame().set_index("application")
    assert "forvaltning" not in proposal.columns
    assert recorded.loc["2024-LUM-07", "forvaltning"] == "Norrmalm"
    assert proposal.loc["2024-LUM-07", "limit_forvaltning"] == "Norra innerstaden"


def test_severity_is_ordered_info_warning_error(round_2020):
    findings = round_2020.audit().to_frame() if hasattr(round_2020, "audit") else anslag.audit(round_2020).to_frame()
    assert list(findings["severity"].cat.categories) == ["info", "warning", "error"]
    assert findings["severity"].cat.ordered
    serious = findings[findings["severity"] >= "warning"]
    assert set(serious["severity"]) <= {"warning", "error"} and len(serious) > 0


def test_the_findings_frame_has_one_row_per_finding_with_its_rows_as_a_list(round_2020):
    report = anslag.audit(round_2020)
    frame = report.to_frame()
    assert len(frame) == len(report.findings) and set(frame["year"]) == {2020}
    assert frame["rows"].tolist() == [list(f.rows) for f in report.findings]


def test_forvaltning_on_a_day_follows_the_mergers(round_2020, apps):
    from anslag.frames import forvaltning_on

    then = forvaltning_on(apps, "2020-01-01")
    now = forvaltning_on(apps, pd.Timestamp("2024-01-01"))
    assert then.tolist() == apps["forvaltning"].tolist()
    merged = apps["forvaltning"].isin(["Norrmalm", "Östermalm"])
    assert merged.any() and set(now[merged]) == {"Norra innerstaden"}
    assert set(now[apps["forvaltning"] == "Kungsholmen"]) <= {"Kungsholmen"}
    assert now[apps["forvaltning"].isna()].isna().all()
    with pytest.raises(TypeError, match="pass .date"):
        import datetime

        forvaltning_on(apps, datetime.datetime(2024, 1, 1))
