"""The occupations of one area ranked by one figure, and filtered: ``top_occupations``.

Ranked from the area index (:mod:`.area_index`) on the raw published values,
as the area rankings are (:func:`figures.marker_rank_key`); only the rows that make
the cut are built into records. Answers are memoised in the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, get_args

from .._matching.arguments import check_choice, check_n, check_str
from .._matching.occupations import SOC_LEVELS, in_soc_group
from ..errors import InvalidArgumentError, NoWageDataError
from ..models import Figure, Status
from .area_index import area_order, oews_by_area
from .catalog import release
from .education import no_projection_note
from .figures import DATATYPE_FIELDS
from .filters import Criteria, describe, predicate, resolve_group
from .projected import PROJECTIONS_KEY, Projected, projection_table
from .rankings import RANK_ALIASES, RANK_BY, RankKey, check_ranking

if TYPE_CHECKING:
    from ..career import OccupationRanking, RankedOccupation
    from ..models import Area, Occupation, SocLevel
    from .sources import Sources

#: What an occupation ranking can be by: an OEWS figure, or a projected one.
OccupationRankKey = Literal[RankKey, "projected_growth", "projected_openings"]
#: What ``by=`` accepts: a key, or a shorter spelling (any case).
OccupationRankBy = Literal[OccupationRankKey, "mean", "median", "lq", "growth", "openings"]
OCCUPATION_RANK_KEYS: tuple[OccupationRankKey, ...] = (
    *get_args(RankKey),
    "projected_growth",
    "projected_openings",
)
_ALIASES: Mapping[str, OccupationRankKey] = MappingProxyType(
    {
        **RANK_ALIASES,
        "growth": "projected_growth",
        "percent_change": "projected_growth",
        "openings": "projected_openings",
    }
)
#: The Projected field each projected ranking reads.
_PROJECTED = {"projected_growth": "percent_change", "projected_openings": "openings"}


def check_by(by: object) -> OccupationRankKey:
    """The canonical ``by`` name (case-insensitive, aliases accepted)."""
    return check_ranking(by, OCCUPATION_RANK_KEYS, _ALIASES)


def check_level(level: object, by: OccupationRankKey) -> SocLevel:
    """A SOC level (any case); the projections rank detailed occupations only."""
    check_str(level, "level")
    assert isinstance(level, str)
    chosen = check_choice(level.strip().lower(), SOC_LEVELS, "level")
    if by in _PROJECTED and chosen != "detailed":
        raise InvalidArgumentError(
            f"by={by!r} ranks detailed occupations only (the projections publish no "
            f"group totals); pass level='detailed', not {level!r}."
        )
    return chosen


def detailed_codes(src: Sources) -> frozenset[str]:
    """The most detailed codes OEWS publishes: every detailed SOC code, and the broad
    codes published in place of their detailed occupations (13-1020 Buyers and
    Purchasing Agents, ...), which OEWS's own files list at the detailed level too."""

    def build() -> frozenset[str]:
        occupations = src.occupations()
        stand_ins = {o.wage_code for o in occupations.onet.values() if o.wage_basis == "broad"}
        return frozenset(
            code
            for code, w in occupations.oews.items()
            if w.level == "detailed" or code in stand_ins
        )

    return src.store.once("oews_detailed_codes", build)


def covered(src: Sources) -> Mapping[str, tuple[Occupation, ...]]:
    """OEWS code -> the O*NET occupations its figures cover: those it pays (their
    wage code), and for a group code every occupation inside the group."""

    def build() -> Mapping[str, tuple[Occupation, ...]]:
        occupations = src.occupations()
        groups: dict[str, list[str]] = {}
        for code, w in occupations.oews.items():
            if w.level != "detailed":
                groups.setdefault(code.replace("-", "").rstrip("0"), []).append(code)
        found: dict[str, list[Occupation]] = {}
        for occ in occupations.onet.values():
            digits = occ.soc_code.replace("-", "")
            codes = {g for k in range(len(digits)) for g in groups.get(digits[:k], ())}
            if occ.wage_code is not None:
                codes.add(occ.wage_code)
            for code in codes:
                found.setdefault(code, []).append(occ)
        return MappingProxyType({code: tuple(occs) for code, occs in found.items()})

    return src.store.once("oews_covered", build)


def candidates(
    src: Sources, level: SocLevel, group: str | None, criteria: Criteria
) -> Mapping[str, tuple[Occupation, ...]]:
    """The OEWS codes a question ranks, each with its covered occupations that pass.

    A code is kept when it is of ``level``, lies in SOC group ``group``, and
    -- when a filter beyond the group is set -- at least one O*NET
    occupation it covers passes every filter.
    """

    def build() -> Mapping[str, tuple[Occupation, ...]]:
        oews = src.occupations().oews
        if level == "detailed":
            codes = sorted(detailed_codes(src))
        else:
            codes = [code for code, w in oews.items() if w.level == level]
        if group is not None:
            codes = [code for code in codes if in_soc_group(code, group)]
        cover = covered(src)
        test = predicate(src, criteria)
        found = {}
        for code in codes:
            passing = tuple(o for o in cover.get(code, ()) if test(o))
            if passing or not criteria.on_facts:
                found[code] = passing
        return MappingProxyType(found)

    return src.store.memo(("occupation_candidates", level, group, criteria), build)


def projected_by_code(src: Sources) -> Mapping[str, Projected | None]:
    """OEWS code -> the projection of the O*NET occupations it pays (one code each
    in this data; ``None`` when they have none, or more than one)."""

    def build() -> Mapping[str, Projected | None]:
        table = projection_table(src)
        found: dict[str, Projected | None] = {}
        for code, occs in covered(src).items():
            paid: dict[str, Projected] = {}
            for occ in occs:  # by code: a SOC occupation's .00 answers before its parts
                if (p := table.by_occupation.get(occ.code)) is not None:
                    paid.setdefault(p.source.code, p)
            found[code] = next(iter(paid.values())) if len(paid) == 1 else None
        return MappingProxyType(found)

    return src.store.once("oews_projected", build)


def top_occupations(
    src: Sources,
    area: Area,
    *,
    n: int,
    by: OccupationRankKey,
    level: SocLevel,
    criteria: Criteria,
) -> OccupationRanking:
    """The first ``n`` occupations of ``area`` by ``by`` that pass ``criteria``."""
    check_n(n)
    group = None
    if criteria.group is not None:
        text = criteria.group
        group = src.store.memo(
            ("soc_group_code", text), lambda: resolve_group(src.occupations(), text)[0]
        )

    def compute() -> OccupationRanking:
        from ..career import OccupationRanking

        chosen = candidates(src, level, group, criteria)
        figure_key = _oews_key(by)
        if figure_key is None:
            rows = _by_projection(src, area, chosen, by=by, n=n)
            key = PROJECTIONS_KEY
        else:
            rows = _by_figure(src, area, chosen, by=figure_key, n=n, level=level)
            key = "oews"
        note = None
        if not rows and (criteria.on_facts or group is not None):
            note = f"No {level} occupation with an OEWS estimate in {area.name} passes the filters."
        elif not rows:
            note = f"OEWS May 2025 publishes no estimate for any {level} occupation in {area.name}."
        return OccupationRanking(
            rows,
            area=area,
            by=by,
            level=level,
            release=release(src.store.releases(), key),
            criteria=describe(src, criteria, group),
            note=note,
        )

    return src.store.memo(("top_occupations", area.code, n, by, level, group, criteria), compute)


def _oews_key(by: OccupationRankKey) -> RankKey | None:
    """``by`` as the OEWS figure it names, ``None`` for a projected one."""
    for key in RANK_BY:
        if key == by:
            return key
    return None


def _by_figure(
    src: Sources,
    area: Area,
    chosen: Mapping[str, tuple[Occupation, ...]],
    *,
    by: RankKey,
    n: int,
    level: str,
) -> list[RankedOccupation]:
    from ..career import RankedOccupation

    datatype = RANK_BY[by]
    order = area_order(src, area.code, datatype)
    codes = oews_by_area(src).codes
    picked: list[tuple[int, str]] = []
    for place, position in enumerate(order.positions):
        code = codes[position]
        if code in chosen:
            picked.append((place, code))
            if len(picked) == n:
                break
    if picked and picked[0][0] >= order.ranked:  # nothing to rank by: not A-Z in disguise
        first = src.estimate(src.occupations().oews[picked[0][1]], area.code)
        assert first is not None
        status = getattr(first, DATATYPE_FIELDS[datatype]).status
        why = f"{area.name} with a released {by} (for {first.occupation.code}: {status})"
        raise NoWageDataError(f"any {level} occupation", why)
    oews = src.occupations().oews
    rows = []
    for rank, (_, code) in enumerate(picked, start=1):
        estimate = src.estimate(oews[code], area.code)
        assert estimate is not None  # the area index holds only rows that exist
        figure: Figure = getattr(estimate, DATATYPE_FIELDS[datatype])
        rows.append(RankedOccupation(rank, by, figure, estimate, chosen[code]))
    return rows


def _by_projection(
    src: Sources,
    area: Area,
    chosen: Mapping[str, tuple[Occupation, ...]],
    *,
    by: OccupationRankKey,
    n: int,
) -> list[RankedOccupation]:
    from ..career import RankedOccupation

    field = _PROJECTED[by]
    projected = projected_by_code(src)
    index = oews_by_area(src)
    columns = index.areas.get(area.code)
    present = {index.codes[p] for p in columns.positions} if columns is not None else set()
    keyed = []
    for code in chosen:
        if code in present:
            p = projected.get(code)
            figure: Figure | None = getattr(p, field) if p is not None else None
            value = figure.value if figure is not None else None
            keyed.append((value is None, -(value or 0.0), code, p, figure))
    keyed.sort(key=lambda k: k[:3])
    if keyed and keyed[0][0]:
        raise NoWageDataError("any detailed occupation with a projection", area.name)
    oews = src.occupations().oews
    rows = []
    for rank, (_, _, code, p, found) in enumerate(keyed[:n], start=1):
        estimate = src.estimate(oews[code], area.code)
        assert estimate is not None
        occs = chosen[code]
        figure = found
        if figure is None:
            note = no_projection_note(occs[0]) if occs else None
            figure = Figure(Status.NOT_RELEASED, None, None, note)
        source = p.source if p is not None else None
        rows.append(RankedOccupation(rank, by, figure, estimate, occs, source))
    return rows
