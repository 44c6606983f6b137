"""Rating-profile similarity: "which jobs need what this one needs?".

Each occupation is a vector of O*NET importance ratings (skills, knowledge,
abilities by default). Raw importance vectors all look alike -- every job
needs some Speaking and Reading Comprehension -- so each element's mean over
all rated occupations is subtracted first, and occupations are compared by
the cosine of these centred vectors, over the elements both have rated.

A score is always :func:`cosine` of the two centred vectors, each element's
mean added in occupation order: the same floats to the last bit whichever way
the ranking is found. Where every occupation has every value (:class:`Columns`,
the packaged data), a ranking of the first ``n`` scores only the occupations
that can be among them: the cosine of each pair, computed from distances in C
(``math.dist``), is within a proven bound (:meth:`Columns.margin`) of the
score, so an occupation more than twice that bound below the ``n``-th best
cannot be in the first ``n``; only those left (about ``n``) are scored. Any
other data (a gap, an occupation missing from a domain) is scored pair by pair
(:class:`Rows`).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sequence
from itertools import repeat

from .._store.career_schema import SimilarityDomain
from .._store.importance import RESOURCE, SCALE, Stored, decode, floats

Vector = tuple[float | None, ...]
Scored = list[tuple[float, int, str]]

#: The unit roundoff of a float (half an ulp of 1).
_U = sys.float_info.epsilon / 2


class Columns:
    """Occupations rated on every element of the domains (in ``codes`` order): each
    one's stored hundredths, each element's mean (added as :func:`centred` adds
    it), and for the filter, each occupation's distance from the mean vector."""

    __slots__ = ("_centred", "codes", "index", "margin", "means", "rows", "spread", "table")

    def __init__(self, codes: Sequence[str], parts: Sequence[Stored]) -> None:
        self.codes = tuple(codes)
        self.index = {code: i for i, code in enumerate(self.codes)}
        n = len(self.codes)
        self.table = table = [h / SCALE for h in range(max((p.bound for p in parts), default=0))]
        columns = [column for p in parts for column in p.columns]
        self.means: list[float] = []
        centre = []
        for column in columns:
            total = 0.0
            for h in column:  # in occupation order, as centred() adds them
                total += table[h]
            self.means.append(total / n if n else 0.0)
            centre.append(sum(column) / n if n else 0.0)  # exact integer sum
        self.rows: list[tuple[int, ...]] = list(zip(*columns, strict=True)) if columns else [()] * n
        self.spread = list(map(math.dist, self.rows, repeat(centre))) if columns else []
        self.margin = _margin(self.spread, len(columns), n, len(table) / SCALE)
        #: each occupation's centred vector, made when first scored and kept
        self._centred: list[Vector | None] = [None] * n

    def __contains__(self, code: str) -> bool:
        return code in self.index

    def centred(self, i: int) -> Vector:
        """Occupation ``i``'s centred vector, as :func:`centred` makes it."""
        found = self._centred[i]
        if found is None:
            table = self.table
            found = self._centred[i] = tuple(
                [table[h] - m for h, m in zip(self.rows[i], self.means, strict=True)]
            )
        return found

    def ranked(self, target: str, n: int | None) -> Scored:
        """Every other occupation's (score, elements compared, code), or at least those
        that can be among the first ``n``."""
        t = self.index[target]
        others = [i for i in range(len(self.codes)) if i != t]
        if n is not None and n < len(others) and math.isfinite(self.margin):
            others = self._near(t, n, others)
        base, codes = self.centred(t), self.codes
        scored = []
        for i in others:
            result = cosine(base, self.centred(i))
            if result is not None:
                scored.append((result[0], result[1], codes[i]))
        return scored

    def approximate(self, t: int) -> list[float]:
        """Every occupation's approximate score with occupation ``t``, from distances:
        within :attr:`margin` of its score (:meth:`_near` relies on it)."""
        rows, spread = self.rows, self.spread
        own = spread[t]
        return [
            (a * a + own * own - d * d) / (2 * a * own)
            for a, d in zip(spread, map(math.dist, rows, repeat(rows[t])), strict=True)
        ]

    def _near(self, t: int, n: int, others: list[int]) -> list[int]:
        """Those of ``others`` whose approximate score is within twice the margin of
        the ``n``-th best one's: no other can score among the first ``n``."""
        approx = self.approximate(t)
        order = sorted(others, key=approx.__getitem__, reverse=True)
        cut = approx[order[n - 1]] - 2 * self.margin
        return [i for i in order if approx[i] >= cut]


def _margin(spread: Sequence[float], width: int, n: int, top: float) -> float:
    """A bound on |approximate score - score| for every pair, or infinity (no filter).

    In hundredths, with u the unit roundoff and A, B the distances of the two
    occupations from the mean vector (``spread``, at least ``low``, at most
    ``high``, each with room for its own rounding):

    - the score is the cosine of the vectors as centred in floats, each value
      within (n + 6) u top of exact (the parse, the mean's n additions and
      division, the subtraction), so each vector within ``moved``; moving a
      vector by e turns its direction by at most 2e / A, so the cosine moves by
      at most 4 moved / low, then by (2 width + 10) u for the dot product's and
      norms' own additions (and the approximate centre, a float of the exact
      mean, is within moved / n of it);
    - the approximate score (A^2 + B^2 - D^2) / 2AB from ``math.dist`` (D the
      distance between the two; each distance within 2u, and D^2 <= 2 (A^2 + B^2))
      is within 11u (A/B + B/A) + 5u of the exact cosine, at most
      (22 high / low + 5) u.

    The margin is eight times their sum; infinity where a vector is too close
    to the mean for the bound to mean anything.
    """
    if not width or not spread or min(spread) <= 0.0:
        return math.inf
    low, high = min(spread) / 2, max(spread) * 2
    moved = math.sqrt(width) * (n + 6) * _U * top * SCALE
    if moved >= low / 1000:
        return math.inf
    bound = 4 * moved / low + (2 * width + 10) * _U + (22 * high / low + 5) * _U
    return 8 * bound


class Rows:
    """Centred vectors by occupation code, gaps ``None``: scored pair by pair."""

    __slots__ = ("rows",)

    def __init__(self, rows: dict[str, Vector]) -> None:
        self.rows = rows

    def __contains__(self, code: str) -> bool:
        return code in self.rows

    def ranked(self, target: str, n: int | None) -> Scored:
        """Every other occupation's (score, elements compared, code), by :func:`cosine`."""
        base = self.rows[target]
        scored = []
        for code, vector in self.rows.items():
            if code == target:
                continue
            result = cosine(base, vector)
            if result is not None:
                scored.append((result[0], result[1], code))
        return scored


Vectors = Columns | Rows


def vectors(domains: Sequence[SimilarityDomain]) -> Vectors:
    """The vectors of ``domains`` (in that order), joined: :class:`Columns` if every
    domain rates the same occupations (in the same order) on every element."""
    parts = [decode(domain, RESOURCE) for domain in domains]
    codes = domains[0].codes if domains else ()
    if all(p.complete for p in parts) and all(d.codes == codes for d in domains):
        return Columns(codes, parts)
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


def ranked(target: str, vectors: Vectors, n: int | None = None) -> Scored:
    """(similarity, elements compared, code) for every other occupation, most similar
    first; given ``n``, at least the first ``n`` of them (exactly as in the whole list).

    Ties are broken by code so the order is deterministic.
    """
    scored = vectors.ranked(target, n)
    scored.sort(key=lambda t: (-t[0], t[2]))
    return scored
