"""The pack files: per-occupation documents stored as members of one file each.

Two packs replace 2,120 per-occupation files: ``onet.pack`` holds each
profile's JSON (zlib, level 9) and ``oews.pack`` each OEWS occupation's
column block (see ``occprofile._store.oews_columns``): each released value
as an integer at its datatype's fixed decimals (``DECIMALS``, recorded in
``oews_values.json.gz`` with the cell kinds). Members are in name order, each
its own zlib stream, so the same documents give byte-identical packs and
the library reads one member without the others. Each pack's member index
(offset, length, CRC-32 of each member) is a small binary file of its own,
``oews.index`` / ``onet.index`` (:func:`encode_index`), which the manifest
vouches for: a first question reads the one index it needs, not both packs'
in the manifest.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from databuild.oews import OewsError
from databuild.writer import Json, crc32_bytes
from occprofile._store.oews_columns import DASH, DATATYPES, NONE, NUMBER, encode_block
from occprofile._store.packs import ENTRY_BYTES, INDEX_HEADER, INDEX_MAGIC, INDEX_VERSION

ONET_PACK = "onet.pack"
OEWS_PACK = "oews.pack"
PACKS = (OEWS_PACK, ONET_PACK)
VALUES = "oews_values.json.gz"

#: The decimals BLS publishes each datatype with: employment none, the relative
#: standard errors one, hourly wages two, annual wages none, the location
#: quotient three, jobs per 1,000 two. The build refuses a text that is not its
#: integer at this scale rendered back (so a block's integers give the text).
DECIMALS = {
    "01": 0, "02": 1, "03": 2, "04": 0, "05": 1,
    "06": 2, "07": 2, "08": 2, "09": 2, "10": 2,
    "11": 0, "12": 0, "13": 0, "14": 0, "15": 0,
    "16": 3, "17": 2,
}  # fmt: skip


@dataclass(frozen=True)
class Pack:
    """A pack's bytes and its index: member -> (offset, length, crc32), and where its
    preset dictionary is, with its CRC-32 (``None``: the pack has none)."""

    data: bytes
    members: dict[str, tuple[int, int, int]]
    dictionary: tuple[int, int, int] | None = None


def pack(members: Mapping[str, bytes], dictionary: bytes = b"") -> Pack:
    """Members (name -> uncompressed bytes) compressed one by one, in name order.

    With a ``dictionary`` (at most 32 kB: zlib's window), the pack starts with it
    and every member is compressed against it (``zdict``): what the members
    share is then stored once, not in each member."""
    assert len(dictionary) <= 32768
    parts: list[bytes] = [dictionary]
    index: dict[str, tuple[int, int, int]] = {}
    offset = len(dictionary)
    for name in sorted(members):
        deflater = zlib.compressobj(9, zdict=dictionary) if dictionary else zlib.compressobj(9)
        stored = deflater.compress(members[name]) + deflater.flush()
        index[name] = (offset, len(stored), crc32_bytes(stored))
        parts.append(stored)
        offset += len(stored)
    where = (0, len(dictionary), crc32_bytes(dictionary)) if dictionary else None
    return Pack(b"".join(parts), index, where)


def index_name(pack: str) -> str:
    """The index file of ``pack`` (``"oews.pack"`` -> ``"oews.index"``)."""
    return pack.removesuffix(".pack") + ".index"


def encode_index(members: Mapping[str, tuple[int, int, int]]) -> bytes:
    """A pack's index file: a header (magic, version, member count, bytes of the names),
    the member names in name order joined by newlines (ASCII), then as columns each
    member's offset, its length and its CRC-32 (``<I`` each)."""
    names = sorted(members)
    assert list(members) == names, "members are packed in name order"
    text = "\n".join(names).encode("ascii")
    count = len(names)
    head = INDEX_HEADER.pack(INDEX_MAGIC, INDEX_VERSION, count, len(text))
    offsets = struct.pack(f"<{count}I", *(members[m][0] for m in names))
    lengths = struct.pack(f"<{count}I", *(members[m][1] for m in names))
    crcs = struct.pack(f"<{count}I", *(members[m][2] for m in names))
    return head + text + offsets + lengths + crcs


def decode_index(data: bytes) -> dict[str, tuple[int, int, int]]:
    """The inverse of :func:`encode_index` (databuild's own reading, not the library's,
    for verification): member -> (offset, length, crc32); ValueError if malformed."""
    try:
        magic, version, count, size = INDEX_HEADER.unpack_from(data)
    except struct.error as error:
        raise ValueError(f"index header: {error}") from error
    if (magic, version) != (INDEX_MAGIC, INDEX_VERSION):
        raise ValueError(f"index header {magic!r} version {version}")
    at = INDEX_HEADER.size + size
    if len(data) != at + ENTRY_BYTES * count:
        raise ValueError(f"index of {count} members has {len(data)} bytes")
    names = data[INDEX_HEADER.size : at].decode("ascii").split("\n") if count else []
    if len(names) != count:
        raise ValueError(f"index has {len(names)} names for {count} members")
    columns = [value for (value,) in struct.iter_unpack("<I", data[at:])]
    found: dict[str, tuple[int, int, int]] = {}
    for i, name in enumerate(names):
        found[name] = (columns[i], columns[count + i], columns[2 * count + i])
    if len(found) != count:
        raise ValueError("index names a member twice")
    return found


def unpack(
    data: bytes, members: Mapping[str, Sequence[int | str]], dictionary: Sequence[int | str] = ()
) -> dict[str, bytes]:
    """The inverse of :func:`pack`, for verification: member -> inflated bytes
    (``dictionary``: the manifest's ``[offset, length, crc32]`` of it, if any)."""
    zdict = b""
    if dictionary:
        start, size, _ = dictionary
        assert isinstance(start, int)
        assert isinstance(size, int)
        zdict = data[start : start + size]
    found = {}
    for name, (offset, length, _) in members.items():
        assert isinstance(offset, int)
        assert isinstance(length, int)
        inflater = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
        found[name] = inflater.decompress(data[offset : offset + length])
        assert inflater.eof, name
        assert not inflater.unused_data, name
    return found


def _kind(text: object, footnote: object) -> tuple[str, str | None]:
    value = NONE if text is None else DASH if text == "-" else NUMBER
    assert footnote is None or isinstance(footnote, str)
    return value, footnote


def number(text: str, datatype: str) -> int:
    """The integer of a released text at its datatype's decimals (``"24.94"`` -> 2494);
    OewsError unless the text is exactly that integer's canonical rendering."""
    decimals = DECIMALS[datatype]
    pattern = r"(0|[1-9][0-9]*)" + (rf"\.[0-9]{{{decimals}}}" if decimals else "")
    if not re.fullmatch(pattern, text):
        raise OewsError(
            f"OEWS datatype {datatype} value {text!r} is not a number with {decimals} "
            "decimals as BLS publishes them"
        )
    found = int(text.replace(".", ""))
    if text_of(found, datatype) != text:  # the other way round too
        raise OewsError(f"OEWS datatype {datatype} value {text!r} does not round-trip")
    return found


def text_of(value: int, datatype: str) -> str:
    """The published text of ``value`` (databuild's own rendering, through Decimal, not
    the library's, so verification checks the encoding both ways)."""
    decimals = DECIMALS[datatype]
    return format(Decimal(value).scaleb(-decimals), f".{decimals}f")


def values_document(documents: Mapping[str, Json]) -> Json:
    """oews_values.json.gz from the OEWS documents (``{"code", "estimates"}`` each):
    every cell kind seen and each datatype's decimals, after checking that every
    released text is a number at those decimals."""
    kinds: set[tuple[str, str | None]] = set()
    for document in documents.values():
        for _, values, notes in _rows(document):
            for i, datatype in enumerate(DATATYPES):
                text = values[i]
                kinds.add(_kind(text, notes.get(datatype)))
                if text is not None and text != "-":
                    number(text, datatype)
    ordered = [(NUMBER, None), *sorted(kinds - {(NUMBER, None)}, key=lambda k: (k[0], k[1] or ""))]
    return {
        "kinds": [[v, f] for v, f in ordered],
        "decimals": {datatype: DECIMALS[datatype] for datatype in DATATYPES},
    }


def _rows(document: Json) -> list[tuple[str, list[str | None], dict[str, str]]]:
    assert isinstance(document, dict)
    rows = document["estimates"]
    assert isinstance(rows, list)
    return [(r[0], r[1], r[2]) for r in rows]  # type: ignore[index,misc]


def _decimals(values: Json) -> None:
    """Checks the values document states the decimals this build uses."""
    assert isinstance(values, dict)
    if values["decimals"] != DECIMALS:
        raise ValueError(f"{VALUES}: decimals {values['decimals']!r}, not {DECIMALS!r}")


class BlockEncoder:
    """Encodes OEWS documents as column blocks against one values document."""

    def __init__(self, values: Json, area_codes: Sequence[str]) -> None:
        assert isinstance(values, dict)
        _decimals(values)
        kinds = values["kinds"]
        assert isinstance(kinds, list)
        self.kinds = {
            (str(k[0]), k[1]): i  # type: ignore[index]
            for i, k in enumerate(kinds)
        }
        self.areas = {code: i for i, code in enumerate(area_codes)}

    def block(self, document: Json) -> bytes:
        rows = _rows(document)
        areas = [self.areas[area] for area, _, _ in rows]
        numbers = []
        kinds = []
        for i, datatype in enumerate(DATATYPES):
            column = [values[i] for _, values, _ in rows]
            numbers.append(
                [number(t, datatype) if t is not None and t != "-" else None for t in column]
            )
            kinds.append(
                [
                    self.kinds[_kind(t, notes.get(datatype))]
                    for t, (_, _, notes) in zip(column, rows, strict=True)
                ]
            )
        return encode_block(areas, numbers, kinds)


def decode_block(code: str, block: bytes, values: Json, area_codes: Sequence[str]) -> Json:
    """The OEWS document a column block holds, decoded by the build's own code (not
    the library's), so verification checks the encoding both ways."""
    assert isinstance(values, dict)
    _decimals(values)
    kinds = values["kinds"]
    assert isinstance(kinds, list)
    n = int.from_bytes(block[:4], "little")
    widths = list(block[4 : 4 + len(DATATYPES)])
    at = 4 + len(DATATYPES)

    def plane(width: int) -> list[int]:
        nonlocal at
        planes = [block[at + b * n : at + (b + 1) * n] for b in range(width)]
        at += width * n
        return (
            [
                sum(byte << (8 * b) for b, byte in enumerate(cell))
                for cell in zip(*planes, strict=True)
            ]
            if width
            else [0] * n
        )

    areas = plane(2)
    numbers = [plane(width) for width in widths]
    for annual, hourly in ((3, 2), (10, 5), (11, 6), (12, 7), (13, 8), (14, 9)):
        # the annual wage less the hourly one times 2,080 (rounded half up, at least
        # 128), plus 128
        numbers[annual] = [
            stored
            - 128
            + max(int((Decimal(h) * Decimal("20.8")).quantize(Decimal(1), ROUND_HALF_UP)), 128)
            for stored, h in zip(numbers[annual], numbers[hourly], strict=True)
        ]
    cells = []
    for _ in DATATYPES:
        cells.append(list(block[at : at + n]))
        at += n
    if at != len(block):
        raise ValueError(f"{OEWS_PACK}/{code}: {len(block)} bytes, {at} expected")
    rows: list[Json] = []
    for j in range(n):
        values_j: list[Json] = []
        notes: dict[str, Json] = {}
        for i, datatype in enumerate(DATATYPES):
            kind = kinds[cells[i][j]]
            assert isinstance(kind, list)
            value, footnote = kind
            values_j.append(
                text_of(numbers[i][j], datatype)
                if value == NUMBER
                else "-"
                if value == DASH
                else None
            )
            if footnote is not None:
                notes[datatype] = footnote
        rows.append([area_codes[areas[j]], values_j, notes])
    return {"code": code, "estimates": rows}
