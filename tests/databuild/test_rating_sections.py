"""Abilities and Work Activities (databuild.sections, databuild.supplement): the
official O*NET tables when the source has them, else the supplement.

Each test writes a tiny source folder into `tmp_path`.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from databuild import manifest, onet, sections, supplement, verify
from databuild.ratings import value_only_measure
from databuild.sources import InputLog
from tests.helpers import lst, obj

#: The header of O*NET's text-distribution Abilities / Work Activities files.
RATING_COLUMNS = [
    "O*NET-SOC Code",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
]
#: Rows of the supplement's 43-6013.00 files (onet-29.3-supplement), as O*NET's text
#: distribution writes them; the official-style tables below are derived from them.
ABILITY_LINES = [
    "43-6013.00\t1.A.1.a.1\tOral Comprehension\t"
    "IM\t4.00\t8\t0.0000\t4.0000\t4.0000\tN\tn/a\t08/2021\tAnalyst",
    "43-6013.00\t1.A.1.a.1\tOral Comprehension\t"
    "LV\t4.00\t8\t0.0000\t4.0000\t4.0000\tN\tN\t08/2021\tAnalyst",
    "43-6013.00\t1.A.1.f.1\tSpatial Orientation\t"
    "IM\t1.00\t8\t0.0000\t1.0000\t1.0000\tN\tn/a\t08/2021\tAnalyst",
    "43-6013.00\t1.A.1.f.1\tSpatial Orientation\t"
    "LV\t0.00\t8\t0.0000\t0.0000\t0.0000\tN\tY\t08/2021\tAnalyst",
]
ACTIVITY_LINES = [
    "43-6013.00\t4.A.1.a.1\tGetting Information\t"
    "IM\t4.25\t29\t0.2497\t3.7414\t4.7644\tN\tn/a\t08/2021\tIncumbent",
    "43-6013.00\t4.A.1.a.1\tGetting Information\t"
    "LV\t3.87\t28\t0.1391\t3.5887\t4.1596\tN\tN\t08/2021\tIncumbent",
    "43-6013.00\t4.A.3.b.4\tRepairing and Maintaining Mechanical Equipment\t"
    "IM\t1.49\t28\t0.3284\t1.0000\t2.1630\tN\tn/a\t08/2021\tIncumbent",
    "43-6013.00\t4.A.3.b.4\tRepairing and Maintaining Mechanical Equipment\t"
    "LV\t0.58\t27\t0.3634\t0.0000\t1.3282\tY\tY\t08/2021\tIncumbent",
]
OCCUPATIONS = {
    "11-1011.00": "Chief Executives",
    "43-6013.00": "Medical Secretaries and Administrative Assistants",
    "43-6014.00": "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
}
#: The official-style tables cover these (43-6013.00 with the supplement's values, the others
#: shifted); Work Activities only the first two.
OFFICIAL_CODES = ["43-6013.00", "11-1011.00", "43-6014.00"]
#: Ability importance in the wide table (43-6013.00 must equal the complete rows).
WIDE_CSV = (
    "O*NET-SOC Code,Title,Ability: Oral Comprehension,Ability: Spatial Orientation\n"
    "11-1011.00,Chief Executives,4.5,1.25\n"
    "43-6013.00,Medical Secretaries and Administrative Assistants,4.00,1.00\n"
    "43-6014.00,Secretaries and Administrative Assistants,3.88,1.12\n"
)


def official_lines(lines: list[str], codes: list[str]) -> list[str]:
    """The supplement rows repeated for `codes`, values shifted and redated per code."""
    derived: list[str] = []
    for number, code in enumerate(codes):
        for line in lines:
            cells = line.split("\t")
            cells[0] = code
            cells[4] = f"{float(cells[4]) + number / 4:.2f}"
            if number:
                cells[11] = "08/2024"
            derived.append("\t".join(cells))
    return derived


def write_lines(path: Path, header: list[str], lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(["\t".join(header), *lines]) + "\n", encoding="utf-8")


def write_xlsx_ratings(path: Path, lines: list[str]) -> None:
    """An Excel-distribution rating table: numbers as numbers, Title/Scale Name added."""
    header = [*RATING_COLUMNS[:1], "Title", *RATING_COLUMNS[1:4], "Scale Name", *RATING_COLUMNS[4:]]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header)
    for line in lines:
        c = line.split("\t")
        numbers: list[object] = [float(c[4]), int(c[5]), *(float(x) for x in c[6:9])]
        flags = [None if x == "n/a" else x for x in c[9:11]]
        scale = {"IM": "Importance", "LV": "Level"}[c[3]]
        sheet.append([c[0], OCCUPATIONS[c[0]], *c[1:4], scale, *numbers, *flags, *c[11:]])
    workbook.save(path)


def write_small_source(folder: Path, *, abilities: str | None, activities: str | None) -> Path:
    """A tiny source folder: every O*NET table the build needs (empty but for Occupation
    Data and the Content Model), the supplement, and the official Abilities / Work
    Activities tables when `abilities` / `activities` name a suffix (".txt" or ".xlsx")."""
    onet_dir, extra_dir = folder / "onet-29.3", folder / "onet-29.3-supplement"
    names = {line.split("\t")[1]: line.split("\t")[2] for line in ABILITY_LINES + ACTIVITY_LINES}
    for spec in onet.TABLES:
        write_lines(onet_dir / f"{spec.name}.txt", list(spec.columns), [])
    write_lines(
        onet_dir / "Occupation Data.txt",
        list(onet.OCCUPATION_DATA.columns),
        [f"{code}\t{title}\t..." for code, title in OCCUPATIONS.items()],
    )
    write_lines(
        onet_dir / "Content Model Reference.txt",
        list(onet.CONTENT_MODEL.columns),
        [f"{element}\t{name}\t..." for element, name in names.items()],
    )
    write_lines(extra_dir / "Abilities (43-6013.00).txt", RATING_COLUMNS, ABILITY_LINES)
    write_lines(extra_dir / "Work Activities (43-6013.00).txt", RATING_COLUMNS, ACTIVITY_LINES)
    (extra_dir / supplement.WIDE_TABLE).write_text(WIDE_CSV, encoding="utf-8")
    for spec, suffix, lines in (
        (onet.ABILITIES, abilities, official_lines(ABILITY_LINES, OFFICIAL_CODES)),
        (onet.WORK_ACTIVITIES, activities, official_lines(ACTIVITY_LINES, OFFICIAL_CODES[:2])),
    ):
        if suffix == ".txt":
            write_lines(onet_dir / f"{spec.name}.txt", RATING_COLUMNS, lines)
        elif suffix == ".xlsx":
            write_xlsx_ratings(onet_dir / f"{spec.name}.xlsx", lines)
    return folder


def read_small_source(folder: Path) -> tuple[sections.Sections, onet.OnetTables, list[str]]:
    """What the build reads from `folder` for the profiles' rating sections, and the inputs."""
    log = InputLog(folder)
    onet_tables = onet.read_tables(folder, log)
    rated = sections.read_sections(folder, log, onet_tables)
    return rated, onet_tables, [f.path for f in log.files()]


def changes_text(onet_tables: onet.OnetTables, rated: sections.Sections) -> str:
    release = manifest.onet_release(
        "29.3",
        "May 2025",
        distribution="text",
        tables=onet_tables.names(),
        supplemented=rated.supplemented,
    )
    return str(obj(release)["changes"])


def test_official_abilities_and_work_activities_replace_the_supplement(tmp_path: Path) -> None:
    source = write_small_source(tmp_path, abilities=".txt", activities=".txt")
    rated, onet_tables, inputs = read_small_source(source)
    abilities, activities = "onet-29.3/Abilities.txt", "onet-29.3/Work Activities.txt"

    # every field of the official rows carries through, and `source` names the file
    assert rated.lists["abilities"]["43-6013.00"]["1.A.1.f.1"] == {
        "importance": {
            "value": 1.0, "n": 8, "standard_error": 0.0, "lower_ci": 1.0, "upper_ci": 1.0,
            "recommend_suppress": False, "not_relevant": None, "date": "08/2021",
            "domain_source": "Analyst", "source": abilities,
        },
        "level": {
            "value": 0.0, "n": 8, "standard_error": 0.0, "lower_ci": 0.0, "upper_ci": 0.0,
            "recommend_suppress": False, "not_relevant": True, "date": "08/2021",
            "domain_source": "Analyst", "source": abilities,
        },
    }  # fmt: skip
    chief = rated.lists["abilities"]["11-1011.00"]["1.A.1.a.1"]
    assert obj(chief["level"])["value"] == 4.25  # its own row, not the wide table's 4.5
    assert obj(chief["level"])["date"] == "08/2024"
    assert obj(rated.work_activities["11-1011.00"]["4.A.3.b.4"]["level"]) == {
        "value": 0.83, "n": 27, "standard_error": 0.3634, "lower_ci": 0.0, "upper_ci": 1.3282,
        "recommend_suppress": True, "not_relevant": True, "date": "08/2024",
        "domain_source": "Incumbent", "source": activities,
    }  # fmt: skip
    assert sorted(rated.lists["abilities"]) == sorted(OCCUPATIONS)
    assert sorted(rated.work_activities) == ["11-1011.00", "43-6013.00"]
    sources = {
        str(obj(m)["source"])
        for section in (*rated.lists.values(), rated.work_activities)
        for by_element in section.values()
        for slot in by_element.values()
        for m in slot.values()
    }
    assert sources == {abilities, activities}

    # the supplement is not read at all, and the manifest says where the ratings came from
    assert not [path for path in inputs if path.startswith("onet-29.3-supplement/")]
    assert {abilities, activities} <= set(inputs)
    assert rated.supplemented == {}
    assert {k: v for k, v in rated.measures.items() if v} == {abilities: 12, activities: 8}
    text = changes_text(onet_tables, rated)
    assert "Technology Skills; Abilities; Work Activities." in text
    assert "come from the official tables" in text
    assert "importance_wide_29.csv" not in text

    # profiles: abilities for every occupation, work activities `null` where not covered
    profiles = onet.profiles(onet_tables, rated.lists, rated.work_activities)
    uncovered = obj(obj(profiles["43-6014.00"])["ratings"])
    assert uncovered["work_activities"] is None
    assert len(lst(uncovered["abilities"])) == 2
    # ... and every official row, re-read by verify's independent reader, is in them
    samples = verify.rating_samples(source, InputLog(source))
    assert len(samples) == 3 * len(ABILITY_LINES) + 2 * len(ACTIVITY_LINES)
    for sample in samples:
        document = profiles[sample.file.removeprefix("onet.pack/")]
        assert verify.locate(document, sample.path) == sample.expected, sample.origin


def test_without_official_tables_the_supplement_supplies_both(tmp_path: Path) -> None:
    rated, onet_tables, inputs = read_small_source(
        write_small_source(tmp_path, abilities=None, activities=None)
    )
    full = "onet-29.3-supplement/Abilities (43-6013.00).txt"
    wide = "onet-29.3-supplement/importance_wide_29.csv"
    activities = "onet-29.3-supplement/Work Activities (43-6013.00).txt"
    medical = rated.lists["abilities"]["43-6013.00"]["1.A.1.f.1"]
    assert obj(medical["level"])["source"] == full
    assert obj(medical["level"])["not_relevant"] is True
    chief = rated.lists["abilities"]["11-1011.00"]["1.A.1.a.1"]
    assert chief == {"importance": value_only_measure(4.5, wide)}
    assert sorted(rated.work_activities) == ["43-6013.00"]
    assert obj(rated.work_activities["43-6013.00"]["4.A.1.a.1"]["importance"])["source"] == (
        activities
    )
    assert {full, wide, activities} <= set(inputs)
    assert not {"onet-29.3/Abilities.txt", "onet-29.3/Work Activities.txt"} & set(inputs)
    assert rated.supplemented == {"Abilities": ["43-6013.00"], "Work Activities": ["43-6013.00"]}
    assert {k: v for k, v in rated.measures.items() if v} == {full: 4, wide: 4, activities: 4}
    text = changes_text(onet_tables, rated)
    assert "Technology Skills. From Education" in text
    assert "Abilities and Work Activities were not available in the source snapshot" in text
    assert "Work Activities ratings only for 43-6013.00" in text


def test_official_abilities_alone_leave_work_activities_to_the_supplement(tmp_path: Path) -> None:
    rated, onet_tables, inputs = read_small_source(
        write_small_source(tmp_path, abilities=".xlsx", activities=None)
    )
    abilities = "onet-29.3/Abilities.xlsx"
    activities = "onet-29.3-supplement/Work Activities (43-6013.00).txt"
    medical = rated.lists["abilities"]["43-6013.00"]["1.A.1.f.1"]
    assert obj(medical["level"])["source"] == abilities
    assert obj(medical["level"])["not_relevant"] is True
    assert obj(medical["importance"])["not_relevant"] is None
    assert sorted(rated.lists["abilities"]) == sorted(OCCUPATIONS)
    assert sorted(rated.work_activities) == ["43-6013.00"]
    assert obj(rated.work_activities["43-6013.00"]["4.A.1.a.1"]["level"])["source"] == activities
    supplement_inputs = [path for path in inputs if path.startswith("onet-29.3-supplement/")]
    assert supplement_inputs == [activities]  # neither the wide table nor the ability rows
    assert rated.supplemented == {"Work Activities": ["43-6013.00"]}
    assert onet_tables.formats == {".txt", ".xlsx"}
    text = changes_text(onet_tables, rated)
    assert "Technology Skills; Abilities. From Education" in text
    assert "Abilities come from the official table" in text
    assert "importance_wide_29.csv" not in text


def test_official_work_activities_alone_leave_abilities_to_the_supplement(tmp_path: Path) -> None:
    rated, onet_tables, inputs = read_small_source(
        write_small_source(tmp_path, abilities=None, activities=".txt")
    )
    activities = "onet-29.3/Work Activities.txt"
    assert sorted(rated.work_activities) == ["11-1011.00", "43-6013.00"]
    assert obj(rated.work_activities["43-6013.00"]["4.A.1.a.1"]["level"])["source"] == activities
    level = rated.lists["abilities"]["43-6013.00"]["1.A.1.f.1"]["level"]
    assert obj(level)["source"] == "onet-29.3-supplement/Abilities (43-6013.00).txt"
    assert "level" not in rated.lists["abilities"]["11-1011.00"]["1.A.1.a.1"]
    supplement_inputs = [path for path in inputs if path.startswith("onet-29.3-supplement/")]
    assert supplement_inputs == [
        "onet-29.3-supplement/Abilities (43-6013.00).txt",
        "onet-29.3-supplement/importance_wide_29.csv",
    ]
    assert rated.supplemented == {"Abilities": ["43-6013.00"]}
    text = changes_text(onet_tables, rated)
    assert "Technology Skills; Work Activities. From Education" in text
    assert "Work Activities come from the official table" in text
    assert "complete Abilities rows (importance and level) are included only for 43-6013.00" in text


def test_unmatched_ability_column_stops_the_build(tmp_path: Path) -> None:
    elements = {"1.A": "Abilities", "1.A.1": "Cognitive", "1.A.1.a": "Oral Comprehension"}
    wide = tmp_path / "wide.csv"
    wide.write_text("O*NET-SOC Code,Ability: Oral Comprehension\n11-1011.00,4.5\n")
    values, codes = supplement.read_wide_table(wide, elements)
    assert values["abilities"] == {"11-1011.00": {"1.A.1.a": 4.5}}
    assert codes == {"11-1011.00"}
    wide.write_text("O*NET-SOC Code,Ability: Telepathy\n11-1011.00,4.5\n")
    with pytest.raises(supplement.SupplementError, match="Telepathy"):
        supplement.read_wide_table(wide, elements)
