"""The README's Python example runs and prints exactly the output the README shows.

(The C++ example is built against the installed package and checked the same way by the
consumer test, tests/consumer/run.cmake.)"""

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def example_and_output(language: str) -> tuple[str, str]:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"```{language}\n(.*?)```\n\nIt prints:\n\n```text\n(.*?)```", text, re.S)
    assert match, f"README.md has no {language} example followed by its output"
    return match.group(1), match.group(2)


def test_readme_python_example_prints_what_the_readme_says(tmp_path):
    code, expected = example_and_output("python")
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    # Run from a folder outside the tree, as a user would; the package comes from PYTHONPATH.
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, encoding="utf-8", env=os.environ.copy(), check=True)
    assert result.stdout == expected
