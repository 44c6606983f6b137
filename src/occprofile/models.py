"""Typed, immutable records for an occupation profile and its wage figures.

Every class is an attrs ``frozen`` slotted class with tuple collections, so
results are hashable, safe to share between threads and cheap to cache.
Missing data is always explicit: an OEWS figure carries a :class:`Status`
and the BLS footnote, a rating section says when O*NET has no data for it,
and a rating's absent level is ``None`` with :attr:`Rating.level_status`
saying so -- never a silent ``0``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import overload

from attrs import frozen

__all__ = [
    "AlternateTitle",
    "Area",
    "AreaKind",
    "Certification",
    "CertificationExam",
    "CertificationSource",
    "CodeMatch",
    "Comparison",
    "ComparisonRow",
    "Distribution",
    "Education",
    "EducationShare",
    "Element",
    "EntryRequirements",
    "Estimate",
    "Figure",
    "HistoricalEstimate",
    "Interest",
    "JobZone",
    "MatchedCode",
    "Measure",
    "NationalChange",
    "Occupation",
    "Outlook",
    "Profile",
    "Projection",
    "RankedEstimate",
    "Rating",
    "RatingMatch",
    "RatingSection",
    "RelatedOccupation",
    "Release",
    "Report",
    "ReportedTitle",
    "SearchHit",
    "SimilarOccupation",
    "StateView",
    "Status",
    "Task",
    "TechnologySkill",
    "WageOccupation",
]


# --------------------------------------------------------------------------
# Provenance


@frozen
class Release:
    """One upstream data release bundled in the package, with its credit line."""

    key: str
    name: str
    version: str
    period: str
    publisher: str
    license: str
    url: str
    credit: str
    changes: str

    def __str__(self) -> str:
        return f"{self.name}, {self.period} (release {self.version}), {self.publisher}"


# --------------------------------------------------------------------------
# O*NET content


@frozen
class Element:
    """A Content Model element (a skill, an ability, a knowledge area, ...)."""

    id: str
    name: str
    description: str
    domain: str | None


@frozen
class Measure:
    """One O*NET rating value on one scale, with the precision O*NET reports.

    ``n``, ``standard_error`` and the CI bounds are ``None`` where the source
    publishes the value alone (ability importance outside 43-6013.00 comes
    from a wide table holding values only); ``source`` names the file.
    """

    value: float
    n: int | None
    standard_error: float | None
    lower_ci: float | None
    upper_ci: float | None
    recommend_suppress: bool | None
    not_relevant: bool | None
    date: str | None
    domain_source: str | None
    source: str

    def __str__(self) -> str:
        """The value, caveated as O*NET flags it (not relevant, low precision)."""
        text = f"{self.value:.2f}"
        if self.not_relevant:
            return text + " [not relevant]"
        if self.recommend_suppress:
            return text + " [low precision]"
        return text


@frozen
class Rating:
    """An element's importance (1-5) and level (0-7) for one occupation."""

    element: Element
    importance: Measure | None
    level: Measure | None

    @property
    def name(self) -> str:
        return self.element.name

    @property
    def level_status(self) -> str:
        """``"rated"``; ``"no level scale"`` (work styles: O*NET rates importance
        only); or ``"not rated"`` (the bundled O*NET data has no level for it)."""
        if self.level is not None:
            return "rated"
        return "no level scale" if self.element.domain == "work_styles" else "not rated"

    def __str__(self) -> str:
        imp = str(self.importance) if self.importance else "not rated"
        lvl = str(self.level) if self.level else self.level_status
        return f"{self.name} (importance {imp}, level {lvl})"


@frozen
class RatingSection:
    """All ratings of one domain for an occupation, and whether data exists.

    ``available`` is ``False`` when the bundled O*NET data has no ratings of
    this domain for the occupation at all (work activities outside
    43-6013.00); ``note`` says what is and is not there.
    """

    domain: str
    available: bool
    ratings: tuple[Rating, ...]
    note: str | None = None

    def __len__(self) -> int:
        return len(self.ratings)

    def __iter__(self) -> Iterator[Rating]:
        return iter(self.ratings)

    @overload
    def __getitem__(self, index: int) -> Rating: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Rating, ...]: ...
    def __getitem__(self, index: int | slice) -> Rating | tuple[Rating, ...]:
        return self.ratings[index]

    def by_name(self, name: str) -> Rating:
        """The rating of the element called ``name`` (case-insensitive)."""
        wanted = name.casefold()
        for r in self.ratings:
            if r.name.casefold() == wanted:
                return r
        raise KeyError(f"{name!r}: no such rating in {self.domain} ({len(self.ratings)} rated)")


@frozen
class Task:
    id: int
    text: str
    type: str | None
    incumbents_responding: int | None
    date: str | None
    domain_source: str | None


@frozen
class AlternateTitle:
    title: str
    short_title: str | None


@frozen
class ReportedTitle:
    title: str
    shown_in_my_next_move: bool | None


@frozen
class EducationShare:
    """Percent of respondents in one education/experience/training category."""

    scale: str
    category: int
    label: str
    percent: float
    n: int | None
    standard_error: float | None
    lower_ci: float | None
    upper_ci: float | None
    recommend_suppress: bool | None


@frozen
class JobZone:
    """O*NET Job Zone (1-5): how much preparation an occupation needs."""

    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str
    svp_range: str


@frozen
class RelatedOccupation:
    code: str
    title: str
    tier: str
    index: int


@frozen
class Interest:
    element: Element
    scale: str
    value: float


@frozen
class TechnologySkill:
    example: str
    commodity_code: int | None
    commodity_title: str | None
    hot: bool | None
    in_demand: bool | None


@frozen
class Occupation:
    """An O*NET-SOC occupation and the OEWS code its wages come from.

    ``wage_basis`` is ``"detailed"`` when OEWS publishes the same SOC code,
    ``"broad"`` when only the broad group (``XX-XXX0``) is published, and
    ``None`` (with ``wage_code`` ``None``) when OEWS has no estimate for it.
    """

    code: str
    title: str
    wage_code: str | None
    wage_basis: str | None

    @property
    def soc_code(self) -> str:
        return self.code[:7]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


@frozen
class SearchHit:
    """A search result: the occupation, the title that matched and how well (0-1]."""

    occupation: Occupation
    matched_title: str
    matched_kind: str
    score: float

    def __str__(self) -> str:
        return f"{self.occupation} ({self.matched_kind}: {self.matched_title}, {self.score:.2f})"


@frozen
class WageOccupation:
    """An OEWS occupation (any level: total, major, minor, broad, detailed)."""

    code: str
    title: str
    level: str

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


# --------------------------------------------------------------------------
# OEWS


class AreaKind(str, enum.Enum):
    NATIONAL = "national"
    STATE = "state"
    METRO = "metro"
    NONMETRO = "nonmetro"

    def __str__(self) -> str:
        return self.value


@frozen
class Area:
    """An OEWS area: the nation, a state or territory, a metro or nonmetro area."""

    code: str
    kind: AreaKind
    name: str
    state_fips: str
    states: tuple[str, ...]

    @property
    def short_name(self) -> str:
        """The name without the trailing state list ("Los Angeles-Long Beach-Anaheim")."""
        if self.kind is AreaKind.METRO and "," in self.name:
            return self.name.rsplit(",", 1)[0]
        return self.name

    def __str__(self) -> str:
        return self.name


class Status(str, enum.Enum):
    """Why an OEWS figure has, or lacks, a number."""

    RELEASED = "released"
    NOT_RELEASED = "not released"
    TOP_CODED = "top-coded"
    HOURLY_ONLY = "hourly only"
    ANNUAL_ONLY = "annual only"
    NOT_APPLICABLE = "not applicable"
    #: OEWS has no row at all for this occupation in this area.
    NO_ESTIMATE = "no estimate"

    def __str__(self) -> str:
        return self.value


@frozen
class Figure:
    """One published OEWS number, or the documented reason there is none.

    ``value`` is set only for :attr:`Status.RELEASED`. A top-coded wage has
    ``value`` ``None`` and ``lower_bound`` set to the BLS threshold
    ($115.00/hour or $239,200/year). ``text`` is exactly what BLS published.
    """

    status: Status
    value: float | None
    text: str | None
    footnote: str | None
    lower_bound: float | None = None

    @property
    def released(self) -> bool:
        return self.status is Status.RELEASED

    def __str__(self) -> str:
        if self.value is not None:
            return self.text or f"{self.value:g}"
        if self.lower_bound is not None:
            return f">= {self.lower_bound:g} (top-coded)"
        return f"({self.status})"

    def format(self, money: bool = False) -> str:
        """Human-readable: ``52,640``, ``$51,870``, ``>= $239,200``, ``(not released)``.

        Decimals are those BLS published (``6.80``, ``1.0``, ``26.04``).
        """
        unit = "$" if money else ""
        if self.value is not None:
            digits = len(self.text.partition(".")[2]) if self.text else 0
            return f"{unit}{self.value:,.{digits}f}"
        if self.lower_bound is not None:
            return f">= {unit}{self.lower_bound:,.0f}"
        return f"({self.status})"


@frozen
class Estimate:
    """OEWS May 2025 cross-industry estimates for one occupation in one area."""

    occupation: WageOccupation
    area: Area
    employment: Figure
    employment_rse: Figure
    jobs_per_1000: Figure
    location_quotient: Figure
    hourly_mean: Figure
    annual_mean: Figure
    wage_rse: Figure
    hourly_p10: Figure
    hourly_p25: Figure
    hourly_median: Figure
    hourly_p75: Figure
    hourly_p90: Figure
    annual_p10: Figure
    annual_p25: Figure
    annual_median: Figure
    annual_p75: Figure
    annual_p90: Figure

    def __str__(self) -> str:
        return (
            f"{self.area.name}: {self.employment.format()} jobs, "
            f"annual mean {self.annual_mean.format(money=True)}"
        )


@frozen
class RankedEstimate:
    """One row of a ranking: its place, the figure ranked by, the full estimate.

    Rows whose figure BLS did not release are ranked after every released
    one and have ``ranked_value.released`` ``False``.
    """

    rank: int
    by: str
    ranked_value: Figure
    estimate: Estimate

    @property
    def area(self) -> Area:
        return self.estimate.area

    def __str__(self) -> str:
        e = self.estimate
        line = (
            f"{self.rank}. {e.area.name}: {e.employment.format()} jobs, "
            f"annual mean {e.annual_mean.format(money=True)}"
        )
        if self.by not in ("employment", "annual_mean"):
            money = self.by.startswith(("annual_", "hourly_"))
            line += f", {self.by} {self.ranked_value.format(money=money)}"
        return line


@frozen
class ComparisonRow:
    """One measure for two areas, their difference (a - b) and ratio (a / b).

    ``difference`` and ``ratio`` are ``None`` when either side has no
    released number (or ``b`` is 0 for the ratio); ``note`` says why.
    """

    measure: str
    a: Figure
    b: Figure
    difference: float | None
    ratio: float | None
    note: str | None


@frozen
class Comparison:
    """Side-by-side OEWS figures for one occupation in two areas."""

    occupation: WageOccupation
    a: Estimate | None
    b: Estimate | None
    area_a: Area
    area_b: Area
    rows: tuple[ComparisonRow, ...]
    missing: tuple[str, ...]

    def row(self, measure: str) -> ComparisonRow:
        """The row of one measure (an :class:`Estimate` attribute name)."""
        for r in self.rows:
            if r.measure == measure:
                return r
        raise KeyError(f"{measure!r}: the measures are {[r.measure for r in self.rows]}")


# --------------------------------------------------------------------------
# The profile


@frozen
class Profile:
    """Everything O*NET 29.3 as bundled says about one occupation.

    Wage figures are separate queries (``national``, ``top_metros``,
    ``compare_metros``): they come from another release, and keeping them
    out keeps a first ``profile()`` to a single small resource.
    """

    occupation: Occupation
    description: str
    job_zone: JobZone | None
    alternate_titles: tuple[AlternateTitle, ...]
    reported_titles: tuple[ReportedTitle, ...]
    tasks: tuple[Task, ...]
    education: tuple[EducationShare, ...]
    related: tuple[RelatedOccupation, ...]
    interests: tuple[Interest, ...]
    technology_skills: tuple[TechnologySkill, ...]
    skills: RatingSection
    knowledge: RatingSection
    abilities: RatingSection
    work_activities: RatingSection
    work_styles: RatingSection
    #: The OEWS occupation whose estimates answer wage questions about this
    #: one (``None`` when OEWS publishes none): pass it to ``national()``,
    #: ``top_metros()`` and the rest.
    wage_occupation: WageOccupation | None

    @property
    def code(self) -> str:
        return self.occupation.code

    @property
    def title(self) -> str:
        return self.occupation.title

    def __str__(self) -> str:
        return f"{self.occupation} -- profile"


# --------------------------------------------------------------------------
# Education and training


@frozen
class Distribution:
    """One O*NET category distribution: percent of respondents per category.

    ``scale`` is O*NET's id: ``RL`` required level of education, ``RW``
    related work experience, ``PT`` on-site or in-plant training, ``OJ``
    on-the-job training.
    """

    scale: str
    name: str
    shares: tuple[EducationShare, ...]

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
    #: The release publishes only the broad SOC group that contains the occupation.
    BROADER = "broad group"
    #: May 2019 / 2020-30 hybrid SOC: one code combined this occupation with others.
    COMBINED = "combined code"

    def __str__(self) -> str:
        return self.value


@frozen
class MatchedCode:
    """Which code of another release answers for an occupation, and how it relates."""

    code: str
    title: str
    match: CodeMatch
    note: str | None = None

    @property
    def exact(self) -> bool:
        return self.match is CodeMatch.SAME


@frozen
class EntryRequirements:
    """BLS Employment Projections 2020-30: what it typically takes to enter."""

    education: str
    education_code: int
    work_experience: str
    work_experience_code: int
    training: str
    training_code: int


@frozen
class Education:
    """Education and training for one occupation, from O*NET and BLS.

    A distribution O*NET does not publish for the occupation is ``None``;
    ``entry_requirements`` is ``None`` when the 2020-30 projections have no
    row for it (``notes`` says why), and ``entry_source`` says which
    projections code answered when it is not the occupation's own.
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


# --------------------------------------------------------------------------
# Certifications


@frozen
class CertificationExam:
    """How a certification is examined: number of parts (if known) and topics."""

    parts: int | None
    topics: tuple[str, ...]


@frozen
class CertificationSource:
    """Where a curated certification's facts were taken from."""

    title: str
    url: str | None


@frozen
class Certification:
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

    def __str__(self) -> str:
        short = f" ({self.abbreviation})" if self.abbreviation else ""
        return f"{self.name}{short}, {self.issuer}"


# --------------------------------------------------------------------------
# Similar occupations


@frozen
class SimilarOccupation:
    """An O*NET related occupation with its national OEWS May 2025 figures.

    ``employment`` and ``annual_mean`` have :attr:`Status.NO_ESTIMATE` when
    OEWS publishes nothing for the occupation (``wage_occupation`` is then
    ``None``).
    """

    occupation: Occupation
    tier: str
    index: int
    wage_occupation: WageOccupation | None
    employment: Figure
    annual_mean: Figure

    def __str__(self) -> str:
        return (
            f"{self.occupation}: {self.employment.format()} jobs, "
            f"annual mean {self.annual_mean.format(money=True)}"
        )


@frozen
class RatingMatch:
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

    def __str__(self) -> str:
        return f"{self.occupation}: similarity {self.similarity:.3f}"


# --------------------------------------------------------------------------
# Outlook and history


@frozen
class Projection:
    """BLS Employment Projections 2020-30 for one occupation.

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
    median_wage_2020: Figure
    entry_requirements: EntryRequirements


@frozen
class HistoricalEstimate:
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


@frozen
class NationalChange:
    """National employment and annual mean wage, May 2019 to May 2025.

    Changes are computed only when ``comparable``: both releases publish
    the occupation under the same code. Otherwise ``notes`` explains (the
    May 2019 code combined several occupations, or one release has none)
    and ``earlier`` may hold the combined May 2019 figures for context.
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
    notes: tuple[str, ...]


@frozen
class Outlook:
    """Projections 2020-30 and the May 2019 → May 2025 change for one occupation."""

    occupation: Occupation
    projection: Projection | None
    projection_note: str | None
    history: NationalChange


# --------------------------------------------------------------------------
# States


@frozen
class StateView:
    """One occupation in one state: the state's estimate and its areas ranked.

    ``metros`` and ``nonmetro`` are ranked by employment; a metro spanning
    several states appears in each. ``estimate`` is ``None`` when OEWS has
    no state row (``notes`` says so).
    """

    occupation: WageOccupation
    state: Area
    estimate: Estimate | None
    metros: tuple[RankedEstimate, ...]
    nonmetro: tuple[RankedEstimate, ...]
    notes: tuple[str, ...]


# --------------------------------------------------------------------------
# The report


@frozen
class Report:
    """A whole career profile, the way a career site shows it, ready to render.

    Built by :meth:`occprofile.Dataset.report`; ``str(report)`` is the text
    rendering, :meth:`to_markdown` the Markdown one (Jupyter shows it).
    Rating sections hold the top ``n`` by importance; an empty or missing
    part renders as one line saying so.
    """

    occupation: Occupation
    description: str
    education: Education
    certifications: tuple[Certification, ...]
    skills: RatingSection
    abilities: RatingSection
    knowledge: RatingSection
    work_activities: RatingSection
    work_styles: RatingSection
    national: Estimate | None
    top_metros: tuple[RankedEstimate, ...]
    top_metros_note: str | None
    similar: tuple[SimilarOccupation, ...]
    outlook: Outlook
    comparison: Comparison | None
    releases: tuple[Release, ...]

    def to_text(self) -> str:
        """Plain text, wrapped at 78 columns."""
        from ._render import render_text

        return render_text(self)

    def to_markdown(self) -> str:
        """GitHub-flavoured Markdown (tables for ratings, metros and similar jobs)."""
        from ._render import render_markdown

        return render_markdown(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return self.to_text()
