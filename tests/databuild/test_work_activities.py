"""Work activities beyond the 29.3 ratings: the O*NET 29.1 importance table
(databuild.activity_importance) and the detailed work activities, tools, work values
and emerging tasks of databuild.work_content.

The unit tests feed the readers tiny inputs; the tests marked `upstream` re-read the
raw files in ../shared/data and compare every row with the committed data -- among
them the proof that none of the 64 averaged rows of the 29.1 table is used.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from databuild import activity_importance, onet, verify, work_content
from databuild.ratings import value_only_measure
from databuild.sources import ACTIVITIES_29_1_DIR, InputLog
from databuild.tables import Row, TableSpec
from databuild.writer import rows_of
from tests.databuild.helpers import committed
from tests.helpers import lst, obj, read_xlsx

SOURCE_29_1 = f"{ACTIVITIES_29_1_DIR}/{activity_importance.IMPORTANCE_FILE}"
ELEMENTS = {
    "4.A": "Work Activities",
    "4.A.1": "Information Input",
    "4.A.1.a": "Looking for and Receiving Job-Related Information",
    "4.A.1.a.1": "Getting Information",
    "4.A.3": "Work Output",
    "4.A.3.b": "Repairing",
    "4.A.3.b.4": "Repairing and Maintaining Mechanical Equipment",
}
HEADER = "soc_code,Repairing and Maintaining Mechanical Equipment,Getting Information\n"
#: 11-1011 averages two rated codes; 43-6013's one rated code has complete rows;
#: 43-6014 has one rated code (43-6014.00; 43-6014.01 is not rated).
RATED = {"11-1011.00", "11-1011.03", "43-6013.00", "43-6014.00"}
ROWS = "11-1011,1.5,4.375\n43-6013,1.49,4.25\n43-6014,2,3.88\n"


def complete_rows(getting: float = 4.25, repairing: float = 1.49) -> Any:
    """43-6013.00's complete work activities (the supplement's), importance values only."""
    return {
        "43-6013.00": {
            "4.A.1.a.1": {"importance": value_only_measure(getting, "supplement")},
            "4.A.3.b.4": {"importance": value_only_measure(repairing, "supplement")},
        }
    }


def read_29_1(tmp_path: Path, text: str, complete: Any = None) -> Any:
    path = activity_importance.table_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return activity_importance.read_activity_importance(
        tmp_path,
        InputLog(tmp_path),
        elements=ELEMENTS,
        rated=RATED,
        complete=complete_rows() if complete is None else complete,
    )


def test_only_single_code_rows_are_used(tmp_path: Path) -> None:
    result = read_29_1(tmp_path, HEADER + ROWS)
    assert result.source == SOURCE_29_1
    assert result.single_socs == ["43-6013", "43-6014"]
    assert result.averaged_socs == ["11-1011"]
    # the averaged row gives nothing, 43-6013.00 keeps its complete rows
    assert result.section == {
        "43-6014.00": {
            "4.A.1.a.1": {"importance": value_only_measure(3.88, SOURCE_29_1)},
            "4.A.3.b.4": {"importance": value_only_measure(2.0, SOURCE_29_1)},
        }
    }
    assert result.measures == 2


@pytest.mark.parametrize(
    ("rows", "complete", "message"),
    [
        ("43-6014,2.125,3.88\n", None, "'2.125' is not an O\\*NET importance value"),
        ("43-6014,5.5,3.88\n", None, "'5.5' is not an O\\*NET importance value"),
        ("43-6013,1.49,4.25\n", complete_rows(getting=4.0), "43-6013 differs from the complete"),
        ("55-1011,1,1\n", None, "55-1011 has no rated O\\*NET-SOC code"),
    ],
)
def test_a_row_that_is_no_occupation_s_own_stops_the_build(
    tmp_path: Path, rows: str, complete: Any, message: str
) -> None:
    with pytest.raises(activity_importance.ActivityImportanceError, match=message):
        read_29_1(tmp_path, HEADER + rows, complete)


def test_columns_must_name_every_work_activity_once(tmp_path: Path) -> None:
    with pytest.raises(activity_importance.ActivityImportanceError, match="Telepathy"):
        read_29_1(tmp_path, "soc_code,Telepathy,Getting Information\n43-6014,2,3\n")
    with pytest.raises(activity_importance.ActivityImportanceError, match="each of 2"):
        read_29_1(tmp_path, "soc_code,Getting Information\n43-6014,3\n")


def test_verification_notices_an_averaged_row_in_use() -> None:
    tally = verify._ContentTally()
    profile: Any = {
        "code": "11-1011.00",
        "ratings": {
            "work_activities": [
                {
                    "element_id": "4.A.1.a.1",
                    "importance": value_only_measure(4.375, SOURCE_29_1),
                    "level": None,
                }
            ]
        },
        **{key: [] for key in ("detailed_work_activities", "tools", "work_values")},
        "emerging_tasks": [],
    }
    tally.add("onet.pack/11-1011.00", profile)
    expect = verify.Expectations("29.3", "2025A01", 0, 0, 0, 0, {}, {}, averaged_socs=["11-1011"])
    problems = verify.Problems()
    tally.check(expect, problems)
    assert problems.items == ["onet.pack: O*NET 29.1 averaged rows used for ['11-1011.00']"]


# -- detailed work activities, tools, work values, emerging tasks: unit tests ----------


def tables(rows: dict[str, list[dict[str, Any]]]) -> onet.OnetTables:
    """An OnetTables holding `rows` (as converted cells, by table name) for the
    work-content tables."""
    found = {spec.name: [Row(r) for r in rows.get(spec.name, [])] for spec in work_content.TABLES}
    return onet.OnetTables(found, {})


CODE = "O*NET-SOC Code"
IWA = {
    "Element ID": "4.A.1.a.1",
    "Element Name": "Getting Information",
    "IWA ID": "4.A.1.a.1.I01",
    "IWA Title": "Study details of artistic productions.",
}
DWA = {
    "Element ID": "4.A.1.a.1",
    "IWA ID": "4.A.1.a.1.I01",
    "IWA Title": "Study details of artistic productions.",
    "DWA ID": "4.A.1.a.1.I01.D01",
    "DWA Title": "Review art or design materials.",
}
LINK = {
    CODE: "27-1024.00",
    "Task ID": 7,
    "Task": "Study designs.",
    "DWA ID": "4.A.1.a.1.I01.D01",
    "DWA Title": "Review art or design materials.",
}
TASKS = {"27-1024.00": {7: "Study designs.", 8: "Draw."}, "43-6013.00": {}}


def test_work_content_keeps_ids_and_links() -> None:
    t = tables(
        {
            work_content.IWA_REFERENCE.name: [IWA],
            work_content.DWA_REFERENCE.name: [DWA],
            work_content.TASKS_TO_DWAS.name: [LINK, {**LINK, "Task ID": 8, "Task": "Draw."}],
            work_content.TOOLS.name: [
                {
                    CODE: "27-1024.00",
                    "Example": "Styluses",
                    "Commodity Code": 44121708,
                    "Commodity Title": "Markers",
                },
            ],
            work_content.WORK_VALUES.name: [
                {
                    CODE: "27-1024.00",
                    "Element ID": "1.B.2.g",
                    "Scale ID": "VH",
                    "Data Value": 0.0,
                    "Date": "06/2008",
                    "Domain Source": "Analyst",
                },
            ],
            work_content.EMERGING_TASKS.name: [
                {
                    CODE: "27-1024.00",
                    "Task": "Study designs closely.",
                    "Category": "Revision",
                    "Original Task ID": 7,
                    "Original Task": "Study designs.",
                    "Date": "08/2024",
                    "Domain Source": "Incumbent",
                },
            ],
        }
    )
    reference = work_content.reference_document(t, {"4.A.1.a.1": "Getting Information"})
    assert reference == {
        "dwas": {  # as columns
            "id": ["4.A.1.a.1.I01.D01"],
            "title": [DWA["DWA Title"]],
            "iwa": ["4.A.1.a.1.I01"],
        },
        "iwas": {"id": ["4.A.1.a.1.I01"], "title": [IWA["IWA Title"]], "element_id": ["4.A.1.a.1"]},
        "commodities": {"44121708": "Markers"},
    }
    sections = work_content.occupation_sections(t, TASKS)
    assert sections["27-1024.00"] == {
        "detailed_work_activities": [{"id": "4.A.1.a.1.I01.D01", "tasks": [7, 8]}],
        "tools": [{"example": "Styluses", "commodity_code": 44121708}],
        "work_values": [
            {
                "element_id": "1.B.2.g",
                "scale": "VH",
                "value": 0.0,
                "date": "06/2008",
                "domain_source": "Analyst",
            },
        ],
        "emerging_tasks": [
            {
                "text": "Study designs closely.",
                "category": "Revision",
                "original_task_id": 7,
                "date": "08/2024",
                "domain_source": "Incumbent",
            },
        ],
    }
    assert sections["43-6013.00"] == {
        key: [] for key in ("detailed_work_activities", "tools", "work_values", "emerging_tasks")
    }
    assert work_content.occupation_counts(sections) == {
        "detailed_work_activities_occupations": 1,
        "tools_occupations": 1,
        "work_values_occupations": 1,
        "emerging_tasks_occupations": 1,
    }


@pytest.mark.parametrize(
    ("spec", "row", "message"),
    [
        (work_content.TASKS_TO_DWAS, {**LINK, "Task ID": 9}, "task 9 is not that Task Statement"),
        (work_content.TASKS_TO_DWAS, {**LINK, "DWA ID": "4.A.9"}, "4.A.9 is not in DWA Reference"),
        (work_content.TASKS_TO_DWAS, {**LINK, CODE: "99-9999.00"}, "not in Occupation Data"),
        (
            work_content.WORK_VALUES,
            {
                CODE: "27-1024.00",
                "Element ID": "1.B.2.a",
                "Scale ID": "EX",
                "Data Value": 7.5,
                "Date": "06/2008",
                "Domain Source": "Analyst",
            },
            "EX value 7.5",
        ),
        (
            work_content.EMERGING_TASKS,
            {
                CODE: "27-1024.00",
                "Task": "New.",
                "Category": "Revision",
                "Original Task ID": 8,
                "Original Task": "Study designs.",
                "Date": "08/2024",
                "Domain Source": "Incumbent",
            },
            "original task",
        ),
    ],
)
def test_work_content_rejects_links_to_nothing(
    spec: TableSpec, row: dict[str, Any], message: str
) -> None:
    t = tables({work_content.DWA_REFERENCE.name: [DWA], spec.name: [row]})
    with pytest.raises(work_content.WorkContentError, match=message):
        work_content.occupation_sections(t, TASKS)


def test_reference_rejects_a_dwa_outside_its_iwa() -> None:
    wrong = {**DWA, "DWA ID": "4.A.2.b.1.I01.D01"}
    t = tables({work_content.IWA_REFERENCE.name: [IWA], work_content.DWA_REFERENCE.name: [wrong]})
    with pytest.raises(work_content.WorkContentError, match=re.escape("not under 4.A.1.a.1.I01")):
        work_content.reference_document(t, {"4.A.1.a.1": "Getting Information"})
    with pytest.raises(work_content.WorkContentError, match="is no work activity"):
        work_content.reference_document(t, {"4.A.1.a.1": "Getting Informed"})


# -- against the raw files ----------------------------------------------------------------


def onet_rows(upstream: Path, table: str) -> list[dict[str, Any]]:
    return list(read_xlsx(upstream / "onet-29.3" / f"{table}.xlsx"))


@pytest.fixture(scope="module")
def profiles(upstream: Path) -> dict[str, dict[str, Any]]:
    """Every committed O*NET profile, by code."""
    index = obj(committed("occupations.json"))
    codes = [str(e["code"]) for e in rows_of(index["onet"], "onet")]
    return {code: obj(committed(f"onet.pack/{code}")) for code in codes}


@pytest.mark.upstream
def test_the_64_averaged_rows_are_never_used(
    upstream: Path, profiles: dict[str, dict[str, Any]]
) -> None:
    """Recompute from the raw files which rows of the 29.1 table average several rated
    O*NET-SOC codes (rated: has Skills rows); no profile of those SOCs has a 29.1 value,
    and every single-code row is exactly its code's work-activity importance."""
    rated: dict[str, set[str]] = {}
    for row in onet_rows(upstream, "Skills"):
        rated.setdefault(str(row[CODE])[:7], set()).add(str(row[CODE]))
    with (upstream / SOURCE_29_1).open(encoding="utf-8-sig", newline="") as handle:
        body = list(csv.DictReader(handle))
    averaged = {r["soc_code"] for r in body if len(rated.get(r["soc_code"], ())) > 1}
    single = {r["soc_code"]: r for r in body if len(rated.get(r["soc_code"], ())) == 1}
    assert (len(body), len(single), len(averaged)) == (763, 699, 64)

    names = {
        str(e["name"]): str(e["id"])
        for e in rows_of(obj(committed("elements.json"))["elements"], "elements")
        if e["domain"] == "work_activities" and str(e["id"]).count(".") == 4
    }
    from_29_1 = set()
    for code, profile in profiles.items():
        activities = obj(profile["ratings"])["work_activities"]
        sources = {obj(obj(r)["importance"])["source"] for r in activities or []}
        if SOURCE_29_1 in sources:
            from_29_1.add(code)
            assert sources == {SOURCE_29_1}, code
            assert code[:7] not in averaged, code
    expected = {next(iter(rated[soc])) for soc in single} - {"43-6013.00"}
    assert from_29_1 == expected
    assert len(from_29_1) == 698
    assert obj(committed("manifest.json"))["counts"]["onet_29_1_work_activities"] == 698
    for soc, row in single.items():
        (code,) = rated[soc]
        by_element = {
            str(obj(r)["element_id"]): obj(r)
            for r in lst(obj(profiles[code]["ratings"])["work_activities"])
        }
        for name, element_id in names.items():
            entry = by_element[element_id]
            assert obj(entry["importance"])["value"] == float(row[name]), (code, name)
            if code != "43-6013.00":  # the complete 29.x rows keep their levels
                assert entry["level"] is None


@pytest.mark.upstream
def test_detailed_work_activities_are_the_raw_links(
    upstream: Path, profiles: dict[str, dict[str, Any]]
) -> None:
    links: dict[str, dict[str, list[int]]] = {}
    for row in onet_rows(upstream, "Tasks to DWAs"):
        links.setdefault(str(row[CODE]), {}).setdefault(str(row["DWA ID"]), []).append(
            int(row["Task ID"])
        )
    assert len(links) == 923
    for code, profile in profiles.items():
        packaged = {
            str(obj(d)["id"]): list(obj(d)["tasks"])
            for d in lst(profile["detailed_work_activities"])
        }
        assert packaged == {k: sorted(v) for k, v in links.get(code, {}).items()}, code
    reference = obj(committed("onet_reference.json.gz"))
    dwas = [
        {"id": r["DWA ID"], "title": r["DWA Title"], "iwa": r["IWA ID"]}
        for r in onet_rows(upstream, "DWA Reference")
    ]
    iwas = [
        {"id": r["IWA ID"], "title": r["IWA Title"], "element_id": r["Element ID"]}
        for r in onet_rows(upstream, "IWA Reference")
    ]
    by_id = functools.partial(sorted, key=lambda r: str(r["id"]))
    assert rows_of(reference["dwas"], "dwas") == by_id(dwas)
    assert rows_of(reference["iwas"], "iwas") == by_id(iwas)
    gwas = {str(i["element_id"]) for i in iwas}
    assert len(gwas) == 37  # of the 41 generalized work activities, 37 have DWAs


@pytest.mark.upstream
def test_tools_work_values_and_emerging_tasks_are_the_raw_rows(
    upstream: Path, profiles: dict[str, dict[str, Any]]
) -> None:
    commodities = obj(obj(committed("onet_reference.json.gz"))["commodities"])
    expected: dict[str, Counter[str]] = {}
    for table, key, fields in (
        ("Tools Used", "tools", ("Example", "Commodity Code")),
        ("Work Values", "work_values", ("Element ID", "Scale ID", "Data Value", "Date")),
        ("Emerging Tasks", "emerging_tasks", ("Task", "Category", "Original Task ID", "Date")),
    ):
        raw: dict[str, list[tuple[Any, ...]]] = {}
        for row in onet_rows(upstream, table):
            raw.setdefault(str(row[CODE]), []).append(tuple(row[f] for f in fields))
            if table == "Tools Used":
                assert commodities[str(row["Commodity Code"])] == row["Commodity Title"]
        names = {
            "Example": "example",
            "Commodity Code": "commodity_code",
            "Element ID": "element_id",
            "Scale ID": "scale",
            "Data Value": "value",
            "Date": "date",
            "Task": "text",
            "Category": "category",
            "Original Task ID": "original_task_id",
        }
        for code, profile in profiles.items():
            packaged = [tuple(obj(e)[names[f]] for f in fields) for e in lst(profile[key])]
            assert sorted(packaged, key=str) == sorted(raw.get(code, []), key=str), (code, key)
        expected[key] = Counter({"occupations": len(raw), "rows": sum(map(len, raw.values()))})
    assert expected == {
        "tools": Counter({"occupations": 902, "rows": 41662}),
        "work_values": Counter({"occupations": 874, "rows": 7866}),
        "emerging_tasks": Counter({"occupations": 216, "rows": 295}),
    }
