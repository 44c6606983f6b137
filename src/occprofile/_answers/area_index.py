"""Every occupation's OEWS figures by area: the index the questions across occupations rank.

The packaged OEWS resources are occupation-major (one per occupation, every
area's row in it), which is what a question about one occupation wants.
Ranking the occupations of one area would read all 1,104 of them each time,
so this index is built once per store from those resources: for each area,
the occupations with a row there and, for each figure a ranking can be by,
its sort key (:func:`figures.rank_key`) as numbers -- about 18 MB, where the
parsed rows would take hundreds. An area's order by one figure is sorted
once, on first use; the rows that make a ranking's cut are built into
Figures and Estimates from their occupation's resource, as every answer is.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

from attrs import frozen

from .._store.layout import oews_shard
from .figures import DATATYPE_INDEX, UNRANKED, parse_number, rank_key
from .rankings import RANK_BY

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .sources import Sources


@frozen
class AreaColumns:
    """One area's rows: the occupations' positions in the index, and per datatype
    the parts of each row's rank key (class: 0 released, 1 top-coded, 2 unranked)."""

    positions: array[int]
    #: by datatype, in :data:`RANK_BY` order
    negated: list[array[float]]
    classes: list[bytearray]


@frozen
class AreaOrder:
    """One area's occupations (index positions) sorted by one figure, best first;
    the first ``ranked`` have a value to rank by, the rest are unreleased."""

    positions: array[int]
    ranked: int


@frozen
class OewsByArea:
    """All OEWS rows by area, as rank keys."""

    #: every OEWS code, sorted: a position in an area's columns is an index here
    codes: tuple[str, ...]
    areas: Mapping[str, AreaColumns]


def oews_by_area(src: Sources) -> OewsByArea:
    """The index, built once per store (it reads every OEWS resource once, and keeps
    none of them)."""

    def build() -> OewsByArea:
        codes = tuple(sorted(src.occupations().oews))
        footnotes = src.footnotes()
        datatypes = [(k, DATATYPE_INDEX[dt], dt) for k, dt in enumerate(RANK_BY.values())]
        areas: dict[str, AreaColumns] = {}
        for position, code in enumerate(codes):
            name = oews_shard(code)
            for row in src.oews_estimates(code):
                columns = areas.get(row[0])
                if columns is None:
                    columns = areas[row[0]] = AreaColumns(
                        array("H"),
                        [array("d") for _ in datatypes],
                        [bytearray() for _ in datatypes],
                    )
                columns.positions.append(position)
                values = row[1]
                for k, i, datatype in datatypes:
                    text = values[i]
                    if text is not None and text != "-":  # most values: a released number
                        columns.negated[k].append(-parse_number(text, name))
                        columns.classes[k].append(0)
                    else:
                        group, negated, top_coded = rank_key(row, datatype, footnotes, name)
                        columns.negated[k].append(negated)
                        columns.classes[k].append(2 if group == UNRANKED else top_coded)
        return OewsByArea(codes, areas)

    return src.store.once("oews_by_area", build)


def area_order(src: Sources, area_code: str, datatype: str) -> AreaOrder:
    """An area's occupations by one figure: value (largest first), a top-coded
    wage after a released value equal to its bound, then code; unreleased last."""

    def build() -> AreaOrder:
        columns = oews_by_area(src).areas.get(area_code)
        if columns is None:
            return AreaOrder(array("H"), 0)
        k = list(RANK_BY.values()).index(datatype)
        negated, classes, positions = columns.negated[k], columns.classes[k], columns.positions
        order = sorted(
            range(len(positions)), key=lambda i: (classes[i] == 2, negated[i], classes[i], i)
        )
        ranked = sum(1 for c in classes if c != 2)
        return AreaOrder(array("H", (positions[i] for i in order)), ranked)

    return src.store.once(("oews_area_order", area_code, datatype), build)
