"""projections_2024_34.json.gz: BLS Employment Projections 2024-34, Table 1.2 of the workbook.

The official workbook ``occupation.xlsx`` holds numbers as numbers, shown
with the number formats ``#,##0.0`` (employment, change, percents,
openings) and ``#,##0`` (wages). The build keeps each value as the text the
workbook shows (``"3,712.9"``, ``"206,420"``), like the 2020-30 export, and
refuses a number with more digits than its format shows, so the text is
the exact value. ``—`` ("data is unavailable") and the top-coded wage
``>=$239,200`` are kept as published. Only the detailed rows ("Line item")
are packaged; the summary rows (major, minor and broad groups) are read
for the checks of the code changes since 2020-30.

The workbook publishes no category codes for the entry requirements; each
category text gets the code the 2020-30 table gives the same text (the BLS
category codes), and a text that table does not have stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from databuild.sources import EP_2024_DIR, InputLog
from databuild.writer import Json, columnar, record_fields
from occprofile._store.career_schema import Projection2024Record

EP_2024_FILE = "occupation.xlsx"
SHEET = "Table 1.2"
TITLE_PREFIX = "Table 1.2 Occupational projections, 2024\u20132034, and worker characteristics"
UNAVAILABLE = "\u2014"

TITLE, CODE, TYPE = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
)
#: Workbook column -> output key, for the numbers shown with one decimal.
DECIMAL_COLUMNS = {
    "Employment, 2024": "employment_2024",
    "Employment, 2034": "employment_2034",
    "Employment change, numeric, 2024\u201334": "change",
    "Employment change, percent, 2024\u201334": "percent_change",
    "Percent self employed, 2024": "percent_self_employed",
    "Occupational openings, 2024\u201334 annual average": "openings",
}
#: The decimal columns that may be ``—`` in a detailed row.
MAY_BE_UNAVAILABLE = ("percent_self_employed",)
WAGE_COLUMN = "Median annual wage, dollars, 2024[1]"
#: Workbook column -> output key (its code goes under `<key>_code`, as in 2020-30).
CATEGORY_COLUMNS = {
    "Typical education needed for entry": "education",
    "Work experience in a related occupation": "experience",
    "Typical on-the-job training needed to attain competency in the occupation": "training",
}
LINE_ITEM, SUMMARY = "Line item", "Summary"

_CODE = re.compile(r"^\d\d-\d{4}$")
_TOP_CODED = re.compile(r"^>=\$\d{1,3}(,\d{3})*$")


class Projections2024Error(ValueError):
    """The 2024-34 workbook holds a row the build cannot keep faithfully."""


@dataclass(frozen=True)
class Projections2024:
    """The detailed rows (sorted by code) and the workbook's hierarchy."""

    rows: list[Json]
    summary_codes: list[str]
    children: dict[str, list[str]]
    """Summary code -> the detailed codes directly under it (by the titles' indentation)."""


def category_codes(rows_2020: Iterable[Json]) -> dict[str, dict[str, int]]:
    """Category key -> text -> BLS code, from the 2020-30 rows; a text with two codes
    is an error."""
    codes: dict[str, dict[str, int]] = {key: {} for key in CATEGORY_COLUMNS.values()}
    for row in rows_2020:
        assert isinstance(row, dict)
        for key, by_text in codes.items():
            text, code = row[key], row[key + "_code"]
            assert isinstance(text, str)
            assert isinstance(code, int)
            if by_text.setdefault(text, code) != code:
                raise Projections2024Error(
                    f"2020-30 {key} {text!r} has codes {by_text[text]}, {code}"
                )
    return codes


def decimal_text(cell: object, where: str, digits: int = 1) -> str:
    """A number as the workbook shows it (``#,##0.0``); more digits than shown is an error."""
    if isinstance(cell, bool) or not isinstance(cell, (int, float)):
        raise Projections2024Error(f"{where}: {cell!r} is not a number")
    if round(cell, digits) != cell:
        raise Projections2024Error(f"{where}: {cell!r} has more than {digits} decimals")
    return f"{(cell or 0):,.{digits}f}"  # `or 0`: a -0.0 is shown as 0.0


def wage_text(cell: object, where: str) -> str:
    """The median wage as shown (``#,##0``), or ``>=$239,200`` / ``—`` as published."""
    if isinstance(cell, str) and (cell == UNAVAILABLE or _TOP_CODED.match(cell)):
        return cell
    if isinstance(cell, bool) or not isinstance(cell, int):
        raise Projections2024Error(f"{where}: median wage {cell!r}")
    return f"{cell:,}"


def _indent(title: str) -> int:
    return len(title) - len(title.lstrip(" "))


def read_projections_2024(
    source: Path, log: InputLog, codes: Mapping[str, Mapping[str, int]]
) -> Projections2024:
    """Every row of Table 1.2, validated; `codes` are the category codes of `category_codes`."""
    path = source / EP_2024_DIR / EP_2024_FILE
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if SHEET not in book.sheetnames:
            raise Projections2024Error(f"{path.name}: no sheet {SHEET!r}")
        raw = list(book[SHEET].iter_rows(values_only=True))
    finally:
        book.close()
    if not raw or not str(raw[0][0] or "").startswith(TITLE_PREFIX):
        raise Projections2024Error(f"{path.name} {SHEET}: title is not {TITLE_PREFIX!r}")
    header = [str(cell).strip() if cell is not None else "" for cell in raw[1]]
    wanted = [TITLE, CODE, TYPE, *DECIMAL_COLUMNS, WAGE_COLUMN, *CATEGORY_COLUMNS]
    missing = [column for column in wanted if header.count(column) != 1]
    if missing:
        raise Projections2024Error(f"{path.name} {SHEET}: expected one column each of {missing}")
    at = {column: header.index(column) for column in wanted}
    body: list[Sequence[object]] = []
    for row in raw[2:]:
        if row[at[TYPE]] is None:
            break  # the footnotes under the table
        body.append(row)
    log.record(path, len(body))
    out: dict[str, Json] = {}
    summary: list[str] = []
    children: dict[str, list[str]] = {}
    parents: list[tuple[int, str, str]] = []  # (indent, code, type) of the open ancestors
    for number, row in enumerate(body, start=3):
        where = f"{path.name} {SHEET} row {number}"
        code, kind, title = row[at[CODE]], row[at[TYPE]], row[at[TITLE]]
        if not isinstance(code, str) or not _CODE.match(code):
            raise Projections2024Error(f"{where}: unexpected code {code!r}")
        if kind not in (LINE_ITEM, SUMMARY) or not isinstance(title, str) or not title.strip():
            raise Projections2024Error(f"{where}: unexpected type {kind!r} or title {title!r}")
        if code in out or code in summary:
            raise Projections2024Error(f"{where}: code {code} appears twice")
        indent = _indent(title)
        while parents and parents[-1][0] >= indent:
            parents.pop()
        if parents and parents[-1][2] != SUMMARY:
            raise Projections2024Error(f"{where}: {code} is indented under a detailed row")
        if kind == SUMMARY:
            summary.append(code)
            parents.append((indent, code, SUMMARY))
            continue
        if parents:
            children.setdefault(parents[-1][1], []).append(code)
        parents.append((indent, code, LINE_ITEM))
        entry: dict[str, Json] = {"code": code, "title": title.strip()}
        for column, key in DECIMAL_COLUMNS.items():
            cell = row[at[column]]
            if cell == UNAVAILABLE and key in MAY_BE_UNAVAILABLE:
                entry[key] = UNAVAILABLE
            else:
                entry[key] = decimal_text(cell, f"{where} {column}")
        entry["median_wage"] = wage_text(row[at[WAGE_COLUMN]], where)
        for column, key in CATEGORY_COLUMNS.items():
            text = row[at[column]]
            if not isinstance(text, str) or text.strip() not in codes[key]:
                raise Projections2024Error(
                    f"{where}: {column} {text!r} is not a category of the 2020-30 table"
                )
            entry[key] = text.strip()
            entry[key + "_code"] = codes[key][text.strip()]
        out[code] = entry
    return Projections2024([out[code] for code in sorted(out)], sorted(summary), children)


def check_recoded(
    crosswalk: Mapping[str, Sequence[str]],
    codes_2020: Iterable[str],
    projected: Projections2024,
) -> list[str]:
    """Problems with reading the curated hybrid codes as the 2020-30 -> 2024-34 code changes.

    The 2020-30 codes the 2024 matrix no longer has must be exactly the curated
    combined codes, the 2024 codes 2020-30 did not have exactly their parts; a
    combined code that the 2024 workbook keeps as a summary row must have
    exactly its parts as detailed rows under it.
    """
    old = set(codes_2020)
    new = {str(row["code"]) for row in projected.rows if isinstance(row, dict)}
    parts = {part for listed in crosswalk.values() for part in listed}
    problems: list[str] = []
    for code in sorted((old - new) - set(crosswalk)):
        problems.append(f"2020-30 code {code} is not in 2024-34 and not a curated combined code")
    for code in sorted(set(crosswalk) & new):
        problems.append(f"combined code {code} is still a 2024-34 detailed code")
    for code in sorted((new - old) - parts):
        problems.append(f"2024-34 code {code} is new but not a part of a curated combined code")
    for code in sorted(parts - new):
        problems.append(f"part {code} is not a 2024-34 detailed code")
    for code, listed in sorted(crosswalk.items()):
        if code in projected.children and sorted(projected.children[code]) != sorted(listed):
            problems.append(
                f"2024-34 summary row {code} holds {sorted(projected.children[code])}, "
                f"curated parts are {sorted(listed)}"
            )
    return problems


def projections_document(projected: Projections2024) -> Json:
    """The packaged document: the rows as columns (see ``writer.columnar``)."""
    return {"projections": columnar(projected.rows, record_fields(Projection2024Record))}
