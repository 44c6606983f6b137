"""SOC changes (databuild.soc_changes): how May 2019 / 2020-30 projection codes relate
to May 2025 codes, from the curated crosswalk checked against the sources.

The test marked `upstream` checks the committed crosswalk against the real
sources in ../shared/data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from databuild import history, projections, soc_changes
from databuild.sources import InputLog
from databuild.writer import rows_of
from tests.databuild.helpers import committed, problems_of
from tests.helpers import lst, obj

SocSources = tuple[dict[str, list[str]], dict[str, int], dict[str, str], set[str]]


def soc_sources() -> SocSources:
    """A consistent crosswalk, May 2025 levels, May 2019 titles and projection codes."""
    crosswalk = {"11-2030": ["11-2033", "11-2032"]}
    oews_2025 = {
        "00-0000": 0,
        "11-0000": 0,
        "11-2000": 1,
        "11-2030": 2,
        "11-2032": 3,
        "11-2033": 3,
        "43-6013": 3,
    }
    titles = {
        "00-0000": "All Occupations",
        "11-2030": "Public Relations and Fundraising Managers",
        "43-6013": "Medical Secretaries and Administrative Assistants",
    }
    return crosswalk, oews_2025, titles, {"11-2030", "43-6013"}


def test_changes_document_from_consistent_sources() -> None:
    crosswalk, oews_2025, titles, projected = soc_sources()
    oews_2025["11-9000"] = 1  # a new non-detailed code needs no entry
    assert soc_changes.changes_document(crosswalk, oews_2025, titles, projected) == {
        "combined": [
            {
                "code": "11-2030",
                "title": "Public Relations and Fundraising Managers",
                "parts": ["11-2032", "11-2033"],
            }
        ]
    }
    assert crosswalk == {"11-2030": ["11-2033", "11-2032"]}  # the input is not sorted in place


def _not_in_2019(s: SocSources) -> None:
    del s[2]["11-2030"]


def _not_projected(s: SocSources) -> None:
    s[3].discard("11-2030")


def _combined_is_detailed(s: SocSources) -> None:
    s[1]["11-2030"] = 3


def _part_unknown(s: SocSources) -> None:
    s[0]["11-2030"].append("11-2034")


def _part_broad(s: SocSources) -> None:
    s[1]["11-2032"] = 2


def _part_in_2019(s: SocSources) -> None:
    s[2]["11-2032"] = "Advertising and Promotions Managers"


def _part_twice(s: SocSources) -> None:
    s[0]["11-3010"] = ["11-3012", "11-2033"]
    s[1].update({"11-3010": 2, "11-3012": 3})
    s[2]["11-3010"] = "Administrative Services and Facilities Managers"
    s[3].add("11-3010")


def _detailed_missing(s: SocSources) -> None:
    s[1]["15-1252"] = 3


SOC_PROBLEMS: list[tuple[Callable[[SocSources], None], list[str]]] = [
    (_not_in_2019, ["11-2030 is not a May 2019 code"]),
    (_not_projected, ["11-2030 has no 2020-30 projection row"]),
    (_combined_is_detailed, ["11-2030 is a May 2025 detailed code, not a combined one"]),
    (_part_unknown, ["11-2034 (in 11-2030) is not a May 2025 detailed code"]),
    (_part_broad, ["11-2032 (in 11-2030) is not a May 2025 detailed code"]),
    (_part_in_2019, ["11-2032 (in 11-2030) is itself published in May 2019"]),
    (_part_twice, ["11-2033 is listed under both 11-2030 and 11-3010"]),
    (_detailed_missing, ["May 2025 detailed code 15-1252 is neither in May 2019 nor listed"]),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), SOC_PROBLEMS, ids=[m.__name__.strip("_") for m, _ in SOC_PROBLEMS]
)
def test_changes_document_reports_each_disagreement(
    mutate: Callable[[SocSources], None], expected: list[str]
) -> None:
    sources = soc_sources()
    mutate(sources)
    with pytest.raises(soc_changes.SocChangeError) as caught:
        soc_changes.changes_document(*sources)
    assert problems_of(caught.value, "soc_2019_hybrid.json") == expected


def test_changes_document_reports_every_disagreement_at_once() -> None:
    sources = soc_sources()
    for mutate, _ in SOC_PROBLEMS:
        if mutate is not _combined_is_detailed:  # it would hide the parts' problems
            mutate(sources)
    with pytest.raises(soc_changes.SocChangeError) as caught:
        soc_changes.changes_document(*sources)
    found = problems_of(caught.value, "soc_2019_hybrid.json")
    for mutate, expected in SOC_PROBLEMS:
        if mutate is not _combined_is_detailed:
            assert set(expected) <= set(found), expected


def write_crosswalk(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_read_crosswalk(tmp_path: Path) -> None:
    path = write_crosswalk(
        tmp_path / "hybrid.json",
        {"about": "a", "source": "s", "combined": {"11-2030": ["11-2032", "11-2033"]}},
    )
    log = InputLog(tmp_path)
    assert soc_changes.read_crosswalk(log, path) == {"11-2030": ["11-2032", "11-2033"]}
    assert [(f.path, f.rows) for f in log.files()] == [("curated/hybrid.json", 1)]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"source": "s", "combined": {}}, "hybrid.json: expected keys about, source, combined"),
        (
            {"about": "a", "source": "s", "combined": {}, "notes": "n"},
            "hybrid.json: expected keys about, source, combined",
        ),
        (
            {"about": "a", "source": "s", "combined": {"11-2030": []}},
            "hybrid.json: 11-2030 must list May 2025 codes",
        ),
        (
            {"about": "a", "source": "s", "combined": {"11-2030": "11-2032"}},
            "hybrid.json: 11-2030 must list May 2025 codes",
        ),
        (
            {"about": "a", "source": "s", "combined": {"11-2030": ["11-2032", 112033]}},
            "hybrid.json: 11-2030 must list May 2025 codes",
        ),
    ],
    ids=["missing-key", "extra-key", "empty", "not-a-list", "not-text"],
)
def test_read_crosswalk_rejects_a_malformed_file(
    tmp_path: Path, document: object, message: str
) -> None:
    path = write_crosswalk(tmp_path / "hybrid.json", document)
    log = InputLog(tmp_path)
    with pytest.raises(soc_changes.SocChangeError) as caught:
        soc_changes.read_crosswalk(log, path)
    assert str(caught.value) == message
    assert log.files() == []


@pytest.mark.upstream
def test_committed_crosswalk_agrees_with_the_real_sources(upstream: Path) -> None:
    log = InputLog(upstream)
    crosswalk = soc_changes.read_crosswalk(log)
    national = [obj(r) for r in history.read_national_2019(upstream, log)]
    projected = [obj(r) for r in projections.read_projections(upstream, log)]
    levels = {
        str(e["code"]): int(str(e["level"]))
        for e in rows_of(obj(committed("occupations.json"))["oews"], "oews")
    }
    assert sum(level == soc_changes.DETAILED for level in levels.values()) > 700
    document = soc_changes.changes_document(
        crosswalk,
        levels,
        {str(r["code"]): str(r["title"]) for r in national},
        {str(r["code"]) for r in projected},
    )
    assert len(lst(obj(document)["combined"])) == len(crosswalk) > 0
    assert document == committed("soc_changes.json")
