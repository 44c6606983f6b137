"""``similar_by_ratings`` scores exactly as the algorithm before the stored hundredths and
the filtered ranking did: every score to the last bit, the order and the elements compared.

The reference below is that algorithm as it was (values parsed from decimal text,
each element's mean added with ``functools.reduce``, the centred vectors joined
and every pair scored by a loop over the positions both have), run on the packaged
values decoded here without the library's reader.
"""

from __future__ import annotations

import binascii
import functools
import gzip
import itertools
import math
import operator
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import pytest

import occprofile as op
from occprofile._answers import similarity
from occprofile._store.career_schema import SimilarityDomain
from occprofile._store.importance import MISSING

DOMAINS: tuple[op.RatingDomain, ...] = ("skills", "knowledge", "abilities")
#: Every non-empty combination of the domains, in their canonical order.
COMBINATIONS = [c for r in (1, 2, 3) for c in itertools.combinations(DOMAINS, r)]

Vector = tuple[float | None, ...]


def text_value(h: int) -> float:
    """Hundredths ``h`` as the old file had them: the JSON number ``d.dd`` parsed."""
    return float(f"{h // 100}.{h % 100:02d}")


def stored_integers(text: str, n: int, width: int) -> list[list[int]]:
    """A domain's stored integers, column by column (docs/data-format.md)."""
    raw = binascii.a2b_base64(text)
    size = n * width
    assert len(raw) == 2 * size
    values = [raw[i] | raw[size + i] << 8 for i in range(size)]
    return [values[j * n : (j + 1) * n] for j in range(width)]


@cache
def packaged() -> dict[str, Any]:
    import json

    raw = (files("occprofile") / "data" / "similarity.json.gz").read_bytes()
    document: dict[str, Any] = json.loads(gzip.decompress(raw))
    return document["domains"]  # type: ignore[no-any-return]


@cache
def old_rows(domain: str) -> dict[str, list[float | None]]:
    """Code -> the row the old similarity.json.gz held (values parsed from their text)."""
    table = packaged()[domain]
    codes, width = table["codes"], len(table["elements"])
    columns = stored_integers(table["importance"], len(codes), width)
    return {
        code: [None if c[i] == MISSING else text_value(c[i]) for c in columns]
        for i, code in enumerate(codes)
    }


# -- the old algorithm, as it was ---------------------------------------------------------


def ref_centred(rows: Mapping[str, Sequence[float | None]]) -> dict[str, Vector]:
    codes, values = list(rows), list(rows.values())
    if not values or not values[0]:
        return dict.fromkeys(codes, ())
    columns = []
    for column in zip(*values, strict=True):
        rated = [v for v in column if v is not None]
        mean = functools.reduce(operator.add, rated, 0.0) / len(rated) if rated else 0.0
        columns.append([None if v is None else v - mean for v in column])
    return dict(zip(codes, zip(*columns, strict=True), strict=True))


def ref_joined(matrices: Sequence[Mapping[str, Vector]]) -> dict[str, Vector]:
    widths = [len(next(iter(m.values()))) if m else 0 for m in matrices]
    out: dict[str, Vector] = {}
    for code in sorted({code for m in matrices for code in m}):
        parts: list[float | None] = []
        for matrix, width in zip(matrices, widths, strict=True):
            parts.extend(matrix.get(code, (None,) * width))
        out[code] = tuple(parts)
    return out


def ref_cosine(a: Vector, b: Vector) -> tuple[float, int] | None:
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


def ref_ranked(target: str, vectors: Mapping[str, Vector]) -> list[tuple[float, int, str]]:
    base = vectors[target]
    scored = []
    for code, vector in vectors.items():
        if code == target:
            continue
        result = ref_cosine(base, vector)
        if result is not None:
            scored.append((result[0], result[1], code))
    scored.sort(key=lambda t: (-t[0], t[2]))
    return scored


@cache
def ref_vectors(domains: tuple[str, ...]) -> dict[str, Vector]:
    return ref_joined([ref_centred(old_rows(d)) for d in domains])


# -- the claims ---------------------------------------------------------------------------


def test_hundredths_give_the_floats_the_decimal_text_gave() -> None:
    """h / 100 is the float parsed from "d.dd", for every stored value and every uint16."""
    stored = {
        h
        for table in packaged().values()
        for column in stored_integers(
            table["importance"], len(table["codes"]), len(table["elements"])
        )
        for h in column
    }
    assert len(stored) > 300
    assert MISSING not in stored
    for h in stored:
        assert h / 100 == text_value(h), h
    assert all(h / 100 == text_value(h) for h in range(MISSING))


def test_the_stored_values_are_the_profiles_importance() -> None:
    for code in ("43-6013.00", "29-1141.00", "47-2061.00", "11-1011.00"):
        profile = op.profile(code)
        for domain in DOMAINS:
            elements = packaged()[domain]["elements"]
            row = dict(zip(elements, old_rows(domain)[code], strict=True))
            section: op.RatingSection = getattr(profile, domain)
            published = {
                r.element.id: r.importance.value for r in section if r.importance is not None
            }
            assert {e: v for e, v in row.items() if v is not None} == published


@pytest.mark.parametrize("domains", COMBINATIONS, ids="+".join)
def test_rankings_are_the_old_algorithm_to_the_last_bit(domains: tuple[str, ...]) -> None:
    vectors = ref_vectors(domains)
    codes = sorted(vectors)
    ds = op.Dataset()
    for target in [*codes[::45], "43-6013.00"]:
        expected = ref_ranked(target, vectors)
        for n in (1, 10, 37):
            got = ds.similar_by_ratings(target, n, domains=domains)  # type: ignore[arg-type]
            assert [(m.similarity, m.elements, m.occupation.code) for m in got] == expected[:n]
    for target in codes[::300]:
        whole = ds.similar_by_ratings(target, 10_000, domains=domains)  # type: ignore[arg-type]
        got_all = [(m.similarity, m.elements, m.occupation.code) for m in whole]
        assert got_all == ref_ranked(target, vectors)


def test_the_comparison_tells_summation_orders_apart() -> None:
    """The comparison above is exact: means added another way (``math.fsum``, correctly
    rounded) give some scores that differ in their last bits, and the library's are
    the reference's, not those."""
    rows = old_rows("skills")
    codes, values = list(rows), list(rows.values())
    columns = []
    for column in zip(*values, strict=True):
        mean = math.fsum(column) / len(column)
        columns.append([v - mean for v in column])
    fsum_vectors: dict[str, Vector] = dict(zip(codes, zip(*columns, strict=True), strict=True))
    targets = codes[::60]
    fsum = {t: ref_ranked(t, fsum_vectors)[:10] for t in targets}
    exact = {t: ref_ranked(t, ref_vectors(("skills",)))[:10] for t in targets}
    assert fsum != exact  # the orders differ somewhere, so the test above would notice
    ds = op.Dataset()
    for t in targets:
        got = ds.similar_by_ratings(t, 10, domains=["skills"])
        assert [(m.similarity, m.elements, m.occupation.code) for m in got] == exact[t]


# -- made-up data: gaps, ties, an occupation at the mean -----------------------------------


def stored_domain(codes: Sequence[str], rows: Sequence[Sequence[float | None]]) -> SimilarityDomain:
    from databuild.similarity import encode_values

    width = len(rows[0]) if rows else 0
    columns = [[row[j] for row in rows] for j in range(width)]
    text = encode_values(columns, "test")
    return SimilarityDomain(tuple(f"e{j}" for j in range(width)), tuple(codes), text)


def made_up(seed: int, n: int, width: int, gaps: bool) -> list[list[float | None]]:
    import random

    rng = random.Random(seed)
    rows: list[list[float | None]] = [
        [rng.choice([1.0, 1.12, 1.25, 2.5, 3.38, 3.88, 4.75, 5.0]) for _ in range(width)]
        for _ in range(n)
    ]
    rows[3] = list(rows[1])  # a tie
    if gaps:
        rows[2][0] = None
        rows[4] = [None] * width
    return rows


@pytest.mark.parametrize("gaps", [False, True])
def test_made_up_domains_rank_as_the_old_algorithm(gaps: bool) -> None:
    codes = [f"{i:02d}-0000.00" for i in range(40)]
    first, second = made_up(1, 40, 6, gaps), made_up(2, 40, 3, False)
    domains = [stored_domain(codes, first), stored_domain(codes[:-5], second[:-5])]
    for chosen in ([domains[0]], domains):
        vectors = similarity.vectors(chosen)
        assert isinstance(vectors, similarity.Columns) is (not gaps and len(chosen) == 1)
        rows = [
            dict(zip(d.codes, r, strict=True))
            for d, r in zip(chosen, [first, second[:-5]][: len(chosen)], strict=True)
        ]
        reference = ref_joined([ref_centred(r) for r in rows])
        for target in codes[:6]:
            if not any(v is not None for v in reference[target]):
                continue
            expected = ref_ranked(target, reference)
            for n in (1, 2, 5, 100):
                assert similarity.ranked(target, vectors, n)[:n] == expected[:n]


def test_an_occupation_at_the_mean_ranks_without_the_filter() -> None:
    codes = ["a", "b", "c"]
    rows: list[list[float | None]] = [[1.0, 2.0], [3.0, 4.0], [2.0, 3.0]]
    vectors = similarity.vectors([stored_domain(codes, rows)])
    assert isinstance(vectors, similarity.Columns)
    assert vectors.margin == math.inf  # "c" is the mean vector: no bound, every pair scored
    reference = ref_centred(dict(zip(codes, rows, strict=True)))
    assert similarity.ranked("a", vectors, 1) == ref_ranked("a", reference) == [(-1.0, 2, "b")]


def test_the_packaged_data_is_ranked_through_the_filter() -> None:
    """The comparisons above exercise the filter: the packaged data is complete, its
    bound tiny, and a first 10 scores about 10 occupations, not 878."""
    from occprofile._store.career_schema import SimilarityFile
    from occprofile._store.store import Store

    file = Store().read("similarity.json.gz", SimilarityFile)
    vectors = similarity.vectors([file.domains[d] for d in DOMAINS])
    assert isinstance(vectors, similarity.Columns)
    assert 0 < vectors.margin < 1e-8
    target = vectors.index["43-6013.00"]
    others = [i for i in range(len(vectors.codes)) if i != target]
    assert 10 <= len(vectors._near(target, 10, others)) <= 15


@pytest.mark.parametrize("domains", COMBINATIONS, ids="+".join)
def test_the_approximate_scores_are_well_within_the_margin(domains: tuple[str, ...]) -> None:
    """The filter's premise, checked on the packaged data: every approximate score is
    within the margin of the score (here within an eighth of it, the margin's own
    safety factor), for every pair with a few targets."""
    from occprofile._store.career_schema import SimilarityFile
    from occprofile._store.store import Store

    file = Store().read("similarity.json.gz", SimilarityFile)
    vectors = similarity.vectors([file.domains[d] for d in domains])
    assert isinstance(vectors, similarity.Columns)
    assert math.isfinite(vectors.margin)
    for target in [*vectors.codes[::97], "43-6013.00"]:
        t = vectors.index[target]
        approx = vectors.approximate(t)
        scores = {code: score for score, _, code in vectors.ranked(target, None)}
        worst = max(abs(approx[vectors.index[c]] - s) for c, s in scores.items())
        assert worst <= vectors.margin / 8, (target, worst, vectors.margin)
