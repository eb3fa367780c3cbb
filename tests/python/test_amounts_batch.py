"""The batch calls: parse_amounts, format_amounts, sum_amounts, format_amount."""

import subprocess
import sys
import threading
import time

import numpy as np
import pytest

import anslag
from anslag import Krona, format_amount, format_amounts, parse_amounts, sum_amounts
from gil_probe import other_thread_turns

NBSP = "\u00a0"
MINUS = "\u2212"
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
# Enough texts (98 blocks of 512) that parse_amounts parses them on two threads.
PIPELINED = 50_000

TEXTS = ["8 618 500 kr", f"{MINUS}1{NBSP}234,50 kr", "3,5 mnkr", "0,01", "\u20092\u202f000 SEK\t"]
ORE = [861_850_000, -123_450, 350_000_000, 1, 200_000]


@pytest.mark.parametrize("container", [list, tuple, lambda t: np.array(t), lambda t: np.array(t, dtype=object)])
def test_parse_amounts_takes_lists_tuples_and_numpy_arrays(container):
    result = parse_amounts(container(TEXTS))
    assert result.dtype == np.int64
    assert result.tolist() == ORE


def test_parse_amounts_reads_pandas_columns_and_object_arrays_in_place():
    import pandas as pd

    texts = [f"{i} kr" for i in range(PIPELINED)]
    expected = [i * 100 for i in range(PIPELINED)]
    objects = np.array(texts, dtype=object)
    for column in (objects, objects[::-1][::-1], pd.Series(texts), pd.Series(texts, dtype="string"), pd.Index(texts)):
        assert parse_amounts(column).tolist() == expected
    assert parse_amounts(objects[::2]).tolist() == expected[::2]  # not contiguous: copied first
    # A missing value is not an amount, and says so; it is never read as 0.
    with pytest.raises(TypeError, match="element 3 is NAType, not str"):
        parse_amounts(pd.Series(["1 kr", "2 kr", "3 kr", None], dtype="string"))
    objects[PIPELINED - 2] = None
    with pytest.raises(TypeError, match=f"element {PIPELINED - 2} is NoneType, not str"):
        parse_amounts(objects)


def test_parse_amounts_reads_every_storage_width_of_python_str():
    # Latin-1 (U+00A0), UCS-2 (U+2212) and UCS-4 (an emoji forces it; the amount is then refused).
    assert parse_amounts([f"1{NBSP}000", f"{MINUS}5"]).tolist() == [100_000, -500]
    with pytest.raises(anslag.ParseError) as caught:
        parse_amounts(["1 kr", "5 \U0001f4b0"])
    assert caught.value.position == 2


def test_parse_amounts_of_nothing_is_an_empty_int64_array():
    for empty in ([], (), np.array([], dtype=str)):
        result = parse_amounts(empty)
        assert result.dtype == np.int64 and result.shape == (0,)


def test_parse_amounts_crosses_slice_boundaries():
    texts = [f"{i} kr" for i in range(140_000)]  # three slices of 65 536, the last a short one
    assert parse_amounts(texts).tolist() == [i * 100 for i in range(140_000)]


# The bad element sits in the first block, on the edges of a block, in the middle, and last.


@pytest.mark.parametrize("bad_index", [0, 511, 512, 20_000, PIPELINED - 1])
def test_a_bad_element_of_a_long_list_is_named_and_every_reference_is_given_back(bad_index):
    shared = "".join(["12", " kr"])  # one object, many places: its reference count tells
    texts = [shared] * PIPELINED
    references = sys.getrefcount(shared)
    texts[bad_index] = "12 kr kr"
    # A second bad text further on, in another block of 512 texts, which the other thread may
    # well reach first: the first is the one named.
    later = min(bad_index + 700, PIPELINED - 1)
    if later != bad_index:
        texts[later] = "later"
    with pytest.raises(anslag.ParseError) as caught:
        parse_amounts(texts)
    assert (caught.value.index, caught.value.text) == (bad_index, "12 kr kr")
    texts[later] = shared
    texts[bad_index] = None
    with pytest.raises(TypeError, match=f"element {bad_index} is NoneType, not str"):
        parse_amounts(texts)
    texts[bad_index] = shared
    assert parse_amounts(texts).tolist() == [1200] * PIPELINED
    del caught
    assert sys.getrefcount(shared) == references


@pytest.mark.parametrize("bad_index", [65_535, 65_536, 139_999])
def test_a_bad_element_in_a_later_slice_is_named(bad_index):
    texts = [f"{i} kr" for i in range(140_000)]
    texts[bad_index] = "12 kr kr"
    texts[min(bad_index + 1, 139_999)] = 12  # not even a str, right after: the first is named
    texts[bad_index] = "12 kr kr"
    with pytest.raises(anslag.ParseError) as caught:
        parse_amounts(texts)
    assert (caught.value.index, caught.value.text) == (bad_index, "12 kr kr")


def test_on_one_core_a_long_list_is_parsed_and_its_bad_text_named():
    # parse_amounts takes no second thread when the process may use one core only (the choice is
    # made once per process, so the test runs a child process on one core).
    child = """
import os, sys
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import anslag
texts = [f"{i} kr" for i in range(50_000)]
assert anslag.parse_amounts(texts).tolist() == [i * 100 for i in range(50_000)]
texts[30_000] = "30 000 kr kr"
try:
    anslag.parse_amounts(texts)
except anslag.ParseError as e:
    assert (e.index, e.text) == (30_000, "30 000 kr kr"), (e.index, e.text)
    sys.exit(0)
sys.exit(1)
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_parse_amounts_survives_another_thread_changing_the_list():
    # Whatever the other thread does while the GIL is released, parse_amounts either gives the
    # amounts of one consistent moment or says the list changed size; it never reads a freed str.
    texts = [f"{i} kr" for i in range(PIPELINED)]
    stop = threading.Event()

    def change():
        while not stop.is_set():
            texts[len(texts) // 2] = f"{len(texts)} kr"  # frees the str that stood there
            texts.append("1 kr")
            del texts[-1]
            time.sleep(0)

    changer = threading.Thread(target=change)
    changer.start()
    outcomes = set()
    try:
        for _ in range(50):
            try:
                result = parse_amounts(texts)
                assert len(result) == PIPELINED
                outcomes.add("parsed")
            except ValueError as e:
                assert str(e) == "texts changed size during parse_amounts"
                outcomes.add("changed size")
    finally:
        stop.set()
        changer.join()
    assert outcomes


def test_a_bad_element_raises_parse_error_naming_its_index_text_and_position():
    texts = [f"{i} kr" for i in range(5000)]
    texts[4321] = "1.500 kr"
    with pytest.raises(anslag.ParseError) as caught:
        parse_amounts(texts)
    error = caught.value
    assert error.index == 4321
    assert error.text == "1.500 kr"
    assert error.position == 1
    assert error.code == "parse"
    assert str(error) == (
        "element 4321 ('1.500 kr'): a point is not a decimal separator in Swedish amounts "
        "(write 1,5 for one and a half and 1 500 for fifteen hundred) at position 1"
    )


def test_a_bad_cell_of_a_numpy_str_array_names_its_text():
    with pytest.raises(anslag.ParseError) as caught:
        parse_amounts(np.array(["1 kr", "1 23 kr"]))
    assert (caught.value.index, caught.value.text, caught.value.position) == (1, "1 23 kr", 4)
    assert str(caught.value) == "element 1 ('1 23 kr'): a group of digits must have three digits at position 4"


def test_an_element_out_of_range_raises_overflow_error_with_its_index():
    with pytest.raises(anslag.OverflowError) as caught:
        parse_amounts(["0", "92 233 720 368 547 758,08 kr"])
    assert caught.value.index == 1
    assert caught.value.text == "92 233 720 368 547 758,08 kr"
    assert str(caught.value) == (
        "element 1 ('92 233 720 368 547 758,08 kr'): amount out of range "
        "(\u221292\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,08\u00a0kr to 92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0kr)"
    )


def test_parse_amounts_refuses_what_is_not_a_sequence_of_str():
    with pytest.raises(TypeError, match="element 1 is NoneType, not str"):
        parse_amounts(["1", None])
    with pytest.raises(TypeError, match="element 0 is float, not str"):
        parse_amounts(np.array([1.5, "x"], dtype=object))
    with pytest.raises(TypeError, match="not a single str"):
        parse_amounts("1 kr")
    with pytest.raises(TypeError, match="texts must hold str"):
        parse_amounts(np.array([1, 2]))
    with pytest.raises(anslag.InvalidArgumentError, match="texts must be one-dimensional"):
        parse_amounts(np.array([["1"]]))


def test_parse_amounts_lets_other_threads_run():
    # parse_amounts reads str objects with the GIL held (no reference taken, so nothing may change
    # them meanwhile) and offers the GIL between slices of 65 536 texts, as the interpreter does
    # between bytecodes: a thread that has asked for the GIL (after the switch interval, here
    # 0.1 ms) gets it at the next slice. Two million strings make some 30 slices; the other
    # thread notes when it runs, and some of its ticks fall well inside the call.
    texts = [f"{i % 1000} {i % 1000:03d},50 kr" for i in range(2_000_000)]
    with other_thread_turns(0.0001) as ticks:
        start = time.perf_counter()
        parse_amounts(texts)
        end = time.perf_counter()
    margin = (end - start) / 10
    assert any(start + margin < t < end - margin for t in ticks), (end - start, len(ticks))


def test_format_amounts_gives_the_canonical_form_by_default():
    result = format_amounts(np.array(ORE + [INT64_MIN, INT64_MAX]))
    assert result.dtype.kind == "U"
    assert result.tolist() == [
        f"8{NBSP}618{NBSP}500{NBSP}kr",
        f"{MINUS}1{NBSP}234,50{NBSP}kr",
        f"3{NBSP}500{NBSP}000{NBSP}kr",
        f"0,01{NBSP}kr",
        f"2{NBSP}000{NBSP}kr",
        f"{MINUS}92{NBSP}233{NBSP}720{NBSP}368{NBSP}547{NBSP}758,08{NBSP}kr",
        f"92{NBSP}233{NBSP}720{NBSP}368{NBSP}547{NBSP}758,07{NBSP}kr",
    ]


def test_format_amounts_options():
    ore = [-123_450, 500]
    assert format_amounts(ore, separator=" ", minus="-").tolist() == [f"-1 234,50{NBSP}kr", f"5{NBSP}kr"]
    assert format_amounts(ore, separator="", unit="").tolist() == [f"{MINUS}1234,50", "5"]
    assert format_amounts(ore, unit="SEK", decimals="always").tolist() == [
        f"{MINUS}1{NBSP}234,50{NBSP}SEK", f"5,00{NBSP}SEK"]
    assert format_amounts([500, 100_000], decimals="never").tolist() == [f"5{NBSP}kr", f"1{NBSP}000{NBSP}kr"]


def test_format_amounts_keeps_the_shape_and_accepts_other_integer_types():
    result = format_amounts(np.array([[1, 2], [3, 4]], dtype=np.int16), unit="")
    assert result.shape == (2, 2)
    assert result.tolist() == [["0,01", "0,02"], ["0,03", "0,04"]]
    assert format_amounts([]).shape == (0,)


def test_format_amounts_errors_name_the_element():
    with pytest.raises(anslag.InvalidArgumentError) as caught:
        format_amounts([100, 150], decimals="never")
    assert caught.value.index == 1
    assert str(caught.value) == "element 1 (150 öre): amount has öre but the format has no decimals"
    with pytest.raises(anslag.InvalidArgumentError, match=r"unknown decimals 'some' \(auto, always, never\)"):
        format_amounts([1], decimals="some")


@pytest.mark.parametrize("options", [
    {},
    {"separator": " ", "minus": "-"},
    {"separator": "\u202f", "unit": "SEK", "decimals": "always"},
    {"separator": "", "unit": ""},
])
def test_parse_of_format_gives_back_the_amounts_at_the_ends_of_the_range(options):
    ore = np.array([INT64_MIN, INT64_MIN + 1, -1, 0, 1, 99, INT64_MAX - 1, INT64_MAX], dtype=np.int64)
    assert (parse_amounts(format_amounts(ore, **options)) == ore).all()


def test_sum_amounts_is_exact_and_checked():
    assert sum_amounts(np.array(ORE)) == Krona.from_ore(sum(ORE))
    assert sum_amounts([]) == Krona(0)
    assert sum_amounts(np.array([INT64_MAX, 1, -1])) == Krona.from_ore(INT64_MAX)  # order does not matter
    assert sum_amounts(np.array([[1, 2], [3, 4]], dtype=np.uint8)) == Krona.from_ore(10)
    with pytest.raises(anslag.OverflowError, match="amount out of range in sum"):
        sum_amounts(np.array([INT64_MAX, 1]))
    with pytest.raises(anslag.OverflowError, match="amount out of range in sum"):
        sum_amounts(np.array([INT64_MIN, -1]))


def test_sum_amounts_refuses_floats_and_booleans_and_names_bad_objects():
    with pytest.raises(TypeError, match="öre must be integers, not float64: money never passes through a float"):
        sum_amounts(np.array([1.0, 2.0]))
    with pytest.raises(TypeError, match="öre must be integers, not bool"):
        sum_amounts(np.array([True]))
    with pytest.raises(TypeError, match="element 1: öre must be an int, not bool"):
        sum_amounts([1, True, 2**70])
    with pytest.raises(anslag.OverflowError) as caught:
        sum_amounts([1, 2**70])
    assert caught.value.index == 1
    with pytest.raises(anslag.OverflowError, match="öre out of range"):
        sum_amounts(np.array([2**63], dtype=np.uint64))


def test_format_amount_formats_one_amount_with_the_same_options():
    assert format_amount(Krona("-1 234,5")) == f"{MINUS}1{NBSP}234,50{NBSP}kr"
    assert format_amount("1 234 kr", separator=" ", unit="SEK", decimals="always") == "1 234,00\u00a0SEK"
    assert format_amount(Krona.from_ore(INT64_MIN), minus="-", separator="") == f"-92233720368547758,08{NBSP}kr"
    with pytest.raises(anslag.InvalidArgumentError, match="amount has öre but the format has no decimals"):
        format_amount(Krona("0,50"), decimals="never")
    with pytest.raises(TypeError):
        format_amount(1.5)
