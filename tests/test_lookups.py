"""Resolving what people type into occupations and areas, and the errors when it fails."""

from __future__ import annotations

import pytest

import occprofile as op
from occprofile.models import AreaKind


@pytest.mark.parametrize(
    "query",
    [
        "43-6013.00",
        "43-6013",
        "436013",
        "43601300",
        "Medical Secretaries and Administrative Assistants",
        "medical secretaries & administrative assistants",
        "medical administrative assistant",
    ],
)
def test_occupation_spellings(query: str) -> None:
    assert op.occupation(query).code == "43-6013.00"


def test_onet_specific_code() -> None:
    assert op.occupation("11-1011.03").title == "Chief Sustainability Officers"


def test_search_ranked_and_typo_tolerant() -> None:
    hits = op.search("medical secretery", n=5)
    assert hits[0].occupation.code == "43-6013.00"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.occupation.code for h in hits}) == len(hits)
    assert op.search("REGISTERED NURSES!")[0].occupation.code == "29-1141.00"


def test_search_validation() -> None:
    with pytest.raises(ValueError, match="positive"):
        op.search("nurse", n=0)
    with pytest.raises(TypeError, match="text must be a str"):
        op.search(42)  # type: ignore[arg-type]
    assert op.search("zzzzqqqq") == ()


def test_unknown_occupation_suggests() -> None:
    with pytest.raises(op.UnknownOccupationError) as err:
        op.occupation("43-6019")
    assert err.value.suggestions
    assert isinstance(err.value, LookupError)
    assert "43-6019" in str(err.value)
    with pytest.raises(op.UnknownOccupationError) as err2:
        op.profile("xylophone wrangler supreme")
    assert "xylophone" in str(err2.value)


def test_malformed_and_wrong_type() -> None:
    with pytest.raises(ValueError, match="Malformed occupation code '43-60'"):
        op.profile("43-60")
    with pytest.raises(TypeError, match="occupation must be a str"):
        op.profile(436013)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Empty"):
        op.profile("!!!")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("31080", "0031080"),
        ("0031080", "0031080"),
        ("06", "0600000"),
        ("California", "0600000"),
        ("ca", "0600000"),
        ("San Diego", None),
        ("Los Angeles-Long Beach-Anaheim, CA", "0031080"),
        ("national", "0000000"),
    ],
)
def test_area_spellings(query: str, code: str | None) -> None:
    area = op.area(query)
    if code is None:
        assert area.kind is AreaKind.METRO
        assert area.short_name.startswith("San Diego")
    else:
        assert area.code == code


def test_ambiguous_area_lists_candidates() -> None:
    with pytest.raises(op.AmbiguousAreaError) as err:
        op.area("New York")
    kinds = " ".join(err.value.candidates)
    assert "[state" in kinds
    assert "[metro" in kinds
    assert "[nonmetro" in kinds
    assert isinstance(err.value, LookupError)


def test_unknown_area_suggests() -> None:
    with pytest.raises(op.UnknownAreaError) as err:
        op.area("Califronia")
    assert "California" in err.value.suggestions
    with pytest.raises(ValueError, match="Malformed area code"):
        op.area("123")
    with pytest.raises(op.UnknownAreaError):
        op.area("9999999")


def test_state_lookup() -> None:
    assert op.state("TX").name == "Texas"
    assert op.state("48").name == "Texas"
    with pytest.raises(op.UnknownAreaError):
        op.state("Los Angeles")


def test_errors_share_a_base() -> None:
    for exc in (op.UnknownAreaError, op.AmbiguousOccupationError, op.NoWageDataError):
        assert issubclass(exc, op.OccprofileError)
