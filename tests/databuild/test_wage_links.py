"""Which OEWS code gives an O*NET occupation its wages (databuild.occupations): the
wage-link rule and the curated OEWS aggregates (curated/oews_aggregates.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from databuild import occupations
from databuild.occupations import WageLink, wage_link
from databuild.sources import InputLog
from databuild.writer import rows_of
from tests.helpers import REPO_ROOT


def test_wage_link_rule() -> None:
    oews_codes = {"43-6013", "13-1020", "15-1252"}
    assert wage_link("43-6013.00", oews_codes).basis == "detailed"
    assert wage_link("15-1252.01", oews_codes).code == "15-1252"
    assert wage_link("13-1022.00", oews_codes) == wage_link("13-1021.00", oews_codes)
    assert wage_link("13-1022.00", oews_codes).code == "13-1020"
    assert wage_link("55-1011.00", oews_codes).code is None
    within = {"21-1011": "21-1018"}
    assert wage_link("21-1011.00", {"21-1018", "21-1010"}, within) == WageLink(
        "21-1018", "aggregate"
    )
    assert wage_link("21-1011.00", {"21-1010"}, within) == WageLink("21-1010", "broad")


# -- OEWS aggregates (curated/oews_aggregates.json) ------------------------------------------


def write_aggregates(tmp_path: Path, aggregates: dict[str, list[str]]) -> Path:
    path = tmp_path / "oews_aggregates.json"
    path.write_text(json.dumps({"about": "a", "source": "s", "aggregates": aggregates}))
    return path


#: A tiny world: O*NET splits 21-1018 into 21-1011 and 21-1014; OEWS has the aggregate.
ONET = ["21-1011.00", "21-1014.00", "21-1012.00", "13-1021.00"]
LEVELS = {"21-1018": 3, "21-1012": 3, "21-1010": 2, "13-1020": 3}


def test_read_aggregates_maps_each_onet_soc_to_its_aggregate(tmp_path: Path) -> None:
    path = write_aggregates(tmp_path, {"21-1018": ["21-1011", "21-1014"]})
    log = InputLog(tmp_path)
    within = occupations.read_aggregates(ONET, LEVELS, log, path)
    assert within == {"21-1011": "21-1018", "21-1014": "21-1018"}
    assert [(f.path, f.rows) for f in log.files()] == [("curated/oews_aggregates.json", 1)]


@pytest.mark.parametrize(
    ("aggregates", "problem"),
    [
        ({"21-1019": ["21-1011", "21-1014"]}, "21-1019 is not an OEWS May 2025 detailed code"),
        ({"21-1018": ["21-1011", "21-1014", "21-1099"]}, "21-1099 (in 21-1018) is not an O*NET"),
        ({"21-1018": ["21-1011", "21-1014", "21-1012"]}, "21-1012 (in 21-1018) has its own OEWS"),
        ({"21-1018": ["21-1011", "21-1014", "13-1021"]}, "13-1021 is not in the broad group"),
        ({"21-1018": ["21-1011", "21-1014", "21-1011"]}, "21-1011 is listed under both"),
        ({"21-1018": ["21-1011"]}, "O*NET 21-1014 has no OEWS code but its broad group has"),
    ],
)
def test_read_aggregates_refuses_what_disagrees_with_the_sources(
    tmp_path: Path, aggregates: dict[str, list[str]], problem: str
) -> None:
    path = write_aggregates(tmp_path, aggregates)
    log = InputLog(tmp_path)
    with pytest.raises(occupations.AggregateError) as caught:
        occupations.read_aggregates(ONET, LEVELS, log, path)
    assert problem in str(caught.value)
    assert log.files() == []


def test_committed_aggregates_hold_for_the_committed_index(tmp_path: Path) -> None:
    index = json.loads((REPO_ROOT / "src/occprofile/data/occupations.json").read_text())
    levels = {str(o["code"]): int(str(o["level"])) for o in rows_of(index["oews"], "oews")}
    codes = [str(o["code"]) for o in rows_of(index["onet"], "onet")]
    within = occupations.read_aggregates(codes, levels, InputLog(tmp_path))
    linked = {str(o["code"]): o for o in rows_of(index["onet"], "onet")}
    for code, o in linked.items():
        aggregate = within.get(code[:7])
        if aggregate is not None:
            assert (o["wage_code"], o["wage_basis"]) == (aggregate, "aggregate")
    assert sum(o["wage_basis"] == "aggregate" for o in linked.values()) == 14
