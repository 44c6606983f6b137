"""Check the written files against the sources before anyone commits them.

The build re-reads what it wrote (not what it meant to write) and checks:
checksums against the manifest (each file's sha256 and CRC-32, each pack
member's and dictionary's CRC-32), the exact set of files, counts per table
against the source row counts, the known counts of this release, and a fixed
sample of values read again from the raw upstream files by code independent of
`tables.py`, so a bug in the shared reader cannot hide itself.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import openpyxl

from databuild import oews
from databuild.sources import (
    ACTIVITIES_29_1_DIR,
    EP_2024_DIR,
    EP_DIR,
    OES_2019_DIR,
    ONET_DIR,
    SUPPLEMENT_DIR,
    InputLog,
)
from databuild.tables import find_optional_table, find_table
from databuild.writer import Json, crc32_bytes, decode, encode_json, rows_of, sha256_bytes
from occprofile._store import resources

TOP_LEVEL = (
    "area_aliases.json",
    "areas.json",
    "certifications.json",
    "elements.json",
    "oes_2019.json.gz",
    "oews_reference.json",
    "oews_values.json.gz",
    "occupations.json",
    "onet_reference.json.gz",
    "projections.json.gz",
    "projections_2024_34.json.gz",
    "similarity.json.gz",
    "soc_changes.json",
    "titles.json.gz",
)
#: The packs' members are named "<pack>/<member>".
PACKS = ("oews.pack", "onet.pack")
#: Each pack's member index, a binary file of its own (``databuild.packs.encode_index``).
INDEXES = {"oews.pack": "oews.index", "onet.pack": "onet.index"}
FOLDERS = tuple(pack + "/" for pack in PACKS)

#: Counts the brief and the upstream README state for this release pair; checked
#: only when the sources are that release (a newer release has other counts).
KNOWN_COUNTS: dict[tuple[str, str], dict[str, int]] = {
    ("29.3", "2025A01"): {
        "onet_occupations": 1016,
        "oews_occupations": 1104,
        "areas": 583,
        "areas_national": 1,
        "areas_state": 54,
        "areas_metro": 393,
        "areas_nonmetro": 135,
        "oews_estimates": 236799,
        "projections": 790,
        "oes_2019_occupations": 1316,
        "projections_2024": 832,
        "onet_29_1_work_activities": 698,
        "detailed_work_activities_occupations": 923,
        "tools_occupations": 902,
        "work_values_occupations": 874,
        "emerging_tasks": 295,
    },
}

#: Rating tables sampled from the raw files, with their profile section.
SAMPLED_RATINGS = (("Skills", "skills"), ("Knowledge", "knowledge"), ("Work Styles", "work_styles"))
#: Also sampled when the O*NET folder has them (the build then reads them, not the supplement).
OPTIONAL_SAMPLED_RATINGS = (("Abilities", "abilities"), ("Work Activities", "work_activities"))
SAMPLES_PER_TABLE = 50
_ABSENT = (None, "", "n/a", "N/A")

Step = str | int | tuple[str | int, str]
"""A dict key, a list index, or (field, value): the list item whose field equals value."""


class VerificationError(Exception):
    """The written files do not match the sources."""


@dataclass(frozen=True)
class Sample:
    """A value read from a raw file and where the outputs must hold it."""

    origin: str
    file: str
    path: tuple[Step, ...]
    expected: Json


@dataclass
class Expectations:
    """What the outputs must contain, from the row counts of the sources."""

    onet_version: str
    oews_release: str
    onet_occupations: int
    oews_occupations: int
    areas: int
    oews_estimates: int
    profile_lists: dict[str, int]
    """Total entries per profile list (tasks, education, ...) and non-null job zones."""
    measures: dict[str, int]
    """Rating measures per source file (manifest input path)."""
    work_activities_codes: list[str] = field(default_factory=list)
    projections: int = 0
    oes_2019_occupations: int = 0
    projections_2024: int = 0
    content_lists: dict[str, int] = field(default_factory=dict)
    """Entries of the work-content lists (work_content.expected_counts) the sources give."""
    averaged_socs: list[str] = field(default_factory=list)
    """SOC rows of the O*NET 29.1 table that average several codes: no profile may use them."""


# -- raw sample -------------------------------------------------------------


def _raw_rows(path: Path) -> tuple[list[str], list[Sequence[object]]]:
    """Header and rows of an .xlsx or .txt file, without any conversion."""
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            it: Iterator[Sequence[object]] = workbook.worksheets[0].iter_rows(values_only=True)
            header = [str(c) for c in next(it)]
            rows = [r for r in it if any(c not in (None, "") for c in r)]
        finally:
            workbook.close()
        return header, rows
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        return header, [r for r in reader if any(r)]


def _number(cell: object) -> float | None:
    return None if cell in _ABSENT else float(str(cell))


def _count(cell: object) -> int | None:
    return None if cell in _ABSENT else int(float(str(cell)))


def _flag(cell: object) -> bool | None:
    return None if cell in _ABSENT else {"Y": True, "N": False}[str(cell)]


def _stride(rows: Sequence[object], wanted: int) -> range:
    return range(0, len(rows), max(1, len(rows) // wanted))


def rating_samples(source: Path, log: InputLog) -> list[Sample]:
    """Every n-th row of Skills, Knowledge and Work Styles (and of Abilities and Work
    Activities, when the O*NET folder has them) as the profile measure it becomes."""
    folder = source / ONET_DIR
    found = [(find_table(folder, table), section) for table, section in SAMPLED_RATINGS]
    for table, section in OPTIONAL_SAMPLED_RATINGS:
        optional = find_optional_table(folder, table)
        if optional is not None:
            found.append((optional, section))
    samples: list[Sample] = []
    for path, section in found:
        name = log.relative(path)
        header, rows = _raw_rows(path)
        at = {column: header.index(column) for column in header}
        for index in _stride(rows, SAMPLES_PER_TABLE):
            row = rows[index]

            def cell(column: str, row: Sequence[object] = row, at: dict[str, int] = at) -> object:
                return row[at[column]] if column in at else None

            scale = str(cell("Scale ID"))
            expected: Json = {
                "value": _number(cell("Data Value")),
                "n": _count(cell("N")),
                "standard_error": _number(cell("Standard Error")),
                "lower_ci": _number(cell("Lower CI Bound")),
                "upper_ci": _number(cell("Upper CI Bound")),
                "recommend_suppress": _flag(cell("Recommend Suppress")),
                "not_relevant": _flag(cell("Not Relevant")),
                "date": str(cell("Date")),
                "domain_source": str(cell("Domain Source")),
                "source": name,
            }
            samples.append(
                Sample(
                    origin=f"{name} data row {index + 1}",
                    file=f"onet.pack/{cell('O*NET-SOC Code')}",
                    path=(
                        "ratings",
                        section,
                        ("element_id", str(cell("Element ID"))),
                        {"IM": "importance", "LV": "level"}[scale],
                    ),
                    expected=expected,
                )
            )
    return samples


def oews_samples(source: Path, wanted: int = SAMPLES_PER_TABLE) -> list[Sample]:
    """Every n-th cross-industry cell as the estimate entry it becomes."""
    columns = ", ".join(f"v{d}" for d in oews.DATATYPES) + ", "
    columns += ", ".join(f"f{d}" for d in oews.DATATYPES)
    query = f"SELECT key, {columns} FROM cell WHERE substr(key, 12, 6) = '000000' ORDER BY key"
    samples: list[Sample] = []
    with oews.open_database(source, None) as db:
        rows = db.execute(query).fetchall()
    for index in _stride(rows, wanted):
        row = rows[index]
        key = str(row[0])
        area, occupation = key[4:11], key[17:23]
        values: list[Json] = [None if v in (None, "") else str(v) for v in row[1:18]]
        notes: dict[str, Json] = {
            f"{i:02d}": str(f) for i, f in enumerate(row[18:35], start=1) if f not in (None, "")
        }
        samples.append(
            Sample(
                origin=f"{oews.DATABASE} cell {key}",
                file=f"oews.pack/{occupation[:2]}-{occupation[2:]}",
                path=("estimates", (0, area)),
                expected=[area, values, notes],
            )
        )
    return samples


def projection_samples(source: Path, wanted: int = SAMPLES_PER_TABLE) -> list[Sample]:
    """Every n-th projections row: its 2020 employment and median wage, as published."""
    path = source / EP_DIR / "Employment-Projections_2020-30.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    code_at = header.index("Occupation Code")
    samples: list[Sample] = []
    for index in _stride(body, wanted):
        row = body[index]
        code = row[code_at].strip('="')
        for column, key in (
            ("Employment 2020", "employment_2020"),
            ("Median Annual Wage 2020", "median_wage"),
        ):
            samples.append(
                Sample(
                    origin=f"{path.name} row {index + 2} {column}",
                    file="projections.json.gz",
                    path=("projections", ("code", code), key),
                    expected=row[header.index(column)].strip(),
                )
            )
    return samples


def oes_2019_samples(source: Path, wanted: int = SAMPLES_PER_TABLE) -> list[Sample]:
    """Every n-th May 2019 national row: employment and annual mean as published."""
    header, body = _raw_rows(source / OES_2019_DIR / "national_M2019_dl.xlsx")
    at = {name.strip(): i for i, name in enumerate(header)}
    samples: list[Sample] = []
    for index in _stride(body, wanted):
        row = body[index]
        for column, key in (("tot_emp", "employment"), ("a_mean", "annual_mean")):
            cell = row[at[column]]
            samples.append(
                Sample(
                    origin=f"national_M2019_dl.xlsx row {index + 2} {column}",
                    file="oes_2019.json.gz",
                    path=("occupations", ("code", str(row[at["occ_code"]])), key),
                    expected=None if cell in _ABSENT else str(cell),
                )
            )
    return samples


def projection_2024_samples(source: Path, wanted: int = SAMPLES_PER_TABLE) -> list[Sample]:
    """Every n-th detailed row of the 2024-34 workbook: employment 2024, percent
    self-employed and median wage, as the workbook shows them."""
    book = openpyxl.load_workbook(
        source / EP_2024_DIR / "occupation.xlsx", read_only=True, data_only=True
    )
    try:
        raw = list(book["Table 1.2"].iter_rows(values_only=True))
    finally:
        book.close()
    header = [str(c) for c in raw[1]]
    at = {name: i for i, name in enumerate(header)}
    body = [r for r in raw[2:] if r[at["Occupation type"]] == "Line item"]
    shown = {
        "Employment, 2024": ("employment_2024", "{:,.1f}"),
        "Percent self employed, 2024": ("percent_self_employed", "{:,.1f}"),
        "Median annual wage, dollars, 2024[1]": ("median_wage", "{:,}"),
    }
    samples: list[Sample] = []
    for index in _stride(body, wanted):
        row = body[index]
        for column, (key, display) in shown.items():
            cell = row[at[column]]
            samples.append(
                Sample(
                    origin=f"occupation.xlsx Table 1.2 line item {index + 1} {column}",
                    file="projections_2024_34.json.gz",
                    path=(
                        "projections",
                        ("code", str(row[at["2024 National Employment Matrix code"]])),
                        key,
                    ),
                    expected=cell if isinstance(cell, str) else display.format(cell),
                )
            )
    return samples


def _onet_rows(source: Path, table: str) -> tuple[dict[str, int], list[Sequence[object]]]:
    header, rows = _raw_rows(find_table(source / ONET_DIR, table))
    return {name: i for i, name in enumerate(header)}, rows


def work_content_samples(source: Path, wanted: int = SAMPLES_PER_TABLE) -> list[Sample]:
    """Every n-th row of Tasks to DWAs (the DWA's task ids), DWA Reference (its title),
    Tools Used (the commodity), Work Values (the value) and Emerging Tasks (the category)."""
    samples: list[Sample] = []
    at, rows = _onet_rows(source, "Tasks to DWAs")
    linked: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        key = (str(row[at["O*NET-SOC Code"]]), str(row[at["DWA ID"]]))
        linked.setdefault(key, []).append(int(str(row[at["Task ID"]])))
    for index in _stride(rows, wanted):
        code, dwa = str(rows[index][at["O*NET-SOC Code"]]), str(rows[index][at["DWA ID"]])
        samples.append(
            Sample(
                origin=f"Tasks to DWAs data row {index + 1}",
                file=f"onet.pack/{code}",
                path=("detailed_work_activities", ("id", dwa), "tasks"),
                expected=list[Json](sorted(linked[code, dwa])),
            )
        )
    at, rows = _onet_rows(source, "DWA Reference")
    for index in _stride(rows, wanted):
        row = rows[index]
        for field_name, column in (("title", "DWA Title"), ("iwa", "IWA ID")):
            samples.append(
                Sample(
                    origin=f"DWA Reference data row {index + 1} {column}",
                    file="onet_reference.json.gz",
                    path=("dwas", ("id", str(row[at["DWA ID"]])), field_name),
                    expected=str(row[at[column]]),
                )
            )
    for table, list_key, key_column, field_key, column in (
        ("Tools Used", "tools", "Example", "example", "Commodity Code"),
        ("Work Values", "work_values", "Element ID", "element_id", "Data Value"),
        ("Emerging Tasks", "emerging_tasks", "Task", "text", "Category"),
    ):
        at, rows = _onet_rows(source, table)
        for index in _stride(rows, wanted):
            row = rows[index]
            cell = row[at[column]]
            expected: Json = cell if isinstance(cell, str) else float(str(cell))
            name = {"Commodity Code": "commodity_code", "Data Value": "value"}.get(column)
            samples.append(
                Sample(
                    origin=f"{table} data row {index + 1}",
                    file=f"onet.pack/{row[at['O*NET-SOC Code']]}",
                    path=(list_key, (field_key, str(row[at[key_column]])), name or "category"),
                    expected=expected,
                )
            )
    return samples


def activity_importance_samples(source: Path, wanted: int = SAMPLES_PER_TABLE) -> list[Sample]:
    """Every n-th single-code row of the O*NET 29.1 table, one activity each, as the
    importance value of that SOC's one rated O*NET-SOC code. "Rated" is read here from
    the supplement's wide table (a code with Skill values), independently of the
    build, which reads it from Skills."""
    with (source / SUPPLEMENT_DIR / "importance_wide_29.csv").open(
        encoding="utf-8-sig", newline=""
    ) as handle:
        wide = list(csv.DictReader(handle))
    rated: dict[str, set[str]] = {}
    for entry in wide:
        if any(v.strip() for k, v in entry.items() if k.startswith("Skill: ")):
            code = entry["O*NET-SOC Code"]
            rated.setdefault(code[:7], set()).add(code)
    path = source / ACTIVITIES_29_1_DIR / "onet_gwa_importance_matrix.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *body = list(csv.reader(handle))
    single = [row for row in body if len(rated.get(row[0], ())) == 1]
    _, content_model = _onet_rows(source, "Content Model Reference")
    ids = {
        str(r[1]): str(r[0])
        for r in content_model
        if str(r[0]).startswith("4.A.") and str(r[0]).count(".") == 4
    }
    samples: list[Sample] = []
    for index in _stride(single, wanted):
        row = single[index]
        column = 1 + index % (len(header) - 1)
        (code,) = rated[row[0]]
        samples.append(
            Sample(
                origin=f"{path.name} {row[0]} {header[column]}",
                file=f"onet.pack/{code}",
                path=(
                    "ratings",
                    "work_activities",
                    ("element_id", ids[header[column]]),
                    "importance",
                    "value",
                ),
                expected=float(row[column]),
            )
        )
    return samples


def raw_samples(source: Path) -> list[Sample]:
    """The fixed verification sample (~890 values; ~930 with official Abilities and Work
    Activities) read straight from the raw files."""
    log = InputLog(source)
    samples = (
        rating_samples(source, log)
        + oews_samples(source)
        + projection_samples(source)
        + oes_2019_samples(source)
        + projection_2024_samples(source)
        + work_content_samples(source)
    )
    importance = source / ACTIVITIES_29_1_DIR / "onet_gwa_importance_matrix.csv"
    if find_optional_table(source / ONET_DIR, "Work Activities") is None and importance.is_file():
        samples += activity_importance_samples(source)
    return samples


# -- checks -----------------------------------------------------------------


def _obj(value: Json, what: str) -> dict[str, Json]:
    if not isinstance(value, dict):
        raise VerificationError(f"{what}: expected an object")
    return value


def _list(value: Json, what: str) -> list[Json]:
    if not isinstance(value, list):
        raise VerificationError(f"{what}: expected a list")
    return value


def _rows(document: dict[str, Json], table: str, p: Problems) -> list[dict[str, Json]]:
    """The records of a columnar table (`writer.columnar`); none, and a problem, if its
    columns are not lists of one length."""
    try:
        return rows_of(document.get(table), table)
    except ValueError as error:
        p.check(False, str(error))
        return []


def locate(document: Json, path: Sequence[Step]) -> Json:
    """Follow `path` into `document`; raise KeyError/IndexError if it leads nowhere."""
    here = document
    for step in path:
        if isinstance(step, tuple):
            field_, wanted = step
            if isinstance(here, dict):  # a table of columns (`writer.columnar`): its rows
                here = list(rows_of(here, str(step)))
            items = _list(here, str(step))
            matches = [
                item
                for item in items
                if (
                    isinstance(item, dict)
                    and isinstance(field_, str)
                    and item.get(field_) == wanted
                )
                or (isinstance(item, list) and isinstance(field_, int) and item[field_] == wanted)
            ]
            if len(matches) != 1:
                raise KeyError(f"{len(matches)} items with {field_} = {wanted!r}")
            here = matches[0]
        elif isinstance(step, int):
            here = _list(here, str(step))[step]
        else:
            here = _obj(here, step)[step]
    return here


def _same(expected: Json, actual: Json) -> bool:
    """Equal, with numbers compared by value and type family (1 == 1.0, True != 1)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return expected == actual
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            _same(v, actual[k]) for k, v in expected.items()
        )
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(map(_same, expected, actual))
    return type(expected) is type(actual) and expected == actual


class Problems:
    """What a check found wrong, one message per problem (``fail`` raises them all)."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.items.append(message)


def _read_outputs(out: Path, problems: Problems) -> dict[str, bytes]:
    """Every generated file under `out`, by manifest path (the packs as they are)."""
    files: dict[str, bytes] = {}
    for name in (*TOP_LEVEL, *PACKS, *INDEXES.values(), "manifest.json"):
        path = out / name
        problems.check(path.is_file(), f"{name} is missing")
        if path.is_file():
            files[name] = path.read_bytes()
    return files


def _unpack(files: dict[str, bytes], manifest: dict[str, Json], p: Problems) -> None:
    """Add each pack member to `files` as JSON (an OEWS block decoded by databuild's own
    reader), named "<pack>/<member>"; the member checks are `_check_manifest`'s."""
    from databuild import onet, packs

    listed = {
        str(_obj(e, "output").get("path")): _obj(e, "output")
        for e in _list(manifest.get("outputs"), "manifest outputs")
    }
    values = decode(packs.VALUES, files[packs.VALUES])
    areas = _rows(_obj(decode("areas.json", files["areas.json"]), "areas.json"), "areas", p)
    area_codes = [str(a.get("code")) for a in areas]
    for name in PACKS:
        dictionary = _list(listed.get(name, {}).get("dictionary", []), f"{name} dictionary")
        try:
            index = packs.decode_index(files[INDEXES[name]])
            inflated = packs.unpack(files[name], index, dictionary)  # type: ignore[arg-type]
        except Exception as error:  # any failure is a problem to report
            p.check(False, f"{name}: cannot be unpacked ({type(error).__name__}: {error})")
            continue
        for member, stored in inflated.items():
            if name != packs.OEWS_PACK:  # a profile, its ratings as columns
                try:
                    profile = onet.profile_of_stored(decode(f"{name}/{member}", stored))
                except Exception as error:
                    p.check(False, f"{name}/{member}: {type(error).__name__}: {error}")
                    continue
                files[f"{name}/{member}"] = encode_json(profile)
                continue
            try:
                document = packs.decode_block(member, stored, values, area_codes)
            except Exception as error:
                p.check(False, f"{name}/{member}: {type(error).__name__}: {error}")
                continue
            files[f"{name}/{member}"] = encode_json(document)


def _is_crc(recorded: Json, data: bytes) -> bool:
    """Whether ``recorded`` is the CRC-32 of ``data``, as an int (not a bool or a text)."""
    return resources.is_crc32(recorded) and recorded == crc32_bytes(data)


def _check_checksums(name: str, data: bytes, entry: Mapping[str, Json], p: Problems) -> None:
    """A file's manifest entry records its sha256 (provenance) and its CRC-32 (what the
    library checks): both must be the written bytes'."""
    p.check(entry.get("sha256") == sha256_bytes(data), f"{name}: sha256 differs from the manifest")
    p.check(_is_crc(entry.get("crc32"), data), f"{name}: CRC-32 differs from the manifest")


def _check_manifest(files: Mapping[str, bytes], manifest: dict[str, Json], p: Problems) -> None:
    from databuild import packs

    listed: dict[str, dict[str, Json]] = {}
    for entry in _list(manifest.get("outputs"), "manifest outputs"):
        item = _obj(entry, "manifest output")
        listed[str(item.get("path"))] = item
    p.check(
        sorted(listed) == sorted((*TOP_LEVEL, *PACKS, *INDEXES.values())),
        f"manifest outputs list {sorted(listed)}",
    )
    for name in (*TOP_LEVEL, *PACKS, *INDEXES.values()):
        if name in files and name in listed:
            _check_checksums(name, files[name], listed[name], p)
    for name in PACKS:
        if name not in files:
            continue  # reported missing already; its members would all differ
        entry = listed.get(name, {})
        data = files[name]
        p.check(
            entry.get("size") == len(data),
            f"{name}: manifest says {entry.get('size')} bytes, found {len(data)}",
        )
        p.check(entry.get("index") == INDEXES[name], f"{name}: index is {entry.get('index')!r}")
        if INDEXES[name] not in files:
            continue  # reported missing already
        try:
            members = packs.decode_index(files[INDEXES[name]])
        except ValueError as error:
            p.check(False, f"{INDEXES[name]}: {error}")
            continue
        p.check(entry.get("rows") == len(members), f"{name}: rows differ from its members")
        p.check(
            listed.get(INDEXES[name], {}).get("rows") == len(members),
            f"{INDEXES[name]}: rows differ from its members",
        )
        p.check(list(members) == sorted(members), f"{INDEXES[name]}: not in member name order")
        end = 0
        if "dictionary" in entry:  # the preset dictionary, first in the pack
            offset, length, crc = _list(entry["dictionary"], f"{name} dictionary")
            p.check(
                offset == 0 and isinstance(length, int) and 0 < length <= 32768,
                f"{name}: dictionary at {offset}+{length}",
            )
            end = length if isinstance(length, int) else 0
            p.check(_is_crc(crc, data[:end]), f"{name}: dictionary CRC-32 differs")
        for member, (offset, length, crc) in sorted(members.items()):  # packed in name order
            if offset != end or not isinstance(length, int) or length <= 0:
                p.check(False, f"{name}/{member}: at {offset}, the previous member ends at {end}")
                break
            end += length
            p.check(
                crc == crc32_bytes(data[end - length : end]),
                f"{name}/{member}: CRC-32 differs from {INDEXES[name]}",
            )
        p.check(end == len(data), f"{name}: members end at {end}, the pack has {len(data)} bytes")


@dataclass
class _ContentTally:
    """What the profiles hold of the work content and of the O*NET 29.1 importance."""

    lists: Counter[str] = field(default_factory=Counter)
    occupations: Counter[str] = field(default_factory=Counter)
    from_29_1: list[str] = field(default_factory=list)

    def add(self, name: str, profile: dict[str, Json]) -> None:
        for key in ("detailed_work_activities", "tools", "work_values", "emerging_tasks"):
            entries = _list(profile.get(key), f"{name} {key}")
            self.occupations[f"{key}_occupations"] += bool(entries)
            self.lists[key] += len(entries)
        self.lists["detailed_work_activity_tasks"] += sum(
            len(_list(_obj(e, name).get("tasks"), name))
            for e in _list(profile.get("detailed_work_activities"), name)
        )
        self.occupations["emerging_tasks"] = self.lists["emerging_tasks"]
        activities = _obj(profile.get("ratings"), name).get("work_activities")
        sources = {
            str(_obj(_obj(entry, name).get("importance") or {}, name).get("source"))
            for entry in _list(activities or [], name)
        }
        if any(source.startswith(ACTIVITIES_29_1_DIR + "/") for source in sources):
            self.from_29_1.append(str(profile.get("code")))
        self.occupations["onet_29_1_work_activities"] = len(self.from_29_1)

    def check(self, expect: Expectations, p: Problems) -> None:
        for key, wanted in sorted(expect.content_lists.items()):
            got = self.lists[key]
            p.check(got == wanted, f"onet.pack: {got} {key} entries, source has {wanted}")
        averaged = set(expect.averaged_socs)
        used = sorted(code for code in self.from_29_1 if code[:7] in averaged)
        p.check(not used, f"onet.pack: O*NET 29.1 averaged rows used for {used}")


def check_outputs(out: Path, expect: Expectations, samples: Sequence[Sample]) -> dict[str, int]:
    """Check the files in `out`; raise VerificationError listing every problem found.

    Returns a few totals for the build summary.
    """
    p = Problems()
    files = _read_outputs(out, p)
    if "manifest.json" in files:
        manifest = _obj(decode("manifest.json", files["manifest.json"]), "manifest")
        _check_manifest(files, manifest, p)
        if not p.items:
            _unpack(files, manifest, p)
    if p.items:
        fail(p)
    docs: dict[str, Json] = {}

    def doc(name: str) -> Json:
        if name not in docs:
            docs[name] = decode(name, files[name])
        return docs[name]

    # counts against the sources
    index = _obj(doc("occupations.json"), "occupations.json")
    onet_codes = [str(e.get("code")) for e in _rows(index, "onet", p)]
    oews_codes = [str(e.get("code")) for e in _rows(index, "oews", p)]
    p.check(
        len(onet_codes) == expect.onet_occupations,
        f"occupations.json: {len(onet_codes)} O*NET codes, source has {expect.onet_occupations}",
    )
    p.check(
        len(oews_codes) == expect.oews_occupations,
        f"occupations.json: {len(oews_codes)} OEWS codes, source has {expect.oews_occupations}",
    )
    p.check(onet_codes == sorted(set(onet_codes)), "occupations.json: onet not sorted/unique")
    p.check(oews_codes == sorted(set(oews_codes)), "occupations.json: oews not sorted/unique")
    onet_files = sorted(n for n in files if n.startswith("onet.pack/"))
    oews_files = sorted(n for n in files if n.startswith("oews.pack/"))
    p.check(
        onet_files == [f"onet.pack/{c}" for c in onet_codes],
        "onet.pack: members differ from the O*NET codes",
    )
    p.check(
        oews_files == [f"oews.pack/{c}" for c in oews_codes],
        "oews.pack: members differ from the OEWS codes",
    )

    areas = _rows(_obj(doc("areas.json"), "areas.json"), "areas", p)
    kinds = Counter(str(a.get("kind")) for a in areas)
    p.check(
        len(areas) == expect.areas, f"areas.json: {len(areas)} areas, source has {expect.areas}"
    )

    lists: Counter[str] = Counter()
    measures: Counter[str] = Counter()
    with_activities: list[str] = []
    content = _ContentTally()
    for name in onet_files:
        profile = _obj(doc(name), name)
        content.add(name, profile)
        for key in expect.profile_lists:
            if key == "job_zone":
                lists[key] += profile.get(key) is not None
            else:
                lists[key] += len(_list(profile.get(key), f"{name} {key}"))
        for section, entries in _obj(profile.get("ratings"), f"{name} ratings").items():
            if entries is None:
                continue
            if section == "work_activities":
                with_activities.append(str(profile.get("code")))
            for entry in _list(entries, f"{name} {section}"):
                for which in ("importance", "level"):
                    m = _obj(entry, name).get(which)
                    if m is not None:
                        measures[str(_obj(m, name).get("source"))] += 1
        docs.pop(name)
    for key, wanted in sorted(expect.profile_lists.items()):
        p.check(lists[key] == wanted, f"onet.pack: {lists[key]} {key} entries, source has {wanted}")
    for source_name in sorted(set(measures) | set(expect.measures)):
        got, wanted = measures[source_name], expect.measures.get(source_name, 0)
        p.check(got == wanted, f"onet.pack: {got} measures from {source_name}, source has {wanted}")
    p.check(
        with_activities == sorted(expect.work_activities_codes),
        f"onet.pack: work activities present for {with_activities}",
    )
    content.check(expect, p)

    estimates = 0
    for name in oews_files:
        estimates += len(_list(_obj(doc(name), name).get("estimates"), name))
        docs.pop(name)
    projected = _rows(_obj(doc("projections.json.gz"), "projections"), "projections", p)
    p.check(
        len(projected) == expect.projections,
        f"projections.json.gz: {len(projected)} rows, source has {expect.projections}",
    )
    projected_2024 = _rows(
        _obj(doc("projections_2024_34.json.gz"), "projections_2024_34"), "projections", p
    )
    p.check(
        len(projected_2024) == expect.projections_2024,
        f"projections_2024_34.json.gz: {len(projected_2024)} rows, "
        f"source has {expect.projections_2024}",
    )
    history = _rows(_obj(doc("oes_2019.json.gz"), "oes_2019"), "occupations", p)
    p.check(
        len(history) == expect.oes_2019_occupations,
        f"oes_2019.json.gz: {len(history)} codes, source has {expect.oes_2019_occupations}",
    )
    p.check(
        estimates == expect.oews_estimates,
        f"oews.pack: {estimates} estimates, source has {expect.oews_estimates}",
    )

    # the release's published counts
    known = KNOWN_COUNTS.get((expect.onet_version, expect.oews_release))
    if known is not None:
        actual = {
            "onet_occupations": len(onet_codes),
            "oews_occupations": len(oews_codes),
            "areas": len(areas),
            **{f"areas_{k}": kinds[k] for k in ("national", "state", "metro", "nonmetro")},
            "oews_estimates": estimates,
            "projections": len(projected),
            "oes_2019_occupations": len(history),
            "projections_2024": len(projected_2024),
            **content.occupations,
        }
        for key, wanted in known.items():
            p.check(actual[key] == wanted, f"{key}: {actual[key]}, this release has {wanted}")

    # values re-read from the raw files
    for sample in samples:
        if sample.file not in files:
            p.check(False, f"{sample.origin}: {sample.file} is missing")
            continue
        try:
            actual_value = locate(doc(sample.file), sample.path)
        except (KeyError, IndexError, ValueError, VerificationError) as error:
            p.check(False, f"{sample.origin}: not found in {sample.file} at {sample.path}: {error}")
            continue
        p.check(
            _same(sample.expected, actual_value),
            f"{sample.origin}: {sample.file} {sample.path} holds {actual_value!r}, "
            f"source has {sample.expected!r}",
        )
    if p.items:
        fail(p)
    return {"files": len(files), "samples": len(samples), "estimates": estimates}


def fail(problems: Problems) -> NoReturn:
    """Raise VerificationError listing the first 30 problems and how many more there are."""
    shown = "\n  ".join(problems.items[:30])
    more = len(problems.items) - 30
    suffix = f"\n  ... and {more} more" if more > 0 else ""
    raise VerificationError(
        f"verification failed ({len(problems.items)} problems):\n  {shown}{suffix}"
    )


def verify(out: Path, source: Path, expect: Expectations) -> dict[str, int]:
    """Re-read the raw sample from `source`, then check the files in `out`."""
    return check_outputs(out, expect, raw_samples(source))
