"""The on-disk schema of the career-profile resources, as attrs classes.

Like ``_records`` (whose conventions these follow), but for the resources
only the career-profile queries read: projections (2024-34 and 2020-30),
May 2019 estimates, the hybrid-SOC crosswalk, certifications and importance
vectors. The three releases are stored as columns (``columnar``): matching a
code reads only their code and title columns, and an answer makes the one
record it shows.
"""

from __future__ import annotations

from attrs import frozen

from .._record import Record
from ..career import Certification
from .columnar import RecordColumns


@frozen(repr=False, eq=False)
class EntryCategories(Record):
    """The entry requirements both projection releases give: category text and BLS code."""

    education: str
    education_code: int
    experience: str
    experience_code: int
    training: str
    training_code: int


@frozen
class ProjectionRecord(EntryCategories):
    code: str
    title: str
    sample_titles: tuple[str, ...]
    employment_2020: str
    employment_2030: str
    change: str
    percent_change: str
    openings: str
    median_wage: str


@frozen(repr=False, eq=False)
class ProjectionsFile(Record):
    projections: RecordColumns[ProjectionRecord]


@frozen
class Projection2024Record(EntryCategories):
    code: str
    title: str
    employment_2024: str
    employment_2034: str
    change: str
    percent_change: str
    percent_self_employed: str
    openings: str
    median_wage: str


@frozen(repr=False, eq=False)
class Projections2024File(Record):
    projections: RecordColumns[Projection2024Record]


@frozen(repr=False, eq=False)
class HistoryRecord(Record):
    code: str
    title: str
    group: str
    annual_only: bool
    hourly_only: bool
    employment: str | None
    employment_rse: str | None
    hourly_mean: str | None
    annual_mean: str | None
    wage_rse: str | None
    hourly_median: str | None
    annual_median: str | None


@frozen(repr=False, eq=False)
class HistoryFile(Record):
    occupations: RecordColumns[HistoryRecord]


@frozen(repr=False, eq=False)
class CombinedCode(Record):
    code: str
    title: str
    parts: tuple[str, ...]


@frozen(repr=False, eq=False)
class SocChangesFile(Record):
    combined: tuple[CombinedCode, ...]


@frozen(repr=False, eq=False)
class CertificationsFile(Record):
    certifications: tuple[Certification, ...]


@frozen(repr=False, eq=False)
class SimilarityDomain(Record):
    """One domain's importance values: ``importance`` holds, for each element (in
    ``elements`` order) the value of each occupation (in ``codes`` order), stored as
    :mod:`occprofile._store.importance` describes and decodes them."""

    elements: tuple[str, ...]
    codes: tuple[str, ...]
    importance: str


@frozen(repr=False, eq=False)
class SimilarityFile(Record):
    domains: dict[str, SimilarityDomain]
