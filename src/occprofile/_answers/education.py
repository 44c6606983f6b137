"""What it takes to get in: job zone, O*NET education and training, BLS entry
requirements, and the curated certifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .other_releases import entry_requirements, projection_2024_source

if TYPE_CHECKING:
    from ..career import Certifications, Distribution, Education
    from ..models import Occupation
    from .sources import Sources

#: O*NET's education, training and experience scales, as Education fields.
EDUCATION_SCALES = {
    "RL": "required_education",
    "RW": "related_experience",
    "PT": "on_site_training",
    "OJ": "on_the_job_training",
}


def education(src: Sources, occ: Occupation) -> Education:
    """Job zone, O*NET education/experience/training distributions, and BLS
    typical entry requirements (2024-34 projections) for one occupation."""
    from ..career import Distribution, Education

    profile = src.profile(occ)
    scales = src.reference().education_categories
    found: dict[str, Distribution | None] = dict.fromkeys(EDUCATION_SCALES.values())
    for scale, field in EDUCATION_SCALES.items():
        shares = tuple(s for s in profile.education if s.scale == scale)
        if shares:
            found[field] = Distribution(scale, scales[scale].name, shares)
    missing = [
        scales[scale].name.lower()
        for scale, field in EDUCATION_SCALES.items()
        if found[field] is None
    ]
    notes = []
    if missing:
        listed = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
        notes.append(f"O*NET publishes no {listed} data for this occupation.")
    source = projection_2024_source(src, occ)
    entry = None
    if source is None:
        notes.append(no_projection_note(occ))
    else:
        entry = entry_requirements(src.projections_2024()[source.code], "2024-34")
        if source.note:
            notes.append(f"Entry requirements: {source.note}")
    return Education(
        occ,
        profile.job_zone,
        found["required_education"],
        found["related_experience"],
        found["on_site_training"],
        found["on_the_job_training"],
        entry,
        source,
        tuple(notes),
    )


def no_projection_note(occ: Occupation, release: str = "2024-34") -> str:
    """Why an occupation has no projection row in the ``release`` projections."""
    containing = "a broad or combined code" if release == "2020-30" else "a broader code"
    return (
        f"The BLS {release} projections have no row for {occ.soc_code} "
        f"or for {containing} containing it."
    )


def certifications(src: Sources, occ: Occupation) -> Certifications:
    """Curated certifications for an occupation (empty when none are curated)."""
    wanted = {occ.code, occ.soc_code}
    from ..career import Certifications

    return Certifications(c for c in src.certifications() if wanted & set(c.occupations))
