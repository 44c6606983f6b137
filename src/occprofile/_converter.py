"""The package's one cattrs converter, built on first use.

A private converter (cattrs advises against customising the global one)
with ``forbid_extra_keys`` so schema drift fails loudly, and numbers
checked rather than coerced: a string where a float belongs is an error.
"""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import DataIntegrityError
from .models import AreaKind, Status

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


@functools.cache
def converter() -> cattrs.Converter:
    """Return the converter (imported lazily: ``import occprofile`` stays cheap)."""
    from cattrs.preconf.json import make_converter

    conv = make_converter(forbid_extra_keys=True)
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
    import cattrs

    try:
        return converter().structure(data, cls)
    except (cattrs.BaseValidationError, TypeError, ValueError, KeyError) as exc:
        if isinstance(exc, cattrs.BaseValidationError):
            detail = "; ".join(cattrs.transform_error(exc))
        else:
            detail = str(exc)
        raise DataIntegrityError(
            f"packaged resource {resource!r} does not match the schema: {detail}"
        ) from exc
