"""A slow, obviously correct reference of anslag.allocate_budget, in integer öre and Fractions.

Each function follows the definition in docs/allocation.md step by step, with no cleverness:
the property tests check that the fast engine agrees with it on every generated case.
"""

import math
from fractions import Fraction


def capped(requests, cap):
    return [r if cap is None else min(r, cap) for r in requests]


def ranked(budget, requests, unit=1, cap=None):
    wanted = capped(requests, cap)
    grants = []
    left = budget
    exhausted = False
    for d in wanted:
        if exhausted:
            grants.append(0)
        elif d <= left:
            grants.append(d)
            left -= d
        else:
            grants.append(left // unit * unit)
            exhausted = True
    return grants


def pro_rata(budget, requests, unit=1, cap=None):
    wanted = capped(requests, cap)
    demand = sum(wanted)
    if demand <= budget:
        return wanted
    distributable = budget // unit * unit
    shares = [Fraction(distributable * d, demand) for d in wanted]
    parts = [math.floor(s / unit) * unit for s in shares]
    leftover_units = (distributable - sum(parts)) // unit
    order = sorted(range(len(wanted)), key=lambda i: (-(shares[i] - parts[i]), -wanted[i], i))
    for i in order[:leftover_units]:
        parts[i] += unit
    return [min(p, d) for p, d in zip(parts, wanted)]


def equal_cap(budget, requests, unit=1, cap=None):
    wanted = capped(requests, cap)
    if sum(wanted) <= budget:
        return wanted

    def cost(level):
        return sum(min(d, level) for d in wanted)

    # The largest k with cost(k·unit) <= budget, by bisection: cost(0) = 0 fits, and the level
    # max(wanted) does not (the requests sum above the budget).
    fits, too_high = 0, max(wanted) // unit + 1
    while too_high - fits > 1:
        middle = (fits + too_high) // 2
        if cost(middle * unit) <= budget:
            fits = middle
        else:
            too_high = middle
    level = fits * unit
    grants = [min(d, level) for d in wanted]
    left = budget - sum(grants)
    short = [i for i, d in enumerate(wanted) if d > level]
    for i in sorted(short, key=lambda i: (min(unit, wanted[i] - level), i)):
        raise_by = min(unit, wanted[i] - level)
        if raise_by <= left:
            grants[i] += raise_by
            left -= raise_by
    return grants


STRATEGIES = {"ranked": ranked, "pro_rata": pro_rata, "equal_cap": equal_cap}


def reasons(budget, requests, grants, cap=None):
    """The reason of each grant, by the definitions of docs/allocation.md."""
    unspent = budget - sum(grants)
    result = []
    for r, d, g in zip(requests, capped(requests, cap), grants):
        if g == d:
            result.append("cap" if d < r else "full_request")
        elif d - g <= unspent:
            result.append("unit_rounding")
        else:
            result.append("budget_exhausted")
    return result
