"""Builds the anslag wheel: CMake (Ninja) compiles the extension anslag._core and the program
anslag; this file places both, with the bundled data, into the pure-Python package python/anslag.

    pip install --no-build-isolation --no-index .
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def project_version() -> str:
    """The version of CMakeLists.txt's `project(anslag VERSION x.y.z ...)`: the one place it is set."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"^project\(anslag VERSION (\d+\.\d+\.\d+)\b", text, re.MULTILINE)
    if match is None:
        raise RuntimeError("CMakeLists.txt has no 'project(anslag VERSION x.y.z' line")
    return match.group(1)


class CMakeBuild(build_ext):
    """Configures the project with only the extension and the program, builds both, and copies
    them with the data folder next to the package's .py files."""

    def build_extension(self, ext: Extension) -> None:
        cmake_dir = Path(self.build_temp).resolve() / "cmake"
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(cmake_dir), "-G", "Ninja",
            "-DCMAKE_BUILD_TYPE=Release",
            "-DANSLAG_TEST=OFF", "-DANSLAG_INSTALL=OFF", "-DANSLAG_CLI=ON", "-DANSLAG_PYTHON=ON",
            # One translation unit per directory of src/, as the Makefile builds (CMakeLists.txt).
            "-DCMAKE_UNITY_BUILD=ON",
            f"-DPython_EXECUTABLE={sys.executable}",
        ]
        subprocess.run(configure, check=True)
        build = ["cmake", "--build", str(cmake_dir), "--target", "_core", "anslag_cli"]
        # CMake reads CMAKE_BUILD_PARALLEL_LEVEL itself; without it Ninja would use every core.
        if "CMAKE_BUILD_PARALLEL_LEVEL" not in os.environ:
            build += ["-j", "2"]
        subprocess.run(build, check=True)

        assembled = cmake_dir / "python" / "anslag"  # see bindings/CMakeLists.txt
        extension = Path(self.get_ext_fullpath(ext.name))
        package = extension.parent
        package.mkdir(parents=True, exist_ok=True)
        shutil.copy2(assembled / extension.name, extension)
        shutil.rmtree(package / "data", ignore_errors=True)
        shutil.copytree(assembled / "data", package / "data")
        (package / "bin").mkdir(exist_ok=True)
        shutil.copy2(cmake_dir / "anslag", package / "bin" / "anslag")


setup(
    version=project_version(),
    packages=["anslag"],
    package_dir={"": "python"},
    package_data={"anslag": ["py.typed", "*.pyi"]},
    ext_modules=[Extension("anslag._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)
