"""`anslag allocate`: the command line over anslag.allocate_budget (the program is $ANSLAG_CLI)."""

import json
import os
import subprocess

import pytest

NBSP = "\u00a0"


def anslag(*args, stdin=""):
    return subprocess.run(
        [os.environ["ANSLAG_CLI"], "allocate", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def kr(text):
    return text.replace(" ", NBSP)


def test_text_output_lists_each_request_with_its_grant_reason_and_the_totals(tmp_path):
    requests = tmp_path / "requests.txt"
    requests.write_text("450 kr\n\n450 kr\n300\n", encoding="utf-8")
    result = anslag("--budget", "1000", "--unit", "100", "--strategy", "pro_rata", str(requests))
    assert result.returncode == 0, result.stderr
    # Amounts are canonical: U+00A0 between digit groups and before "kr".
    assert kr("1 200 kr") in result.stdout
    assert result.stdout.replace(NBSP, " ").splitlines() == [
        "strategy pro_rata, budget 1 000 kr, unit 100 kr, cap none",
        " line   request     grant  reason",
        "    1    450 kr    400 kr  budget_exhausted",
        "    3    450 kr    400 kr  budget_exhausted",
        "    4    300 kr    200 kr  budget_exhausted",
        "total  1 200 kr  1 000 kr  unspent 0 kr",
    ]


def test_json_gives_amounts_as_swedish_text_and_integer_ore_never_floats():
    result = anslag(
        "--budget", "1 000 kr", "--cap", "400", "--strategy", "equal_cap", "--format", "json", "-",
        stdin="450\n450\n300\n",
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout, parse_float=lambda text: pytest.fail("float " + text))
    assert out["strategy"] == "equal_cap"
    assert out["budget"] == {"text": kr("1 000 kr"), "ore": 100_000}
    assert out["cap"] == {"text": "400" + NBSP + "kr", "ore": 40_000}
    assert [(g["line"], g["grant"]["ore"], g["reason"]) for g in out["grants"]] == [
        (1, 35_000, "budget_exhausted"),
        (2, 35_000, "budget_exhausted"),
        (3, 30_000, "full_request"),
    ]
    assert out["totals"]["requested"] == {"text": kr("1 200 kr"), "ore": 120_000}
    assert out["totals"]["unspent"] == {"text": "0" + NBSP + "kr", "ore": 0}


def test_a_csv_column_is_read_with_quotes_and_a_chosen_delimiter():
    csv = 'id;belopp\n1;"1 234,50 kr"\n2;300\n'
    result = anslag(
        "--budget", "1000", "--strategy", "ranked", "--column", "belopp", "--delimiter", ";",
        "--format", "json", "-", stdin=csv,
    )
    assert result.returncode == 0, result.stderr
    grants = json.loads(result.stdout)["grants"]
    assert [(g["line"], g["request"]["ore"], g["grant"]["ore"]) for g in grants] == [
        (2, 123_450, 100_000),
        (3, 30_000, 0),
    ]


def test_markdown_output_is_a_table_with_a_bold_total_row():
    result = anslag("--budget", "10", "--strategy", "ranked", "--format", "markdown", "-",
                    stdin="4\n3\n5\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2] == "| line | request | grant | reason |"
    assert lines[5] == "| 2 | 3" + NBSP + "kr | 3" + NBSP + "kr | full_request |"
    assert lines[-1].startswith("| **total** | **12" + NBSP + "kr** | **10" + NBSP + "kr** |")


def test_a_bad_amount_names_its_line_and_the_parser_message_and_exits_2():
    result = anslag("--budget", "1000", "--strategy", "ranked", "-", stdin="100\n\nabc\n")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "anslag allocate: <stdin>:3: expected a digit at position 0\n"


def test_a_missing_csv_column_or_field_exits_2_with_its_place():
    missing = anslag("--budget", "1", "--strategy", "ranked", "--column", "x", "-", stdin="a,b\n1,2\n")
    assert missing.returncode == 2
    assert missing.stderr == "anslag allocate: <stdin>:1: no column 'x' in the header\n"
    short = anslag("--budget", "1", "--strategy", "ranked", "--column", "b", "-", stdin="a,b\n1\n")
    assert short.returncode == 2
    assert short.stderr == "anslag allocate: <stdin>:2: no field for column 'b'\n"


def test_a_bad_budget_option_or_strategy_exits_2():
    bad = anslag("--budget", "1.5", "--strategy", "ranked", "-", stdin="1\n")
    assert bad.returncode == 2
    assert bad.stderr.startswith("anslag allocate: --budget: ")
    negative = anslag("--budget", "-5", "--strategy", "ranked", "-", stdin="1\n")
    assert negative.returncode == 2
    assert negative.stderr == "anslag allocate: allocation budget is negative\n"
    assert anslag("--budget", "5", "--strategy", "greedy", "-", stdin="1\n").returncode == 2


def propose(*args):
    return subprocess.run(
        [os.environ["ANSLAG_CLI"], "propose", *args], capture_output=True, text=True, check=False
    )


def test_propose_sets_the_2020_lum_proposal_beside_the_decision():
    result = propose("2020", "LUM", "--strategy", "pro_rata", "--unit", "50 000", "--granted-only",
                     "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout, parse_float=lambda text: pytest.fail("float " + text))
    assert (out["year"], out["fund"], out["limit"], out["cap"]) == (2020, "LUM", 2, None)
    first = out["applications"][1]
    assert (first["application"], first["forvaltning"]) == ("2020-LUM-04", "hagersten-liljeholmen")
    assert (first["recorded"]["ore"], first["proposed"]["ore"], first["difference"]["ore"]) == (
        50_000_000, 90_000_000, 40_000_000,
    )
    assert out["totals"]["proposed"]["ore"] == out["totals"]["recorded"]["ore"] == 350_000_000


def test_propose_without_printed_requests_says_unknown_and_why():
    result = propose("2024", "MUL", "--strategy", "pro_rata")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.replace(NBSP, " ").splitlines()
    assert lines[-3] == "2024-MUL-08    unknown   25 000 kr   unknown     unknown  no request"
    assert lines[-1] == "totals leave out 0 unknown recorded and 8 unknown proposed grants"


def test_propose_refuses_a_round_that_is_not_bundled_with_exit_2():
    result = propose("2021", "LUM", "--strategy", "ranked")
    assert result.returncode == 2
    assert result.stderr == "anslag propose: no bundled round for 2021\n"
