"""Filters of ``op.occupations(...)`` beyond the SOC group, each against a brute-force
computation over the public API (profiles, education, outlook), and the derived
outlook rule against the raw projections file."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import occprofile as op
from tests.helpers import table_1_2_rows


@cache
def _profile(code: str) -> op.Profile:
    return op.profile(code)


def _all(passes: Callable[[op.Occupation], bool]) -> list[op.Occupation]:
    return [o for o in op.occupations() if passes(o)]


def _zone(o: op.Occupation) -> int | None:
    zone = _profile(o.code).job_zone
    return zone.zone if zone else None


def _first_high_point(o: op.Occupation) -> str | None:
    return next(
        (
            i.high_point
            for i in _profile(o.code).interests
            if i.element.name == "First Interest High-Point"
        ),
        None,
    )


@cache
def _projection(code: str) -> op.Projection | None:
    return op.outlook(code).projection


def _uses(o: op.Occupation, word: str, *, hot: bool = False, in_demand: bool = False) -> bool:
    # whole words: no word character (or "x." of "Node.js") on either side
    pattern = re.compile(
        rf"(?<![0-9a-z+#])(?<![0-9a-z+#]\.){re.escape(word.casefold())}(?![0-9a-z+#]|\.[0-9a-z+#])"
    )
    return any(
        (not hot or t.hot)
        and (not in_demand or t.in_demand)
        and any(pattern.search(name.casefold()) for name in (t.example, t.commodity_title or ""))
        for t in _profile(o.code).technology_skills
    )


def test_group_stays_the_first_positional_argument() -> None:
    assert op.occupations("29") == op.occupations(group="29-0000")
    assert all(o.soc_code.startswith("29-") for o in op.occupations("29"))
    everything = op.occupations()
    assert isinstance(everything, op.OccupationSelection)
    assert isinstance(everything, op.models.Occupations)
    assert len(everything) == 1016
    assert everything.criteria == ()
    assert op.occupations("29").criteria == ("SOC group 29-0000 (29)",)


def test_job_zone() -> None:
    for zone in (1, 5):
        assert list(op.occupations(job_zone=zone)) == _all(lambda o, z=zone: _zone(o) == z)  # type: ignore[misc]
    assert op.occupations(job_zone=3).criteria == ("O*NET job zone 3",)


def test_interest_is_the_first_high_point() -> None:
    artistic = op.occupations(interest="Artistic")
    assert list(artistic) == _all(lambda o: _first_high_point(o) == "Artistic")
    assert op.occupations(interest="artistic") == artistic  # type: ignore[arg-type]


def test_entry_education_is_the_projections_category() -> None:
    def entry(o: op.Occupation) -> str | None:
        found = op.education(o.code).entry_requirements
        return found.education if found else None

    for category in ("Master's degree", "No formal educational credential"):
        assert list(op.occupations(education=category)) == _all(
            lambda o, c=category: entry(o) == c  # type: ignore[misc]
        )


def test_the_education_categories_are_those_published() -> None:
    published = {
        e.entry_requirements.education
        for o in op.occupations()
        if (e := op.education(o.code)).entry_requirements
    }
    from occprofile._answers.filters import ENTRY_EDUCATION

    assert published == set(ENTRY_EDUCATION)


@pytest.mark.parametrize(
    ("word", "flags"),
    [
        ("Python", {}),
        ("python", {"hot_technology": True}),
        ("Excel", {"in_demand": True}),
        ("C++", {}),
    ],
)
def test_technology_by_name(word: str, flags: dict[str, bool]) -> None:
    hot = flags.get("hot_technology", False)
    demand = flags.get("in_demand", False)
    found = op.occupations(technology=word, hot_technology=hot, in_demand=demand)
    assert found
    assert list(found) == _all(lambda o: _uses(o, word, hot=hot, in_demand=demand))
    assert word in found.criteria[0]


def test_technology_names_are_whole_words() -> None:
    c = {o.code for o in op.occupations(technology="C")}
    cpp = {o.code for o in op.occupations(technology="C++")}
    assert c != cpp
    for code in c:
        assert any(
            "c" in re.findall(r"[0-9a-z+#]+(?:\.[0-9a-z+#]+)*", n.casefold())
            for t in _profile(code).technology_skills
            for n in (t.example, t.commodity_title or "")
        )


def test_technology_by_commodity_title() -> None:
    spreadsheets = op.occupations(technology="Spreadsheet software")
    assert list(spreadsheets) == _all(
        lambda o: any(
            (t.commodity_title or "").casefold() == "spreadsheet software"
            for t in _profile(o.code).technology_skills
        )
    )


def test_hot_technology_alone() -> None:
    hot = op.occupations(hot_technology=True)
    assert list(hot) == _all(lambda o: any(t.hot for t in _profile(o.code).technology_skills))
    assert len(hot) < len(op.occupations())


def _all_occupations_change(upstream: Path) -> tuple[float, float]:
    """The all-occupations percent change of the raw 2024-34 workbook: of the sum of its
    detailed rows (Table 1.2's line items), and as its total row publishes it."""
    rows = table_1_2_rows(upstream)
    items = [r for r in rows if r[2] == "Line item"]
    (total,) = [r for r in rows if r[1] == "00-0000"]
    start = sum(float(r[3]) for r in items)
    end = sum(float(r[4]) for r in items)
    return (end / start - 1) * 100, float(total[8])


@pytest.mark.upstream
def test_outlook_flags_against_the_raw_projections(upstream: Path) -> None:
    average, published = _all_occupations_change(upstream)
    assert round(average, 1) == published == 3.1  # BLS's published all-occupations change

    def change(o: op.Occupation) -> float | None:
        p = _projection(o.code)
        return p.percent_change.value if p else None

    def openings(o: op.Occupation) -> float:
        p = _projection(o.code)
        return (p.annual_openings_thousands.value or 0.0) if p else 0.0

    rules: dict[str, Callable[[op.Occupation], bool]] = {
        "growing": lambda o: (c := change(o)) is not None and c > 0,
        "declining": lambda o: (c := change(o)) is not None and c < 0,
        "faster_than_average": lambda o: (c := change(o)) is not None and c > average,
        "much_faster_than_average": lambda o: (c := change(o)) is not None and c >= 2 * average,
        "many_openings": lambda o: change(o) is not None and openings(o) >= 20,
        "bright": lambda o: (
            (c := change(o)) is not None and (c >= 2 * average or openings(o) >= 20)
        ),
    }
    for flag, rule in rules.items():
        found = op.occupations(outlook=flag)  # type: ignore[arg-type]
        assert list(found) == _all(rule), flag
        assert f"{flag!r}" in found.criteria[0]
    bright = op.occupations(outlook="bright").criteria[0]
    assert f"{2 * average:.2f}%" in bright
    assert f"the all-occupations {average:.2f}%" in bright
    assert "20.0 thousand" in bright
    assert "not O*NET's Bright Outlook designation" in bright


def test_filters_combine() -> None:
    found = op.occupations("15", job_zone=4, technology="Python", outlook="growing")
    assert found
    for o in found:
        assert o.soc_code.startswith("15-")
        assert _zone(o) == 4
        assert _uses(o, "Python")
        p = _projection(o.code)
        assert p is not None
        assert (p.percent_change.value or 0) > 0
    assert len(found.criteria) == 4


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"outlook": "bright_outlook"}, op.InvalidArgumentError, "Did you mean 'bright'"),
        ({"outlook": True}, op.ArgumentTypeError, "outlook"),
        ({"technology": " / "}, op.InvalidArgumentError, "technology"),
        ({"technology": ""}, op.InvalidArgumentError, "technology"),
        ({"technology": ["Python"]}, op.ArgumentTypeError, "technology"),
        ({"hot_technology": "yes"}, op.ArgumentTypeError, "hot_technology"),
        ({"in_demand": 1}, op.ArgumentTypeError, "in_demand"),
        ({"job_zone": 0}, op.InvalidArgumentError, "job_zone"),
        ({"job_zone": 2.0}, op.ArgumentTypeError, "job_zone"),
        ({"education": "bachelor's degree"}, op.InvalidArgumentError, "Bachelor's degree"),
        ({"interest": "Practical"}, op.InvalidArgumentError, "interest"),
        ({"group": 29}, op.ArgumentTypeError, "group"),
    ],
)
def test_bad_filters_fail_before_any_data_is_read(
    reading_nothing: op.Dataset, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        reading_nothing.occupations(**kwargs)


def test_selections_are_read_only_tables() -> None:
    found = op.occupations(job_zone=1)
    with pytest.raises(AttributeError):
        found.criteria = ()
    records = found.to_records()
    assert len(records) == len(found)
    assert records[0]["code"] == found[0].code


def test_filters_on_onet_facts_leave_the_career_modules_unloaded() -> None:
    """Job zone, interest and technology read O*NET only; the projections filters load
    the career modules (as outlook() does)."""
    career = ("occprofile.career", "occprofile._answers.other_releases")
    check = f"print(sorted(m for m in {career!r} if m in sys.modules))"
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, occprofile as op\n"
            "op.occupations('29', job_zone=3, interest='Social', technology='Excel')\n"
            f"{check}\n"
            "op.occupations(outlook='growing')\n"
            f"{check}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.splitlines() == ["[]", "['occprofile._answers.other_releases', 'occprofile.career']"]
