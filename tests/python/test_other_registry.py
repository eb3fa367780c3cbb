"""A second organisation's rounds: Göteborg's registry (data/registries/goteborg.toml) passed as
``units=`` in Python and ``--units`` on the command line to every function and subcommand that
resolves names, on the test round tests/data/goteborg/2021.toml (docs/units.md, "A second
organisation: Göteborg"). Its planted finding, a district that had ceased before the decision,
only that registry's dates can find."""

import json
import os
import subprocess
from pathlib import Path

import pytest

import anslag
import anslag.dask
from anslag.units import registry_of

CLI = os.environ["ANSLAG_CLI"]
ROOT = Path(__file__).resolve().parents[2]
GOTEBORG = ROOT / "data" / "registries" / "goteborg.toml"
FOLDER = ROOT / "tests" / "data" / "goteborg"
ROUND = FOLDER / "2021.toml"
DOCUMENT = FOLDER / "2021_msu.txt"
STALE = "2021-MSU-06"  # Askim-Frölunda-Högsbo, ceased 2020-12-31, in a decision of 2021-03-10


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, encoding="utf-8")


def codes(report):
    return [f.code for f in report.findings]


@pytest.fixture(scope="module")
def goteborg():
    return anslag.load_units(GOTEBORG)


@pytest.fixture(scope="module")
def round_2021():
    return anslag.load_round(ROUND)


def test_units_takes_a_registry_a_path_or_none(goteborg):
    assert registry_of(goteborg) is goteborg
    assert [u.id for u in registry_of(GOTEBORG).units] == [u.id for u in goteborg.units]
    assert [u.id for u in registry_of(str(GOTEBORG)).units] == [u.id for u in goteborg.units]
    assert registry_of(None) is anslag.unit_registry()
    with pytest.raises(TypeError, match="units= takes a UnitRegistry, the path of a registry file or None, not int"):
        registry_of(3)


def test_a_registry_file_that_does_not_load_names_its_position(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('format = 1\n\n[[unit]]\nid = "a"\nname = "A"\nkind = "district"\nvalid_to = 2020-06-30\n'
                   'source = "x"\n', encoding="utf-8")
    with pytest.raises(anslag.RoundFileError, match=r'mine\.toml:7:1: unknown key "valid_to" in \[\[unit\]\]'):
        anslag.audit(anslag.load_round(ROUND), units=bad)
    with pytest.raises(anslag.RoundFileError, match="nowhere.toml:0:0: cannot read the file"):
        anslag.resolve_unit("Nordost", units=tmp_path / "nowhere.toml")


def test_kind_words_come_from_the_registry(goteborg, tmp_path):
    district = goteborg.kinds["district"]
    assert (district.singular, district.plural, district.english) == (
        "stadsområdesförvaltning", "stadsområdesförvaltningar", "area administrations")
    assert anslag.unit_registry().kinds["district"].plural == "stadsdelsförvaltningar"
    assert goteborg.kinds["department"] == anslag.UnitKindWords("avdelning", "avdelningar", "departments")
    aliases = tmp_path / "mina.toml"
    aliases.write_text('[aliases]\n"SO Nordost" = "nordost"\n', encoding="utf-8")
    mine = anslag.units.with_aliases(goteborg, aliases)
    assert mine.kinds == goteborg.kinds  # kept with the spellings added
    assert mine.resolve("SO Nordost").id == "nordost"


def test_a_registry_built_in_python_takes_kind_words():
    words = anslag.UnitKindWords("stadsområdesförvaltning", "stadsområdesförvaltningar", "area administrations")
    registry = anslag.UnitRegistry([anslag.Unit("nordost", "Nordost", "district")], {"district": words})
    assert registry.kinds["district"] == words
    assert registry.kinds["administration"].plural == "fackförvaltningar"  # the generic words
    with pytest.raises(anslag.InvalidArgumentError,
                       match='unknown kind "area" \\(district, administration, department\\)'):
        anslag.UnitRegistry([], {"area": words})


def test_resolve_and_units_on_with_goteborg(goteborg):
    assert anslag.resolve_unit("Stadsområdesnämnd Sydväst", units=GOTEBORG).id == "sydvast"
    assert [u.name for u in anslag.units_on("2021-01-01", units=goteborg)] == [
        "Nordost", "Stadsområde Centrum", "Sydväst", "Hisingen"]
    assert len(anslag.units_on("2020-12-31", units=goteborg)) == 10
    with pytest.raises(anslag.UnknownUnitError):
        anslag.resolve_unit("Centrum", units=goteborg)


def test_audit_finds_the_planted_unit_only_with_goteborgs_dates(round_2021, goteborg):
    report = anslag.audit(round_2021, units=goteborg)
    (stale,) = [f for f in report.findings if f.code == "UNIT_NOT_VALID_ON_DATE"]
    assert stale.rows == [STALE]
    assert "Askim-Frölunda-Högsbo" in stale.message_en and "Sydväst" in stale.message_en
    assert "UNKNOWN_UNIT" not in codes(report)
    assert anslag.audit(round_2021, GOTEBORG) == report  # positional, and a path
    with_stockholm = anslag.audit(round_2021)
    assert "UNIT_NOT_VALID_ON_DATE" not in codes(with_stockholm)
    assert "UNKNOWN_UNIT" in codes(with_stockholm)


def test_load_rounds_and_dask_take_units(round_2021):
    rounds = anslag.load_rounds([ROUND], units=GOTEBORG)
    assert "UNIT_NOT_VALID_ON_DATE" in codes(rounds.audit().reports[0])
    frame = rounds.to_frame()
    assert frame.set_index("application").loc[STALE, "forvaltning_on"] == "Sydväst"
    assert "UNIT_NOT_VALID_ON_DATE" in list(anslag.dask.audit_many([ROUND], units=GOTEBORG, progress=False)["code"])
    assert "UNIT_NOT_VALID_ON_DATE" not in list(anslag.dask.audit_many([ROUND], progress=False)["code"])


def test_evaluate_and_propose_with_goteborg(round_2021, goteborg):
    def limit(evaluation):  # counts Askim-Frölunda-Högsbo as Sydväst, with two grants
        (verdict,) = [v for v in evaluation.verdicts if v.rule == "2021.hogst-2"]
        return verdict.state

    assert limit(anslag.evaluate(round_2021, STALE, units=goteborg)) == "met"
    assert limit(anslag.evaluate(round_2021, STALE, GOTEBORG)) == "met"
    assert limit(anslag.evaluate(round_2021, STALE)) == "unknown"
    proposal = anslag.propose(round_2021, "MSU", "pro_rata", units=GOTEBORG)
    (grant,) = [g for g in proposal.grants if g.application == STALE]
    assert grant.forvaltning == "sydvast"
    assert proposal.unlimited == []
    names = proposal.to_frame(units=goteborg).set_index("application")["limit_forvaltning"]
    assert names[STALE] == "Sydväst"


def test_draft_with_goteborg_gives_the_test_round():
    draft = anslag.draft_round(DOCUMENT, units=GOTEBORG)
    assert draft.text == ROUND.read_text(encoding="utf-8")
    (count,) = [s for s in draft.round.statements if s.kind == "applicant_count"]
    assert (count.count, count.applicant_kind) == (4, "district")
    # With Stockholm's registry, Göteborg's word for its districts is no count of districts.
    assert not [s for s in anslag.draft_round(DOCUMENT).round.statements if s.kind == "applicant_count"
                and s.applicant_kind == "district"]


def test_synthetic_rounds_draw_goteborgs_units(goteborg):
    text = anslag.synthetic_round(10, year=2022, units=goteborg)
    r = anslag.parse_round(text, "synthetic.toml")
    assert {a.applicant for a in r.applications} <= {"Nordost", "Stadsområde Centrum", "Sydväst", "Hisingen"}
    assert codes(anslag.audit(r, units=goteborg)) == []


def test_html_report_of_the_goteborg_round(round_2021, goteborg):
    page = anslag.audit(round_2021, units=goteborg).to_html(DOCUMENT, round=round_2021)
    assert "UNIT_NOT_VALID_ON_DATE" in page and "Askim-Frölunda-Högsbo" in page


# --- the command line ------------------------------------------------------------------------


def test_cli_audit_with_units():
    result = run("audit", str(ROUND), "--units", str(GOTEBORG), "--format", "json")
    assert result.returncode == 0, result.stderr  # a warning, no error
    findings = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in findings if f["severity"] != "info"] == ["UNIT_NOT_VALID_ON_DATE"]
    without = json.loads(run("audit", str(ROUND), "--format", "json").stdout)["findings"]
    assert "UNIT_NOT_VALID_ON_DATE" not in [f["code"] for f in without]


def test_cli_audit_html_and_folder_with_units(tmp_path):
    page = tmp_path / "2021.html"
    result = run("audit", str(ROUND), "--units", str(GOTEBORG), "--format", "html", "--document", str(DOCUMENT),
                 "--output", str(page))
    assert result.returncode == 0, result.stderr
    assert "Askim-Frölunda-Högsbo" in page.read_text(encoding="utf-8")
    folder = tmp_path / "rounds"
    folder.mkdir()
    (folder / "2021.toml").write_text(ROUND.read_text(encoding="utf-8"), encoding="utf-8")
    listed = json.loads(run("audit", str(folder), "--units", str(GOTEBORG), "--format", "json").stdout)
    assert "UNIT_NOT_VALID_ON_DATE" in [f["code"] for f in listed["rounds"][0]["findings"]]


def test_cli_evaluate_propose_draft_units_and_synthetic_with_units(tmp_path):
    evaluated = run("evaluate", str(ROUND), STALE, "--units", str(GOTEBORG), "--format", "json")
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout) == anslag.evaluate(anslag.load_round(ROUND), STALE, units=GOTEBORG).to_dict()
    proposed = run("propose", str(ROUND), "MSU", "--strategy", "pro_rata", "--units", str(GOTEBORG), "--format",
                   "json")
    assert proposed.returncode == 0, proposed.stderr
    grants = {g["application"]: g["forvaltning"] for g in json.loads(proposed.stdout)["applications"]}
    assert grants[STALE] == "sydvast"
    drafted = run("draft", str(DOCUMENT), "--units", str(GOTEBORG))
    assert drafted.returncode == 0, drafted.stderr
    assert drafted.stdout == ROUND.read_text(encoding="utf-8")
    resolved = run("units", "resolve", "Askim-Frölunda-Högsbo", "--on", "2021-03-10", "--units", str(GOTEBORG))
    assert resolved.returncode == 0, resolved.stderr
    assert "Sydväst" in resolved.stdout
    listed = json.loads(run("units", "list", "--on", "2021-01-01", "--units", str(GOTEBORG), "--format",
                            "json").stdout)
    assert len(listed["units"] if isinstance(listed, dict) else listed) == 4
    written = run("synthetic", "--rounds", "1", "--out", str(tmp_path / "s"), "--units", str(GOTEBORG))
    assert written.returncode == 0, written.stderr
    applicants = {a.applicant for a in anslag.load_round(tmp_path / "s" / "round-00001.toml").applications}
    assert applicants and applicants <= {"Nordost", "Stadsområde Centrum", "Sydväst", "Hisingen"}


def test_cli_units_file_that_does_not_load_exits_2_naming_it(tmp_path):
    for args in (["audit", str(ROUND)], ["evaluate", str(ROUND), STALE], ["draft", str(DOCUMENT)],
                 ["propose", str(ROUND), "MSU", "--strategy", "ranked"], ["units", "list"]):
        result = run(*args, "--units", str(tmp_path / "missing.toml"))
        assert result.returncode == 2, args
        assert f"{tmp_path / 'missing.toml'}:0:0: cannot read the file: No such file or directory" in result.stderr


def test_cli_aliases_of_ones_own_on_any_registry(tmp_path):
    # --aliases beside --units; ANSLAG_UNIT_ALIASES adds to the bundled registry only, as in Python.
    aliases = tmp_path / "mina.toml"
    aliases.write_text('[aliases]\n"SO Nordost" = "nordost"\n', encoding="utf-8")
    resolved = run("units", "resolve", "SO Nordost", "--units", str(GOTEBORG), "--aliases", str(aliases),
                   "--format", "json")
    assert resolved.returncode == 0, resolved.stderr
    assert json.loads(resolved.stdout)["id"] == "nordost"
    assert run("units", "resolve", "SO Nordost", "--units", str(GOTEBORG)).returncode == 2
    own = tmp_path / "egna.toml"
    own.write_text('[aliases]\n"Söder" = "sodermalm"\n', encoding="utf-8")
    environment = {**os.environ, "ANSLAG_UNIT_ALIASES": str(own)}
    from_environment = subprocess.run([CLI, "units", "resolve", "Söder"], capture_output=True, text=True,
                                      encoding="utf-8", env=environment)
    assert from_environment.returncode == 0 and "Södermalm" in from_environment.stdout
    not_for_another = subprocess.run([CLI, "units", "resolve", "SO Nordost", "--units", str(GOTEBORG)],
                                     capture_output=True, text=True, encoding="utf-8",
                                     env={**os.environ, "ANSLAG_UNIT_ALIASES": str(aliases)})
    assert not_for_another.returncode == 2
    audited = run("audit", str(ROUND), "--units", str(GOTEBORG), "--aliases", str(aliases), "--format", "json")
    assert audited.returncode == 0, audited.stderr
    aliases.write_text('[aliases]\n"SO Nordost" = "nordöst"\n', encoding="utf-8")
    refused = run("units", "list", "--units", str(GOTEBORG), "--aliases", str(aliases))
    assert refused.returncode == 2
    assert refused.stderr == f'anslag units: {aliases}:2:16: alias "SO Nordost" names no unit ("nordöst")\n'
