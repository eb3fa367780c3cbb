"""docs/python.md's examples run: every ```python block, in order, in one namespace, as a reader
following the page would run them."""

import re
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
