"""The bulk tables of the career answers: every occupation's summary, every projection.

Apart from :mod:`.bulk` so that ``tables.estimates()`` does not load the
career-profile records (as the core queries do not). Both are small enough
(1,016 rows) to flatten from records: a private :class:`OccupationSummary`
a row, and ``outlook()``'s :class:`Projection` records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import field, frozen

from .._columns import INLINE, WAGE, columns_of_rows
from .._matching.text import gc_paused
from .._record import Table
from .._store.layout import onet_shard
from ..career import CodeMatch, Distribution, Projection
from ..errors import DataIntegrityError
from ..models import Figure, Occupation, Status
from .bulk import onet_document
from .outlook import projection_2024
from .profiles import education_shares

if TYPE_CHECKING:
    from .sources import Sources


@frozen
class OccupationSummary:
    """One row of ``tables.occupations()``: an occupation, its wage link, job zone,
    education and projection summary."""

    occupation: Occupation = field(metadata=INLINE)
    wage_title: str | None
    job_zone: int | None
    job_zone_name: str | None
    #: O*NET's most common required level of education, and its share (percent).
    required_education: str | None
    required_education_percent: float | None
    #: BLS typical entry requirements (2024-34 projections).
    entry_education: str | None
    entry_work_experience: str | None
    entry_training: str | None
    projection_code: str | None
    projection_match: CodeMatch | None
    employment_2024_thousands: Figure
    employment_2034_thousands: Figure
    percent_change: Figure
    annual_openings_thousands: Figure
    median_wage_2024: Figure = field(metadata=WAGE)


def occupations(src: Sources) -> Table:
    """Every O*NET occupation, by code, with its summary."""
    with gc_paused():
        rows = [_summary(src, occ) for occ in src.occupations().onet.values()]
    return Table.of_rows("occupations", OccupationSummary, rows)


def _summary(src: Sources, occ: Occupation) -> OccupationSummary:
    from .._store.converter import structure
    from .._store.schema import EducationRecord

    name = onet_shard(occ.code)
    ref = src.reference()
    data = onet_document(src, occ)
    zone = data.get("job_zone")
    if zone is not None and (not isinstance(zone, int) or str(zone) not in ref.job_zones):
        raise DataIntegrityError(f"{name}: job zone {zone!r}", resource=name)
    records = structure(data["education"], tuple[EducationRecord, ...], name)
    shares = tuple(s for s in education_shares(ref, records) if s.scale == "RL")
    common = Distribution("RL", "", shares).most_common if shares else None
    projection, note = projection_2024(src, occ)
    if projection is None:
        absent = Figure(Status.NO_ESTIMATE, None, None, note)
        entry, source, figures = None, None, (absent,) * 5
    else:
        entry, source = projection.entry_requirements, projection.source
        figures = (
            projection.employment_2024_thousands,
            projection.employment_2034_thousands,
            projection.percent_change,
            projection.annual_openings_thousands,
            projection.median_wage_2024,
        )
    return OccupationSummary(
        occ,
        src.occupations().oews[occ.wage_code].title if occ.wage_code else None,
        zone,
        ref.job_zones[str(zone)].name if zone is not None else None,
        common.label if common else None,
        common.percent if common else None,
        entry.education if entry else None,
        entry.work_experience if entry else None,
        entry.training if entry else None,
        source.code if source else None,
        source.match if source else None,
        *figures,
    )


def projections(src: Sources) -> Table:
    """The 2024-34 projection of every O*NET occupation BLS projects (``outlook().projection``)."""
    found = (projection_2024(src, occ)[0] for occ in src.occupations().onet.values())
    return Table("projections", columns_of_rows(Projection, [p for p in found if p is not None]))
