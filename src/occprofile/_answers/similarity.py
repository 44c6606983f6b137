"""Rating-profile similarity: "which jobs need what this one needs?".

Each occupation is a vector of O*NET importance ratings (skills, knowledge,
abilities by default). Raw importance vectors all look alike -- every job
needs some Speaking and Reading Comprehension -- so each element's mean over
all rated occupations is subtracted first, and occupations are compared by
the cosine of these centred vectors, over the elements both have rated.
Pure Python: ~900 occupations x ~120 elements is a few milliseconds.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Iterable, Mapping, Sequence

from .._store.career_schema import SimilarityDomain
from ..errors import DataIntegrityError

Vector = tuple[float | None, ...]


def centred(domain: SimilarityDomain) -> dict[str, Vector]:
    """Every row minus each element's mean over the occupations that rate it.

    Worked a column at a time (the first similarity question's main cost was a
    Python step per value); the sums add the same values in the same order.
    """
    width = len(domain.elements)
    codes, rows = list(domain.rows), list(domain.rows.values())
    if any(len(row) != width for row in rows):
        raise DataIntegrityError(
            f"a similarity row does not have the {width} values of its elements",
            resource="similarity.json.gz",
        )
    if not width:
        return dict.fromkeys(codes, ())
    columns = []
    for column in zip(*rows, strict=True):
        rated = [v for v in column if v is not None]
        mean = functools.reduce(operator.add, rated, 0.0) / len(rated) if rated else 0.0
        columns.append([None if v is None else v - mean for v in column])
    return dict(zip(codes, zip(*columns, strict=True), strict=True))


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
