"""The on-disk schema of the O*NET profile resources, as attrs classes.

``elements.json``, ``onet/<code>.json.gz`` and ``onet_reference.json.gz``:
the conventions of :mod:`.schema` (key for key with ``docs/data-format.md``,
unknown keys forbidden), in their own module because they reuse the profile
models, which a wage question never creates. :mod:`.schema` serves these
names too.
"""

from __future__ import annotations

from attrs import frozen

from .._profile_records import (
    AlternateTitle,
    Element,
    Measure,
    ReportedTitle,
    Task,
    TechnologySkill,
)
from .._record import Record
from ..models import EmergingTaskCategory, InterestScale
from .columnar import KeyedRecords, RecordColumns
from .converter import share_strings


@frozen(repr=False, eq=False)
class ScaleRecord(Record):
    name: str
    minimum: float
    maximum: float


@frozen(repr=False, eq=False)
class JobZoneRecord(Record):
    name: str
    experience: str
    education: str
    training: str
    examples: str
    svp_range: str


@frozen(repr=False, eq=False)
class CategoryScaleRecord(Record):
    name: str
    categories: dict[str, str]


@frozen(repr=False, eq=False)
class ElementsFile(Record):
    #: the Content Model, as columns of the public record: an element is made when shown
    elements: RecordColumns[Element]
    scales: dict[str, ScaleRecord]
    job_zones: dict[str, JobZoneRecord]
    education_categories: dict[str, CategoryScaleRecord]


@frozen(repr=False, eq=False)
class EducationRecord(Record):
    scale: str
    category: int
    percent: float
    n: int | None
    standard_error: float | None
    lower_ci: float | None
    upper_ci: float | None
    recommend_suppress: bool | None


@frozen(repr=False, eq=False)
class RelatedRecord(Record):
    code: str
    tier: str
    index: int


@frozen(repr=False, eq=False)
class InterestRecord(Record):
    element_id: str
    scale: InterestScale
    value: float


@frozen(repr=False, eq=False)
class MeasureColumns(Record):
    """One rating domain's measures on one scale, as columns: row ``i`` is the
    measure of the table's element ``i``, or none where ``value[i]`` is null.
    ``source``, ``date`` and ``domain_source`` are the rows' own, stored once
    (one str each, shared by every :class:`Measure` made from them)."""

    source: str
    date: str | None
    domain_source: str | None
    value: tuple[float | None, ...]
    n: tuple[int | None, ...]
    standard_error: tuple[float | None, ...]
    lower_ci: tuple[float | None, ...]
    upper_ci: tuple[float | None, ...]
    recommend_suppress: tuple[bool | None, ...]
    not_relevant: tuple[bool | None, ...]

    def _precision(self) -> tuple[tuple[object, ...], ...]:
        """The columns besides the value (all None in a wide table's measures)."""
        return (
            self.n,
            self.standard_error,
            self.lower_ci,
            self.upper_ci,
            self.recommend_suppress,
            self.not_relevant,
        )

    def __attrs_post_init__(self) -> None:
        rows = len(self.value)
        columns = self._precision()
        if any(len(c) != rows for c in columns):
            raise ValueError(f"measure columns of unequal length ({rows} values)")
        for i, value in enumerate(self.value):
            if value is None and any(c[i] is not None for c in columns):
                raise ValueError(f"row {i} has no value but other fields")

    def measures(self) -> list[Measure | None]:
        """Each row's :class:`Measure` (``None`` where the row has none).

        Values, standard errors and bounds (repeated across the
        200,000 measures) are one float object each; a measure that holds a
        value alone (a wide table's: no n, error, bounds or flags) is one
        object per value and source, whichever occupations share it.
        """
        source, date, domain_source = self.source, self.date, self.domain_source
        rest = self._precision()
        if all(v is None for column in rest for v in column):
            memo = _VALUE_ONLY.setdefault((source, date, domain_source), {})
            found: list[Measure | None] = []
            for value in self.value:
                measure = None if value is None else memo.get(value)
                if measure is None and value is not None:
                    measure = Measure(
                        value, None, None, None, None, None, None, date, domain_source, source
                    )
                    if value:  # 0.0 and -0.0 are equal keys: neither is shared
                        memo[value] = measure
                found.append(measure)
            return found
        number = _NUMBERS.setdefault
        return [
            None
            if value is None
            else Measure(
                number(value, value) if value else value,
                n,
                number(se, se) if se else se,
                number(lower, lower) if lower else lower,
                number(upper, upper) if upper else upper,
                suppress,
                irrelevant,
                date,
                domain_source,
                source,
            )
            for value, n, se, lower, upper, suppress, irrelevant in zip(
                self.value, *rest, strict=True
            )
        ]


#: Value-only measures, by their shared fields and value (see MeasureColumns.measures).
_VALUE_ONLY: dict[tuple[str, str | None, str | None], dict[float, Measure]] = {}
#: Rating values and standard errors: one float object per distinct number.
_NUMBERS: dict[float, float] = {}


@frozen(repr=False, eq=False)
class RatingTable(Record):
    """One rating domain of an occupation: its elements (by id, in order) and
    their importance and level columns (``None``: no element has that scale)."""

    element_ids: tuple[str, ...]
    importance: MeasureColumns | None
    level: MeasureColumns | None

    def __attrs_post_init__(self) -> None:
        for scale in (self.importance, self.level):
            if scale is not None and len(scale.value) != len(self.element_ids):
                raise ValueError(
                    f"{len(scale.value)} measures for {len(self.element_ids)} elements"
                )

    def rows(self) -> list[tuple[str, Measure | None, Measure | None]]:
        """``(element id, importance, level)`` of each element, in order."""
        none: list[Measure | None] = [None] * len(self.element_ids)
        importance = none if self.importance is None else self.importance.measures()
        level = none if self.level is None else self.level.measures()
        return list(zip(self.element_ids, importance, level, strict=True))


@frozen(repr=False, eq=False)
class RatingsRecord(Record):
    skills: RatingTable | None
    knowledge: RatingTable | None
    abilities: RatingTable | None
    work_activities: RatingTable | None
    work_styles: RatingTable | None


@frozen(repr=False, eq=False)
class DwaLinkRecord(Record):
    id: str
    tasks: tuple[int, ...]


@frozen(repr=False, eq=False)
class ToolRecord(Record):
    example: str
    commodity_code: int


@frozen(repr=False, eq=False)
class WorkValueRecord(Record):
    element_id: str
    scale: str
    value: float
    date: str
    domain_source: str


@frozen(repr=False, eq=False)
class EmergingTaskRecord(Record):
    text: str
    category: EmergingTaskCategory
    original_task_id: int | None
    date: str
    domain_source: str


@frozen(repr=False, eq=False)
class OnetShard(Record):
    code: str
    title: str
    description: str
    job_zone: int | None
    alternate_titles: tuple[AlternateTitle, ...]
    reported_titles: tuple[ReportedTitle, ...]
    tasks: tuple[Task, ...]
    education: tuple[EducationRecord, ...]
    related: tuple[RelatedRecord, ...]
    interests: tuple[InterestRecord, ...]
    technology_skills: tuple[TechnologySkill, ...]
    ratings: RatingsRecord
    detailed_work_activities: tuple[DwaLinkRecord, ...]
    tools: tuple[ToolRecord, ...]
    work_values: tuple[WorkValueRecord, ...]
    emerging_tasks: tuple[EmergingTaskRecord, ...]


@frozen(repr=False, eq=False)
class DwaReference(Record):
    id: str
    title: str
    iwa: str


@frozen(repr=False, eq=False)
class IwaReference(Record):
    id: str
    title: str
    element_id: str


@frozen(repr=False, eq=False)
class OnetReferenceFile(Record):
    """onet_reference.json.gz: titles shared by the profiles (DWAs, IWAs, tool commodities);
    the DWAs and IWAs stored as columns, so a profile makes only the records it shows."""

    dwas: RecordColumns[DwaReference]
    iwas: RecordColumns[IwaReference]
    commodities: dict[str, str]


class SharedTitles:
    """The titles of onet_reference.json.gz by id: a DWA's or IWA's record is made when a
    profile first shows it (a profile shows a few dozen of the 2,419)."""

    __slots__ = ("commodities", "dwas", "iwas")

    def __init__(self, file: OnetReferenceFile, resource: str) -> None:
        self.dwas: KeyedRecords[DwaReference] = file.dwas.keyed("id", resource, "DWA id")
        self.iwas: KeyedRecords[IwaReference] = file.iwas.keyed("id", resource, "IWA id")
        self.commodities = file.commodities


share_strings(
    AlternateTitle,
    ReportedTitle,
    Task,
    TechnologySkill,
    EducationRecord,
    RelatedRecord,
    InterestRecord,
    ToolRecord,
    WorkValueRecord,
    EmergingTaskRecord,
    MeasureColumns,
    DwaLinkRecord,
)
