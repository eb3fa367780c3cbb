"""The compiled classes' object model, made safe at one place for every class of ``anslag._core``.

- No instance without a valid state: ``Cls.__new__(Cls)`` alone would give an object whose C++
  value was never constructed (reading it is undefined behaviour), so ``__new__`` without the
  constructor's arguments is a TypeError. Pickles do not need it: they restore through
  ``_restore``, which makes the object and gives it its state in one step, and a state the C++
  side refuses (a Round that anslag.validate rejects, a tuple of the wrong shape) is an
  ``anslag.InvalidArgumentError``, never a half-made object.
- Every error is an ``anslag.Error`` or a TypeError with a sentence: pybind11's "incompatible
  function arguments" signature dump becomes "NAME() takes (SIGNATURE); it was given (TYPES)".

Imported first by ``anslag/__init__.py``, so that every name re-exported from ``_core`` is the
guarded one.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable

from anslag import _core

_DUMP = re.compile(r"^(?P<name>[\w.]+)\(\): incompatible (?:function|constructor) arguments")
_SIGNATURE = re.compile(r"^\s+\d+\. (\(.*\))(?: -> .*)?$", re.MULTILINE)
_base_new: Callable[[type], Any] = _core.Krona.__mro__[-2].__new__  # type: ignore[assignment]  # pybind11_object.__new__


def _sentence(name: str, dump: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    accepted = " or ".join(_SIGNATURE.findall(dump)) or "other arguments"
    given = [type(a).__name__ for a in args] + [f"{k}={type(v).__name__}" for k, v in kwargs.items()]
    return f"{name}() takes {accepted}; it was given ({', '.join(given)})"


def _explained(function: Callable[..., Any], name: str, method: bool) -> Callable[..., Any]:
    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except TypeError as error:
            if not _DUMP.match(str(error)):
                raise
            shown = args[1:] if method else args
            raise TypeError(_sentence(name, str(error), shown, kwargs)) from None

    return call


def _invalid(message: str) -> BaseException:
    error = _core.InvalidArgumentError(message)
    error.code = "invalid_argument"
    return error


def _restore(cls: type, state: Any) -> Any:
    instance = _base_new(cls)
    try:
        instance.__setstate__(state)
    except _core.Error:
        raise
    except (TypeError, RuntimeError, ValueError, IndexError) as error:
        raise _invalid(f"not a valid pickled anslag.{cls.__name__}: {error}") from None
    return instance


def _reduce(self: Any) -> tuple[Callable[..., Any], tuple[type, Any]]:
    return _restore, (type(self), self.__getstate__())


def _refuse_bare_new(cls: type) -> Callable[..., Any]:
    def __new__(klass: type, *args: Any, **kwargs: Any) -> Any:
        # Every compiled class's constructor takes arguments: none means __new__ called alone.
        if not args and not kwargs:
            raise TypeError(
                f"anslag.{klass.__name__} cannot be made by __new__ alone: use its constructor or the "
                "function that returns one (a pickle restores itself)"
            )
        return _base_new(klass)

    return __new__


def _guard_class(cls: type) -> None:
    for name, member in list(vars(cls).items()):
        if name.startswith("__") and name not in ("__init__", "__setstate__"):
            continue
        if isinstance(member, staticmethod):
            setattr(cls, name, staticmethod(_explained(member.__func__, f"{cls.__name__}.{name}", False)))
        elif type(member).__name__ == "instancemethod":
            shown = cls.__name__ if name == "__init__" else f"{cls.__name__}.{name}"
            setattr(cls, name, _explained(getattr(cls, name), shown, True))
    cls.__new__ = staticmethod(_refuse_bare_new(cls))  # type: ignore[assignment]
    if "__getstate__" in vars(cls):
        cls.__reduce__ = _reduce  # type: ignore[assignment]


def _guard_module() -> None:
    for name, value in list(vars(_core).items()):
        if isinstance(value, type) and not issubclass(value, BaseException) and value.__module__.startswith("anslag"):
            _guard_class(value)
        elif type(value).__name__ == "builtin_function_or_method":
            setattr(_core, name, _explained(value, name, False))


_guard_module()
