"""The similarity matrix (databuild.similarity): importance per domain for every rated
occupation, laid out from the profiles and committed to match them."""

from __future__ import annotations

import copy

from databuild import similarity, writer
from databuild.writer import Json
from tests.databuild.helpers import committed
from tests.helpers import lst, obj


def rating(element: str, importance: float | None) -> Json:
    measure: Json = None
    if importance is not None:
        measure = {"value": importance, "n": 8, "source": "onet-29.3/Skills.xlsx"}
    return {"element_id": element, "importance": measure, "level": {"value": 9.0}}


def profile(**domains: list[Json] | None) -> Json:
    ratings: dict[str, Json] = {
        "skills": None,
        "knowledge": None,
        "abilities": None,
        "work_activities": [rating("4.A.1.a.1", 4.25)],
        "work_styles": [rating("1.C.1.a", 3.0)],
    }
    for domain, listed in domains.items():
        ratings[domain] = copy.deepcopy(listed)
    return {"code": "x", "ratings": ratings}


def test_similarity_document_lays_out_importance_per_domain() -> None:
    profiles = {
        "43-6014.00": profile(
            skills=[rating("2.A.1.b", 3.0), rating("2.A.1.a", 4)],
            abilities=[rating("1.A.1.a.1", 2.5)],
        ),
        "11-1011.00": profile(
            skills=[rating("2.A.1.c", 1.5), rating("2.A.1.a", None)],
            knowledge=[],
            abilities=[rating("1.A.1.a.1", None)],
        ),
        "55-1011.00": profile(),
    }
    document = similarity.similarity_document(profiles)
    assert document == {
        "domains": {
            "skills": {
                "elements": ["2.A.1.a", "2.A.1.b", "2.A.1.c"],
                "rows": {"11-1011.00": [None, None, 1.5], "43-6014.00": [4.0, 3.0, None]},
            },
            "knowledge": {"elements": [], "rows": {}},
            "abilities": {"elements": ["1.A.1.a.1"], "rows": {"43-6014.00": [2.5]}},
        }
    }
    rows = obj(obj(obj(obj(document)["domains"])["skills"])["rows"])
    assert type(lst(rows["43-6014.00"])[0]) is float  # the int 4 became 4.0
    writer.encode("similarity.json.gz", document)  # plain JSON, no NaN


def test_committed_similarity_matches_the_profile() -> None:
    code = "43-6013.00"
    domains = obj(obj(committed("similarity.json.gz"))["domains"])
    assert sorted(domains) == sorted(similarity.DOMAINS)
    ratings = obj(obj(committed(f"onet.pack/{code}"))["ratings"])
    for domain in similarity.DOMAINS:
        matrix = obj(domains[domain])
        elements = [str(e) for e in lst(matrix["elements"])]
        assert elements == sorted(elements)
        row = lst(obj(matrix["rows"])[code])
        assert len(row) == len(elements)
        from_matrix = {e: v for e, v in zip(elements, row, strict=True) if v is not None}
        from_profile = {
            str(obj(r)["element_id"]): obj(obj(r)["importance"])["value"]
            for r in lst(ratings[domain])
        }
        assert from_matrix == from_profile, domain
    skills = obj(domains["skills"])
    speaking = lst(skills["elements"]).index("2.A.1.d")
    assert lst(obj(skills["rows"])[code])[speaking] == 4.0
