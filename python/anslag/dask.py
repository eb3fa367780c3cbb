"""Many round files on a Dask cluster (docs/scaling.md): one task per file, the engine's audit
running without the GIL, the findings gathered into one frame.

``audit_many(paths, client)`` runs on the cluster behind a ``distributed.Client``, for example
``Client("tcp://scheduler:8786")``; without ``client``, on the Client this process opened last,
if one is open (Dask's rule), else on the threads of this process (the audit releases the GIL,
so the threads run side by side). Importing
this module loads neither dask nor distributed: the functions do.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Optional, Union

from anslag import _core

if TYPE_CHECKING:
    import pandas as pd

_Path = Union[str, "os.PathLike[str]"]


def _audit_file(path: str) -> _core.Report:
    # Runs on a worker: the worker's own copy of the bundled registry, read once per process.
    from anslag.audit import audit

    return audit(_core.load_round(path))


def _draft_document(document: str) -> Any:
    import anslag

    return anslag.draft_round(document)


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


def _run(function: Any, items: Sequence[str], client: Any, progress: Optional[bool]) -> list[Any]:
    """``function`` over ``items`` as a Dask bag of one partition (one task) per item, in order."""
    import dask.bag as db

    if not items:
        return []
    bag = db.from_sequence(list(items), npartitions=len(items)).map(function)
    show = _show_progress(progress)
    if client is None:
        client = _active_client()
    if client is None:
        if not show:
            return list(bag.compute(scheduler="threads"))
        from dask.diagnostics import ProgressBar

        with ProgressBar(out=sys.stderr):
            return list(bag.compute(scheduler="threads"))
    # The bag is sent to the cluster once, as one graph: a future per part, each computed from
    # its own copy of the whole graph, cost rounds × rounds (10 000 files took 296 s, against
    # 21 s serially; docs/performance.md, "Many rounds").
    from distributed import futures_of

    persisted = client.persist(bag)
    if show:
        from distributed import as_completed
        from tqdm import tqdm

        parts = futures_of(persisted)
        with tqdm(total=len(parts), file=sys.stderr, unit="file") as bar:
            for _ in as_completed(parts):
                bar.update(1)
    return list(client.compute(persisted).result())


def audit_many(
    paths: Union[_Path, Iterable[_Path]], client: Any = None, *, progress: Optional[bool] = None
) -> pd.DataFrame:
    """The audits of many round files (a folder's ``*.toml``, or the files listed): one Dask task
    per file, on ``client``'s cluster (default: the open Client, else this process's threads). Returns one
    frame of every finding with ``year`` and ``file`` first (RoundsReport.to_frame's columns).
    Each file is audited on its own: the checks across rounds need the rounds together
    (``anslag.load_rounds(...).audit()``). A file that does not load raises its RoundFileError
    (file, line, column) here. A progress bar on standard error when it is a terminal, or when
    ``progress`` is true."""
    from anslag.rounds import RoundsReport, _round_paths

    files = _round_paths(paths)
    return RoundsReport(_run(_audit_file, files, client, progress)).to_frame()


def draft_many(documents: Iterable[_Path], client: Any = None, *, progress: Optional[bool] = None) -> list[Any]:
    """``anslag.draft_round`` over many decision documents, one Dask task per document; the drafts
    in the order of ``documents``. NotImplementedError when this build has no ``draft_round``."""
    import anslag

    if not hasattr(anslag, "draft_round"):
        raise NotImplementedError("anslag.draft_round is not in this build of anslag")
    return _run(_draft_document, [os.fspath(d) for d in documents], client, progress)
