"""`anslag` (the console script) and `python -m anslag`: the command-line program bundled in the
package, run with the given arguments; its exit code is the command's."""

import os
import sys
from pathlib import Path

from anslag._data import DATA_DIR

PROGRAM = Path(__file__).resolve().parent / "bin" / "anslag"


def main() -> None:
    # The program was compiled against a source tree that may be gone: point it at the data
    # shipped in the package unless the caller chose another folder.
    environment = dict(os.environ)
    environment.setdefault("ANSLAG_DATA_DIR", str(DATA_DIR))
    os.execve(PROGRAM, ["anslag", *sys.argv[1:]], environment)


if __name__ == "__main__":
    main()
