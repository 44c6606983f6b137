"""The similarity matrix (databuild.similarity): importance per domain for every rated
occupation, laid out from the profiles and committed to match them."""

from __future__ import annotations

import binascii
import copy

import pytest

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
    skills_values = similarity.encode_values([[None, 4.0], [None, 3.0], [1.5, None]], "skills")
    assert document == {
        "domains": {
            "skills": {
                "elements": ["2.A.1.a", "2.A.1.b", "2.A.1.c"],
                "codes": ["11-1011.00", "43-6014.00"],
                "importance": skills_values,
            },
            "knowledge": {"elements": [], "codes": [], "importance": ""},
            "abilities": {
                "elements": ["1.A.1.a.1"],
                "codes": ["43-6014.00"],
                "importance": similarity.encode_values([[2.5]], "abilities"),
            },
        }
    }
    # hundredths, low byte planes then high, column by column; 0xffff: no rating
    raw = binascii.a2b_base64(skills_values)
    assert raw == bytes([0xFF, 144, 0xFF, 44, 150, 0xFF, 0xFF, 1, 0xFF, 1, 0, 0xFF])
    assert similarity.decode_values(skills_values, 2, 3) == [[None, 4.0], [None, 3.0], [1.5, None]]
    writer.encode("similarity.json.gz", document)  # plain JSON, no NaN


@pytest.mark.parametrize("value", [3.125, 1.0 / 3, -0.5, 655.35, 700.0])
def test_a_value_that_is_not_hundredths_stops_the_build(value: float) -> None:
    profiles = {"43-6014.00": profile(skills=[rating("2.A.1.a", value)])}
    with pytest.raises(similarity.SimilarityError, match="two decimals"):
        similarity.similarity_document(profiles)


def test_hundredths_round_trip_through_the_library_reader() -> None:
    from occprofile._store.career_schema import SimilarityDomain
    from occprofile._store.importance import MISSING, decode

    columns: list[list[float | None]] = [[1.0, 4.75, None], [655.34, 0.0, 3.88]]
    text = similarity.encode_values(columns, "skills")
    stored = decode(SimilarityDomain(("a", "b"), ("x", "y", "z"), text), "similarity.json.gz")
    assert stored.columns == [[100, 475, MISSING], [65534, 0, 388]]
    assert not stored.complete


def test_committed_similarity_matches_the_profile() -> None:
    code = "43-6013.00"
    domains = obj(obj(committed("similarity.json.gz"))["domains"])
    assert sorted(domains) == sorted(similarity.DOMAINS)
    ratings = obj(obj(committed(f"onet.pack/{code}"))["ratings"])
    for domain in similarity.DOMAINS:
        matrix = obj(domains[domain])
        elements = [str(e) for e in lst(matrix["elements"])]
        codes = [str(c) for c in lst(matrix["codes"])]
        assert elements == sorted(elements)
        assert codes == sorted(codes)
        text = matrix["importance"]
        assert isinstance(text, str)
        columns = similarity.decode_values(text, len(codes), len(elements))
        row = [column[codes.index(code)] for column in columns]
        from_matrix = {e: v for e, v in zip(elements, row, strict=True) if v is not None}
        from_profile = {
            str(obj(r)["element_id"]): obj(obj(r)["importance"])["value"]
            for r in lst(ratings[domain])
        }
        assert from_matrix == from_profile, domain
    skills = obj(domains["skills"])
    speaking = lst(skills["elements"]).index("2.A.1.d")
    codes = lst(skills["codes"])
    text = skills["importance"]
    assert isinstance(text, str)
    values = similarity.decode_values(text, len(codes), len(lst(skills["elements"])))
    assert values[speaking][codes.index(code)] == 4.0
