"""Where each profile rating section comes from.

Skills, Knowledge and Work Styles always come from the official O*NET tables.
Abilities and Work Activities come from the official `Abilities.(xlsx|txt)` /
`Work Activities.(xlsx|txt)` when the O*NET folder has them (read by
`onet.read_tables` exactly like Skills, for every occupation), and otherwise
from the supplement (supplement.py), as for the 29.3 snapshot in
../shared/data; work-activity importance from O*NET 29.1 then fills in the
occupations the supplement has no rows for (activity_importance.py). Each
table is decided on its own, so a download with only one of them takes the
other from the supplement.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from databuild import activity_importance, onet, supplement
from databuild.activity_importance import ActivityImportance
from databuild.ratings import RatingMap
from databuild.sources import InputLog


@dataclass(frozen=True)
class Sections:
    """Every rating section of the profiles, and what the manifest and checks need."""

    lists: dict[str, RatingMap]
    """Sections that are a list for every occupation: skills, knowledge, work_styles, abilities."""
    work_activities: RatingMap
    """Work activities of the occupations that have them; the others get `null`."""
    measures: dict[str, int]
    """Measures each source file contributes to the profiles (manifest input path -> count)."""
    supplemented: dict[str, list[str]]
    """Table name -> codes with complete supplement rows, for each table the supplement
    supplied (Abilities and/or Work Activities); empty when both are official."""
    importance_29_1: ActivityImportance | None = None
    """The O*NET 29.1 work-activity importance used where Work Activities came from the
    supplement (None when the official table was read)."""


def read_sections(source: Path, log: InputLog, tables: onet.OnetTables) -> Sections:
    """Collect the official rating tables read into `tables`, and fill Abilities and
    Work Activities from the supplement where the O*NET folder lacks them."""
    codes = onet.occupation_codes(tables)
    official = onet.rating_maps(tables, codes)
    missing = [domain for _, domain in onet.OPTIONAL_RATING_TABLES if domain not in official]
    extra = supplement.read_supplement(
        source,
        log,
        elements=onet.element_names(tables),
        codes=codes,
        official=official,
        domains=missing,
    )
    found = {**official, **extra.sections}
    work_activities = found.pop("work_activities")
    measures = {
        tables.sources[spec.name]: len(tables[spec]) for spec, _ in onet.rating_tables(tables)
    }
    measures.update(extra.counts)
    importance = None
    if "work_activities" in missing and activity_importance.table_path(source).is_file():
        importance = activity_importance.read_activity_importance(
            source,
            log,
            elements=onet.element_names(tables),
            rated=official["skills"],
            complete=work_activities,
        )
        work_activities = {**importance.section, **work_activities}
        measures[importance.source] = importance.measures
    return Sections(found, work_activities, measures, extra.full_rows, importance)
