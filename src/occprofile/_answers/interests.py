"""Occupations by interest profile: ``match_interests``, occprofile's own method.

O*NET rates every occupation on the six RIASEC Occupational Interests (scale
OI, 1-7). Closeness to the scores given is the root-mean-square difference
over the interests given (so one score alone ranks by nearness on that
interest, and a 7 is not a 4: the level counts, not only the shape), turned
into a similarity ``1 - difference / 6``. This is not O*NET's Interest
Profiler, which scores answers to its 60 questions, not scores on the 1-7 scale.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._matching.arguments import check_n
from ..errors import ArgumentTypeError, InvalidArgumentError
from ..models import RIASEC
from .filters import occupation_facts

if TYPE_CHECKING:
    from ..career import InterestMatches
    from .sources import Sources

#: The Occupational Interest scale's range.
LOWEST, HIGHEST = 1.0, 7.0

METHOD = (
    "root-mean-square difference from the occupation's O*NET Occupational Interest "
    "scores (1-7) over the interests given; similarity = 1 - difference / 6 "
    "(occprofile's method, not O*NET's Interest Profiler scoring)"
)


def check_scores(scores: Mapping[str, object]) -> tuple[tuple[str, float], ...]:
    """The scores given (``None``: not given), as (RIASEC name, value) in RIASEC order."""
    given = []
    for interest in RIASEC:
        value = scores.get(interest.lower())
        if value is None:
            continue
        name = interest.lower()
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ArgumentTypeError(
                f"{name} must be a number from 1 to 7, not {type(value).__name__}: {value!r}"
            )
        if not (math.isfinite(value) and LOWEST <= value <= HIGHEST):
            raise InvalidArgumentError(
                f"{name} must be from 1 to 7 (O*NET's Occupational Interest scale), got {value!r}"
            )
        given.append((interest, float(value)))
    if not given:
        names = ", ".join(f"{r.lower()}=" for r in RIASEC)
        raise InvalidArgumentError(f"Give at least one interest score (1-7): {names}.")
    return tuple(given)


def match_interests(src: Sources, given: tuple[tuple[str, float], ...], n: int) -> InterestMatches:
    """The ``n`` occupations whose interest scores are closest to ``given``; ties by code."""
    from ..career import InterestMatch, InterestMatches

    check_n(n)

    def compute() -> InterestMatches:
        where = [(RIASEC.index(name), value) for name, value in given]
        index = src.occupations().onet
        scored = []
        for code, facts in occupation_facts(src).items():
            scores = facts.interest_scores
            if scores is not None:
                squares = sum((scores[i] - value) ** 2 for i, value in where)
                scored.append((math.sqrt(squares / len(where)), code, scores, facts.high_point))
        scored.sort(key=lambda s: s[:2])
        return InterestMatches(
            (
                InterestMatch(
                    index[code],
                    1 - difference / (HIGHEST - LOWEST),
                    difference,
                    realistic=scores[0],
                    investigative=scores[1],
                    artistic=scores[2],
                    social=scores[3],
                    enterprising=scores[4],
                    conventional=scores[5],
                    high_point=high,
                )
                for difference, code, scores, high in scored[:n]
            ),
            given=given,
            method=METHOD,
        )

    return src.store.memo(("match_interests", given, n), compute)
