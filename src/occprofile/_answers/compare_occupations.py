"""Two occupations side by side: pay, outlook, preparation, the rating gap, technology."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._matching.areas import NATIONAL_CODE
from ..models import Figure, RatingDomain, Status
from .comparisons import compare_figures
from .education import education
from .figures import DATATYPE_FIELDS
from .outlook import outlook

if TYPE_CHECKING:
    from ..career import GapRow, OccupationComparison
    from ..models import Area, Estimate, Occupation, Profile, RatingSection
    from .sources import Sources

#: The rating domains whose gap is computed (work styles have no level and are
#: what a person is like rather than what a job needs).
GAP_DOMAINS: tuple[RatingDomain, ...] = ("skills", "knowledge", "abilities", "work_activities")

#: Why tasks are not compared.
TASKS_NOTE = (
    "Tasks are not compared: O*NET writes its task statements for one occupation each "
    "(the detailed work activities that link tasks across occupations are not packaged)."
)


def national_area(src: Sources) -> Area:
    return src.areas().by_code[NATIONAL_CODE]


def compare_occupations(
    src: Sources, a: Occupation, b: Occupation, area: Area
) -> OccupationComparison:
    """``a`` and ``b`` side by side in ``area``; the gap is where ``b`` needs more."""

    def compute() -> OccupationComparison:
        from ..career import OccupationComparison, RatingGap

        notes: list[str] = []
        est_a, est_b = (_estimate(src, occ, area, notes) for occ in (a, b))
        if a.wage_code is not None and a.wage_code == b.wage_code:
            notes.append(
                f"Both are paid from OEWS code {a.wage_code}: their OEWS figures are the same."
            )
        absent = Figure(Status.NO_ESTIMATE, None, None, None)
        wages = tuple(
            compare_figures(
                name,
                getattr(est_a, name) if est_a else absent,
                getattr(est_b, name) if est_b else absent,
            )
            for name in DATATYPE_FIELDS.values()
        )
        profile_a, profile_b = src.profile(a), src.profile(b)
        gap, domains = rating_gap(profile_a, profile_b, notes)
        names_a = _technology(profile_a)
        names_b = _technology(profile_b)
        shared = sorted(names_a.keys() & names_b.keys())
        notes.append(TASKS_NOTE)
        return OccupationComparison(
            a,
            b,
            area,
            est_a,
            est_b,
            wages,
            outlook(src, a),
            outlook(src, b),
            education(src, a),
            education(src, b),
            RatingGap(gap),
            domains,
            tuple(names_b[k] if k in names_b else names_a[k] for k in shared),
            tuple(names_a[k] for k in sorted(names_a.keys() - names_b.keys())),
            tuple(names_b[k] for k in sorted(names_b.keys() - names_a.keys())),
            tuple(notes),
        )

    return src.store.memo(("compare_occupations", a.code, b.code, area.code), compute)


def _estimate(src: Sources, occ: Occupation, area: Area, notes: list[str]) -> Estimate | None:
    wage = src.occupations().oews.get(occ.wage_code) if occ.wage_code else None
    estimate = src.estimate(wage, area.code) if wage is not None else None
    if estimate is None:
        notes.append(f"OEWS May 2025 publishes no estimate for {occ} in {area.name}.")
    return estimate


def _technology(profile: Profile) -> dict[str, str]:
    """Technology example names keyed case-insensitively."""
    return {t.example.casefold(): t.example for t in profile.technology_skills}


def rating_gap(
    a: Profile, b: Profile, notes: list[str]
) -> tuple[list[GapRow], tuple[RatingDomain, ...]]:
    """The elements of :data:`GAP_DOMAINS` whose importance or level is higher for
    ``b`` than for ``a``, domain by domain: largest importance difference first,
    then largest level difference, then name; and the domains compared.
    Differences are rounded to the two decimals O*NET publishes; a domain
    either lacks is a line in ``notes``."""
    rows: list[GapRow] = []
    compared: list[RatingDomain] = []
    for domain in GAP_DOMAINS:
        sections: tuple[RatingSection, RatingSection] = (getattr(a, domain), getattr(b, domain))
        missing = [
            str(p.occupation) for p, s in zip((a, b), sections, strict=True) if not s.available
        ]
        if missing:
            label = domain.replace("_", " ").capitalize()
            notes.append(
                f"{label}: not compared; the bundled O*NET data has no {domain.replace('_', ' ')} "
                f"ratings for {' or '.join(missing)}."
            )
            continue
        compared.append(domain)
        rows.extend(_domain_gap(domain, *sections))
    return rows, tuple(compared)


def _domain_gap(domain: str, a: RatingSection, b: RatingSection) -> list[GapRow]:
    from ..career import GapRow

    rated_a = {r.element.id: r for r in a if r.importance is not None}
    found = []
    for rb in b:
        ra = rated_a.get(rb.element.id)
        if ra is None or ra.importance is None or rb.importance is None:
            continue
        importance = round(rb.importance.value - ra.importance.value, 2)
        level_a = ra.level.value if ra.level is not None else None
        level_b = rb.level.value if rb.level is not None else None
        level = round(level_b - level_a, 2) if level_a is not None and level_b is not None else None
        if importance > 0 or (level is not None and level > 0):
            found.append(
                GapRow(
                    domain,
                    rb.element,
                    ra.importance.value,
                    rb.importance.value,
                    importance,
                    level_a,
                    level_b,
                    level,
                )
            )
    found.sort(
        key=lambda r: (
            -r.importance_difference,
            r.level_difference is None,
            -(r.level_difference or 0.0),
            r.element.name,
        )
    )
    return found
