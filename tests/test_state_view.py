"""The state view (``op.state_view``): a state's estimate and its metro and
nonmetro areas ranked by employment, and notes on what is missing.

Only the public API is used (``occprofile`` and ``occprofile.Dataset``).
The test marked ``upstream`` re-reads the OEWS May 2025 SQLite in ../shared/data
and compares it with the answers.
"""

from __future__ import annotations

import sqlite3

import pytest

import occprofile as op


@pytest.mark.parametrize(
    ("occupation", "state"),
    [("43-6013", "CA"), ("43-6013", "New Jersey"), ("43-6013", "AL"), ("29-1141", "TX")],
)
def test_state_view_ranks_and_areas(occupation: str, state: str) -> None:
    view = op.state_view(occupation, state)
    where = op.state(state)
    postal = where.states[0]
    assert view.state == where
    assert view.occupation == op.wage_occupation(occupation)
    assert view.estimate == op.estimate(occupation, where.code)
    assert view.metros, "every one of these states has metros with estimates"
    for kind, ranked in ((op.AreaKind.METRO, view.metros), (op.AreaKind.NONMETRO, view.nonmetro)):
        assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))
        assert len({r.area.code for r in ranked}) == len(ranked)
        for r in ranked:
            assert r.area.kind is kind
            assert postal in r.area.states
            assert r.by == "employment"
            assert r.ranked_value == r.estimate.employment
            assert r.estimate == op.estimate(occupation, r.area.code)
        released = [v for r in ranked if (v := r.ranked_value.value) is not None]
        assert released == sorted(released, reverse=True)
        # unreleased figures come after every released one
        flags = [r.ranked_value.released for r in ranked]
        assert flags == sorted(flags, reverse=True)
    in_state = {a.code for a in op.metros(postal)}
    assert {r.area.code for r in view.metros} <= in_state


def test_state_view_unreleased_metro_ranks_last() -> None:
    view = op.state_view("43-6013", "AL")
    assert not view.metros[-1].ranked_value.released
    assert all(r.ranked_value.released for r in view.metros[:-1])


@pytest.mark.parametrize(
    ("occupation", "state"), [("43-6013", "CA"), ("43-6013", "NJ"), ("29-1141", "TX")]
)
def test_state_view_agrees_with_top_metros(occupation: str, state: str) -> None:
    view = op.state_view(occupation, state)
    assert op.top_metros(occupation, len(view.metros), state=state) == view.metros
    assert op.top_metros(occupation, 3, state=state) == view.metros[:3]
    with_nonmetro = op.top_metros(occupation, 1000, state=state, include_nonmetro=True)
    assert {r.area.code for r in with_nonmetro} == {
        r.area.code for r in view.metros + view.nonmetro
    }


def test_state_view_metros_feed_compare_metros() -> None:
    view = op.state_view("43-6013", "CA")
    first, second = view.metros[0], view.metros[1]
    comparison = op.compare_metros("43-6013", first.area.code, second.area.code)
    assert comparison.a == first.estimate
    assert comparison.b == second.estimate
    a, b = first.estimate.employment.value, second.estimate.employment.value
    assert a is not None
    assert b is not None
    row = comparison.row("employment")
    assert row.difference == a - b > 0
    assert row.ratio == pytest.approx(a / b)
    assert comparison.missing == ()


def test_state_view_state_spellings_agree() -> None:
    view = op.state_view("43-6013", "CA")
    assert op.state_view("43-6013", "California") == view
    assert op.state_view("43-6013", view.state.code) == view
    assert op.state_view("43-6013.00", "CA") == view
    assert op.Dataset().state_view("43-6013", "CA") == view


def test_state_view_says_what_is_missing() -> None:
    """No state row and no area rows: empty parts and a note for each."""
    view = op.state_view("13-1074", "AL")  # farm labor contractors
    assert view.estimate is None
    assert view.metros == ()
    assert view.nonmetro == ()
    assert any("Alabama" in n and "estimate" in n for n in view.notes)
    assert any("metro" in n for n in view.notes)


def test_state_view_unreleased_nonmetro_areas_are_noted() -> None:
    """Washington's only nonmetro row for 45-2091 is unreleased: no ranking, but a note."""
    view = op.state_view("45-2091", "WA")
    assert view.metros
    assert view.nonmetro == ()
    assert any("nonmetro" in n and "Washington" in n for n in view.notes)
    unranked = op.top_metros("45-2091", 100, state="WA", include_nonmetro=True)[-1]
    assert unranked.area.kind is op.AreaKind.NONMETRO
    assert not unranked.ranked_value.released


def test_state_view_without_any_wages() -> None:
    with pytest.raises(op.NoWageDataError):
        op.state_view("55-1011", "CA")
    with pytest.raises(op.UnknownAreaError):
        op.state_view("43-6013", "Atlantis")


@pytest.mark.upstream
def test_state_view_matches_sqlite(oews_db: sqlite3.Connection) -> None:
    """New Jersey's metros (including multi-state ones) and their employment, from SQL."""
    rows = oews_db.execute(
        """
        SELECT a.area_code, a.area_name, c.v01 FROM cell c
        JOIN area a ON a.area_code = substr(c.key, 5, 7)
        WHERE c.key >= 'OEUM' AND c.key < 'OEUN' AND substr(c.key, 12, 12) = '000000436013'
          AND a.area_name NOT LIKE '%nonmetropolitan%'
        """
    ).fetchall()
    in_nj = [r for r in rows if "NJ" in r[1].rsplit(", ", 1)[1].split("-")]
    assert in_nj
    expected = sorted((r for r in in_nj if r[2] != "-"), key=lambda r: (-int(r[2]), r[1]))
    view = op.state_view("43-6013", "NJ")
    got = [(r.area.code, r.area.name, r.estimate.employment.text) for r in view.metros]
    assert got[: len(expected)] == [tuple(r) for r in expected]
    assert len(got) == len(in_nj)


def test_state_view_explains_missing_areas() -> None:
    guam = op.state_view("43-6013", "Guam")
    assert (tuple(guam.metros), tuple(guam.nonmetro)) == ((), ())
    assert "OEWS defines no metro areas in Guam." in guam.notes
    texas = op.state_view("15-1252", "TX")
    missing = len(op.metros(state="TX")) - len(texas.metros)
    assert missing > 0
    assert any(
        n.startswith(f"{missing} of the {len(op.metros(state='TX'))} metro") for n in texas.notes
    )
