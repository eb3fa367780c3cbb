"""The frame an analyst tries pandas' idioms on (test_pandas_idioms.py, test_pandas_detours.py):
two funds, an unknown förvaltning, an unknown request, and grants of 0 kr."""

import pandas as pd

import anslag.pandas  # noqa: F401  # registers the krona dtype


def analyst_frame():
    return pd.DataFrame({
        "fund": ["LUM", "LUM", "LUM", "MUST", "MUST"],
        "forvaltning": ["Farsta", "Farsta", None, "Kista", "Kista"],
        "requested": pd.Series(["100 000 kr", None, "50 000 kr", "10 kr", "20 kr"], dtype="krona"),
        "granted": pd.Series(["0 kr", "0 kr", "40 000 kr", "10 kr", "0,50 kr"], dtype="krona"),
    })
