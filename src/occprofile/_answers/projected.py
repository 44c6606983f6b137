"""The employment projections as the questions across occupations read them.

:func:`projection_table` is the one place those questions touch the
projections release (``Sources.projections()``, ``projection_source``, the
record's fields): ranking by projected growth or openings, the ``outlook=``
and ``education=`` filters and their rules all read its table, so a new
projections release is one edit here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from .catalog import release
from .other_releases import projection_figure, projection_source

if TYPE_CHECKING:
    from ..career import MatchedCode
    from ..models import Figure, Release
    from .sources import Sources

#: The release key of the projections in the manifest.
PROJECTIONS_KEY = "projections"


@frozen
class Projected:
    """One O*NET occupation's projection: the code that answered, and its figures."""

    source: MatchedCode
    #: percent change of employment over the projection period
    percent_change: Figure
    #: annual average openings, thousands
    openings: Figure
    #: BLS typical entry-level education, as published
    education: str


@frozen
class ProjectionTable:
    """Every O*NET occupation's projection (absent: no row), and the all-occupations change."""

    release: Release
    by_occupation: dict[str, Projected]
    #: percent change of all occupations' employment over the period
    all_occupations_percent_change: float

    @property
    def period(self) -> str:
        """How the release names its period (``"2020-30"``)."""
        return self.release.version


def projection_table(src: Sources) -> ProjectionTable:
    """The projections of every O*NET occupation, built once per store.

    Codes are matched by ``projection_source`` (the outlook's rule). The
    all-occupations percent change is the release's ``00-0000`` row where it
    has one, else that of the sum of its rows (the 2020-30 file has no total
    row; its rows sum to 153,534.6 and 165,413.9 thousand, +7.7%, the total
    BLS publishes).
    """

    def build() -> ProjectionTable:
        records = src.projections()
        found: dict[str, Projected] = {}
        for occ in src.occupations().onet.values():
            source = projection_source(src, occ)
            if source is not None:
                rec = records[source.code]
                found[occ.code] = Projected(
                    source,
                    projection_figure(rec.percent_change),
                    projection_figure(rec.openings),
                    rec.education,
                )
        total = records.get("00-0000")
        if total is not None:
            overall = projection_figure(total.percent_change).value or 0.0
        else:
            start = sum(projection_figure(r.employment_2020).value or 0.0 for r in records.values())
            end = sum(projection_figure(r.employment_2030).value or 0.0 for r in records.values())
            overall = (end / start - 1) * 100
        releases = src.store.manifest().releases
        return ProjectionTable(release(releases, PROJECTIONS_KEY), found, overall)

    return src.store.once("projection_table", build)
