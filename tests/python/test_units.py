"""The unit registry from Python (anslag.resolve_unit, units_on, Unit, UnitRegistry) and from
the command line (`anslag units`, the program named by $ANSLAG_CLI)."""

import datetime
import json
import os
import pickle
import subprocess
from pathlib import Path

import pytest

import anslag

D = datetime.date
BAD_UNITS = Path(__file__).resolve().parents[1] / "data" / "bad-units"


def run_cli(*args):
    return subprocess.run(
        [os.environ["ANSLAG_CLI"], "units", *args], capture_output=True, text=True, check=False
    )


def test_resolve_unit_normalises_slashes_case_and_spaces():
    assert anslag.resolve_unit("Hässelby/Vällingby").id == "hasselby-vallingby"
    assert anslag.resolve_unit("hägersten- liljeholmen").name == "Hägersten-Liljeholmen"
    assert anslag.resolve_unit("ENSKEDE/ÅRSTA/VANTÖR").id == "enskede-arsta-vantor"
    assert anslag.resolve_unit("EÅV").id == "enskede-arsta-vantor"


def test_a_department_resolves_with_its_forvaltning_and_counts_as_it():
    unit = anslag.resolve_unit("Socialförvaltning en, socialjouren")
    assert (unit.id, unit.kind, unit.parent) == ("socialjouren", "department", "socialforvaltningen")
    assert anslag.unit_registry().forvaltning(unit).name == "Socialförvaltningen"


def test_unit_fields_are_plain_python_values():
    unit = anslag.resolve_unit("Älvsjö")
    assert unit.kind == "district"
    assert unit.valid_from == D(2007, 1, 1)
    assert unit.valid_until == D(2020, 6, 30)
    assert unit.successor == "hagersten-alvsjo"
    assert unit.parent is None
    assert unit.aliases == ["Älvsjö stadsdelsförvaltning", "Älvsjö sdf", "Älvsjö stadsdelsnämnd"]
    assert "battrestadsdel.se" in unit.source
    social = anslag.resolve_unit("Socialförvaltningen")
    assert (social.valid_from, social.valid_until) == (None, None)
    assert social.aliases == ["Socialförvaltning en"]
    assert repr(unit) == "<Unit Älvsjö (alvsjo, district, 2007-01-01..2020-06-30)>"
    assert repr(social) == "<Unit Socialförvaltningen (socialforvaltningen, administration)>"


@pytest.mark.parametrize(
    "old, new, day",
    [
        ("Hägersten-Liljeholmen", "Hägersten-Älvsjö", D(2020, 7, 1)),
        ("Älvsjö", "Hägersten-Älvsjö", D(2020, 7, 1)),
        ("Rinkeby-Kista", "Järva", D(2023, 7, 1)),
        ("Spånga-Tensta", "Järva", D(2023, 7, 1)),
        ("Norrmalm", "Norra innerstaden", D(2023, 7, 1)),
        ("Östermalm", "Norra innerstaden", D(2023, 7, 1)),
    ],
)
def test_each_merger_the_day_before_and_the_day_of(old, new, day):
    registry = anslag.unit_registry()
    before = day - datetime.timedelta(days=1)
    unit, successor = registry.resolve(old), registry.resolve(new)
    assert unit.valid_on(before) and not unit.valid_on(day)
    assert successor.valid_on(day) and not successor.valid_on(before)
    assert registry.successor_on(unit, before) == unit
    assert registry.successor_on(unit, day) == successor
    assert registry.successor_on(successor, before) is None


def test_units_on_counts_the_districts_across_the_mergers():
    def districts(day):
        return sum(unit.kind == "district" for unit in anslag.units_on(day))

    assert districts(D(2020, 6, 30)) == 14
    assert len(anslag.units_on(D(2020, 6, 30))) == 18
    assert districts(D(2020, 7, 1)) == 13
    assert districts("2023-06-30") == 13
    assert districts(D(2023, 7, 1)) == 11


def test_a_misspelling_raises_unknown_unit_error_with_suggestions():
    with pytest.raises(anslag.UnknownUnitError) as caught:
        anslag.resolve_unit("Normmalm")
    assert str(caught.value) == 'unknown unit "Normmalm" (did you mean Norrmalm?)'
    assert caught.value.suggestions == ["Norrmalm"]
    assert isinstance(caught.value, anslag.Error)


def test_a_name_of_two_forvaltningar_raises_ambiguous_unit_error():
    with pytest.raises(anslag.AmbiguousUnitError) as caught:
        anslag.resolve_unit("Hägersten/Älvsjö EÅV")
    assert str(caught.value) == (
        'ambiguous unit "Hägersten/Älvsjö EÅV": Hägersten-Älvsjö, Enskede-Årsta-Vantör'
    )
    assert caught.value.candidates == ["Hägersten-Älvsjö", "Enskede-Årsta-Vantör"]


def test_a_merged_unit_resolves_and_says_it_was_not_valid_and_who_carried_on():
    unit = anslag.resolve_unit("Norrmalm")
    assert unit.id == "norrmalm"
    assert not unit.valid_on(D(2024, 1, 1))
    assert anslag.unit_registry().successor_on(unit, D(2024, 1, 1)).name == "Norra innerstaden"
    with pytest.raises(TypeError, match="datetime.date, not a datetime.datetime"):
        unit.valid_on(datetime.datetime(2024, 1, 1))
    with pytest.raises(anslag.ParseError):
        unit.valid_on("2024-1-1")


def test_the_bundled_registry_is_read_once():
    assert anslag.unit_registry() is anslag.unit_registry()


def test_units_compare_hash_and_pickle_by_value():
    unit = anslag.resolve_unit("Järva")
    again = pickle.loads(pickle.dumps(unit))
    assert again == unit and hash(again) == hash(unit)
    assert unit != anslag.resolve_unit("Farsta")
    assert unit != "jarva"
    assert {unit, again} == {unit}


def test_a_registry_built_in_python_is_checked():
    a = anslag.Unit("a", "A", "district", valid_until=D(2020, 6, 30), successor="b")
    b = anslag.Unit("b", "B", "district", valid_from="2020-07-01")
    registry = anslag.UnitRegistry([a, b])
    assert registry.successor_on(a, D(2021, 1, 1)) == b
    assert registry.find("c") is None
    with pytest.raises(anslag.InvalidArgumentError, match='^duplicate unit id "b"$'):
        anslag.UnitRegistry([b, b])
    with pytest.raises(anslag.InvalidArgumentError, match="^unknown kind"):
        anslag.Unit("c", "C", "stadsdel")


@pytest.mark.parametrize("path", sorted(BAD_UNITS.glob("*.toml")), ids=lambda p: p.name)
def test_each_malformed_registry_raises_its_positioned_error(path):
    expected = path.read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("# error: ")
    line, column, detail = expected.split(":", 2)
    with pytest.raises(anslag.RoundFileError) as caught:
        anslag.load_units(path)
    error = caught.value
    assert (error.file, error.line, error.column) == (str(path), int(line), int(column))
    assert error.detail == detail.lstrip()


def test_cli_resolve_prints_the_unit_and_its_fate_on_a_day():
    result = run_cli("resolve", "Hägersten- Liljeholmen", "--on", "2024-01-01")
    assert result.returncode == 0
    assert "förvaltning    Hägersten-Liljeholmen\n" in result.stdout
    assert "valid          2007-01-01 – 2020-06-30\n" in result.stdout
    assert "on 2024-01-01  not valid; carried on by Hägersten-Älvsjö\n" in result.stdout


def test_cli_resolve_as_json():
    result = run_cli("resolve", "Socialförvaltningen, Enheten för hemlösa", "--on", "2024-01-01",
                     "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["id"] == "enheten-for-hemlosa"
    assert data["forvaltning"] == "Socialförvaltningen"
    assert data["valid_from"] is None
    assert data["on"] == {"date": "2024-01-01", "valid": True, "successor_on": "Enheten för hemlösa"}


def test_cli_unknown_unit_exits_2_with_suggestions():
    result = run_cli("resolve", "Normmalm", "--format", "json")
    assert result.returncode == 2
    assert result.stderr == 'anslag units: unknown unit "Normmalm" (did you mean Norrmalm?)\n'
    assert json.loads(result.stdout)["suggestions"] == ["Norrmalm"]


def test_cli_ambiguous_unit_exits_2_with_candidates():
    result = run_cli("resolve", "Hägersten/Älvsjö EÅV", "--format", "json")
    assert result.returncode == 2
    assert "Hägersten-Älvsjö, Enskede-Årsta-Vantör" in result.stderr
    assert json.loads(result.stdout)["candidates"] == ["Hägersten-Älvsjö", "Enskede-Årsta-Vantör"]
    assert run_cli("resolve", "Hägersten/Älvsjö EÅV").stdout == ""


def test_cli_bad_day_exits_2():
    result = run_cli("resolve", "Farsta", "--on", "2023-7-1")
    assert result.returncode == 2
    assert "--on" in result.stderr


def test_cli_list_on_a_day_lists_the_units_of_that_day():
    result = run_cli("list", "--on", "2023-07-01", "--format", "json")
    assert result.returncode == 0
    names = [unit["name"] for unit in json.loads(result.stdout)]
    assert names == [unit.name for unit in anslag.units_on(D(2023, 7, 1))]
    assert "Norrmalm" not in names and "Norra innerstaden" in names
    markdown = run_cli("list", "--format", "markdown").stdout.splitlines()
    assert markdown[0] == "| name | id | kind | förvaltning | valid | successor |"
    assert len(markdown) == 2 + len(anslag.unit_registry())
