"""OEWS values as published (text + footnote code) → :class:`Figure` and :class:`Estimate`.

The packaged OEWS rows keep BLS's own text; this is the one place that
decides what a ``-`` means, using the footnote BLS attached to it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

from .._store.schema import OewsRow
from ..errors import DataIntegrityError
from ..models import Area, Estimate, Figure, Status, WageOccupation

#: Estimate attribute for each OEWS datatype code, in datatype order.
DATATYPE_FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "01": "employment",
        "02": "employment_rse",
        "03": "hourly_mean",
        "04": "annual_mean",
        "05": "wage_rse",
        "06": "hourly_p10",
        "07": "hourly_p25",
        "08": "hourly_median",
        "09": "hourly_p75",
        "10": "hourly_p90",
        "11": "annual_p10",
        "12": "annual_p25",
        "13": "annual_median",
        "14": "annual_p75",
        "15": "annual_p90",
        "16": "jobs_per_1000",
        "17": "location_quotient",
    }
)
DATATYPE_INDEX = {dt: i for i, dt in enumerate(DATATYPE_FIELDS)}
_HOURLY = frozenset({"03", "06", "07", "08", "09", "10"})
_ANNUAL = frozenset({"04", "11", "12", "13", "14", "15"})
_FOOTNOTE_ONE_UNIT_ONLY = "4"
_FOOTNOTE_TOP_CODED = "5"
_TOP_CODE = re.compile(r"\$([\d,.]+) per hour or \$([\d,.]+) per year")
#: What BLS publishes as a number: digits, optionally a decimal part (no sign, no NaN).
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _number(text: str, resource: str) -> float:
    """A published value as a float, or a DataIntegrityError naming the file."""
    if NUMBER.fullmatch(text) is None:
        raise DataIntegrityError(
            f"packaged resource {resource!r} holds an unreadable OEWS value {text!r:.40}",
            resource=resource,
        )
    return float(text)


def parse_figure(
    datatype: str,
    text: str | None,
    footnote: str | None,
    footnotes: dict[str, str],
    resource: str,
) -> Figure:
    """One published value. ``footnotes`` maps BLS footnote codes to their text;
    ``resource`` names the file the value came from, for errors."""
    note = footnotes.get(footnote) if footnote else None
    if footnote and note is None:
        raise DataIntegrityError(
            f"packaged resource {resource!r} uses an unknown OEWS footnote code {footnote!r}",
            resource=resource,
        )
    if text is None:
        return Figure(Status.NOT_APPLICABLE, None, None, note)
    if text != "-":
        return Figure(Status.RELEASED, _number(text, resource), text, note)
    if footnote == _FOOTNOTE_TOP_CODED and note is not None:
        return Figure(Status.TOP_CODED, None, text, note, _top_code_bound(datatype, note))
    if footnote == _FOOTNOTE_ONE_UNIT_ONLY:
        status = Status.ANNUAL_ONLY if datatype in _HOURLY else Status.HOURLY_ONLY
        return Figure(status, None, text, note)
    return Figure(Status.NOT_RELEASED, None, text, note)


@functools.lru_cache(maxsize=64)
def _top_code_bound(datatype: str, note: str) -> float | None:
    """The BLS ceiling, read from the footnote's own text, not hard-coded here."""
    m = _TOP_CODE.search(note)
    if not m:
        return None
    hourly, annual = (float(g.replace(",", "")) for g in m.groups())
    return hourly if datatype in _HOURLY else annual if datatype in _ANNUAL else None


def figure_of(row: OewsRow, datatype: str, footnotes: dict[str, str], resource: str) -> Figure:
    """One datatype's figure from a packaged row of ``resource``."""
    text = row[1][DATATYPE_INDEX[datatype]]
    return parse_figure(datatype, text, row[2].get(datatype), footnotes, resource)


#: The first element of a rank key for a value with nothing to rank by.
UNRANKED = 1


def marker_rank_key(
    marker: str | None, footnote: str | None, datatype: str, footnotes: dict[str, str]
) -> tuple[int, float, int]:
    """Where a cell BLS published no number in (its marker, ``-`` or empty, and its
    footnote) sorts in a ranking, without building the :class:`Figure`.

    Released values sort first, largest first: their key, ``(0, -value, 0)``, is made
    from the column's integers by the rankings. A top-coded wage sorts at its lower
    bound (it is at least that), after a released value equal to it; then everything
    BLS did not release.
    """
    if marker == "-" and footnote == _FOOTNOTE_TOP_CODED and footnote in footnotes:
        bound = _top_code_bound(datatype, footnotes[footnote])
        if bound is not None:
            return (0, -bound, 1)
    return (UNRANKED, 0.0, 0)


def build_estimate(
    occ: WageOccupation, area: Area, row: OewsRow, footnotes: dict[str, str], resource: str
) -> Estimate:
    """The :class:`Estimate` of one packaged row of ``resource``."""
    _, values, notes = row
    if len(values) != len(DATATYPE_FIELDS):
        raise DataIntegrityError(
            f"packaged resource {resource!r}: row {area.code} has {len(values)} values",
            resource=resource,
        )
    figures = {
        name: parse_figure(dt, values[i], notes.get(dt), footnotes, resource)
        for i, (dt, name) in enumerate(DATATYPE_FIELDS.items())
    }
    return Estimate(occupation=occ, area=area, **figures)
