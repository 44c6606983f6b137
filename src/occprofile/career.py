"""Typed, immutable records for the rest of a career profile.

Education and training, certifications, similar occupations, the outlook
(projections 2024-34 and 2020-30, and the change since May 2019), the state
view and the :class:`Report` that gathers them. Kept apart from
:mod:`occprofile.models` so that the core queries (``profile``,
``top_metros``, ...) do not pay for creating these classes; the same
conventions hold: frozen, slotted, tuple collections, missing data explicit.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from attrs import field, frozen

from ._columns import FOOTNOTED, WAGE
from ._record import Record, Results, Tabular, served_on_first_use
from .models import (
    Area,
    Comparison,
    EducationShare,
    Estimate,
    Figure,
    JobZone,
    Occupation,
    Ranking,
    RatingSection,
    Releases,
    TaskWorkActivity,
    Tool,
    WageOccupation,
    WorkValues,
)

if TYPE_CHECKING:
    from ._across_records import (
        GapRow,
        InterestMatch,
        InterestMatches,
        OccupationComparison,
        OccupationRanking,
        RankedOccupation,
        RatingGap,
        RatingMatch,
        RatingMatches,
    )

__all__ = [
    "Certification",
    "CertificationExam",
    "CertificationSource",
    "Certifications",
    "CodeMatch",
    "Distribution",
    "Education",
    "EntryRequirements",
    "GapRow",
    "HistoricalEstimate",
    "InterestMatch",
    "InterestMatches",
    "MatchedCode",
    "NationalChange",
    "OccupationComparison",
    "OccupationRanking",
    "Outlook",
    "Projection",
    "Projection2020",
    "RankedOccupation",
    "RatingGap",
    "RatingMatch",
    "RatingMatches",
    "Report",
    "SimilarOccupation",
    "SimilarOccupations",
    "StateView",
]


# --------------------------------------------------------------------------
# Education and training


@frozen(repr=False, eq=False)
class Distribution(Record, Tabular):
    """One O*NET category distribution: percent of respondents per category.

    ``scale`` is O*NET's id: ``RL`` required level of education, ``RW``
    related work experience, ``PT`` on-site or in-plant training, ``OJ``
    on-the-job training.
    """

    _row_type: ClassVar[type] = EducationShare

    scale: str
    name: str
    shares: tuple[EducationShare, ...]

    def _rows(self) -> tuple[object, ...]:
        return self.shares

    def _summary(self) -> str:
        top = self.most_common
        return f"{self.scale} {self.name}: most common {top.label!r} ({top.percent:.1f}%)"

    @property
    def most_common(self) -> EducationShare:
        """The category most respondents chose (the lowest category wins a tie)."""
        return max(self.shares, key=lambda s: (s.percent, -s.category))

    def __iter__(self) -> Iterator[EducationShare]:
        return iter(self.shares)

    def __len__(self) -> int:
        return len(self.shares)


class CodeMatch(str, enum.Enum):
    """How an occupation was found in a release that codes occupations differently."""

    #: The release publishes this very SOC code.
    SAME = "same code"
    #: The release publishes the occupation only within a broader code
    #: (the OEWS wage code: an aggregate such as 21-1018, or the broad group XX-XXX0).
    BROADER = "broader code"
    #: May 2019 / 2020-30 hybrid SOC: one code combined this occupation with others.
    COMBINED = "combined code"

    def __str__(self) -> str:
        return self.value


@frozen(repr=False, eq=False)
class MatchedCode(Record):
    """Which code of another release answers for an occupation, and how it relates."""

    code: str
    title: str
    match: CodeMatch
    note: str | None = None

    @property
    def exact(self) -> bool:
        return self.match is CodeMatch.SAME


@frozen(repr=False, eq=False)
class EntryRequirements(Record):
    """BLS Employment Projections: what it typically takes to enter.

    ``release`` is the projections release they come from (``"2024-34"``;
    ``"2020-30"`` for an earlier projection's). The codes are BLS's category
    codes (education 1 doctoral or professional degree ... 8 no formal
    credential), as the 2020-30 table numbers the same categories.
    """

    _repr_fields = ("education", "work_experience", "training", "release")

    education: str
    education_code: int
    work_experience: str
    work_experience_code: int
    training: str
    training_code: int
    release: str = "2024-34"


@frozen(repr=False, eq=False)
class Education(Record):
    """Education and training for one occupation, from O*NET and BLS.

    A distribution O*NET does not publish for the occupation is ``None``;
    ``entry_requirements`` (BLS projections 2024-34) is ``None`` when those
    projections have no row for it (``notes`` says why), and ``entry_source``
    says which projections code answered when it is not the occupation's own.
    """

    occupation: Occupation
    job_zone: JobZone | None
    required_education: Distribution | None
    related_experience: Distribution | None
    on_site_training: Distribution | None
    on_the_job_training: Distribution | None
    entry_requirements: EntryRequirements | None
    entry_source: MatchedCode | None
    notes: tuple[str, ...]

    def _summary(self) -> str:
        return (
            f"{self.occupation}: job zone {self.job_zone.zone if self.job_zone else None}, entry "
            + (repr(self.entry_requirements.education) if self.entry_requirements else "none")
        )


# --------------------------------------------------------------------------
# Certifications


@frozen(repr=False, eq=False)
class CertificationExam(Record):
    """How a certification is examined: number of parts (if known) and topics."""

    parts: int | None
    topics: tuple[str, ...]


@frozen(repr=False, eq=False)
class CertificationSource(Record):
    """Where a curated certification's facts were taken from."""

    _repr_fields = ("title", "url")

    title: str
    url: str | None


@frozen(repr=False, eq=False)
class Certification(Record):
    """A professional certification relevant to an occupation (curated data)."""

    id: str
    name: str
    abbreviation: str | None
    issuer: str
    level: str
    summary: str
    exam: CertificationExam | None
    occupations: tuple[str, ...]
    sources: tuple[CertificationSource, ...]
    #: A caveat from the curator (e.g. whether the credential is still offered).
    note: str | None = None

    def _summary(self) -> str:
        return str(self)

    def __str__(self) -> str:
        short = f" ({self.abbreviation})" if self.abbreviation else ""
        return f"{self.name}{short}, {self.issuer}"


# --------------------------------------------------------------------------
# Similar occupations


@frozen(repr=False, eq=False)
class SimilarOccupation(Record):
    """An O*NET related occupation with its national OEWS May 2025 figures.

    The figures have :attr:`Status.NO_ESTIMATE` when OEWS publishes nothing
    for the occupation (``wage_occupation`` is then ``None``); for an
    hourly-only occupation (actors, dancers) ``annual_mean`` is not released
    and ``hourly_mean`` is the wage to read.
    """

    occupation: Occupation
    tier: str
    index: int
    wage_occupation: WageOccupation | None
    employment: Figure = field(metadata=FOOTNOTED)
    annual_mean: Figure = field(metadata=WAGE)
    hourly_mean: Figure = field(metadata=WAGE)

    def _summary(self) -> str:
        return str(self)

    def __str__(self) -> str:
        from ._render.phrases import jobs_and_wage

        return (
            f"{self.occupation}: "
            f"{jobs_and_wage(self.employment, self.annual_mean, self.hourly_mean)}"
        )


# --------------------------------------------------------------------------
# Outlook and history


def _projected(p: Projection | Projection2020, start: Figure, end: Figure) -> str:
    """A projection's repr: "43-6013 via 43-6013: 850.0 -> 885.3 thousand (4.2%)"."""
    return (
        f"{p.occupation.code} via {p.source.code}: {start.format()} -> {end.format()} "
        f"thousand ({p.percent_change.format()}%)"
    )


@frozen(repr=False, eq=False)
class Projection(Record):
    """BLS Employment Projections 2024-34 for one occupation.

    Employment, change and openings are in thousands of jobs, as BLS
    publishes them (to one decimal); ``percent_change`` and
    ``percent_self_employed`` (2024) are in percent;
    ``annual_openings_thousands`` is the 2024-34 annual average; and
    ``median_wage_2024`` (May 2024 OEWS) may be top-coded (``>=$239,200``:
    :attr:`Status.TOP_CODED` with ``lower_bound`` 239200) or not available
    (``—``: :attr:`Status.NOT_RELEASED` with a note), as may
    ``percent_self_employed``. ``source`` says which 2024-34 code answered
    for the occupation.
    """

    occupation: Occupation
    source: MatchedCode
    employment_2024_thousands: Figure
    employment_2034_thousands: Figure
    change_thousands: Figure
    percent_change: Figure
    percent_self_employed: Figure = field(metadata=FOOTNOTED)
    annual_openings_thousands: Figure
    median_wage_2024: Figure = field(metadata=WAGE)
    entry_requirements: EntryRequirements

    def _summary(self) -> str:
        return _projected(self, self.employment_2024_thousands, self.employment_2034_thousands)


@frozen(repr=False, eq=False)
class Projection2020(Record):
    """BLS Employment Projections 2020-30 for one occupation (``Outlook.earlier_projection``).

    Employment, change and openings are in thousands of jobs, as BLS
    publishes them (to one decimal); ``percent_change`` is in percent;
    ``annual_openings_thousands`` is the 2020-30 annual average; and
    ``median_wage_2020`` may be top-coded (at least $208,000) or not
    available. ``source`` says which projections code answered for the
    occupation.
    """

    occupation: Occupation
    source: MatchedCode
    sample_titles: tuple[str, ...]
    employment_2020_thousands: Figure
    employment_2030_thousands: Figure
    change_thousands: Figure
    percent_change: Figure
    annual_openings_thousands: Figure
    median_wage_2020: Figure = field(metadata=WAGE)
    entry_requirements: EntryRequirements

    def _summary(self) -> str:
        return _projected(self, self.employment_2020_thousands, self.employment_2030_thousands)


@frozen(repr=False, eq=False)
class HistoricalEstimate(Record):
    """A national OES May 2019 estimate, as published (hybrid SOC code)."""

    code: str
    title: str
    period: str
    employment: Figure
    employment_rse: Figure
    hourly_mean: Figure
    annual_mean: Figure
    wage_rse: Figure
    hourly_median: Figure
    annual_median: Figure

    def _summary(self) -> str:
        return f"{self.code} {self.period}: {self.employment.format()} jobs"


@frozen(repr=False, eq=False)
class NationalChange(Record):
    """National employment and mean wages, May 2019 to May 2025.

    Changes are computed only when ``comparable``: both releases publish
    the same code (for an O*NET sub-occupation such as ``11-1011.03``, its
    whole SOC occupation, as ``notes`` says). Otherwise ``notes`` explains
    (the May 2019 code combined several occupations, or one release has
    none) and ``earlier`` may hold the combined May 2019 figures for
    context. A wage change is ``None`` when either wage is not released
    (hourly-only occupations have an hourly change only). Wages are not
    adjusted for inflation.
    """

    occupation: Occupation | WageOccupation
    earlier: HistoricalEstimate | None
    earlier_source: MatchedCode | None
    later: Estimate | None
    comparable: bool
    employment_change: float | None
    employment_percent_change: float | None
    annual_mean_change: float | None
    annual_mean_percent_change: float | None
    hourly_mean_change: float | None
    hourly_mean_percent_change: float | None
    notes: tuple[str, ...]

    def _summary(self) -> str:
        return f"{self.occupation.code}: " + (
            f"employment {self.employment_percent_change:+.1f}%"
            if self.employment_percent_change is not None
            else "not comparable"
            if not self.comparable
            else "no employment change"
        )


@frozen(repr=False, eq=False)
class Outlook(Record):
    """Projections 2024-34 (and 2020-30, the earlier release) and the May 2019 → May 2025
    change for one occupation.

    Each projection's ``source`` says which code of its release answered; a
    ``None`` projection has its note saying why. The 2020-30 projections use
    the hybrid SOC of May 2019, so where 2024-34 recodes an occupation
    (15-1256 → 15-1252 and 15-1253) ``earlier_projection_note`` says so and
    :attr:`projections_comparable` is ``False``.
    """

    occupation: Occupation
    projection: Projection | None
    projection_note: str | None
    history: NationalChange
    earlier_projection: Projection2020 | None = None
    earlier_projection_note: str | None = None

    def _summary(self) -> str:
        return f"{self.occupation}: " + (
            f"2024-34 {self.projection.percent_change.format()}%"
            if self.projection
            else "no projection"
        )

    @property
    def projections_comparable(self) -> bool:
        """Whether both releases project the same code (the same group of jobs)."""
        p, e = self.projection, self.earlier_projection
        return p is not None and e is not None and p.source.code == e.source.code


# --------------------------------------------------------------------------
# States


@frozen(repr=False, eq=False)
class StateView(Record):
    """One occupation in one state: the state's estimate and its areas ranked.

    ``metros`` and ``nonmetro`` are ranked by employment; a metro spanning
    several states appears in each. ``estimate`` is ``None`` when OEWS has
    no state row (``notes`` says so).
    """

    occupation: WageOccupation
    state: Area
    estimate: Estimate | None
    metros: Ranking
    nonmetro: Ranking
    notes: tuple[str, ...]

    def _summary(self) -> str:
        counts = f"{len(self.metros)} metro, {len(self.nonmetro)} nonmetro areas"
        return f"{self.occupation.code} in {self.state.name}: {counts}"


# --------------------------------------------------------------------------
# The report


@frozen(repr=False, eq=False)
class Report(Record):
    """A whole career profile, the way a career site shows it, ready to render.

    Built by :meth:`occprofile.Dataset.report`; ``str(report)`` is the text
    rendering, :meth:`to_markdown` the Markdown one; Jupyter shows the same
    sections as HTML.
    Rating sections hold the top ``n`` by importance; an empty or missing
    part renders as one line saying so.
    """

    occupation: Occupation
    description: str
    education: Education
    certifications: Certifications
    skills: RatingSection
    abilities: RatingSection
    knowledge: RatingSection
    work_activities: RatingSection
    work_styles: RatingSection
    national: Estimate | None
    top_metros: Ranking
    top_metros_note: str | None
    similar: SimilarOccupations
    outlook: Outlook
    comparison: Comparison | None
    releases: Releases
    #: What the occupation's tasks involve (its DWAs rolled up), the top ``n``:
    #: shown where O*NET rates no work-activity importance.
    work_activities_from_tasks: tuple[TaskWorkActivity, ...]
    work_values: WorkValues
    tools: tuple[Tool, ...]

    def _summary(self) -> str:
        return str(self.occupation)

    def to_text(self) -> str:
        """Plain text, wrapped at 78 columns."""
        from ._render.content import render_text

        return render_text(self)

    def to_markdown(self) -> str:
        """GitHub-flavoured Markdown (tables for ratings, metros and similar jobs)."""
        from ._render.content import render_markdown

        return render_markdown(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return self.to_text()


# --------------------------------------------------------------------------
# Result collections


class SimilarOccupations(Results[SimilarOccupation]):
    """O*NET related occupations with their national pay, in O*NET's order."""

    __slots__ = ()
    item_name = "occupation"


class Certifications(Results[Certification]):
    """Curated certifications."""

    __slots__ = ()
    item_name = "certification"


# --------------------------------------------------------------------------
# The records created on first use

#: The records of the questions across occupations (rankings, comparisons and
#: matches of occupations), served from here (PEP 562): a report creates none.
_DEFERRED_NAMES = dict.fromkeys(
    (
        "GapRow", "InterestMatch", "InterestMatches", "OccupationComparison",
        "OccupationRanking", "RankedOccupation", "RatingGap", "RatingMatch", "RatingMatches",
    ),
    "occprofile._across_records",
)  # fmt: skip

if not TYPE_CHECKING:  # for type checkers the names are the imports above
    __getattr__, __dir__ = served_on_first_use(__name__, _DEFERRED_NAMES)
