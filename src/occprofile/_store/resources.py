"""The one place that reads packaged data, through the import system only.

Resources are read through the package's loader (``get_data``, the import
system's resource read), or ``importlib.resources`` for a loader without it,
so the package works from a wheel, a zip file or any other importer (a pack
member is read with ``seek`` only where the package is a directory on disk). Every failure to
read, check or decode a resource is a :class:`DataIntegrityError` naming the
file, never a raw ``EOFError`` or ``JSONDecodeError``.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from ..errors import ArgumentTypeError, DataIntegrityError, InvalidArgumentError, UnknownNameError

#: The package whose resources hold the bundled data.
DEFAULT_PACKAGE = "occprofile.data"

MANIFEST = "manifest.json"


def check_package(package: object) -> str:
    """``package`` if it names an importable package holding a manifest, else a typed error.

    Checked when a store is made (a wrong ``Dataset(package=...)`` fails at
    once, not at its first question); a stat, no resource is read.
    """
    if not isinstance(package, str):
        raise ArgumentTypeError(
            f"package must be the dotted name of a data package (a str), "
            f"not {type(package).__name__}: {package!r}"
        )
    parts = package.split(".")
    if not all(p.isidentifier() for p in parts) or package == "__main__":
        raise InvalidArgumentError(
            f"package must be the dotted name of an importable data package such as "
            f"{DEFAULT_PACKAGE!r}, not {package!r}"
        )
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except Exception:  # a parent package that is missing or fails to import
        spec = None
    if spec is None:
        raise UnknownNameError(
            package, [DEFAULT_PACKAGE], detail=f"No importable package {package!r}."
        )
    locations = spec.submodule_search_locations
    if locations is None:
        raise InvalidArgumentError(
            f"{package!r} is a module, not a package of occprofile data resources"
        )
    # Packages on the filesystem are checked for a manifest now; others
    # (zip imports) when first read.
    on_disk = [loc for loc in locations if os.path.isdir(loc)]
    if on_disk and not any(os.path.isfile(os.path.join(loc, MANIFEST)) for loc in on_disk):
        raise DataIntegrityError(
            f"{package!r} holds no {MANIFEST}: it is not a package of occprofile data "
            "(build one with `python -m databuild`)",
            resource=MANIFEST,
        )
    return package


@functools.cache
def _directory(package: str) -> tuple[Any, str] | None:
    """The loader's ``get_data`` and the package's one directory, where the loader has it.

    That is the import system's own resource read (PEP 302): a file on disk or
    a member of a zip archive alike, with nothing more imported. A loader
    without it (or a namespace package) is read through ``importlib.resources``.
    """
    import importlib.util

    spec = importlib.util.find_spec(package)
    get_data = getattr(getattr(spec, "loader", None), "get_data", None)
    locations = list(getattr(spec, "submodule_search_locations", None) or ())
    if get_data is None or len(locations) != 1:
        return None
    return get_data, locations[0]


@functools.cache
def _root(package: str) -> Any:
    # Only for a loader without get_data. Imported here, not at module level:
    # ``import occprofile`` reads nothing. The standard library's files() serves
    # everything on 3.10+; the backport (a declared dependency) is the fallback.
    try:
        from importlib.resources import files
    except ImportError:  # pragma: no cover - every supported CPython has it
        from importlib_resources import files  # type: ignore[assignment]

    return files(package)


def file_path(package: str, name: str) -> str | None:
    """The filesystem path of resource ``name`` where the package is a directory on
    disk (so a pack member can be read with ``seek``), else ``None``."""
    found = _directory(package)
    if found is None or not os.path.isdir(found[1]):
        return None
    return os.path.join(found[1], *name.split("/"))


def read_bytes(package: str, name: str) -> bytes:
    """Return the bytes of file ``name`` (``"areas.json"``)."""
    try:
        found = _directory(package)
        if found is not None:
            get_data, directory = found
            data: bytes = get_data(os.path.join(directory, *name.split("/")))
        else:
            where = _root(package)
            for part in name.split("/"):
                where = where.joinpath(part)
            data = where.read_bytes()
    except (OSError, ModuleNotFoundError) as exc:
        raise DataIntegrityError(
            f"packaged resource {name!r} is missing in {package} ({type(exc).__name__})",
            resource=name,
        ) from exc
    return data


def is_crc32(value: object) -> bool:
    """Whether ``value`` is a CRC-32 as the manifest and the index files record it: an
    ``int`` of 32 bits (``zlib.crc32``'s value), not a bool or a text."""
    return type(value) is int and 0 <= value <= 0xFFFFFFFF


def verify(name: str, data: bytes, expected: int, *, by: str = MANIFEST) -> None:
    """Fail unless ``data`` has the CRC-32 that ``by`` (the manifest, or a pack's index
    for its members) recorded for ``name``.

    CRC-32 (``zlib.crc32``, as zip, gzip and PNG use it) catches accidental damage:
    every burst of up to 32 changed bits, any other change but once in 2^32. The
    checksums ship with the data, so no digest would stop a deliberate change; each
    file's sha256 stays in the manifest as provenance, which the build checks. zlib
    inflates the data anyway: no hashing library is imported to answer a question.
    """
    import zlib

    actual = zlib.crc32(data)
    if actual != expected:
        raise DataIntegrityError(
            f"packaged resource {name!r} was changed after the build: its CRC-32 is "
            f"{actual:08x}, {by} records {expected:08x}",
            resource=name,
        )


def read_document(package: str, name: str, crc32: int | None) -> bytes:
    """The checked bytes of resource ``name``, gunzipped if it is a ``*.gz`` file.

    ``crc32`` is the checksum the manifest records (``None`` only for the
    manifest itself, which cannot vouch for itself).
    """
    return decode(name, read_bytes(package, name), crc32)


def decode(name: str, raw: bytes, crc32: int | None) -> bytes:
    """Check the bytes of resource ``name`` against ``crc32`` and gunzip them, as
    :func:`read_json` does (the build checks the files it wrote with this too)."""
    if crc32 is not None:
        verify(name, raw, crc32)
    elif name != MANIFEST:
        raise DataIntegrityError(
            f"packaged resource {name!r} is not listed in {MANIFEST}", resource=name
        )
    if name.endswith(".gz"):
        import zlib

        # zlib reads the gzip format itself (wbits 16 + 15): the gzip module is not imported.
        try:
            inflater = zlib.decompressobj(31)
            data = inflater.decompress(raw)
            if not inflater.eof or inflater.unused_data:
                raise zlib.error("not exactly one whole gzip member")
        except zlib.error as exc:
            raise DataIntegrityError(
                f"packaged resource {name!r} is not a whole gzip file: {exc}",
                resource=name,
            ) from exc
        return data
    return raw


def decode_json(name: str, document: bytes) -> Any:
    """A resource's checked bytes as JSON, or a DataIntegrityError naming it."""
    import json

    try:
        # Decoded as UTF-8 here: json.loads would guess UTF-16 or UTF-32 from the bytes.
        return json.loads(document.decode("utf-8"), parse_constant=_no_constant)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise DataIntegrityError(
            f"packaged resource {name!r} is not valid UTF-8 JSON: {exc}", resource=name
        ) from exc


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number (the build never writes it)")


def read_json(package: str, name: str, crc32: int | None) -> Any:
    """Read, check and decode a JSON resource, gunzipping ``*.gz`` files."""
    return decode_json(name, read_document(package, name, crc32))


def load_json(name: str, raw: bytes, crc32: int | None) -> Any:
    """The bytes of JSON resource ``name`` checked, gunzipped and decoded (for the build)."""
    return decode_json(name, decode(name, raw, crc32))


def manifest_checksums(manifest: Any) -> dict[str, int]:
    """File path -> CRC-32 from a decoded manifest (the packs' members: their index
    files); the files' sha256 are provenance, not read here."""
    found: dict[str, int] = {}
    try:
        for entry in manifest["outputs"]:
            crc32 = entry["crc32"]
            if not is_crc32(crc32):
                raise ValueError(f"{entry['path']!r} has crc32 {crc32!r}, not a 32-bit int")
            found[entry["path"]] = crc32
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise DataIntegrityError(
            f"{MANIFEST!r} has no well-formed outputs list ({type(exc).__name__}: {exc})",
            resource=MANIFEST,
        ) from exc
    return found
