"""The audit of a recorded round (docs/audit.md), and its report as one HTML page."""

from __future__ import annotations

import os
import tempfile
from typing import Literal, Optional, Union

from anslag import _core
from anslag._core import Report, Round, _audit
from anslag._data import data_path
from anslag.units import Units, registry_of

_Path = Union[str, "os.PathLike[str]"]
_Severity = Literal["error", "warning", "info"]


def audit(round: Round, units: Units = None) -> Report:
    """Every stated total, count and rule of ``round`` checked against its rows.

    ``units``: the unit registry, or the path of a registry file (default: the bundled one). Unknown values are never a pass and
    never a failure: they become DERIVED_VALUE or MISSING_DATA findings.
    """
    if not isinstance(round, Round):
        raise TypeError(f"audit takes a round, not {type(round).__name__}: "
                        f"audit(anslag.load_round({round!r}))")
    return _audit(round, registry_of(units))


def _to_html(
    self: Report,
    document: Optional[_Path] = None,
    *,
    round: Optional[Round] = None,
    severity: Optional[_Severity] = None,
) -> str:
    """The report as one self-contained HTML page beside the decision document (docs/audit.md).

    ``round`` defaults to the round read again from ``self.file``; ``document`` (a path) to the
    round's seed beside the round file, else among the bundled seeds. Without a document the
    page says so and links no line.
    """
    audited = round if round is not None else _core.load_round(self.file)
    if document is None:
        found = _core._find_document(audited, self.file, os.fspath(data_path("seeds")))
        text = None if found is None else _core._read_document(found)
    else:
        text = _core._read_document(os.fspath(document))
    return _core._report_html(self, audited, text, severity)


def _save_html(
    self: Report,
    path: _Path,
    document: Optional[_Path] = None,
    *,
    round: Optional[Round] = None,
    severity: Optional[_Severity] = None,
) -> None:
    """Writes ``to_html(...)`` to ``path`` whole or not at all: through a temporary file beside
    it, renamed over it."""
    page = _to_html(self, document, round=round, severity=severity).encode("utf-8")
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(page)
            out.flush()
            os.fsync(out.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


# setattr: the stubs (_core.pyi) declare these methods, and mypy refuses assigning to a method.
setattr(Report, "to_html", _to_html)
setattr(Report, "save_html", _save_html)
