"""Drafting a round file from a decision document, and checking a round against its document
(docs/drafting.md)."""

from __future__ import annotations

import os
from typing import Optional, Union

from anslag import _core
from anslag.units import Units, registry_of, unit_registry


def draft_round(path: Union[str, os.PathLike[str]], year: Optional[int] = None, units: Units = None,
                vocabulary: Optional[Union[str, os.PathLike[str]]] = None) -> _core.Draft:
    """The round drafted from the decision document at ``path`` (UTF-8 text or PDF).

    ``Draft.round`` is the Round, ``Draft.text`` the round file with its ``# REVIEW:`` comments,
    ``Draft.review`` what a person must check (line, field, why). Applicants are resolved with the
    registry ``units`` (a registry or the path of a registry file; default: the bundled one). A
    document that cannot be drafted raises RoundFileError. ``vocabulary`` is a TOML file of
    decision words and column labels added to the bundled ones (data/vocabulary/sv.toml shows the
    shape); one that cannot be read raises RoundFileError too.
    """
    return _core.draft_round(os.fspath(path), registry_of(units), year,
                             None if vocabulary is None else os.fspath(vocabulary))


def check_sources(round: _core.Round, document_path: Union[str, os.PathLike[str]]) -> list[_core.SourceProblem]:
    """The values of ``round``'s entries its document does not bear out where they are cited
    (entry, field, line, the value recorded and what the document prints); an empty list when
    every one stands. An application's ``unit`` is compared with the unit its applicant's name
    resolves to in the bundled unit registry. The same problems as C++ ``anslag::check_sources``
    given that registry."""
    return _core.check_sources(round, os.fspath(document_path), unit_registry())


def derived_entries(round: _core.Round) -> list[_core.DerivedEntry]:
    """The entries of ``round`` that say the document prints none of their lines, with why."""
    return _core.derived_entries(round)
