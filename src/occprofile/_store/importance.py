"""The importance values of ``similarity.json.gz``, decoded from their stored form.

A domain stores its values as integer hundredths (O*NET publishes importance
with two decimals; the build refuses any other), one little-endian uint16 per
value in two byte planes (the low bytes, then the high bytes), column by
column (every occupation's value of the first element, then of the next), the
whole as base64 text in the JSON. :data:`MISSING` marks an occupation with no
rating of an element. Decoding is a few passes in C instead of the JSON parse
of 100,000 decimal numbers, and gives the same floats: ``h / 100`` and the
parse of the text ``"d.dd"`` are both the double nearest the same decimal.
"""

from __future__ import annotations

import sys
from array import array
from typing import TYPE_CHECKING

from ..errors import DataIntegrityError

if TYPE_CHECKING:
    from .career_schema import SimilarityDomain

#: The stored integer meaning "no rating" (the largest uint16; no value is that large).
MISSING = 0xFFFF
#: Stored integers per unit of importance (the values are hundredths).
SCALE = 100
#: The resource holding the values.
RESOURCE = "similarity.json.gz"


class Stored:
    """One domain's decoded values: ``columns[j][i]`` is the stored integer of
    element ``j`` for occupation ``i`` (hundredths, or :data:`MISSING`); every one
    below ``bound``, except :data:`MISSING` where ``complete`` is false."""

    __slots__ = ("bound", "columns", "complete")

    def __init__(self, columns: list[list[int]], complete: bool, bound: int) -> None:
        self.columns = columns
        self.complete = complete
        self.bound = bound


def decode(domain: SimilarityDomain, name: str) -> Stored:
    """``domain``'s stored values, checked.

    A code listed twice, base64 that is not exactly what the build writes, or a
    length other than two bytes for each of the codes x elements, is a
    :class:`DataIntegrityError` naming ``name``.
    """
    import binascii

    n, width = len(domain.codes), len(domain.elements)
    if len(set(domain.codes)) != n:
        raise DataIntegrityError(
            f"packaged resource {name!r}: a similarity domain lists a code twice", resource=name
        )
    text = domain.importance.encode("ascii", "replace")
    try:
        raw = binascii.a2b_base64(text)
    except binascii.Error as exc:
        raise DataIntegrityError(
            f"packaged resource {name!r}: the importance values are not base64: {exc}",
            resource=name,
        ) from exc
    if binascii.b2a_base64(raw, newline=False) != text:  # stray characters a2b skips
        raise DataIntegrityError(
            f"packaged resource {name!r}: the importance values are not plain base64",
            resource=name,
        )
    size = n * width
    if len(raw) != 2 * size:
        raise DataIntegrityError(
            f"packaged resource {name!r}: {len(raw)} bytes of importance values for "
            f"{n} occupations x {width} elements, not {2 * size}",
            resource=name,
        )
    high = raw[size:]
    joined = bytearray(2 * size)
    joined[0::2] = raw[:size]
    joined[1::2] = high
    stored = array("H")
    stored.frombytes(joined)
    if sys.byteorder == "big":
        stored.byteswap()
    values = stored.tolist()
    columns = [values[j * n : (j + 1) * n] for j in range(width)]
    if not high.translate(None, b"\x00\x01"):  # every value below 512 (none missing)
        return Stored(columns, True, 512)
    return Stored(columns, MISSING not in values, MISSING)


def floats(column: list[int]) -> list[float | None]:
    """A column's values as numbers (``None``: missing), each ``h / SCALE``."""
    return [None if h == MISSING else h / SCALE for h in column]
