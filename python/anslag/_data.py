"""Where the bundled data (rounds, unit registry, seed documents) sits inside the package."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(*parts: str) -> Path:
    """The path of a bundled data file, e.g. ``data_path("rounds", "2020.toml")``."""
    return DATA_DIR.joinpath(*parts)
