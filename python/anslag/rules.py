"""Rule evaluation: the verdicts of a round's rules on one application, each citing its source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from anslag import _core

if TYPE_CHECKING:
    from anslag._core import Application, Evaluation, Round
    from anslag.units import Units


def evaluate(
    round: Round, application: Union[Application, str], units: Units = None
) -> Evaluation:
    """The verdicts of ``round``'s rules on ``application`` (an Application of the round, or its id).

    Units are resolved through ``units``, a registry or the path of a registry file, by default
    the bundled one (``anslag.units.unit_registry()``). An id the round does not hold raises
    NotFoundError.
    """
    # Imported here so that the registry file is read only when first needed.
    from anslag.units import registry_of

    return _core.evaluate(round, application, registry_of(units))
