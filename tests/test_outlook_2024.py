"""The outlook's 2024-34 projection (``op.outlook(...).projection``), entry requirements
from it, and what every answer says where 2020-30 and 2024-34 code an occupation
differently.

Only the public API is used. Tests marked ``upstream`` re-read Table 1.2 of the BLS
workbook (and the 2020-30 CSV) in ../shared/data, for every O*NET occupation, so a
build bug cannot hide behind the same bug in the build's own checks.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

import occprofile as op
from tests.helpers import REPO_ROOT, table_1_2_rows

DASH = "\u2014"


def test_same_code() -> None:
    outlook = op.outlook("43-6013")
    p = outlook.projection
    assert p is not None
    assert isinstance(p, op.Projection)
    assert (p.source.code, p.source.match, outlook.projection_note) == (
        "43-6013",
        op.CodeMatch.SAME,
        None,
    )
    assert p.employment_2024_thousands.value == 850.0
    assert p.employment_2024_thousands.format() == "850.0"
    assert p.employment_2034_thousands.value == 885.3
    assert (p.change_thousands.value, p.percent_change.value) == (35.3, 4.2)
    assert (p.annual_openings_thousands.value, p.percent_self_employed.value) == (85.9, 0.0)
    assert p.median_wage_2024.value == 44640
    assert p.median_wage_2024.status is op.Status.RELEASED
    entry = p.entry_requirements
    assert (entry.education, entry.education_code, entry.release) == (
        "High school diploma or equivalent",
        7,
        "2024-34",
    )
    assert outlook.earlier_projection is not None
    assert outlook.earlier_projection.entry_requirements.release == "2020-30"
    assert outlook.projections_comparable


def test_software_developers_cross_the_code_change() -> None:
    """2020-30 combined 15-1252 with 15-1253 in 15-1256; 2024-34 publishes it alone."""
    outlook = op.outlook("15-1252")
    assert outlook.projection is not None
    assert outlook.earlier_projection is not None
    assert outlook.projection.source.code == "15-1252"
    assert outlook.projection.source.match is op.CodeMatch.SAME
    assert outlook.projection.employment_2024_thousands.value == 1693.8
    assert outlook.earlier_projection.source.code == "15-1256"
    assert not outlook.projections_comparable
    note = outlook.earlier_projection_note
    assert note is not None
    assert "15-1253" in note
    assert "project different groups" in note
    assert "15-1252" in note
    assert "15-1256" in note
    text = op.report("15-1252").to_text()
    assert "compare them with care" in " ".join(text.split())


@pytest.mark.parametrize(
    ("code", "field", "status", "bound"),
    [
        ("29-1211", "median_wage_2024", op.Status.TOP_CODED, 239200.0),  # >=$239,200
        ("27-2011", "median_wage_2024", op.Status.NOT_RELEASED, None),  # actors: —
        ("11-1031", "percent_self_employed", op.Status.NOT_RELEASED, None),  # legislators: —
    ],
)
def test_unpublished_values_are_explicit(
    code: str, field: str, status: op.Status, bound: float | None
) -> None:
    p = op.outlook(code).projection
    assert p is not None
    figure: op.Figure = getattr(p, field)
    assert figure.status is status
    assert figure.value is None
    assert figure.lower_bound == bound
    assert figure.footnote
    assert figure.text in (">=$239,200", DASH)


def test_broader_sub_occupation_and_none() -> None:
    buyers = op.outlook("13-1021.00").projection
    assert buyers is not None
    assert (buyers.source.code, buyers.source.match) == ("13-1020", op.CodeMatch.BROADER)
    cso = op.outlook("11-1011.03").projection
    assert cso is not None
    assert (cso.source.code, cso.source.match) == ("11-1011", op.CodeMatch.BROADER)
    air = op.outlook("55-1011")
    assert air.projection is None
    assert air.projection_note is not None
    assert "2024-34" in air.projection_note
    assert "55-1011" in air.projection_note


def test_education_reads_the_2024_34_requirements() -> None:
    edu = op.education("29-1211")
    assert edu.entry_requirements is not None
    assert edu.entry_requirements.release == "2024-34"
    assert edu.entry_requirements.training == "Internship/residency"
    assert "BLS projections 2024-34" in op.report("29-1211").to_text()


def test_releases_name_both_projections() -> None:
    keys = {r.key: r for r in op.releases()}
    assert keys["projections_2024_34"].version == "2024-34"
    assert keys["projections"].version == "2020-30"
    assert "Employment Projections 2024-34" in keys["projections_2024_34"].credit


# -- against the raw files ---------------------------------------------------------------


@pytest.fixture(scope="module")
def table_1_2(upstream: Path) -> dict[str, tuple[Any, ...]]:
    """The detailed rows of Table 1.2, by code."""
    return {str(r[1]): r for r in table_1_2_rows(upstream) if r[2] == "Line item"}


def _check_figure(figure: op.Figure, cell: object, what: object) -> None:
    if cell == DASH:
        assert (figure.status, figure.value, figure.text) == (op.Status.NOT_RELEASED, None, DASH)
    elif isinstance(cell, str):
        assert cell == ">=$239,200", what
        assert figure.status is op.Status.TOP_CODED, what
        assert (figure.value, figure.lower_bound) == (None, 239200), what
    else:
        assert figure.status is op.Status.RELEASED, what
        assert figure.value == cell, what


@pytest.mark.upstream
def test_every_projection_matches_the_workbook(table_1_2: dict[str, tuple[Any, ...]]) -> None:
    """Every O*NET occupation: the matching rule and every value, against Table 1.2."""
    fields = {
        "employment_2024_thousands": 3,
        "employment_2034_thousands": 4,
        "change_thousands": 7,
        "percent_change": 8,
        "percent_self_employed": 9,
        "annual_openings_thousands": 10,
        "median_wage_2024": 11,
    }
    seen: set[op.CodeMatch] = set()
    for occ in op.occupations():
        p = op.outlook(occ.code).projection
        if p is None:
            assert occ.soc_code not in table_1_2, occ
            assert occ.wage_code not in table_1_2, occ
            continue
        seen.add(p.source.match)
        if occ.soc_code in table_1_2:
            wanted = op.CodeMatch.SAME if occ.code.endswith(".00") else op.CodeMatch.BROADER
            assert (p.source.code, p.source.match) == (occ.soc_code, wanted), occ
        else:
            assert (p.source.code, p.source.match) == (occ.wage_code, op.CodeMatch.BROADER)
        row = table_1_2[p.source.code]
        assert p.source.title == str(row[0]).strip()
        for field, at in fields.items():
            _check_figure(getattr(p, field), row[at], (occ, field))
        entry = p.entry_requirements
        assert (entry.education, entry.work_experience, entry.training) == row[12:15], occ
        assert op.education(occ.code).entry_requirements == entry
    assert seen == {op.CodeMatch.SAME, op.CodeMatch.BROADER}  # no hybrid codes in 2024-34


@pytest.mark.upstream
def test_every_answer_across_a_code_change_says_so(
    upstream: Path, table_1_2: dict[str, tuple[Any, ...]]
) -> None:
    """Where the 2020-30 and 2024-34 projections answer with different codes, the outlook
    says so (note, `projections_comparable`); they differ exactly for the occupations in
    the 30 recoded 2020-30 codes, whose 2020-30 match is the combined code."""
    path = upstream / "bls-ep-2020-30" / "Employment-Projections_2020-30.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        old = {r["Occupation Code"].strip('="') for r in csv.DictReader(handle)}
    recoded = old - set(table_1_2)
    curated = json.loads(
        (REPO_ROOT / "databuild" / "curated" / "soc_2019_hybrid.json").read_text()
    )["combined"]
    parts = {part: code for code, listed in curated.items() for part in listed}
    crossing = 0
    for occ in op.occupations():
        o = op.outlook(occ.code)
        if o.projection is None or o.earlier_projection is None:
            assert not o.projections_comparable
            continue
        changed = o.projection.source.code != o.earlier_projection.source.code
        assert o.projections_comparable is not changed, occ
        assert changed is (o.earlier_projection.source.code in recoded), occ
        if changed:
            crossing += 1
            assert o.earlier_projection.source.match is op.CodeMatch.COMBINED, occ
            assert o.earlier_projection.source.code == parts[occ.soc_code], occ
            assert o.earlier_projection_note is not None
            assert "project different groups" in o.earlier_projection_note, occ
            assert o.projection.source.code in o.earlier_projection_note, occ
    assert crossing >= 72  # each of the 72 new codes has at least one O*NET occupation
