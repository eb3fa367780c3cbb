"""docs/notebooks: every notebook runs top to bottom without error against the package on
PYTHONPATH, and the committed copies carry their outputs (plots embedded) and the cells of
scripts/build-notebooks."""

import importlib.machinery
import importlib.util
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "docs" / "notebooks"


def build_script():
    loader = importlib.machinery.SourceFileLoader("build_notebooks", str(ROOT / "scripts" / "build-notebooks"))
    spec = importlib.util.spec_from_loader("build_notebooks", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


BUILD = build_script()


@pytest.fixture(scope="module", autouse=True)
def quiet_debugger():
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


@pytest.mark.parametrize("name", sorted(BUILD.NOTEBOOKS))
def test_the_committed_notebook_has_the_cells_of_the_build_script(name):
    committed = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert [(c.cell_type, c.source) for c in committed.cells] == BUILD.NOTEBOOKS[name]


@pytest.mark.parametrize("name", sorted(BUILD.NOTEBOOKS))
def test_the_committed_notebook_carries_its_outputs_and_plots(name):
    committed = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c for c in committed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client's own, not anslag's
@pytest.mark.parametrize("name", sorted(BUILD.NOTEBOOKS))
def test_the_notebook_runs_top_to_bottom(name, tmp_path):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    BUILD.execute(nb)  # raises CellExecutionError naming the cell that fails
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
