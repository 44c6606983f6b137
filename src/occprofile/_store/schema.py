"""The on-disk schema of the packaged resources, as attrs classes.

These mirror ``docs/data-format.md`` key for key. cattrs structures the
decoded JSON into them with unknown keys forbidden, so a resource that
drifts from the schema fails at load time instead of producing wrong
answers. Leaves that are already public models (a :class:`Measure`, a
:class:`Task`) are reused as they are; the rest is turned into public
models by ``_dataset``.
"""

from __future__ import annotations

from attrs import frozen

from ..models import (
    AlternateTitle,
    Area,
    EmergingTaskCategory,
    InterestScale,
    Measure,
    Occupation,
    Release,
    ReportedTitle,
    Task,
    TechnologySkill,
)


@frozen
class InputFile:
    path: str
    sha256: str
    rows: int  # 0 for inputs that are not tables (Read Me.txt, the OEWS manifest)


@frozen
class OutputFile:
    path: str
    sha256: str
    rows: int
    #: a pack's size in bytes, and its members: name -> (offset, length, sha256)
    size: int | None = None
    members: dict[str, tuple[int, int, str]] | None = None


@frozen
class Manifest:
    schema_version: int
    generator: str
    releases: tuple[Release, ...]
    inputs: tuple[InputFile, ...]
    outputs: tuple[OutputFile, ...]
    counts: dict[str, int]


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
class OewsOccupationRecord:
    code: str
    title: str
    level: int


@frozen
class OccupationsFile:
    onet: tuple[Occupation, ...]
    oews: tuple[OewsOccupationRecord, ...]


@frozen
class AreasFile:
    areas: tuple[Area, ...]


@frozen
class TitlesFile:
    titles: tuple[tuple[str, str, str], ...]


@frozen
class OewsReference:
    datatypes: dict[str, str]
    footnotes: dict[str, str]
    release: dict[str, str]


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


OewsRow = tuple[str, tuple[str | None, ...], dict[str, str]]


@frozen
class OewsShard:
    """One occupation's rows, decoded from its member of oews.pack (``oews_columns``)."""

    code: str
    estimates: tuple[OewsRow, ...]


@frozen
class OewsKind:
    """A cell kind of the OEWS columns: ``number`` (a released text), ``-`` or ``none``."""

    value: str
    footnote: str | None


@frozen
class OewsValuesFile:
    """oews_values.json.gz: each datatype's released texts (joined by commas), the kinds."""

    kinds: tuple[OewsKind, ...]
    values: dict[str, str]
