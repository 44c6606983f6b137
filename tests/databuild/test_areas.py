"""OEWS areas (databuild.areas): each area's kind and the states it lies in."""

from __future__ import annotations

import pytest

from databuild import areas
from databuild.oews import Area


def test_area_states() -> None:
    metro = Area("0047900", "M", "11", "Washington-Arlington-Alexandria, DC-VA-MD-WV")
    assert areas.states_of(metro, areas.kind_of(metro)) == ["DC", "VA", "MD", "WV"]
    nonmetro = Area("0100001", "M", "01", "Northwest Alabama nonmetropolitan area")
    assert areas.kind_of(nonmetro) == "nonmetro"
    assert areas.states_of(nonmetro, "nonmetro") == ["AL"]
    bad = Area("0099999", "M", "48", "Somewhere, XX")
    with pytest.raises(areas.AreaError):
        areas.states_of(bad, "metro")
