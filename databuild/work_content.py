"""What a job involves beyond its ratings: detailed work activities, tools, work values
and emerging tasks, from the O*NET 29.3 tables.

Per occupation only ids and values go into its profile (its member of ``onet.pack``);
the titles every occupation shares -- detailed and intermediate work activities
(DWA, IWA) and the UNSPSC commodities of tools -- go once into
``onet_reference.json.gz``. A DWA's id starts with its IWA's, and an IWA's with
its generalized work activity's (the Content Model element ``4.A.x.x.x``), so
each DWA rolls up to one of the 41 generalized work activities; the build checks
that, and that every link points at a task or DWA that exists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from databuild.ratings import CODE, domain_of
from databuild.tables import Kind, Row, TableSpec
from databuild.writer import Json, columnar, record_fields, with_ids
from occprofile._store.onet_schema import DwaReference, IwaReference

if TYPE_CHECKING:
    from databuild.onet import OnetTables

TEXT, OPT_TEXT, INT, OPT_INT, NUM = Kind.TEXT, Kind.OPT_TEXT, Kind.INT, Kind.OPT_INT, Kind.FLOAT

TASKS_TO_DWAS = TableSpec(
    "Tasks to DWAs", {CODE: TEXT, "Task ID": INT, "Task": TEXT, "DWA ID": TEXT, "DWA Title": TEXT}
)
DWA_REFERENCE = TableSpec(
    "DWA Reference",
    {"Element ID": TEXT, "IWA ID": TEXT, "IWA Title": TEXT, "DWA ID": TEXT, "DWA Title": TEXT},
)
IWA_REFERENCE = TableSpec(
    "IWA Reference",
    {"Element ID": TEXT, "Element Name": TEXT, "IWA ID": TEXT, "IWA Title": TEXT},
)
TOOLS = TableSpec(
    "Tools Used", {CODE: TEXT, "Example": TEXT, "Commodity Code": INT, "Commodity Title": TEXT}
)
WORK_VALUES = TableSpec(
    "Work Values",
    {
        CODE: TEXT,
        "Element ID": TEXT,
        "Scale ID": TEXT,
        "Data Value": NUM,
        "Date": TEXT,
        "Domain Source": TEXT,
    },
)
EMERGING_TASKS = TableSpec(
    "Emerging Tasks",
    {
        CODE: TEXT,
        "Task": TEXT,
        "Category": TEXT,
        "Original Task ID": OPT_INT,
        "Original Task": OPT_TEXT,
        "Date": TEXT,
        "Domain Source": TEXT,
    },
)

#: The tables this module reads, in the order onet.read_tables reads them.
TABLES = (IWA_REFERENCE, DWA_REFERENCE, TASKS_TO_DWAS, TOOLS, WORK_VALUES, EMERGING_TASKS)

#: Work Values scales: EX extent (1-7) of the six values, VH the high-point codes.
WORK_VALUE_SCALES = {"EX": (1.0, 7.0), "VH": (0.0, 6.0)}
EMERGING_CATEGORIES = ("New", "Revision")
#: The Content Model parent of the work values.
WORK_VALUES_ELEMENT = "1.B.2"


class WorkContentError(ValueError):
    """A DWA, tool, work value or emerging task row does not fit the other tables."""


def _fail(problems: Sequence[str], what: str) -> None:
    if problems:
        shown = "; ".join(problems[:20])
        raise WorkContentError(f"{what}: {len(problems)} problems: {shown}")


def reference_document(tables: OnetTables, elements: Mapping[str, str]) -> Json:
    """onet_reference.json.gz: DWA and IWA titles, and the commodity titles of tools.

    `elements` maps Content Model ids to names; each IWA's generalized work
    activity must be a work-activities element of that name.
    """
    problems: list[str] = []
    iwas: dict[str, Json] = {}
    for row in tables[IWA_REFERENCE]:
        iwa, element = row.text("IWA ID"), row.text("Element ID")
        if domain_of(element) != "work_activities" or elements.get(element) != row.text(
            "Element Name"
        ):
            problems.append(
                f"IWA {iwa}: {element} {row.text('Element Name')!r} is no work activity"
            )
        if not iwa.startswith(element + ".") or iwa in iwas:
            problems.append(f"IWA {iwa}: repeated, or not under {element}")
        iwas[iwa] = {"title": row.text("IWA Title"), "element_id": element}
    dwas: dict[str, Json] = {}
    for row in tables[DWA_REFERENCE]:
        dwa, iwa = row.text("DWA ID"), row.text("IWA ID")
        listed = iwas.get(iwa)
        if not isinstance(listed, dict) or listed["title"] != row.text("IWA Title"):
            problems.append(f"DWA {dwa}: IWA {iwa} is not in IWA Reference with that title")
        elif listed["element_id"] != row.text("Element ID"):
            problems.append(f"DWA {dwa}: IWA {iwa} is under another element")
        if not dwa.startswith(iwa + ".") or dwa in dwas:
            problems.append(f"DWA {dwa}: repeated, or not under {iwa}")
        dwas[dwa] = {"title": row.text("DWA Title"), "iwa": iwa}
    commodities: dict[str, Json] = {}
    for row in tables[TOOLS]:
        code, title = str(row.integer("Commodity Code")), row.text("Commodity Title")
        if commodities.setdefault(code, title) != title:
            problems.append(f"Tools Used: commodity {code} has two titles")
    _fail(problems, "DWA, IWA and tool references")
    return {
        "dwas": columnar(with_ids(dwas), record_fields(DwaReference)),
        "iwas": columnar(with_ids(iwas), record_fields(IwaReference)),
        "commodities": {k: commodities[k] for k in sorted(commodities, key=int)},
    }


def _group(
    rows: list[Row], codes: set[str], table: str, problems: list[str]
) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        code = row.text(CODE)
        if code not in codes:
            problems.append(f"{table}: {code} is not in Occupation Data")
        grouped.setdefault(code, []).append(row)
    return grouped


def occupation_sections(
    tables: OnetTables, tasks: Mapping[str, Mapping[int, str]]
) -> dict[str, dict[str, Json]]:
    """Per O*NET code: its ``detailed_work_activities``, ``tools``, ``work_values`` and
    ``emerging_tasks`` profile entries (every code gets all four, ``[]`` when it has none).

    `tasks` maps every O*NET code to its task ids and texts (Task Statements).
    """
    dwa_titles = {row.text("DWA ID"): row.text("DWA Title") for row in tables[DWA_REFERENCE]}
    problems: list[str] = []
    codes = set(tasks)
    links = _group(tables[TASKS_TO_DWAS], codes, "Tasks to DWAs", problems)
    tools = _group(tables[TOOLS], codes, "Tools Used", problems)
    values = _group(tables[WORK_VALUES], codes, "Work Values", problems)
    emerging = _group(tables[EMERGING_TASKS], codes, "Emerging Tasks", problems)
    out: dict[str, dict[str, Json]] = {}
    for code in sorted(codes):
        own = tasks[code]
        by_dwa: dict[str, list[int]] = {}
        for row in links.get(code, []):
            task, dwa = row.integer("Task ID"), row.text("DWA ID")
            if own.get(task) != row.text("Task"):
                problems.append(f"Tasks to DWAs: {code} task {task} is not that Task Statement")
            if dwa_titles.get(dwa) != row.text("DWA Title"):
                problems.append(f"Tasks to DWAs: {dwa} is not in DWA Reference with that title")
            if task in by_dwa.setdefault(dwa, []):
                problems.append(f"Tasks to DWAs: {code} links task {task} to {dwa} twice")
            by_dwa[dwa].append(task)
        tool_keys = sorted(
            (r.integer("Commodity Code"), r.text("Example")) for r in tools.get(code, [])
        )
        if len(set(tool_keys)) != len(tool_keys):
            problems.append(f"Tools Used: {code} lists a tool twice")
        work_values = sorted(values.get(code, []), key=lambda r: r.text("Element ID"))
        problems += _work_value_problems(code, work_values)
        new_tasks = sorted(
            emerging.get(code, []), key=lambda r: (r.text("Category"), r.text("Task"))
        )
        for row in new_tasks:
            original = row.opt_integer("Original Task ID")
            if row.text("Category") not in EMERGING_CATEGORIES:
                problems.append(f"Emerging Tasks: {code} category {row.text('Category')!r}")
            if (original is None) != (row.text("Category") == "New") or (
                original is not None and own.get(original) != row.opt_text("Original Task")
            ):
                problems.append(f"Emerging Tasks: {code} {row.text('Task')!r} original task")
        out[code] = {
            "detailed_work_activities": [
                {"id": dwa, "tasks": list[Json](sorted(by_dwa[dwa]))} for dwa in sorted(by_dwa)
            ],
            "tools": [{"example": e, "commodity_code": c} for c, e in tool_keys],
            "work_values": [
                {
                    "element_id": r.text("Element ID"),
                    "scale": r.text("Scale ID"),
                    "value": r.number("Data Value"),
                    "date": r.text("Date"),
                    "domain_source": r.text("Domain Source"),
                }
                for r in work_values
            ],
            "emerging_tasks": [
                {
                    "text": r.text("Task"),
                    "category": r.text("Category"),
                    "original_task_id": r.opt_integer("Original Task ID"),
                    "date": r.text("Date"),
                    "domain_source": r.text("Domain Source"),
                }
                for r in new_tasks
            ],
        }
    _fail(problems, "Tasks to DWAs, Tools Used, Work Values, Emerging Tasks")
    return out


def _work_value_problems(code: str, rows: list[Row]) -> list[str]:
    """An occupation's Work Values rows: each element once, on its scale and in range."""
    problems: list[str] = []
    seen: set[str] = set()
    for row in rows:
        element, scale, value = (
            row.text("Element ID"),
            row.text("Scale ID"),
            row.number("Data Value"),
        )
        low, high = WORK_VALUE_SCALES.get(scale, (1.0, 0.0))
        if not element.startswith(WORK_VALUES_ELEMENT + ".") or element in seen:
            problems.append(f"Work Values: {code} {element} repeated or not a work value")
        if not low <= value <= high or (scale == "VH" and not value.is_integer()):
            problems.append(f"Work Values: {code} {element} {scale} value {value}")
        seen.add(element)
    return problems


def expected_counts(tables: OnetTables) -> dict[str, int]:
    """Entries the source rows must give: task links of DWAs, tools, work values, emerging tasks."""
    return {
        "detailed_work_activity_tasks": len(tables[TASKS_TO_DWAS]),
        "tools": len(tables[TOOLS]),
        "work_values": len(tables[WORK_VALUES]),
        "emerging_tasks": len(tables[EMERGING_TASKS]),
    }


def occupation_counts(sections: Mapping[str, Mapping[str, Json]]) -> dict[str, int]:
    """How many occupations have detailed work activities, tools, work values, emerging tasks
    (the manifest's counts)."""
    return {
        f"{key}_occupations": sum(1 for entries in sections.values() if entries[key])
        for key in ("detailed_work_activities", "tools", "work_values", "emerging_tasks")
    }
