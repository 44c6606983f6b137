"""Pack files: many small resources in one file, each read on its own.

A pack (``onet.pack``, ``oews.pack``) is its members' zlib streams one after
another; the manifest records each member's offset, length and sha256. A
member is named ``<pack>/<member>`` (``"onet.pack/43-6013.00"``) wherever a
resource is named, errors included. Reading one member reads and inflates
only its slice: with ``seek`` where the package is on the filesystem, else
(a zip import) from the pack's bytes, read once and kept.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, NamedTuple

from ..errors import DataIntegrityError

#: The pack files and the kind of member each holds.
PACKS = ("oews.pack", "onet.pack")


class Member(NamedTuple):
    """Where a member's stored bytes are: its pack, offset and length, and their sha256;
    and the pack's preset dictionary, ``(offset, length, sha256)``, if it has one."""

    pack: str
    offset: int
    length: int
    sha256: str
    dictionary: tuple[int, int, str] | None = None

    def zdict(self) -> Member | None:
        """The pack's dictionary, located as a member (``None``: the pack has none)."""
        if self.dictionary is None:
            return None
        return Member(self.pack, *self.dictionary)


def members_of(manifest: Any, packs: Iterable[str] = PACKS) -> dict[str, Member]:
    """``"<pack>/<member>"`` -> :class:`Member` for the members of ``packs``, from a
    decoded manifest's ``outputs`` (a first question indexes only the pack it reads).

    Every member must lie inside its pack, members one after another with no
    gap or overlap, so a pack has exactly the bytes its index says.
    """
    wanted = set(packs)
    found: dict[str, Member] = {}
    try:
        for entry in manifest["outputs"]:
            if entry["path"] not in wanted or entry.get("members") is None:
                continue
            pack, start = entry["path"], 0
            dictionary = entry.get("dictionary")
            if dictionary is not None:  # the pack's first bytes
                offset, length, sha256 = dictionary
                if (
                    offset != 0
                    or type(length) is not int
                    or not 0 < length <= 32768
                    or not isinstance(sha256, str)
                ):
                    raise ValueError(f"dictionary of {pack} at {offset!r}+{length!r}")
                dictionary, start = (0, length, sha256), length
            index, end = _index(pack, entry["members"], start, dictionary)
            if end != entry["size"]:
                raise ValueError(f"{pack}: members end at {end}, the pack has {entry['size']}")
            found.update(index)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        from .resources import MANIFEST

        raise DataIntegrityError(
            f"{MANIFEST!r} has no well-formed pack index ({type(exc).__name__}: {exc})",
            resource=MANIFEST,
        ) from exc
    return found


def _index(
    pack: str, members: dict[str, Any], start: int, dictionary: tuple[int, int, str] | None
) -> tuple[dict[str, Member], int]:
    """A pack's members (from byte ``start``, after its dictionary) and where the last
    one ends, checked one after another: in the index's own order (the build writes
    them by name, as they are stored), else by offset."""
    for ordered in (members.items(), sorted(members.items(), key=lambda item: item[1][0])):
        index: dict[str, Member] = {}
        end = start
        for member, (offset, length, sha256) in ordered:
            if (
                type(offset) is not int
                or type(length) is not int
                or length <= 0
                or type(sha256) is not str
            ):
                raise ValueError(f"member {member!r} of {pack} at {offset!r}+{length!r}")
            if offset != end:
                break
            end = offset + length
            index[f"{pack}/{member}"] = Member(pack, offset, length, sha256, dictionary)
        else:
            return index, end
    raise ValueError(f"member {member!r} of {pack} at {offset!r}+{length!r}")


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
