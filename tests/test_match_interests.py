"""Occupations by interest profile (``op.match_interests``): the scores of an
occupation find it first, the ranking against brute force, arguments checked."""

from __future__ import annotations

import math
from typing import Any

import pytest

import occprofile as op

NAMES = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")


def scores_of(code: str) -> dict[str, Any]:
    """An occupation's six Occupational Interest scores, by argument name."""
    return {i.element.name.lower(): i.value for i in op.profile(code).interests if i.scale == "OI"}


@pytest.mark.parametrize("code", ["43-6013.00", "27-1013.00", "47-2061.00", "15-1252.00"])
def test_an_occupations_own_scores_rank_it_first(code: str) -> None:
    own = scores_of(code)
    assert set(own) == set(NAMES)
    matches = op.match_interests(**own)
    first = matches[0]
    assert first.occupation.code == code
    assert first.difference == 0
    assert first.similarity == 1
    assert matches[1].difference > 0
    assert [getattr(first, n) for n in NAMES] == [own[n] for n in NAMES]
    high = next(
        i.high_point for i in op.profile(code).interests if i.element.name.startswith("First")
    )
    assert first.high_point == high


def test_the_ranking_against_brute_force() -> None:
    given = {"artistic": 6.5, "social": 2.0, "investigative": 4.0}
    expected = []
    for occ in op.occupations():
        own = scores_of(occ.code)
        if own:
            rms = math.sqrt(sum((own[k] - v) ** 2 for k, v in given.items()) / len(given))
            expected.append((rms, occ.code))
    expected.sort()
    matches = op.match_interests(n=25, **given)
    assert [(m.occupation.code) for m in matches] == [c for _, c in expected[:25]]
    for m, (rms, _) in zip(matches, expected, strict=False):
        assert m.difference == pytest.approx(rms)
        assert m.similarity == pytest.approx(1 - rms / 6)


def test_one_score_ranks_by_nearness_on_that_interest() -> None:
    matches = op.match_interests(realistic=7, n=50)
    values = [m.realistic for m in matches]
    assert values == sorted(values, key=lambda v: abs(v - 7))
    assert len(matches) == 50


def test_the_method_and_scores_are_stated() -> None:
    matches = op.match_interests(social=6, enterprising=5.5)
    assert matches.given == (("Social", 6.0), ("Enterprising", 5.5))
    assert "root-mean-square" in matches.method
    assert "not O*NET's Interest Profiler" in matches.method
    assert repr(matches).startswith("InterestMatches(10 occupations: ")
    records = matches.to_records()
    assert {"occupation_code", "similarity", "difference", "realistic", "high_point"} <= set(
        records[0]
    )


def test_unrated_occupations_are_left_out() -> None:
    unrated = {o.code for o in op.occupations() if not scores_of(o.code)}
    assert unrated
    everything = op.match_interests(conventional=4, n=2000)
    assert len(everything) == 1016 - len(unrated)
    assert not unrated & {m.occupation.code for m in everything}


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({}, op.InvalidArgumentError, "at least one"),
        ({"realistic": None}, op.InvalidArgumentError, "at least one"),
        ({"realistic": 0.5}, op.InvalidArgumentError, "from 1 to 7"),
        ({"social": 8}, op.InvalidArgumentError, "from 1 to 7"),
        ({"social": math.nan}, op.InvalidArgumentError, "from 1 to 7"),
        ({"artistic": math.inf}, op.InvalidArgumentError, "from 1 to 7"),
        ({"artistic": "7"}, op.ArgumentTypeError, "artistic"),
        ({"artistic": True}, op.ArgumentTypeError, "artistic"),
        ({"artistic": 5, "n": 0}, op.InvalidArgumentError, "n must"),
        ({"artistic": 5, "n": 2.5}, op.ArgumentTypeError, "n must"),
    ],
)
def test_bad_scores_fail_before_any_data_is_read(
    reading_nothing: op.Dataset, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        reading_nothing.match_interests(**kwargs)
