"""Batch title coding: free-text job titles to O*NET-SOC codes, one row per title.

How a title matched is said in words: "code", "exact title" (an O*NET,
OEWS, alternate or reported title), "search" (a confident best hit),
"ambiguous" (the best of several equally good hits, listed in ``note``) or
"no match". A title is never silently coded to something it only resembles:
a weak best hit is reported with its score and ``matched="weak"``.
"""

from __future__ import annotations

from typing import Any

#: The lowest search score reported as a match (the lookup's own confident bar is 0.9).
WEAK = 0.6


class CodedTitles(list[dict[str, Any]]):
    """The coded rows, printable as CSV (the default), JSON or text."""

    def to_records(self) -> list[dict[str, Any]]:
        return list(self)


def code_title(title: str) -> dict[str, Any]:
    """One row: title, code, onet_title, score, matched, note."""
    import occprofile as op

    row: dict[str, Any] = {
        "title": title,
        "code": None,
        "onet_title": None,
        "score": None,
        "matched": "no match",
        "note": None,
    }
    try:
        occ = op.occupation(title)
    except op.AmbiguousOccupationError as exc:
        row["note"] = "; ".join(exc.candidates[:5])
        return _best_hit(op, title, row, "ambiguous")
    except op.OccprofileError as exc:
        row["note"] = str(exc) if len(str(exc)) <= 200 else str(exc)[:199] + "…"
        return _best_hit(op, title, row, "search")
    if any(c.isdigit() for c in title):
        how, score = "code", 1.0
    else:  # the lookup accepts a near-exact search hit too: say which it was
        hits = op.search(title, 1)
        score = hits[0].score if hits and hits[0].occupation == occ else 1.0
        how = "exact title" if score == 1.0 else "search"
    row.update(code=occ.code, onet_title=occ.title, score=round(score, 4), matched=how)
    return row


def _best_hit(op: Any, title: str, row: dict[str, Any], how: str) -> dict[str, Any]:
    try:
        hits = op.search(title, 1)
    except op.OccprofileError:
        return row
    if not hits or hits[0].score < WEAK:
        return row
    hit = hits[0]
    confident = how == "ambiguous" or hit.score >= 0.9
    row.update(
        code=hit.occupation.code,
        onet_title=hit.occupation.title,
        score=round(hit.score, 4),
        matched=how if confident else "weak",
    )
    return row
