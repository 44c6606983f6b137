"""Pack files: many small resources in one file, each read on its own.

A pack (``onet.pack``, ``oews.pack``) is its members' zlib streams one after
another; its index file (``onet.index``, ``oews.index``, vouched for by the
manifest's CRC-32) records each member's offset, length and CRC-32, and is
read only when that pack is first used. A member is named ``<pack>/<member>``
(``"onet.pack/43-6013.00"``) wherever a resource is named, errors included.
Reading one member reads and inflates only its slice: with ``seek`` where the
package is on the filesystem, else (a zip import) from the pack's bytes, read
once and kept.
"""

from __future__ import annotations

import functools
import operator
import struct
from bisect import bisect_left
from itertools import accumulate
from typing import Any

from ..errors import DataIntegrityError
from .resources import is_crc32

#: The pack files and the kind of member each holds.
PACKS = ("oews.pack", "onet.pack")

#: An index file's header: magic, format version, member count, bytes of the names.
INDEX_HEADER = struct.Struct("<4sIII")
INDEX_MAGIC = b"OPIX"
INDEX_VERSION = 2
#: Bytes an index entry takes besides its name: offset, length and CRC-32 (``<I`` each).
ENTRY_BYTES = 4 + 4 + 4


class _Located:
    """Equality, hash and repr by the fields in ``__slots__`` order: a plain class, as a
    ``NamedTuple`` costs a first question about 1 M instructions to create."""

    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Located)
            and type(other) is type(self)
            and self._fields() == other._fields()
        )

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self.__slots__, self._fields(), strict=True))
        return f"{type(self).__name__}({shown})"


class Member(_Located):
    """Where a member's stored bytes are: its pack, offset and length, and their CRC-32
    (``zlib.crc32``); and the pack's preset dictionary, ``(offset, length, crc32)``, if it
    has one."""

    __slots__ = ("pack", "offset", "length", "crc32", "dictionary")  # noqa: RUF023 (field order)

    def __init__(
        self,
        pack: str,
        offset: int,
        length: int,
        crc32: int,
        dictionary: tuple[int, int, int] | None = None,
    ) -> None:
        self.pack = pack
        self.offset = offset
        self.length = length
        self.crc32 = crc32
        self.dictionary = dictionary

    def zdict(self) -> Member | None:
        """The pack's dictionary, located as a member (``None``: the pack has none)."""
        if self.dictionary is None:
            return None
        return Member(self.pack, *self.dictionary)


class PackEntry(_Located):
    """A pack's manifest entry: its index file, size in bytes, member count and preset
    dictionary ``(0, length, crc32)`` (``None``: it has none)."""

    __slots__ = ("pack", "index_file", "size", "rows", "dictionary")  # noqa: RUF023 (field order)

    def __init__(
        self,
        pack: str,
        index_file: str,
        size: int,
        rows: int,
        dictionary: tuple[int, int, int] | None,
    ) -> None:
        self.pack = pack
        self.index_file = index_file
        self.size = size
        self.rows = rows
        self.dictionary = dictionary


def pack_entry(manifest: Any, pack: str) -> PackEntry | None:
    """``pack``'s entry in a decoded manifest's ``outputs`` (``None``: not listed), or a
    DataIntegrityError naming the manifest if it is malformed."""
    try:
        for entry in manifest["outputs"]:
            if entry["path"] != pack:
                continue
            index, size, rows = entry["index"], entry["size"], entry["rows"]
            if type(index) is not str or type(size) is not int or type(rows) is not int:
                raise TypeError(f"index {index!r}, size {size!r}, rows {rows!r}")
            dictionary = entry.get("dictionary")
            if dictionary is not None:  # the pack's first bytes
                offset, length, crc32 = dictionary
                if (
                    offset != 0
                    or type(length) is not int
                    or not 0 < length <= 32768
                    or not is_crc32(crc32)
                ):
                    raise ValueError(f"dictionary [{offset!r}, {length!r}, {crc32!r}]")
                dictionary = (0, length, crc32)
            return PackEntry(pack, index, size, rows, dictionary)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        from .resources import MANIFEST

        raise DataIntegrityError(
            f"{MANIFEST!r} has no well-formed entry for {pack} ({type(exc).__name__}: {exc})",
            resource=MANIFEST,
        ) from exc
    return None


class PackIndex:
    """A pack's member index, decoded from its index file's checked bytes.

    The whole index is checked when it is made (C-level passes over its
    columns, no loop over members in Python); a member is found by bisection in
    the names (checked ascending) and a :class:`Member` built only for the
    member asked for.
    """

    __slots__ = ("_crcs", "_dictionary", "_lengths", "_names", "_offsets", "pack")

    def __init__(self, entry: PackEntry, data: bytes) -> None:
        self.pack = entry.pack
        self._dictionary = entry.dictionary
        try:
            self._decode(entry, data)
        except (struct.error, ValueError) as exc:  # UnicodeDecodeError is a ValueError
            raise DataIntegrityError(
                f"packaged resource {entry.index_file!r} is not a well-formed index of "
                f"{entry.pack}: {exc}",
                resource=entry.index_file,
            ) from exc

    def _decode(self, entry: PackEntry, data: bytes) -> None:
        magic, version, count, names_size = INDEX_HEADER.unpack_from(data)
        if magic != INDEX_MAGIC or version != INDEX_VERSION:
            raise ValueError(
                f"header {magic!r} version {version}, not {INDEX_MAGIC!r} {INDEX_VERSION}"
            )
        expected = INDEX_HEADER.size + names_size + ENTRY_BYTES * count
        if len(data) != expected:
            raise ValueError(f"{len(data)} bytes, its header says {expected}")
        if count != entry.rows:
            raise ValueError(f"{count} members, the manifest says {entry.rows}")
        at = INDEX_HEADER.size
        names = data[at : at + names_size].decode("ascii").split("\n") if count else []
        at += names_size
        offsets = struct.unpack_from(f"<{count}I", data, at)
        lengths = struct.unpack_from(f"<{count}I", data, at + 4 * count)
        crcs = struct.unpack_from(f"<{count}I", data, at + 8 * count)
        if len(names) != count:
            raise ValueError(f"{len(names)} names for {count} members")
        # strictly ascending (so distinct, and bisect finds a member), none empty
        if count and not (names[0] and all(map(operator.lt, names, names[1:]))):
            raise ValueError("member names are not distinct, non-empty and in name order")
        if count and min(lengths) <= 0:
            raise ValueError(f"member {names[lengths.index(min(lengths))]!r} is empty")
        # members one after another, the first where the dictionary ends: the
        # index accounts for every byte of its pack
        start = 0 if entry.dictionary is None else entry.dictionary[1]
        starts = list(accumulate(lengths, initial=start))
        if starts[:-1] != list(offsets):
            i = next(i for i, (a, b) in enumerate(zip(starts, offsets, strict=False)) if a != b)
            raise ValueError(
                f"member {names[i]!r} at {offsets[i]}+{lengths[i]}, the one before it "
                f"ends at {starts[i]}"
            )
        if starts[-1] != entry.size:
            raise ValueError(f"members end at {starts[-1]}, {entry.pack} has {entry.size} bytes")
        self._names, self._offsets, self._lengths, self._crcs = names, offsets, lengths, crcs

    def __len__(self) -> int:
        return len(self._names)

    def get(self, member: str) -> Member | None:
        """Where ``member`` (``"43-6013"``) is stored (``None``: the index lacks it)."""
        names = self._names
        i = bisect_left(names, member)
        if i == len(names) or names[i] != member:
            return None
        return Member(
            self.pack, self._offsets[i], self._lengths[i], self._crcs[i], self._dictionary
        )

    def members(self) -> dict[str, Member]:
        """``"<pack>/<member>"`` -> :class:`Member` for every member (for the build's check)."""
        found = {}
        for member in self._names:
            where = self.get(member)
            assert where is not None
            found[f"{self.pack}/{member}"] = where
        return found


def read_slice(package: str, member: Member, name: str) -> bytes:
    """The stored (compressed) bytes of ``member``, named ``name`` in errors."""
    from .resources import file_path

    try:
        where = file_path(package, member.pack)
        if where is not None:  # a real file: read the slice only
            with open(where, "rb", buffering=0) as f:  # the slice alone, no buffer
                f.seek(member.offset)
                data = f.read(member.length)
        else:
            data = _whole(package, member.pack)[member.offset : member.offset + member.length]
    except (OSError, ModuleNotFoundError) as exc:
        raise DataIntegrityError(
            f"packaged resource {name!r} is missing in {package} ({type(exc).__name__})",
            resource=name,
        ) from exc
    if len(data) != member.length:
        raise DataIntegrityError(
            f"packaged resource {name!r} is cut short: {member.pack} ends inside it",
            resource=name,
        )
    return data


@functools.lru_cache(maxsize=8)
def _whole(package: str, pack: str) -> bytes:
    """A pack served by an importer that cannot seek (a zip): read once, kept."""
    from .resources import read_bytes

    return read_bytes(package, pack)


def inflate(name: str, stored: bytes, zdict: bytes = b"") -> bytes:
    """A member's stored bytes inflated (against its pack's preset dictionary
    ``zdict``, if any), or a DataIntegrityError naming it."""
    import zlib

    try:
        inflater = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
        data = inflater.decompress(stored)
        if not inflater.eof or inflater.unused_data:
            raise zlib.error("not exactly one whole zlib stream")
    except zlib.error as exc:
        raise DataIntegrityError(
            f"packaged resource {name!r} is not a whole zlib stream: {exc}", resource=name
        ) from exc
    return data
