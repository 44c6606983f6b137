"""The records of a search: what ``search()`` returns.

Public as :mod:`occprofile.models` names (served from there on first use):
a question by code or title never creates them.
"""

from __future__ import annotations

from attrs import frozen

from ._record import Record, Results
from .models import Occupation

__all__ = ["SearchHit", "SearchHits"]


@frozen(repr=False, eq=False)
class SearchHit(Record):
    """A search result: the occupation, the title that matched and how well (0-1].

    ``matched_kind`` says what matched: ``"title"``, ``"short"`` (O*NET's
    short title), ``"alternate"``, ``"reported"``, or ``"code"`` when the
    search text was a code (every hit then scores 1).
    """

    occupation: Occupation
    matched_title: str
    matched_kind: str
    score: float

    def _summary(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.occupation} ({self.matched_kind}: {self.matched_title}, {self.score:.2f})"


class SearchHits(Results[SearchHit]):
    """Search results, best first."""

    __slots__ = ()
    item_name = "hit"
