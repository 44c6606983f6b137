"""The other releases (projections 2024-34 and 2020-30, OES May 2019): matching codes,
reading values.

The 2020-30 projections and May 2019 use the hybrid SOC of May 2019, in which
some codes combine several occupations that May 2025 and O*NET code
separately; the 2024-34 projections use the SOC 2018 codes of the 2024
National Employment Matrix, which splits those 30 hybrid codes again. A code
is matched by a fixed rule -- its own code, else the broader code OEWS May
2025 publishes it in, else (hybrid releases only) the combined code listed in
soc_changes.json -- and the rule's outcome travels with every answer as a
:class:`MatchedCode`, so a combined figure is never mistaken for the
occupation's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._matching.text import title_key
from .._store.career_schema import CombinedCode, EntryCategories, HistoryRecord
from ..career import (
    CodeMatch,
    EntryRequirements,
    HistoricalEstimate,
    MatchedCode,
)
from ..models import (
    Estimate,
    Figure,
    Status,
)

if TYPE_CHECKING:
    from ..models import Occupation
    from .sources import Sources

OES_2019_PERIOD = "May 2019"

#: Said with every computed May 2019 -> May 2025 change.
TIME_SERIES_CAVEAT = (
    "OEWS estimates are not designed as a time series: survey methods and the "
    "occupational classification changed between May 2019 and May 2025, so read "
    "the change with care."
)

#: The markers of the May 2019 national file (its "Notes").
MARKER_NOTES = {
    "*": "* = a wage estimate is not available",
    "**": "** = an employment estimate is not available",
    "#": "# = a wage equal to or greater than $100.00 per hour or $208,000 per year",
}
TOP_CODE_2019 = {"hourly": 100.0, "annual": 208000.0}
EP_TOP_CODED = "BLS publishes only that the median is at least $208,000 a year"
EP_NOT_AVAILABLE = "N/A in the BLS projections table: no annual median wage was published"
#: The 2024-34 workbook's markers: the top-coded wage and "data is unavailable".
EP_2024_TOP_CODED = "BLS publishes only that the median is at least $239,200 a year"
EP_2024_UNAVAILABLE = "\u2014"
EP_2024_NOT_AVAILABLE = "\u2014 in the BLS 2024-34 projections table: data unavailable"


def match_code(
    soc: str,
    broad: str | None,
    titles: Mapping[str, str],
    combined: Mapping[str, CombinedCode],
) -> MatchedCode | None:
    """The code of a hybrid-SOC release that answers for ``soc``, or ``None``.

    ``broad`` is the OEWS May 2025 code standing in for ``soc`` when May
    2025 publishes it only within an aggregate or its broad group;
    ``titles`` are the release's codes and titles; ``combined`` maps a May
    2025 code to the hybrid code that included it.
    """
    if soc in titles:
        return MatchedCode(soc, titles[soc], CodeMatch.SAME)
    if broad is not None and broad != soc and broad in titles:
        note = f"{soc} is published only within {broad} {titles[broad]}."
        return MatchedCode(broad, titles[broad], CodeMatch.BROADER, note)
    hybrid = combined.get(soc) or (combined.get(broad) if broad else None)
    if hybrid is not None and hybrid.code in titles:
        others = ", ".join(p for p in hybrid.parts if p != soc)
        note = (
            f"{soc} was not published separately: {hybrid.code} {titles[hybrid.code]} "
            f"combines it with {others}."
        )
        return MatchedCode(hybrid.code, titles[hybrid.code], CodeMatch.COMBINED, note)
    return None


def within_soc(occ: Occupation, source: MatchedCode | None) -> MatchedCode | None:
    """Mark a same-code match of an O*NET sub-occupation (``11-1011.03``) as broader:
    BLS publishes only its whole SOC occupation, which includes the others."""
    if source is None or source.match is not CodeMatch.SAME or occ.code.endswith(".00"):
        return source
    note = (
        f"{occ.code} is one of the O*NET occupations within SOC {occ.soc_code}: the "
        f"figures are for the whole SOC occupation {source.code} {source.title}."
    )
    return MatchedCode(source.code, source.title, CodeMatch.BROADER, note)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def projection_figure(text: str) -> Figure:
    """One value of the projections table (already validated by the build)."""
    return Figure(Status.RELEASED, _number(text), text, None)


def projection_wage(text: str) -> Figure:
    """The 2020 median wage: a number, ``>=208,000`` (top-coded) or ``N/A``."""
    if text == "N/A":
        return Figure(Status.NOT_RELEASED, None, text, EP_NOT_AVAILABLE)
    if text.startswith(">="):
        return Figure(Status.TOP_CODED, None, text, EP_TOP_CODED, _number(text[2:]))
    return Figure(Status.RELEASED, _number(text), text, None)


def projection_2024_figure(text: str) -> Figure:
    """One value of the 2024-34 workbook: a number as shown, ``>=$239,200`` or ``—``."""
    if text == EP_2024_UNAVAILABLE:
        return Figure(Status.NOT_RELEASED, None, text, EP_2024_NOT_AVAILABLE)
    if text.startswith(">=$"):
        return Figure(Status.TOP_CODED, None, text, EP_2024_TOP_CODED, _number(text[3:]))
    return projection_figure(text)


def entry_requirements(rec: EntryCategories, release: str) -> EntryRequirements:
    return EntryRequirements(
        rec.education,
        rec.education_code,
        rec.experience,
        rec.experience_code,
        rec.training,
        rec.training_code,
        release,
    )


def history_figure(rec: HistoryRecord, field: str) -> Figure:
    """One May 2019 value with its marker turned into a status."""
    text: str | None = getattr(rec, field)
    if text is None:
        return Figure(Status.NOT_APPLICABLE, None, None, None)
    if text not in MARKER_NOTES:
        return Figure(Status.RELEASED, float(text), text, None)
    note = MARKER_NOTES[text]
    if text == "#":
        bound = TOP_CODE_2019["hourly" if field.startswith("hourly") else "annual"]
        return Figure(Status.TOP_CODED, None, text, note, bound)
    if rec.annual_only and field.startswith("hourly"):
        return Figure(Status.ANNUAL_ONLY, None, text, note)
    if rec.hourly_only and field.startswith("annual"):
        return Figure(Status.HOURLY_ONLY, None, text, note)
    return Figure(Status.NOT_RELEASED, None, text, note)


def historical_estimate(rec: HistoryRecord) -> HistoricalEstimate:
    fields = (
        "employment",
        "employment_rse",
        "hourly_mean",
        "annual_mean",
        "wage_rse",
        "hourly_median",
        "annual_median",
    )
    figures = [history_figure(rec, f) for f in fields]
    return HistoricalEstimate(rec.code, rec.title, OES_2019_PERIOD, *figures)


def change(earlier: Figure, later: Figure) -> tuple[float | None, float | None]:
    """(later - earlier, percent change) when both are released numbers."""
    if earlier.value is None or later.value is None:
        return None, None
    difference = later.value - earlier.value
    percent = difference / earlier.value * 100 if earlier.value else None
    return difference, percent


def retitled(source: MatchedCode, later: Estimate) -> str | None:
    """A note when the same code carries a different title in May 2025."""
    if title_key(source.title) == title_key(later.occupation.title):
        return None
    return (
        f"{source.code} is titled '{source.title}' in May 2019 and "
        f"'{later.occupation.title}' in May 2025; compared by code."
    )


def projection_source(src: Sources, occ: Occupation) -> MatchedCode | None:
    """The 2020-30 projection code that answers for ``occ`` (``None``: no row)."""
    titles = src.release_titles("projections")
    return within_soc(occ, match_code(occ.soc_code, occ.wage_code, titles, src.combined()))


def projection_2024_source(src: Sources, occ: Occupation) -> MatchedCode | None:
    """The 2024-34 projection code that answers for ``occ`` (``None``: no row).

    The 2024 matrix codes detailed occupations as SOC 2018 (and May 2025) do,
    so no hybrid code applies: the same code, else the broader OEWS code."""
    titles = src.release_titles("projections_2024")
    return within_soc(occ, match_code(occ.soc_code, occ.wage_code, titles, {}))


def code_change_note(current: MatchedCode, earlier: MatchedCode) -> str | None:
    """What to say when the 2024-34 and 2020-30 projections answer with different codes."""
    if current.code == earlier.code:
        return None
    return (
        f"The releases project different groups: 2024-34 {current.code} {current.title}, "
        f"2020-30 {earlier.code} {earlier.title}; compare them with care."
    )
