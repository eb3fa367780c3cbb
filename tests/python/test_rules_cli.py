"""`anslag rules` and `anslag evaluate`: output forms, and bad input exits 2 with a message."""

import json
import os
import subprocess

import anslag

CLI = os.environ["ANSLAG_CLI"]


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, encoding="utf-8")


def test_rules_json_lists_every_rule_of_the_round():
    result = run("rules", "2024", "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    round_2024 = anslag.load_round(2024)
    assert listed["year"] == 2024
    assert [r["id"] for r in listed["rules"]] == [r.id for r in round_2024.rules]
    (cap,) = [r for r in listed["rules"] if r["id"] == "2024.MUL.hogsta-belopp"]
    assert cap["parameters"] == {"amount": "25\u00a0000\u00a0kr"}
    assert cap["quote"] == "Det högsta beloppet att söka är 25 000 kronor."


def test_rules_text_shows_quotes_and_sources():
    result = run("rules", "2020")
    assert result.returncode == 0, result.stderr
    assert "2020.MUST.en-omgang-per-resmal  one_grant_per_destination  funds: MUST" in result.stdout
    assert "source: 004_2b1165072d843997.txt, line " in result.stdout


def test_evaluate_json_is_the_python_evaluation():
    result = run("evaluate", "2020", "2020-MUST-09", "--format", "json")
    assert result.returncode == 0, result.stderr
    expected = anslag.evaluate(anslag.load_round(2020), "2020-MUST-09").to_dict()
    assert json.loads(result.stdout) == expected


def test_evaluate_text_states_the_result_and_each_verdict():
    result = run("evaluate", "2020", "2020-MUST-09")
    assert result.returncode == 0, result.stderr
    assert "result: not_met" in result.stdout
    assert "not_met  2020.MUST.socialtjanst (exclusion)" in result.stdout


def test_evaluate_markdown_has_a_section_per_verdict():
    result = run("evaluate", "2024", "2024-LUM-01", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## 2024-LUM-01: not_met\n")
    assert "\n### `2024.LUM.huvudkriterium-nytt`: not_met\n" in result.stdout


def test_an_unknown_application_id_exits_2_and_shows_how_ids_look():
    result = run("evaluate", "2020", "2020-LUM-99")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        'anslag evaluate: no application "2020-LUM-99" in the round; '
        "ids look like 2020-LUM-01, 2020-MUST-01\n"
    )


def test_a_year_without_a_bundled_round_exits_2():
    result = run("rules", "1999")
    assert result.returncode == 2
    assert result.stderr == "anslag rules: no bundled round for 1999\n"


def test_a_round_file_that_does_not_load_exits_2_naming_the_position():
    path = os.path.join(os.path.dirname(__file__), "..", "data", "bad-rounds", "amount-with-point.toml")
    for command in (["rules", path], ["evaluate", path, "2020-LUM-01"]):
        result = run(*command)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.startswith(f"anslag {command[0]}: {path}:36:1: bad amount for 'requested'")
