"""Whatever a person types, lookups answer or raise an OccprofileError -- nothing else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import occprofile as op

typed = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]), min_size=0, max_size=40
) | st.from_regex(r"[0-9][0-9 .\-]{0,12}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(typed)
def test_occupation_lookup_never_crashes(text: str) -> None:
    try:
        occ = op.occupation(text)
    except op.OccprofileError:
        return
    assert occ in op.occupations()


@settings(max_examples=300, deadline=None)
@given(typed)
def test_area_lookup_never_crashes(text: str) -> None:
    try:
        area = op.area(text)
    except op.OccprofileError:
        return
    assert area in op.areas()


@settings(max_examples=100, deadline=None)
@given(typed)
def test_search_never_crashes(text: str) -> None:
    try:
        hits = op.search(text, n=3)
    except op.OccprofileError:
        return
    assert len(hits) <= 3
    assert all(0 < h.score <= 1 for h in hits)
