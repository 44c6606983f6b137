"""The records of the questions across occupations: rankings, comparisons, matches.

Public as :mod:`occprofile.career` names (served from there on first use):
kept in their own module so that a report, an outlook or an education
question does not pay for creating these classes. The conventions of
:mod:`occprofile.career` hold: frozen, slotted, tuple collections, missing
data explicit.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from ._record import NotedResults, Record, Results

# Annotations are evaluated in this module (the table schema): these must be here.
from .career import Education, MatchedCode, Outlook
from .models import (
    Area,
    ComparisonRow,
    Element,
    Estimate,
    Figure,
    Occupation,
    Release,
    RiasecInterest,
    WageOccupation,
)

__all__ = [
    "GapRow",
    "InterestMatch",
    "InterestMatches",
    "OccupationComparison",
    "OccupationRanking",
    "RankedOccupation",
    "RatingGap",
    "RatingMatch",
    "RatingMatches",
]


# --------------------------------------------------------------------------
# Occupations like another


@frozen(repr=False, eq=False)
class RatingMatch(Record):
    """An occupation whose importance ratings resemble another's.

    ``similarity`` is the cosine of the two importance vectors after each
    element's mean over all rated occupations is subtracted (so what every
    job needs does not make all jobs look alike): 1 is the same profile,
    0 unrelated, negative opposite. ``elements`` counts the ratings compared.
    """

    occupation: Occupation
    similarity: float
    domains: tuple[str, ...]
    elements: int

    def _summary(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.occupation}: similarity {self.similarity:.3f}"


class RatingMatches(Results[RatingMatch]):
    """Occupations ranked by rating similarity, most similar first."""

    __slots__ = ()
    item_name = "match"


# --------------------------------------------------------------------------
# Rankings, comparisons and matches of occupations


@frozen(repr=False, eq=False)
class RankedOccupation(Record):
    """One row of :meth:`~occprofile.Dataset.top_occupations`: its place, the figure
    ranked by, the OEWS estimate of the area, and the O*NET occupations it covers.

    ``occupations`` are the O*NET occupations whose figures the OEWS code
    gives (for a group-level code, those inside the group too) that pass the
    question's filters; the estimate is always the whole OEWS code's. For a
    ranking by projected growth or openings, ``projection`` is the
    projections code that answered (national figures, whatever the area).
    A row whose figure is not released ranks after every released one, with
    ``ranked_value.released`` ``False``.
    """

    rank: int
    by: str
    ranked_value: Figure
    estimate: Estimate
    occupations: tuple[Occupation, ...]
    projection: MatchedCode | None = None

    def _summary(self) -> str:
        return str(self)

    @property
    def wage_occupation(self) -> WageOccupation:
        """The OEWS occupation ranked."""
        return self.estimate.occupation

    def __str__(self) -> str:
        from ._render.content import ranked_occupation_line

        return ranked_occupation_line(self)


class OccupationRanking(NotedResults[RankedOccupation]):
    """Occupations of one area ranked by one figure, best first.

    ``release`` is the release whose figure ranked them (OEWS May 2025, or
    the employment projections for ``by="projected_growth"`` or
    ``"projected_openings"``); ``criteria`` says, one line per filter, the
    rule applied; ``note`` says why the ranking is empty, when it is.
    """

    item_name = "occupation"
    area: Area | None
    by: str
    level: str
    release: Release | None
    criteria: tuple[str, ...]
    note: str | None

    def __new__(
        cls,
        items: Iterable[RankedOccupation] = (),
        *,
        area: Area | None = None,
        by: str = "employment",
        level: str = "detailed",
        release: Release | None = None,
        criteria: tuple[str, ...] = (),
        note: str | None = None,
    ) -> OccupationRanking:
        return cls._noted(
            items, area=area, by=by, level=level, release=release, criteria=criteria, note=note
        )


@frozen(repr=False, eq=False)
class GapRow(Record):
    """One element where occupation ``b`` needs more than ``a``: both occupations'
    O*NET importance (1-5) and level (0-7), and the differences ``b - a``.

    A level or its difference is ``None`` where either occupation has no
    level rating for the element (abilities outside 43-6013.00).
    """

    domain: str
    element: Element
    importance_a: float
    importance_b: float
    importance_difference: float
    level_a: float | None
    level_b: float | None
    level_difference: float | None

    def _summary(self) -> str:
        return f"{self.domain}: {self}"

    def __str__(self) -> str:
        level = f", level {self.level_difference:+.2f}" if self.level_difference is not None else ""
        return f"{self.element.name}: importance {self.importance_difference:+.2f}{level}"


class RatingGap(Results[GapRow]):
    """Where ``b`` needs more than ``a``, domain by domain, largest difference first."""

    __slots__ = ()
    item_name = "element"


@frozen(repr=False, eq=False)
class OccupationComparison(Record):
    """Two occupations side by side: pay and employment in one area, outlook,
    preparation, the ratings where ``b`` needs more than ``a``, and technology.

    ``wages`` compares every OEWS figure of the two occupations' wage codes
    in ``area`` (difference ``a - b``, ratio ``a / b``, as
    :class:`Comparison` does for two areas). ``gap`` holds the skills,
    knowledge, abilities and work activities for which ``b``'s importance or
    level is higher than ``a``'s, over ``gap_domains``: the domains both have
    ratings in (``notes`` says why another was left out). Technology is compared by example name
    (any case). ``notes`` says what could not be compared; O*NET task
    statements are written for one occupation each, so tasks are not
    compared.
    """

    a: Occupation
    b: Occupation
    area: Area
    estimate_a: Estimate | None
    estimate_b: Estimate | None
    wages: tuple[ComparisonRow, ...]
    outlook_a: Outlook
    outlook_b: Outlook
    education_a: Education
    education_b: Education
    gap: RatingGap
    gap_domains: tuple[str, ...]
    technology_shared: tuple[str, ...]
    technology_only_a: tuple[str, ...]
    technology_only_b: tuple[str, ...]
    notes: tuple[str, ...]

    def _summary(self) -> str:
        return f"{self.a.code} vs {self.b.code} in {self.area.name}: {len(self.gap)} gaps"

    def to_text(self) -> str:
        """The comparison as plain text, 78 columns wide."""
        from ._render.content import render_occupation_comparison_text

        return render_occupation_comparison_text(self)

    def to_markdown(self) -> str:
        """The same in GitHub-flavoured Markdown."""
        from ._render.content import render_occupation_comparison_markdown

        return render_occupation_comparison_markdown(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return self.to_text()


@frozen(repr=False, eq=False)
class InterestMatch(Record):
    """An occupation whose O*NET interest profile is near the scores given.

    ``difference`` is the root-mean-square difference between the given
    scores and the occupation's Occupational Interest scores (1-7), over
    the interests given; ``similarity`` is ``1 - difference / 6`` (1: the
    same scores; 0: as far apart as the scale allows). The six scores and
    the first interest high point are the occupation's own.
    """

    _repr_fields = ("occupation", "similarity", "high_point")

    occupation: Occupation
    similarity: float
    difference: float
    realistic: float
    investigative: float
    artistic: float
    social: float
    enterprising: float
    conventional: float
    high_point: RiasecInterest | None

    def _summary(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.occupation}: similarity {self.similarity:.3f}"


class InterestMatches(NotedResults[InterestMatch]):
    """Occupations ranked by closeness of interest profile, closest first.

    ``given`` holds the scores asked about, by interest; ``method`` says how
    closeness is measured (occprofile's method, not O*NET's Interest
    Profiler scoring).
    """

    item_name = "occupation"
    given: tuple[tuple[str, float], ...]
    method: str

    def __new__(
        cls,
        items: Iterable[InterestMatch] = (),
        *,
        given: tuple[tuple[str, float], ...] = (),
        method: str = "",
    ) -> InterestMatches:
        return cls._noted(items, given=given, method=method)
