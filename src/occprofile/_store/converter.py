"""The package's one cattrs converter, built on first use.

A private converter (cattrs advises against customising the global one)
with ``forbid_extra_keys`` so schema drift fails loudly, and numbers
checked rather than coerced: a string where a float belongs is an error.
"""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import DataIntegrityError
from ..models import AreaKind, Status
from .schema import OewsRow, TitlesFile

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {value!r}")
    return float(value)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {value!r}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {value!r}")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    return cls(value)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _structure_oews_row(value: Any, _: type) -> OewsRow:
    """Check one OEWS estimate row by hand: 600 rows a file, so this path is hot."""
    if not isinstance(value, list) or len(value) != 3:
        raise TypeError(f"an OEWS row is [area, values, footnotes], got {value!r:.80}")
    area, values, footnotes = value
    if not isinstance(area, str) or not isinstance(values, list) or len(values) != 17:
        raise TypeError(f"malformed OEWS row {value!r:.80}")
    for v in values:
        if v is not None and not isinstance(v, str):
            raise TypeError(f"OEWS values are text or null, got {v!r} in row {area}")
    if not isinstance(footnotes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in footnotes.items()
    ):
        raise TypeError(f"malformed OEWS footnotes {footnotes!r} in row {area}")
    return (area, tuple(values), footnotes)


def _structure_titles(value: Any, _: type) -> TitlesFile:
    """Check titles.json.gz by hand: 68,000 rows, read before the first typo-tolerant lookup."""
    if not isinstance(value, dict) or set(value) != {"titles"}:
        raise TypeError(f"titles.json.gz is {{'titles': [...]}}, got {value!r:.80}")
    rows = value["titles"]
    if not isinstance(rows, list):
        raise TypeError("titles must be a list of [code, kind, title] rows")
    found = tuple(map(tuple, rows))
    # Every row a list of three texts, checked with set comprehensions (C loops):
    if (
        {type(row) for row in rows} - {list}
        or {len(row) for row in found} - {3}
        or {type(v) for row in found for v in row} - {str}
    ):
        bad = next(
            r
            for r in rows
            if type(r) is not list or len(r) != 3 or not all(isinstance(v, str) for v in r)
        )
        raise TypeError(f"a title row is [code, kind, title] text, got {bad!r:.80}")
    return TitlesFile(found)  # rows of three strings, checked above


@functools.cache
def converter() -> cattrs.Converter:
    """Return the converter (imported lazily: ``import occprofile`` stays cheap).

    ``detailed_validation`` is off: it doubles the cost of the first
    ``profile()``, and errors still name the resource, class and field.
    """
    import cattrs

    # The resources are plain JSON already decoded by the json module, so the
    # base converter suffices (the json preconf adds datetime/bytes hooks we never need).
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    conv.register_structure_hook_func(lambda t: t == OewsRow, _structure_oews_row)
    conv.register_structure_hook(TitlesFile, _structure_titles)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    # The str hook above would also catch these str-valued enums: give them their own.
    for enum_cls in (AreaKind, Status):
        conv.register_structure_hook(enum_cls, _structure_enum)
    return conv


def structure(data: Any, cls: type[T], resource: str) -> T:
    """Structure decoded JSON into ``cls``; any mismatch names the resource and path."""
    try:
        return converter().structure(data, cls)
    except Exception as exc:  # any failure here means data and schema disagree
        detail = f"{type(exc).__name__}: {exc}"
        raise DataIntegrityError(
            f"packaged resource {resource!r} does not match the schema: {detail}",
            resource=resource,
        ) from exc
