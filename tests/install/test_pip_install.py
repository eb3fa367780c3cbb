"""The offline install of issue 7: `pip install --no-build-isolation --no-index .` into a fresh
virtual environment that sees Debian's packages, then the package used from another folder after
the source it was built from is deleted, so that nothing can reach back into a source tree."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"


def clean_environment() -> dict[str, str]:
    # Nothing of a build tree may leak in through the environment.
    hidden = {"PYTHONPATH", "ANSLAG_DATA_DIR", "ANSLAG_CLI", "VIRTUAL_ENV"}
    return {k: v for k, v in os.environ.items() if k not in hidden}


def copy_source(destination: Path) -> None:
    """The files git would commit (tracked and new, not ignored): a tree without build output."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=SOURCE, check=True, capture_output=True).stdout.decode()
    for name in filter(None, listing.split("\0")):
        origin = SOURCE / name
        if origin.is_file():  # a tracked file deleted in the work tree is listed but absent
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target)


class Installed:
    def __init__(self, venv: Path, elsewhere: Path) -> None:
        self.venv = venv
        self.elsewhere = elsewhere

    def run(self, *command: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(c) for c in command], cwd=self.elsewhere, env=clean_environment(),
                              capture_output=True, text=True, check=check)

    def python(self, code: str) -> str:
        return self.run(self.venv / "bin" / "python", "-c", code).stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    copy_source(source)
    venv = root / "venv"
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    environment = clean_environment()
    environment.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "--no-build-isolation", "--no-index", str(source)],
                   cwd=root, env=environment, check=True)
    shutil.rmtree(source)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return Installed(venv, elsewhere)


def test_the_package_is_imported_from_the_environment_not_a_source_tree(installed: Installed) -> None:
    location = installed.python("import anslag; print(anslag.__file__)").strip()
    assert Path(location).is_relative_to(installed.venv / "lib")


def test_the_installed_extension_computes_exact_amounts(installed: Installed) -> None:
    out = installed.python(
        "import anslag\n"
        "total = sum([anslag.Krona('0,10 kr')] * 10, anslag.Krona(0))\n"
        "print(total.ore, repr(total + anslag.Krona('8 618 500 kr')))")
    assert out == "100 Krona('8 618 501 kr')\n"


def test_the_bundled_data_is_the_source_data_folder(installed: Installed) -> None:
    out = installed.python(
        "from anslag._data import DATA_DIR\n"
        "print(DATA_DIR)\n"
        "for p in sorted(DATA_DIR.rglob('*')):\n"
        "    print(p.relative_to(DATA_DIR).as_posix(), p.stat().st_size if p.is_file() else '-')")
    data_dir, *listing = out.splitlines()
    assert Path(data_dir).is_relative_to(installed.venv / "lib")
    source_data = SOURCE / "data"
    expected = [f"{p.relative_to(source_data).as_posix()} {p.stat().st_size if p.is_file() else '-'}"
                for p in sorted(source_data.rglob("*"))]
    assert listing == expected


def test_stubs_and_the_typed_marker_are_installed(installed: Installed) -> None:
    out = installed.python(
        "import anslag, pathlib\n"
        "package = pathlib.Path(anslag.__file__).parent\n"
        "print((package / 'py.typed').is_file(), (package / '_core.pyi').is_file())")
    assert out == "True True\n"


def test_the_wheel_version_is_the_one_compiled_in(installed: Installed) -> None:
    # setup.py reads CMakeLists.txt's project() line; _core and the program are compiled from it.
    version = installed.python("import importlib.metadata as m; print(m.version('anslag'))").strip()
    assert installed.python("import anslag; print(anslag.__version__)") == f"{version}\n"
    assert installed.run(installed.venv / "bin" / "anslag", "--version").stdout == f"anslag {version}\n"
    assert installed.run(installed.venv / "bin" / "python", "-m", "anslag", "--version").stdout == \
        f"anslag {version}\n"


def test_the_console_script_passes_arguments_and_the_exit_code(installed: Installed) -> None:
    good = installed.run(installed.venv / "bin" / "anslag", "amount", "8 618 500 kr")
    assert good.stdout == "861850000\t8\u00a0618\u00a0500\u00a0kr\n"
    bad = installed.run(installed.venv / "bin" / "anslag", "amount", "tolv kronor", check=False)
    assert bad.returncode == 2
    assert bad.stderr.startswith('anslag amount: "tolv kronor": ')


def test_mypy_types_user_code_through_the_installed_stubs(installed: Installed) -> None:
    code = ("import anslag\n"
            "reveal_type(anslag.Krona('1 kr').ore)\n"
            "anslag.Krona(1.5)\n")
    result = installed.run(SYSTEM_PYTHON, "-m", "mypy", "--no-incremental",
                           "--python-executable", installed.venv / "bin" / "python", "-c", code,
                           check=False)
    assert result.stdout.splitlines() == [
        '<string>:2: note: Revealed type is "builtins.int"',
        '<string>:3: error: Argument 1 to "Krona" has incompatible type "float"; '
        'expected "Union[Krona, str, int, Decimal]"  [arg-type]',
        "Found 1 error in 1 file (checked 1 source file)",
    ]


def test_the_console_script_reads_the_data_shipped_in_the_package(installed: Installed) -> None:
    # The program's compiled-in source data folder was deleted with the source copy.
    out = installed.run(installed.venv / "bin" / "anslag", "units", "resolve", "Norrmalm").stdout
    assert out.splitlines()[1].split() == ["id", "norrmalm"]


@pytest.mark.parametrize("name", ["audit-2020.ipynb", "what-if-2024.ipynb"])
def test_the_example_notebooks_run_against_the_installed_package(installed: Installed, name: str) -> None:
    # The kernel is the environment's own Python (a kernelspec installed into the environment:
    # the system's "python3" kernel would run /usr/bin/python3), run from a folder outside any
    # source tree with no PYTHONPATH: the notebook can reach anslag only as installed.
    installed.run(installed.venv / "bin" / "python", "-m", "ipykernel", "install", "--prefix",
                  installed.venv, "--name", "anslag-venv")
    notebook = installed.elsewhere / name
    shutil.copy2(SOURCE / "docs" / "notebooks" / name, notebook)
    code = (
        "import sys, nbformat\n"
        "from nbclient import NotebookClient\n"
        f"nb = nbformat.read({str(notebook)!r}, as_version=4)\n"
        "NotebookClient(nb, timeout=300, kernel_name='anslag-venv').execute()\n"
        "print(sum(1 for c in nb.cells if c.cell_type == 'code'), 'cells')\n"
    )
    out = installed.python("import os; os.environ['PYDEVD_DISABLE_FILE_VALIDATION'] = '1'\n" + code)
    assert out.endswith(" cells\n")
    located = installed.python("import anslag; print(anslag.__file__)")
    assert Path(located.strip()).is_relative_to(installed.venv / "lib")
