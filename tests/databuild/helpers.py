"""Plain helpers shared by the build tool's tests: the committed data files, read
back, and the problems listed in a build error."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

import pytest

from databuild import onet, packs, writer
from databuild.writer import Json, rows_of
from tests.helpers import REPO_ROOT, obj

COMMITTED = REPO_ROOT / "src" / "occprofile" / "data"
HAND_WRITTEN = ("__init__.py", "README.md")


def generated_files(folder: Path) -> dict[str, bytes]:
    """Every generated file under `folder` by relative path (hand-written files excluded)."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and path.name not in HAND_WRITTEN and "__pycache__" not in relative:
            found[relative] = path.read_bytes()
    return found


def read_doc(folder: Path, path: str) -> Json:
    """A file's document, or a pack member's (``"onet.pack/43-6013.00"``; an OEWS
    member as the ``{"code", "estimates"}`` document its columns hold)."""
    pack, slash, member = path.partition("/")
    if not slash:
        return writer.decode(path, (folder / path).read_bytes())
    offset, length, _ = members(folder, pack)[member]
    zdict = dictionary(folder, pack)
    data = zlib.decompressobj(zdict=zdict).decompress(
        (folder / pack).read_bytes()[offset : offset + length]
    )
    if pack == packs.OEWS_PACK:
        codes = _area_codes(folder)
        return packs.decode_block(member, data, read_doc(folder, packs.VALUES), codes)
    return onet.profile_of_stored(json.loads(data))  # its rating sections as rows


def dictionary(folder: Path, pack: str) -> bytes:
    """A pack's preset dictionary in ``folder`` (``b""``: it has none)."""
    manifest = json.loads((folder / "manifest.json").read_bytes())
    (entry,) = (e for e in manifest["outputs"] if e["path"] == pack)
    if "dictionary" not in entry:
        return b""
    offset, length, _ = entry["dictionary"]
    return (folder / pack).read_bytes()[offset : offset + length]


def _area_codes(folder: Path) -> list[str]:
    return [str(a["code"]) for a in rows_of(obj(read_doc(folder, "areas.json"))["areas"], "areas")]


def members(folder: Path, pack: str) -> dict[str, list[Any]]:
    """A pack's index in ``folder`` (its index file): member -> [offset, length, crc32]."""
    index = packs.decode_index((folder / packs.index_name(pack)).read_bytes())
    return {name: list(where) for name, where in index.items()}


def write_index(folder: Path, pack: str, index: dict[str, list[Any]]) -> None:
    """Rewrite ``pack``'s index file (the manifest is left alone)."""
    data = packs.encode_index({m: (int(o), int(n), int(c)) for m, (o, n, c) in index.items()})
    (folder / packs.index_name(pack)).write_bytes(data)


def write_member(folder: Path, path: str, document: Json) -> None:
    """Replace a pack member by ``document`` (encoded as the build does), the members
    after it moved in its index file; the checksums are left alone (``refresh_manifest``
    updates them)."""
    pack, _, member = path.partition("/")
    index = members(folder, pack)
    if pack == packs.OEWS_PACK:
        codes = _area_codes(folder)
        data = packs.BlockEncoder(read_doc(folder, packs.VALUES), codes).block(document)
    else:
        data = writer.encode_json(onet.stored_profile(document))
    zdict = dictionary(folder, pack)
    deflater = zlib.compressobj(9, zdict=zdict) if zdict else zlib.compressobj(9)
    stored = deflater.compress(data) + deflater.flush()
    whole = (folder / pack).read_bytes()
    offset, length, _ = index[member]
    (folder / pack).write_bytes(whole[:offset] + stored + whole[offset + length :])
    shift = len(stored) - length
    for name, where in index.items():
        if name == member:
            where[1] += shift
        elif where[0] > offset:
            where[0] += shift
    write_index(folder, pack, index)
    manifest = json.loads((folder / "manifest.json").read_bytes())
    (entry,) = (e for e in manifest["outputs"] if e["path"] == pack)
    entry["size"] += shift
    (folder / "manifest.json").write_bytes(writer.encode("manifest.json", manifest))


def committed(path: str) -> Json:
    if not (COMMITTED / path.partition("/")[0]).is_file():
        pytest.fail(f"{COMMITTED / path} is missing; run `python -m databuild`")
    return read_doc(COMMITTED, path)


def problems_of(error: BaseException, prefix: str) -> list[str]:
    """The `; `-joined problems of an error message that starts with `prefix: `."""
    message = str(error)
    assert message.startswith(prefix + ": "), message
    return message.removeprefix(prefix + ": ").split("; ")
