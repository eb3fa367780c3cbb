"""Exact money in pandas: the extension type ``krona``.

Importing this module registers the dtype, so ``pd.Series(["8 618 500 kr", None], dtype="krona")``
and ``pd.read_csv(..., dtype={"belopp": "krona"})`` work. A ``KronaArray`` holds a numpy int64
count of öre and a boolean mask of missing values: nothing passes through a float, a missing value
stays ``<NA>`` (never 0, never NaN), and every sum and arithmetic result is overflow-checked
(``anslag.OverflowError``, never a wrapped value). Conversion to float happens only when asked
for by name: ``astype(float)`` or ``to_numpy(dtype=float)``, giving kronor.

``import anslag`` does not import pandas; ``import anslag.pandas`` (or touching
``anslag.KronaDtype``) does.
"""

from __future__ import annotations

import builtins
import math
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from pandas.api.extensions import (
    ExtensionArray,
    ExtensionDtype,
    no_default,
    register_extension_dtype,
    register_series_accessor,
    take,
)

from anslag._core import Krona, parse_amounts, sum_amounts

__all__ = ["KronaArray", "KronaDtype"]

_INT64_MAX = int(np.iinfo(np.int64).max)


@register_extension_dtype
class KronaDtype(ExtensionDtype):
    """The pandas dtype ``"krona"``: exact amounts of Swedish money, missing values as ``<NA>``."""

    name = "krona"
    type = Krona
    na_value = pd.NA
    # Numeric, so that DataFrame and groupby sums keep krona columns instead of dropping them.
    _is_numeric = True

    @classmethod
    def construct_array_type(cls) -> builtins.type[KronaArray]:
        return KronaArray


def _is_missing(value: object) -> bool:
    # NaN is accepted as missing only because pandas itself writes it for absent cells.
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _scalar_ore(value: object) -> int | None:
    """The öre of one scalar Krona() accepts, or None for a missing value."""
    if _is_missing(value):
        return None
    return Krona(value).ore  # type: ignore[arg-type]  # Krona() raises TypeError on the rest


def _is_integer_scalar(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


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
            data[~mask] = parse_amounts(present)  # one C++ call for a column of text
        else:
            data[~mask] = [_scalar_ore(value) for value in present]
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
        if pd.api.types.is_list_like(value):
            values = KronaArray._from_sequence(value)
            self._data[key] = values._data
            self._mask[key] = values._mask
        else:
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
        other = KronaArray._from_sequence(values)
        result = np.isin(self._data, other._data[~other._mask]) & ~self._mask
        result[self._mask] = bool(other._mask.any())
        return result

    def _formatter(self, boxed: bool = False) -> Callable[[Any], str | None]:
        return str  # the canonical Swedish form, "8 618 500 kr", in and out of a Series

    # --- conversions: to float only by name --------------------------------------------------------

    def to_ore(self) -> pd.arrays.IntegerArray:
        """The amounts as a pandas Int64 array of öre, <NA> where missing."""
        return pd.arrays.IntegerArray(self._data.copy(), self._mask.copy())

    def _to_objects(self, na_value: Any) -> npt.NDArray[np.object_]:
        result = np.empty(len(self), dtype=object)
        for i, (ore, missing) in enumerate(zip(self._data.tolist(), self._mask.tolist())):
            result[i] = na_value if missing else Krona.from_ore(ore)
        return result

    def _to_kronor(self, dtype: np.dtype[Any], na_value: Any) -> npt.NDArray[np.floating[Any]]:
        # The one place an amount becomes a float, and only because the caller named the dtype.
        result = self._data.astype(dtype) / 100
        result[self._mask] = np.nan if na_value is no_default else na_value
        return result

    def __array__(self, dtype: npt.DTypeLike = None) -> npt.NDArray[Any]:
        if dtype is not None and np.dtype(dtype) != np.dtype(object):
            if np.dtype(dtype).kind not in "US":
                raise TypeError(f"krona values do not convert implicitly to {np.dtype(dtype)}; "
                                "call astype(float) or to_numpy(dtype=float) for kronor as floats")
            return self._to_objects(pd.NA).astype(dtype)
        return self._to_objects(pd.NA)

    def to_numpy(self, dtype: npt.DTypeLike = None, copy: bool = False,
                 na_value: Any = no_default) -> npt.NDArray[Any]:
        if dtype is not None and np.dtype(dtype).kind == "f":
            return self._to_kronor(np.dtype(dtype), na_value)
        objects = self._to_objects(pd.NA if na_value is no_default else na_value)
        return objects if dtype is None else np.asarray(objects, dtype=dtype)

    def astype(self, dtype: Any, copy: bool = True) -> Any:
        dtype = pd.api.types.pandas_dtype(dtype)
        if isinstance(dtype, KronaDtype):
            return self.copy() if copy else self
        if isinstance(dtype, np.dtype) and dtype.kind == "f":
            return self._to_kronor(dtype, no_default)
        if isinstance(dtype, np.dtype) and dtype.kind in "iub":
            raise TypeError(f"krona values do not convert to {dtype}; to_ore() gives the öre as Int64")
        return super().astype(dtype, copy=copy)

    # --- reductions ------------------------------------------------------------------------------------

    def _reduce(self, name: str, *, skipna: bool = True, **kwargs: Any) -> Any:
        if name not in ("sum", "min", "max"):
            raise TypeError(f"krona has no exact {name}: only sum, min and max")
        if self._mask.any() and (not skipna or self._mask.all()):
            return pd.NA  # an unknown amount in the total, or nothing known at all
        known = self._data[~self._mask]
        if name == "sum":
            if len(known) < kwargs.get("min_count", 0):
                return pd.NA
            return sum_amounts(known)
        if len(known) == 0:
            return pd.NA
        return Krona.from_ore(int(known.min() if name == "min" else known.max()))

    # --- arithmetic and comparisons ----------------------------------------------------------------

    def _operand(self, other: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]] | None:
        """Amounts to combine with these, as öre and mask: another KronaArray, a sequence of Krona
        (or missing) values, or one Krona or missing value repeated; None for anything else (as
        with Krona scalars, 0 or "1 kr" is not an amount)."""
        if isinstance(other, Krona) or _is_missing(other):
            ore = _scalar_ore(other)
            return (np.full(len(self), 0 if ore is None else ore, dtype=np.int64),
                    np.full(len(self), ore is None, dtype=np.bool_))
        if not isinstance(other, KronaArray):
            if not pd.api.types.is_list_like(other) or getattr(other, "dtype", object) != object:
                return None
            values = list(other)
            if not all(isinstance(v, Krona) or _is_missing(v) for v in values):
                return None
            other = KronaArray._from_sequence(values)
        if len(other) != len(self):
            raise ValueError("krona arrays of different lengths")
        return other._data, other._mask

    def _add_or_subtract(self, other: Any, subtract: bool, reflected: bool = False) -> Any:
        if isinstance(other, (pd.Series, pd.DataFrame, pd.Index)):
            return NotImplemented
        operand = self._operand(other)
        if operand is None:
            return NotImplemented
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
            return NotImplemented
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

    def __neg__(self) -> KronaArray:
        _check((self._data == np.iinfo(np.int64).min) & ~self._mask, lambda i: -_at(self._data, i))
        return KronaArray(-self._data, self._mask.copy())

    def __pos__(self) -> KronaArray:
        return self.copy()

    def __abs__(self) -> KronaArray:
        _check((self._data == np.iinfo(np.int64).min) & ~self._mask, lambda i: abs(_at(self._data, i)))
        return KronaArray(np.abs(self._data), self._mask.copy())

    def _compare(self, other: Any, op: np.ufunc) -> Any:
        # As with Krona scalars, an amount compares only with amounts: 0 or "1 kr" is not one.
        if isinstance(other, (pd.Series, pd.DataFrame, pd.Index)):
            return NotImplemented
        operand = self._operand(other)
        if operand is None:
            if op in (np.equal, np.not_equal):  # an amount never equals what is not an amount
                return pd.arrays.BooleanArray(np.full(len(self), op is np.not_equal), self._mask.copy())
            raise TypeError(f"cannot compare krona with {type(other).__name__}")
        mask = self._mask | operand[1]
        return pd.arrays.BooleanArray(op(self._data, operand[0]) & ~mask, mask)

    def __eq__(self, other: Any) -> Any:
        return self._compare(other, np.equal)

    def __ne__(self, other: Any) -> Any:
        return self._compare(other, np.not_equal)

    def __lt__(self, other: Any) -> Any:
        return self._compare(other, np.less)

    def __le__(self, other: Any) -> Any:
        return self._compare(other, np.less_equal)

    def __gt__(self, other: Any) -> Any:
        return self._compare(other, np.greater)

    def __ge__(self, other: Any) -> Any:
        return self._compare(other, np.greater_equal)


def _at(ore: npt.NDArray[np.int64], i: int) -> Krona:
    return Krona.from_ore(int(ore[i]))


def _check(overflowed: npt.NDArray[np.bool_], replay: Callable[[int], Krona]) -> None:
    """Raises the engine's own anslag.OverflowError by redoing the first overflowing element's
    operation on Krona scalars."""
    if overflowed.any():
        replay(int(np.argmax(overflowed)))


@register_series_accessor("krona")
class KronaAccessor:
    """``series.krona.ore``: a krona Series' amounts as an Int64 Series of öre."""

    def __init__(self, series: pd.Series) -> None:
        if not isinstance(series.dtype, KronaDtype):
            raise AttributeError("the .krona accessor needs a Series of dtype krona")
        self._series = series

    @property
    def ore(self) -> pd.Series:
        return pd.Series(self._series.array.to_ore(), index=self._series.index, name=self._series.name)
