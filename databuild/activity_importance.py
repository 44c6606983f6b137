"""Work-activity importance from O*NET 29.1, for occupations 29.3 as bundled has none for.

``onet_gwa_importance_matrix.csv`` is a third-party table built from the O*NET
29.1 text distribution's ``Work Activities.txt``: one row per 6-digit SOC, the
importance (IM) of each of the 41 generalized work activities, averaged over the
O*NET-SOC codes that share the SOC. Only a row whose SOC has exactly one rated
O*NET-SOC code (one with Skills ratings) is that occupation's own O*NET value;
the rows that average several codes are no single occupation's value and are
never used. A used row must hold O*NET's two-decimal values in the 1-5 range,
and where an occupation already has complete Work Activities rows (the
supplement's 43-6013.00) the table must agree with them exactly; those rows
are kept, the table's values are not used for it.

Read only when the O*NET folder lacks the official Work Activities table, and
only if the source folder has the table (the manifest then says which
occupations it supplied; the known counts of this release check that it was
read).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from databuild import ratings
from databuild.ratings import RatingMap
from databuild.sources import ACTIVITIES_29_1_DIR, InputLog
from databuild.supplement import element_ids_by_name
from databuild.writer import Json

IMPORTANCE_FILE = "onet_gwa_importance_matrix.csv"
SOC_COLUMN = "soc_code"
IMPORTANCE_RANGE = (1.0, 5.0)

_SOC = re.compile(r"^\d\d-\d{4}$")
_TWO_DECIMALS = re.compile(r"^\d(\.\d{1,2})?$")


class ActivityImportanceError(ValueError):
    """The 29.1 table does not fit the O*NET tables it must agree with."""


@dataclass(frozen=True)
class ActivityImportance:
    """The work activities taken from the table, and what was left out."""

    section: RatingMap
    """O*NET-SOC code -> element -> {"importance": MEASURE} for the codes it supplies."""
    source: str
    """The table's manifest path (the measures' `source`)."""
    measures: int
    single_socs: list[str]
    """SOC rows with exactly one rated O*NET-SOC code (used, or equal to complete rows)."""
    averaged_socs: list[str]
    """SOC rows averaging two or more rated codes: never used."""


def table_path(source: Path) -> Path:
    """Where the table is in a source folder (the build reads it only if it is there)."""
    return source / ACTIVITIES_29_1_DIR / IMPORTANCE_FILE


def rated_by_soc(rated: Collection[str]) -> dict[str, list[str]]:
    """6-digit SOC -> its rated O*NET-SOC codes, sorted."""
    found: dict[str, list[str]] = {}
    for code in sorted(rated):
        found.setdefault(code[:7], []).append(code)
    return found


def read_activity_importance(
    source: Path,
    log: InputLog,
    *,
    elements: Mapping[str, str],
    rated: Collection[str],
    complete: RatingMap,
) -> ActivityImportance:
    """The table's single-code rows as value-only importance measures.

    `rated` are the O*NET-SOC codes with Skills ratings; `complete` the work
    activities already read in full (their codes keep them).
    """
    path = table_path(source)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        body = [row for row in reader if any(cell.strip() for cell in row)]
    name = log.record(path, len(body))
    if not header or header[0] != SOC_COLUMN:
        raise ActivityImportanceError(f"{name}: the first column is not {SOC_COLUMN!r}")
    by_name = element_ids_by_name(elements, "work_activities")
    columns: list[str] = []
    for column in header[1:]:
        matches = by_name.get(column, [])
        if len(matches) != 1:
            raise ActivityImportanceError(
                f"{name}: column {column!r} names {len(matches)} work activities, not one"
            )
        columns.append(matches[0])
    if sorted(columns) != sorted(set(columns)) or len(columns) != len(by_name):
        raise ActivityImportanceError(
            f"{name}: expected each of {len(by_name)} work activities once"
        )
    by_soc = rated_by_soc(rated)
    section: RatingMap = {}
    single: list[str] = []
    averaged: list[str] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, row in enumerate(body, start=2):
        soc = row[0].strip()
        if not _SOC.match(soc) or soc in seen or len(row) != len(header):
            raise ActivityImportanceError(f"{name} line {line}: bad or repeated SOC {soc!r}")
        seen.add(soc)
        codes = by_soc.get(soc, [])
        if not codes:
            problems.append(f"{soc} has no rated O*NET-SOC code")
            continue
        if len(codes) > 1:
            averaged.append(soc)
            continue
        single.append(soc)
        code = codes[0]
        values: dict[str, float] = {}
        for element_id, cell in zip(columns, row[1:], strict=True):
            text = cell.strip()
            if not _TWO_DECIMALS.match(text) or not (
                IMPORTANCE_RANGE[0] <= float(text) <= IMPORTANCE_RANGE[1]
            ):
                problems.append(f"{soc} {element_id}: {text!r} is not an O*NET importance value")
                continue
            values[element_id] = float(text)
        if code in complete:
            official: dict[str, Json] = {}
            for element_id, slot in complete[code].items():
                measure = slot.get("importance")
                if isinstance(measure, dict):
                    official[element_id] = measure["value"]
            if official != values:
                problems.append(f"{soc} differs from the complete rows of {code}")
            continue
        section[code] = {
            element_id: {"importance": ratings.value_only_measure(value, name)}
            for element_id, value in values.items()
        }
    if problems:
        shown = "; ".join(problems[:20])
        raise ActivityImportanceError(f"{name}: {len(problems)} problems: {shown}")
    return ActivityImportance(
        section,
        name,
        sum(len(by_element) for by_element in section.values()),
        single,
        averaged,
    )
