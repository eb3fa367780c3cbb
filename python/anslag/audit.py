"""The audit of a recorded round (docs/audit.md)."""

from __future__ import annotations

from typing import Optional

from anslag._core import Report, Round, UnitRegistry, _audit
from anslag.units import unit_registry


def audit(round: Round, registry: Optional[UnitRegistry] = None) -> Report:
    """Every stated total, count and rule of ``round`` checked against its rows.

    ``registry`` defaults to the bundled unit registry. Unknown values are never a pass and
    never a failure: they become DERIVED_VALUE or MISSING_DATA findings.
    """
    if not isinstance(round, Round):
        raise TypeError(f"audit takes a round, not {type(round).__name__}: "
                        f"audit(anslag.load_round({round!r}))")
    return _audit(round, registry if registry is not None else unit_registry())
