"""occupations.json: the lookup index, including which OEWS code gives each O*NET code's wages.

O*NET splits some SOC occupations further (`15-1252.00`, `.01`, ...) and OEWS
publishes some only within an aggregate (`21-1018` for O*NET's `21-1011` and
`21-1014`) or only at the broad level, so the crosswalk is decided here once,
by a fixed rule, instead of by the library at every lookup.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from databuild.sources import InputLog
from databuild.writer import Json, columnar

AGGREGATES = Path(__file__).parent / "curated" / "oews_aggregates.json"
DETAILED = 3


class AggregateError(ValueError):
    """The curated OEWS aggregates disagree with O*NET or OEWS."""


@dataclass(frozen=True)
class WageLink:
    """The OEWS code whose wages apply to one O*NET code, and how it was found."""

    code: str | None
    basis: str | None


def read_aggregates(
    onet_codes: Iterable[str],
    oews_levels: Mapping[str, int],
    log: InputLog,
    path: Path = AGGREGATES,
) -> dict[str, str]:
    """The curated aggregates, checked, as O*NET SOC code -> the OEWS aggregate containing it."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or set(document) != {"about", "source", "aggregates"}:
        raise AggregateError(f"{path.name}: expected keys about, source, aggregates")
    socs = {code.split(".", 1)[0] for code in onet_codes}
    within: dict[str, str] = {}
    problems: list[str] = []
    for aggregate, parts in document["aggregates"].items():
        if oews_levels.get(aggregate) != DETAILED:
            problems.append(f"{aggregate} is not an OEWS May 2025 detailed code")
        for part in parts:
            if part not in socs:
                problems.append(f"{part} (in {aggregate}) is not an O*NET SOC code")
            if part in oews_levels:
                problems.append(f"{part} (in {aggregate}) has its own OEWS code")
            if part[:6] != aggregate[:6]:
                problems.append(f"{part} is not in the broad group of {aggregate}")
            if part in within:
                problems.append(f"{part} is listed under both {within[part]} and {aggregate}")
            within[part] = aggregate
    for soc in sorted(socs - set(oews_levels) - set(within)):
        near = [
            c
            for c, level in oews_levels.items()
            if level == DETAILED and c[:6] == soc[:6] and not c.endswith("0")
        ]
        if near:
            problems.append(
                f"O*NET {soc} has no OEWS code but its broad group has {', '.join(sorted(near))}:"
                " list the aggregate containing it"
            )
    if problems:
        raise AggregateError(f"{path.name}: " + "; ".join(problems))
    log.record_outside(path, f"curated/{path.name}", len(document["aggregates"]))
    return within


def wage_link(
    onet_code: str, oews_codes: set[str], within: Mapping[str, str] | None = None
) -> WageLink:
    """Exact 6-digit SOC if OEWS has it, else the curated OEWS aggregate containing it,
    else the broad `XX-XXX0`, else none."""
    detailed = onet_code.split(".", 1)[0]
    if detailed in oews_codes:
        return WageLink(detailed, "detailed")
    aggregate = (within or {}).get(detailed)
    if aggregate is not None and aggregate in oews_codes:
        return WageLink(aggregate, "aggregate")
    broad = detailed[:-1] + "0"
    if broad in oews_codes:
        return WageLink(broad, "broad")
    return WageLink(None, None)


def occupations_document(
    onet: list[tuple[str, str]],
    oews: list[Json],
    oews_codes: set[str],
    within: Mapping[str, str] | None = None,
) -> tuple[Json, Counter[str]]:
    """The document and how many O*NET codes got each wage basis (`none` for null)."""
    entries: list[Json] = []
    bases: Counter[str] = Counter()
    for code, title in onet:
        link = wage_link(code, oews_codes, within)
        bases[link.basis or "none"] += 1
        entries.append(
            {"code": code, "title": title, "wage_code": link.code, "wage_basis": link.basis}
        )
    return {"onet": columnar(entries, ONET_FIELDS), "oews": columnar(oews, OEWS_FIELDS)}, bases


#: The fields (columns) of occupations.json's `onet` and `oews` tables.
ONET_FIELDS = ("code", "title", "wage_code", "wage_basis")
OEWS_FIELDS = ("code", "title", "level")
