"""Drafting a round file from a decision document, and checking a round against its document
(docs/drafting.md)."""

from __future__ import annotations

import os
from typing import Optional, Union

from anslag import _core
from anslag.units import unit_registry


def draft_round(path: Union[str, os.PathLike[str]], year: Optional[int] = None) -> _core.Draft:
    """The round drafted from the decision document at ``path`` (UTF-8 text or PDF).

    ``Draft.round`` is the Round, ``Draft.text`` the round file with its ``# REVIEW:`` comments,
    ``Draft.review`` what a person must check (line, field, why). Applicants are resolved with the
    bundled unit registry. A document that cannot be drafted raises RoundFileError.
    """
    return _core.draft_round(os.fspath(path), unit_registry(), year)


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
