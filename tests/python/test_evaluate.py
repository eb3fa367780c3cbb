"""anslag.evaluate on the bundled rounds: the verdicts the seed documents' decisions show, and
unknowns that name what they lack."""

import json
import pickle

import pytest

import anslag


@pytest.fixture(scope="module")
def round_2020():
    return anslag.load_round(2020)


@pytest.fixture(scope="module")
def round_2024():
    return anslag.load_round(2024)


def verdict(evaluation, rule_id):
    (found,) = [v for v in evaluation.verdicts if v.rule == rule_id]
    return found


def rule(round_, rule_id):
    (found,) = [r for r in round_.rules if r.id == rule_id]
    return found


def test_ostermalm_leisure_trip_is_not_met_on_the_social_services_rule(round_2020):
    evaluation = anslag.evaluate(round_2020, "2020-MUST-09")
    social = verdict(evaluation, "2020.MUST.socialtjanst")
    assert social.state == "not_met"
    assert social.kind == "exclusion"
    assert social.required
    assert social.quote == rule(round_2020, "2020.MUST.socialtjanst").quote
    assert social.source == rule(round_2020, "2020.MUST.socialtjanst").source
    assert social.explanation_en == "The document assesses the application as excluded."
    assert evaluation.result == "not_met"


def test_second_farsta_trip_to_stavanger_is_not_met_on_one_grant_per_destination(round_2020):
    second = verdict(anslag.evaluate(round_2020, "2020-MUST-03"), "2020.MUST.en-omgang-per-resmal")
    assert second.state == "not_met"
    assert second.explanation_en == (
        "2020-MUST-02 by Farsta for the same destination (Stavanger i Norge) is granted; "
        "only one application per destination is granted."
    )
    first = verdict(anslag.evaluate(round_2020, "2020-MUST-02"), "2020.MUST.en-omgang-per-resmal")
    assert first.state == "met"


def test_2024_project_rejected_as_not_new_is_not_met_on_its_main_criterion(round_2024):
    evaluation = anslag.evaluate(round_2024, "2024-LUM-01")
    assert verdict(evaluation, "2024.LUM.huvudkriterium-nytt").state == "not_met"
    assert evaluation.result == "not_met"


def test_unknown_verdicts_name_what_they_lack(round_2020, round_2024):
    trip = anslag.evaluate(round_2020, "2020-MUST-01")
    window = verdict(trip, "2020.ansokningsperiod")
    assert (window.state, window.missing) == ("unknown", ["submitted"])
    assert window.parameters == {"from": "2019-05-03", "to": "2019-09-20"}
    social = verdict(trip, "2020.MUST.socialtjanst")
    assert (social.state, social.missing) == ("unknown", ["assessment:2020.MUST.socialtjanst"])
    assert trip.result == "unknown"

    unassessed = anslag.evaluate(round_2024, "2024-LUM-01")
    strategic = verdict(unassessed, "2024.LUM.huvudkriterium-strategiskt")
    assert strategic.missing == ["assessment:2024.LUM.huvudkriterium-strategiskt"]
    report = verdict(unassessed, "2024.godkand-rapport")
    assert (report.state, report.missing) == ("unknown", ["approved_report"])


def test_per_forvaltning_counts_departments_as_socialforvaltningen(round_2020):
    most = verdict(anslag.evaluate(round_2020, "2020-MUST-05"), "2020.MUST.hogst-tva")
    assert most.state == "met"
    assert most.parameters == {"count": "2"}
    assert most.explanation_en == (
        "Socialförvaltningen is granted 2 applications in MUST (2020-MUST-05, 2020-MUST-06); "
        "at most 2 per förvaltning."
    )


def test_rules_without_a_verdict_are_listed_with_their_reason(round_2020):
    evaluation = anslag.evaluate(round_2020, "2020-LUM-01")
    listed = {n.rule: n.reason for n in evaluation.not_evaluated}
    assert listed["2020.LUM.prioritering"] == rule(round_2020, "2020.LUM.prioritering").not_encoded
    assert "2020.LUM.prioritering" not in {v.rule for v in evaluation.verdicts}
    assert "2020.MUST.socialtjanst" not in {v.rule for v in evaluation.verdicts}


def test_the_registry_decides_the_unit(round_2020):
    empty = anslag.UnitRegistry([])
    evaluation = anslag.evaluate(round_2020, "2020-MUST-02", empty)
    assert evaluation.unit is None
    most = verdict(evaluation, "2020.MUST.hogst-tva")
    assert (most.state, most.missing) == ("unknown", ["unit"])
    assert anslag.evaluate(round_2020, "2020-MUST-02").unit == "farsta"


def test_an_application_and_its_id_give_the_same_evaluation(round_2020):
    (application,) = [a for a in round_2020.applications if a.id == "2020-LUM-03"]
    by_object = anslag.evaluate(round_2020, application)
    assert by_object.to_dict() == anslag.evaluate(round_2020, "2020-LUM-03").to_dict()


def test_an_unknown_application_id_is_not_found(round_2020):
    with pytest.raises(anslag.NotFoundError, match="^no application 2020-LUM-99$"):
        anslag.evaluate(round_2020, "2020-LUM-99")


def test_evaluation_pickles_and_exports_plain_values(round_2020):
    evaluation = anslag.evaluate(round_2020, "2020-MUST-03")
    restored = pickle.loads(pickle.dumps(evaluation))
    assert restored.to_dict() == evaluation.to_dict()
    assert restored.verdicts[0].source == evaluation.verdicts[0].source
    as_dict = json.loads(json.dumps(evaluation.to_dict()))
    assert as_dict["application"] == "2020-MUST-03"
    assert as_dict["result"] == "not_met"
    assert as_dict["verdicts"][0]["source"]["document"] == "004_2b1165072d843997.txt"
    verdict_copy = pickle.loads(pickle.dumps(evaluation.verdicts[0]))
    assert verdict_copy.to_dict() == evaluation.verdicts[0].to_dict()


def test_reprs_name_the_application_and_the_state(round_2020):
    evaluation = anslag.evaluate(round_2020, "2020-MUST-09")
    assert repr(evaluation) == (
        f"Evaluation(application='2020-MUST-09', result='not_met', verdicts={len(evaluation.verdicts)})"
    )
    assert repr(verdict(evaluation, "2020.MUST.socialtjanst")) == (
        "Verdict(rule='2020.MUST.socialtjanst', state='not_met')"
    )


def test_an_ambiguous_or_empty_applicant_leaves_the_unit_unknown_without_error(round_2024):
    # "Hägersten/Älvsjö EÅV" names two units; the prose-only projects name none.
    for application_id in ("2024-LUM-12", "2024-LUM-01"):
        assert anslag.evaluate(round_2024, application_id).unit is None
