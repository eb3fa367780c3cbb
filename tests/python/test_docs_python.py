"""docs/python.md's examples run: every ```python block, in order, in one namespace, as a reader
following the page would run them."""

import os
import re
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "python.md"


def python_blocks(text: str) -> list[tuple[int, str]]:
    """Each block's first line number and code."""
    return [(text.count("\n", 0, m.start(1)) + 1, m.group(1))
            for m in re.finditer(r"^```python\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)]


def test_the_page_has_examples():
    assert len(python_blocks(DOC.read_text(encoding="utf-8"))) >= 5


def test_every_python_example_runs_in_order():
    namespace: dict[str, object] = {"__name__": "docs_python"}
    for line, code in python_blocks(DOC.read_text(encoding="utf-8")):
        # Padding with newlines makes a failing assert report its line in docs/python.md.
        exec(compile("\n" * (line - 1) + code, str(DOC), "exec"), namespace)


def test_the_examples_typecheck_against_the_package_stubs(tmp_path):
    root = DOC.parents[1]
    examples = tmp_path / "python_md_examples.py"
    examples.write_text("\n".join(code for _, code in python_blocks(DOC.read_text(encoding="utf-8"))),
                        encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(root / "mypy.ini"), "--no-incremental",
         str(examples)],
        env={**os.environ, "MYPYPATH": str(root / "python")}, capture_output=True, text=True)
    assert result.stdout.splitlines()[-1:] == ["Success: no issues found in 1 source file"], result.stdout
