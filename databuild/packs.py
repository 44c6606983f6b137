"""The pack files: per-occupation documents stored as members of one file each.

Two packs replace 2,120 per-occupation files: ``onet.pack`` holds each
profile's JSON (zlib, level 9) and ``oews.pack`` each OEWS occupation's
column block (see ``occprofile._store.oews_columns``), whose released texts
are stored once in ``oews_values.json.gz``. Members are in name order, each
its own zlib stream, so the same documents give byte-identical packs and
the library reads one member without the others.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from databuild.writer import Json, sha256_bytes
from occprofile._store.oews_columns import DASH, DATATYPES, NONE, NUMBER, encode_block

ONET_PACK = "onet.pack"
OEWS_PACK = "oews.pack"
PACKS = (OEWS_PACK, ONET_PACK)
VALUES = "oews_values.json.gz"


@dataclass(frozen=True)
class Pack:
    """A pack's bytes and its manifest entry's index: member -> (offset, length, sha256),
    and where its preset dictionary is (``None``: the pack has none)."""

    data: bytes
    members: dict[str, tuple[int, int, str]]
    dictionary: tuple[int, int, str] | None = None


def pack(members: Mapping[str, bytes], dictionary: bytes = b"") -> Pack:
    """Members (name -> uncompressed bytes) compressed one by one, in name order.

    With a ``dictionary`` (at most 32 kB: zlib's window), the pack starts with it
    and every member is compressed against it (``zdict``): what the members
    share is then stored once, not in each member."""
    assert len(dictionary) <= 32768
    parts: list[bytes] = [dictionary]
    index: dict[str, tuple[int, int, str]] = {}
    offset = len(dictionary)
    for name in sorted(members):
        deflater = zlib.compressobj(9, zdict=dictionary) if dictionary else zlib.compressobj(9)
        stored = deflater.compress(members[name]) + deflater.flush()
        index[name] = (offset, len(stored), sha256_bytes(stored))
        parts.append(stored)
        offset += len(stored)
    where = (0, len(dictionary), sha256_bytes(dictionary)) if dictionary else None
    return Pack(b"".join(parts), index, where)


def unpack(
    data: bytes, members: Mapping[str, Sequence[int | str]], dictionary: Sequence[int | str] = ()
) -> dict[str, bytes]:
    """The inverse of :func:`pack`, for verification: member -> inflated bytes
    (``dictionary``: the manifest's ``[offset, length, sha256]`` of it, if any)."""
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


def _number_key(text: str) -> tuple[float, str]:
    return float(text), text


def values_document(documents: Mapping[str, Json]) -> Json:
    """oews_values.json.gz from the OEWS documents (``{"code", "estimates"}`` each):
    each datatype's distinct released texts, by value, and every cell kind seen."""
    texts: list[set[str]] = [set() for _ in DATATYPES]
    kinds: set[tuple[str, str | None]] = set()
    for document in documents.values():
        for _, values, notes in _rows(document):
            for i, datatype in enumerate(DATATYPES):
                text = values[i]
                kinds.add(_kind(text, notes.get(datatype)))
                if text is not None and text != "-":
                    texts[i].add(text)
    ordered = [(NUMBER, None), *sorted(kinds - {(NUMBER, None)}, key=lambda k: (k[0], k[1] or ""))]
    return {
        "kinds": [{"value": v, "footnote": f} for v, f in ordered],
        "values": {
            datatype: ",".join(sorted(found, key=_number_key) or ["0"])
            for datatype, found in zip(DATATYPES, texts, strict=True)
        },
    }


def _rows(document: Json) -> list[tuple[str, list[str | None], dict[str, str]]]:
    assert isinstance(document, dict)
    rows = document["estimates"]
    assert isinstance(rows, list)
    return [(r[0], r[1], r[2]) for r in rows]  # type: ignore[index,misc]


class BlockEncoder:
    """Encodes OEWS documents as column blocks against one values document."""

    def __init__(self, values: Json, area_codes: Sequence[str]) -> None:
        assert isinstance(values, dict)
        kinds, texts = values["kinds"], values["values"]
        assert isinstance(kinds, list)
        assert isinstance(texts, dict)
        self.kinds = {
            (str(k["value"]), k["footnote"]): i  # type: ignore[call-overload,index]
            for i, k in enumerate(kinds)
        }
        self.codes = [
            {text: i for i, text in enumerate(str(texts[d]).split(","))} for d in DATATYPES
        ]
        self.areas = {code: i for i, code in enumerate(area_codes)}

    def block(self, document: Json) -> bytes:
        rows = _rows(document)
        areas = [self.areas[area] for area, _, _ in rows]
        codes = []
        kinds = []
        for i, datatype in enumerate(DATATYPES):
            column = [values[i] for _, values, _ in rows]
            codes.append([self.codes[i][t] if t is not None and t != "-" else 0 for t in column])
            kinds.append(
                [
                    self.kinds[_kind(t, notes.get(datatype))]
                    for t, (_, _, notes) in zip(column, rows, strict=True)
                ]
            )
        return encode_block(areas, codes, kinds)


def decode_block(code: str, block: bytes, values: Json, area_codes: Sequence[str]) -> Json:
    """The OEWS document a column block holds, decoded by the build's own code (not
    the library's), so verification checks the encoding both ways."""
    assert isinstance(values, dict)
    kinds, texts = values["kinds"], values["values"]
    assert isinstance(kinds, list)
    assert isinstance(texts, dict)
    n = int.from_bytes(block[:4], "little")
    at = 4

    def plane() -> list[int]:
        nonlocal at
        low, high = block[at : at + n], block[at + n : at + 2 * n]
        at += 2 * n
        return [lo | hi << 8 for lo, hi in zip(low, high, strict=True)]

    areas = plane()
    codes = [plane() for _ in DATATYPES]
    cells = []
    for _ in DATATYPES:
        cells.append(list(block[at : at + n]))
        at += n
    if at != len(block):
        raise ValueError(f"{OEWS_PACK}/{code}: {len(block)} bytes, {at} expected")
    words = [str(texts[d]).split(",") for d in DATATYPES]
    rows: list[Json] = []
    for j in range(n):
        values_j: list[Json] = []
        notes: dict[str, Json] = {}
        for i, datatype in enumerate(DATATYPES):
            kind = kinds[cells[i][j]]
            assert isinstance(kind, dict)
            value = kind["value"]
            values_j.append(
                words[i][codes[i][j]] if value == NUMBER else "-" if value == DASH else None
            )
            if kind["footnote"] is not None:
                notes[datatype] = kind["footnote"]
        rows.append([area_codes[areas[j]], values_j, notes])
    return {"code": code, "estimates": rows}
