"""Similar occupations by their ratings (``op.similar_by_ratings``): centred cosine
similarity of importance vectors, its ranking and its argument checks.

Only the public API is used (``occprofile`` and ``occprofile.Dataset``).
The test marked ``upstream`` recomputes scores from the importance supplement in
../shared/data, so a build bug cannot hide behind the same bug in the build's own
checks.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

import occprofile as op

#: The rating domains compared by default (also the names of the Profile sections).
DEFAULT_DOMAINS: tuple[op.RatingDomain, ...] = ("skills", "knowledge", "abilities")
#: Column prefixes of importance_wide_29.csv, per domain.
WIDE_PREFIX = {"skills": "Skill: ", "knowledge": "Knowledge: ", "abilities": "Ability: "}


def centred_cosine(
    a: Mapping[str, float], b: Mapping[str, float], means: Mapping[str, float]
) -> float:
    """Cosine of two importance vectors after subtracting each element's mean."""
    shared = sorted(set(a) & set(b))
    xs = [a[k] - means[k] for k in shared]
    ys = [b[k] - means[k] for k in shared]
    dot = sum(x * y for x, y in zip(xs, ys, strict=True))
    return dot / math.sqrt(sum(x * x for x in xs) * sum(y * y for y in ys))


def profile_importance(code: str, domains: Sequence[str]) -> dict[str, float]:
    """Element id -> importance value, from ``op.profile`` (rated elements only)."""
    profile = op.profile(code)
    out: dict[str, float] = {}
    for domain in domains:
        section: op.RatingSection = getattr(profile, domain)
        for rating in section:
            if rating.importance is not None:
                out[rating.element.id] = rating.importance.value
    return out


def packaged_tables() -> dict[str, tuple[list[str], list[str], list[list[float]]]]:
    """Per domain: element ids, codes and each element's column of importance values,
    decoded from the stored hundredths (docs/data-format.md; every value is there)."""
    import binascii

    raw = (files("occprofile") / "data" / "similarity.json.gz").read_bytes()
    document = json.loads(gzip.decompress(raw))
    tables = {}
    for domain, table in document["domains"].items():
        codes, elements = table["codes"], table["elements"]
        data = binascii.a2b_base64(table["importance"])
        size = len(codes) * len(elements)
        values = [(data[i] | data[size + i] << 8) / 100 for i in range(size)]
        n = len(codes)
        tables[domain] = (
            elements,
            codes,
            [values[j * n : (j + 1) * n] for j in range(len(elements))],
        )
    return tables


@cache
def packaged_means() -> dict[str, dict[str, float]]:
    """Per domain, element id -> mean importance over every row of the packaged
    similarity resource (the occupations with ratings)."""
    return {
        domain: {e: sum(c) / len(c) for e, c in zip(elements, columns, strict=True)}
        for domain, (elements, _, columns) in packaged_tables().items()
    }


@cache
def packaged_rows() -> dict[str, dict[str, dict[str, float]]]:
    """Per domain, occupation -> element id -> importance, as packaged."""
    return {
        domain: {
            code: {e: c[i] for e, c in zip(elements, columns, strict=True)}
            for i, code in enumerate(codes)
        }
        for domain, (elements, codes, columns) in packaged_tables().items()
    }


def full_ranking(
    code: str, domains: Sequence[op.RatingDomain] = DEFAULT_DOMAINS
) -> dict[str, float]:
    """Every other rated occupation's similarity to ``code``."""
    return {
        m.occupation.code: m.similarity
        for m in op.similar_by_ratings(code, 10_000, domains=domains)
    }


@pytest.mark.parametrize("code", ["43-6013.00", "29-1141.00", "11-1011.00", "47-2061.00"])
def test_similar_by_ratings_properties(code: str) -> None:
    matches = op.similar_by_ratings(code, 25)
    assert len(matches) == 25
    assert code not in {m.occupation.code for m in matches}
    scores = [m.similarity for m in matches]
    assert all(-1.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    own = profile_importance(code, DEFAULT_DOMAINS)
    for m in matches:
        assert m.domains == DEFAULT_DOMAINS
        other = profile_importance(m.occupation.code, DEFAULT_DOMAINS)
        assert m.elements == len(set(own) & set(other)) > 0


def test_similar_by_ratings_whole_ranking() -> None:
    """Every rated occupation but itself, best first, with negative scores at the end."""
    ranking = op.similar_by_ratings("43-6013", 10_000)
    assert len(ranking) == len(packaged_rows()["skills"]) - 1
    assert ranking[-1].similarity < 0 < ranking[0].similarity
    assert op.similar_by_ratings("43-6013", 5) == ranking[:5]


def test_similarity_is_symmetric() -> None:
    for a, b in [("43-6013.00", "43-6014.00"), ("43-6013.00", "47-2061.00")]:
        forward = full_ranking(a)[b]
        backward = full_ranking(b)[a]
        assert forward == pytest.approx(backward, abs=1e-12)


@pytest.mark.parametrize(
    ("a", "b", "domains"),
    [
        ("43-6013.00", "43-6014.00", DEFAULT_DOMAINS),
        ("43-6013.00", "47-2061.00", DEFAULT_DOMAINS),
        ("29-1141.00", "31-1131.00", ("knowledge",)),
        ("15-1251.00", "17-2061.00", ("skills", "abilities")),
    ],
)
def test_similarity_recomputed_from_profiles(
    a: str, b: str, domains: tuple[op.RatingDomain, ...]
) -> None:
    """One score recomputed here: profile importances, centred on the packaged means."""
    means: dict[str, float] = {}
    for domain in domains:
        means |= packaged_means()[domain]
        # the packaged rows are the profiles' importances
        for code in (a, b):
            assert packaged_rows()[domain][code] == profile_importance(code, [domain])
    expected = centred_cosine(profile_importance(a, domains), profile_importance(b, domains), means)
    assert full_ranking(a, domains)[b] == pytest.approx(expected, abs=1e-9)


def test_domain_order_and_duplicates_do_not_matter() -> None:
    canonical = op.similar_by_ratings("43-6013", 5, domains=("skills", "abilities"))
    assert canonical[0].domains == ("skills", "abilities")
    shuffled = op.similar_by_ratings("43-6013", 5, domains=["abilities", "skills", "skills"])
    assert shuffled == canonical
    assert canonical != op.similar_by_ratings("43-6013", 5)


def test_unrated_occupation_raises_no_ratings_error() -> None:
    with pytest.raises(op.NoRatingsError) as info:
        op.similar_by_ratings("15-1252.00")
    assert isinstance(info.value, LookupError)
    assert info.value.domains == DEFAULT_DOMAINS
    assert "15-1252" in str(info.value)
    assert not op.profile("15-1252.00").skills.available


@pytest.mark.parametrize("domains", [(), ("skill",), ("work_styles",), ("skills", "tasks")])
def test_bad_domains_are_value_errors(domains: tuple[str, ...]) -> None:
    with pytest.raises(op.InvalidArgumentError):
        op.similar_by_ratings("43-6013", domains=domains)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="domains"):
        op.similar_by_ratings("43-6013", domains=domains)  # type: ignore[arg-type]


@pytest.mark.parametrize("domains", ["skills", 3, None])
def test_domains_of_the_wrong_type(domains: Any) -> None:
    with pytest.raises(TypeError, match="domains"):
        op.similar_by_ratings("43-6013", domains=domains)


@pytest.mark.upstream
def test_similarity_recomputed_from_wide_table(upstream: Path) -> None:
    """Scores recomputed from importance_wide_29.csv alone (means over its rated rows)."""
    path = upstream / "onet-29.3-supplement" / "importance_wide_29.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = {r["O*NET-SOC Code"]: r for r in csv.DictReader(fh)}
    columns = [c for c in next(iter(rows.values())) if c.startswith(tuple(WIDE_PREFIX.values()))]
    vectors = {
        code: {c: float(row[c]) for c in columns if row[c]}
        for code, row in rows.items()
        if any(row[c] for c in columns)
    }
    means = {
        c: sum(v[c] for v in vectors.values() if c in v)
        / sum(1 for v in vectors.values() if c in v)
        for c in columns
    }
    target = "43-6013.00"
    ranking = op.similar_by_ratings(target, 10_000)
    assert {m.occupation.code for m in ranking} == set(vectors) - {target}
    for match in ranking[:3] + ranking[400:402] + ranking[-3:]:
        expected = centred_cosine(vectors[target], vectors[match.occupation.code], means)
        assert match.similarity == pytest.approx(expected, abs=1e-9), match.occupation.code


def test_domains_accept_any_collection_and_explain_mistakes() -> None:
    as_set = op.similar_by_ratings("43-6013", 3, domains={"knowledge", "skills"})
    assert as_set == op.similar_by_ratings("43-6013", 3, domains=("skills", "knowledge"))
    with pytest.raises(op.InvalidArgumentError, match="empty"):
        op.similar_by_ratings("43-6013", domains=[])
    with pytest.raises(op.InvalidArgumentError, match="Did you mean 'skills'"):
        op.similar_by_ratings("43-6013", domains=["skill"])  # type: ignore[list-item]


def test_a_collection_counts_its_items_in_english() -> None:
    """ "2 matches", not "2 matchs": a noun ending in a sibilant takes "es"."""
    from occprofile._render.phrases import plural

    assert repr(op.similar_by_ratings("43-6013", 2)).startswith("RatingMatches(2 matches: ")
    assert repr(op.search("nurse", 1)).startswith("SearchHits(1 hit: ")
    assert [plural(w, 2) for w in ("match", "area", "box", "class")] == [
        "matches",
        "areas",
        "boxes",
        "classes",
    ]
    assert plural("match", 1) == "match"
