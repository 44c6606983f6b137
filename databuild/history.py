"""oes_2019.json.gz: the May 2019 national OES estimates, for change over time.

May 2019 used a hybrid of the 2010 and 2018 SOC, so its codes are not all
2018 SOC codes; ``soc_changes`` decides how they relate to May 2025. Values
are kept as published text, with the file's own markers: ``*`` wage not
available, ``**`` employment not available, ``#`` at or above the top code.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from databuild.sources import OES_2019_DIR, InputLog
from databuild.writer import Json, columnar, record_fields
from occprofile._store.career_schema import HistoryRecord

OES_2019_FILE = "national_M2019_dl.xlsx"
SHEET = "national_M2019_dl"

#: Source column → output key.
COLUMNS = {
    "tot_emp": "employment",
    "emp_prse": "employment_rse",
    "h_mean": "hourly_mean",
    "a_mean": "annual_mean",
    "mean_prse": "wage_rse",
    "h_median": "hourly_median",
    "a_median": "annual_median",
}
MARKERS = ("*", "**", "#")


class HistoryError(ValueError):
    """The May 2019 file holds something the build cannot keep faithfully."""


def _text(cell: object, where: str) -> str | None:
    """The published value as text: integers without a decimal point, markers as they are."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise HistoryError(f"{where}: unexpected {cell!r}")
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return repr(cell)
    if isinstance(cell, str) and cell.strip() in MARKERS:
        return cell.strip()
    raise HistoryError(f"{where}: unexpected {cell!r}")


def read_national_2019(source: Path, log: InputLog) -> list[Json]:
    """Every national cross-industry row, one per code, sorted by code.

    The file lists codes that OES aggregated to the broad level twice (once
    "broad", once "detailed"); both rows must agree, and one is kept.
    """
    path = source / OES_2019_DIR / OES_2019_FILE
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        raw = list(book[SHEET].iter_rows(values_only=True))
    finally:
        book.close()
    header = [str(cell).strip() for cell in raw[0]]
    at = {name: header.index(name) for name in header}
    log.record(path, len(raw) - 1)
    out: dict[str, dict[str, Json]] = {}
    for number, row in enumerate(raw[1:], start=2):
        where = f"{path.name} row {number}"
        if row[at["area"]] != "99" or row[at["naics"]] != "000000":
            raise HistoryError(f"{where}: not a national cross-industry row")
        code = str(row[at["occ_code"]])
        entry: dict[str, Json] = {
            "code": code,
            "title": str(row[at["occ_title"]]).strip(),
            "group": str(row[at["o_group"]]),
            "annual_only": row[at["annual"]] == "TRUE",
            "hourly_only": row[at["hourly"]] == "TRUE",
        }
        for column, key in COLUMNS.items():
            entry[key] = _text(row[at[column]], f"{where} {column}")
        previous = out.get(code)
        if previous is not None:
            same = {k: v for k, v in previous.items() if k != "group"} == {
                k: v for k, v in entry.items() if k != "group"
            }
            if not same:
                raise HistoryError(f"{where}: {code} listed twice with different values")
            if entry["group"] == "detailed":
                previous["group"] = "detailed"
            continue
        out[code] = entry
    return [out[code] for code in sorted(out)]


def history_document(rows: list[Json]) -> Json:
    """The packaged document: the rows as columns (see ``writer.columnar``)."""
    return {"occupations": columnar(rows, record_fields(HistoryRecord))}
