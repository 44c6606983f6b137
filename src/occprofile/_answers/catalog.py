"""What the package holds, by key: its releases and the Content Model's elements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._matching.arguments import check_str
from .._matching.text import close_matches
from ..errors import UnknownNameError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..models import Element, Release


def release(releases: Sequence[Release], key: str) -> Release:
    """The release called ``key``; an unknown key lists the keys there are."""
    check_str(key, "release key")
    for r in releases:
        if r.key == key:
            return r
    keys = [r.key for r in releases]
    raise UnknownNameError(
        key,
        close_matches(key, keys, n=2),
        detail=f"Unknown release {key!r}: the releases are {keys}.",
    )


def element(elements: Mapping[str, Element], element_id: str) -> Element:
    """A Content Model element by id (``"2.A.1.a"``), or by its exact name."""
    check_str(element_id, "element id")
    found = elements.get(element_id.strip())
    if found is not None:
        return found
    by_name = {e.name.casefold(): e for e in elements.values()}
    named = by_name.get(element_id.strip().casefold())
    if named is not None:
        return named
    # "2.A.1.zz" -> the elements under "2.A.1"; else elements named alike.
    parent = element_id.strip().rstrip(".").rpartition(".")[0]
    near_ids = [e for e in elements if parent and e.startswith(parent + ".")]
    suggestions = near_ids[:5] or [
        f"{by_name[n].id} {by_name[n].name}"
        for n in close_matches(element_id.casefold(), by_name, n=5)
    ]
    raise UnknownNameError(
        element_id,
        suggestions,
        detail=f"No Content Model element has the id or name {element_id!r}.",
    )
