"""The records of an O*NET profile: elements, ratings, tasks and what a job involves.

Public as :mod:`occprofile.models` names (served from there on first use):
kept in their own module so that a wage question (``top_metros``,
``estimate``) does not pay for creating these 19 classes. The conventions of
:mod:`occprofile.models` hold: frozen, slotted, tuple collections, missing
data explicit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, overload

from attrs import frozen

from ._record import Record, Tabular

# Annotations are evaluated in this module (cattrs, the table schema): these must be here.
from .models import (
    RIASEC,
    EmergingTaskCategory,
    Estimate,
    InterestScale,
    Occupation,
    RiasecInterest,
    TaskType,
    WageOccupation,
    _unknown_name,
)

__all__ = [
    "AlternateTitle",
    "DetailedWorkActivity",
    "EducationShare",
    "Element",
    "EmergingTask",
    "Interest",
    "JobZone",
    "Measure",
    "Profile",
    "Rating",
    "RatingSection",
    "RelatedOccupation",
    "ReportedTitle",
    "Task",
    "TaskWorkActivity",
    "TechnologySkill",
    "Tool",
    "WorkValue",
    "WorkValues",
]


# --------------------------------------------------------------------------
# O*NET content


@frozen(repr=False, eq=False)
class Element(Record):
    """A Content Model element (a skill, an ability, a knowledge area, ...)."""

    _repr_fields = ("id", "name", "domain")

    id: str
    name: str
    description: str
    domain: str | None


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
class Task(Record):
    """One O*NET task statement; ``type`` is O*NET's Core/Supplemental (``None``: unrated)."""

    id: int
    text: str
    type: TaskType | None
    incumbents_responding: int | None
    date: str | None
    domain_source: str | None


@frozen(repr=False, eq=False)
class AlternateTitle(Record):
    title: str
    short_title: str | None


@frozen(repr=False, eq=False)
class ReportedTitle(Record):
    title: str
    shown_in_my_next_move: bool | None


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
class RelatedOccupation(Record):
    code: str
    title: str
    tier: str
    index: int


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
class TechnologySkill(Record):
    example: str
    commodity_code: int | None
    commodity_title: str | None
    hot: bool | None
    in_demand: bool | None


@frozen(repr=False, eq=False)
class Tool(Record):
    """A tool O*NET lists for an occupation (Tools Used), with its UNSPSC commodity."""

    _repr_fields = ("example", "commodity_title")

    example: str
    commodity_code: int
    commodity_title: str

    def __str__(self) -> str:
        return f"{self.example} ({self.commodity_title})"


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


@frozen(repr=False, eq=False)
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


# --------------------------------------------------------------------------
# The profile


@frozen(repr=False, eq=False)
class Profile(Record):
    """Everything O*NET 29.3 as bundled says about one occupation (and the
    O*NET 29.1 work-activity importance where 29.3 as bundled has none).

    Of the wage figures (another release) it holds only ``national``, the
    national estimate a career page shows beside the description; the rest
    are separate queries (``top_metros``, ``compare_metros``, ...).
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
    #: The national OEWS May 2025 estimate of ``wage_occupation`` (``None`` when
    #: there is no wage occupation or OEWS has no national row): ``national()``'s.
    national: Estimate | None = None

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
