"""Read the O*NET 29.3 tables and shape them into elements.json, titles and profiles.

Everything one occupation needs goes into its own profile document so the
library reads one small file per lookup; shared reference tables (Content
Model, scales, job zones, education categories) go into elements.json once.

Abilities and Work Activities are optional tables: the 29.3 snapshot in
../shared/data lacks them (supplement.py fills the gap), but a full official
download has them, and then they are read here exactly like Skills.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from databuild import ratings, work_content
from databuild.ratings import CODE, RatingMap
from databuild.sources import ONET_DIR, InputLog
from databuild.tables import (
    Kind,
    Row,
    Table,
    TableSpec,
    find_optional_table,
    read_table,
    read_table_file,
)
from databuild.writer import Json, columnar, encode_json, record_fields, with_ids
from occprofile._profile_records import Element

TEXT, OPT_TEXT, INT, OPT_INT = Kind.TEXT, Kind.OPT_TEXT, Kind.INT, Kind.OPT_INT
NUM, OPT_NUM, FLAG, OPT_FLAG = Kind.FLOAT, Kind.OPT_FLOAT, Kind.FLAG, Kind.OPT_FLAG

OCCUPATION_DATA = TableSpec("Occupation Data", {CODE: TEXT, "Title": TEXT, "Description": TEXT})
ALTERNATE_TITLES = TableSpec(
    "Alternate Titles", {CODE: TEXT, "Alternate Title": TEXT, "Short Title": OPT_TEXT}
)
REPORTED_TITLES = TableSpec(
    "Sample of Reported Titles",
    {CODE: TEXT, "Reported Job Title": TEXT, "Shown in My Next Move": FLAG},
)
TASKS = TableSpec(
    "Task Statements",
    {
        CODE: TEXT,
        "Task ID": INT,
        "Task": TEXT,
        "Task Type": OPT_TEXT,
        "Incumbents Responding": OPT_INT,
        "Date": TEXT,
        "Domain Source": TEXT,
    },
)
SKILLS = ratings.rating_spec("Skills", not_relevant=True)
KNOWLEDGE = ratings.rating_spec("Knowledge", not_relevant=True)
WORK_STYLES = ratings.rating_spec("Work Styles", not_relevant=False)
ABILITIES = ratings.rating_spec("Abilities", not_relevant=True)
WORK_ACTIVITIES = ratings.rating_spec("Work Activities", not_relevant=True)
INTERESTS = TableSpec(
    "Interests", {CODE: TEXT, "Element ID": TEXT, "Scale ID": TEXT, "Data Value": NUM}
)
JOB_ZONES = TableSpec("Job Zones", {CODE: TEXT, "Job Zone": INT})
JOB_ZONE_REFERENCE = TableSpec(
    "Job Zone Reference",
    {
        "Job Zone": INT,
        "Name": TEXT,
        "Experience": TEXT,
        "Education": TEXT,
        "Job Training": TEXT,
        "Examples": TEXT,
        "SVP Range": TEXT,
    },
)
EDUCATION = TableSpec(
    "Education, Training, and Experience",
    {
        CODE: TEXT,
        "Element ID": TEXT,
        "Scale ID": TEXT,
        "Category": OPT_INT,
        "Data Value": NUM,
        "N": OPT_INT,
        "Standard Error": OPT_NUM,
        "Lower CI Bound": OPT_NUM,
        "Upper CI Bound": OPT_NUM,
        "Recommend Suppress": OPT_FLAG,
    },
)
EDUCATION_CATEGORIES = TableSpec(
    "Education, Training, and Experience Categories",
    {
        "Element ID": TEXT,
        "Element Name": TEXT,
        "Scale ID": TEXT,
        "Category": INT,
        "Category Description": TEXT,
    },
)
RELATED = TableSpec(
    "Related Occupations",
    {CODE: TEXT, "Related O*NET-SOC Code": TEXT, "Relatedness Tier": TEXT, "Index": INT},
)
TECHNOLOGY = TableSpec(
    "Technology Skills",
    {
        CODE: TEXT,
        "Example": TEXT,
        "Commodity Code": INT,
        "Commodity Title": TEXT,
        "Hot Technology": FLAG,
        "In Demand": FLAG,
    },
)
CONTENT_MODEL = TableSpec(
    "Content Model Reference", {"Element ID": TEXT, "Element Name": TEXT, "Description": TEXT}
)
SCALES = TableSpec(
    "Scales Reference", {"Scale ID": TEXT, "Scale Name": TEXT, "Minimum": INT, "Maximum": INT}
)

#: Every O*NET table the build reads, in the order it reads them.
TABLES = (
    OCCUPATION_DATA,
    CONTENT_MODEL,
    SCALES,
    JOB_ZONE_REFERENCE,
    EDUCATION_CATEGORIES,
    ALTERNATE_TITLES,
    REPORTED_TITLES,
    TASKS,
    SKILLS,
    KNOWLEDGE,
    WORK_STYLES,
    INTERESTS,
    JOB_ZONES,
    EDUCATION,
    RELATED,
    *work_content.TABLES,
    TECHNOLOGY,
)

#: The rating tables and the domain (profile section) each fills.
RATING_TABLES = ((SKILLS, "skills"), (KNOWLEDGE, "knowledge"), (WORK_STYLES, "work_styles"))

#: Rating tables read only when the O*NET folder has them (after `TABLES`, in this
#: order); when one is absent, its domain comes from the supplement (supplement.py).
OPTIONAL_RATING_TABLES = ((ABILITIES, "abilities"), (WORK_ACTIVITIES, "work_activities"))

#: Education scales whose rows are category distributions (see docs/data-format.md:
#: the table's `IM` rows, certification and apprenticeship importance, are not kept).
EDUCATION_SCALES = ("RL", "RW", "PT", "OJ")


class OnetError(ValueError):
    """The O*NET tables are inconsistent in a way that would lose or invent data."""


@dataclass
class OnetTables:
    """The rows of every O*NET table read, plus where each came from."""

    rows: dict[str, list[Row]]
    sources: dict[str, str]
    formats: set[str] = field(default_factory=set)

    def __getitem__(self, spec: TableSpec) -> list[Row]:
        return self.rows[spec.name]

    def __contains__(self, spec: object) -> bool:
        return isinstance(spec, TableSpec) and spec.name in self.rows

    def names(self) -> list[str]:
        """The names of the tables read, in the order they were read."""
        return list(self.rows)

    def add(self, table: Table, spec: TableSpec, log: InputLog) -> None:
        """Keep `table`'s rows under `spec.name` and log its file."""
        self.rows[spec.name] = table.rows
        self.sources[spec.name] = log.record(table.path, len(table.rows))
        self.formats.add(table.path.suffix)


def read_tables(source: Path, log: InputLog) -> OnetTables:
    """Read every table in `TABLES`, and those of `OPTIONAL_RATING_TABLES` the O*NET
    folder has, logging each file."""
    folder = source / ONET_DIR
    tables = OnetTables({}, {})
    for spec in TABLES:
        tables.add(read_table(folder, spec), spec, log)
    for spec, _ in OPTIONAL_RATING_TABLES:
        path = find_optional_table(folder, spec.name)
        if path is not None:
            tables.add(read_table_file(path, spec), spec, log)
    return tables


def rating_tables(tables: OnetTables) -> list[tuple[TableSpec, str]]:
    """(table, domain) of every rating table read: `RATING_TABLES` and the optional ones present."""
    return [
        (spec, domain) for spec, domain in RATING_TABLES + OPTIONAL_RATING_TABLES if spec in tables
    ]


def occupation_codes(tables: OnetTables) -> list[str]:
    """All O*NET-SOC codes of Occupation Data, sorted; duplicates are an error."""
    codes = [row.text(CODE) for row in tables[OCCUPATION_DATA]]
    duplicates = sorted(code for code, n in Counter(codes).items() if n > 1)
    if duplicates:
        raise OnetError(f"Occupation Data lists codes more than once: {duplicates}")
    return sorted(codes)


def element_names(tables: OnetTables) -> dict[str, str]:
    """Content Model element id -> name."""
    return {row.text("Element ID"): row.text("Element Name") for row in tables[CONTENT_MODEL]}


def elements_document(tables: OnetTables) -> Json:
    """elements.json: Content Model, scales, job zones and education categories."""
    elements: dict[str, Json] = {}
    for row in tables[CONTENT_MODEL]:
        element_id = row.text("Element ID")
        if element_id in elements:
            raise OnetError(f"Content Model Reference: duplicate element {element_id}")
        elements[element_id] = {
            "name": row.text("Element Name"),
            "description": row.text("Description"),
            "domain": ratings.domain_of(element_id),
        }
    scales: dict[str, Json] = {
        row.text("Scale ID"): {
            "name": row.text("Scale Name"),
            "minimum": row.integer("Minimum"),
            "maximum": row.integer("Maximum"),
        }
        for row in tables[SCALES]
    }
    job_zones: dict[str, Json] = {
        str(row.integer("Job Zone")): {
            "name": row.text("Name"),
            "experience": row.text("Experience"),
            "education": row.text("Education"),
            "training": row.text("Job Training"),
            "examples": row.text("Examples"),
            "svp_range": row.text("SVP Range"),
        }
        for row in tables[JOB_ZONE_REFERENCE]
    }
    names: dict[str, str] = {}
    categories: dict[str, dict[str, Json]] = {}
    for row in tables[EDUCATION_CATEGORIES]:
        scale, name = row.text("Scale ID"), row.text("Element Name")
        if names.setdefault(scale, name) != name:
            raise OnetError(f"education scale {scale} has two element names")
        categories.setdefault(scale, {})[str(row.integer("Category"))] = row.text(
            "Category Description"
        )
    education: dict[str, Json] = {
        scale: {"name": names[scale], "categories": dict(categories[scale])} for scale in names
    }
    return {
        "elements": columnar(with_ids(elements), record_fields(Element)),
        "scales": scales,
        "job_zones": job_zones,
        "education_categories": education,
    }


def occupation_index(tables: OnetTables) -> list[tuple[str, str]]:
    """(code, title) of every O*NET occupation, sorted by code."""
    return sorted((row.text(CODE), row.text("Title")) for row in tables[OCCUPATION_DATA])


def titles_document(tables: OnetTables) -> Json:
    """titles.json.gz: every alternate, short and reported title, deduplicated and sorted."""
    found: set[tuple[str, str, str]] = set()
    for row in tables[ALTERNATE_TITLES]:
        found.add((row.text(CODE), "alternate", row.text("Alternate Title")))
        short = row.opt_text("Short Title")
        if short is not None:
            found.add((row.text(CODE), "short", short))
    for row in tables[REPORTED_TITLES]:
        found.add((row.text(CODE), "reported", row.text("Reported Job Title")))
    return {"titles": [list(entry) for entry in sorted(found)]}


def task_texts(tables: OnetTables) -> dict[str, dict[int, str]]:
    """Every O*NET code -> its task ids and texts (``{}`` for an occupation without tasks)."""
    found: dict[str, dict[int, str]] = {code: {} for code in occupation_codes(tables)}
    for row in tables[TASKS]:
        found.setdefault(row.text(CODE), {})[row.integer("Task ID")] = row.text("Task")
    return found


def rating_maps(tables: OnetTables, codes: list[str]) -> dict[str, RatingMap]:
    """Every rating table read (Skills, Knowledge, Work Styles, and Abilities / Work
    Activities when present) grouped per occupation, keyed by domain."""
    elements = element_names(tables)
    result: dict[str, RatingMap] = {}
    for spec, domain in rating_tables(tables):
        result[domain] = ratings.collect(
            tables[spec],
            source=tables.sources[spec.name],
            domain=domain,
            elements=elements,
            codes=codes,
            scales=("IM",) if domain == "work_styles" else ("IM", "LV"),
        )
    return result


def _by_code(rows: list[Row], codes: set[str], table: str) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        code = row.text(CODE)
        if code not in codes:
            raise OnetError(f"{table}: {code} is not in Occupation Data")
        grouped.setdefault(code, []).append(row)
    return grouped


def _require_unique(keys: list[object], where: str) -> None:
    """Sorting by these keys must give one order; a repeated key would make it ambiguous."""
    repeated = sorted(str(key) for key, n in Counter(keys).items() if n > 1)
    if repeated:
        raise OnetError(f"{where}: repeated keys {repeated[:10]}")


def _none_last(value: str | None) -> tuple[bool, str]:
    return (value is None, value or "")


def profiles(
    tables: OnetTables,
    rating_sections: Mapping[str, RatingMap],
    work_activities: RatingMap,
) -> dict[str, Json]:
    """One profile document per O*NET code (a member of onet.pack).

    `rating_sections` maps every list-valued ratings domain (skills, knowledge,
    work_styles, abilities) to its ratings; `work_activities` has only the
    occupations that have such ratings, the others get `null`.
    """
    codes = occupation_codes(tables)
    known = set(codes)
    if set(work_activities) - known:
        raise OnetError(
            f"work activities for unknown codes: {sorted(set(work_activities) - known)}"
        )
    groups = {
        spec.name: _by_code(tables[spec], known, spec.name)
        for spec in (
            ALTERNATE_TITLES,
            REPORTED_TITLES,
            TASKS,
            INTERESTS,
            JOB_ZONES,
            EDUCATION,
            RELATED,
            TECHNOLOGY,
        )
    }

    def rows(spec: TableSpec, code: str) -> list[Row]:
        return groups[spec.name].get(code, [])

    for code, job_rows in groups[JOB_ZONES.name].items():
        if len(job_rows) > 1:
            raise OnetError(f"Job Zones: {code} has {len(job_rows)} rows")
    for row in tables[RELATED]:
        if row.text("Related O*NET-SOC Code") not in known:
            raise OnetError(f"Related Occupations: unknown related code in {row.values}")
    for row in tables[EDUCATION]:
        scale, category = row.text("Scale ID"), row.opt_integer("Category")
        if (scale in EDUCATION_SCALES) != (category is not None):
            raise OnetError(f"Education: unexpected scale/category in {row.values}")

    documents: dict[str, Json] = {}
    for row in tables[OCCUPATION_DATA]:
        code = row.text(CODE)
        job_zone_rows = rows(JOB_ZONES, code)
        alternate: list[tuple[str, str | None]] = sorted(
            (
                (r.text("Alternate Title"), r.opt_text("Short Title"))
                for r in rows(ALTERNATE_TITLES, code)
            ),
            key=lambda t: (t[0], _none_last(t[1])),
        )
        reported = sorted(
            (r.text("Reported Job Title"), r.flag("Shown in My Next Move"))
            for r in rows(REPORTED_TITLES, code)
        )
        tasks = sorted(rows(TASKS, code), key=lambda r: r.integer("Task ID"))
        _require_unique([r.integer("Task ID") for r in tasks], f"Task Statements, {code}")
        education = sorted(
            (r for r in rows(EDUCATION, code) if r.text("Scale ID") in EDUCATION_SCALES),
            key=lambda r: (r.text("Scale ID"), r.integer("Category")),
        )
        _require_unique(
            [(r.text("Scale ID"), r.integer("Category")) for r in education],
            f"Education, Training, and Experience, {code}",
        )
        related = sorted(
            (r.integer("Index"), r.text("Related O*NET-SOC Code"), r.text("Relatedness Tier"))
            for r in rows(RELATED, code)
        )
        interests = sorted(
            (r.text("Scale ID"), r.text("Element ID"), r.number("Data Value"))
            for r in rows(INTERESTS, code)
        )
        technology = sorted(
            (
                r.integer("Commodity Code"),
                r.text("Example"),
                r.text("Commodity Title"),
                r.flag("Hot Technology"),
                r.flag("In Demand"),
            )
            for r in rows(TECHNOLOGY, code)
        )
        section_lists: dict[str, Json] = {
            domain: ratings.rating_list(section.get(code, {}))
            for domain, section in rating_sections.items()
        }
        section_lists["work_activities"] = (
            ratings.rating_list(work_activities[code]) if code in work_activities else None
        )
        documents[code] = {
            "code": code,
            "title": row.text("Title"),
            "description": row.text("Description"),
            "job_zone": job_zone_rows[0].integer("Job Zone") if job_zone_rows else None,
            "alternate_titles": [{"title": t, "short_title": s} for t, s in alternate],
            "reported_titles": [{"title": t, "shown_in_my_next_move": s} for t, s in reported],
            "tasks": [
                {
                    "id": r.integer("Task ID"),
                    "text": r.text("Task"),
                    "type": r.opt_text("Task Type"),
                    "incumbents_responding": r.opt_integer("Incumbents Responding"),
                    "date": r.text("Date"),
                    "domain_source": r.text("Domain Source"),
                }
                for r in tasks
            ],
            "education": [
                {
                    "scale": r.text("Scale ID"),
                    "category": r.integer("Category"),
                    "percent": r.number("Data Value"),
                    "n": r.opt_integer("N"),
                    "standard_error": r.opt_number("Standard Error"),
                    "lower_ci": r.opt_number("Lower CI Bound"),
                    "upper_ci": r.opt_number("Upper CI Bound"),
                    "recommend_suppress": r.opt_flag("Recommend Suppress"),
                }
                for r in education
            ],
            "related": [
                {"code": related_code, "tier": tier, "index": index}
                for index, related_code, tier in related
            ],
            "interests": [
                {"element_id": element_id, "scale": scale, "value": value}
                for scale, element_id, value in interests
            ],
            "technology_skills": [
                {
                    "example": example,
                    "commodity_code": commodity,
                    "commodity_title": title,
                    "hot": hot,
                    "in_demand": in_demand,
                }
                for commodity, example, title, hot, in_demand in technology
            ],
            "ratings": section_lists,
        }
    return documents


def expected_counts(tables: OnetTables) -> dict[str, int]:
    """How many entries of each profile list the source rows must produce (for verify)."""
    return {
        "alternate_titles": len(tables[ALTERNATE_TITLES]),
        "reported_titles": len(tables[REPORTED_TITLES]),
        "tasks": len(tables[TASKS]),
        "education": sum(1 for r in tables[EDUCATION] if r.text("Scale ID") in EDUCATION_SCALES),
        "related": len(tables[RELATED]),
        "interests": len(tables[INTERESTS]),
        "technology_skills": len(tables[TECHNOLOGY]),
        "job_zone": len(tables[JOB_ZONES]),
    }


# --------------------------------------------------------------------------
# The stored form of a profile in onet.pack: its ratings as columns

#: The per-row fields of a `MEASURE`, stored as one list each per domain and scale.
MEASURE_COLUMNS = (
    "value",
    "n",
    "standard_error",
    "lower_ci",
    "upper_ci",
    "recommend_suppress",
    "not_relevant",
)
#: The fields one domain's measures of one scale share (one source file, one date).
MEASURE_SHARED = ("source", "date", "domain_source")


def stored_profile(profile: Json) -> Json:
    """The member document of a profile: its rating sections as columns
    (docs/data-format.md), the rest as is. A section's measures of one scale
    share `source`, `date` and `domain_source` (one upstream file each), which
    the columns store once; the build stops if they ever do not."""
    assert isinstance(profile, dict)
    sections = profile["ratings"]
    assert isinstance(sections, dict)
    stored = dict(profile)
    stored["ratings"] = {
        domain: None if rows is None else _rating_columns(domain, rows)
        for domain, rows in sections.items()
    }
    return stored


def _rating_columns(domain: str, rows: Json) -> Json:
    assert isinstance(rows, list)
    entries = [r for r in rows if isinstance(r, dict)]
    assert len(entries) == len(rows)
    table: dict[str, Json] = {"element_ids": [e["element_id"] for e in entries]}
    for scale in ("importance", "level"):
        measures = [e[scale] for e in entries]
        present = [m for m in measures if isinstance(m, dict)]
        if not present:
            table[scale] = None
            continue
        columns: dict[str, Json] = {}
        for name in MEASURE_SHARED:
            found = {m[name] for m in present}
            if len(found) != 1:
                raise ValueError(f"{domain} {scale}: {name} differs between rows: {found}")
            columns[name] = found.pop()
        for name in MEASURE_COLUMNS:
            columns[name] = [m[name] if isinstance(m, dict) else None for m in measures]
        table[scale] = columns
    return table


def profile_of_stored(stored: Json) -> Json:
    """The inverse of :func:`stored_profile` (databuild's own reader, for verification)."""
    assert isinstance(stored, dict)
    sections = stored["ratings"]
    assert isinstance(sections, dict)
    profile = dict(stored)
    profile["ratings"] = {
        domain: None if table is None else _rating_rows(table) for domain, table in sections.items()
    }
    return profile


def _rating_rows(table: Json) -> Json:
    assert isinstance(table, dict)
    ids = table["element_ids"]
    assert isinstance(ids, list)
    scales: dict[str, list[Json]] = {}
    for scale in ("importance", "level"):
        columns = table[scale]
        if columns is None:
            scales[scale] = [None] * len(ids)
            continue
        assert isinstance(columns, dict)
        lists = [columns[name] for name in MEASURE_COLUMNS]
        assert all(isinstance(c, list) and len(c) == len(ids) for c in lists)
        shared = {name: columns[name] for name in MEASURE_SHARED}
        scales[scale] = [
            None if row[0] is None else {**dict(zip(MEASURE_COLUMNS, row, strict=True)), **shared}
            for row in zip(*lists, strict=True)
        ]
    return [
        {"element_id": element_id, "importance": importance, "level": level}
        for element_id, importance, level in zip(
            ids, scales["importance"], scales["level"], strict=True
        )
    ]


#: The preset dictionary's size: zlib's whole window.
DICTIONARY_SIZE = 32768


def profile_dictionary(stored: Iterable[Json], size: int = DICTIONARY_SIZE) -> bytes:
    """onet.pack's preset dictionary, from the member documents: the JSON texts
    (a key and its value, or a list item, as `encode_json` writes them) that the
    most members hold, by bytes they would save, until `size` bytes; a text
    inside one already chosen is left out. The most valuable come last (zlib
    reaches the end of the dictionary from more of a member). Deterministic:
    ties go by the text."""
    counts: Counter[str] = Counter()
    for document in stored:
        counts.update({p for p in _pieces(document) if 8 <= len(p) <= 4096})
    ranked = sorted(((n - 1) * len(p.encode()), p) for p, n in counts.items() if n > 1)
    chosen: list[str] = []
    total = 0
    for _, piece in reversed(ranked):
        length = len(piece.encode())
        if total + length > size or any(piece in c for c in chosen):
            continue
        chosen.append(piece)
        total += length
    return "".join(reversed(chosen)).encode()


def _pieces(value: Json) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield _text(key) + ":" + _text(item)
            yield from _pieces(item)
    elif isinstance(value, list):
        for item in value:
            yield _text(item)
            yield from _pieces(item)


def _text(value: Json) -> str:
    return encode_json(value).decode()
