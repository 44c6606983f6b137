"""Rankings of areas by one OEWS figure: ``top_metros``, ``top_states``, a state's areas.

Sorted on the raw published values (``figures.marker_rank_key``): no Figure is
built for an area that misses the cut. Answers are memoised in the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

from .._matching.arguments import check_bool, check_choice, check_n
from .._store.oews_columns import MARKERS, NUMBER
from ..errors import ArgumentTypeError, NoWageDataError
from ..models import AreaKind, RankedEstimate, Ranking, Status
from .figures import DATATYPE_INDEX, UNRANKED, marker_rank_key

if TYPE_CHECKING:
    from ..models import Area, WageOccupation
    from .sources import Sources

#: The OEWS figures an area ranking can be by.
RankKey = Literal[
    "employment",
    "annual_mean",
    "annual_median",
    "hourly_mean",
    "hourly_median",
    "location_quotient",
    "jobs_per_1000",
]
#: What ``by=`` accepts: a :data:`RankKey` or a shorter spelling (any case).
RankBy = Literal[RankKey, "mean", "median", "lq"]

#: Shorter spellings people use for ``by=``.
RANK_ALIASES: Mapping[str, RankKey] = MappingProxyType(
    {"mean": "annual_mean", "median": "annual_median", "lq": "location_quotient"}
)

#: ``by=`` choices of ``top_metros``, mapped to OEWS datatypes (read-only).
RANK_BY: Mapping[RankKey, str] = MappingProxyType(
    {
        "employment": "01",
        "annual_mean": "04",
        "annual_median": "13",
        "hourly_mean": "03",
        "hourly_median": "08",
        "location_quotient": "17",
        "jobs_per_1000": "16",
    }
)
assert tuple(RANK_BY) == get_args(RankKey)

#: An annual ranking's hourly counterpart and back, for wages published one way only.
_OTHER_BASIS: Mapping[str, str] = MappingProxyType(
    {
        "annual_mean": "hourly_mean",
        "annual_median": "hourly_median",
        "hourly_mean": "annual_mean",
        "hourly_median": "annual_median",
    }
)


def check_by(by: object) -> RankKey:
    """The canonical ``by`` name (case-insensitive, aliases accepted)."""
    return check_ranking(by, tuple(RANK_BY), RANK_ALIASES)


K = TypeVar("K", bound=str)


def check_ranking(by: object, keys: tuple[K, ...], aliases: Mapping[str, K]) -> K:
    """``by`` as one of ``keys``: any case, spaces for underscores, ``aliases`` accepted;
    else a typed error suggesting the closest key."""
    if not isinstance(by, str):
        raise ArgumentTypeError(f"by must be a str, not {type(by).__name__}: {by!r}")
    key = by.strip().lower().replace(" ", "_")
    return check_choice(aliases.get(key, key), keys, "ranking")


def top_metros(
    src: Sources,
    occ: WageOccupation,
    *,
    n: int,
    by: RankKey,
    where: Area | None,
    include_nonmetro: bool,
) -> Ranking:
    """Metro (and optionally nonmetro) areas, of one state or all, ranked by ``by``."""
    check_n(n)
    check_bool(include_nonmetro, "include_nonmetro")
    postal = where.states[0] if where is not None else None

    def compute() -> Ranking:
        # Only on a miss: the wording of a "nothing found" error is not hot-path work.
        kind = "metro or nonmetro area" if include_nonmetro else "metro area"
        scope = f"any {kind}" + (f" of {where.name}" if where else "")
        areas = src.areas().metro_codes(postal, include_nonmetro)
        return rank(src, occ, by, areas, n=n, scope=scope)

    return src.store.memo(("top_metros", occ.code, by, postal, include_nonmetro, n), compute)


def top_states(src: Sources, occ: WageOccupation, n: int, by: RankKey) -> Ranking:
    """States and territories ranked like :func:`top_metros`."""
    check_n(n)
    states = src.areas().select_codes(AreaKind.STATE, None)
    return src.store.memo(
        ("top_states", occ.code, by, n),
        lambda: rank(src, occ, by, states, n=n, scope="any state or territory"),
    )


def rank(
    src: Sources,
    occ: WageOccupation,
    by: RankKey,
    areas: Sequence[str],
    *,
    n: int,
    scope: str,
) -> Ranking:
    """The first ``n`` of ``areas`` (codes) by ``by``; unreleased figures last, ties by name,
    code. Areas are made only for the ``n`` shown: the others are ranked by their rows and
    the name column."""
    datatype = RANK_BY[by]
    rows = src.oews_rows(occ.code)
    footnotes = src.footnotes()
    i = DATATYPE_INDEX[datatype]
    # One cell an area, read from the column's integers: only the first n areas' rows
    # are built. A released number's key is its integer over its scale (the float of
    # its text exactly), footnoted or not; a marker goes through marker_rank_key.
    positions, numbers, kinds = rows.column(i)
    values = src.store.oews_values()
    scale = 10 ** values.decimals[i]
    index = src.areas()
    keyed = []
    for code in areas:
        j = positions.get(code)
        if j is None:
            continue
        value, footnote = values.kinds[kinds[j]]
        if value == NUMBER:
            key = (0, -(numbers[j] / scale), 0)
        else:
            key = marker_rank_key(MARKERS[value], footnote, datatype, footnotes)
        keyed.append((key, index.name_of(code), code))
    keyed.sort()
    if not keyed:
        raise NoWageDataError(str(occ), scope)
    if keyed[0][0][0] == UNRANKED:  # nothing to rank by: not an A-Z list in disguise
        raise NoWageDataError(str(occ), _why_unranked(src, occ, by, keyed, scope))
    ranked = []
    for place, (*_, code) in enumerate(keyed[:n], start=1):
        area = index.by_code[code]
        estimate = src.estimate(occ, area.code)
        assert estimate is not None  # keyed only holds areas with a row
        figure = src.figure_in(occ, area, datatype)
        ranked.append(RankedEstimate(place, by, figure, estimate))
    return Ranking(ranked)


def _why_unranked(
    src: Sources,
    occ: WageOccupation,
    by: RankKey,
    keyed: list[tuple[Any, str, str]],
    scope: str,
) -> str:
    """Say why no area has a released ``by`` figure, and what to rank by instead."""
    datatype = RANK_BY[by]
    by_code = src.areas().by_code
    statuses = Counter(src.figure_in(occ, by_code[code], datatype).status for *_, code in keyed)
    counts = ", ".join(f"{status} in {count}" for status, count in statuses.most_common())
    text = f"{scope} with a released {by} ({counts})"
    other = _OTHER_BASIS.get(by)
    if other and statuses.most_common(1)[0][0] in (Status.HOURLY_ONLY, Status.ANNUAL_ONLY):
        text += f"; rank by={other!r} instead"
    return text
