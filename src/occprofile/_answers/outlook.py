"""Where a job is heading: BLS projections 2024-34 (and 2020-30, the earlier release),
and the national change from OES May 2019 to OEWS May 2025 (computed only where both
publish the same code)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._matching.areas import NATIONAL_CODE
from ..errors import UnknownOccupationError
from ..models import Occupation
from .education import no_projection_note
from .other_releases import (
    TIME_SERIES_CAVEAT,
    change,
    code_change_note,
    entry_requirements,
    historical_estimate,
    match_code,
    projection_2024_figure,
    projection_2024_source,
    projection_figure,
    projection_source,
    projection_wage,
    retitled,
    within_soc,
)

if TYPE_CHECKING:
    from ..career import NationalChange, Outlook, Projection, Projection2020
    from ..models import WageOccupation
    from .sources import Sources


def outlook(src: Sources, occ: Occupation) -> Outlook:
    """Employment projections 2024-34 and 2020-30, and the national change May 2019 ->
    May 2025. Where the two projections answer with different codes, the earlier
    one's note says so."""
    from ..career import Outlook

    projection, note = projection_2024(src, occ)
    earlier, earlier_note = projection_2020(src, occ)
    if projection is not None and earlier is not None:
        crossed = code_change_note(projection.source, earlier.source)
        if crossed:
            earlier_note = f"{earlier_note} {crossed}" if earlier_note else crossed
    return Outlook(occ, projection, note, national_change(src, occ), earlier, earlier_note)


def projection_2024(src: Sources, occ: Occupation) -> tuple[Projection | None, str | None]:
    """The 2024-34 projection and its note (the match's, or why there is none)."""
    from ..career import Projection

    source = projection_2024_source(src, occ)
    if source is None:
        return None, no_projection_note(occ)
    rec = src.projections_2024()[source.code]
    figure = projection_2024_figure
    return Projection(
        occ,
        source,
        figure(rec.employment_2024),
        figure(rec.employment_2034),
        figure(rec.change),
        figure(rec.percent_change),
        figure(rec.percent_self_employed),
        figure(rec.openings),
        figure(rec.median_wage),
        entry_requirements(rec, "2024-34"),
    ), source.note


def projection_2020(src: Sources, occ: Occupation) -> tuple[Projection2020 | None, str | None]:
    """The 2020-30 projection (the earlier release) and its note."""
    from ..career import Projection2020

    source = projection_source(src, occ)
    if source is None:
        return None, no_projection_note(occ, "2020-30")
    rec = src.projections()[source.code]
    return Projection2020(
        occ,
        source,
        rec.sample_titles,
        projection_figure(rec.employment_2020),
        projection_figure(rec.employment_2030),
        projection_figure(rec.change),
        projection_figure(rec.percent_change),
        projection_figure(rec.openings),
        projection_wage(rec.median_wage),
        entry_requirements(rec, "2020-30"),
    ), source.note


def change_subject(src: Sources, query: str) -> Occupation | WageOccupation:
    """An O*NET occupation, or an OEWS code without a profile (``"43-6010"``)."""
    occupations = src.occupations()
    try:
        return occupations.find(query)
    except UnknownOccupationError as no_profile:
        try:
            return occupations.find_wage(query)
        except UnknownOccupationError:
            raise no_profile from None


def national_change(src: Sources, subject: Occupation | WageOccupation) -> NationalChange:
    """National employment and mean wages in May 2019 and May 2025.

    The May 2025 figures are those of the occupation's OEWS wage code; May
    2019 is matched to that code (else to the occupation's own SOC code,
    else to the hybrid code that combined it). The change is computed only
    when both releases publish the same code; otherwise ``notes`` says why not.
    """
    from ..career import NationalChange

    if isinstance(subject, Occupation):
        soc, wage_code = subject.soc_code, subject.wage_code
    else:
        soc, wage_code = subject.code, subject.code
    history = src.history()
    titles = src.release_titles("oes_2019")
    wage = src.occupations().oews.get(wage_code) if wage_code else None
    later = src.estimate(wage, NATIONAL_CODE) if wage else None
    source = match_code(wage_code or soc, None, titles, src.combined())
    if source is None and wage_code is not None and wage_code != soc:
        source = match_code(soc, None, titles, src.combined())
    if isinstance(subject, Occupation):
        source = within_soc(subject, source)
    earlier = historical_estimate(history[source.code]) if source else None
    notes: list[str] = []
    if later is None:
        notes.append(f"OEWS May 2025 publishes no national estimate for {soc}.")
    if source is None:
        notes.append(f"OES May 2019 published no estimate for {wage_code or soc}.")
    elif source.note:
        notes.append(source.note)
    if wage is not None and wage.code != soc:
        notes.append(f"{soc} is published only within {wage}.")
    comparable = (
        source is not None
        and earlier is not None
        and later is not None
        and source.code == later.occupation.code
    )
    if comparable and source is not None and later is not None:
        note = retitled(source, later)
        if note:
            notes.append(note)
        notes.append(TIME_SERIES_CAVEAT)
    elif earlier is not None and later is not None:
        notes.append("No change is computed: the two releases do not measure the same group.")
    none: tuple[float | None, float | None] = (None, None)
    employment = annual = hourly = none
    if comparable and earlier is not None and later is not None:
        employment = change(earlier.employment, later.employment)
        annual = change(earlier.annual_mean, later.annual_mean)
        hourly = change(earlier.hourly_mean, later.hourly_mean)
    return NationalChange(
        subject,
        earlier,
        source,
        later,
        comparable,
        employment[0],
        employment[1],
        annual[0],
        annual[1],
        hourly[0],
        hourly[1],
        tuple(notes),
    )
