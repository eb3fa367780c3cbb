"""The layers of docs/architecture.md, held against the code: every `#include` of include/ and src/
points down the table (or stays in its own layer), never up and never sideways. A test of the checker
itself plants an upward include, so the test cannot pass by reading nothing."""

import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2]

# docs/architecture.md, "Layers": rank, lowest first. Layers of one rank may not include each other.
RANKS = {
    "base": 0, "krona": 1, "model": 2, "rules": 3, "audit": 4, "allocate": 4,
    "io": 5, "ingest": 6, "report": 6, "synthetic": 7, "cli": 8,
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)


def layer_of(path: Path, root: Path = SOURCE) -> str | None:
    """The layer a file of include/anslag/ or src/ belongs to (None: not a library file)."""
    relative = path.relative_to(root).parts
    if relative[:2] == ("include", "anslag"):
        rest = relative[2:]
    elif relative[:1] == ("src",):
        rest = relative[1:]
    else:
        return None
    if len(rest) == 1 or rest[0] == "detail":  # error.hpp, version.hpp; detail/
        return "base"
    return rest[0] if rest[0] in RANKS else None


def included_path(including: Path, bracket: str, name: str, root: Path) -> Path | None:
    if bracket == "<":
        return root / "include" / name if name.startswith("anslag/") else None
    return (including.parent / name).resolve()


def violations(files: list[Path], root: Path = SOURCE) -> list[str]:
    found = []
    for path in files:
        here = layer_of(path, root)
        if here is None:
            continue
        text = path.read_text(encoding="utf-8")
        for match in INCLUDE.finditer(text):
            target = included_path(path, match.group(1), match.group(2), root)
            if target is None:
                continue
            there = layer_of(target, root)
            if there is None or there == here:
                continue
            if RANKS[there] >= RANKS[here]:
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(root)}:{line}: layer '{here}' includes "
                             f"{match.group(2)} of layer '{there}', which is not below it")
    return found


def library_files() -> list[Path]:
    return sorted(p for root in ("include", "src") for p in (SOURCE / root).rglob("*")
                  if p.suffix in (".hpp", ".cpp", ".h"))


def test_every_include_points_down_a_layer() -> None:
    files = library_files()
    assert len(files) > 50  # the tree was read
    assert violations(files) == []


def test_every_library_file_has_a_layer() -> None:
    assert [str(p.relative_to(SOURCE)) for p in library_files() if layer_of(p) is None] == []


@pytest.mark.parametrize("planted, message", [
    ("src/krona/planted.cpp", "layer 'krona' includes anslag/audit/audit.hpp of layer 'audit'"),
    ("src/audit/planted.cpp", "layer 'audit' includes anslag/allocate/budget.hpp of layer 'allocate'"),
])
def test_an_include_up_or_sideways_is_named(tmp_path: Path, planted: str, message: str) -> None:
    # The checker run on a planted file in a stand-in source tree.
    file = tmp_path / planted
    file.parent.mkdir(parents=True)
    include = message.split(" includes ")[1].split(" of ")[0]
    file.write_text(f"#include <anslag/error.hpp>\n#include <{include}>\n", encoding="utf-8")
    assert violations([file], tmp_path) == [f"{planted}:2: {message}, which is not below it"]
