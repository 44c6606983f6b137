"""Assembling a :class:`Profile` from one occupation's packaged O*NET record.

The record holds ids and codes; this attaches Content Model elements,
category labels, job-zone text and related titles, and turns a missing
rating domain into an explicit :class:`RatingSection` with a note.
"""

from __future__ import annotations

from collections.abc import Callable

from .._matching.arguments import check_choice, check_n
from .._store.schema import EducationRecord, ElementsFile, OnetShard, RatingRecord
from ..errors import DataIntegrityError
from ..models import (
    RATING_DOMAINS,
    EducationShare,
    Element,
    Interest,
    JobZone,
    Occupation,
    Profile,
    Rating,
    RatingDomain,
    RatingSection,
    RelatedOccupation,
    WageOccupation,
)


def build_profile(
    occ: Occupation,
    shard: OnetShard,
    *,
    ref: ElementsFile,
    element: Callable[[str], Element],
    title_of: Callable[[str], str],
    wage_occ: WageOccupation | None,
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


def section(
    domain: str, records: tuple[RatingRecord, ...] | None, element: Callable[[str], Element]
) -> RatingSection:
    """One domain's ratings as packaged (by element id), with a note on what is missing."""
    label = domain.replace("_", " ")
    if not records:  # None: the domain is absent for it; (): O*NET rated nothing in it
        return RatingSection(
            domain,
            available=False,
            ratings=(),
            note=f"No {label} ratings for this occupation in the bundled O*NET 29.3 data.",
        )
    ratings = tuple(Rating(element(r.element_id), r.importance, r.level) for r in records)
    note = None
    if domain == "work_styles":
        note = "Work styles are rated on importance only: O*NET has no level scale for them."
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
