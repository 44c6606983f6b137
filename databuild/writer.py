"""Deterministic JSON and gzip encoding, so the same inputs give byte-identical files.

The generated files are committed; any nondeterminism (key order, gzip
timestamps, float formatting) would show up as spurious diffs and break the
byte-for-byte rebuild test.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import TypeAlias

Json: TypeAlias = dict[str, "Json"] | list["Json"] | str | int | float | bool | None
"""A JSON document as the build produces it."""


def encode_json(document: Json) -> bytes:
    """UTF-8 JSON with sorted keys and compact separators; NaN/Infinity are refused."""
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    """Gzip with level 9, mtime 0 and no file name (`gzip.compress` differs across versions)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


def encode(path: str, document: Json) -> bytes:
    """Encode `document` for `path`: gzip-compressed when the name ends in `.gz`."""
    data = encode_json(document)
    return gzip_bytes(data) if path.endswith(".gz") else data


def decode(path: str, data: bytes) -> Json:
    """Inverse of `encode`, used by verification to re-read the written files."""
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    document: Json = json.loads(data.decode("utf-8"))
    return document


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of `data` (the manifest's provenance checksum of a file)."""
    return hashlib.sha256(data).hexdigest()


def crc32_bytes(data: bytes) -> int:
    """CRC-32 of `data` as `zlib.crc32` gives it (an unsigned 32-bit int): what the
    library checks a file, a pack member or a pack's dictionary against on each read."""
    return zlib.crc32(data)


def write_file(root: Path, path: str, data: bytes) -> None:
    """Write `data` to `root/path`, creating the folder if needed."""
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def columnar(rows: list[Json], fields: tuple[str, ...]) -> Json:
    """Records ``rows`` (objects of exactly ``fields``) as one list per field, the way
    occupations.json and areas.json store them: decoding makes a few lists, not an
    object per record."""
    table: dict[str, Json] = {}
    for field in fields:
        column: list[Json] = []
        for row in rows:
            assert isinstance(row, dict), row
            assert row.keys() == set(fields), row
            column.append(row[field])
        table[field] = column
    return table


def record_fields(cls: type) -> tuple[str, ...]:
    """The fields of the library's record ``cls``, in order: the columns a
    :func:`columnar` table of its records must have, read from the schema itself."""
    import attrs

    return tuple(a.name for a in attrs.fields(cls))


def with_ids(records: Mapping[str, Json]) -> list[Json]:
    """Records keyed by id as :func:`columnar` rows: in id order, each with its id (a
    column of its own when stored)."""
    rows: list[Json] = []
    for key in sorted(records):
        record = records[key]
        assert isinstance(record, dict), record
        rows.append({"id": key, **record})
    return rows


def rows_of(table: Json, what: str) -> list[dict[str, Json]]:
    """The records of a :func:`columnar` table (``what`` names it in errors): its columns
    must be lists of one length."""
    if not isinstance(table, dict) or not all(isinstance(c, list) for c in table.values()):
        raise ValueError(f"{what}: not an object of columns (lists)")
    columns = {name: c for name, c in table.items() if isinstance(c, list)}
    lengths = {len(c) for c in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"{what}: columns of different lengths {sorted(lengths)}")
    n = lengths.pop() if lengths else 0
    return [{name: c[i] for name, c in columns.items()} for i in range(n)]
