"""area_aliases.json: the curated names people type for areas ("NYC", "Bay Area").

Nicknames and initials are in no statistical release, so they live in one
hand-edited file (``curated/area_aliases.json``). The build refuses an entry
with a missing, unknown or mistyped field, an area code the OEWS release does
not have, or an alias that reads the same as another once case and
punctuation are forgiven, so a typo cannot ship.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from databuild.sources import InputLog
from databuild.writer import Json
from occprofile._matching.text import normalize

CURATED = Path(__file__).parent / "curated" / "area_aliases.json"
FIELDS = ("alias", "codes", "why")


class AreaAliasError(ValueError):
    """An entry of the curated area aliases file is invalid."""


def _text(value: object) -> bool:
    return isinstance(value, str) and value.strip() == value and bool(value)


def check_entry(entry: object, area_codes: set[str]) -> list[str]:
    """Every problem with one entry (empty when it is valid)."""
    if not isinstance(entry, dict):
        return ["an entry is not an object"]
    name = entry.get("alias", "?")
    problems = [f"{name}: unknown field {key!r}" for key in sorted(set(entry) - set(FIELDS))]
    problems += [f"{name}: missing field {key!r}" for key in FIELDS if key not in entry]
    for key in ("alias", "why"):
        if key in entry and not _text(entry[key]):
            problems.append(f"{name}: {key} must be non-empty text without outer spaces")
    if "alias" in entry and _text(entry["alias"]) and not normalize(str(entry["alias"])):
        problems.append(f"{name}: alias has no letters or digits")
    codes = entry.get("codes")
    if not isinstance(codes, list) or not codes:
        problems.append(f"{name}: codes must list at least one area code")
    else:
        for code in codes:
            if not isinstance(code, str) or code not in area_codes:
                problems.append(f"{name}: {code!r} is not an OEWS area code of this release")
        if len(set(map(str, codes))) != len(codes):
            problems.append(f"{name}: a code is listed twice")
    return problems


def read_aliases(area_codes: Iterable[str], log: InputLog, path: Path = CURATED) -> list[Json]:
    """The validated entries in file order; raises listing every problem found."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or set(document) != {"about", "aliases"}:
        raise AreaAliasError(f"{path.name}: expected keys about, aliases")
    entries = document["aliases"]
    if not isinstance(entries, list):
        raise AreaAliasError(f"{path.name}: aliases must be a list")
    codes = set(area_codes)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for entry in entries:
        problems.extend(check_entry(entry, codes))
        alias = entry.get("alias") if isinstance(entry, dict) else None
        if isinstance(alias, str) and (key := normalize(alias)):
            if key in seen:
                problems.append(f"{alias}: reads the same as {seen[key]!r}")
            seen.setdefault(key, alias)
    if problems:
        raise AreaAliasError(f"{path.name}: " + "; ".join(problems))
    log.record_outside(path, f"curated/{path.name}", len(entries))
    return list(entries)


def aliases_document(entries: list[Json]) -> Json:
    """The packaged document."""
    return {"aliases": entries}
