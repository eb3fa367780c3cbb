"""`anslag amount`: the command line over the amount grammar (the program named by $ANSLAG_CLI)."""

import os
import subprocess

import pytest

CLI = os.environ.get("ANSLAG_CLI")
pytestmark = pytest.mark.skipif(not CLI, reason="ANSLAG_CLI names the anslag program to test")
NBSP = "\u00a0"
MINUS = "\u2212"


def run(*args, stdin=""):
    return subprocess.run([CLI, "amount", *args], input=stdin, capture_output=True, text=True, encoding="utf-8")


def test_each_amount_prints_its_ore_and_canonical_form():
    result = run("8 618 500 kr", "-1234,5", "3,5 mnkr")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"861850000\t8{NBSP}618{NBSP}500{NBSP}kr",
        f"-123450\t{MINUS}1{NBSP}234,50{NBSP}kr",
        f"350000000\t3{NBSP}500{NBSP}000{NBSP}kr",
    ]


def test_a_bad_amount_exits_2_and_says_why_while_the_good_ones_print():
    result = run("5 kr", "1.5", "7")
    assert result.returncode == 2
    assert result.stdout.splitlines() == [f"500\t5{NBSP}kr", f"700\t7{NBSP}kr"]
    assert result.stderr == (
        'anslag amount: "1.5": a point is not a decimal separator in Swedish amounts '
        "(write 1,5 for one and a half and 1 500 for fifteen hundred) at position 1\n"
    )


def test_sum_reads_lines_and_skips_blank_ones():
    result = run("--sum", stdin="1 000 kr\n\n  \n2,50\r\n-0,50 kr\n")
    assert result.returncode == 0
    assert result.stdout == f"100200\t1{NBSP}002{NBSP}kr\n"


def test_sum_of_nothing_is_zero():
    result = run("--sum", stdin="")
    assert (result.returncode, result.stdout) == (0, f"0\t0{NBSP}kr\n")


def test_sum_reports_the_line_number_of_a_bad_amount():
    result = run("--sum", stdin="1 kr\n2 kr\n\n3 kronor kr\n4 kr\n")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "anslag amount: line 4: unexpected text after the unit at position 9\n"


def test_sum_reports_the_line_where_the_total_leaves_the_range():
    result = run("--sum", stdin="92 233 720 368 547 758 kr\n1 kr\n")
    assert result.returncode == 2
    assert result.stderr == (
        "anslag amount: line 2: amount out of range in addition of "
        "92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758\u00a0kr and 1\u00a0kr\n"
    )


def test_nothing_to_do_is_bad_input():
    result = run()
    assert result.returncode == 2
    assert "give one or more amounts, or --sum" in result.stderr


def test_sum_with_amounts_as_arguments_is_a_usage_error():
    assert run("--sum", "5 kr").returncode == 2
