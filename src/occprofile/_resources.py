"""The one place that reads packaged data: ``importlib.resources`` only.

Paths are never built on the filesystem, so the package works from a wheel,
a zip file or any other importer that serves resources.
"""

from __future__ import annotations

from typing import Any

from .errors import DataIntegrityError

#: The package whose resources hold the bundled data.
DEFAULT_PACKAGE = "occprofile.data"


def _node(package: str, name: str) -> Any:
    # Imported here, not at module level: ``import occprofile`` reads nothing.
    import importlib_resources

    node = importlib_resources.files(package)
    for part in name.split("/"):
        node = node.joinpath(part)
    return node


def read_bytes(package: str, name: str) -> bytes:
    """Return the bytes of resource ``name`` (``"onet/43-6013.00.json.gz"``)."""
    data: bytes = _node(package, name).read_bytes()
    return data


def read_json(package: str, name: str) -> Any:
    """Read and decode a JSON resource, gunzipping ``*.gz`` files."""
    import json

    try:
        raw = read_bytes(package, name)
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise DataIntegrityError(f"packaged resource {name!r} is missing in {package}") from exc
    if name.endswith(".gz"):
        import gzip

        raw = gzip.decompress(raw)
    return json.loads(raw)
