"""onet.pack's stored form: rating sections as columns, members against one dictionary."""

from __future__ import annotations

import copy
import zlib
from collections.abc import Sequence
from typing import Any

import pytest

from databuild import onet, packs
from databuild.writer import Json, encode_json

SKILLS = "onet-29.3/Skills.xlsx"


def _measure(value: float, se: float | None, source: str = SKILLS) -> Json:
    return {
        "value": value,
        "n": 8 if se is not None else None,
        "standard_error": se,
        "lower_ci": None if se is None else value - 0.5,
        "upper_ci": None if se is None else value + 0.5,
        "recommend_suppress": False if se is not None else None,
        "not_relevant": None,
        "date": "08/2023",
        "domain_source": "Analyst",
        "source": source,
    }


def _profile(code: str, skills: list[Json] | None) -> Json:
    return {
        "code": code,
        "title": "A title",
        "ratings": {
            "skills": skills,
            "knowledge": [],
            "abilities": [
                {"element_id": "1.A.1.a.1", "importance": _measure(3.12, None), "level": None}
            ],
            "work_activities": None,
            "work_styles": [],
        },
    }


ROWS: list[Json] = [
    {"element_id": "2.A.1.a", "importance": _measure(4.12, 0.125), "level": _measure(3.5, 0.2)},
    {"element_id": "2.A.1.b", "importance": _measure(2.0, 0.0), "level": None},
]


def test_the_columns_give_back_the_rows() -> None:
    profile = _profile("11-1011.00", ROWS)
    stored: Any = onet.stored_profile(profile)
    skills = stored["ratings"]["skills"]
    assert skills["element_ids"] == ["2.A.1.a", "2.A.1.b"]
    assert skills["importance"]["source"] == SKILLS  # stored once for the section
    assert skills["level"]["value"] == [3.5, None]  # no level for the second element
    assert stored["ratings"]["work_activities"] is None
    assert stored["ratings"]["knowledge"] == {
        "element_ids": [],
        "importance": None,
        "level": None,
    }
    assert encode_json(onet.profile_of_stored(stored)) == encode_json(profile)


def test_a_section_mixing_sources_stops_the_build() -> None:
    rows = copy.deepcopy(ROWS)
    rows[1]["importance"]["source"] = "onet-29.3/Other.xlsx"  # type: ignore[index,call-overload]
    with pytest.raises(ValueError, match="source differs between rows"):
        onet.stored_profile(_profile("11-1011.00", rows))


def test_the_dictionary_is_deterministic_and_fits_the_window() -> None:
    stored = [onet.stored_profile(_profile(f"11-10{i:02}.00", ROWS)) for i in range(20)]
    first = onet.profile_dictionary(stored)
    assert first == onet.profile_dictionary(list(reversed(stored)))
    assert 0 < len(first) <= 32768
    assert b'"source":"onet-29.3/Skills.xlsx"' in first  # held by every member
    assert len(onet.profile_dictionary(stored, size=64)) <= 64


def test_a_pack_with_a_dictionary_is_smaller_and_unpacks() -> None:
    stored = {
        f"11-10{i:02}.00": onet.stored_profile(_profile(f"11-10{i:02}.00", ROWS)) for i in range(20)
    }
    members = {code: encode_json(document) for code, document in stored.items()}
    plain = packs.pack(members)
    zdict = onet.profile_dictionary(stored.values())
    packed = packs.pack(members, zdict)
    assert plain.dictionary is None
    assert packed.dictionary is not None
    assert packed.dictionary[:2] == (0, len(zdict))
    assert packed.data[: len(zdict)] == zdict
    assert len(packed.data) - len(zdict) < len(plain.data)
    index: dict[str, Sequence[int | str]] = dict(packed.members)
    assert packs.unpack(packed.data, index, list(packed.dictionary)) == members
    first = min(offset for offset, _, _ in packed.members.values())
    assert first == len(zdict)
    with pytest.raises(zlib.error):  # a member needs the dictionary to inflate
        zlib.decompress(packed.data[first : first + packed.members["11-1000.00"][1]])
