"""Gathering a :class:`Report`: every section of a career profile in one object.

Rendering is ``_render``'s job; this only asks the dataset the questions a
career profile page answers and turns "no data" answers into notes, so the
report of any occupation can be built, however patchy its data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._validate import check_n
from .career import Report
from .errors import NoWageDataError
from .models import RankedEstimate

if TYPE_CHECKING:
    from ._queries import Dataset

RATED = ("skills", "abilities", "knowledge", "work_activities", "work_styles")


def build_report(
    ds: Dataset,
    occupation: str,
    *,
    top: int = 5,
    metros: int = 10,
    similar: int = 10,
    compare: tuple[str, str] | None = None,
) -> Report:
    """The report of one occupation (see :meth:`Dataset.report`)."""
    for value, name in ((top, "top"), (metros, "metros"), (similar, "similar")):
        check_n(value, name)
    occ = ds.occupation(occupation)
    profile = ds.profile(occ.code)
    sections = {d: ds.ratings_by_importance(occ.code, d, top) for d in RATED}
    national = None
    ranked: tuple[RankedEstimate, ...] = ()
    note = None
    comparison = None
    if profile.wage_occupation is None:
        note = f"OEWS May 2025 publishes no estimate for {occ.soc_code}."
    else:
        national = ds.national(profile.wage_occupation.code)
        try:
            ranked = ds.top_metros(profile.wage_occupation.code, metros)
        except NoWageDataError as exc:
            note = str(exc)
        if compare is not None:
            comparison = ds.compare_metros(profile.wage_occupation.code, *compare)
    return Report(
        occupation=occ,
        description=profile.description,
        education=ds.education(occ.code),
        certifications=ds.certifications(occ.code),
        skills=sections["skills"],
        abilities=sections["abilities"],
        knowledge=sections["knowledge"],
        work_activities=sections["work_activities"],
        work_styles=sections["work_styles"],
        national=national,
        top_metros=ranked,
        top_metros_note=note,
        similar=ds.similar_occupations(occ.code, similar),
        outlook=ds.outlook(occ.code),
        comparison=comparison,
        releases=ds.releases(),
    )
