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

from ..models import Area, Occupation, Release

if TYPE_CHECKING:
    from .onet_schema import (
        CategoryScaleRecord,
        DwaLinkRecord,
        DwaReference,
        EducationRecord,
        ElementRecord,
        ElementsFile,
        EmergingTaskRecord,
        InterestRecord,
        IwaReference,
        JobZoneRecord,
        OnetReferenceFile,
        OnetShard,
        RatingRecord,
        RatingsRecord,
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
    "ElementRecord",
    "ElementsFile",
    "EmergingTaskRecord",
    "InputFile",
    "InterestRecord",
    "IwaReference",
    "JobZoneRecord",
    "Manifest",
    "OccupationsFile",
    "OewsKind",
    "OewsOccupationRecord",
    "OewsReference",
    "OewsRow",
    "OewsValuesFile",
    "OnetReferenceFile",
    "OnetShard",
    "OutputFile",
    "RatingRecord",
    "RatingsRecord",
    "RelatedRecord",
    "ScaleRecord",
    "TitlesFile",
    "ToolRecord",
    "WorkValueRecord",
]


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
class AreaAlias:
    """A name people type for an area ("NYC"): the code(s) it means, and why."""

    alias: str
    codes: tuple[str, ...]
    why: str


@frozen
class AreaAliasesFile:
    aliases: tuple[AreaAlias, ...]


@frozen
class TitlesFile:
    titles: tuple[tuple[str, str, str], ...]


@frozen
class OewsReference:
    datatypes: dict[str, str]
    footnotes: dict[str, str]
    release: dict[str, str]


OewsRow = tuple[str, tuple[str | None, ...], dict[str, str]]


@frozen
class OewsKind:
    """A cell kind of the OEWS columns: ``number`` (a released value), ``-`` or ``none``."""

    value: str
    footnote: str | None


@frozen
class OewsValuesFile:
    """oews_values.json.gz: the cell kinds, and each datatype's decimals (the scale of
    its integers in ``oews.pack``)."""

    kinds: tuple[OewsKind, ...]
    decimals: dict[str, int]


#: The O*NET profile records live in ``onet_schema`` (they need the profile
#: models): served from here on first use, so a wage question creates neither.
_ONET = frozenset(
    {
        "ElementRecord",
        "ScaleRecord",
        "JobZoneRecord",
        "CategoryScaleRecord",
        "ElementsFile",
        "EducationRecord",
        "RelatedRecord",
        "InterestRecord",
        "RatingRecord",
        "RatingsRecord",
        "DwaLinkRecord",
        "ToolRecord",
        "WorkValueRecord",
        "EmergingTaskRecord",
        "OnetShard",
        "DwaReference",
        "IwaReference",
        "OnetReferenceFile",
    }
)

if not TYPE_CHECKING:  # for type checkers the names are the imports above

    def __getattr__(name: str) -> object:
        if name not in _ONET:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from . import onet_schema

        value = getattr(onet_schema, name)
        globals()[name] = value
        return value
