"""Assembling a :class:`Profile` from one occupation's packaged O*NET record.

The record holds ids and codes; this attaches Content Model elements,
category labels, job-zone text and related titles, and turns a missing
rating domain into an explicit :class:`RatingSection` with a note.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .._matching.arguments import check_choice, check_n
from .._store.schema import (
    EducationRecord,
    ElementsFile,
    OnetShard,
    RatingTable,
)
from ..errors import DataIntegrityError
from ..models import (
    RATING_DOMAINS,
    DetailedWorkActivity,
    EducationShare,
    Element,
    EmergingTask,
    Estimate,
    Interest,
    JobZone,
    Occupation,
    Profile,
    Rating,
    RatingDomain,
    RatingSection,
    RelatedOccupation,
    Task,
    Tool,
    WageOccupation,
    WorkValue,
    WorkValues,
)

if TYPE_CHECKING:
    from .._store.onet_schema import SharedTitles

#: The manifest path of the O*NET 29.1 work-activity importance table.
ACTIVITIES_29_1 = "onet-29.1-work-activities-importance/onet_gwa_importance_matrix.csv"
NO_ACTIVITY_IMPORTANCE = (
    "O*NET rates no work-activity importance for this occupation in the bundled data "
    "(O*NET 29.3, and O*NET 29.1 for an occupation that is alone in its SOC code)."
)
#: The work values rated on extent, and the elements of the high-point codes, in order.
WORK_VALUE_HIGH_POINTS = ("1.B.2.g", "1.B.2.h", "1.B.2.i")
HIGH_POINT_NAMES = ("first", "second", "third")


def build_profile(
    occ: Occupation,
    shard: OnetShard,
    *,
    ref: ElementsFile,
    shared: SharedTitles,
    element: Callable[[str], Element],
    title_of: Callable[[str], str],
    wage_occ: WageOccupation | None,
    national: Estimate | None,
) -> Profile:
    job_zone = None
    if shard.job_zone is not None:
        z = ref.job_zones[str(shard.job_zone)]
        job_zone = JobZone(
            shard.job_zone, z.name, z.experience, z.education, z.training, z.examples, z.svp_range
        )
    education = education_shares(ref, shard.education)
    ratings = shard.ratings
    return Profile(
        occupation=occ,
        description=shard.description,
        job_zone=job_zone,
        alternate_titles=shard.alternate_titles,
        reported_titles=shard.reported_titles,
        tasks=shard.tasks,
        education=education,
        related=tuple(
            RelatedOccupation(r.code, title_of(r.code), r.tier, r.index) for r in shard.related
        ),
        interests=tuple(Interest(element(i.element_id), i.scale, i.value) for i in shard.interests),
        technology_skills=shard.technology_skills,
        skills=section("skills", ratings.skills, element),
        knowledge=section("knowledge", ratings.knowledge, element),
        abilities=section("abilities", ratings.abilities, element),
        work_activities=section("work_activities", ratings.work_activities, element),
        work_styles=section("work_styles", ratings.work_styles, element),
        wage_occupation=wage_occ,
        detailed_work_activities=tuple(
            _detailed_work_activity(d.id, d.tasks, shared, element)
            for d in shard.detailed_work_activities
        ),
        tools=tuple(
            Tool(t.example, t.commodity_code, shared.commodities[str(t.commodity_code)])
            for t in shard.tools
        ),
        work_values=_work_values(shard, element),
        emerging_tasks=_emerging_tasks(shard),
        national=national,
    )


def education_shares(
    ref: ElementsFile, records: tuple[EducationRecord, ...]
) -> tuple[EducationShare, ...]:
    """An occupation's education, training and experience shares, with category labels."""
    return tuple(
        EducationShare(
            scale=e.scale,
            category=e.category,
            label=_category_label(ref, e.scale, e.category),
            percent=e.percent,
            n=e.n,
            standard_error=e.standard_error,
            lower_ci=e.lower_ci,
            upper_ci=e.upper_ci,
            recommend_suppress=e.recommend_suppress,
        )
        for e in records
    )


def _detailed_work_activity(
    dwa_id: str,
    tasks: tuple[int, ...],
    shared: SharedTitles,
    element: Callable[[str], Element],
) -> DetailedWorkActivity:
    try:
        dwa = shared.dwas[dwa_id]
        iwa = shared.iwas[dwa.iwa]
    except KeyError:
        raise DataIntegrityError(f"no detailed work activity {dwa_id} in the reference") from None
    return DetailedWorkActivity(
        dwa_id, dwa.title, dwa.iwa, iwa.title, element(iwa.element_id), tasks
    )


def _work_values(shard: OnetShard, element: Callable[[str], Element]) -> WorkValues:
    """The six extents in Content Model order, and the high points their codes name."""
    values = tuple(
        WorkValue(element(v.element_id), v.value, v.date, v.domain_source)
        for v in shard.work_values
        if v.scale == "EX"
    )
    if not values:
        return WorkValues((), (), "O*NET 29.3 has no work values for this occupation.")
    codes = {v.element_id: v.value for v in shard.work_values if v.scale == "VH"}
    high_points: list[WorkValue] = []
    missing: list[str] = []
    for which, element_id in zip(HIGH_POINT_NAMES, WORK_VALUE_HIGH_POINTS, strict=True):
        code = codes.get(element_id)
        if code is None or code == 0:
            missing.append(which)
        elif code.is_integer() and 1 <= code <= len(values):
            high_points.append(values[int(code) - 1])
        else:
            raise DataIntegrityError(f"{code!r} is not a work-value high-point code (0-6)")
    note = None
    if missing:
        note = f"O*NET names no {' or '.join(missing)} work-value high point for this occupation."
    return WorkValues(values, tuple(high_points), note)


def _emerging_tasks(shard: OnetShard) -> tuple[EmergingTask, ...]:
    tasks: dict[int, Task] = {t.id: t for t in shard.tasks}
    found = []
    for e in shard.emerging_tasks:
        original = None
        if e.original_task_id is not None:
            original = tasks.get(e.original_task_id)
            if original is None:
                raise DataIntegrityError(f"emerging task revises unknown task {e.original_task_id}")
        found.append(EmergingTask(e.text, e.category, original, e.date, e.domain_source))
    return tuple(found)


def section(
    domain: str, table: RatingTable | None, element: Callable[[str], Element]
) -> RatingSection:
    """One domain's ratings as packaged (by element id), with a note on what is missing."""
    label = domain.replace("_", " ")
    if table is None or not table.element_ids:  # None: absent for it; []: nothing rated
        missing = f"No {label} ratings for this occupation in the bundled O*NET 29.3 data."
        if domain == "work_activities":
            missing = NO_ACTIVITY_IMPORTANCE
        return RatingSection(domain, available=False, ratings=(), note=missing)
    ratings = tuple(
        [
            Rating(element(element_id), importance, level)
            for element_id, importance, level in table.rows()
        ]
    )
    note = None
    if domain == "work_styles":
        note = "Work styles are rated on importance only: O*NET has no level scale for them."
    elif all(
        r.level is None and r.importance and r.importance.source == ACTIVITIES_29_1 for r in ratings
    ):
        note = (
            "Importance from O*NET 29.1 (Work Activities, via the table "
            "onet_gwa_importance_matrix.csv): no level rating in this data set."
        )
    elif ratings and all(r.level is None for r in ratings):
        note = (
            f"Importance only: O*NET 29.3 as bundled has no level ratings of {label} "
            "for this occupation."
        )
    return RatingSection(domain, available=True, ratings=ratings, note=note)


def check_domain(domain: object) -> RatingDomain:
    """``domain`` if it is a rating domain, else a typed error with a suggestion."""
    return check_choice(domain, RATING_DOMAINS, "rating domain")


def by_importance(profile: Profile, domain: RatingDomain, n: int | None) -> RatingSection:
    """One rating section sorted by importance, then level (both descending), then name."""
    if n is not None:
        check_n(n)
    section: RatingSection = getattr(profile, check_domain(domain))
    return section._by_importance(n)


def _category_label(ref: ElementsFile, scale: str, category: int) -> str:
    try:
        return ref.education_categories[scale].categories[str(category)]
    except KeyError:
        raise DataIntegrityError(f"no label for education category {scale}/{category}") from None
