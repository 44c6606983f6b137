"""occupations.json: the lookup index, including which OEWS code gives each O*NET code's wages.

O*NET splits some SOC occupations further (`15-1252.00`, `.01`, ...) and OEWS
publishes some only at the broad level, so the crosswalk is decided here once,
by a fixed rule, instead of by the library at every lookup.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from databuild.writer import Json


@dataclass(frozen=True)
class WageLink:
    """The OEWS code whose wages apply to one O*NET code, and how it was found."""

    code: str | None
    basis: str | None


def wage_link(onet_code: str, oews_codes: set[str]) -> WageLink:
    """Exact 6-digit SOC if OEWS has it, else the broad `XX-XXX0`, else none."""
    detailed = onet_code.split(".", 1)[0]
    if detailed in oews_codes:
        return WageLink(detailed, "detailed")
    broad = detailed[:-1] + "0"
    if broad in oews_codes:
        return WageLink(broad, "broad")
    return WageLink(None, None)


def occupations_document(
    onet: list[tuple[str, str]], oews: list[Json], oews_codes: set[str]
) -> tuple[Json, Counter[str]]:
    """The document and how many O*NET codes got each wage basis (`none` for null)."""
    entries: list[Json] = []
    bases: Counter[str] = Counter()
    for code, title in onet:
        link = wage_link(code, oews_codes)
        bases[link.basis or "none"] += 1
        entries.append(
            {"code": code, "title": title, "wage_code": link.code, "wage_basis": link.basis}
        )
    return {"onet": entries, "oews": oews}, bases
