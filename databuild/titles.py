"""titles.json.gz: the typo-tolerant title index, built once here instead of in each process.

The official titles (in occupations.json order) and every alternate, short
and reported title (``onet.titles_document``), indexed by
:class:`occprofile._matching.text.TitleIndex` (the code that matches them)
and stored as its text fields; docs/data-format.md describes them.
"""

from __future__ import annotations

from databuild.writer import Json
from occprofile._matching.text import TitleIndex


def title_index_document(official: list[tuple[str, str]], titles: Json) -> Json:
    """The document of ``official`` ``(code, title)`` pairs (occupations.json order)
    followed by ``titles`` (``onet.titles_document``'s ``[code, kind, title]`` rows)."""
    assert isinstance(titles, dict)
    assert isinstance(titles["titles"], list)
    entries = [(code, "title", title) for code, title in official]
    for row in titles["titles"]:
        assert isinstance(row, list)
        code, kind, title = (str(v) for v in row)
        entries.append((code, kind, title))
    packed: dict[str, Json] = dict(TitleIndex(entries).packed())
    return packed
