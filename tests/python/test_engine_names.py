"""Nothing of one organisation in the engine: the code of include/ and src/ (comments aside, string
literals included) names none of Stockholm's units, unit ids, words for its districts or fund ids.
They are data: the bundled registry (data/units.toml) and the rounds (data/rounds/). The names are
read from those files, so a unit or fund added there is searched for too. A test of the search
itself plants a name, so the test cannot pass by finding nothing."""

import re
import tomllib
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
CODE_SUFFIXES = {".cpp", ".hpp"}


def code_files(root: Path = SOURCE) -> list[Path]:
    return sorted(p for d in ("include", "src") for p in (root / d).rglob("*") if p.suffix in CODE_SUFFIXES)


def without_comments(text: str) -> str:
    """The code with // and /* */ comments blanked (string and character literals kept, so that a
    "//" inside a literal is no comment); lines are kept for the positions of hits."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * text.count("\n", i, end))
            i = end
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def stockholm_names(root: Path = SOURCE) -> tuple[set[str], set[str]]:
    """(unit names, ids, aliases and words for its kinds: compared case-insensitively; fund ids:
    compared as written, since "MUST" is also an English word)."""
    registry = tomllib.loads((root / "data" / "units.toml").read_text(encoding="utf-8"))
    names: set[str] = set()
    for unit in registry["unit"]:
        names.update([unit["id"], unit["name"], *unit.get("aliases", [])])
    for words in registry.get("kinds", {}).values():
        names.update(words[key] for key in ("singular", "plural"))
    funds = {fund["id"] for path in (root / "data" / "rounds").glob("*.toml")
             for fund in tomllib.loads(path.read_text(encoding="utf-8"))["funds"]}
    return names, funds


def whole(word: str) -> str:
    return r"(?<![\w])" + re.escape(word) + r"(?![\w])"


def hits(files: list[Path], names: set[str], funds: set[str], root: Path = SOURCE) -> list[str]:
    name_pattern = re.compile("|".join(whole(n) for n in sorted(names, key=len, reverse=True)), re.IGNORECASE)
    fund_pattern = re.compile("|".join(whole(f) for f in sorted(funds, key=len, reverse=True)))
    found = []
    for path in files:
        code = without_comments(path.read_text(encoding="utf-8"))
        for number, line in enumerate(code.splitlines(), 1):
            for pattern in (name_pattern, fund_pattern):
                for match in pattern.finditer(line):
                    found.append(f"{path.relative_to(root)}:{number}: {match.group(0)}")
    return found


def test_the_engine_names_no_unit_kind_word_or_fund_of_stockholm():
    names, funds = stockholm_names()
    assert {"Farsta", "Järva", "socialforvaltningen", "stadsdelsförvaltningar"} <= names
    assert {"LUM", "MUL"} <= funds
    files = code_files()
    assert len(files) > 50
    assert hits(files, names, funds) == []


def test_the_search_finds_a_planted_name_in_code_and_not_in_comments(tmp_path):
    (tmp_path / "src").mkdir()
    planted = tmp_path / "src" / "planted.cpp"
    planted.write_text('// Farsta in a comment\n/* MUL\n in a block */\nauto f = "LUM"; auto d = "FARSTA sdf";\n'
                       'auto url = "http://x"; // Bromma\nint farstaville = 0;\n', encoding="utf-8")
    names, funds = stockholm_names()
    # Names first, then funds, on each line; "farstaville" is no whole word.
    assert hits([planted], names, funds, tmp_path) == ["src/planted.cpp:4: FARSTA sdf", "src/planted.cpp:4: LUM"]
