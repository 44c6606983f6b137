"""Similar occupations: O*NET's related list with national pay, and rating similarity."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .._matching.areas import NATIONAL_CODE
from .._matching.arguments import check_n
from .._matching.text import close_matches
from ..errors import ArgumentTypeError, InvalidArgumentError, NoRatingsError
from ..models import Figure, RatingDomain, Status

if TYPE_CHECKING:
    from ..career import RatingMatches, SimilarOccupation, SimilarOccupations
    from ..models import Occupation
    from .sources import Sources

#: The rating domains ``similar_by_ratings`` can compare (importance vectors exist for these).
SIMILARITY_DOMAINS: tuple[RatingDomain, ...] = ("skills", "knowledge", "abilities")


def similar_occupations(src: Sources, occ: Occupation, n: int) -> SimilarOccupations:
    """O*NET related occupations in tier/index order, with national employment and
    annual mean wage (OEWS May 2025)."""
    from ..career import SimilarOccupations

    check_n(n)
    related = sorted(src.profile(occ).related, key=lambda r: (r.index, r.code))
    return SimilarOccupations(_similar(src, r.code, r.tier, r.index) for r in related[:n])


def _similar(src: Sources, code: str, tier: str, index: int) -> SimilarOccupation:
    from ..career import SimilarOccupation

    occupations = src.occupations()
    occ = occupations.onet[code]
    wage = occupations.oews.get(occ.wage_code) if occ.wage_code else None
    national = src.estimate(wage, NATIONAL_CODE) if wage else None
    if national is None:
        note = f"OEWS May 2025 publishes no national estimate for {occ.code}."
        absent = Figure(Status.NO_ESTIMATE, None, None, note)
        return SimilarOccupation(occ, tier, index, wage, absent, absent, absent)
    return SimilarOccupation(
        occ, tier, index, wage, national.employment, national.annual_mean, national.hourly_mean
    )


def similar_by_ratings(
    src: Sources, occ: Occupation, n: int, domains: tuple[RatingDomain, ...]
) -> RatingMatches:
    """Occupations whose centred importance vectors have the largest cosine with ``occ``'s."""
    from ..career import RatingMatch, RatingMatches
    from . import similarity

    check_n(n)
    vectors = src.vectors(domains)
    if occ.code not in vectors:
        raise NoRatingsError(str(occ), domains)
    index = src.occupations().onet
    return src.store.memo(
        ("similar_by_ratings", occ.code, domains, n),
        lambda: RatingMatches(
            RatingMatch(index[code], score, domains, shared)
            for score, shared, code in similarity.ranked(occ.code, vectors, n)[:n]
        ),
    )


def check_domains(domains: object) -> tuple[RatingDomain, ...]:
    """Any collection of domain names (list, tuple, set), in :data:`SIMILARITY_DOMAINS` order."""
    if isinstance(domains, str | bytes) or not isinstance(domains, Iterable):
        raise ArgumentTypeError(
            f"domains must be a collection of domain names such as {list(SIMILARITY_DOMAINS)}, "
            f"not {type(domains).__name__}: {domains!r}"
        )
    chosen = tuple(domains)
    wrong = [d for d in chosen if not isinstance(d, str)]
    if wrong:
        raise ArgumentTypeError(
            f"domains must hold domain names (str) such as {list(SIMILARITY_DOMAINS)}, "
            f"not {type(wrong[0]).__name__}: {wrong[0]!r}"
        )
    if not chosen:
        raise InvalidArgumentError(
            f"domains is empty: name at least one of {list(SIMILARITY_DOMAINS)}."
        )
    bad = [d for d in chosen if d not in SIMILARITY_DOMAINS]
    if bad:
        hint = close_matches(str(bad[0]), SIMILARITY_DOMAINS, n=1)
        did = f" Did you mean {hint[0]!r}?" if hint else ""
        raise InvalidArgumentError(
            f"Unknown rating domains {bad!r}: choose from {list(SIMILARITY_DOMAINS)}.{did}"
        )
    return tuple(sorted(set(chosen), key=SIMILARITY_DOMAINS.index))
