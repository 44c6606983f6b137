"""Area aliases ("NYC", "Bay Area"), their collisions with postal codes, and ZIP codes.

Expectations are read from the packaged files themselves (json, not the
library's loader), so a new alias is tested without editing this file.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

import occprofile as op
from occprofile.__main__ import main
from occprofile._matching.areas import AreaIndex
from occprofile._store import schema
from occprofile._store.columnar import RecordColumns


def _packaged(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(resources.files("occprofile.data").joinpath(name).read_text())
    return doc


ALIASES = _packaged("area_aliases.json")["aliases"]
_COLUMNS = _packaged("areas.json")["areas"]  # one list per field
AREAS = {
    code: {name: column[i] for name, column in _COLUMNS.items()}
    for i, code in enumerate(_COLUMNS["code"])
}
POSTAL = {a["states"][0].lower(): code for code, a in AREAS.items() if a["kind"] == "state"}


def _squash(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _collides(alias: str) -> str | None:
    """The state whose postal code the alias spells, if any (independent of normalize())."""
    return POSTAL.get(_squash(alias)) if len(_squash(alias)) == 2 else None


def test_the_packaged_aliases_name_real_areas_and_say_why() -> None:
    assert len(ALIASES) >= 25
    for entry in ALIASES:
        assert entry["codes"], entry
        assert all(code in AREAS for code in entry["codes"]), entry
        assert len(entry["why"]) > 10, entry


@pytest.mark.parametrize("entry", ALIASES, ids=[e["alias"] for e in ALIASES])
def test_every_alias_resolves_or_is_ambiguous_between_what_it_means(entry: dict[str, Any]) -> None:
    codes = set(entry["codes"])
    state = _collides(entry["alias"])
    if state is not None:
        codes.add(state)
    if len(codes) == 1:
        assert op.area(entry["alias"]).code == next(iter(codes))
        return
    with pytest.raises(op.AmbiguousAreaError) as err:
        op.area(entry["alias"])
    assert [c.rsplit(" ", 1)[-1].rstrip("]") for c in err.value.candidates] == sorted(codes)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("nyc", "0035620"),
        ("N.Y.C.", "0035620"),
        ("  New York City ", "0035620"),
        ("THE TWIN CITIES", "0033460"),
        ("chi town", "0016980"),
        ("Chi-Town", "0016980"),
        ("h town", "0026420"),
        ("Silicon Valley", "0041940"),
        ("dfw", "0019100"),
        ("NYC, NY", "0035620"),  # an alias with its state, as for any place
        ("LA, CA", "0031080"),  # the state settles "LA"
        ("Los Angeles", "0031080"),
        ("Washington, D.C.", "0047900"),
        ("Louisiana", "2200000"),
        ("District of Columbia", "1100000"),
    ],
)
def test_aliases_forgive_case_punctuation_and_the(typed: str, code: str) -> None:
    assert op.area(typed).code == code


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("LA", ["Los Angeles-Long Beach-Anaheim, CA", "Louisiana"]),
        ("l.a.", ["Los Angeles-Long Beach-Anaheim, CA", "Louisiana"]),
        ("DC", ["Washington-Arlington-Alexandria, DC-VA-MD-WV", "District of Columbia"]),
        ("D.C.", ["Washington-Arlington-Alexandria, DC-VA-MD-WV", "District of Columbia"]),
        ("Bay Area", ["San Francisco-Oakland-Fremont, CA", "San Jose-Sunnyvale-Santa Clara, CA"]),
        (
            "the bay area",
            ["San Francisco-Oakland-Fremont, CA", "San Jose-Sunnyvale-Santa Clara, CA"],
        ),
    ],
)
def test_a_collision_lists_exactly_both_meanings(typed: str, names: list[str]) -> None:
    with pytest.raises(op.AmbiguousAreaError) as err:
        op.area(typed)
    assert isinstance(err.value, LookupError)
    assert [c.split(" [")[0] for c in err.value.candidates] == names
    for name in names:
        assert name in str(err.value)


def test_state_arguments_still_read_postal_codes() -> None:
    assert op.state("LA").name == "Louisiana"
    assert op.state("D.C.").name == "District of Columbia"
    assert {a.code for a in op.metros(state="LA")} == {
        code for code, a in AREAS.items() if a["kind"] == "metro" and "LA" in a["states"]
    }
    with pytest.raises(op.UnknownAreaError, match="a metro area, not a state"):
        op.state("NYC")


def test_every_area_entry_point_takes_aliases(capsys: pytest.CaptureFixture[str]) -> None:
    nyc = op.area("New York-Newark-Jersey City, NY-NJ")
    assert op.estimate("29-1141", "NYC").area == nyc
    assert op.estimate("29-1141", "NYC") == op.estimate("29-1141", nyc.code)
    assert op.top_occupations("Twin Cities", n=3) == op.top_occupations("0033460", n=3)
    comparison = op.compare_metros("29-1141", "Silicon Valley", "SF")
    assert (comparison.area_a.code, comparison.area_b.code) == ("0041940", "0041860")
    with pytest.raises(op.AmbiguousAreaError):
        op.estimate("29-1141", "LA")
    assert main(["29-1141", "--compare", "NYC", "Philly"]) == 0
    assert "New York-Newark-Jersey City, NY-NJ" in capsys.readouterr().out
    assert main(["29-1141", "--compare", "LA", "NYC"]) == 1
    assert "Louisiana" in capsys.readouterr().err


@pytest.mark.parametrize(
    "typed", ["10001", "  94103 ", "10001-1234", "94103 1234", "\uff11\uff10\uff10\uff10\uff11"]
)
def test_a_zip_code_says_the_package_cannot_place_it(typed: str) -> None:
    with pytest.raises(op.UnknownAreaError, match="looks like a ZIP code") as err:
        op.area(typed)
    assert isinstance(err.value, LookupError)
    assert "crosswalk" in str(err.value)
    assert "city" in str(err.value)


def test_real_area_codes_of_every_shape_still_resolve() -> None:
    for code, a in AREAS.items():
        assert op.area(code).code == code
        if a["kind"] == "metro":
            assert op.area(code[2:]).code == code  # the 5-digit CBSA code, not a ZIP
        if a["kind"] == "state":
            assert op.area(code[:2]).code == code
    with pytest.raises(op.UnknownAreaError) as err:
        op.area("0099999")  # seven digits no area has: not a ZIP code
    assert "ZIP" not in str(err.value)


def _index_with(aliases: list[schema.AreaAlias]) -> AreaIndex:
    return AreaIndex(
        schema.AreasFile(RecordColumns.of(op.Area, op.areas())),
        lambda: schema.AreaAliasesFile(tuple(aliases)),
    )


@pytest.mark.parametrize(
    "bad",
    [
        [schema.AreaAlias("Gotham", ("0099999",), "no such area")],
        [schema.AreaAlias("Gotham", (), "no codes")],
        [schema.AreaAlias("...", ("0035620",), "nothing to match")],
        [
            schema.AreaAlias("NYC", ("0035620",), "once"),
            schema.AreaAlias("n.y.c.", ("0035620",), "twice"),
        ],
    ],
)
def test_a_bad_alias_file_is_a_data_error_naming_it(bad: list[schema.AreaAlias]) -> None:
    index = _index_with(bad)
    with pytest.raises(op.DataIntegrityError) as err:
        index.find("Boston")
    assert err.value.resource == "area_aliases.json"
    assert index.find("0035620").code == "0035620"  # codes never need the aliases


def test_aliases_are_suggested_for_a_misspelling() -> None:
    with pytest.raises(op.UnknownAreaError) as err:
        op.area("Chicagolandd")
    assert "Chicago-Naperville-Elgin, IL-IN" in err.value.suggestions
