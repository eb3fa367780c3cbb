"""What a hurried user types: a year as text or as a numpy integer, a Timestamp for a day, a year
for a round, None for a name, an official name of a district. The obvious meaning, or a short
anslag or TypeError message, never a binding's signature dump."""

import numpy as np
import pandas as pd
import pytest

import anslag
from anslag.units import with_aliases


def test_a_year_as_text_or_numpy_integer_is_the_bundled_round():
    assert anslag.load_round("2024") == anslag.load_round(2024) == anslag.load_round(np.int64(2024))
    with pytest.raises(anslag.NotFoundError, match="no bundled round for 1999"):
        anslag.load_round("1999")
    with pytest.raises(TypeError, match="expected a year \\(int\\) or a path, not float"):
        anslag.load_round(2024.0)  # type: ignore[arg-type]


def test_a_year_for_a_round_in_audit_says_what_to_write():
    with pytest.raises(TypeError, match=r"audit takes a round, not int: audit\(anslag.load_round\(2024\)\)"):
        anslag.audit(2024)  # type: ignore[arg-type]


def test_none_for_a_unit_name_is_a_short_type_error():
    with pytest.raises(TypeError, match="resolve_unit takes a unit's name as a document writes it"):
        anslag.resolve_unit(None)  # type: ignore[arg-type]


def test_a_timestamp_at_midnight_is_a_day():
    assert len(anslag.units_on(pd.Timestamp("2020-01-01"))) == len(anslag.units_on("2020-01-01"))


@pytest.mark.parametrize("name, unit", [
    ("Södermalms stadsdelsförvaltning", "sodermalm"), ("Skarpnäcks sdf", "skarpnack"),
    ("Järvaförvaltningen", "jarva"), ("Kungsholmens stadsdelsförvaltning", "kungsholmen"),
    ("Farsta stadsdelsförvaltning", "farsta"), ("Rinkeby", "rinkeby-kista"), ("Liljeholmen", "hagersten-liljeholmen"),
])
def test_official_names_and_former_districts_resolve(name, unit):
    assert anslag.resolve_unit(name).id == unit


def test_aliases_of_ones_own_beside_the_bundled_registry(tmp_path):
    own = tmp_path / "mina-enheter.toml"
    own.write_text('[aliases]\n"Söder" = "sodermalm"\n', encoding="utf-8")
    registry = with_aliases(anslag.unit_registry(), own)
    assert registry.resolve("Söder").id == "sodermalm"
    with pytest.raises(anslag.UnknownUnitError):
        anslag.unit_registry().resolve("Söder")  # the package's registry is untouched
    own.write_text('[aliases]\n"Söder" = "soder"\n', encoding="utf-8")
    with pytest.raises(anslag.RoundFileError) as caught:
        with_aliases(anslag.unit_registry(), own)
    assert str(caught.value) == f'{own}:2:11: alias "Söder" names no unit ("soder")'
    for text, message in [
        ('[aliases]\n"Söder" = 5\n', """2:11: alias "Söder" must name a unit's id, as a string"""),
        ('[aliases]\n"Hägersten/Älvsjö EÅV" = "sodermalm"\n',
         '2:26: alias "Hägersten/Älvsjö EÅV" is already a spelling of more than one unit'),
        ('[aliases]\n"Farsta" = "sodermalm"\n', '2:12: alias "Farsta" is already a spelling of unit "farsta"'),
        ('[aliases]\n"Söder X" = "sodermalm"\n"söder x" = "farsta"\n',
         '3:13: units "sodermalm" and "farsta" share the spelling "söder x"'),
    ]:
        own.write_text(text, encoding="utf-8")
        with pytest.raises(anslag.RoundFileError) as caught:
            with_aliases(anslag.unit_registry(), own)
        assert str(caught.value) == f"{own}:{message}"
