"""The occupations of an area ranked (``op.top_occupations``): the ranking against the
upstream SQLite, the filters against brute force over the public API, unreleased
figures last, and typed errors checked before any data is read."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

import occprofile as op
from occprofile.models import Status

#: (area as top_occupations takes it, its OEWS key prefix: "OEU" + area type + area code)
AREAS = [
    ("California", "OEUS0600000"),
    ("Los Angeles", "OEUM0031080"),
    ("national", "OEUN0000000"),
]
#: OEWS datatype column of each ``by`` the SQL recomputes.
COLUMNS = {"employment": "01", "annual_mean": "04"}
#: The BLS top-code of annual wages (footnote 5), where a top-coded value ranks.
ANNUAL_TOP_CODE = 239200

TOP_SQL = """
SELECT substr(c.key, 18, 6), c.v{dt}
FROM cell AS c JOIN occupation AS o ON o.occupation_code = substr(c.key, 18, 6)
WHERE c.key >= :prefix AND c.key < :prefix || 'z'
  AND o.display_level = 3
  AND c.v{dt} IS NOT NULL AND (c.v{dt} <> '-' OR c.f{dt} = '5')
ORDER BY CASE WHEN c.v{dt} = '-' THEN {top} ELSE CAST(c.v{dt} AS REAL) END DESC,
         c.v{dt} = '-', substr(c.key, 18, 6)
LIMIT 10
"""


def _code(soc: str) -> str:
    return soc.replace("-", "")


@pytest.mark.upstream
@pytest.mark.parametrize(("area", "prefix"), AREAS)
@pytest.mark.parametrize("by", sorted(COLUMNS))
def test_top_10_is_the_sql_ranking(
    oews_db: sqlite3.Connection, area: str, prefix: str, by: op.OccupationRankBy
) -> None:
    """Value descending (a top-coded wage at its bound, after an equal released one),
    then code; OEWS's detailed display level is the default level."""
    dt = COLUMNS[by]
    sql = TOP_SQL.format(dt=dt, top=ANNUAL_TOP_CODE)
    expected = oews_db.execute(sql, {"prefix": prefix + "000000"}).fetchall()
    got = [
        (_code(r.wage_occupation.code), r.ranked_value.text)
        for r in op.top_occupations(area, 10, by=by)
    ]
    assert got == expected


@pytest.mark.upstream
def test_the_detailed_level_is_oews_detailed_display_level(oews_db: sqlite3.Connection) -> None:
    """Every detailed SOC code, and the seven broad codes published in their place."""
    detailed = {
        c
        for (c,) in oews_db.execute(
            "SELECT occupation_code FROM occupation WHERE display_level = 3"
        )
    }
    everything = op.top_occupations("national", 2000)
    assert {_code(r.wage_occupation.code) for r in everything} == detailed
    broad = {r.wage_occupation.code for r in everything if r.wage_occupation.level == "broad"}
    assert broad == {"13-1020", "13-2020", "29-2010", "31-1120", "39-7010", "47-4090", "51-2090"}


def test_rows_are_records_of_the_area() -> None:
    ranking = op.top_occupations("Los Angeles", 5)
    assert isinstance(ranking, op.OccupationRanking)
    assert len(ranking) == 5
    assert ranking.area == op.area("Los Angeles")
    assert ranking.by == "employment"
    assert ranking.release is not None
    assert ranking.release.key == "oews"
    assert ranking.criteria == ()
    assert [r.rank for r in ranking] == [1, 2, 3, 4, 5]
    for r in ranking:
        assert r.estimate.area == ranking.area
        assert r.estimate == op.estimate(r.wage_occupation.code, "Los Angeles")
        assert r.ranked_value == r.estimate.employment
        assert all(o.wage_code == r.wage_occupation.code for o in r.occupations)
    assert str(ranking[0]).startswith("1. 31-1120 Home Health and Personal Care Aides: ")
    assert repr(ranking).startswith("OccupationRanking(5 occupations: 1. ")


def test_multi_mapped_codes_list_every_occupation_they_pay() -> None:
    everything = op.top_occupations("national", 2000)
    by_code = {r.wage_occupation.code: r for r in everything}
    paid = sorted(o.code for o in op.occupations() if o.wage_code == "21-1018")
    assert [o.code for o in by_code["21-1018"].occupations] == paid
    assert len(paid) > 1


def test_to_records_is_flat() -> None:
    records = op.top_occupations("Texas", 3, by="annual_median").to_records()
    assert len(records) == 3
    first = records[0]
    assert first["rank"] == 1
    assert first["by"] == "annual_median"
    assert first["ranked_value_status"] == "released"
    assert isinstance(first["estimate_occupation_code"], str)


def test_unreleased_figures_rank_last_and_are_flagged() -> None:
    rows = op.top_occupations("Los Angeles", 2000, by="annual_mean")
    released = [r.ranked_value.status in (Status.RELEASED, Status.TOP_CODED) for r in rows]
    assert False in released
    assert released == sorted(released, reverse=True)
    tail = rows[released.index(False) :]
    assert all(r.ranked_value.value is None for r in tail)
    codes = [r.wage_occupation.code for r in tail]
    assert codes == sorted(codes)  # unreleased: by code
    values = [
        r.ranked_value.value or r.ranked_value.lower_bound or 0
        for r in rows[: len(rows) - len(tail)]
    ]
    assert values == sorted(values, reverse=True)


def test_levels() -> None:
    major = op.top_occupations("national", 3, level="major")
    assert [r.wage_occupation.level for r in major] == ["major"] * 3
    # a group-level row covers every O*NET occupation inside the group
    office = next(
        r
        for r in op.top_occupations("national", 30, level="major")
        if r.wage_occupation.code == "43-0000"
    )
    assert {o.code for o in office.occupations} == {o.code for o in op.occupations("43")}
    assert [r.wage_occupation.code for r in op.top_occupations("national", 1, level="total")] == [
        "00-0000"
    ]


def test_group_filter_keeps_codes_inside_the_group() -> None:
    rows = op.top_occupations("CA", 200, group="29-1000")
    assert rows
    assert all(r.wage_occupation.code.startswith("29-1") for r in rows)
    assert rows.criteria == ("SOC group 29-1000 (29-1000)",)
    by_title = op.top_occupations(
        "CA", 200, group="Healthcare Diagnosing or Treating Practitioners"
    )
    assert [r.wage_occupation for r in by_title] == [r.wage_occupation for r in rows]
    broad = op.top_occupations("national", 50, level="broad", group="29")
    assert broad
    assert all(
        r.wage_occupation.level == "broad" and r.wage_occupation.code.startswith("29-")
        for r in broad
    )


def _brute_force(area: str, passes: Any) -> set[str]:
    """OEWS codes of ``area`` (detailed level) paying at least one O*NET occupation that passes."""
    present = {r.wage_occupation.code for r in op.top_occupations(area, 2000)}
    return {o.wage_code for o in op.occupations() if o.wage_code in present and passes(o)}


def _job_zone(code: str) -> int | None:
    zone = op.profile(code).job_zone
    return zone.zone if zone else None


def _first_high_point(code: str) -> str | None:
    return next(
        (
            i.high_point
            for i in op.profile(code).interests
            if i.element.name == "First Interest High-Point"
        ),
        None,
    )


def _entry(code: str) -> str | None:
    entry = op.education(code).entry_requirements
    return entry.education if entry else None


@pytest.mark.parametrize("area", ["Texas", "Seattle"])
def test_filters_against_brute_force(area: str) -> None:
    cases: list[tuple[dict[str, Any], Any]] = [
        ({"job_zone": 5}, lambda o: _job_zone(o.code) == 5),
        ({"interest": "Artistic"}, lambda o: _first_high_point(o.code) == "Artistic"),
        ({"education": "Associate's degree"}, lambda o: _entry(o.code) == "Associate's degree"),
        (
            {"job_zone": 4, "interest": "Social"},
            lambda o: _job_zone(o.code) == 4 and _first_high_point(o.code) == "Social",
        ),
    ]
    for filters, passes in cases:
        rows = op.top_occupations(area, 2000, **filters)
        assert {r.wage_occupation.code for r in rows} == _brute_force(area, passes), filters
        for r in rows:
            assert r.occupations
            assert all(passes(o) for o in r.occupations), (filters, r)
        assert len(rows.criteria) == len(filters)


def test_filtered_rankings_keep_the_order() -> None:
    everything = [
        r.wage_occupation.code for r in op.top_occupations("Ohio", 2000, by="hourly_mean")
    ]
    zone_two = [
        r.wage_occupation.code
        for r in op.top_occupations("Ohio", 2000, by="hourly_mean", job_zone=2)
    ]
    assert zone_two == [c for c in everything if c in set(zone_two)]
    assert [r.rank for r in op.top_occupations("Ohio", 5, job_zone=2)] == [1, 2, 3, 4, 5]


def test_projected_growth_and_openings() -> None:
    growth = op.top_occupations("national", 10, by="growth")
    assert growth.by == "projected_growth"
    assert growth.release is not None
    assert growth.release.key == "projections_2024_34"  # what outlook().projection reads
    values = [r.ranked_value.value for r in growth]
    assert values == sorted(values, reverse=True)  # type: ignore[type-var]
    for r in growth:
        projection = op.outlook(r.occupations[0].code).projection
        assert projection is not None
        assert r.ranked_value == projection.percent_change
        assert r.projection == projection.source
        assert "projected growth" in str(r)
    openings = op.top_occupations("Florida", 5, by="openings")
    assert openings.by == "projected_openings"
    for r in openings:
        projection = op.outlook(r.occupations[0].code).projection
        assert projection is not None
        assert r.ranked_value == projection.annual_openings_thousands
        assert r.estimate.area == op.state("FL")  # the area's figures; the projection is national


def test_no_match_is_an_empty_ranking_with_a_note() -> None:
    rows = op.top_occupations(
        "Guam", 5, job_zone=5, interest="Artistic", education="Doctoral or professional degree"
    )
    assert len(rows) == 0
    assert rows.note is not None
    assert "Guam" in rows.note


def test_nothing_released_to_rank_by_raises() -> None:
    with pytest.raises(op.NoWageDataError, match="location_quotient"):
        op.top_occupations("national", 5, by="lq")


def test_answers_are_memoised() -> None:
    assert op.top_occupations("Denver", 5) is op.top_occupations("Denver", 5)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"n": 0}, op.InvalidArgumentError, "n must be"),
        ({"n": "5"}, op.ArgumentTypeError, "n must be"),
        ({"by": "salary"}, op.InvalidArgumentError, "Unknown ranking"),
        ({"by": "anual_mean"}, op.InvalidArgumentError, "Did you mean 'annual_mean'"),
        ({"by": 3}, op.ArgumentTypeError, "by must"),
        ({"level": "tiny"}, op.InvalidArgumentError, "level"),
        ({"level": "major", "by": "growth"}, op.InvalidArgumentError, "detailed"),
        ({"job_zone": 6}, op.InvalidArgumentError, "job_zone"),
        ({"job_zone": "5"}, op.ArgumentTypeError, "job_zone"),
        ({"job_zone": True}, op.ArgumentTypeError, "job_zone"),
        (
            {"education": "Bachelors degree"},
            op.InvalidArgumentError,
            'Did you mean "Bachelor\'s degree"',
        ),
        ({"interest": "Realist"}, op.InvalidArgumentError, "Did you mean 'Realistic'"),
        ({"interest": 1}, op.ArgumentTypeError, "interest"),
        ({"group": 29}, op.ArgumentTypeError, "group"),
    ],
)
def test_bad_arguments_fail_before_any_data_is_read(
    reading_nothing: op.Dataset, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        reading_nothing.top_occupations("CA", **kwargs)


def test_unknown_area_and_group_are_lookup_errors() -> None:
    with pytest.raises(op.UnknownAreaError):
        op.top_occupations("Atlantis")
    with pytest.raises(op.UnknownOccupationError):
        op.top_occupations("CA", group="29-9900")
    with pytest.raises(op.InvalidArgumentError, match="not a group"):
        op.top_occupations("CA", group="43-6013")
    with pytest.raises(op.ArgumentTypeError):
        op.top_occupations(6)  # type: ignore[arg-type]
