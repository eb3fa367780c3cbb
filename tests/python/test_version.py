"""One version number, set in CMakeLists.txt's project() line, reported everywhere alike."""

import os
import re
import subprocess
from pathlib import Path

import anslag

SOURCE = Path(__file__).resolve().parents[2]
CLI = Path(os.environ["ANSLAG_CLI"])


def project_version() -> str:
    text = (SOURCE / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"^project\(anslag VERSION (\d+\.\d+\.\d+)\b", text, re.MULTILINE)
    assert match is not None
    return match.group(1)


def test_python_reports_the_cmakelists_version() -> None:
    assert anslag.__version__ == project_version()


def test_the_command_line_reports_the_cmakelists_version() -> None:
    out = subprocess.run([CLI, "--version"], capture_output=True, text=True, check=True).stdout
    assert out == f"anslag {project_version()}\n"


def test_the_cmake_package_reports_the_cmakelists_version() -> None:
    # The build tree's anslagConfigVersion.cmake is the file `cmake --install` puts in the package.
    config = (CLI.parent / "anslagConfigVersion.cmake").read_text(encoding="utf-8")
    assert f'set(PACKAGE_VERSION "{project_version()}")' in config
