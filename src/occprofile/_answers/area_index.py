"""Every occupation's OEWS figures by area: the index the questions across occupations rank.

The packaged OEWS resources are occupation-major (one per occupation, every
area's row in it), which is what a question about one occupation wants.
Ranking the occupations of one area would read all 1,104 of them each time,
so this index is built once per store from those resources: for each area,
the occupations with a row there and, for each figure a ranking can be by,
its sort key (:func:`figures.marker_rank_key`) as numbers -- about 18 MB, where the
parsed rows would take hundreds. An area's order by one figure is sorted
once, on first use; the rows that make a ranking's cut are built into
Figures and Estimates from their occupation's resource, as every answer is.
"""

from __future__ import annotations

import re
from array import array
from itertools import repeat
from operator import neg, truediv
from typing import TYPE_CHECKING

from attrs import frozen

from .._store.oews_columns import MARKERS, NUMBER
from .figures import DATATYPE_INDEX, UNRANKED, marker_rank_key
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
        values = src.store.oews_values()
        area_codes = src.area_codes()
        datatypes = [(k, DATATYPE_INDEX[dt], dt) for k, dt in enumerate(RANK_BY.values())]
        areas: dict[str, AreaColumns] = {}
        by_index: list[AreaColumns | None] = [None] * len(area_codes)
        for position, code in enumerate(codes):
            block = src.store.oews_block(code, len(area_codes))
            # Each datatype's keys for the whole block at once: a released number is its
            # integer over its scale, negated (the float of its text exactly); a marker
            # (or a footnoted cell) goes through marker_rank_key's rules, as a row's would.
            keys = []
            for _, i, datatype in datatypes:
                scale = 10 ** values.decimals[i]
                negated = list(map(truediv, map(neg, block.column(i)), repeat(scale)))
                classes = bytearray(block.n)
                kinds = block.kinds[i]
                if kinds.count(0) != block.n:
                    for found in re.finditer(rb"[^\x00]", kinds):
                        j = found.start()
                        value, footnote = values.kinds[kinds[j]]
                        if value != NUMBER:
                            group, negated[j], top_coded = marker_rank_key(
                                MARKERS[value], footnote, datatype, footnotes
                            )
                            classes[j] = 2 if group == UNRANKED else top_coded
                keys.append((negated, classes))
            for j, area in enumerate(block.areas):
                columns = by_index[area]
                if columns is None:
                    columns = by_index[area] = areas[area_codes[area]] = AreaColumns(
                        array("H"),
                        [array("d") for _ in datatypes],
                        [bytearray() for _ in datatypes],
                    )
                columns.positions.append(position)
                for (negated, classes), out, out_classes in zip(
                    keys, columns.negated, columns.classes, strict=True
                ):
                    out.append(negated[j])
                    out_classes.append(classes[j])
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
