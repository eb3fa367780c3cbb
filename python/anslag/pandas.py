"""Exact money in pandas: the extension type ``krona``.

Importing this module registers the dtype, so ``pd.Series(["8 618 500 kr", None], dtype="krona")``
and ``pd.read_csv(..., dtype={"belopp": "krona"})`` work. A ``KronaArray`` holds a numpy int64
count of öre and a boolean mask of missing values: nothing passes through a float, a missing value
stays ``<NA>`` (never 0, never NaN), and every sum and arithmetic result is overflow-checked
(``anslag.OverflowError``, never a wrapped value). Conversion to float happens only when asked
for by name: ``astype(float)`` (or ``astype("Float64")``), giving kronor.

A sum with an unknown amount is unknown: ``sum()`` and group sums are ``<NA>`` as soon as one
amount is ``<NA>``; ``.krona.known_sum()`` and ``.krona.unknown_count()`` say what is known. A bare
number is not an amount, except 0 (0 kr in every unit). docs/python.md, "What pandas does with
money", lists every idiom with its answer.

Nothing in pandas, numpy or matplotlib is changed by this import: every answer comes from the
extension-array protocol (the methods pandas and numpy call on the array), the ``.krona``
accessor and ``anslag.frames``. A frame without krona columns behaves exactly as without anslag.

``import anslag`` does not import pandas; ``import anslag.pandas`` (or touching
``anslag.KronaDtype``) does.
"""

from __future__ import annotations

import builtins
import decimal
import fractions
import math
import operator
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from anslag._core import RoundingMode

import numpy as np
import numpy.typing as npt
import pandas as pd
from pandas.api.extensions import (
    ExtensionArray,
    ExtensionDtype,
    no_default,
    register_dataframe_accessor,
    register_extension_dtype,
    register_series_accessor,
    take,
)

from anslag import _core
from anslag._core import Krona, parse_amounts, round_amounts, scale_amounts, sum_amounts

__all__ = ["KronaArray", "KronaDtype", "NoExactAmount"]

_INT64_MAX = int(np.iinfo(np.int64).max)
_EXACT_IN_DOUBLE = 2**53  # every integer up to this magnitude is a double exactly
_INT64_MIN = int(np.iinfo(np.int64).min)
# Krona.from_ore as compiled, for numpy's loop over a column (anslag._guard wraps the method).
_amounts_of_ore = np.frompyfunc(getattr(Krona.from_ore, "__wrapped__", Krona.from_ore), 1, 1)
_NO_IMPLICIT_FLOAT = ("krona values do not {what}: money passes through a float only when asked "
                      "for by name, astype(float) (kronor), or .krona.ore (öre as Int64)")


@register_extension_dtype
class KronaDtype(ExtensionDtype):
    """The pandas dtype ``"krona"``: exact amounts of Swedish money, missing values as ``<NA>``."""

    name = "krona"
    type = Krona
    na_value = pd.NA
    # Numeric, so that DataFrame and groupby sums keep krona columns instead of dropping them; a
    # mean is then refused loudly (NoExactAmount is no TypeError, which pandas would swallow).
    _is_numeric = True

    @classmethod
    def construct_array_type(cls) -> builtins.type[KronaArray]:
        return KronaArray

    def __repr__(self) -> str:
        return "KronaDtype()"

    def __from_arrow__(self, array: Any) -> KronaArray:
        """A column read from Parquet or Arrow (int64 öre, null where unknown: __arrow_array__)."""
        chunks = array.chunks if hasattr(array, "chunks") else [array]
        ore = [value for chunk in chunks for value in chunk.to_pylist()]
        return KronaArray.from_ore(ore)


class NoExactAmount(_core.InvalidArgumentError):
    """A reduction of amounts that has no exact answer (mean, std, ...): refused with the exact
    way, and never a TypeError, which pandas 1.5 takes as "drop this column" in frame and group
    reductions."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = "invalid_argument"


def _is_missing(value: object) -> bool:
    # NaN is accepted as missing only because pandas itself writes it for absent cells.
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _is_integer_scalar(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _is_zero(value: object) -> bool:
    """The int 0: 0 kr in every unit, so the one bare number that is an amount."""
    return _is_integer_scalar(value) and int(value) == 0  # type: ignore[call-overload]


def _is_bare_number(value: object) -> bool:
    return isinstance(value, (int, float, decimal.Decimal, fractions.Fraction, np.number, np.bool_))


def _bare_number(value: object) -> TypeError:
    return TypeError(f"{value!r} is a bare number, not an amount: write {value!r} kr as Krona({value!r}) "
                     "or a text such as '1 234,50 kr'; KronaArray.from_ore takes counts of öre")


def _scalar_ore(value: object) -> int | None:
    """The öre of one scalar put into a column: an amount, its text, a Decimal, 0, or missing."""
    if _is_missing(value):
        return None
    if _is_zero(value):
        return 0
    if _is_bare_number(value) and not isinstance(value, decimal.Decimal):
        raise _bare_number(value) if not isinstance(value, float) else TypeError(
            "Krona cannot be made from a float: floats are inexact; use a string such as "
            "'1 234,50 kr' or a decimal.Decimal")
    return Krona(value).ore  # type: ignore[arg-type]  # Krona() raises TypeError on the rest


def _sequence_ore(value: object) -> int | None:
    """As _scalar_ore, but 0 is refused too: pandas casts the results of aggregations (counts,
    sums of öre) back through the array constructor, and a count of 0 is not 0 kr."""
    if _is_integer_scalar(value):
        raise _bare_number(value)
    return _scalar_ore(value)


def _parse_present(texts: npt.NDArray[np.object_], positions: npt.NDArray[np.intp]) -> npt.NDArray[np.int64]:
    """parse_amounts of the known cells, whose error names the cell's position in the whole
    column (``positions``), not among the known cells."""
    try:
        return parse_amounts(texts)
    except _core.Error as error:
        index = int(getattr(error, "index"))  # set on every element's error by parse_amounts
        at = int(positions[index])
        renamed = type(error)(str(error).replace(f"element {index} (", f"element {at} (", 1))
        renamed.__dict__.update(error.__dict__)
        setattr(renamed, "index", at)
        raise renamed from None


class KronaArray(ExtensionArray):
    """A column of exact amounts: int64 öre and a mask of missing values (True = missing)."""

    def __init__(self, ore: npt.NDArray[np.int64], mask: npt.NDArray[np.bool_]) -> None:
        if ore.dtype != np.int64 or mask.dtype != np.bool_ or ore.shape != mask.shape or ore.ndim != 1:
            raise TypeError("KronaArray needs a 1-D int64 öre array and a bool mask of the same shape")
        self._data = ore
        self._mask = mask

    # --- construction ----------------------------------------------------------------------------

    @classmethod
    def from_ore(cls, ore: Iterable[int | None] | pd.api.extensions.ExtensionArray) -> KronaArray:
        """Amounts from counts of öre: ints, an int64 array, or a pandas Int64 array with <NA>."""
        ints = pd.array(ore, dtype="Int64")
        return cls(ints.to_numpy(dtype=np.int64, na_value=0), ints.isna())

    @classmethod
    def _from_sequence(cls, scalars: Iterable[Any], *, dtype: Any = None, copy: bool = False) -> KronaArray:
        if isinstance(scalars, (pd.Series, pd.Index)):
            scalars = scalars.array
        if isinstance(scalars, KronaArray):
            return scalars.copy() if copy else scalars
        values = np.asarray(scalars, dtype=object) if not isinstance(scalars, np.ndarray) else scalars
        if values.dtype != object:
            values = values.astype(object)
        mask = np.asarray(pd.isna(values), dtype=np.bool_).reshape(len(values))
        present = values[~mask]
        data = np.zeros(len(values), dtype=np.int64)
        if pd.api.types.infer_dtype(present, skipna=False) == "string":
            data[~mask] = _parse_present(present, np.flatnonzero(~mask))  # one C++ call for the text
        else:
            data[~mask] = [_sequence_ore(value) for value in present]
        return cls(data, mask)

    @classmethod
    def _from_sequence_of_strings(
        cls, strings: Sequence[str], *, dtype: Any = None, copy: bool = False
    ) -> KronaArray:
        return cls._from_sequence(strings, dtype=dtype, copy=copy)

    @classmethod
    def _concat_same_type(cls, to_concat: Sequence[KronaArray]) -> KronaArray:
        return cls(np.concatenate([a._data for a in to_concat]),
                   np.concatenate([a._mask for a in to_concat]))

    # --- the ExtensionArray interface --------------------------------------------------------------

    @property
    def dtype(self) -> KronaDtype:
        return KronaDtype()

    def __len__(self) -> int:
        return len(self._data)

    @property
    def nbytes(self) -> int:
        return int(self._data.nbytes + self._mask.nbytes)

    def isna(self) -> npt.NDArray[np.bool_]:
        return self._mask.copy()

    def copy(self) -> KronaArray:
        return KronaArray(self._data.copy(), self._mask.copy())

    def __getitem__(self, item: Any) -> Any:
        if _is_integer_scalar(item):
            if self._mask[item]:
                return pd.NA
            return Krona.from_ore(int(self._data[item]))
        if not isinstance(item, slice):
            item = pd.api.indexers.check_array_indexer(self, item)
        return KronaArray(self._data[item], self._mask[item])

    def __setitem__(self, key: Any, value: Any) -> None:
        if not isinstance(key, slice) and not _is_integer_scalar(key):
            key = pd.api.indexers.check_array_indexer(self, key)
            if isinstance(key, np.ndarray) and key.dtype == np.bool_ and not key.any():
                # No cell is set, so the value is not an amount put into the column: pandas 1.5's
                # cumsum, cummin and cummax fill the (here no) unknown cells with a float this way.
                return
        if pd.api.types.is_list_like(value):
            values = KronaArray._from_sequence(value)
            self._data[key] = values._data
            self._mask[key] = values._mask
        else:
            # 0 is 0 kr in a comparison, but put in place of an unknown amount it is the silent
            # wrong answer: fillna(0) and pivot_table's fill_value=0 fill unknown cells this way.
            if _is_zero(value) and self._mask[key].any():
                raise TypeError("an unknown amount is not 0 kr: fill it with Krona(0) by name "
                                "(fillna(Krona(0)), pivot_table(fill_value=Krona(0))), or leave it "
                                "out with dropna()")
            ore = _scalar_ore(value)
            self._data[key] = 0 if ore is None else ore
            self._mask[key] = ore is None

    def take(self, indices: Sequence[int], *, allow_fill: bool = False, fill_value: Any = None) -> KronaArray:
        fill_ore = _scalar_ore(fill_value) if allow_fill else None
        data = take(self._data, indices, allow_fill=allow_fill,
                    fill_value=0 if fill_ore is None else fill_ore)
        mask = take(self._mask, indices, allow_fill=allow_fill, fill_value=fill_ore is None)
        return KronaArray(data, mask)

    def _values_for_argsort(self) -> npt.NDArray[np.int64]:
        return self._data  # the base argsort places the masked values by na_position

    def _values_for_factorize(self) -> tuple[npt.NDArray[Any], Any]:
        """What pandas hashes to match keys (merge, join): int64 öre with the least int64 for an
        unknown amount, unless an amount is that value, when the amounts go as objects."""
        if (self._data[~self._mask] == _INT64_MIN).any():
            return self._to_objects(np.nan), np.nan
        return np.where(self._mask, _INT64_MIN, self._data), _INT64_MIN

    def _rank(self, *, axis: int = 0, method: str = "average", na_option: str = "keep",
              ascending: bool = True, pct: bool = False) -> Any:
        """Series.rank: ranks of the öre (ranks are positions, not money), <NA> amounts ranked as
        pandas ranks missing values."""
        if axis != 0 or na_option != "keep":
            return super()._rank(axis=axis, method=method, na_option=na_option, ascending=ascending, pct=pct)
        ranks = np.full(len(self), np.nan)
        ranks[~self._mask] = pd.Series(self._data[~self._mask]).rank(method=method, ascending=ascending, pct=pct)
        return ranks

    def factorize(self, na_sentinel: Any = no_default, use_na_sentinel: Any = no_default
                  ) -> tuple[npt.NDArray[np.intp], KronaArray]:
        # The masked Int64 array factorizes int64 with the mask, so no value has to stand for NA.
        # Its deprecation warnings about na_sentinel concern our caller, not this module.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            codes, uniques = self.to_ore().factorize(na_sentinel=na_sentinel,
                                                     use_na_sentinel=use_na_sentinel)
        for warning in caught:
            warnings.warn(warning.message, warning.category, stacklevel=2)
        return codes, KronaArray.from_ore(uniques)

    def unique(self) -> KronaArray:
        return self.factorize(use_na_sentinel=False)[1]

    def value_counts(self, dropna: bool = True) -> pd.Series:
        counts = self.to_ore().value_counts(dropna=dropna)
        return pd.Series(counts.array, index=pd.Index(KronaArray.from_ore(counts.index.array)),
                         name=counts.name)

    def isin(self, values: Iterable[Any]) -> npt.NDArray[np.bool_]:
        # A comparison: 0 is 0 kr here as with ==.
        other = KronaArray._from_sequence([Krona(0) if _is_zero(v) else v for v in values])
        result = np.isin(self._data, other._data[~other._mask]) & ~self._mask
        result[self._mask] = bool(other._mask.any())
        return result

    def __arrow_array__(self, type: Any = None) -> Any:
        """The column for pyarrow (Parquet): int64 öre, null where unknown; read back as krona
        through KronaDtype.__from_arrow__ (pandas keeps the dtype's name in the file)."""
        import pyarrow  # type: ignore[import]  # optional: not packaged in Debian bookworm

        return pyarrow.array(self._data, mask=self._mask, type=pyarrow.int64())

    def _formatter(self, boxed: bool = False) -> Callable[[Any], str | None]:
        return str  # the canonical Swedish form, "8 618 500 kr", in and out of a Series

    def round(self, decimals: int = 0, *args: Any, **kwargs: Any) -> KronaArray:
        """Series.round: an amount is whole öre, so to two decimals or more it stays as it is; to
        fewer, rounding needs a rule, which .krona.round names."""
        if _is_integer_scalar(decimals) and int(decimals) >= 2:
            return self.copy()
        raise TypeError(f"krona amounts are not rounded to {decimals!r} decimals without a rule: "
                        ".krona.round('1 kr', 'half_even') rounds to whole kronor (any unit, any of "
                        "half_even, half_up, down, up, floor, ceiling)")

    def cumsum(self, axis: int = 0, dtype: Any = None, out: Any = None) -> KronaArray:
        """np.cumsum of the array, as pandas 1.5 asks for Series.cumsum: the running total, unknown
        from the first unknown amount on."""
        if axis not in (0, -1) or dtype is not None or out is not None:
            raise TypeError("np.cumsum of krona amounts takes no axis but 0, no dtype and no out")
        return self._accumulate("cumsum")

    _UFUNC_REDUCTIONS = {np.add: "sum", np.minimum: "min", np.maximum: "max"}
    _UFUNC_ACCUMULATIONS = {np.add: "cumsum", np.minimum: "cummin", np.maximum: "cummax"}
    _UFUNC_OPERATORS: dict[np.ufunc, Callable[..., Any]] = {
        np.add: operator.add, np.subtract: operator.sub, np.multiply: operator.mul,
        np.true_divide: operator.truediv, np.negative: operator.neg, np.positive: operator.pos,
        np.absolute: operator.abs, np.equal: operator.eq, np.not_equal: operator.ne,
        np.less: operator.lt, np.less_equal: operator.le, np.greater: operator.gt,
        np.greater_equal: operator.ge,
    }

    _REFLECTED = {np.add: "__radd__", np.subtract: "__rsub__", np.multiply: "__rmul__",
                  np.true_divide: "__rtruediv__", np.equal: "__eq__", np.not_equal: "__ne__",
                  np.less: "__gt__", np.less_equal: "__ge__", np.greater: "__lt__",
                  np.greater_equal: "__le__"}

    def __array_ufunc__(self, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
        """numpy's functions on amounts: the exact ones (sums, extremes, running totals and the
        operators of amounts) as the column computes them, every other one refused with the
        exact way, so that no ufunc makes floats of money unasked."""
        if any(isinstance(x, (pd.Series, pd.DataFrame, pd.Index)) for x in inputs):
            return NotImplemented  # pandas unwraps its objects and asks again with the arrays
        on_self = len(inputs) == 1 and inputs[0] is self and kwargs.get("axis", 0) in (0, -1) and \
            kwargs.get("out") is None and kwargs.get("dtype") is None
        if method == "reduce" and on_self and ufunc in self._UFUNC_REDUCTIONS:
            return self._reduce(self._UFUNC_REDUCTIONS[ufunc], skipna=False)
        if method == "accumulate" and on_self and ufunc in self._UFUNC_ACCUMULATIONS:
            return self._accumulate(self._UFUNC_ACCUMULATIONS[ufunc], skipna=False)
        if method == "__call__" and not kwargs and ufunc in self._UFUNC_OPERATORS:
            if len(inputs) == 2 and inputs[0] is not self:  # numpy's left operand: the reflected op
                return getattr(self, self._REFLECTED[ufunc])(inputs[0])
            return self._UFUNC_OPERATORS[ufunc](*inputs)
        raise TypeError(f"numpy's {ufunc.__name__}.{method} has no exact answer for krona amounts: "
                        "use the column's sum, min, max, cumsum, .krona.round or .krona.scale, or "
                        "astype(float) for kronor as floats")

    # --- conversions: to float only by name --------------------------------------------------------

    def to_ore(self) -> pd.arrays.IntegerArray:
        """The amounts as a pandas Int64 array of öre, <NA> where missing."""
        return pd.arrays.IntegerArray(self._data.copy(), self._mask.copy())

    def _to_objects(self, na_value: Any) -> npt.NDArray[np.object_]:
        # One numpy loop over the compiled constructor (the guarded one adds a Python call per
        # amount): pandas makes objects of the column wherever it asks the array nothing else.
        result: npt.NDArray[np.object_] = _amounts_of_ore(self._data)
        result[self._mask] = na_value
        return result

    def _to_kronor(self, dtype: np.dtype[Any], na_value: Any) -> npt.NDArray[np.floating[Any]]:
        # The one place an amount becomes a float, and only because the caller named the dtype.
        result = self._data.astype(dtype) / 100
        result[self._mask] = np.nan if na_value is no_default else na_value
        return result

    def __array__(self, dtype: npt.DTypeLike = None) -> npt.NDArray[Any]:
        if dtype is not None and np.dtype(dtype) != np.dtype(object):
            if np.dtype(dtype).kind not in "US":
                raise TypeError(_NO_IMPLICIT_FLOAT.format(what=f"convert implicitly to {np.dtype(dtype)}"))
            return self._to_objects(pd.NA).astype(dtype)
        return self._to_objects(pd.NA)

    def to_numpy(self, dtype: npt.DTypeLike = None, copy: bool = False,
                 na_value: Any = no_default) -> npt.NDArray[Any]:
        # pandas asks for floats this way itself (rolling, expanding, ewm): refused, so that only
        # astype(float) in the user's own code makes them.
        if dtype is not None and np.dtype(dtype).kind in "fciub":
            raise TypeError(_NO_IMPLICIT_FLOAT.format(what=f"convert to {np.dtype(dtype)}"))
        objects = self._to_objects(pd.NA if na_value is no_default else na_value)
        return objects if dtype is None else np.asarray(objects, dtype=dtype)

    def astype(self, dtype: Any, copy: bool = True) -> Any:
        dtype = pd.api.types.pandas_dtype(dtype)
        if isinstance(dtype, KronaDtype):
            return self.copy() if copy else self
        if isinstance(dtype, np.dtype) and dtype.kind == "f":
            return self._to_kronor(dtype, no_default)
        if isinstance(dtype, pd.core.arrays.floating.FloatingDtype):
            return pd.arrays.FloatingArray(self._to_kronor(dtype.numpy_dtype, 0), self._mask.copy())
        if pd.api.types.is_integer_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            raise TypeError(f"krona values do not convert to {dtype}: kronor or öre? .krona.ore gives "
                            "the öre as Int64")
        return super().astype(dtype, copy=copy)

    # --- reductions ------------------------------------------------------------------------------------

    def _reduce(self, name: str, *, skipna: bool = True, **kwargs: Any) -> Any:
        if name not in ("sum", "min", "max"):
            raise NoExactAmount(_no_exact(name))
        known = self._data[~self._mask]
        if name == "sum":
            # A total with an unknown part is unknown, whatever skipna says: a partial sum shown as
            # a total is the silent wrong answer. .krona.known_sum() asks for the known part.
            if self._mask.any() or len(known) < kwargs.get("min_count", 0):
                return pd.NA
            return sum_amounts(known)
        if (self._mask.any() and not skipna) or len(known) == 0:
            return pd.NA
        return Krona.from_ore(int(known.min() if name == "min" else known.max()))

    def _quantile(self, qs: npt.NDArray[np.float64], interpolation: str) -> KronaArray:
        # An amount of the column is exact; one between two of them needs a rounding rule.
        if interpolation not in ("lower", "higher", "nearest"):
            raise TypeError("a quantile of krona amounts is one of the amounts: quantile(q, "
                            "interpolation='lower', 'higher' or 'nearest'); for an interpolated one "
                            "in kronor as a float, astype(float).quantile(q)")
        known = np.sort(self._data[~self._mask])
        if len(known) == 0:
            return KronaArray(np.zeros(len(qs), dtype=np.int64), np.ones(len(qs), dtype=np.bool_))
        # Positions are counts of amounts, not money: a float here rounds no amount.
        position = np.asarray(qs, dtype=np.float64) * (len(known) - 1)
        index = (np.floor(position) if interpolation == "lower" else np.ceil(position)
                 if interpolation == "higher" else np.around(position))
        return KronaArray(known[index.astype(np.intp)], np.zeros(len(qs), dtype=np.bool_))

    def _accumulate(self, name: str, *, skipna: bool = True, **kwargs: Any) -> KronaArray:
        """cumsum (unknown from the first unknown amount on: a running total with an unknown part
        is unknown), cummin and cummax (of the known amounts; missing stays missing)."""
        if name == "cumsum":
            hi, lo = _halves(self._data)
            total, overflowed = _join_halves(np.cumsum(hi), np.cumsum(lo))
            mask = np.logical_or.accumulate(self._mask)
            _check(overflowed & ~mask, lambda i: sum_amounts(self._data[: i + 1]))
            return KronaArray(total, mask)
        if name in ("cummin", "cummax"):
            fill = np.iinfo(np.int64).max if name == "cummin" else np.iinfo(np.int64).min
            filled = np.where(self._mask, fill, self._data)
            running = np.minimum.accumulate(filled) if name == "cummin" else np.maximum.accumulate(filled)
            mask = self._mask.copy() if skipna else np.logical_or.accumulate(self._mask)
            # Before the first known amount the running extreme is only the fill value.
            mask |= np.logical_and.accumulate(self._mask)
            return KronaArray(np.where(mask, 0, running), mask)
        raise NoExactAmount(_no_exact(name))

    def _groupby_op(self, *, how: str, has_dropped_na: bool, min_count: int, ngroups: int,
                    ids: npt.NDArray[np.intp], **kwargs: Any) -> KronaArray:
        """Grouped sum, min and max, vectorised and exact (pandas' own integer kernels on the
        32-bit halves of each amount, so no sum can wrap, then one checked recombination). pandas
        2.1 calls this hook itself; pandas 1.5 sums each group with _reduce instead."""
        from pandas._libs import groupby as libgroupby

        valid = ids >= 0
        unknown = np.bincount(ids[valid & self._mask], minlength=ngroups)
        known = np.bincount(ids[valid & ~self._mask], minlength=ngroups)
        labels = ids.astype(np.intp, copy=False)
        if how == "sum":
            hi, lo = _halves(self._data)
            halves = np.ascontiguousarray(np.stack([hi, lo], axis=1))
            out = np.zeros((ngroups, 2), dtype=np.int64)
            libgroupby.group_sum(out, np.zeros(ngroups, dtype=np.int64), halves, labels,
                                 np.ascontiguousarray(np.stack([self._mask, self._mask], axis=1)),
                                 result_mask=np.zeros((ngroups, 2), dtype=np.bool_), min_count=0)
            total, overflowed = _join_halves(out[:, 0], out[:, 1])
            mask = (unknown > 0) | (known < max(min_count, 0))
            _check(overflowed & ~mask, lambda g: sum_amounts(self._data[(ids == g) & ~self._mask]))
            return KronaArray(np.where(mask, 0, total), mask)
        if how in ("min", "max"):
            out = np.zeros((ngroups, 1), dtype=np.int64)
            kernel = libgroupby.group_min if how == "min" else libgroupby.group_max
            kernel(out, np.zeros(ngroups, dtype=np.int64), self._data.reshape(-1, 1), labels,
                   min_count=-1, mask=self._mask.reshape(-1, 1),
                   result_mask=np.zeros((ngroups, 1), dtype=np.bool_))
            mask = known == 0
            return KronaArray(np.where(mask, 0, out[:, 0]), mask)
        raise NotImplementedError(how)

    # --- arithmetic and comparisons ----------------------------------------------------------------

    def _operand(self, other: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]] | None:
        """Amounts to combine with these, as öre and mask: another KronaArray, a sequence of
        amounts (Krona, 0 or missing), or one such value repeated; None for anything else."""
        if isinstance(other, Krona) or _is_missing(other) or _is_zero(other):
            ore = _scalar_ore(other)
            return (np.full(len(self), 0 if ore is None else ore, dtype=np.int64),
                    np.full(len(self), ore is None, dtype=np.bool_))
        if not isinstance(other, KronaArray):
            if not pd.api.types.is_list_like(other) or isinstance(other, (str, bytes, dict)):
                return None
            values = list(other)
            if not all(isinstance(v, Krona) or _is_missing(v) or _is_zero(v) for v in values):
                return None
            other = KronaArray._from_sequence([Krona(0) if _is_zero(v) else v for v in values])
        if len(other) != len(self):
            raise ValueError("krona arrays of different lengths")
        return other._data, other._mask

    def _refuse(self, symbol: str, other: Any) -> TypeError:
        return TypeError(f"krona {symbol} {type(other).__name__}: {_WHAT_TO_WRITE}")

    def _add_or_subtract(self, other: Any, subtract: bool, reflected: bool = False) -> Any:
        if isinstance(other, (pd.Series, pd.DataFrame, pd.Index)):
            return NotImplemented
        operand = self._operand(other)
        if operand is None:
            raise self._refuse("-" if subtract else "+", other)
        left, right = (operand[0], self._data) if reflected else (self._data, operand[0])
        mask = self._mask | operand[1]
        with np.errstate(over="ignore"):
            result = left - right if subtract else left + right
        # Two's complement: the result wrapped exactly where its sign differs from what the
        # operands' signs allow.
        wrapped = ((left ^ right) & (left ^ result) if subtract else (left ^ result) & (right ^ result)) < 0
        _check(wrapped & ~mask, lambda i: _at(left, i) - _at(right, i) if subtract
               else _at(left, i) + _at(right, i))
        return KronaArray(result, mask)

    def __add__(self, other: Any) -> Any:
        return self._add_or_subtract(other, subtract=False)

    def __radd__(self, other: Any) -> Any:
        return self._add_or_subtract(other, subtract=False, reflected=True)

    def __sub__(self, other: Any) -> Any:
        return self._add_or_subtract(other, subtract=True)

    def __rsub__(self, other: Any) -> Any:
        return self._add_or_subtract(other, subtract=True, reflected=True)

    def _factors(self, other: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]] | None:
        """An integer or an integer array (numpy, or pandas Int64 with <NA>) as int64 and mask."""
        if _is_integer_scalar(other):
            if not -_INT64_MAX - 1 <= int(other) <= _INT64_MAX:
                raise TypeError("a factor beyond int64 cannot scale an amount")
            return np.full(len(self), other, dtype=np.int64), np.zeros(len(self), dtype=np.bool_)
        dtype = getattr(other, "dtype", None)
        if dtype is None or not pd.api.types.is_integer_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            return None
        ints = pd.array(other, dtype="Int64")
        if len(ints) != len(self):
            raise ValueError("a krona array and factors of different lengths")
        return ints.to_numpy(dtype=np.int64, na_value=0), ints.isna()

    def __mul__(self, other: Any) -> Any:
        if isinstance(other, (pd.Series, pd.DataFrame, pd.Index)):
            return NotImplemented
        factors = self._factors(other)
        if factors is None:
            if isinstance(other, (KronaArray, Krona)):
                raise TypeError("krona * krona: a product of two amounts is not an amount")
            raise TypeError(f"krona * {type(other).__name__}: only an integer factor is exact; "
                            "for 85 % write .krona.scale(Fraction(85, 100), 'half_up') (or Decimal('0.85'))")
        factor, mask = factors[0], self._mask | factors[1]
        with np.errstate(over="ignore"):
            result = self._data * factor
        # |a·k| fits in uint64 exactly when |a| <= UINT64_MAX // |k|; it must then also fit the
        # signed range, which reaches one further below zero than above. (|INT64_MIN| as uint64
        # is 2**63, as it should be.)
        magnitude_a = np.abs(self._data).astype(np.uint64)
        magnitude_k = np.abs(factor).astype(np.uint64)
        limit = np.iinfo(np.uint64).max // np.maximum(magnitude_k, np.uint64(1))
        negative = (self._data < 0) != (factor < 0)
        with np.errstate(over="ignore"):
            magnitude = magnitude_a * magnitude_k
        fits = (magnitude_a <= limit) & (magnitude <= np.uint64(_INT64_MAX) + negative.astype(np.uint64))
        _check(~fits & ~mask, lambda i: _at(self._data, i) * int(factor[i]))
        return KronaArray(result, mask)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Any:
        """Amount / amount: a share, which is not money, as a Float64 (<NA> where either amount
        is unknown or the divisor is 0 kr). Amount / number needs a rounding rule: refused."""
        if isinstance(other, (pd.Series, pd.DataFrame, pd.Index)):
            return NotImplemented
        operand = self._operand(other) if not _is_integer_scalar(other) else None
        if operand is None:
            raise TypeError(f"krona / {type(other).__name__}: a part of an amount needs a rounding rule; "
                            "write .krona.scale(Fraction(1, n), 'half_even') (a share of two amounts, "
                            "granted / requested, is a float)")
        mask = self._mask | operand[1] | (operand[0] == 0)
        # A share is a ratio, not money: the one float result of krona arithmetic. Rounded once,
        # as Python's int / int: amounts within 2^53 öre are exact doubles, so one IEEE division
        # rounds once; a pair beyond is divided as Python ints (amounts made in code only: a round
        # file's are at most 10^13 öre).
        divisor = np.where(mask, 1, operand[0])
        share = self._data.astype(np.float64) / divisor.astype(np.float64)
        beyond = ~mask & ((self._data > _EXACT_IN_DOUBLE) | (self._data < -_EXACT_IN_DOUBLE) |
                          (divisor > _EXACT_IN_DOUBLE) | (divisor < -_EXACT_IN_DOUBLE))
        for i in np.flatnonzero(beyond):
            share[i] = int(self._data[i]) / int(divisor[i])
        return pd.arrays.FloatingArray(np.where(mask, 0.0, share), mask)

    def __rtruediv__(self, other: Any) -> Any:
        if isinstance(other, (pd.Series, pd.DataFrame, pd.Index)):
            return NotImplemented
        operand = self._operand(other) if not _is_integer_scalar(other) else None
        if operand is None:
            raise TypeError(f"{type(other).__name__} / krona: {_WHAT_TO_WRITE}")
        return KronaArray(operand[0], operand[1]) / self

    def __neg__(self) -> KronaArray:
        _check((self._data == np.iinfo(np.int64).min) & ~self._mask, lambda i: -_at(self._data, i))
        return KronaArray(-self._data, self._mask.copy())

    def __pos__(self) -> KronaArray:
        return self.copy()

    def __abs__(self) -> KronaArray:
        _check((self._data == np.iinfo(np.int64).min) & ~self._mask, lambda i: abs(_at(self._data, i)))
        return KronaArray(np.abs(self._data), self._mask.copy())

    def _compare(self, other: Any, op: np.ufunc, symbol: str) -> Any:
        # As with Krona scalars: an amount compares with amounts and with 0 (0 kr); every other
        # bare number or text is refused by every operator alike, so == is never silently False.
        if isinstance(other, (pd.Series, pd.DataFrame, pd.Index)):
            return NotImplemented
        operand = self._operand(other)
        if operand is None:
            raise TypeError(f"cannot compare krona with {type(other).__name__} ({symbol}): {_WHAT_TO_WRITE}")
        mask = self._mask | operand[1]
        return pd.arrays.BooleanArray(op(self._data, operand[0]) & ~mask, mask)

    def __eq__(self, other: Any) -> Any:
        return self._compare(other, np.equal, "==")

    def __ne__(self, other: Any) -> Any:
        return self._compare(other, np.not_equal, "!=")

    def __lt__(self, other: Any) -> Any:
        return self._compare(other, np.less, "<")

    def __le__(self, other: Any) -> Any:
        return self._compare(other, np.less_equal, "<=")

    def __gt__(self, other: Any) -> Any:
        return self._compare(other, np.greater, ">")

    def __ge__(self, other: Any) -> Any:
        return self._compare(other, np.greater_equal, ">=")


_WHAT_TO_WRITE = ("a bare number other than 0 is not an amount; write Krona(250) or "
                  "Krona('1 234,50 kr') for kronor, Krona.from_ore(n) for öre")


def _no_exact(name: str) -> str:
    return (f"krona has no exact {name}: only sum, min and max (and quantile with interpolation="
            f"'lower', 'higher' or 'nearest'); a {name} of money needs a rounding rule: sum() with "
            f".krona.scale(Fraction(1, n), mode), or astype(float).{name}() for kronor as floats")


def _halves(ore: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each amount as hi·2³² + lo with lo in [0, 2³²): sums of up to 2³¹ halves cannot wrap."""
    return ore >> 32, ore & 0xFFFF_FFFF


def _join_halves(hi: npt.NDArray[np.int64], lo: npt.NDArray[np.int64]
                 ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """hi·2³² + lo as int64, and where that is beyond the range."""
    high = hi + (lo >> 32)
    overflowed = (high < -(2**31)) | (high >= 2**31)
    with np.errstate(over="ignore"):
        return (np.where(overflowed, 0, high) << 32) + (lo & 0xFFFF_FFFF), overflowed


def _at(ore: npt.NDArray[np.int64], i: int) -> Krona:
    return Krona.from_ore(int(ore[i]))


def _check(overflowed: npt.NDArray[np.bool_], replay: Callable[[int], Krona]) -> None:
    """Raises the engine's own anslag.OverflowError by redoing the first overflowing element's
    operation on Krona scalars."""
    if overflowed.any():
        replay(int(np.argmax(overflowed)))


@register_series_accessor("krona")
class KronaAccessor:
    """``series.krona``: exact column arithmetic of a krona Series (docs/python.md)."""

    def __init__(self, series: pd.Series) -> None:
        if not isinstance(series.dtype, KronaDtype):
            raise AttributeError("the .krona accessor needs a Series of dtype krona")
        self._series = series
        self._array: KronaArray = series.array

    def _like(self, ore: npt.NDArray[np.int64]) -> pd.Series:
        mask = self._array._mask.copy()
        return pd.Series(KronaArray(np.where(mask, 0, ore), mask), index=self._series.index,
                         name=self._series.name)

    def _known_ore(self) -> npt.NDArray[np.int64]:
        return np.where(self._array._mask, 0, self._array._data)

    @property
    def ore(self) -> pd.Series:
        """The amounts as an Int64 Series of öre."""
        return pd.Series(self._array.to_ore(), index=self._series.index, name=self._series.name)

    def round(self, unit: Any, mode: RoundingMode) -> pd.Series:
        """Each amount rounded to a multiple of ``unit`` (Krona or what Krona() takes) by ``mode``:
        half_even, half_up, down, up, floor or ceiling. Unknown stays unknown."""
        return self._like(round_amounts(self._known_ore(), unit, mode))

    def scale(self, factor: int | fractions.Fraction | decimal.Decimal, mode: RoundingMode) -> pd.Series:
        """Each amount times ``factor`` (an int, Fraction or Decimal), the exact product rounded
        once to whole öre by ``mode``: ``granted.krona.scale(Decimal("0.85"), "half_up")``."""
        return self._like(scale_amounts(self._known_ore(), factor, mode))

    def known_sum(self) -> Any:
        """The exact sum of the known amounts, <NA> when none is known. Not the total when
        ``unknown_count()`` is above 0: say so wherever it is shown."""
        known = self._array._data[~self._array._mask]
        return pd.NA if len(known) == 0 and len(self._array) > 0 else sum_amounts(known)

    def rolling_sum(self, window: int) -> pd.Series:
        """The exact sum of each ``window`` consecutive amounts ending at each row, as
        ``rolling(window).sum()`` would give it without floats: <NA> for the first ``window - 1``
        rows and wherever the window holds an unknown amount; OverflowError if a sum is beyond
        the range."""
        if not _is_integer_scalar(window) or int(window) < 1:
            raise ValueError(f"rolling_sum needs a window of at least 1 row, not {window!r}")
        width = int(window)
        data, mask = self._known_ore(), self._array._mask
        # Differences of running sums of the 32-bit halves: no running sum can wrap.
        hi, lo = (np.concatenate([[0], np.cumsum(h)]) for h in _halves(data))
        end = np.arange(1, len(data) + 1)
        start = np.maximum(end - width, 0)
        total, overflowed = _join_halves(hi[end] - hi[start], lo[end] - lo[start])
        unknowns = np.concatenate([[0], np.cumsum(mask)])
        unknown = (end < width) | (unknowns[end] - unknowns[start] > 0)
        _check(overflowed & ~unknown, lambda i: sum_amounts(data[i + 1 - width: i + 1]))
        return pd.Series(KronaArray(np.where(unknown, 0, total), unknown), index=self._series.index,
                         name=self._series.name)

    def unknown_count(self) -> int:
        """How many amounts are unknown (<NA>)."""
        return int(self._array._mask.sum())

    def group_sum(self, by: Any, *, dropna: bool = True) -> pd.Series:
        """``groupby(by).sum()`` of the amounts at the speed of an int64 column, with one key (a
        Series, an array or a list as long as the column): the exact sum of each group, <NA> where
        one of its amounts is unknown, groups in sorted key order. ``dropna=False`` keeps the rows
        of an unknown key as a <NA> group, as in groupby. pandas 1.5 sums a krona column's groups
        one by one in Python; pandas 2.1 calls this vectorised kernel for groupby itself."""
        keys = by.to_numpy() if isinstance(by, (pd.Series, pd.Index)) else by
        codes, uniques = pd.factorize(keys, sort=True, use_na_sentinel=dropna)
        if len(codes) != len(self._array):
            raise ValueError(f"group_sum needs one key per amount: {len(codes)} keys for "
                             f"{len(self._array)} amounts")
        ids = codes.astype(np.intp, copy=False)
        totals = self._array._groupby_op(how="sum", has_dropped_na=bool((ids < 0).any()), min_count=0,
                                         ngroups=len(uniques), ids=ids)
        return pd.Series(totals, index=pd.Index(uniques, name=getattr(by, "name", None)), name=self._series.name)

    def describe(self) -> pd.Series:
        """What describe() would say, exactly: how many amounts are known and unknown, the least,
        the greatest and the total (unknown when any amount is); no mean or spread, which need a
        rounding rule (Series.describe() refuses them)."""
        array = self._array
        return pd.Series([int((~array._mask).sum()), int(array._mask.sum()), array._reduce("min"),
                          array._reduce("max"), array._reduce("sum")],
                         index=["count", "unknown", "min", "max", "total"], name=self._series.name,
                         dtype=object)


@register_dataframe_accessor("krona")
class KronaFrameAccessor:
    """``frame.krona``: exact sums and extremes across the krona columns of each row."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def _columns(self, name: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
        columns = [c for c, dtype in self._frame.dtypes.items() if isinstance(dtype, KronaDtype)]
        if len(columns) != self._frame.shape[1]:
            raise TypeError(f".krona.{name}() needs krona columns only: select them first, "
                            f"frame[{columns!r}].krona.{name}()")
        arrays = [self._frame[c].array for c in columns]
        if not arrays:
            empty = np.zeros((len(self._frame), 0), dtype=np.int64)
            return empty, empty.astype(np.bool_)
        return (np.stack([a._data for a in arrays], axis=1), np.stack([a._mask for a in arrays], axis=1))

    def row_sum(self) -> pd.Series:
        """The exact sum of each row's amounts, <NA> where one of them is unknown."""
        data, mask = self._columns("row_sum")
        hi, lo = _halves(np.where(mask, 0, data))
        total, overflowed = _join_halves(hi.sum(axis=1), lo.sum(axis=1))
        unknown = mask.any(axis=1)
        _check(overflowed & ~unknown, lambda i: sum_amounts(data[i]))
        return pd.Series(KronaArray(np.where(unknown, 0, total), unknown), index=self._frame.index)

    def row_min(self, skipna: bool = True) -> pd.Series:
        """The least amount of each row (of the known ones with skipna), <NA> where none is."""
        return self._extreme("row_min", np.min, np.iinfo(np.int64).max, skipna)

    def row_max(self, skipna: bool = True) -> pd.Series:
        """The greatest amount of each row (of the known ones with skipna), <NA> where none is."""
        return self._extreme("row_max", np.max, np.iinfo(np.int64).min, skipna)

    def _extreme(self, name: str, extreme: Callable[..., Any], fill: int, skipna: bool) -> pd.Series:
        data, mask = self._columns(name)
        found = extreme(np.where(mask, fill, data), axis=1, initial=fill)
        unknown = mask.all(axis=1) | (mask.any(axis=1) & (not skipna))
        return pd.Series(KronaArray(np.where(unknown, 0, found), unknown), index=self._frame.index)


if "dask.dataframe" in sys.modules:  # else anslag.dask.register_krona() when Dask comes later
    from anslag.dask import register_krona

    register_krona()
