"""projections.json.gz: BLS Employment Projections 2020-30, one row per projected occupation.

The CSV is an export of the BLS projections table: titles carry sample job
titles after ``*``, codes are written ``="43-6013"``, employment is in
thousands and wages carry ``>=`` or ``N/A``. Values are kept as the published
text (the library parses them), so nothing is rounded or re-scaled here.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from databuild.sources import EP_DIR, InputLog
from databuild.writer import Json, columnar, record_fields
from occprofile._store.career_schema import ProjectionRecord

EP_FILE = "Employment-Projections_2020-30.csv"

#: CSV column → output key; values are kept as text.
NUMBER_COLUMNS = {
    "Employment 2020": "employment_2020",
    "Employment 2030": "employment_2030",
    "Employment Change, 2020-2030": "change",
    "Employment Percent Change, 2020-2030": "percent_change",
    "Occupational Openings, 2020-2030 Annual Average": "openings",
}
CATEGORY_COLUMNS = {
    "Typical Entry-Level Education": ("education", "Education Code"),
    "Work Experience in a Related Occupation": ("experience", "Workex Code"),
    "Typical on-the-job Training": ("training", "trCode"),
}
WAGE_COLUMN = "Median Annual Wage 2020"

_CODE = re.compile(r'^="?(\d\d-\d{4})"?$')
_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d$")
_WAGE = re.compile(r"^(>=)?\d{1,3}(,\d{3})*$|^N/A$")


class ProjectionsError(ValueError):
    """The projections file has a row the build cannot read faithfully."""


def split_title(cell: str) -> tuple[str, list[str]]:
    """("Medical secretaries and …", ["Dental Secretary", …]) from the title cell."""
    title, *samples = cell.split("*")
    return title.strip(), [s.strip() for s in samples if s.strip()]


def read_projections(source: Path, log: InputLog) -> list[Json]:
    """Every row of the projections CSV, validated, sorted by code."""
    path = source / EP_DIR / EP_FILE
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    log.record(path, len(rows))
    out: dict[str, Json] = {}
    for number, row in enumerate(rows, start=2):
        where = f"{path.name} line {number}"
        if None in row or None in row.values():
            raise ProjectionsError(f"{where}: {len(row)} columns expected")
        match = _CODE.match(row["Occupation Code"].strip())
        if match is None:
            raise ProjectionsError(f"{where}: unexpected code {row['Occupation Code']!r}")
        code = match[1]
        if code in out:
            raise ProjectionsError(f"{where}: code {code} appears twice")
        title, samples = split_title(row["Occupation Title"])
        entry: dict[str, Json] = {"code": code, "title": title, "sample_titles": list(samples)}
        for column, key in NUMBER_COLUMNS.items():
            text = row[column].strip()
            if not _NUMBER.match(text):
                raise ProjectionsError(f"{where}: {column} is {text!r}, not a number")
            entry[key] = text
        wage = row[WAGE_COLUMN].strip()
        if not _WAGE.match(wage):
            raise ProjectionsError(f"{where}: {WAGE_COLUMN} is {wage!r}")
        entry["median_wage"] = wage
        for column, (key, code_column) in CATEGORY_COLUMNS.items():
            category = row[code_column].strip()
            if not category.isdigit():
                raise ProjectionsError(f"{where}: {code_column} is {category!r}, not a number")
            entry[key] = row[column].strip()
            entry[key + "_code"] = int(category)
        out[code] = entry
    return [out[code] for code in sorted(out)]


def projections_document(rows: list[Json]) -> Json:
    """The packaged document: the rows as columns (see ``writer.columnar``)."""
    return {"projections": columnar(rows, record_fields(ProjectionRecord))}
