"""The on-disk schema of the O*NET profile resources, as attrs classes.

``elements.json``, ``onet/<code>.json.gz`` and ``onet_reference.json.gz``:
the conventions of :mod:`.schema` (key for key with ``docs/data-format.md``,
unknown keys forbidden), in their own module because they reuse the profile
models, which a wage question never creates. :mod:`.schema` serves these
names too.
"""

from __future__ import annotations

from attrs import frozen

from .._profile_records import AlternateTitle, Measure, ReportedTitle, Task, TechnologySkill
from ..models import EmergingTaskCategory, InterestScale


@frozen
class ElementRecord:
    name: str
    description: str
    domain: str | None


@frozen
class ScaleRecord:
    name: str
    minimum: float
    maximum: float


@frozen
class JobZoneRecord:
    name: str
    experience: str
    education: str
    training: str
    examples: str
    svp_range: str


@frozen
class CategoryScaleRecord:
    name: str
    categories: dict[str, str]


@frozen
class ElementsFile:
    elements: dict[str, ElementRecord]
    scales: dict[str, ScaleRecord]
    job_zones: dict[str, JobZoneRecord]
    education_categories: dict[str, CategoryScaleRecord]


@frozen
class EducationRecord:
    scale: str
    category: int
    percent: float
    n: int | None
    standard_error: float | None
    lower_ci: float | None
    upper_ci: float | None
    recommend_suppress: bool | None


@frozen
class RelatedRecord:
    code: str
    tier: str
    index: int


@frozen
class InterestRecord:
    element_id: str
    scale: InterestScale
    value: float


@frozen
class RatingRecord:
    element_id: str
    importance: Measure | None
    level: Measure | None


@frozen
class RatingsRecord:
    skills: tuple[RatingRecord, ...] | None
    knowledge: tuple[RatingRecord, ...] | None
    abilities: tuple[RatingRecord, ...] | None
    work_activities: tuple[RatingRecord, ...] | None
    work_styles: tuple[RatingRecord, ...] | None


@frozen
class DwaLinkRecord:
    id: str
    tasks: tuple[int, ...]


@frozen
class ToolRecord:
    example: str
    commodity_code: int


@frozen
class WorkValueRecord:
    element_id: str
    scale: str
    value: float
    date: str
    domain_source: str


@frozen
class EmergingTaskRecord:
    text: str
    category: EmergingTaskCategory
    original_task_id: int | None
    date: str
    domain_source: str


@frozen
class OnetShard:
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


@frozen
class DwaReference:
    title: str
    iwa: str


@frozen
class IwaReference:
    title: str
    element_id: str


@frozen
class OnetReferenceFile:
    """onet_reference.json.gz: titles shared by the profiles (DWAs, IWAs, tool commodities)."""

    dwas: dict[str, DwaReference]
    iwas: dict[str, IwaReference]
    commodities: dict[str, str]
