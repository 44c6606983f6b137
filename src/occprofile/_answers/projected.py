"""The employment projections as the questions across occupations read them.

:func:`projection_table` is the one place those questions touch the
projections release (``Sources.projections_2024()``, ``projection_2024_source``, the
record's fields): ranking by projected growth or openings, the ``outlook=``
and ``education=`` filters and their rules all read its table, so a new
projections release is one edit here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from .catalog import release
from .other_releases import projection_2024_figure, projection_2024_source

if TYPE_CHECKING:
    from ..career import MatchedCode
    from ..models import Figure, Release
    from .sources import Sources

#: The release key of the projections in the manifest.
PROJECTIONS_KEY = "projections_2024_34"


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
        """How the release names its period (``"2024-34"``)."""
        return self.release.version


def projection_table(src: Sources) -> ProjectionTable:
    """The projections of every O*NET occupation, built once per store.

    Codes are matched by ``projection_2024_source`` (the outlook's rule). The
    all-occupations percent change is that of the sum of the release's rows
    (Table 1.2 lists the 832 detailed occupations and no total row; they sum
    to 169,956.4 and 175,169.9 thousand, +3.1%, the total BLS publishes).
    """

    def build() -> ProjectionTable:
        records = src.projections_2024()
        found: dict[str, Projected] = {}
        for occ in src.occupations().onet.values():
            source = projection_2024_source(src, occ)
            if source is not None:
                rec = records[source.code]
                found[occ.code] = Projected(
                    source,
                    projection_2024_figure(rec.percent_change),
                    projection_2024_figure(rec.openings),
                    rec.education,
                )
        figure = projection_2024_figure
        start = sum(figure(r.employment_2024).value or 0.0 for r in records.values())
        end = sum(figure(r.employment_2034).value or 0.0 for r in records.values())
        overall = (end / start - 1) * 100
        releases = src.store.releases()
        return ProjectionTable(release(releases, PROJECTIONS_KEY), found, overall)

    return src.store.once("projection_table", build)
