"""The columnar OEWS encoding: one occupation's estimates as integer columns.

Each of the 17 datatypes' released texts is stored once, in
``oews_values.json.gz`` (80,000 distinct texts for 4 million cells); an
occupation's member of ``oews.pack`` holds, a column at a time, each row's
area (its index in ``areas.json``), each cell's index into its datatype's
texts and each cell's *kind* (released number, ``-`` or empty, with its
footnote code). Rows decoded from it share the texts (no copy a cell), and
the bulk tables read the columns without building a row. Everything read
is checked: a count, index or kind out of range is a DataIntegrityError
naming the member.
"""

from __future__ import annotations

import re
import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import DataIntegrityError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .schema import OewsRow, OewsValuesFile

#: The OEWS datatypes, in row order (``v01`` ... ``v17``).
DATATYPES = tuple(f"{i:02d}" for i in range(1, 18))
#: A cell's value kinds: a released number (its text from the values), or a marker.
NUMBER, DASH, NONE = "number", "-", "none"
#: The marker a row holds for a ``-`` or an empty cell.
MARKERS: dict[str, str | None] = {DASH: "-", NONE: None}
_DIGITS = b"0123456789"
#: A published number (only to name the culprit once the byte checks fail).
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_HEADER = struct.Struct("<I")
_T = TypeVar("_T")


class Values:
    """The decoded ``oews_values.json.gz``: each datatype's texts, and the cell kinds."""

    __slots__ = ("_raw", "_texts", "kinds", "words")

    def __init__(self, file: OewsValuesFile, name: str) -> None:
        if tuple(file.values) != DATATYPES:
            raise DataIntegrityError(
                f"packaged resource {name!r} lists datatypes {list(file.values)}, "
                f"not {DATATYPES[0]}-{DATATYPES[-1]}",
                resource=name,
            )
        kinds = tuple((k.value, k.footnote) for k in file.kinds)
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
        for datatype, text in file.values.items():
            if _published(text) is None:
                bad = next((t for t in text.split(",") if not _NUMBER.fullmatch(t)), text)
                raise DataIntegrityError(
                    f"packaged resource {name!r} holds an unreadable OEWS value {bad!r:.40} "
                    f"among the texts of datatype {datatype} (published numbers, joined by "
                    "commas)",
                    resource=name,
                )
        self._texts = tuple(file.values.values())
        self._raw: tuple[list[bytes], ...] | None = None
        #: Each datatype's texts (rows share them).
        self.words = tuple(text.split(",") for text in self._texts)

    @property
    def raw(self) -> tuple[list[bytes], ...]:
        """Each datatype's texts as ASCII bytes (the bulk tables join them), made once."""
        if self._raw is None:
            self._raw = tuple(text.encode("ascii").split(b",") for text in self._texts)
        return self._raw


def _published(text: str) -> bytes | None:
    """``text`` as ASCII if it is published numbers (digits, a point only between
    digits) joined by commas, else ``None``: checked with byte searches, not a
    regular expression a value."""
    try:
        data = text.encode("ascii")
    except UnicodeEncodeError:
        return None
    marks = data.translate(None, _DIGITS)
    if (
        not data
        or marks.translate(None, b".,")
        or b".." in marks
        or b",," in data
        or b",." in data
        or b".," in data
        or data.startswith((b",", b"."))
        or data.endswith((b",", b"."))
        or re.search(rb"\.\d*\.", data)  # two points in one value
    ):
        return None
    return data


class Block:
    """One occupation's member of ``oews.pack``, decoded and checked: its ``n`` rows'
    area indexes, and per datatype the cells' text indexes and kinds."""

    __slots__ = ("areas", "codes", "kinds", "n", "name")

    def __init__(self, name: str, data: bytes, areas: int, values: Values) -> None:
        bad = _layout(data, areas, values)
        if bad:
            raise DataIntegrityError(
                f"packaged resource {name!r} is not an OEWS column block: {bad}", resource=name
            )
        n = _HEADER.unpack_from(data)[0]
        at = _HEADER.size
        self.name = name
        self.n: int = n
        self.areas = _uint16(data, at, n)
        at += 2 * n
        self.codes = []
        for i, datatype in enumerate(DATATYPES):
            if not _below(data[at : at + n], data[at + n : at + 2 * n], len(values.words[i])):
                raise DataIntegrityError(
                    f"packaged resource {name!r} is not an OEWS column block: a text index "
                    f"of datatype {datatype} is out of range",
                    resource=name,
                )
            self.codes.append(_uint16(data, at, n))
            at += 2 * n
        self.kinds = [data[at + i * n : at + (i + 1) * n] for i in range(len(DATATYPES))]
        problem = self._check(areas, values)
        if problem:
            raise DataIntegrityError(
                f"packaged resource {name!r} is not an OEWS column block: {problem}",
                resource=name,
            )

    def _check(self, areas: int, values: Values) -> str:
        """Areas ascending and in range, kinds in range: checked a column at a time
        (text indexes are checked on their planes, before this)."""
        if self.n and (
            self.areas[-1] >= areas
            or any(a >= b for a, b in zip(self.areas, self.areas[1:], strict=False))
        ):
            return "its area indexes are not ascending indexes of areas.json"
        known = bytes(range(len(values.kinds)))
        for datatype, kinds in zip(DATATYPES, self.kinds, strict=True):
            if kinds.translate(None, known):
                return f"a cell kind of datatype {datatype} is out of range"
        return ""

    def texts(self, i: int, words: Sequence[_T], name: str) -> list[_T]:
        """The texts of datatype ``i``'s cells (``words``: its texts, as str or bytes)."""
        try:
            return list(map(words.__getitem__, self.codes[i]))
        except IndexError:
            raise DataIntegrityError(
                f"packaged resource {name!r} is not an OEWS column block: a text index of "
                f"datatype {DATATYPES[i]} is out of range",
                resource=name,
            ) from None

    def rows(self, area_codes: Sequence[str], values: Values) -> list[OewsRow]:
        """The rows as the schema has them: ``(area code, 17 texts, footnotes)``."""
        n = self.n
        notes: list[dict[str, str]] = [{} for _ in range(n)]
        columns = []
        for i, datatype in enumerate(DATATYPES):
            column: list[Any] = self.texts(i, values.words[i], self.name)  # None for markers
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


def _layout(data: bytes, areas: int, values: Values) -> str:
    if len(data) < _HEADER.size:
        return "it is shorter than its row count"
    n = _HEADER.unpack_from(data)[0]
    expected = _HEADER.size + n * (2 + 3 * len(DATATYPES))
    if len(data) != expected:
        return f"{len(data)} bytes for {n} rows, not {expected}"
    return ""


def _below(low: bytes, high: bytes, limit: int) -> bool:
    """Whether every uint16 of the two planes is below ``limit``, checked with byte
    translations (no int a cell): high bytes below the top one pass; a cell at the
    top high byte needs its low byte checked too."""
    if limit <= 0:
        return not low
    top, last = divmod(limit - 1, 256)
    if high.translate(None, bytes(range(top + 1))):
        return False
    if last == 255:
        return True
    at = high.find(top)
    while at != -1:
        if low[at] > last:
            return False
        at = high.find(top, at + 1)
    return True


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


def encode_block(
    areas: Sequence[int], codes: Sequence[Sequence[int]], kinds: Sequence[Sequence[int]]
) -> bytes:
    """The inverse of :class:`Block` (used by the build): rows' area indexes, and per
    datatype the cells' text indexes and kinds."""
    n = len(areas)
    parts = [_HEADER.pack(n), _planes(areas)]
    parts += [_planes(column) for column in codes]
    parts += [bytes(column) for column in kinds]
    if any(len(c) != n for c in (*codes, *kinds)) or len(codes) != len(DATATYPES):
        raise ValueError("every column needs one cell a row, 17 datatypes")
    return b"".join(parts)


def _planes(values: Sequence[int]) -> bytes:
    return bytes(v & 0xFF for v in values) + bytes(v >> 8 for v in values)


class BlockRows(Mapping[str, "OewsRow"]):
    """Area code -> row of one block, each row built when first asked for.

    A lookup (``estimate(code, area)``) needs one row of an occupation's few
    hundred: it is found by bisecting the block's ascending area indexes and
    built from its 17 cells, so a first lookup costs microseconds; reading
    every row (:meth:`values`, :meth:`items`) builds them a column at a time.
    The block's arrays (53 bytes a row) are what is kept until then.
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

    def _row(self, j: int) -> OewsRow:
        block, values = self._block, self._values
        cells: list[str | None] = []
        notes: dict[str, str] = {}
        try:
            for i, datatype in enumerate(DATATYPES):
                value, footnote = values.kinds[block.kinds[i][j]]
                cells.append(
                    values.words[i][block.codes[i][j]] if value == NUMBER else MARKERS[value]
                )
                if footnote is not None:
                    notes[datatype] = footnote
        except IndexError:
            block.texts(i, values.words[i], block.name)  # raises, naming the block
            raise
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
