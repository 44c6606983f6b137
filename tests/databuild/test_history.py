"""The OES May 2019 national estimates reader (databuild.history).

Most tests feed the reader a tiny workbook written into `tmp_path`; the test
marked `upstream` checks the real workbook's header in ../shared/data.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from databuild import history
from databuild.sources import OES_2019_DIR, InputLog, sha256_file
from databuild.writer import Json, rows_of
from tests.helpers import obj

#: The header row of national_M2019_dl.xlsx's `national_M2019_dl` sheet.
OES_HEADER = (
    "area", "area_title", "area_type", "naics", "naics_title", "i_group", "own_code",
    "occ_code", "occ_title", "o_group", "tot_emp", "emp_prse", "jobs_1000", "loc_quotient",
    "pct_total", "h_mean", "a_mean", "mean_prse", "h_pct10", "h_pct25", "h_median", "h_pct75",
    "h_pct90", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90", "annual", "hourly",
)  # fmt: skip
#: The real 43-6013 row.
OES_MEDICAL: dict[str, object] = dict(
    zip(
        OES_HEADER,
        (
            "99", "U.S.", "1", "000000", "Cross-industry", "cross-industry", "1235",
            "43-6013", "Medical Secretaries and Administrative Assistants", "detailed",
            604780, 0.8, "", "", None, 18.31, 38090, 0.3, 12.58, 14.71, 17.59, 21.47, 25.59,
            26180, 30590, 36580, 44650, 53230, None, None,
        ),
        strict=True,
    )
)  # fmt: skip


def oes_row(**changes: object) -> tuple[object, ...]:
    """The 43-6013 row with some cells changed."""
    row = dict(OES_MEDICAL)
    for column, value in changes.items():
        assert column in row, column
        row[column] = value
    return tuple(row.values())


def write_oes(source: Path, rows: list[tuple[object, ...]]) -> Path:
    """A workbook shaped like the real one: the data sheet is not the first one."""
    path = source / OES_2019_DIR / history.OES_2019_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    decoy = workbook.active
    assert decoy is not None
    decoy.title = "Field Descriptions"
    decoy.append(("area", "occ_code"))
    decoy.append(("01", "not a row"))
    sheet = workbook.create_sheet(history.SHEET)
    sheet.append(OES_HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def read_oes(source: Path) -> list[Json]:
    return history.read_national_2019(source, InputLog(source))


def test_read_national_2019_keeps_markers_and_published_text(tmp_path: Path) -> None:
    rows = [
        oes_row(),
        oes_row(occ_code="00-0000", occ_title="All Occupations", o_group="total", emp_prse=1),
        oes_row(
            occ_code="11-1030",
            occ_title="Legislators ",
            o_group="broad",
            tot_emp="**",
            h_mean="*",
            h_median="*",
            a_median="#",
            mean_prse="",
            annual="TRUE",
        ),
        oes_row(occ_code="27-2011", occ_title="Actors", a_mean="*", hourly="TRUE"),
    ]
    path = write_oes(tmp_path, rows)
    log = InputLog(tmp_path)
    result = history.read_national_2019(tmp_path, log)

    assert [obj(r)["code"] for r in result] == ["00-0000", "11-1030", "27-2011", "43-6013"]
    assert obj(result[3]) == {
        "code": "43-6013",
        "title": "Medical Secretaries and Administrative Assistants",
        "group": "detailed",
        "annual_only": False,
        "hourly_only": False,
        "employment": "604780",
        "employment_rse": "0.8",
        "hourly_mean": "18.31",
        "annual_mean": "38090",
        "wage_rse": "0.3",
        "hourly_median": "17.59",
        "annual_median": "36580",
    }
    legislators = obj(result[1])
    assert legislators["title"] == "Legislators"
    assert legislators["group"] == "broad"
    assert (legislators["annual_only"], legislators["hourly_only"]) == (True, False)
    assert legislators["employment"] == "**"
    assert (legislators["hourly_mean"], legislators["hourly_median"]) == ("*", "*")
    assert legislators["annual_median"] == "#"
    assert legislators["wage_rse"] is None
    actors = obj(result[2])
    assert (actors["annual_only"], actors["hourly_only"]) == (False, True)
    assert actors["annual_mean"] == "*"
    assert obj(result[0])["employment_rse"] == "1"  # an integer cell, without ".0"
    name = f"{OES_2019_DIR}/{history.OES_2019_FILE}"
    assert [(f.path, f.rows, f.sha256) for f in log.files()] == [(name, 4, sha256_file(path))]
    document = obj(history.history_document(result))
    assert rows_of(document["occupations"], "occupations") == result  # stored as columns


@pytest.mark.parametrize("groups", [("detailed", "broad"), ("broad", "detailed")])
def test_a_code_listed_twice_with_equal_values_is_kept_once(
    tmp_path: Path, groups: tuple[str, str]
) -> None:
    first, second = groups
    buyers = {"occ_code": "13-1020", "occ_title": "Buyers and Purchasing Agents"}
    rows = [oes_row(**buyers, o_group=first), oes_row(), oes_row(**buyers, o_group=second)]
    write_oes(tmp_path, rows)
    log = InputLog(tmp_path)
    result = history.read_national_2019(tmp_path, log)
    assert [(obj(r)["code"], obj(r)["group"]) for r in result] == [
        ("13-1020", "detailed"),
        ("43-6013", "detailed"),
    ]
    assert obj(result[0])["employment"] == "604780"
    assert log.files()[0].rows == 3  # every data row of the file, duplicates included


@pytest.mark.parametrize(
    "change",
    [{"tot_emp": 604781}, {"a_median": "#"}, {"occ_title": "Medical Secretaries"}],
    ids=["employment", "marker", "title"],
)
def test_a_code_listed_twice_with_different_values_fails(
    tmp_path: Path, change: dict[str, object]
) -> None:
    write_oes(tmp_path, [oes_row(o_group="broad"), oes_row(**change)])
    with pytest.raises(history.HistoryError) as caught:
        read_oes(tmp_path)
    assert str(caught.value) == (
        f"{history.OES_2019_FILE} row 3: 43-6013 listed twice with different values"
    )


@pytest.mark.parametrize(
    "change", [{"area": "01"}, {"area": 99}, {"naics": "999000"}], ids=["state", "int", "naics"]
)
def test_a_row_that_is_not_national_cross_industry_fails(
    tmp_path: Path, change: dict[str, object]
) -> None:
    write_oes(tmp_path, [oes_row(occ_code="00-0000"), oes_row(**change)])
    with pytest.raises(history.HistoryError) as caught:
        read_oes(tmp_path)
    assert str(caught.value) == (
        f"{history.OES_2019_FILE} row 3: not a national cross-industry row"
    )


@pytest.mark.parametrize("value", ["604,780", "N/A", "***", "~", True])
def test_an_unexpected_cell_fails(tmp_path: Path, value: object) -> None:
    write_oes(tmp_path, [oes_row(tot_emp=value)])
    with pytest.raises(history.HistoryError) as caught:
        read_oes(tmp_path)
    assert str(caught.value) == (f"{history.OES_2019_FILE} row 2 tot_emp: unexpected {value!r}")


@pytest.mark.upstream
def test_oes_2019_header_is_the_real_one(upstream: Path) -> None:
    path = upstream / OES_2019_DIR / history.OES_2019_FILE
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        header = next(workbook[history.SHEET].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert header == OES_HEADER
