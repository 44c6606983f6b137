"""The O*NET table reader (databuild.tables): the Excel and the text distribution
give the same rows, and bad cells stop the build.

The test marked `upstream` re-reads sample tables from the O*NET files in
../shared/data; the others write tiny tables into `tmp_path`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from databuild import onet, tables
from databuild.tables import Kind, TableSpec
from tests.helpers import require_upstream

#: Columns only the Excel distribution has (the text files lack them), and the tables
#: where a column of that name is a real column that the text files have too.
EXCEL_ONLY = {"Title", "Scale Name"}
GENUINE = {"Title": {"Occupation Data"}, "Scale Name": {"Scales Reference"}}


def _raw_sheet(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    return [str(c) for c in rows[0]], rows[1:]


def _onet_text(value: object, kind: Kind | None) -> str:
    """A cell as O*NET's text distribution writes it ("4.00", "n/a", "")."""
    if value is None:
        return "n/a" if kind in (Kind.FLAG, Kind.OPT_FLAG) else ""
    if kind in (Kind.FLOAT, Kind.OPT_FLOAT) and isinstance(value, int):
        return f"{value:.2f}"
    return repr(value) if isinstance(value, float) else str(value)


def write_text_table(
    folder: Path, spec: TableSpec, header: list[str], rows: list[tuple[object, ...]]
) -> Path:
    """Write rows as `<name>.txt` in O*NET's tab-separated layout, without Excel-only columns."""
    keep = [
        i for i, name in enumerate(header) if name not in EXCEL_ONLY or spec.name in GENUINE[name]
    ]
    path = folder / f"{spec.name}.txt"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_NONE)
        out.writerow([header[i] for i in keep])
        for row in rows:
            out.writerow([_onet_text(row[i], spec.columns.get(header[i])) for i in keep])
    return path


def typed(rows: list[tables.Row]) -> list[list[tuple[str, str, object]]]:
    """Rows with each value's type, so 4 != 4.0 and True != 1 in comparisons."""
    return [[(k, type(v).__name__, v) for k, v in sorted(r.values.items())] for r in rows]


@pytest.mark.upstream
@pytest.mark.parametrize(
    "spec",
    [onet.SKILLS, onet.WORK_STYLES, onet.OCCUPATION_DATA, onet.JOB_ZONES, onet.SCALES],
    ids=lambda spec: spec.name,
)
def test_excel_and_text_distributions_give_the_same_rows(spec: TableSpec, tmp_path: Path) -> None:
    folder = require_upstream() / "onet-29.3"
    header, raw = _raw_sheet(folder / f"{spec.name}.xlsx")
    picked = sorted(set(range(min(150, len(raw)))) | set(range(0, len(raw), 97)))
    from_excel = tables.read_table(folder, spec).rows
    text_path = write_text_table(tmp_path, spec, header, [raw[i] for i in picked])
    assert tables.find_table(tmp_path, spec.name) == text_path
    from_text = tables.read_table(tmp_path, spec).rows
    assert typed(from_text) == typed([from_excel[i] for i in picked])


def test_reader_normalizes_both_distributions(tmp_path: Path) -> None:
    spec = onet.SKILLS
    header = ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name"]
    header += ["Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound"]
    header += ["Recommend Suppress", "Not Relevant", "Date", "Domain Source"]
    common = ("43-6013.00", "T", "2.A.1.d", "Speaking")
    rows: list[tuple[object, ...]] = [
        (*common, "IM", "Importance", 4, 8, 0, 4, 4, "N", None, "08/2021", "Analyst"),
        (*common, "LV", "Level", 3.62, 8, 0.183, 3.2664, 3.9836, "N", "N", "08/2021", "Analyst"),
    ]
    excel = tmp_path / "excel"
    excel.mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in [tuple(header), *rows]:
        sheet.append(row)
    workbook.save(excel / "Skills.xlsx")
    write_text_table(tmp_path, spec, header, rows)
    from_excel = tables.read_table(excel, spec).rows
    from_text = tables.read_table(tmp_path, spec).rows
    assert typed(from_text) == typed(from_excel)
    assert from_text[0].values["Data Value"] == 4.0
    assert isinstance(from_text[0].values["Data Value"], float)
    assert from_text[0].values["Not Relevant"] is None
    assert from_text[1].values["Not Relevant"] is False


def test_reader_rejects_bad_cells(tmp_path: Path) -> None:
    spec = TableSpec("Job Zones", {"O*NET-SOC Code": Kind.TEXT, "Job Zone": Kind.INT})
    (tmp_path / "Job Zones.txt").write_text("O*NET-SOC Code\tJob Zone\n11-1011.00\tfive\n")
    with pytest.raises(tables.TableError, match="row 2, column 'Job Zone'"):
        tables.read_table(tmp_path, spec)
    (tmp_path / "Job Zones.txt").write_text("O*NET-SOC Code\tZone\n11-1011.00\t5\n")
    with pytest.raises(tables.TableError, match="expected one column 'Job Zone'"):
        tables.read_table(tmp_path, spec)
