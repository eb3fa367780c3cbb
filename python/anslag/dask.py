"""Many round files on a Dask cluster (docs/scaling.md): a bag of the files, one element per
file, in parts of many files each (one task per part, so that the scheduler's cost per task is
spread over many audits), the engine's load and audit running without the GIL, and each part's
findings sent back as one frame, concatenated once.

``audit_many(paths, client)`` runs on the cluster behind a ``distributed.Client``, for example
``Client("tcp://scheduler:8786")``; without ``client``, on the Client this process opened last,
if one is open (Dask's rule), else on the threads of this process (load and audit release the
GIL, so the threads run side by side). Importing this module loads neither dask nor distributed:
the functions do.

``register_krona()`` lets Dask DataFrames hold krona columns: it gives Dask the dtype's sample
values, from which Dask infers the meta of each operation (Dask's own extension dispatch). It runs
by itself when ``anslag.pandas`` is imported after ``dask.dataframe``; otherwise call it once.
"""

from __future__ import annotations

import functools
import math
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union

from anslag import _core

if TYPE_CHECKING:
    import pandas as pd

_Path = Union[str, "os.PathLike[str]"]
_Result = TypeVar("_Result")

# A task through the distributed scheduler costs milliseconds (tens on a loaded machine), a
# round's load and audit well under one (docs/performance.md, "Many rounds"): a task audits
# many files. Parts per thread of the cluster: enough that a slow worker or a part of large
# rounds does not leave the others idle at the end.
PARTS_PER_THREAD = 4
# The most files in one part: a long task would hold back the progress bar and, when a worker
# is lost, cost much to redo.
MOST_FILES_PER_PART = 500


def part_size(files: int, threads: int) -> int:
    """The files in each part of a bag of ``files`` on ``threads`` threads (the last part may be
    smaller): PARTS_PER_THREAD parts per thread, at most MOST_FILES_PER_PART files each."""
    parts = min(files, max(PARTS_PER_THREAD * max(threads, 1), math.ceil(files / MOST_FILES_PER_PART)))
    return max(1, math.ceil(files / max(parts, 1)))


def register_krona() -> None:
    """Registers the krona dtype with Dask's meta dispatch (``make_array_nonempty`` for a column,
    ``make_scalar`` for the sums and extremes that reduce one). Idempotent."""
    from dask.dataframe.extensions import make_array_nonempty, make_scalar

    from anslag.pandas import KronaDtype

    make_array_nonempty.register(KronaDtype, _sample_column)
    make_scalar.register(KronaDtype, _sample_of_dtype)
    make_scalar.register(_core.Krona, _sample_amount)


def _sample_column(dtype: Any) -> Any:
    # Dask runs each operation on two rows to learn its meta, and takes the result's type for
    # the meta: known amounts, so that a sum is a Krona (an unknown one would be pd.NA).
    from anslag.pandas import KronaArray

    return KronaArray.from_ore([100, 250])


def _sample_of_dtype(dtype: Any) -> _core.Krona:
    return _core.Krona.from_ore(100)


def _sample_amount(amount: _core.Krona) -> _core.Krona:
    return amount


def _audit_part(paths: Sequence[str], units: Optional[str] = None) -> list[pd.DataFrame]:
    """On a worker: the findings of a part's files as one frame (a list of it: a bag's part is a
    sequence). A frame's columns pickle as arrays, where Report objects pickle finding by finding.
    ``units``: the registry file's path, read on the worker (default: the bundled registry)."""
    from anslag.rounds import RoundsReport
    from anslag.units import registry_of

    # The bundled registry is read once per process; a file of the user's once per part.
    registry = registry_of(units)
    return [RoundsReport([_core._audit(_core.load_round(path), registry) for path in paths]).to_frame()]


def _draft_part(documents: Sequence[str], units: Optional[str] = None) -> list[_core.Draft]:
    from anslag.draft import draft_round
    from anslag.units import registry_of

    registry = registry_of(units)
    return [draft_round(document, units=registry) for document in documents]


def _show_progress(progress: Optional[bool]) -> bool:
    return sys.stderr.isatty() if progress is None else progress


def _active_client() -> Any:
    """The distributed Client this process made last, if any is still open (Dask's own rule)."""
    try:
        from distributed import default_client
    except ImportError:
        return None
    try:
        return default_client()
    except ValueError:
        return None


def bag_of_parts(function: Callable[[Sequence[str]], list[Any]], items: Sequence[str], size: int) -> Any:
    """The Dask bag of ``items`` in parts of ``size``, ``function`` mapped over each part: one
    task per part. Each part's list goes into the task that reads it, not a task of its own (Dask
    does not fuse a bag's literal parts into their readers, and each task costs the scheduler
    milliseconds)."""
    import dask.bag as db
    from dask.optimization import inline

    files = db.from_sequence(list(items), partition_size=size)
    mapped = files.map_partitions(function)
    parts_of_files = [(files.name, i) for i in range(files.npartitions)]
    graph = inline(dict(mapped.__dask_graph__()), keys=parts_of_files, inline_constants=True)
    return db.Bag({key: task for key, task in graph.items() if key[0] != files.name}, mapped.name, mapped.npartitions)


def _run(
    function: Callable[[Sequence[str]], list[_Result]], items: Sequence[str], client: Any, progress: Optional[bool]
) -> list[_Result]:
    """``function`` over the parts of a Dask bag of ``items`` (``part_size`` files each); the
    results of the parts, in the order of ``items``."""
    if not items:
        return []
    if client is None:
        client = _active_client()
    threads = (os.cpu_count() or 1) if client is None else sum(client.nthreads().values())
    size = part_size(len(items), threads)
    bag = bag_of_parts(function, items, size)
    show = _show_progress(progress)
    if client is None:
        if not show:
            return list(bag.compute(scheduler="threads"))
        from dask.diagnostics import ProgressBar

        with ProgressBar(out=sys.stderr):
            return list(bag.compute(scheduler="threads"))
    # The bag goes to the cluster once, as one graph, and each part's result comes straight back
    # to this process (a future per part computed on its own would carry a copy of the whole
    # graph: rounds x rounds; bag.compute would first gather the parts on one worker).
    from distributed import futures_of, wait

    def index(future: Any) -> int:  # a part's future has the key (name, index of the part)
        return int(future.key[1])

    parts = sorted(futures_of(client.persist(bag)), key=index)
    if show:
        from distributed import as_completed
        from tqdm import tqdm

        with tqdm(total=len(items), file=sys.stderr, unit="file") as bar:
            for done in as_completed(parts):
                bar.update(len(items[index(done) * size:(index(done) + 1) * size]))
    else:
        wait(parts)
    return [result for part in client.gather(parts) for result in part]


def audit_many(
    paths: Union[_Path, Iterable[_Path]],
    client: Any = None,
    *,
    progress: Optional[bool] = None,
    units: Optional[_Path] = None,
) -> pd.DataFrame:
    """The audits of many round files (a folder's ``*.toml``, or the files listed): a Dask bag of
    the files in parts of many files (``part_size``), on ``client``'s cluster (default: the open
    Client, else this process's threads). Returns one frame of every finding with ``year`` and
    ``file`` first (RoundsReport.to_frame's columns), in the order of the files.
    Each file is audited on its own: the checks across rounds need the rounds together
    (``anslag.load_rounds(...).audit()``). A file that does not load raises its RoundFileError
    (file, line, column) here. A progress bar on standard error when it is a terminal, or when
    ``progress`` is true. ``units``: the path of the unit registry file the workers read, as
    they read the round files (default: the bundled registry)."""
    from anslag.rounds import RoundsReport, _round_paths

    files = _round_paths(paths)
    frames = _run(functools.partial(_audit_part, units=None if units is None else os.fspath(units)), files, client,
                  progress)
    if not frames:
        return RoundsReport([]).to_frame()
    import pandas as pd

    return pd.concat(frames, ignore_index=True)


def draft_many(
    documents: Iterable[_Path],
    client: Any = None,
    *,
    progress: Optional[bool] = None,
    units: Optional[_Path] = None,
) -> list[_core.Draft]:
    """``anslag.draft_round`` over many decision documents, a bag of them in parts as for
    ``audit_many``; the drafts in the order of ``documents``. ``units``: as for ``audit_many``."""
    part = functools.partial(_draft_part, units=None if units is None else os.fspath(units))
    return _run(part, [os.fspath(d) for d in documents], client, progress)
