"""Rating-profile similarity: "which jobs need what this one needs?".

Each occupation is a vector of O*NET importance ratings (skills, knowledge,
abilities by default). Raw importance vectors all look alike -- every job
needs some Speaking and Reading Comprehension -- so each element's mean over
all rated occupations is subtracted first, and occupations are compared by
the cosine of these centred vectors, over the elements both have rated.
Pure Python: ~900 occupations x ~120 elements is a few milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from .._store.career_schema import SimilarityDomain
from .._store.importance import RESOURCE, decode, floats

Vector = tuple[float | None, ...]
Scored = list[tuple[float, int, str]]


class Rows:
    """Centred vectors by occupation code, gaps ``None``: scored pair by pair."""

    __slots__ = ("rows",)

    def __init__(self, rows: dict[str, Vector]) -> None:
        self.rows = rows

    def __contains__(self, code: str) -> bool:
        return code in self.rows

    def ranked(self, target: str, n: int | None, exclude: Iterable[str] = ()) -> Scored:
        """Every other occupation's (score, elements compared, code), by :func:`cosine`."""
        skip = {target, *exclude}
        base = self.rows[target]
        scored = []
        for code, vector in self.rows.items():
            if code in skip:
                continue
            result = cosine(base, vector)
            if result is not None:
                scored.append((result[0], result[1], code))
        return scored


Vectors = Rows


def vectors(domains: Sequence[SimilarityDomain]) -> Vectors:
    """The vectors of ``domains`` (in that order), joined."""
    parts = [decode(domain, RESOURCE) for domain in domains]
    return Rows(
        joined(
            [
                centred(domain.codes, [floats(c) for c in part.columns], len(domain.elements))
                for domain, part in zip(domains, parts, strict=True)
            ]
        )
    )


def centred(codes: Sequence[str], found: list[list[float | None]], width: int) -> dict[str, Vector]:
    """Every row minus each element's mean over the occupations that rate it (the
    values added in occupation order)."""
    if not width:
        return dict.fromkeys(codes, ())
    result = []
    for column in found:
        rated = [v for v in column if v is not None]
        total = 0.0
        for v in rated:
            total += v
        mean = total / len(rated) if rated else 0.0
        result.append([None if v is None else v - mean for v in column])
    return dict(zip(codes, zip(*result, strict=True), strict=True))


def joined(matrices: Sequence[Mapping[str, Vector]]) -> dict[str, Vector]:
    """One vector per occupation across domains (missing domain: all None)."""
    widths = [len(next(iter(m.values()))) if m else 0 for m in matrices]
    codes = sorted({code for m in matrices for code in m})
    out: dict[str, Vector] = {}
    for code in codes:
        parts: list[float | None] = []
        for matrix, width in zip(matrices, widths, strict=True):
            parts.extend(matrix.get(code, (None,) * width))
        out[code] = tuple(parts)
    return out


def cosine(a: Vector, b: Vector) -> tuple[float, int] | None:
    """Cosine over the positions both vectors have, and how many; None if undefined."""
    dot = na = nb = 0.0
    shared = 0
    for x, y in zip(a, b, strict=True):
        if x is None or y is None:
            continue
        dot += x * y
        na += x * x
        nb += y * y
        shared += 1
    if not shared or na == 0.0 or nb == 0.0:
        return None
    return dot / math.sqrt(na * nb), shared


def ranked(
    target: str, vectors: Vectors, n: int | None = None, exclude: Iterable[str] = ()
) -> Scored:
    """(similarity, elements compared, code) for every other occupation, most similar
    first; given ``n``, at least the first ``n`` of them (exactly as in the whole list).

    Ties are broken by code so the order is deterministic.
    """
    scored = vectors.ranked(target, n, exclude)
    scored.sort(key=lambda t: (-t[0], t[2]))
    return scored
