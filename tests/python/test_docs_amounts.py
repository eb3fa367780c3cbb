"""Every row of the tables marked `<!-- checked: NAME -->` in docs/amounts.md, against anslag."""

import json
import pathlib

import pytest

import anslag
from anslag import Krona

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "amounts.md"


def table(name):
    """The rows of the checked table `name`: lists of cells, code spans unwrapped."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"<!-- checked: {name} -->")
    rows = []
    for line in lines[start + 3:]:  # the marker, the header, the rule
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        rows.append([cell[1:-1] if cell.startswith("`") and cell.endswith("`") else cell for cell in cells])
    assert rows, f"table {name} has no rows"
    return rows


def row_ids(rows):
    return [row[0] for row in rows]


ACCEPTED = table("accepted")
REFUSED = table("refused")
FORMATTED = table("formatted")
ROUNDING = table("rounding")
ALLOCATION = table("allocation")


@pytest.mark.parametrize("text, ore", ACCEPTED, ids=row_ids(ACCEPTED))
def test_accepted_rows_parse_to_their_ore(text, ore):
    assert Krona.parse(json.loads(text)).ore == int(ore)


@pytest.mark.parametrize("text, error, position", REFUSED, ids=row_ids(REFUSED))
def test_refused_rows_raise_their_message_at_their_position(text, error, position):
    if position == "—":
        with pytest.raises(anslag.OverflowError) as caught:
            Krona.parse(json.loads(text))
        assert str(caught.value) == error
        return
    with pytest.raises(anslag.ParseError) as caught:
        Krona.parse(json.loads(text))
    assert str(caught.value) == f"{error} at position {position}"
    assert caught.value.position == int(position)


@pytest.mark.parametrize("ore, options, text", FORMATTED, ids=row_ids(FORMATTED))
def test_formatted_rows_format_and_parse_back(ore, options, text):
    amount = Krona.from_ore(int(ore))
    expected = json.loads(text)
    assert anslag.format_amount(amount, **json.loads(options)) == expected
    assert anslag.format_amounts([int(ore)], **json.loads(options)).tolist() == [expected]
    assert Krona.parse(expected) == amount


MODES = ["half_even", "half_up", "down", "up", "floor", "ceiling"]


@pytest.mark.parametrize("row", ROUNDING, ids=[f"{r[0]} to {r[1]}" for r in ROUNDING])
def test_rounding_rows_in_every_mode(row):
    amount, unit, *results = row
    assert len(results) == len(MODES)
    for mode, result in zip(MODES, results):
        assert Krona(json.loads(amount)).round(Krona(json.loads(unit)), mode) == Krona(result), mode


@pytest.mark.parametrize("total, weights, unit, parts", ALLOCATION, ids=[f"{r[0]} by {r[1]}" for r in ALLOCATION])
def test_allocation_rows(total, weights, unit, parts):
    result = anslag.allocate_amount(Krona(json.loads(total)), [int(w) for w in weights.split(":")],
                                    unit=Krona(json.loads(unit)))
    assert result == [Krona(part) for part in parts.split(" / ")]


def test_the_alabama_paradox_rows_show_a_part_that_shrinks_as_the_total_grows():
    by_total = {row[0]: row for row in ALLOCATION if row[1] == "3:3:1"}
    smaller = [Krona(p) for p in by_total['"3 000 kr"'][3].split(" / ")]
    larger = [Krona(p) for p in by_total['"4 000 kr"'][3].split(" / ")]
    assert larger[2] < smaller[2]
