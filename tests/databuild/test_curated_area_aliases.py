"""The curated area aliases (databuild.area_aliases): entries checked, the committed
file valid and packaged unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from databuild import area_aliases
from databuild.sources import InputLog
from databuild.writer import Json, rows_of
from tests.databuild.helpers import committed
from tests.helpers import REPO_ROOT, lst, obj

CURATED = REPO_ROOT / "databuild" / "curated" / "area_aliases.json"
CODES = {"0035620", "0041860", "0041940"}


def write(path: Path, entries: list[Json]) -> Path:
    path.write_text(json.dumps({"about": "test", "aliases": entries}), encoding="utf-8")
    return path


def alias(**changes: Json) -> dict[str, Json]:
    entry: dict[str, Json] = {"alias": "NYC", "codes": ["0035620"], "why": "Initials."}
    entry.update(changes)
    return entry


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (alias(codes=["0099999"]), "'0099999' is not an OEWS area code"),
        (alias(codes=[]), "codes must list at least one area code"),
        (alias(codes="0035620"), "codes must list at least one area code"),
        (alias(codes=["0035620", "0035620"]), "a code is listed twice"),
        (alias(why=""), "why must be non-empty text"),
        (alias(alias=" NYC"), "alias must be non-empty text without outer spaces"),
        (alias(alias="..."), "alias has no letters or digits"),
        (alias(note="x"), "unknown field 'note'"),
        ({"alias": "NYC", "codes": ["0035620"]}, "missing field 'why'"),
    ],
)
def test_a_bad_entry_is_refused(tmp_path: Path, entry: dict[str, Json], problem: str) -> None:
    path = write(tmp_path / "aliases.json", [entry])
    with pytest.raises(area_aliases.AreaAliasError, match=r"aliases\.json: ") as caught:
        area_aliases.read_aliases(CODES, InputLog(tmp_path), path)
    assert problem in str(caught.value)


def test_aliases_that_read_the_same_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "aliases.json", [alias(), alias(alias="n.y.c.")])
    with pytest.raises(area_aliases.AreaAliasError, match="reads the same as 'NYC'"):
        area_aliases.read_aliases(CODES, InputLog(tmp_path), path)


def test_a_valid_file_is_read_in_order(tmp_path: Path) -> None:
    entries: list[Json] = [alias(), alias(alias="Bay Area", codes=["0041860", "0041940"])]
    log = InputLog(tmp_path)
    assert area_aliases.read_aliases(CODES, log, write(tmp_path / "a.json", entries)) == entries
    assert [(f.path, f.rows) for f in log.files()] == [("curated/a.json", 2)]


def test_committed_aliases_are_valid_and_packaged_unchanged(tmp_path: Path) -> None:
    codes = [str(a["code"]) for a in rows_of(obj(committed("areas.json"))["areas"], "areas")]
    entries = area_aliases.read_aliases(codes, InputLog(tmp_path), CURATED)
    packaged = obj(committed("area_aliases.json"))
    assert lst(packaged["aliases"]) == entries
    assert area_aliases.aliases_document(entries) == packaged
