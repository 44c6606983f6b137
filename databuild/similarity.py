"""similarity.json.gz: importance vectors of every rated occupation, in one file.

"Which jobs need what this one needs?" compares one occupation's importance
ratings with every other's. Reading 1,016 profile files for that would take
seconds, so the build lays the same values (copied, not recomputed) out as one
matrix per domain: a fixed element order and one row per occupation.
"""

from __future__ import annotations

from collections.abc import Mapping

from databuild.writer import Json

DOMAINS = ("skills", "knowledge", "abilities")


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


def similarity_document(profiles: Mapping[str, Json]) -> Json:
    """Per domain: the element ids, and for each occupation with that domain rated, its row.

    A row lists the importance of each element in order; an occupation with no
    rating for some element has null there.
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
        domains[domain] = {
            "elements": list(elements),
            "rows": {code: [values.get(e) for e in elements] for code, values in rows.items()},
        }
    return {"domains": domains}
