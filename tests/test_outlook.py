"""The earlier projections of the outlook (``op.outlook(...).earlier_projection``): BLS
Employment Projections 2020-30, matched to the occupation by the same, a broader or a
combined code. (The 2024-34 projection: tests/test_outlook_2024.py.)

Only the public API is used (``occprofile`` and ``occprofile.Dataset``).
Tests marked ``upstream`` re-read the BLS projections CSV in ../shared/data and
compare it with the answers, so a build bug cannot hide behind the same bug in the
build's own checks.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import occprofile as op


def bls_code(cell: str) -> str:
    """``="43-6013"`` (the CSV's Excel-formula spelling) -> ``43-6013``."""
    return cell.strip().removeprefix("=").strip('"')


def bls_number(text: str) -> float:
    return float(text.replace(",", ""))


@pytest.fixture(scope="module")
def projections_csv(upstream: Path) -> dict[str, dict[str, str]]:
    """The BLS 2020-30 projections table, by occupation code."""
    path = upstream / "bls-ep-2020-30" / "Employment-Projections_2020-30.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = {bls_code(r["Occupation Code"]): r for r in csv.DictReader(fh)}
    assert len(rows) == 790
    return rows


def test_outlook_same_code() -> None:
    outlook = op.outlook("43-6013")
    projection = outlook.earlier_projection
    assert projection is not None
    assert outlook.occupation == projection.occupation == op.occupation("43-6013")
    assert projection.source.code == "43-6013"
    assert projection.source.match is op.CodeMatch.SAME
    assert projection.source.exact
    assert projection.employment_2020_thousands.value == 611.2
    assert projection.median_wage_2020.value == 37350
    assert projection.median_wage_2020.status is op.Status.RELEASED
    assert "Dental Secretary" in projection.sample_titles
    e2020 = projection.employment_2020_thousands.value
    e2030 = projection.employment_2030_thousands.value
    change = projection.change_thousands.value
    assert e2020 is not None
    assert e2030 is not None
    assert change is not None
    assert e2030 - e2020 == pytest.approx(change, abs=0.11)  # BLS rounds each to 0.1
    assert outlook.earlier_projection_note is None


def test_outlook_combined_code() -> None:
    outlook = op.outlook("15-1252")
    projection = outlook.earlier_projection
    assert projection is not None
    assert projection.source.match is op.CodeMatch.COMBINED
    assert not projection.source.exact
    assert projection.source.code == "15-1256"
    assert projection.source.note is not None
    assert outlook.earlier_projection_note is not None
    assert outlook.earlier_projection_note.startswith(projection.source.note)
    assert "15-1253" in outlook.earlier_projection_note  # the other part of 15-1256


def test_outlook_broader_code() -> None:
    outlook = op.outlook("13-1021.00")
    projection = outlook.earlier_projection
    assert projection is not None
    assert projection.source.match is op.CodeMatch.BROADER
    assert projection.source.code == "13-1020"
    assert outlook.earlier_projection_note is not None
    assert "13-1020" in outlook.earlier_projection_note


def test_outlook_without_projection() -> None:
    outlook = op.outlook("55-1011")
    assert outlook.earlier_projection is None
    assert outlook.earlier_projection_note is not None
    assert "55-1011" in outlook.earlier_projection_note
    assert "no row" in outlook.earlier_projection_note


def test_projection_median_wage_statuses() -> None:
    top = op.outlook("29-1211").earlier_projection  # anesthesiologists: ">=208,000"
    assert top is not None
    wage = top.median_wage_2020
    assert wage.status is op.Status.TOP_CODED
    assert wage.value is None
    assert wage.lower_bound == 208000
    assert wage.text == ">=208,000"
    na = op.outlook("27-2011").earlier_projection  # actors: "N/A"
    assert na is not None
    assert na.median_wage_2020.status is op.Status.NOT_RELEASED
    assert na.median_wage_2020.value is None
    assert na.median_wage_2020.lower_bound is None


def test_outlook_history_is_national_change() -> None:
    for code in ("43-6013", "15-1252", "55-1011"):
        assert op.outlook(code).history == op.national_change(code)
    assert op.Dataset().outlook("43-6013") == op.outlook("43-6013")


#: O*NET occupations that OEWS May 2025 publishes only within an OEWS aggregate
#: (curated in databuild/curated/oews_aggregates.json), and that aggregate: it is
#: also the 2020-30 projections code and the May 2019 code that holds them.
IN_AGGREGATES = [
    ("21-1011.00", "21-1018"),
    ("21-1014.00", "21-1018"),
    ("25-2055.00", "25-2052"),
    ("25-2056.00", "25-2052"),
    ("25-9042.00", "25-9045"),
    ("25-9043.00", "25-9045"),
    ("25-9049.00", "25-9045"),
    ("51-2022.00", "51-2028"),
    ("51-2023.00", "51-2028"),
    ("53-1042.00", "53-1047"),
    ("53-1042.01", "53-1047"),
    ("53-1043.00", "53-1047"),
    ("53-1044.00", "53-1047"),
    ("53-1049.00", "53-1047"),
]


@pytest.mark.parametrize(("code", "aggregate"), IN_AGGREGATES)
def test_occupations_within_an_aggregate_use_it_everywhere(code: str, aggregate: str) -> None:
    occ = op.occupation(code)
    assert (occ.wage_code, occ.wage_basis) == (aggregate, "aggregate")
    outlook = op.outlook(code)
    assert outlook.earlier_projection is not None, outlook.earlier_projection_note
    assert outlook.earlier_projection.source.code == aggregate
    assert outlook.earlier_projection.source.match is op.CodeMatch.BROADER
    assert outlook.projection is not None
    assert (outlook.projection.source.code, outlook.projection.source.match) == (
        aggregate,
        op.CodeMatch.BROADER,
    )
    assert op.education(code).entry_requirements == outlook.projection.entry_requirements
    history = outlook.history
    assert history.comparable
    assert history.later is not None
    assert history.later.occupation.code == aggregate
    assert any(aggregate in note for note in history.notes)


@pytest.mark.upstream
def test_aggregates_are_projection_rows(
    projections_csv: dict[str, dict[str, str]],
) -> None:
    """The aggregate has a projections row; the occupation's own code has none."""
    for code, aggregate in IN_AGGREGATES:
        occ = op.occupation(code)
        assert aggregate in projections_csv
        assert occ.soc_code not in projections_csv


@pytest.mark.upstream
def test_projections_match_bls_table(projections_csv: dict[str, dict[str, str]]) -> None:
    """Every O*NET occupation: the matching rule and every value, against the CSV."""
    fields = {
        "employment_2020_thousands": "Employment 2020",
        "employment_2030_thousands": "Employment 2030",
        "change_thousands": "Employment Change, 2020-2030",
        "percent_change": "Employment Percent Change, 2020-2030",
        "annual_openings_thousands": "Occupational Openings, 2020-2030 Annual Average",
    }
    seen: set[op.CodeMatch] = set()
    for occ in op.occupations():
        projection = op.outlook(occ.code).earlier_projection
        if projection is None:
            assert occ.soc_code not in projections_csv, occ
            assert occ.wage_code not in projections_csv, occ
            continue
        source = projection.source
        seen.add(source.match)
        if occ.soc_code in projections_csv and occ.code.endswith(".00"):
            assert source.match is op.CodeMatch.SAME, occ
            assert source.code == occ.soc_code
        elif occ.soc_code in projections_csv:  # a sub-occupation: its whole SOC occupation
            assert source.match is op.CodeMatch.BROADER, occ
            assert source.code == occ.soc_code
            assert source.note is not None
            assert occ.code in source.note
        elif source.match is op.CodeMatch.BROADER:
            assert source.code == occ.wage_code != occ.soc_code
        else:
            assert source.match is op.CodeMatch.COMBINED, occ
            assert source.note is not None
            assert occ.soc_code in source.note
            assert source.code in source.note
        row = projections_csv[source.code]
        title, *samples = row["Occupation Title"].split("*")
        assert source.title == title.strip()
        assert projection.sample_titles == tuple(s.strip() for s in samples)
        for field, column in fields.items():
            figure: op.Figure = getattr(projection, field)
            assert figure.text == row[column], (occ, field)
            assert figure.value == bls_number(row[column]), (occ, field)
            assert figure.status is op.Status.RELEASED
        wage = row["Median Annual Wage 2020"]
        median = projection.median_wage_2020
        assert median.text == wage
        if wage == "N/A":
            assert median.status is op.Status.NOT_RELEASED
        elif wage.startswith(">="):
            assert median.status is op.Status.TOP_CODED
            assert median.lower_bound == bls_number(wage[2:])
        else:
            assert median.value == bls_number(wage)
        entry = projection.entry_requirements
        assert (entry.education, entry.education_code) == (
            row["Typical Entry-Level Education"],
            int(row["Education Code"]),
        )
        assert (entry.work_experience, entry.work_experience_code) == (
            row["Work Experience in a Related Occupation"],
            int(row["Workex Code"]),
        )
        assert (entry.training, entry.training_code) == (
            row["Typical on-the-job Training"],
            int(row["trCode"]),
        )
    assert seen == set(op.CodeMatch)
