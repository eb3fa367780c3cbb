"""Hostile in meaning, hostile in use: tests/data/hostile-semantics in Python and through
`anslag audit`, the object model of the compiled classes (no instance without a valid state, no
signature dump), and the command line's reads and writes."""

from __future__ import annotations

import datetime
import os
import pickle
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import anslag

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "hostile-semantics"
CASES = sorted(CORPUS.glob("*.toml"))
CLI = os.environ.get("ANSLAG_CLI", str(ROOT / "build" / "anslag"))


def outcome(path: Path) -> str:
    try:
        report = anslag.audit(anslag.load_round(path))
    except anslag.RoundFileError as error:
        return f"refused {error.line}:{error.column}: {error.detail}\n"
    lines = [f"{f.severity} {f.code}" for f in report.findings if f.severity != "info"]
    return "\n".join(["findings", *lines]) + "\n"


def expected(path: Path) -> str:
    return path.with_suffix(".expected").read_text(encoding="utf-8")


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([CLI, *args], capture_output=True, timeout=60, **kwargs)  # type: ignore[call-overload]


def test_the_corpus_covers_every_class() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_in_process(path: Path) -> None:
    assert outcome(path) == expected(path)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_through_the_command_line(path: Path) -> None:
    result = run("audit", str(path), "--format", "json")
    want = expected(path)
    if want.startswith("refused "):
        assert result.returncode == 2
        assert result.stdout == b""
        assert result.stderr.decode() == f"anslag audit: {path}:{want[len('refused '):]}"
    else:
        lines = want.splitlines()[1:]
        assert result.returncode == (1 if any(line.startswith("error ") for line in lines) else 0)
        import json

        findings = json.loads(result.stdout)["findings"]
        assert [f"{f['severity']} {f['code']}" for f in findings if f["severity"] != "info"] == lines


def test_a_decomposed_name_is_the_composed_unit() -> None:
    units = anslag.load_units(ROOT / "data" / "units.toml")
    decomposed = unicodedata.normalize("NFD", "Södermalm")
    assert decomposed != "Södermalm"
    assert units.resolve(decomposed) == units.resolve("Södermalm")
    assert units.resolve("Far\u200bs\u00adta\u202e").id == "farsta"


def test_the_nfc_table_matches_unicodedata(tmp_path: Path) -> None:
    generated = tmp_path / "nfc_table.hpp"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate-nfc-table"), str(generated)], check=True)
    assert generated.read_text(encoding="utf-8") == (ROOT / "src" / "model" / "nfc_table.hpp").read_text(
        encoding="utf-8"
    )


COMPILED = [
    getattr(anslag._core, name)
    for name in dir(anslag._core)
    if isinstance(getattr(anslag._core, name), type) and not issubclass(getattr(anslag._core, name), BaseException)
]


@pytest.mark.parametrize("cls", COMPILED, ids=lambda c: c.__name__)
def test_no_instance_without_its_constructor(cls: type) -> None:
    with pytest.raises(TypeError, match=f"^anslag.{cls.__name__} cannot be made by __new__ alone"):
        cls.__new__(cls)


def test_pickles_round_trip_and_are_validated() -> None:
    round_ = anslag.load_round(ROOT / "data" / "rounds" / "2024.toml")
    assert pickle.loads(pickle.dumps(round_)) == round_
    assert pickle.loads(pickle.dumps(anslag.Krona("5 kr"))) == anslag.Krona("5 kr")
    state = list(round_.__getstate__())
    state[0] = -5
    restore, (cls, _) = round_.__reduce__()
    with pytest.raises(anslag.InvalidArgumentError, match=r"^the round: 'year' must be a year from 1 to 9999$"):
        restore(cls, tuple(state))
    state = list(round_.__getstate__())
    state[6] = state[6] + state[6][:1]  # the applications
    with pytest.raises(anslag.InvalidArgumentError, match=r"^application '2024-LUM-01': duplicate application id"):
        restore(cls, tuple(state))
    with pytest.raises(anslag.InvalidArgumentError, match=r"^not a valid pickled anslag.Round"):
        restore(cls, ("not", "a", "round"))


def test_wrong_arguments_are_a_sentence_not_a_signature_dump() -> None:
    with pytest.raises(TypeError) as error:
        anslag.load_units()  # type: ignore[call-arg]
    assert str(error.value) == "load_units() takes (path: os.PathLike); it was given ()"
    assert "incompatible function arguments" not in str(error.value)


def test_a_write_error_is_exit_2_with_the_reason() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run([CLI, "audit", "2024"], stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode() == "anslag: cannot write the output: No space left on device\n"


def test_a_closed_standard_output_is_exit_2() -> None:
    result = subprocess.run([CLI, "round", "2024"], stdout=None, stderr=subprocess.PIPE, timeout=60,
                            pass_fds=(), preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert result.stderr.decode() == "anslag: cannot write the output: Bad file descriptor\n"


def test_a_missing_file_says_why(tmp_path: Path) -> None:
    result = run("round", str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert result.stderr.decode() == f"anslag round: {tmp_path / 'none.toml'}:0:0: cannot read the file: No such file or directory\n"


def test_standard_input_is_bounded() -> None:
    result = run("amount", "--sum", input=b"1 kr\n" * (4 << 20))
    assert result.returncode == 2
    assert result.stderr.decode() == "anslag amount: standard input larger than 16 MiB\n"


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = run("audti", "2024")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("anslag: unknown command 'audti'; did you mean 'audit'?\n")


def test_a_file_named_like_a_year_is_that_file(tmp_path: Path) -> None:
    (tmp_path / "2020").write_bytes((CORPUS / "grants-over-budget-not-hidden.toml").read_bytes())
    result = run("round", "2020", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.decode().startswith("Round 2021")


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/r\xff.toml"
    with open(name, "wb") as f:
        f.write((CORPUS / "grants-over-budget-not-hidden.toml").read_bytes())
    result = subprocess.run([CLI.encode(), b"audit", name, b"--format", b"json"], capture_output=True, timeout=60)
    assert result.returncode == 1
    import json

    assert json.loads(result.stdout)["round"]["file"].endswith("r\ufffd.toml")
    assert result.stderr.decode() == "anslag: the file name is not UTF-8; reports show it with U+FFFD for each bad byte\n"


# Each part of a round, pickled alone, is held to validate's rules for its own fields: a state
# edited to break one rule is refused with validate's exact message, never a half-valid object.
ROUND_2024 = ROOT / "data" / "rounds" / "2024.toml"


def restored(part: object, **changes: object) -> object:
    restore, (cls, state) = part.__reduce__()  # type: ignore[misc]
    fields = list(state)
    for index, value in changes.items():
        fields[int(index.lstrip("_"))] = value
    return restore(cls, tuple(fields))


def refused(part: object, message: str, **changes: object) -> None:
    with pytest.raises(anslag.InvalidArgumentError) as error:
        restored(part, **changes)
    assert str(error.value) == message


def blank_reading() -> object:
    reading = next(r for a in anslag.load_round(ROUND_2024).applications for r in a.readings)
    return restored(reading, _0="")


def test_every_part_of_a_loaded_round_is_valid() -> None:
    round_ = anslag.load_round(ROUND_2024)
    parts: list[object] = [round_, *round_.funds.values(), *round_.rules, *round_.statements, *round_.applications]
    for part in parts:
        assert anslag.validate(part) is None  # type: ignore[arg-type]
        assert pickle.loads(pickle.dumps(part)) == part
    with pytest.raises(TypeError, match=r"^validate\(\) takes \(round: anslag\._core\.Round\) or .*; it was given \(int\)$"):
        anslag.validate(5)  # type: ignore[arg-type]


def test_a_pickled_fund_is_validated() -> None:
    fund = anslag.load_round(ROUND_2024).funds["MUL"]
    refused(fund, "fund 'MUL': 'budget' must not be negative", _2=anslag.Krona("-1 kr"))
    refused(fund, "fund 'MUL': 'budget' must be at most 100 000 000 000 kr", _2=anslag.Krona("100 000 000 001 kr"))
    refused(fund, "fund '': 'id' must not be empty", _0="")
    # Escaped in the message, so that it cannot drive a terminal.
    refused(fund, r"fund 'M\u{001B}UL': 'id' must not hold control or invisible characters", _0="M\x1bUL")
    refused(fund, "fund 'MUL': 'name' must not be empty", _1="")
    refused(fund, "fund 'MUL': a cap must be more than 0 kr", _3=anslag.Krona("0 kr"))
    refused(fund, "fund 'MUL': a limit must be at least 1", _4=0)
    refused(fund, "fund 'MUL': 'max_granted_per_unit' must be at most 2147483647", _4=2**31)


def test_a_pickled_rule_is_validated() -> None:
    round_ = anslag.load_round(ROUND_2024)
    cap = next(r for r in round_.rules if r.kind == "cap_per_application")
    criterion = next(r for r in round_.rules if r.kind == "required_criterion")
    name = f"rule '{cap.id}'"
    refused(cap, f"{name}: 'amount' must not be negative", _5=anslag.Krona("-5 kr"))
    refused(cap, f"{name}: a cap must be more than 0 kr", _5=anslag.Krona("0 kr"))
    refused(cap, f"{name}: rule kind cap_per_application needs 'amount'", _5=None)
    refused(cap, f"{name}: 'count' does not apply to rule kind cap_per_application", _6=3)
    refused(cap, f"{name}: fund 'MUL' listed twice", _2=["MUL", "MUL"])
    refused(cap, f"{name}: a rule cannot override itself", _12=cap.id)
    refused(cap, f"{name}: 'summary' must not be empty", _4="")
    refused(cap, "rule '': 'id' must not be empty", _0="")
    window = {"_1": "application_window", "_5": None, "_9": "Perioden."}
    refused(cap, f"{name}: 'to' must not be before 'from'", _7=datetime.date(2023, 6, 1), _8=datetime.date(2023, 5, 1),
            **window)
    limit = {"_1": "max_granted_per_unit", "_5": None}
    refused(cap, f"{name}: a limit must be at least 1", _6=0, **limit)
    refused(cap, f"{name}: 'count' must be at most 2147483647", _6=2**31, **limit)
    refused(criterion, "unknown rule kind 'no_such_kind'", _1="no_such_kind")


def test_a_pickled_statement_is_validated() -> None:
    total = next(s for s in anslag.load_round(ROUND_2024).statements if s.kind == "granted_total")
    name = f"statement '{total.id}'"
    refused(total, f"{name}: 'amount' must not be negative", _3=anslag.Krona("-0,01 kr"))
    refused(total, f"{name}: statement kind granted_total needs 'amount'", _3=None)
    refused(total, f"{name}: 'quote' must not be empty", _7="")
    refused(total, f"{name}: 'field' must not be empty", _9=[blank_reading()])


def test_a_pickled_application_is_validated() -> None:
    application = anslag.load_round(ROUND_2024).applications[0]
    name = f"application '{application.id}'"
    refused(application, f"{name}: 'requested' must not be negative", _8=anslag.Krona("-250 000 kr"))
    refused(application, f"{name}: 'granted' must be at most 100 000 000 000 kr",
            _9=anslag.Krona("100 000 000 000,01 kr"))
    refused(application, f"{name}: 'fund' must not be empty", _1="")
    refused(application, f"{name}: 'project' must not be empty", _5="")
    refused(application, f"{name}: co-applicant 'x' listed twice", _4=["x", "x"])
    refused(application, f"{name}: a co-applicant must not be empty", _4=[""])
    refused(application, f"{name}: 'unit' must not hold control or invisible characters", _3="bro\u200bmma")
    refused(application, "unknown decision 'maybe'", _10="maybe")
