"""Numbers the public API returns, re-read from the raw upstream files.

Independent of the build tool: these tests open the BLS SQLite and the
O*NET supplement themselves and compare with what ``occprofile`` answers,
so a bug in the build and the same bug in its own verification cannot hide.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest

import occprofile as op
from occprofile._answers.figures import DATATYPE_FIELDS
from occprofile.models import Status

pytestmark = pytest.mark.upstream


def test_sampled_oews_cells_match(oews_db: sqlite3.Connection) -> None:
    """Every 997th cross-industry cell, all 17 values and footnotes."""
    rows = oews_db.execute(
        "SELECT * FROM cell WHERE substr(key, 12, 6) = '000000' ORDER BY key"
    ).fetchall()
    assert len(rows) == 236_799
    checked = 0
    for row in rows[::997]:
        key = row[0]
        area_code, occ = key[4:11], key[17:23]
        est = op.estimate(f"{occ[:2]}-{occ[2:]}", area_code)
        for i, name in enumerate(DATATYPE_FIELDS.values()):
            value, footnote = row[1 + i], row[18 + i]
            fig = getattr(est, name)
            assert fig.text == value, (key, name)
            if value is None:
                assert fig.status is Status.NOT_APPLICABLE
            elif value == "-":
                assert fig.value is None
                assert fig.status is not Status.RELEASED
            else:
                assert fig.value == float(value)
            if footnote:
                assert fig.footnote is not None
        checked += 1
    assert checked > 200


def test_top_metros_matches_sql(oews_db: sqlite3.Connection) -> None:
    sql = """
        SELECT a.area_name, c.v01 FROM cell c JOIN area a ON a.area_code = substr(c.key, 5, 7)
        WHERE c.key >= 'OEUM' AND c.key < 'OEUN' AND substr(c.key, 12, 12) = ?
          AND a.area_name NOT LIKE '%nonmetropolitan%' AND c.v01 != '-'
        ORDER BY CAST(c.v01 AS INTEGER) DESC, a.area_name LIMIT 10
    """
    for soc in ("43-6013", "29-1141", "15-1252", "11-1011"):
        expected = oews_db.execute(sql, ("000000" + soc.replace("-", ""),)).fetchall()
        got = [(r.area.name, r.estimate.employment.text) for r in op.top_metros(soc)]
        assert got == expected


def test_area_table_matches(oews_db: sqlite3.Connection) -> None:
    rows = oews_db.execute("SELECT area_code, areatype_code, area_name FROM area").fetchall()
    assert len(rows) == len(op.areas())
    for code, kind, name in rows:
        area = op.area(code)
        assert area.name == name
        assert area.kind.value[0].upper() == kind or (kind == "M" and area.kind.value == "nonmetro")


def test_ability_importance_matches_wide_table(upstream: Path) -> None:
    path = upstream / "onet-29.3-supplement" / "importance_wide_29.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    ds = op.Dataset()
    for row in rows[::25]:
        abilities = ds.profile(row["O*NET-SOC Code"]).abilities
        for column, value in row.items():
            if column.startswith("Ability: ") and value:
                rating = abilities.by_name(column.removeprefix("Ability: "))
                assert rating.importance is not None
                assert rating.importance.value == float(value), (row["O*NET-SOC Code"], column)


@pytest.mark.parametrize("table", ["Skills", "Knowledge", "Work Styles"])
def test_sampled_onet_ratings_match(upstream: Path, table: str) -> None:
    sheet = openpyxl.load_workbook(upstream / "onet-29.3" / f"{table}.xlsx", read_only=True).active
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    col = {name: header.index(name) for name in header}
    section = table.lower().replace(" ", "_")
    ds = op.Dataset()
    checked = 0
    for i, row in enumerate(rows):
        if i % 211:
            continue
        rating = getattr(ds.profile(row[col["O*NET-SOC Code"]]), section).by_name(
            row[col["Element Name"]]
        )
        measure = rating.importance if row[col["Scale ID"]] == "IM" else rating.level
        assert measure is not None
        assert measure.value == row[col["Data Value"]]
        assert measure.n == row[col["N"]]
        assert measure.standard_error == row[col["Standard Error"]]
        checked += 1
    assert checked > 50


#: What each BLS footnote on a "-" means, per datatype kind.
_HOURLY = {"hourly_mean", "hourly_p10", "hourly_p25", "hourly_median", "hourly_p75", "hourly_p90"}


@pytest.mark.parametrize("soc", ["29-1215", "11-1011", "27-2011", "25-2021", "11-9032"])
def test_every_footnoted_value_keeps_its_meaning(oews_db: sqlite3.Connection, soc: str) -> None:
    """Top-coded (5), one unit only (4) and not released (8), over every area of an occupation."""
    rows = oews_db.execute(
        "SELECT * FROM cell WHERE substr(key, 12, 12) = ?", ("000000" + soc.replace("-", ""),)
    ).fetchall()
    seen: set[str] = set()
    for row in rows:
        est = op.estimate(soc, row[0][4:11])
        for i, name in enumerate(DATATYPE_FIELDS.values()):
            value, footnote = row[1 + i], row[18 + i]
            fig = getattr(est, name)
            if value != "-":
                continue
            seen.add(footnote)
            if footnote == "5":
                assert fig.status is Status.TOP_CODED
                assert fig.lower_bound == (115.0 if name in _HOURLY else 239200.0)
            elif footnote == "4":
                expected = Status.ANNUAL_ONLY if name in _HOURLY else Status.HOURLY_ONLY
                assert fig.status is expected
            else:
                assert footnote == "8"
                assert fig.status is Status.NOT_RELEASED
    assert seen  # each of these occupations has footnoted values somewhere


def test_work_activities_match_supplement(upstream: Path) -> None:
    path = upstream / "onet-29.3-supplement" / "Work Activities (43-6013.00).txt"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    section = op.profile("43-6013.00").work_activities
    assert len(rows) == 2 * len(section)
    for row in rows:
        rating = section.by_name(row["Element Name"])
        measure = rating.importance if row["Scale ID"] == "IM" else rating.level
        assert measure is not None
        assert measure.value == float(row["Data Value"])
        assert measure.n == int(row["N"])
        assert measure.standard_error == float(row["Standard Error"])
        assert measure.recommend_suppress is (row["Recommend Suppress"] == "Y")
