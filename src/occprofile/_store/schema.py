"""The on-disk schema of the packaged resources, as attrs classes.

These mirror ``docs/data-format.md`` key for key. cattrs structures the
decoded JSON into them with unknown keys forbidden, so a resource that
drifts from the schema fails at load time instead of producing wrong
answers. Leaves that are already public models (a :class:`Measure`, a
:class:`Task`) are reused as they are; the rest is turned into public
models by ``_dataset``. The O*NET profile records are in ``onet_schema``
(served from here on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from .._record import Record, served_on_first_use
from ..models import Area, Occupation
from .columnar import RecordColumns

if TYPE_CHECKING:
    from .lookup_schema import AreaAlias, AreaAliasesFile, TitlesFile
    from .manifest_schema import InputFile, Manifest, OutputFile
    from .onet_schema import (
        CategoryScaleRecord,
        DwaLinkRecord,
        DwaReference,
        EducationRecord,
        ElementsFile,
        EmergingTaskRecord,
        InterestRecord,
        IwaReference,
        JobZoneRecord,
        MeasureColumns,
        OnetReferenceFile,
        OnetShard,
        RatingsRecord,
        RatingTable,
        RelatedRecord,
        ScaleRecord,
        ToolRecord,
        WorkValueRecord,
    )


__all__ = [
    "AreaAlias",
    "AreaAliasesFile",
    "AreasFile",
    "CategoryScaleRecord",
    "DwaLinkRecord",
    "DwaReference",
    "EducationRecord",
    "ElementsFile",
    "EmergingTaskRecord",
    "InputFile",
    "InterestRecord",
    "IwaReference",
    "JobZoneRecord",
    "Manifest",
    "MeasureColumns",
    "OccupationsFile",
    "OewsKind",
    "OewsOccupationRecord",
    "OewsReference",
    "OewsRow",
    "OewsValuesFile",
    "OnetReferenceFile",
    "OnetShard",
    "OutputFile",
    "RatingTable",
    "RatingsRecord",
    "RelatedRecord",
    "ScaleRecord",
    "TitlesFile",
    "ToolRecord",
    "WorkValueRecord",
]


@frozen(repr=False, eq=False)
class OewsOccupationRecord(Record):
    code: str
    title: str
    level: int


@frozen(repr=False, eq=False)
class OccupationsFile(Record):
    """occupations.json: its records as columns (``columnar``), made when asked for."""

    onet: RecordColumns[Occupation]
    oews: RecordColumns[OewsOccupationRecord]


@frozen(repr=False, eq=False)
class AreasFile(Record):
    """areas.json: its records as columns (``columnar``), made when asked for."""

    areas: RecordColumns[Area]


@frozen(repr=False, eq=False)
class OewsReference(Record):
    datatypes: dict[str, str]
    footnotes: dict[str, str]
    release: dict[str, str]


OewsRow = tuple[str, tuple[str | None, ...], dict[str, str]]


#: A cell kind of the OEWS columns: ``number`` (a released value), ``-`` or ``none``,
#: and its footnote code (a pair, not a record: every OEWS question reads them).
OewsKind = tuple[str, str | None]


@frozen(repr=False, eq=False)
class OewsValuesFile(Record):
    """oews_values.json.gz: the cell kinds, and each datatype's decimals (the scale of
    its integers in ``oews.pack``)."""

    kinds: tuple[OewsKind, ...]
    decimals: dict[str, int]


#: Records made on first use, by the module holding them: the O*NET profile
#: records (they need the profile models), the manifest's and the lookups'.
#: A wage question by code creates none of them.
_LATER = {
    **dict.fromkeys(
        (
            "ScaleRecord",
            "JobZoneRecord",
            "CategoryScaleRecord",
            "ElementsFile",
            "EducationRecord",
            "RelatedRecord",
            "InterestRecord",
            "MeasureColumns",
            "RatingTable",
            "RatingsRecord",
            "DwaLinkRecord",
            "ToolRecord",
            "WorkValueRecord",
            "EmergingTaskRecord",
            "OnetShard",
            "DwaReference",
            "IwaReference",
            "OnetReferenceFile",
        ),
        "onet_schema",
    ),
    **dict.fromkeys(("InputFile", "OutputFile", "Manifest"), "manifest_schema"),
    **dict.fromkeys(("AreaAlias", "AreaAliasesFile", "TitlesFile"), "lookup_schema"),
}

if not TYPE_CHECKING:  # for type checkers the names are the imports above
    __getattr__, __dir__ = served_on_first_use(
        __name__, {name: f"{__package__}.{module}" for name, module in _LATER.items()}
    )
