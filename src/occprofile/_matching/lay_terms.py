"""Lay words for occupations whose titles use another word: "doctor" means physician.

O*NET lists "Doctor" as an alternate title of physicians and of "Therapists,
All Other" alike, so the word alone ties them all and code order would put
the therapists first. A query with a lay word is scored a second time with
its official word, only to break such ties: no hit is added or dropped, and
no score changes. Each entry says why; keep the list short and unsurprising.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .text import tokens

#: stemmed lay word -> (stemmed title word it means, why)
LAY_TERMS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "doctor": (
            "physician",
            "'Doctor' is what people call physicians; O*NET's own titles say Physician.",
        ),
    }
)


def lay_rewrite(query: str) -> str | None:
    """``query``'s words with lay words replaced by their official ones; None if it has none."""
    words = tokens(query)
    if not any(w in LAY_TERMS for w in words):
        return None
    return " ".join(LAY_TERMS[w][0] if w in LAY_TERMS else w for w in words)
