"""similarity.json.gz: importance vectors of every rated occupation, in one file.

"Which jobs need what this one needs?" compares one occupation's importance
ratings with every other's. Reading 1,016 profile files for that would take
seconds, so the build lays the same values (copied, not recomputed) out as one
matrix per domain: a fixed element order and one row per occupation.

The values are stored as integer hundredths (O*NET publishes importance with
two decimals; a value that is not the double nearest some ``d.dd`` stops the
build), in the binary layout ``occprofile._store.importance`` reads: a uint16
per value, column by column, as two byte planes (low bytes, then high), base64
in the JSON. Decoding that is a few passes in C where the JSON parse of
100,000 decimal numbers was the first similarity question's main cost.
"""

from __future__ import annotations

import binascii
from collections.abc import Mapping, Sequence

from databuild.writer import Json
from occprofile._store.importance import MISSING, SCALE

DOMAINS = ("skills", "knowledge", "abilities")


class SimilarityError(ValueError):
    """An importance value the stored form cannot hold exactly."""


def _importance(rating: Json) -> tuple[str, float] | None:
    assert isinstance(rating, dict)
    measure = rating["importance"]
    if measure is None:
        return None
    assert isinstance(measure, dict)
    value = measure["value"]
    element = rating["element_id"]
    assert isinstance(value, float | int)
    assert isinstance(element, str)
    return element, float(value)


def hundredths(value: float, where: str) -> int:
    """``value`` as integer hundredths, if that is exactly what it is: ``h / 100`` must
    give back the same double (the value was published with at most two decimals)."""
    h = round(value * SCALE)
    if not 0 <= h < MISSING or h / SCALE != value:
        raise SimilarityError(
            f"{where}: importance {value!r} is not a number of hundredths from 0 to "
            f"{(MISSING - 1) / SCALE} (O*NET publishes importance with two decimals)"
        )
    return h


def encode_values(columns: Sequence[Sequence[float | None]], where: str) -> str:
    """The stored form of ``columns`` (one list of values per element): hundredths as
    little-endian uint16, every column after the other, low byte planes then high, base64."""
    stored = [
        MISSING if v is None else hundredths(v, f"{where} element {j}")
        for j, column in enumerate(columns)
        for v in column
    ]
    low = bytes(h & 0xFF for h in stored)
    high = bytes(h >> 8 for h in stored)
    return binascii.b2a_base64(low + high, newline=False).decode("ascii")


def decode_values(text: str, n: int, width: int) -> list[list[float | None]]:
    """The columns :func:`encode_values` stored (databuild's own reading, to check it)."""
    raw = binascii.a2b_base64(text)
    size = n * width
    if len(raw) != 2 * size or binascii.b2a_base64(raw, newline=False).decode() != text:
        raise SimilarityError(f"{len(raw)} bytes of importance for {n} x {width} values")
    stored = [raw[i] | raw[size + i] << 8 for i in range(size)]
    return [
        [None if h == MISSING else h / SCALE for h in stored[j * n : (j + 1) * n]]
        for j in range(width)
    ]


def similarity_document(profiles: Mapping[str, Json]) -> Json:
    """Per domain: the element ids, the codes of the occupations with that domain
    rated, and their importance values (``importance``, see :func:`encode_values`).

    An occupation with no rating for some element has ``MISSING`` there. What is
    encoded is decoded again and compared with the profiles' values.
    """
    domains: dict[str, Json] = {}
    for domain in DOMAINS:
        rows: dict[str, dict[str, float]] = {}
        for code, profile in sorted(profiles.items()):
            assert isinstance(profile, dict)
            ratings = profile["ratings"]
            assert isinstance(ratings, dict)
            listed = ratings[domain]
            if not listed:
                continue
            assert isinstance(listed, list)
            values = dict(filter(None, (_importance(r) for r in listed)))
            if values:
                rows[code] = values
        elements = sorted({e for values in rows.values() for e in values})
        columns = [[values.get(e) for values in rows.values()] for e in elements]
        text = encode_values(columns, domain)
        if decode_values(text, len(rows), len(elements)) != columns:
            raise SimilarityError(f"{domain}: the stored importance does not read back")
        domains[domain] = {"elements": list(elements), "codes": list(rows), "importance": text}
    return {"domains": domains}
