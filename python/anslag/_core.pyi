# Typed stubs of the private extension anslag._core; each area of the library has its section.

# --- allocation (bindings/allocation.cpp) ------------------------------------------------------
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

import numpy as np
import numpy.typing as npt

_Amount = Krona | str | int | Decimal
_Strategy = Literal["ranked", "pro_rata", "equal_cap"]

class GrantReason(enum.IntEnum):
    full_request = 0
    cap = 1
    budget_exhausted = 2
    unit_rounding = 3
    unit_limit = 4

class BudgetGrant:
    @property
    def request(self) -> Krona: ...
    @property
    def grant(self) -> Krona: ...
    @property
    def reason(self) -> GrantReason: ...

def allocate_budget(
    budget: _Amount,
    requests: Iterable[_Amount],
    strategy: _Strategy,
    unit: _Amount | None = None,
    cap: _Amount | None = None,
) -> list[Krona]: ...
def allocate_budget_explained(
    budget: _Amount,
    requests: Iterable[_Amount],
    strategy: _Strategy,
    unit: _Amount | None = None,
    cap: _Amount | None = None,
) -> list[BudgetGrant]: ...
def allocate_budget_array(
    budget_ore: int,
    requests_ore: npt.NDArray[np.int64],
    strategy: _Strategy,
    unit_ore: int = 1,
    cap_ore: int | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]: ...
