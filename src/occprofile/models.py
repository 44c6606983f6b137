"""Typed, immutable records for an occupation profile and its wage figures.

Every class is an attrs ``frozen`` slotted class with tuple collections, so
results are hashable, safe to share between threads and cheap to cache.
Missing data is always explicit: an OEWS figure carries a :class:`Status`
and the BLS footnote, a rating section says when O*NET has no data for it,
and a rating's absent level is ``None`` with :attr:`Rating.level_status`
saying so -- never a silent ``0``.

The records of an O*NET profile, of an area comparison, of the bundled
releases and of a search are defined in their own modules and served from here on first
use (PEP 562), so a wage question creates the classes it needs, not all of them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Literal

from attrs import field, frozen

from ._columns import FOOTNOTED, INLINE, OMIT, WAGE
from ._record import NotedResults, Record, Results, served_on_first_use

if TYPE_CHECKING:
    from ._comparison_records import Comparison, ComparisonRow
    from ._profile_records import (
        AlternateTitle,
        DetailedWorkActivity,
        EducationShare,
        Element,
        EmergingTask,
        Interest,
        JobZone,
        Measure,
        Profile,
        Rating,
        RatingSection,
        RelatedOccupation,
        ReportedTitle,
        Task,
        TaskWorkActivity,
        TechnologySkill,
        Tool,
        WorkValue,
        WorkValues,
    )
    from ._provenance_records import Release, Releases
    from ._search_records import SearchHit, SearchHits

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


def _unknown_name(name: str, choices: list[str], detail: str) -> Exception:
    """A lookup error for a name a record does not hold, with the closest choices."""
    import difflib

    from .errors import UnknownNameError

    by_folded = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(name.casefold()[:200], list(by_folded), n=3, cutoff=0.6)
    return UnknownNameError(name, [by_folded[c] for c in close], detail=detail)


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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
        from ._render.phrases import jobs_and_wage

        jobs = jobs_and_wage(self.employment, self.annual_mean, self.hourly_mean)
        return f"{self.area.name}: {jobs}"


@frozen(repr=False, eq=False)
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
        from ._render.phrases import jobs_and_wage

        e = self.estimate
        jobs = jobs_and_wage(e.employment, e.annual_mean, e.hourly_mean)
        line = f"{self.rank}. {e.area.name}: {jobs}"
        if self.by not in ("employment", "annual_mean"):
            money = self.by.startswith(("annual_", "hourly_"))
            line += f", {self.by} {self.ranked_value.format(money=money)}"
        return line


# --------------------------------------------------------------------------
# Result collections: tuples that are also tables


class Ranking(Results[RankedEstimate]):
    """Areas ranked by one figure (``top_metros``, ``top_states``), best first."""

    __slots__ = ()
    item_name = "area"


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


# --------------------------------------------------------------------------
# The records created on first use

#: Module -> the public names it defines, served from here (PEP 562).
_DEFERRED: dict[str, tuple[str, ...]] = {
    "occprofile._profile_records": (
        "AlternateTitle", "DetailedWorkActivity", "EducationShare", "Element", "EmergingTask",
        "Interest", "JobZone", "Measure", "Profile", "Rating", "RatingSection",
        "RelatedOccupation", "ReportedTitle", "Task", "TaskWorkActivity", "TechnologySkill",
        "Tool", "WorkValue", "WorkValues",
    ),
    "occprofile._comparison_records": ("Comparison", "ComparisonRow"),
    "occprofile._provenance_records": ("Release", "Releases"),
    "occprofile._search_records": ("SearchHit", "SearchHits"),
}  # fmt: skip
_DEFERRED_NAMES = {name: module for module, names in _DEFERRED.items() for name in names}

if not TYPE_CHECKING:  # for type checkers the names are the imports above
    __getattr__, __dir__ = served_on_first_use(__name__, _DEFERRED_NAMES)
