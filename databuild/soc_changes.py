"""soc_changes.json: how May 2019 / 2020-30 projection codes relate to May 2025 codes.

OES May 2019 and the 2020-30 projections use a hybrid SOC in which some codes
combine several 2018 SOC occupations that May 2025 publishes separately. A
join by code alone would silently miss those occupations (or, worse, match a
code whose meaning changed), so the relation is a curated file
(``curated/soc_2019_hybrid.json``) that this module checks against all three
sources: every May 2025 detailed code is either published under the same code
in May 2019 or listed as part of exactly one combined code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from databuild.sources import InputLog
from databuild.writer import Json

CURATED = Path(__file__).parent / "curated" / "soc_2019_hybrid.json"
DETAILED = 3


class SocChangeError(ValueError):
    """The curated crosswalk disagrees with the sources."""


def read_crosswalk(log: InputLog, path: Path = CURATED) -> dict[str, list[str]]:
    """The curated combined codes: combined 2019 code → the May 2025 codes it covers.

    Logged as an input (``curated/<name>``), like every file the build reads."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if set(document) != {"about", "source", "combined"}:
        raise SocChangeError(f"{path.name}: expected keys about, source, combined")
    combined = document["combined"]
    out: dict[str, list[str]] = {}
    for code, parts in combined.items():
        if not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts):
            raise SocChangeError(f"{path.name}: {code} must list May 2025 codes")
        out[code] = list(parts)
    log.record_outside(path, f"curated/{path.name}", len(out))
    return out


def changes_document(
    crosswalk: Mapping[str, list[str]],
    oews_2025: Mapping[str, int],
    titles_2019: Mapping[str, str],
    projection_codes: set[str],
) -> Json:
    """Check `crosswalk` against the sources and shape the packaged document.

    `oews_2025` maps each May 2025 code to its SOC level (3 = detailed);
    `titles_2019` maps each May 2019 code to its title.
    """
    problems: list[str] = []
    owner: dict[str, str] = {}
    for code, parts in crosswalk.items():
        if code not in titles_2019:
            problems.append(f"{code} is not a May 2019 code")
        if code not in projection_codes:
            problems.append(f"{code} has no 2020-30 projection row")
        if oews_2025.get(code) == DETAILED:
            problems.append(f"{code} is a May 2025 detailed code, not a combined one")
        for part in parts:
            if oews_2025.get(part) != DETAILED:
                problems.append(f"{part} (in {code}) is not a May 2025 detailed code")
            if part in titles_2019:
                problems.append(f"{part} (in {code}) is itself published in May 2019")
            if part in owner:
                problems.append(f"{part} is listed under both {owner[part]} and {code}")
            owner[part] = code
    for code, level in sorted(oews_2025.items()):
        if level == DETAILED and code not in titles_2019 and code not in owner:
            problems.append(f"May 2025 detailed code {code} is neither in May 2019 nor listed")
    if problems:
        raise SocChangeError(f"{CURATED.name}: " + "; ".join(problems))
    return {
        "combined": [
            {"code": code, "title": titles_2019[code], "parts": list[Json](sorted(parts))}
            for code, parts in sorted(crosswalk.items())
        ]
    }
