"""The columnar OEWS encoding: one occupation's estimates as integer columns.

Each of the 17 datatypes is published with a fixed number of decimals
(employment none, an hourly wage two, a location quotient three; the
``decimals`` of ``oews_values.json.gz``), so a released text is an integer
at that scale (``24.94`` is 2494) and its text is that integer rendered back:
the build refuses a text that is not. An occupation's member of
``oews.pack`` holds, a column at a time, each row's area (its index in
``areas.json``), each cell's integer (as byte planes, as few as its column
needs; an annual wage as its difference from its hourly wage times 2,080,
which BLS derives it from, so a byte a cell) and each cell's *kind*
(released number, ``-`` or empty, with its footnote code), the kinds listed
in ``oews_values.json.gz``. Nothing is
decoded a cell until a row is built: then a cell's text is rendered once a
distinct value (per datatype, kept by :class:`Values`), so rows share one
str a value; the bulk tables read the integers as numbers, no text. Everything
read is checked: a length, width, area or kind out of range is a
DataIntegrityError naming the member.
"""

from __future__ import annotations

import operator
import re
import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from typing import TYPE_CHECKING, Any

from ..errors import DataIntegrityError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .schema import OewsRow, OewsValuesFile

#: The OEWS datatypes, in row order (``v01`` ... ``v17``).
DATATYPES = tuple(f"{i:02d}" for i in range(1, 18))
#: A cell's value kinds: a released number (its integer in the block), or a marker.
NUMBER, DASH, NONE = "number", "-", "none"
#: The marker a row holds for a ``-`` or an empty cell.
MARKERS: dict[str, str | None] = {DASH: "-", NONE: None}
#: The most decimals a datatype may have, and the most bytes a cell's integer.
MAX_DECIMALS, MAX_WIDTH = 6, 4
_HEADER = struct.Struct("<I")
#: Each annual wage datatype's index and the hourly one's it is stored against
#: (mean, then the 10th to 90th percentiles): the block holds the annual wage less
#: :func:`hourly_base` (``hourly * 2080`` rounded half up, at least the offset),
#: plus ``ANNUAL_OFFSET`` (an hourly ``-`` or empty cell counting as 0; an annual
#: one stored as the offset), so the few dollars of BLS's own rounding are one
#: byte, and no stored value decodes below 0.
ANNUAL_FROM_HOURLY = ((3, 2), (10, 5), (11, 6), (12, 7), (13, 8), (14, 9))
ANNUAL_OFFSET = 128
#: ``_BASES[cents]``: :func:`hourly_base` less the offset, grown as needed (a list
#: index is what ``map`` does fastest).
_BASES: list[int] = []
#: The hourly datatype index of each annual one (it is stored against it).
HOURLY_OF = dict(ANNUAL_FROM_HOURLY)
#: No hourly wage is $10,000 (``_BASES`` is not grown beyond).
_MOST_CENTS = 1_000_000
#: An array typecode of 4-byte unsigned integers (what the planes are joined into).
UINT32 = next(t for t in ("I", "L") if array(t).itemsize == 4)


class _Texts(dict[int, str]):
    """Integer -> its text at one scale, each rendered on first use (``map`` of
    ``__getitem__`` stays in C for the values already seen)."""

    __slots__ = ("decimals",)

    def __init__(self, decimals: int) -> None:
        super().__init__()
        self.decimals = decimals

    def __missing__(self, value: int) -> str:
        text = self[value] = render(value, self.decimals)
        return text


def render(value: int, decimals: int) -> str:
    """The published text of ``value`` at ``decimals`` (2494, 2 -> ``"24.94"``)."""
    if not decimals:
        return str(value)
    whole, part = divmod(value, 10**decimals)
    return f"{whole}.{part:0{decimals}d}"


class Values:
    """The decoded ``oews_values.json.gz``: each datatype's decimals, the cell kinds,
    and each datatype's texts rendered so far (shared by every row)."""

    __slots__ = ("decimals", "kinds", "words")

    def __init__(self, file: OewsValuesFile, name: str) -> None:
        if tuple(file.decimals) != DATATYPES:
            raise DataIntegrityError(
                f"packaged resource {name!r} lists datatypes {list(file.decimals)}, "
                f"not {DATATYPES[0]}-{DATATYPES[-1]}",
                resource=name,
            )
        decimals = tuple(file.decimals.values())
        if any(not 0 <= d <= MAX_DECIMALS for d in decimals):
            raise DataIntegrityError(
                f"packaged resource {name!r} gives a datatype {decimals!r} decimals "
                f"(0 to {MAX_DECIMALS})",
                resource=name,
            )
        kinds = file.kinds
        if (
            not kinds
            or kinds[0] != (NUMBER, None)
            or len(kinds) > 255
            or any(v not in (NUMBER, DASH, NONE) for v, _ in kinds)
            or len(set(kinds)) != len(kinds)
        ):
            raise DataIntegrityError(
                f"packaged resource {name!r} has malformed cell kinds {kinds!r:.120}",
                resource=name,
            )
        self.kinds = kinds
        self.decimals = decimals
        #: Each datatype's texts by integer, rendered when first needed (rows share them).
        self.words = tuple(_Texts(d) for d in decimals)


class Block:
    """One occupation's member of ``oews.pack``, decoded and checked: its ``n`` rows'
    area indexes, and per datatype the cells' integers and kinds."""

    __slots__ = ("_data", "_planes", "_stored", "areas", "kinds", "n", "name")

    def __init__(self, name: str, data: bytes, areas: int, values: Values) -> None:
        bad = _layout(data)
        if bad:
            raise DataIntegrityError(
                f"packaged resource {name!r} is not an OEWS column block: {bad}", resource=name
            )
        n = _HEADER.unpack_from(data)[0]
        at = _HEADER.size
        widths = data[at : at + len(DATATYPES)]
        at += len(DATATYPES)
        self.name = name
        self.n: int = n
        self.areas = _uint16(data, at, n)
        at += 2 * n
        # Each datatype's byte planes: (where they start, how many), decoded into
        # integers when a column is first read; one row (a first lookup) reads its
        # cells' bytes alone.
        self._data = data
        self._planes: list[tuple[int, int]] = []
        for width in widths:
            self._planes.append((at, width))
            at += width * n
        self._stored: list[array[int]] | None = None
        for annual, hourly in ANNUAL_FROM_HOURLY:
            if MAX_WIDTH in (widths[annual], widths[hourly]):  # else it fits 32 bits
                self._annual(annual, hourly, known_to_fit=False)  # to check it (none is built)
        self.kinds = [data[at + i * n : at + (i + 1) * n] for i in range(len(DATATYPES))]
        problem = self._check(areas, values)
        if problem:
            raise DataIntegrityError(
                f"packaged resource {name!r} is not an OEWS column block: {problem}",
                resource=name,
            )

    @property
    def stored(self) -> list[array[int]]:
        """Per datatype, each cell's integer as stored (0 for a ``-`` or empty cell; an
        annual wage against its hourly one: :meth:`column` decodes it)."""
        if self._stored is None:
            data, n = self._data, self.n
            self._stored = [_uint(data, at, n, width) for at, width in self._planes]
        return self._stored

    def column(self, i: int) -> array[int]:
        """Datatype ``i``'s integers (0, or an hourly wage's base, for a ``-`` or empty
        cell)."""
        hourly = HOURLY_OF.get(i)
        if hourly is None:
            return self.stored[i]
        return self._annual(i, hourly, known_to_fit=True)

    def _annual(self, i: int, hourly: int, *, known_to_fit: bool) -> array[int]:
        try:
            return annual_wages(self.stored[i], self.stored[hourly], known_to_fit=known_to_fit)
        except OverflowError:
            raise DataIntegrityError(
                f"packaged resource {self.name!r} is not an OEWS column block: an annual "
                f"wage of datatype {DATATYPES[i]} is out of range",
                resource=self.name,
            ) from None

    def number(self, i: int, j: int) -> int:
        """Row ``j``'s integer of datatype ``i``."""
        hourly = HOURLY_OF.get(i)
        if hourly is None:
            return self._cell(i, j)
        return _base(self._cell(hourly, j)) + self._cell(i, j)

    def _cell(self, i: int, j: int) -> int:
        """Row ``j``'s integer of datatype ``i`` as stored, from the columns if decoded,
        else from its bytes (one in each of the column's planes, lowest first)."""
        if self._stored is not None:
            return self._stored[i][j]
        at, width = self._planes[i]
        data, n = self._data, self.n
        found = 0
        for b in range(width):
            found |= data[at + b * n + j] << (8 * b)
        return found

    def _check(self, areas: int, values: Values) -> str:
        """Areas ascending and in range, kinds in range: checked a column at a time."""
        found = self.areas
        if self.n and (found[-1] >= areas or not all(map(operator.lt, found, found[1:]))):
            return "its area indexes are not ascending indexes of areas.json"
        known = bytes(range(len(values.kinds)))
        for datatype, kinds in zip(DATATYPES, self.kinds, strict=True):
            if kinds.translate(None, known):
                return f"a cell kind of datatype {datatype} is out of range"
        return ""

    def rows(self, area_codes: Sequence[str], values: Values) -> list[OewsRow]:
        """The rows as the schema has them: ``(area code, 17 texts, footnotes)``."""
        n = self.n
        notes: list[dict[str, str]] = [{} for _ in range(n)]
        columns = []
        for i, datatype in enumerate(DATATYPES):
            column: list[Any] = list(map(values.words[i].__getitem__, self.column(i)))
            kinds = self.kinds[i]
            if kinds.count(0) != n:
                for found in re.finditer(rb"[^\x00]", kinds):
                    j = found.start()
                    value, footnote = values.kinds[kinds[j]]
                    if value != NUMBER:
                        column[j] = MARKERS[value]
                    if footnote is not None:
                        notes[j][datatype] = footnote
            columns.append(column)
        cells = zip(*columns, strict=True) if columns else ()
        return list(zip(map(area_codes.__getitem__, self.areas), cells, notes, strict=True))


def _layout(data: bytes) -> str:
    head = _HEADER.size + len(DATATYPES)
    if len(data) < head:
        return "it is shorter than its header (row count and column widths)"
    n = _HEADER.unpack_from(data)[0]
    widths = data[_HEADER.size : head]
    if max(widths) > MAX_WIDTH:
        return f"a column is {max(widths)} bytes a cell (at most {MAX_WIDTH})"
    expected = head + n * (2 + sum(widths) + len(DATATYPES))
    if len(data) != expected:
        return f"{len(data)} bytes for {n} rows, not {expected}"
    return ""


def _uint16(data: bytes, at: int, n: int) -> array[int]:
    """``n`` little-endian uint16 stored as two planes (low bytes, then high bytes)."""
    joined = bytearray(2 * n)
    joined[0::2] = data[at : at + n]
    joined[1::2] = data[at + n : at + 2 * n]
    found = array("H")
    found.frombytes(joined)
    if sys.byteorder == "big":
        found.byteswap()
    return found


def _uint(data: bytes, at: int, n: int, width: int) -> array[int]:
    """``n`` unsigned integers stored as ``width`` byte planes (lowest first)."""
    joined = bytearray(4 * n)
    for b in range(width):
        joined[b::4] = data[at + b * n : at + (b + 1) * n]
    found = array(UINT32)
    found.frombytes(joined)
    if sys.byteorder == "big":
        found.byteswap()
    return found


def annual_wages(
    stored: array[int],
    hourly: array[int],
    valid: bytes | bytearray | None = None,
    *,
    known_to_fit: bool = True,
) -> array[int]:
    """The annual wages of a column stored against its hourly wages; ``valid`` (one
    byte a row, 1 for a value): the other rows' wages set to 0.

    Each wage is its hourly wage's base plus its stored value: the bases are looked
    up a row at a time, the sums made as one big integer of 4-byte lanes. No lane
    carries into the next where every wage fits 32 bits: so in a block whose columns
    are at most 3 bytes a cell, or one already decoded; ``known_to_fit=False`` adds
    them a row at a time (OverflowError: a wage beyond 32 bits)."""
    try:
        lanes = array(UINT32, map(_BASES.__getitem__, hourly))
    except IndexError:  # a wage above the bases made so far
        lanes = array(UINT32, map(bases(hourly), hourly))
    if not known_to_fit:
        wages = array(UINT32, map(operator.add, lanes, stored))  # may overflow
        if valid is not None:
            wages = array(UINT32, map(operator.mul, wages, valid))
        return wages
    order = sys.byteorder
    total = int.from_bytes(lanes.tobytes(), order) + int.from_bytes(stored.tobytes(), order)
    if valid is not None:
        mask = bytearray(4 * len(valid))
        ones = bytes(valid).translate(_ALL_ONES)
        for b in range(4):
            mask[b::4] = ones
        total &= int.from_bytes(mask, order)
    wages = array(UINT32)
    wages.frombytes(total.to_bytes(4 * len(lanes), order))
    return wages


#: A ``bytes.translate`` table: 1 -> 0xff (a lane's byte kept), 0 -> 0.
_ALL_ONES = bytes([0, 0xFF]) + bytes(254)


def bases(hourly: Sequence[int]) -> Callable[[int], int]:
    """``cents -> hourly_base(cents) - ANNUAL_OFFSET`` for every wage of ``hourly``: a
    list's ``__getitem__`` (made once, grown to the largest wage: a list index is what
    ``map`` does fastest), or a function where a wage is beyond any real one."""
    top = max(hourly, default=0)
    if top >= _MOST_CENTS:
        return _base
    if top >= len(_BASES):
        _BASES.extend(map(_base, range(len(_BASES), top + 1)))
    return _BASES.__getitem__


def _base(cents: int) -> int:
    return hourly_base(cents) - ANNUAL_OFFSET


def hourly_base(cents: int) -> int:
    """An hourly wage (in cents) times 2,080, rounded half up to whole dollars; at least
    ``ANNUAL_OFFSET`` (no real wage is below it), so no stored value decodes below 0."""
    return max((cents * 208 + 5) // 10, ANNUAL_OFFSET)


def encode_block(
    areas: Sequence[int],
    values: Sequence[Sequence[int | None]],
    kinds: Sequence[Sequence[int]],
) -> bytes:
    """The inverse of :class:`Block` (used by the build): rows' area indexes, and per
    datatype the cells' integers (``None``: a ``-`` or empty cell) and kinds."""
    n = len(areas)
    if any(len(c) != n for c in (*values, *kinds)) or len(values) != len(DATATYPES):
        raise ValueError("every column needs one cell a row, 17 datatypes")
    numbers = [[0 if v is None else v for v in column] for column in values]
    for annual, hourly in ANNUAL_FROM_HOURLY:
        numbers[annual] = [
            ANNUAL_OFFSET if a is None else a - hourly_base(h or 0) + ANNUAL_OFFSET
            for a, h in zip(values[annual], values[hourly], strict=True)
        ]
    widths = [(max(column, default=0).bit_length() + 7) // 8 for column in numbers]
    if max(widths) > MAX_WIDTH or min(min(c, default=0) for c in numbers) < 0:
        raise ValueError(f"an OEWS number does not fit {MAX_WIDTH} unsigned bytes")
    parts = [_HEADER.pack(n), bytes(widths), _planes(areas, 2)]
    parts += [_planes(column, width) for column, width in zip(numbers, widths, strict=True)]
    parts += [bytes(column) for column in kinds]
    return b"".join(parts)


def _planes(values: Sequence[int], width: int) -> bytes:
    return b"".join(bytes(v >> (8 * b) & 0xFF for v in values) for b in range(width))


class BlockRows(Mapping[str, "OewsRow"]):
    """Area code -> row of one block, each row built when first asked for.

    A lookup (``estimate(code, area)``) needs one row of an occupation's few
    hundred: it is found by bisecting the block's ascending area indexes and
    built from its 17 cells, so a first lookup costs microseconds; reading
    every row (:meth:`values`, :meth:`items`) builds them a column at a time.
    The block's arrays are what is kept until then.
    """

    __slots__ = ("_all", "_area_codes", "_block", "_built", "_index", "_values")

    def __init__(
        self,
        block: Block,
        area_codes: Sequence[str],
        index: Mapping[str, int],
        values: Values,
    ) -> None:
        self._block, self._area_codes, self._index, self._values = block, area_codes, index, values
        self._built: dict[int, OewsRow] = {}
        self._all: dict[str, OewsRow] | None = None

    def __len__(self) -> int:
        return self._block.n

    def __iter__(self) -> Iterator[str]:
        return iter(map(self._area_codes.__getitem__, self._block.areas))

    def __contains__(self, code: object) -> bool:
        return self._position(code) is not None

    def __getitem__(self, code: str) -> OewsRow:
        j = self._position(code)
        if j is None:
            raise KeyError(code)
        row = self._built.get(j)
        if row is None:
            row = self._built[j] = self._row(j)
        return row

    def _position(self, code: object) -> int | None:
        area = self._index.get(code) if isinstance(code, str) else None
        if area is None:
            return None
        areas = self._block.areas
        j = bisect_left(areas, area)
        return j if j < len(areas) and areas[j] == area else None

    def column(self, i: int) -> tuple[dict[str, int], array[int], bytes]:
        """Datatype ``i`` of every row at once (a ranking reads one column of every
        area): area code -> row, each row's integer and each row's cell kind."""
        block = self._block
        rows = {self._area_codes[a]: j for j, a in enumerate(block.areas)}
        return rows, block.column(i), block.kinds[i]

    def _row(self, j: int) -> OewsRow:
        block, values = self._block, self._values
        kinds = values.kinds
        cells: list[str | None] = []
        notes: dict[str, str] = {}
        for i, (words, column) in enumerate(zip(values.words, block.kinds, strict=True)):
            value, footnote = kinds[column[j]]
            cells.append(words[block.number(i, j)] if value == NUMBER else MARKERS[value])
            if footnote is not None:
                notes[DATATYPES[i]] = footnote
        return (self._area_codes[block.areas[j]], tuple(cells), notes)

    def rows(self) -> dict[str, OewsRow]:
        """Every row, built once (a column at a time)."""
        if self._all is None:
            self._all = {row[0]: row for row in self._block.rows(self._area_codes, self._values)}
        return self._all

    def values(self) -> ValuesView[OewsRow]:
        return self.rows().values()

    def items(self) -> ItemsView[str, OewsRow]:
        return self.rows().items()
