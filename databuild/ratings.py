"""Turn O*NET rating rows (Skills, Knowledge, ...) into per-occupation measure lists.

Rating tables all share one layout (one row per occupation, element and
scale), whichever file they come from, so the Excel tables and the
supplement's text files go through the same code and yield the same
`MEASURE` objects (docs/data-format.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from databuild.tables import Kind, Row, TableSpec
from databuild.writer import Json

CODE = "O*NET-SOC Code"

#: Content Model prefixes of each rating domain; an element belongs to a domain
#: when its id is the prefix or starts with the prefix and a dot.
DOMAIN_PREFIXES: tuple[tuple[str, str], ...] = (
    ("1.A", "abilities"),
    ("1.B.1", "interests"),
    ("1.B.3", "interests"),
    ("1.C", "work_styles"),
    ("2.A", "skills"),
    ("2.B", "skills"),
    ("2.C", "knowledge"),
    ("4.A", "work_activities"),
)

#: Which measure each scale fills.
MEASURE_OF_SCALE = {"IM": "importance", "LV": "level"}

#: element id -> {"importance": MEASURE, "level": MEASURE}, per occupation code.
RatingMap = dict[str, dict[str, dict[str, Json]]]


class RatingError(ValueError):
    """A rating row does not fit the model (unknown scale, element, duplicate...)."""


def domain_of(element_id: str) -> str | None:
    """The rating domain of a Content Model element, or None (docs/data-format.md)."""
    for prefix, domain in DOMAIN_PREFIXES:
        if element_id == prefix or element_id.startswith(prefix + "."):
            return domain
    return None


def rating_spec(name: str, *, not_relevant: bool) -> TableSpec:
    """Columns of a rating table; Work Styles has no `Not Relevant` column."""
    columns = {
        CODE: Kind.TEXT,
        "Element ID": Kind.TEXT,
        "Scale ID": Kind.TEXT,
        "Data Value": Kind.FLOAT,
        "N": Kind.OPT_INT,
        "Standard Error": Kind.OPT_FLOAT,
        "Lower CI Bound": Kind.OPT_FLOAT,
        "Upper CI Bound": Kind.OPT_FLOAT,
        "Recommend Suppress": Kind.OPT_FLAG,
        "Date": Kind.TEXT,
        "Domain Source": Kind.TEXT,
    }
    if not_relevant:
        columns["Not Relevant"] = Kind.OPT_FLAG
    return TableSpec(name, columns)


def measure(row: Row, source: str) -> dict[str, Json]:
    """One `MEASURE` object from a full rating row."""
    return {
        "value": row.number("Data Value"),
        "n": row.opt_integer("N"),
        "standard_error": row.opt_number("Standard Error"),
        "lower_ci": row.opt_number("Lower CI Bound"),
        "upper_ci": row.opt_number("Upper CI Bound"),
        "recommend_suppress": row.opt_flag("Recommend Suppress"),
        "not_relevant": row.opt_flag("Not Relevant") if "Not Relevant" in row.values else None,
        "date": row.text("Date"),
        "domain_source": row.text("Domain Source"),
        "source": source,
    }


def value_only_measure(value: float, source: str) -> dict[str, Json]:
    """A `MEASURE` for a source that gives only the value (the wide supplement table)."""
    return {
        "value": value,
        "n": None,
        "standard_error": None,
        "lower_ci": None,
        "upper_ci": None,
        "recommend_suppress": None,
        "not_relevant": None,
        "date": None,
        "domain_source": None,
        "source": source,
    }


def collect(
    rows: Iterable[Row],
    *,
    source: str,
    domain: str,
    elements: Mapping[str, object],
    codes: Iterable[str],
    scales: Iterable[str] = ("IM", "LV"),
) -> RatingMap:
    """Group rating rows by occupation and element; reject anything that would be lost."""
    known_codes = set(codes)
    allowed = set(scales)
    ratings: RatingMap = {}
    for row in rows:
        code, element_id, scale = row.text(CODE), row.text("Element ID"), row.text("Scale ID")
        where = f"{source}: {code} {element_id} {scale}"
        if code not in known_codes:
            raise RatingError(f"{where}: occupation not in Occupation Data")
        if element_id not in elements:
            raise RatingError(f"{where}: element not in the Content Model")
        if domain_of(element_id) != domain:
            raise RatingError(f"{where}: element is not in the {domain} domain")
        if scale not in allowed:
            raise RatingError(f"{where}: unexpected scale (expected {sorted(allowed)})")
        slot = ratings.setdefault(code, {}).setdefault(element_id, {})
        name = MEASURE_OF_SCALE[scale]
        if name in slot:
            raise RatingError(f"{where}: duplicate row")
        slot[name] = measure(row, source)
    return ratings


def rating_list(by_element: Mapping[str, Mapping[str, Json]]) -> list[Json]:
    """The output list for one occupation, sorted by element id, with absent measures null."""
    return [
        {
            "element_id": element_id,
            "importance": by_element[element_id].get("importance"),
            "level": by_element[element_id].get("level"),
        }
        for element_id in sorted(by_element)
    ]
