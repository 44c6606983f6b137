"""Two occupations side by side (``op.compare_occupations``): the gap recomputed from
the profiles' ratings, the figures from the other public queries, the printed table."""

from __future__ import annotations

from typing import Any

import pytest

import occprofile as op
from occprofile.models import Status

GAP_DOMAINS = ("skills", "knowledge", "abilities", "work_activities")


def expected_gap(a: str, b: str) -> list[tuple[str, str, float, float | None]]:
    """(domain, element id, importance b - a, level b - a) where b's importance or
    level is higher, largest importance difference first, then level, then name."""
    pa, pb = op.profile(a), op.profile(b)
    rows: list[tuple[str, str, float, float | None]] = []
    for domain in GAP_DOMAINS:
        sa: op.RatingSection = getattr(pa, domain)
        sb: op.RatingSection = getattr(pb, domain)
        if not (sa.available and sb.available):
            continue
        ratings_a = {r.element.id: r for r in sa}
        domain_rows = []
        for rb in sb:
            ra = ratings_a.get(rb.element.id)
            if ra is None or ra.importance is None or rb.importance is None:
                continue
            importance = round(rb.importance.value - ra.importance.value, 2)
            level = round(rb.level.value - ra.level.value, 2) if ra.level and rb.level else None
            if importance > 0 or (level or 0) > 0:
                domain_rows.append((domain, rb.element.id, importance, level, rb.element.name))
        domain_rows.sort(key=lambda r: (-r[2], r[3] is None, -(r[3] or 0), r[4]))
        rows.extend(r[:4] for r in domain_rows)
    return rows


@pytest.mark.parametrize(
    ("a", "b"), [("43-6013", "29-1141"), ("29-1141", "43-6013"), ("15-1211", "17-2071")]
)
def test_gap_against_the_profiles(a: str, b: str) -> None:
    c = op.compare_occupations(a, b)
    got = [(g.domain, g.element.id, g.importance_difference, g.level_difference) for g in c.gap]
    assert got == expected_gap(a, b)
    assert got
    for g in c.gap:
        assert g.importance_b - g.importance_a == pytest.approx(g.importance_difference)
        if g.level_difference is not None:
            assert g.level_b is not None
            assert g.level_a is not None
            assert g.level_b - g.level_a == pytest.approx(g.level_difference)


def test_the_gap_leaves_out_domains_one_side_lacks() -> None:
    c = op.compare_occupations("43-6013", "29-1141")
    # work activities exist for 43-6013.00 only in the bundled data
    assert not op.profile("29-1141").work_activities.available
    assert c.gap_domains == ("skills", "knowledge", "abilities")
    assert all(g.domain != "work_activities" for g in c.gap)
    assert any("Work activities" in n and "29-1141.00" in n for n in c.notes)
    assert any("Tasks are not compared" in n for n in c.notes)


def test_figures_are_those_of_the_other_queries() -> None:
    c = op.compare_occupations("43-6013", "29-1141", area="San Diego")
    assert c.area == op.area("San Diego")
    assert c.estimate_a == op.estimate("43-6013", "San Diego")
    assert c.estimate_b == op.estimate("29-1141", "San Diego")
    employment = next(r for r in c.wages if r.measure == "employment")
    assert employment.a == c.estimate_a.employment
    assert employment.difference == (c.estimate_a.employment.value or 0) - (
        c.estimate_b.employment.value or 0
    )
    assert len(c.wages) == 17
    assert c.outlook_a == op.outlook("43-6013")
    assert c.education_b == op.education("29-1141")
    national = op.compare_occupations("43-6013", "29-1141")
    assert national.area.code == "0000000"
    assert national.estimate_a == op.national("43-6013")


def test_technology_shared_and_not() -> None:
    c = op.compare_occupations("15-1252", "15-1211")
    a = {t.example.casefold() for t in op.profile("15-1252").technology_skills}
    b = {t.example.casefold() for t in op.profile("15-1211").technology_skills}
    assert {t.casefold() for t in c.technology_shared} == a & b
    assert {t.casefold() for t in c.technology_only_a} == a - b
    assert {t.casefold() for t in c.technology_only_b} == b - a
    assert list(c.technology_shared) == sorted(c.technology_shared, key=str.casefold)


def test_occupations_paid_from_one_code() -> None:
    c = op.compare_occupations("11-1011.00", "11-1011.03")
    assert any("Both are paid from OEWS code 11-1011" in n for n in c.notes)
    assert all(r.difference in (0, None) for r in c.wages)


def test_an_occupation_without_wages_or_ratings() -> None:
    c = op.compare_occupations("55-1011", "43-6013")
    assert c.estimate_a is None
    assert next(r for r in c.wages if r.measure == "employment").a.status is Status.NO_ESTIMATE
    assert any("no estimate" in n and "55-1011.00" in n for n in c.notes)
    assert c.gap == ()
    assert c.gap_domains == ()
    assert "No ratings are compared" in c.to_text()
    same = op.compare_occupations("43-6013", "43-6013")
    assert same.gap == ()
    assert same.gap_domains == ("skills", "knowledge", "abilities", "work_activities")
    assert "needs no more than" in same.to_text()


def test_printed_as_a_table() -> None:
    c = op.compare_occupations("43-6013", "29-1141")
    text = str(c)
    assert text == c.to_text()
    assert all(len(line) <= 78 for line in text.splitlines())
    for heading in ("Employment and wages", "Outlook", "Preparation", "Where B needs more"):
        assert heading in text
    assert "Psychology" in text  # the largest knowledge gap
    markdown = c.to_markdown()
    assert "| Measure | A | B | A - B | A / B |" in markdown
    assert markdown.startswith("# Medical Secretaries and Administrative Assistants vs ")
    assert repr(c).startswith("OccupationComparison(43-6013.00 vs 29-1141.00")


def test_the_gap_is_a_table() -> None:
    gap = op.compare_occupations("43-6013", "29-1141").gap
    records = gap.to_records()
    assert len(records) == len(gap)
    assert records[0]["domain"] == "skills"
    assert {"element_name", "importance_difference", "level_difference"} <= set(records[0])
    assert repr(gap).startswith("RatingGap(")


def test_the_gap_as_pandas() -> None:
    pytest.importorskip("pandas")
    frame = op.compare_occupations("43-6013", "29-1141").gap.to_pandas()
    assert list(frame["importance_difference"])[:1] == [1.76]


@pytest.mark.parametrize(
    ("args", "kwargs", "error"),
    [
        ((3, "43-6013"), {}, op.ArgumentTypeError),
        (("43-6013", None), {}, op.ArgumentTypeError),
        (("43-6013", "29-1141"), {"area": 6}, op.ArgumentTypeError),
    ],
)
def test_bad_arguments_fail_before_any_data_is_read(
    reading_nothing: op.Dataset, args: tuple[Any, ...], kwargs: dict[str, Any], error: type
) -> None:
    with pytest.raises(error):
        reading_nothing.compare_occupations(*args, **kwargs)


def test_unknown_names_are_lookup_errors() -> None:
    with pytest.raises(op.UnknownOccupationError):
        op.compare_occupations("43-6013", "juggler of flaming swords")
    with pytest.raises(op.UnknownAreaError):
        op.compare_occupations("43-6013", "29-1141", area="Atlantis")
