"""Abilities and Work Activities from the supplement, when the O*NET download lacks them.

Abilities.xlsx and Work Activities.xlsx are missing from the 29.3 snapshot in
../shared/data. What exists: complete text-distribution rows for a few
occupations (`Abilities (<code>).txt`, `Work Activities (<code>).txt`) and a
third-party wide table with ability importance for every occupation. The wide
table is trusted only after it is checked against the official tables it
overlaps (its Skill and Knowledge columns against Skills/Knowledge, its Ability
columns against the full rows).

A download that has the official table of a domain does not need the
supplement for it (sections.py decides); this module then reads none of that
domain's supplement files, and nothing at all when both tables are official.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from databuild import ratings
from databuild.onet import OPTIONAL_RATING_TABLES
from databuild.ratings import CODE, RatingMap
from databuild.sources import SUPPLEMENT_DIR, InputLog
from databuild.tables import read_table_file

WIDE_TABLE = "importance_wide_29.csv"

#: The domains the supplement can supply.
DOMAINS = tuple(domain for _, domain in OPTIONAL_RATING_TABLES)

#: Wide-table column prefix -> the rating domain whose element names it uses.
WIDE_PREFIXES = {"Ability: ": "abilities", "Skill: ": "skills", "Knowledge: ": "knowledge"}

_PER_CODE_FILE = re.compile(r"^(?P<table>.+) \((?P<code>\d\d-\d{4}\.\d\d)\)\.txt$")


class SupplementError(ValueError):
    """The supplement disagrees with itself or with the official tables."""


@dataclass(frozen=True)
class SupplementRatings:
    """The ratings of each domain asked for, and the files and rows they came from.

    `sections["abilities"]` covers every occupation; `sections["work_activities"]`
    only those with complete rows.
    """

    sections: dict[str, RatingMap]
    counts: dict[str, int]
    """Measures each source file contributes to the profiles (for verification)."""
    full_rows: dict[str, list[str]]
    """Table name (of a domain asked for) -> codes whose complete rows the supplement provides."""


def element_ids_by_name(elements: Mapping[str, str], domain: str) -> dict[str, list[str]]:
    """Name -> ids of the rated (leaf) Content Model elements of `domain`.

    Only leaves are candidates: ratings are on leaves, and some headings share
    a leaf's name (2.C.3 and 2.C.3.a are both "Engineering and Technology").
    """
    parents = {element_id.rsplit(".", 1)[0] for element_id in elements if "." in element_id}
    found: dict[str, list[str]] = {}
    for element_id, name in sorted(elements.items()):
        if ratings.domain_of(element_id) == domain and element_id not in parents:
            found.setdefault(name, []).append(element_id)
    return found


def read_wide_table(
    path: Path, elements: Mapping[str, str]
) -> tuple[dict[str, dict[str, dict[str, float]]], set[str]]:
    """Read the wide table as domain -> code -> element id -> IM value, plus the codes listed.

    Every `Ability:`/`Skill:`/`Knowledge:` column must name exactly one Content
    Model element of its domain; an unmatched column stops the build.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        body = list(reader)
    if CODE not in header:
        raise SupplementError(f"{path}: no {CODE!r} column")
    code_at = header.index(CODE)
    columns: list[tuple[int, str, str]] = []  # position, domain, element id
    names_by_domain = {d: element_ids_by_name(elements, d) for d in WIDE_PREFIXES.values()}
    for position, column in enumerate(header):
        for prefix, domain in WIDE_PREFIXES.items():
            if column.startswith(prefix):
                matches = names_by_domain[domain].get(column[len(prefix) :], [])
                if len(matches) != 1:
                    raise SupplementError(
                        f"{path}: column {column!r} matches {len(matches)} {domain} elements "
                        f"by name (expected exactly one): {matches}"
                    )
                columns.append((position, domain, matches[0]))
    values: dict[str, dict[str, dict[str, float]]] = {d: {} for d in WIDE_PREFIXES.values()}
    seen: set[str] = set()
    for line, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        code = row[code_at]
        if code in seen:
            raise SupplementError(f"{path}: {code} listed twice")
        seen.add(code)
        for position, domain, element_id in columns:
            cell = row[position].strip()
            if cell == "":
                continue
            try:
                number = float(cell)
            except ValueError:
                raise SupplementError(f"{path}: row {line}: {cell!r} is not a number") from None
            values[domain].setdefault(code, {})[element_id] = number
    return values, seen


def _importance_values(section: RatingMap) -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = {}
    for code, by_element in section.items():
        for element_id, slot in by_element.items():
            measure = slot.get("importance")
            if isinstance(measure, dict):
                value = measure["value"]
                assert isinstance(value, float)
                result.setdefault(code, {})[element_id] = value
    return result


def _compare(
    label: str, wide: Mapping[str, Mapping[str, float]], official: Mapping[str, Mapping[str, float]]
) -> list[str]:
    """Differences between two code -> element -> value maps, as readable lines."""
    problems: list[str] = []
    for code in sorted(set(wide) | set(official)):
        left, right = wide.get(code, {}), official.get(code, {})
        for element_id in sorted(set(left) | set(right)):
            if left.get(element_id) != right.get(element_id):
                problems.append(
                    f"{label} {code} {element_id}: wide table {left.get(element_id)}, "
                    f"official {right.get(element_id)}"
                )
    return problems


def per_code_files(folder: Path, table: str) -> dict[str, Path]:
    """`<table> (<code>).txt` files in the supplement folder, by code."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.txt")):
        match = _PER_CODE_FILE.match(path.name)
        if match and match["table"] == table:
            found[match["code"]] = path
    return found


def read_supplement(
    source: Path,
    log: InputLog,
    *,
    elements: Mapping[str, str],
    codes: list[str],
    official: Mapping[str, RatingMap],
    domains: Collection[str] = DOMAINS,
) -> SupplementRatings:
    """The `domains` (abilities and/or work_activities) from the supplement, cross-checked.

    Abilities cover all occupations (the wide table, replaced by the complete rows
    where they exist); work activities only the occupations with complete rows.
    Only the files of the domains asked for are read. `official` holds the Skills
    and Knowledge ratings read from the O*NET tables, keyed by domain, to check the
    wide table against.
    """
    unknown = sorted(set(domains) - set(DOMAINS))
    if unknown:
        raise SupplementError(f"the supplement has no {unknown} ratings")
    folder = source / SUPPLEMENT_DIR
    counts: dict[str, int] = {}
    full: dict[str, RatingMap] = {domain: {} for domain in DOMAINS if domain in domains}
    full_rows: dict[str, list[str]] = {}
    for spec, domain in OPTIONAL_RATING_TABLES:
        if domain not in full:
            continue
        files = per_code_files(folder, spec.name)
        full_rows[spec.name] = sorted(files)
        for code, path in files.items():
            table = read_table_file(path, spec)
            name = log.record(path, len(table.rows))
            strays = {row.text(CODE) for row in table.rows} - {code}
            if strays:
                raise SupplementError(f"{name}: rows for other occupations {sorted(strays)}")
            section = ratings.collect(
                table.rows, source=name, domain=domain, elements=elements, codes=codes
            )
            full[domain].update(section)
            counts[name] = len(table.rows)
    if "abilities" not in full:
        return SupplementRatings(full, counts, full_rows)

    wide_path = folder / WIDE_TABLE
    wide, wide_codes = read_wide_table(wide_path, elements)
    wide_name = log.record(wide_path, len(wide_codes))
    if wide_codes != set(codes):
        unknown, missing = sorted(wide_codes - set(codes)), sorted(set(codes) - wide_codes)
        raise SupplementError(
            f"{wide_name}: codes not in Occupation Data {unknown[:10]}, "
            f"occupations missing from the table {missing[:10]}"
        )

    problems: list[str] = []
    for domain in ("skills", "knowledge"):
        problems += _compare(domain, wide[domain], _importance_values(official[domain]))
    full_abilities = _importance_values(full["abilities"])
    problems += _compare(
        "abilities",
        {code: wide["abilities"].get(code, {}) for code in full_abilities},
        full_abilities,
    )
    if problems:
        shown = "\n  ".join(problems[:20])
        raise SupplementError(
            f"{wide_name} disagrees with the official rows in {len(problems)} values:\n  {shown}"
        )

    abilities: RatingMap = {}
    used = 0
    for code, by_element in wide["abilities"].items():
        if code in full["abilities"]:
            continue  # the complete rows replace the value-only ones
        abilities[code] = {
            element_id: {"importance": ratings.value_only_measure(value, wide_name)}
            for element_id, value in by_element.items()
        }
        used += len(by_element)
    abilities.update(full["abilities"])
    counts[wide_name] = used
    return SupplementRatings({**full, "abilities": abilities}, counts, full_rows)
