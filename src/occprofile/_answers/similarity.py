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

Vector = tuple[float | None, ...]


def centred(domain: SimilarityDomain) -> dict[str, Vector]:
    """Every row minus each element's mean over the occupations that rate it."""
    width = len(domain.elements)
    sums = [0.0] * width
    counts = [0] * width
    for row in domain.rows.values():
        for i, value in enumerate(row):
            if value is not None:
                sums[i] += value
                counts[i] += 1
    means = [s / c if c else 0.0 for s, c in zip(sums, counts, strict=True)]
    return {
        code: tuple(None if v is None else v - m for v, m in zip(row, means, strict=True))
        for code, row in domain.rows.items()
    }


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
    target: str, vectors: Mapping[str, Vector], exclude: Iterable[str] = ()
) -> list[tuple[float, int, str]]:
    """(similarity, elements compared, code) for every other occupation, most similar first.

    Ties are broken by code so the order is deterministic.
    """
    skip = {target, *exclude}
    base = vectors[target]
    scored = []
    for code, vector in vectors.items():
        if code in skip:
            continue
        result = cosine(base, vector)
        if result is not None:
            scored.append((result[0], result[1], code))
    scored.sort(key=lambda t: (-t[0], t[2]))
    return scored
