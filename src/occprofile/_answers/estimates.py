"""The OEWS figures themselves: one area's estimate, every area's, the nation's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._matching.areas import NATIONAL_CODE
from ..errors import NoWageDataError
from ..models import Estimates

if TYPE_CHECKING:
    from ..models import Area, Estimate, WageOccupation
    from .sources import Sources


def estimate_in(src: Sources, occ: WageOccupation, where: Area) -> Estimate:
    """The estimate of ``occ`` in ``where``; :class:`NoWageDataError` if BLS has no row."""
    found = src.estimate(occ, where.code)
    if found is None:
        raise NoWageDataError(str(occ), where.name)
    return found


def all_estimates(src: Sources, occ: WageOccupation) -> Estimates:
    """Every area's estimate for one occupation, by area code."""
    built = (src.estimate(occ, code) for code in sorted(src.oews_rows(occ.code)))
    return Estimates(e for e in built if e is not None)


def national(src: Sources, occ: WageOccupation) -> Estimate:
    """The national estimate; :class:`NoWageDataError` if OEWS publishes none."""
    found = src.estimate(occ, NATIONAL_CODE)
    if found is None:
        raise NoWageDataError(str(occ))
    return found
