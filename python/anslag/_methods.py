"""The pure-Python methods of the compiled classes: ``to_frame`` (pandas, loaded on first call),
``_repr_html_`` (Jupyter's rich display), and Krona's answers to Python's and pandas' protocols
(``format``, ``float``, comparisons with ``pd.NA``). Imported once by ``anslag/__init__.py``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Optional

from anslag import display
from anslag._core import Comparison, Evaluation, Finding, Krona, Proposal, Report, Round

if TYPE_CHECKING:
    import pandas as pd

    from anslag.units import Units


def _round_to_frame(self: Round, units: Units = None) -> pd.DataFrame:
    """One row per application: money columns of dtype krona, a missing amount <NA>."""
    from anslag.frames import round_frame

    return round_frame(self, units)


def _report_to_frame(self: Report) -> pd.DataFrame:
    """One row per finding; amounts in krona columns, counts in Int64 columns."""
    from anslag.frames import report_frame

    return report_frame(self)


def _evaluation_to_frame(self: Evaluation) -> pd.DataFrame:
    """One row per verdict."""
    from anslag.frames import evaluation_frame

    return evaluation_frame(self)


def _proposal_to_frame(self: Proposal, units: Units = None) -> pd.DataFrame:
    """One row per application of the proposal, in the order of allocation; förvaltning names
    from the registry ``units`` (default: the bundled one)."""
    from anslag.frames import proposal_frame

    return proposal_frame(self, units)


def _comparison_to_frame(self: Comparison) -> pd.DataFrame:
    """One row per application: recorded, proposed, difference."""
    from anslag.frames import comparison_frame

    return comparison_frame(self)


# setattr: the stubs (_core.pyi) declare these methods, and mypy refuses assigning to a method.
for _cls, _method in (
    (Round, _round_to_frame),
    (Report, _report_to_frame),
    (Evaluation, _evaluation_to_frame),
    (Proposal, _proposal_to_frame),
    (Comparison, _comparison_to_frame),
):
    setattr(_cls, "to_frame", _method)

for _shown, _html in (
    (Krona, display.krona_html),
    (Round, display.round_html),
    (Report, display.report_html),
    (Finding, display.finding_html),
    (Evaluation, display.evaluation_html),
    (Proposal, display.proposal_html),
    (Comparison, display.comparison_html),
):
    setattr(_shown, "_repr_html_", _html)


# A format spec Python's Decimal applies exactly: [[fill]align][sign][z][#][0][width][grouping]
# [.precision][type], with the types that show every öre of an amount at precision 2 or more.
_SPEC = re.compile(r"(?:.?[<>=^])?[+\- ]?z?#?0?\d*[,_]?(?:\.(?P<precision>\d+))?(?P<type>[fFn]?)", re.DOTALL)


def _krona_format(self: Krona, spec: str) -> str:
    """format(k, spec): the Swedish form for "" (aligned as a str with "<20" and the like), the
    kronor as an exact decimal for the "f" and "n" types, "1,234.50" for ",.2f". A precision below
    2 would round away öre, and every other type (e, g, %) shows the amount as something else:
    both refused, naming the exact forms."""
    match = _SPEC.fullmatch(spec)
    if match is not None and not match["type"] and match["precision"] is None:
        return format(str(self), spec)
    if match is None or (match["precision"] is not None and int(match["precision"]) < 2):
        raise TypeError(f"a Krona is not formatted with {spec!r}: öre would be rounded away or the "
                        "amount shown as another number; use str(k) for '1 234,50 kr', "
                        "format(k, ',.2f') for '1,234.50', or k.round(unit, mode) first")
    return format(self.to_decimal(), spec)


def _krona_float(self: Krona) -> float:
    raise TypeError("float(Krona) would make money inexact: k.to_decimal() gives the kronor exactly, "
                    "k.ore the öre as an int; a column's astype(float) names the float on purpose")


def _is_pandas_na(value: object) -> bool:
    # By the type's name: pandas is not imported for a Krona compared with something else.
    kind = type(value)
    return kind.__name__ == "NAType" and kind.__module__.startswith("pandas")


def _unknown_stays_unknown(method: Callable[[Krona, Any], Any]) -> Callable[[Krona, Any], Any]:
    """A Krona against pandas' missing value gives the missing value, as an amount in a krona
    column does: an unknown amount is neither equal, nor less, nor added to."""

    def with_unknown(self: Krona, other: Any) -> Any:
        # An amount against an amount first: hash tables and sorts compare many of them.
        if type(other) is not Krona and _is_pandas_na(other):
            return other
        return method(self, other)

    with_unknown.__name__ = method.__name__
    with_unknown.__doc__ = method.__doc__
    return with_unknown


setattr(Krona, "__format__", _krona_format)
setattr(Krona, "__float__", _krona_float)
for _name in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__radd__",
              "__sub__", "__rsub__"):
    if hasattr(Krona, _name):
        setattr(Krona, _name, _unknown_stays_unknown(getattr(Krona, _name)))
