"""certifications.json: the curated certifications, checked field by field.

Certifications are not in any statistical release, so they live in one
hand-edited file (``curated/certifications.json``). Anyone can extend it; the
build refuses an entry with a missing, unknown or mistyped field, a duplicate
id, or an occupation code O*NET does not have, so a typo cannot ship.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from databuild.sources import InputLog
from databuild.writer import Json

CURATED = Path(__file__).parent / "curated" / "certifications.json"

REQUIRED_TEXT = ("id", "name", "issuer", "level", "summary")
OPTIONAL_TEXT = ("abbreviation", "note")
FIELDS = {*REQUIRED_TEXT, *OPTIONAL_TEXT, "exam", "occupations", "sources"}
EXAM_FIELDS = {"parts", "topics"}
SOURCE_FIELDS = {"title", "url"}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_CODE = re.compile(r"^\d\d-\d{4}(\.\d\d)?$")


class CertificationError(ValueError):
    """An entry of the curated certifications file is invalid."""


def _text(value: object) -> bool:
    return isinstance(value, str) and value.strip() == value and bool(value)


def check_entry(entry: object, onet_codes: set[str]) -> list[str]:
    """Every problem with one entry (empty when it is valid)."""
    if not isinstance(entry, dict):
        return ["an entry is not an object"]
    name = entry.get("id", "?")
    problems: list[str] = []
    for key in sorted(set(entry) - FIELDS):
        problems.append(f"{name}: unknown field {key!r}")
    for key in sorted(FIELDS - set(entry)):
        problems.append(f"{name}: missing field {key!r}")
    for key in REQUIRED_TEXT:
        if key in entry and not _text(entry[key]):
            problems.append(f"{name}: {key} must be non-empty text without outer spaces")
    for key in OPTIONAL_TEXT:
        if entry.get(key) is not None and not _text(entry[key]):
            problems.append(f"{name}: {key} must be text or null")
    if "id" in entry and isinstance(entry["id"], str) and not _ID.match(entry["id"]):
        problems.append(f"{name}: id must be lower-case words joined by '-'")
    exam = entry.get("exam")
    if exam is not None:
        if not isinstance(exam, dict) or set(exam) != EXAM_FIELDS:
            problems.append(f"{name}: exam must be null or have exactly {sorted(EXAM_FIELDS)}")
        else:
            parts, topics = exam["parts"], exam["topics"]
            if parts is not None and (type(parts) is not int or parts < 1):
                problems.append(f"{name}: exam.parts must be a positive integer or null")
            if not isinstance(topics, list) or not all(_text(t) for t in topics):
                problems.append(f"{name}: exam.topics must be a list of text")
    codes = entry.get("occupations")
    if not isinstance(codes, list) or not codes:
        problems.append(f"{name}: occupations must list at least one code")
    else:
        for code in codes:
            if not isinstance(code, str) or not _CODE.match(code):
                problems.append(f"{name}: {code!r} is not an SOC or O*NET-SOC code")
            elif not any(c == code or c.startswith(code + ".") for c in onet_codes):
                problems.append(f"{name}: O*NET has no occupation {code}")
    sources = entry.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append(f"{name}: sources must list where the facts come from")
    else:
        for source in sources:
            if not isinstance(source, dict) or set(source) != SOURCE_FIELDS:
                problems.append(f"{name}: a source must have exactly title and url")
            elif not _text(source["title"]) or not (
                source["url"] is None or str(source["url"]).startswith("https://")
            ):
                problems.append(f"{name}: a source needs a title and an https url or null")
    return problems


def read_certifications(
    onet_codes: Iterable[str], log: InputLog, path: Path = CURATED
) -> list[Json]:
    """The validated entries in file order (curators order them); raises listing every
    problem found."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or set(document) != {"about", "certifications"}:
        raise CertificationError(f"{path.name}: expected keys about, certifications")
    entries = document["certifications"]
    codes = set(onet_codes)
    problems: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        problems.extend(check_entry(entry, codes))
        ident = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(ident, str):  # check_entry reports any other id
            if ident in seen:
                problems.append(f"{ident}: duplicate id")
            seen.add(ident)
    if problems:
        raise CertificationError(f"{path.name}: " + "; ".join(problems))
    log.record_outside(path, f"curated/{path.name}", len(entries))
    return list(entries)


def certifications_document(entries: list[Json]) -> Json:
    """The packaged document."""
    return {"certifications": entries}
