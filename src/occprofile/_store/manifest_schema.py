"""The schema of manifest.json, as attrs classes (see ``schema``).

Structured only when a caller asks for the releases, inputs or outputs
(``Dataset.manifest()``, the credits): answering a question reads the
manifest's CRC-32s from the decoded JSON, so these classes are not made
on a first question.
"""

from __future__ import annotations

from attrs import frozen

from .._record import Record
from ..models import Release

__all__ = ["InputFile", "Manifest", "OutputFile"]


@frozen(repr=False, eq=False)
class InputFile(Record):
    path: str
    sha256: str
    rows: int  # 0 for inputs that are not tables (Read Me.txt, the OEWS manifest)


@frozen(repr=False, eq=False)
class OutputFile(Record):
    path: str
    #: the file's checksums: sha256 (hex; provenance, ``sha256sum`` shows the same) and
    #: CRC-32 (``zlib.crc32``, what the library checks each read against)
    sha256: str
    crc32: int
    rows: int
    #: a pack's size in bytes, and its index file (the members' offsets, lengths, CRC-32)
    size: int | None = None
    index: str | None = None
    #: a pack's preset dictionary (its first bytes): (offset, length, crc32)
    dictionary: tuple[int, int, int] | None = None


@frozen(repr=False, eq=False)
class Manifest(Record):
    schema_version: int
    generator: str
    releases: tuple[Release, ...]
    inputs: tuple[InputFile, ...]
    outputs: tuple[OutputFile, ...]
    counts: dict[str, int]
