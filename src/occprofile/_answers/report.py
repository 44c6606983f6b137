"""Gathering a :class:`Report`: every section of a career profile in one object.

Rendering is ``_render``'s job; this only asks the questions a career
profile page answers (through the other answer modules) and turns "no
data" answers into notes, so the report of any occupation can be built,
however patchy its data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._matching.areas import NATIONAL_CODE
from ..career import Report
from ..errors import NoWageDataError
from ..models import RATING_DOMAINS, Ranking, Releases
from . import comparisons, education, outlook, rankings, similar
from .profiles import by_importance

if TYPE_CHECKING:
    from ..models import Area, Comparison, Occupation
    from .sources import Sources


def build_report(
    src: Sources,
    occ: Occupation,
    *,
    top: int,
    metros: int,
    similar_n: int,
    compare: tuple[Area, Area] | None,
) -> Report:
    """The report of one occupation; arguments are checked by the caller."""
    profile = src.profile(occ)
    sections = {d: by_importance(profile, d, top) for d in RATING_DOMAINS}
    national = None
    ranked = Ranking()
    note = None
    comparison: Comparison | None = None
    wage = profile.wage_occupation
    if wage is None:
        note = f"OEWS May 2025 publishes no estimate for {occ.soc_code}."
    else:
        national = src.estimate(wage, NATIONAL_CODE)
        try:
            ranked = rankings.top_metros(
                src, wage, n=metros, by="employment", where=None, include_nonmetro=False
            )
        except NoWageDataError as exc:
            note = str(exc)
        if compare is not None:
            comparison = comparisons.compare_areas(src, wage, *compare)
    return Report(
        occupation=occ,
        description=profile.description,
        education=education.education(src, occ),
        certifications=education.certifications(src, occ),
        skills=sections["skills"],
        abilities=sections["abilities"],
        knowledge=sections["knowledge"],
        work_activities=sections["work_activities"],
        work_styles=sections["work_styles"],
        national=national,
        top_metros=ranked,
        top_metros_note=note,
        similar=similar.similar_occupations(src, occ, similar_n),
        outlook=outlook.outlook(src, occ),
        comparison=comparison,
        releases=Releases(src.store.releases()),
        work_activities_from_tasks=profile.work_activities_from_tasks[:top],
        work_values=profile.work_values,
        tools=profile.tools,
    )
