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
from collections.abc import Iterable, Iterator
from typing import ClassVar, Literal, overload

from attrs import field, frozen

from ._columns import FOOTNOTED, INLINE, OMIT, WAGE
from ._record import NotedResults, Record, Results, Tabular

__all__ = [
    "RATING_DOMAINS",
    "AlternateTitle",
    "Area",
    "AreaKind",
    "Areas",
    "Comparison",
    "ComparisonRow",
    "DetailedWorkActivity",
    "EducationShare",
    "Element",
    "EmergingTask",
    "EmergingTaskCategory",
    "Estimate",
    "Estimates",
    "Figure",
    "Interest",
    "InterestScale",
    "JobZone",
    "Measure",
    "Occupation",
    "OccupationSelection",
    "Occupations",
    "Profile",
    "RankedEstimate",
    "Ranking",
    "Rating",
    "RatingDomain",
    "RatingSection",
    "RelatedOccupation",
    "Release",
    "Releases",
    "ReportedTitle",
    "RiasecInterest",
    "SearchHit",
    "SearchHits",
    "SocLevel",
    "Status",
    "Task",
    "TaskType",
    "TaskWorkActivity",
    "TechnologySkill",
    "Tool",
    "WageOccupation",
    "WageOccupations",
    "WorkValue",
    "WorkValues",
]


#: O*NET's task categories.
TaskType = Literal["Core", "Supplemental"]

#: O*NET's Emerging Tasks categories: a new task, or a revision of an existing one.
EmergingTaskCategory = Literal["New", "Revision"]

#: The levels of the SOC hierarchy (``WageOccupation.level``).
SocLevel = Literal["total", "major", "minor", "broad", "detailed"]

#: The O*NET rating domains occprofile serves.
RatingDomain = Literal["skills", "abilities", "knowledge", "work_activities", "work_styles"]

#: The rating domains in the one order used everywhere (a career profile page's).
RATING_DOMAINS: tuple[RatingDomain, ...] = (
    "skills",
    "abilities",
    "knowledge",
    "work_activities",
    "work_styles",
)


def _unknown_name(name: str, choices: list[str], detail: str) -> Exception:
    """A lookup error for a name a record does not hold, with the closest choices."""
    import difflib

    from .errors import UnknownNameError

    by_folded = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(name.casefold()[:200], list(by_folded), n=3, cutoff=0.6)
    return UnknownNameError(name, [by_folded[c] for c in close], detail=detail)


# --------------------------------------------------------------------------
# Provenance


@frozen(repr=False)
class Release(Record):
    """One upstream data release bundled in the package, with its credit line."""

    _repr_fields = ("key", "name", "version", "period")

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


@frozen(repr=False)
class Element(Record):
    """A Content Model element (a skill, an ability, a knowledge area, ...)."""

    _repr_fields = ("id", "name", "domain")

    id: str
    name: str
    description: str
    domain: str | None


@frozen(repr=False)
class Measure(Record):
    """One O*NET rating value on one scale, with the precision O*NET reports.

    ``n``, ``standard_error`` and the CI bounds are ``None`` where the source
    publishes the value alone (ability importance outside 43-6013.00 comes
    from a wide table holding values only, work-activity importance outside
    it from an O*NET 29.1 table); ``source`` names the file.
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

    def _summary(self) -> str:
        return f"{self}, source={self.source!r}"

    def __str__(self) -> str:
        """The value, caveated as O*NET flags it (not relevant, low precision)."""
        text = f"{self.value:.2f}"
        if self.not_relevant:
            return text + " [not relevant]"
        if self.recommend_suppress:
            return text + " [low precision]"
        return text


@frozen(repr=False)
class Rating(Record):
    """An element's importance (1-5) and level (0-7) for one occupation."""

    _table_fields: ClassVar[tuple[str, ...]] = ("element", "importance", "level", "level_status")

    element: Element
    importance: Measure | None
    level: Measure | None

    def _summary(self) -> str:
        return str(self)

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

    @property
    def importance_text(self) -> str:
        """The importance as printed: ``"4.00"``, caveated, or ``"not rated"``."""
        return str(self.importance) if self.importance else "not rated"

    @property
    def level_text(self) -> str:
        """The level as printed: ``"3.62"``, caveated, or why there is none."""
        return str(self.level) if self.level else self.level_status

    def __str__(self) -> str:
        return f"{self.name} (importance {self.importance_text}, level {self.level_text})"


def _importance_key(r: Rating) -> tuple[bool, float, float, str]:
    imp = r.importance.value if r.importance else 0.0
    lvl = r.level.value if r.level else -1.0
    return (r.importance is None, -imp, -lvl, r.name)


@frozen(repr=False)
class RatingSection(Record, Tabular):
    """All ratings of one domain for an occupation, and whether data exists.

    ``available`` is ``False`` when the bundled O*NET data has no ratings of
    this domain for the occupation at all (work activities of the
    occupations that share their SOC code with other rated ones); ``note``
    says what is and is not there.
    """

    _row_type: ClassVar[type] = Rating

    domain: str
    available: bool
    ratings: tuple[Rating, ...]
    note: str | None = None

    def _rows(self) -> tuple[object, ...]:
        return self.ratings

    def _summary(self) -> str:
        return (
            f"{self.domain}, {len(self.ratings)} ratings"
            + "".join(f"; {r.name} {r.importance_text}" for r in self.ratings[:3])
            + ("; ..." if len(self.ratings) > 3 else "")
        )

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

    def _by_importance(self, n: int | None = None) -> RatingSection:
        """The top ``n`` (all: ``None``) by importance, then level (both descending), then
        name; an unrated importance last."""
        ranked = sorted(self.ratings, key=_importance_key)[:n]
        return RatingSection(self.domain, self.available, tuple(ranked), self.note)

    def by_name(self, name: str) -> Rating:
        """The rating of the element called ``name`` (case-insensitive).

        An unknown name raises :class:`~occprofile.errors.UnknownNameError`
        (a ``LookupError``) suggesting the closest names in this section.
        """
        from .errors import ArgumentTypeError

        if not isinstance(name, str):
            raise ArgumentTypeError(f"name must be a str, not {type(name).__name__}: {name!r}")
        wanted = name.strip().casefold()
        for r in self.ratings:
            if r.name.casefold() == wanted:
                return r
        detail = f"No rating named {name!r} in {self.domain} ({len(self.ratings)} rated)."
        raise _unknown_name(name, [r.name for r in self.ratings], detail)


@frozen(repr=False)
class Task(Record):
    """One O*NET task statement; ``type`` is O*NET's Core/Supplemental (``None``: unrated)."""

    id: int
    text: str
    type: TaskType | None
    incumbents_responding: int | None
    date: str | None
    domain_source: str | None


@frozen(repr=False)
class AlternateTitle(Record):
    title: str
    short_title: str | None


@frozen(repr=False)
class ReportedTitle(Record):
    title: str
    shown_in_my_next_move: bool | None


@frozen(repr=False)
class EducationShare(Record):
    """Percent of respondents in one education/experience/training category."""

    _repr_fields = ("scale", "category", "label", "percent")

    scale: str
    category: int
    label: str
    percent: float
    n: int | None
    standard_error: float | None
    lower_ci: float | None
    upper_ci: float | None
    recommend_suppress: bool | None


@frozen(repr=False)
class JobZone(Record):
    """O*NET Job Zone (1-5): how much preparation an occupation needs."""

    _repr_fields = ("zone", "name")

    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str
    svp_range: str


@frozen(repr=False)
class RelatedOccupation(Record):
    code: str
    title: str
    tier: str
    index: int


#: A RIASEC interest (Holland code) as O*NET names it.
RiasecInterest = Literal[
    "Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"
]
#: O*NET's Interest High-Point codes (scale ``IH``): 1-6 name a RIASEC interest.
RIASEC: tuple[RiasecInterest, ...] = (
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
)
#: The interest scales: Occupational Interest scores and Interest High-Point codes.
InterestScale = Literal["OI", "IH"]


@frozen(repr=False)
class Interest(Record):
    """One O*NET interest value, as published.

    Scale ``OI`` (Occupational Interests) is a score from 1 to 7 for one
    RIASEC interest. Scale ``IH`` (First/Second/Third Interest High-Point)
    is a code: 1-6 name an interest, and ``0`` means O*NET names no such
    high point. ``value`` keeps the published number; read an ``IH`` value
    through :attr:`high_point`, which says ``None`` for "no high point"
    rather than a misleading ``0``.
    """

    element: Element
    scale: InterestScale
    value: float

    def _summary(self) -> str:
        return str(self)

    @property
    def high_point(self) -> RiasecInterest | None:
        """The RIASEC interest an ``IH`` code names; ``None`` for code 0 (no high point).

        Raises :class:`~occprofile.errors.InvalidArgumentError` (a
        ``ValueError``) for an ``OI`` score, which is not a code.
        """
        from .errors import DataIntegrityError, InvalidArgumentError

        if self.scale != "IH":
            raise InvalidArgumentError(
                f"{self.element.name} is an {self.scale} score, not a high-point code"
            )
        code = int(self.value)
        if code != self.value or not 0 <= code <= len(RIASEC):
            raise DataIntegrityError(f"{self.value!r} is not an Interest High-Point code (0-6)")
        return RIASEC[code - 1] if code else None

    def __str__(self) -> str:
        if self.scale == "IH":
            named = self.high_point
            return f"{self.element.name}: {named or 'none (O*NET names no such high point)'}"
        return f"{self.element.name}: {self.value:.2f} ({self.scale})"


@frozen(repr=False)
class TechnologySkill(Record):
    example: str
    commodity_code: int | None
    commodity_title: str | None
    hot: bool | None
    in_demand: bool | None


@frozen(repr=False)
class Tool(Record):
    """A tool O*NET lists for an occupation (Tools Used), with its UNSPSC commodity."""

    _repr_fields = ("example", "commodity_title")

    example: str
    commodity_code: int
    commodity_title: str

    def __str__(self) -> str:
        return f"{self.example} ({self.commodity_title})"


@frozen(repr=False)
class DetailedWorkActivity(Record):
    """A detailed work activity (DWA) that an occupation's tasks involve.

    ``task_ids`` are the occupation's tasks (``Profile.tasks``) that O*NET's
    Tasks to DWAs links to it. Each DWA belongs to one intermediate work
    activity (``iwa_id``, ``iwa_title``) and so to one of the 41 generalized
    work activities, ``work_activity``: the Content Model element that the
    work-activity ratings use.
    """

    _repr_fields = ("id", "title")

    id: str
    title: str
    iwa_id: str
    iwa_title: str
    work_activity: Element
    task_ids: tuple[int, ...]

    def __str__(self) -> str:
        return self.title


@frozen(repr=False)
class TaskWorkActivity(Record):
    """A generalized work activity that an occupation's tasks involve, from its DWAs.

    Not a rating: it says which of the occupation's tasks (``task_ids``) and
    detailed work activities fall under the activity, not how important it is.
    """

    work_activity: Element
    detailed_work_activities: tuple[DetailedWorkActivity, ...]
    task_ids: tuple[int, ...]

    def _summary(self) -> str:
        return str(self)

    @property
    def name(self) -> str:
        """The generalized work activity's name."""
        return self.work_activity.name

    def __str__(self) -> str:
        tasks = len(self.task_ids)
        return f"{self.name} ({tasks} task{'' if tasks == 1 else 's'})"


@frozen(repr=False)
class WorkValue(Record):
    """How far an occupation satisfies one O*NET work value: its extent, 1-7 (scale EX)."""

    element: Element
    extent: float
    date: str | None
    domain_source: str | None

    def _summary(self) -> str:
        return str(self)

    @property
    def name(self) -> str:
        """The work value's name (its Content Model element's)."""
        return self.element.name

    def __str__(self) -> str:
        return f"{self.name}: {self.extent:.2f}"


@frozen(repr=False)
class WorkValues(Record, Tabular):
    """O*NET's six work values for one occupation, and the high points O*NET names.

    ``values`` are in Content Model order (Achievement ... Independence);
    ``high_points`` are O*NET's first, second and third work-value high points
    (a high-point code 0, "no such high point", is left out and ``note`` says
    so). ``available`` is ``False`` when O*NET has no work values for the
    occupation.
    """

    values: tuple[WorkValue, ...]
    high_points: tuple[WorkValue, ...]
    note: str | None = None

    def _rows(self) -> tuple[object, ...]:
        return self.values

    def _summary(self) -> str:
        if not self.values:
            return "no work values"
        return "; ".join(str(v) for v in self.ranked(3)) + ("; ..." if len(self) > 3 else "")

    @property
    def available(self) -> bool:
        """Whether O*NET has work values for the occupation."""
        return bool(self.values)

    def ranked(self, n: int | None = None) -> tuple[WorkValue, ...]:
        """The values by extent, highest first (ties by name); the first ``n`` if given."""
        return tuple(sorted(self.values, key=lambda v: (-v.extent, v.name))[:n])

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self) -> Iterator[WorkValue]:
        return iter(self.values)


@frozen(repr=False)
class EmergingTask(Record):
    """A task O*NET found emerging in an occupation: a ``"New"`` task, or a
    ``"Revision"`` of an existing one (``original_task``, from ``Profile.tasks``)."""

    _repr_fields = ("text", "category")

    text: str
    category: EmergingTaskCategory
    original_task: Task | None
    date: str
    domain_source: str

    def __str__(self) -> str:
        if self.original_task is None:
            return f"{self.text} (new task)"
        return f"{self.text} (revises task {self.original_task.id})"


@frozen(repr=False)
class Occupation(Record):
    """An O*NET-SOC occupation and the OEWS code its wages come from.

    ``wage_basis`` is ``"detailed"`` when OEWS publishes the same SOC code,
    ``"aggregate"`` when OEWS publishes it only within an aggregate of
    several SOC occupations (``21-1018`` for ``21-1011.00``), ``"broad"`` when
    only the broad group (``XX-XXX0``) is published, and ``None`` (with
    ``wage_code`` ``None``) when OEWS has no estimate for it.
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


@frozen(repr=False)
class SearchHit(Record):
    """A search result: the occupation, the title that matched and how well (0-1].

    ``matched_kind`` says what matched: ``"title"``, ``"short"`` (O*NET's
    short title), ``"alternate"``, ``"reported"``, or ``"code"`` when the
    search text was a code (every hit then scores 1).
    """

    occupation: Occupation
    matched_title: str
    matched_kind: str
    score: float

    def _summary(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.occupation} ({self.matched_kind}: {self.matched_title}, {self.score:.2f})"


@frozen(repr=False)
class WageOccupation(Record):
    """An OEWS occupation (any level: total, major, minor, broad, detailed)."""

    code: str
    title: str
    level: SocLevel

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


@frozen(repr=False)
class Area(Record):
    """An OEWS area: the nation, a state or territory, a metro or nonmetro area."""

    _repr_fields = ("code", "kind", "name")

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


@frozen(repr=False)
class Figure(Record):
    """One published OEWS number, or the documented reason there is none.

    ``value`` is set only for :attr:`Status.RELEASED`. A top-coded wage has
    ``value`` ``None`` and ``lower_bound`` set to the BLS threshold
    ($115.00/hour or $239,200/year). ``text`` is exactly what BLS published.
    """

    #: Its columns in a table: the value (named by the figure), ``_status`` and,
    #: where the figure's field asks (``WAGE``, ``FOOTNOTED``), ``_lower_bound``
    #: and ``_footnote``. ``text`` is left out: the value is its float.
    _table_fields: ClassVar[tuple[str, ...]] = ("value", "status", "lower_bound", "footnote")
    _table_optional: ClassVar[frozenset[str]] = frozenset({"lower_bound", "footnote"})

    status: Status
    value: float | None
    text: str | None
    footnote: str | None
    lower_bound: float | None = None

    def _summary(self) -> str:
        return f"{self.status}: {self.text}" if self.value is not None else self.format()

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


@frozen(repr=False)
class Estimate(Record):
    """OEWS May 2025 cross-industry estimates for one occupation in one area."""

    occupation: WageOccupation
    area: Area
    employment: Figure = field(metadata=FOOTNOTED)
    employment_rse: Figure = field(metadata=FOOTNOTED)
    jobs_per_1000: Figure = field(metadata=FOOTNOTED)
    location_quotient: Figure = field(metadata=FOOTNOTED)
    hourly_mean: Figure = field(metadata=WAGE)
    annual_mean: Figure = field(metadata=WAGE)
    wage_rse: Figure = field(metadata=FOOTNOTED)
    hourly_p10: Figure = field(metadata=WAGE)
    hourly_p25: Figure = field(metadata=WAGE)
    hourly_median: Figure = field(metadata=WAGE)
    hourly_p75: Figure = field(metadata=WAGE)
    hourly_p90: Figure = field(metadata=WAGE)
    annual_p10: Figure = field(metadata=WAGE)
    annual_p25: Figure = field(metadata=WAGE)
    annual_median: Figure = field(metadata=WAGE)
    annual_p75: Figure = field(metadata=WAGE)
    annual_p90: Figure = field(metadata=WAGE)

    def _summary(self) -> str:
        return f"{self.occupation.code} in {self}"

    def __str__(self) -> str:
        from ._render.content import jobs_and_wage

        jobs = jobs_and_wage(self.employment, self.annual_mean, self.hourly_mean)
        return f"{self.area.name}: {jobs}"


@frozen(repr=False)
class RankedEstimate(Record):
    """One row of a ranking: its place, the figure ranked by, the full estimate.

    Rows whose figure BLS did not release are ranked after every released
    one and have ``ranked_value.released`` ``False``.
    """

    rank: int
    by: str
    #: In a table the figure is the column named by ``by``; the estimate's
    #: columns come without an ``estimate_`` prefix.
    ranked_value: Figure = field(metadata=OMIT)
    estimate: Estimate = field(metadata=INLINE)

    def _summary(self) -> str:
        return str(self)

    @property
    def area(self) -> Area:
        return self.estimate.area

    def __str__(self) -> str:
        from ._render.content import jobs_and_wage

        e = self.estimate
        jobs = jobs_and_wage(e.employment, e.annual_mean, e.hourly_mean)
        line = f"{self.rank}. {e.area.name}: {jobs}"
        if self.by not in ("employment", "annual_mean"):
            money = self.by.startswith(("annual_", "hourly_"))
            line += f", {self.by} {self.ranked_value.format(money=money)}"
        return line


@frozen(repr=False)
class ComparisonRow(Record):
    """One measure for two areas, their difference (a - b) and ratio (a / b).

    ``difference`` and ``ratio`` are ``None`` when either side has no
    released number (or ``b`` is 0 for the ratio); ``note`` says why.
    """

    measure: str
    a: Figure = field(metadata=WAGE)
    b: Figure = field(metadata=WAGE)
    difference: float | None
    ratio: float | None
    note: str | None

    def _summary(self) -> str:
        a, b = self.a.format(), self.b.format()
        return f"{self.measure}: a {a}, b {b}, difference {self.difference}"


@frozen(repr=False)
class Comparison(Record, Tabular):
    """Side-by-side OEWS figures for one occupation in two areas."""

    _row_type: ClassVar[type] = ComparisonRow

    occupation: WageOccupation
    a: Estimate | None
    b: Estimate | None
    area_a: Area
    area_b: Area
    rows: tuple[ComparisonRow, ...]
    missing: tuple[str, ...]

    def _rows(self) -> tuple[object, ...]:
        return self.rows

    def _summary(self) -> str:
        areas = f"{self.area_a.name} vs {self.area_b.name}"
        return f"{self.occupation.code}: {areas}, {len(self.rows)} measures"

    def row(self, measure: str) -> ComparisonRow:
        """The row of one measure (an :class:`Estimate` attribute name, ``"annual_mean"``).

        An unknown measure raises :class:`~occprofile.errors.UnknownNameError`
        (a ``LookupError``) naming the closest measures.
        """
        from .errors import ArgumentTypeError

        if not isinstance(measure, str):
            raise ArgumentTypeError(
                f"measure must be a str, not {type(measure).__name__}: {measure!r}"
            )
        for r in self.rows:
            if r.measure == measure:
                return r
        measures = [r.measure for r in self.rows]
        raise _unknown_name(
            measure, measures, f"Unknown measure {measure!r}: the measures are {measures}."
        )

    @property
    def area_notes(self) -> tuple[str, ...]:
        """The lines of ``missing`` about whole areas (one with no estimate at all),
        without those that repeat a row's ``note``."""
        row_notes = {f"{r.measure}: {r.note}" for r in self.rows if r.note}
        return tuple(m for m in self.missing if m not in row_notes)

    def to_text(self) -> str:
        """Every measure side by side as a plain-text table, 78 columns wide."""
        from ._render.content import render_comparison_text

        return render_comparison_text(self)

    def to_markdown(self) -> str:
        """The same table in GitHub-flavoured Markdown."""
        from ._render.content import render_comparison_markdown

        return render_comparison_markdown(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return self.to_text()


# --------------------------------------------------------------------------
# The profile


@frozen(repr=False)
class Profile(Record):
    """Everything O*NET 29.3 as bundled says about one occupation (and the
    O*NET 29.1 work-activity importance where 29.3 as bundled has none).

    Wage figures are separate queries (``national``, ``top_metros``,
    ``compare_metros``): they come from another release, and keeping them
    out keeps a first ``profile()`` to its own file and the shared titles.
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
    #: O*NET's detailed work activities of the occupation's tasks, by id
    #: (``()`` for the 93 occupations without tasks).
    detailed_work_activities: tuple[DetailedWorkActivity, ...]
    #: Tools Used, by UNSPSC commodity code, then example.
    tools: tuple[Tool, ...]
    work_values: WorkValues
    #: Emerging Tasks: new tasks and revisions O*NET found (``()`` for most).
    emerging_tasks: tuple[EmergingTask, ...]

    def _summary(self) -> str:
        return str(self.occupation)

    @property
    def work_activities_from_tasks(self) -> tuple[TaskWorkActivity, ...]:
        """The generalized work activities the occupation's tasks involve, rolled up
        from its detailed work activities: most tasks first, then by name.

        Which activities a job involves, for every occupation with tasks, also
        where O*NET rates no work-activity importance (``work_activities``).
        """
        grouped: dict[str, list[DetailedWorkActivity]] = {}
        for dwa in self.detailed_work_activities:
            grouped.setdefault(dwa.work_activity.id, []).append(dwa)
        found = [
            TaskWorkActivity(
                dwas[0].work_activity,
                tuple(dwas),
                tuple(sorted({task for dwa in dwas for task in dwa.task_ids})),
            )
            for dwas in grouped.values()
        ]
        return tuple(sorted(found, key=lambda a: (-len(a.task_ids), a.name)))

    @property
    def code(self) -> str:
        return self.occupation.code

    @property
    def title(self) -> str:
        return self.occupation.title

    def __str__(self) -> str:
        return f"{self.occupation} -- profile"


# --------------------------------------------------------------------------
# Result collections: tuples that are also tables


class Ranking(Results[RankedEstimate]):
    """Areas ranked by one figure (``top_metros``, ``top_states``), best first."""

    __slots__ = ()
    item_name = "area"


class SearchHits(Results[SearchHit]):
    """Search results, best first."""

    __slots__ = ()
    item_name = "hit"


class Estimates(Results[Estimate]):
    """OEWS estimates of one occupation, by area code."""

    __slots__ = ()
    item_name = "estimate"


class Areas(Results[Area]):
    """OEWS areas, by code."""

    __slots__ = ()
    item_name = "area"


class Occupations(Results[Occupation]):
    """O*NET-SOC occupations, by code."""

    __slots__ = ()
    item_name = "occupation"


class WageOccupations(Results[WageOccupation]):
    """OEWS occupations, by code."""

    __slots__ = ()
    item_name = "occupation"


class Releases(Results[Release]):
    """The bundled upstream releases."""

    __slots__ = ()
    item_name = "release"


class OccupationSelection(NotedResults[Occupation], Occupations):
    """O*NET-SOC occupations chosen by filters (``occupations(...)``), by code.

    ``criteria`` says, one line per filter, the rule applied (empty: none).
    """

    item_name = "occupation"
    criteria: tuple[str, ...]

    def __new__(
        cls, items: Iterable[Occupation] = (), *, criteria: tuple[str, ...] = ()
    ) -> OccupationSelection:
        return cls._noted(items, criteria=criteria)
