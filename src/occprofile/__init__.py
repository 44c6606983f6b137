"""occprofile: U.S. occupation profiles, offline.

O*NET 29.3 (what a job involves, skills, knowledge, abilities, work
activities and styles with importance and level) and BLS OEWS May 2025
(employment and wages in the nation, every state and every metro and
nonmetro area), packaged with the library as typed, immutable records.

>>> import occprofile as op
>>> op.profile("43-6013").title
'Medical Secretaries and Administrative Assistants'

The module-level functions query the bundled data through one shared
:class:`Dataset`; create your own ``Dataset`` to pass one explicitly.
Importing reads no data: everything loads on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import errors
from .errors import (
    AmbiguousAreaError,
    AmbiguousOccupationError,
    ArgumentTypeError,
    DataIntegrityError,
    InvalidArgumentError,
    NoProfileError,
    NoRatingsError,
    NoWageDataError,
    OccprofileError,
    UnknownAreaError,
    UnknownOccupationError,
)

if TYPE_CHECKING:
    from . import career, models
    from ._queries import RANK_BY, Dataset
    from .career import (
        Certification,
        CodeMatch,
        Education,
        NationalChange,
        Outlook,
        Projection,
        RatingMatch,
        Report,
        SimilarOccupation,
        StateView,
    )
    from .models import (
        Area,
        AreaKind,
        Comparison,
        Estimate,
        Figure,
        Occupation,
        Profile,
        RankedEstimate,
        Rating,
        RatingSection,
        Release,
        SearchHit,
        Status,
        WageOccupation,
    )

# Served on first access (PEP 562): importing occprofile stays cheap -- the
# attrs classes and the query code load when first used, not at import.
_LAZY = {
    "models": ("occprofile.models", None),
    "Dataset": ("occprofile._queries", "Dataset"),
    "RANK_BY": ("occprofile._queries", "RANK_BY"),
    "career": ("occprofile.career", None),
    **{
        name: ("occprofile.career", name)
        for name in (
            "Certification",
            "CodeMatch",
            "Education",
            "NationalChange",
            "Outlook",
            "Projection",
            "RatingMatch",
            "Report",
            "SimilarOccupation",
            "StateView",
        )
    },
    **{
        name: ("occprofile.models", name)
        for name in (
            "Area",
            "AreaKind",
            "Comparison",
            "Estimate",
            "Figure",
            "Occupation",
            "Profile",
            "RankedEstimate",
            "Rating",
            "RatingSection",
            "Release",
            "SearchHit",
            "Status",
            "WageOccupation",
        )
    },
}

__all__ = [
    "RANK_BY",
    "AmbiguousAreaError",
    "AmbiguousOccupationError",
    "Area",
    "AreaKind",
    "ArgumentTypeError",
    "Certification",
    "CodeMatch",
    "Comparison",
    "DataIntegrityError",
    "Dataset",
    "Education",
    "Estimate",
    "Figure",
    "InvalidArgumentError",
    "NationalChange",
    "NoProfileError",
    "NoRatingsError",
    "NoWageDataError",
    "OccprofileError",
    "Occupation",
    "Outlook",
    "Profile",
    "Projection",
    "RankedEstimate",
    "Rating",
    "RatingMatch",
    "RatingSection",
    "Release",
    "Report",
    "SearchHit",
    "SimilarOccupation",
    "StateView",
    "Status",
    "UnknownAreaError",
    "UnknownOccupationError",
    "WageOccupation",
    "abilities_by_importance",
    "all_certifications",
    "area",
    "areas",
    "career",
    "certifications",
    "citation",
    "clear_cache",
    "compare_metros",
    "default_dataset",
    "education",
    "errors",
    "estimate",
    "estimates",
    "knowledge_by_importance",
    "metros",
    "models",
    "national",
    "national_change",
    "occupation",
    "occupations",
    "outlook",
    "profile",
    "releases",
    "report",
    "search",
    "similar_by_ratings",
    "similar_occupations",
    "skills_by_importance",
    "state",
    "state_view",
    "top_metros",
    "top_states",
    "wage_occupation",
    "wage_occupations",
    "work_activities_by_importance",
    "work_styles_by_importance",
]

_default: Dataset | None = None
_default_lock = threading.Lock()


def default_dataset() -> Dataset:
    """The shared :class:`Dataset` over the bundled data (created on first use)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                from ._queries import Dataset

                _default = Dataset()
    return _default


def clear_cache() -> None:
    """Drop everything the shared dataset has loaded (mainly for tests)."""
    default_dataset().clear_cache()


def __getattr__(name: str) -> Any:
    # Served lazily so that import stays cheap and reads nothing.
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        module = importlib.import_module(module_name)
        value = module if attr is None else getattr(module, attr)
        globals()[name] = value
        return value
    if name == "ONET_VERSION":
        return default_dataset().release("onet").version
    if name == "OEWS_PERIOD":
        return default_dataset().release("oews").period
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__", "ONET_VERSION", "OEWS_PERIOD"})


# Module-level API: the same operations as Dataset's methods, on the bundled data.


def profile(occupation: str) -> Profile:
    """The full profile of an occupation (code, title, alternate title or text)."""
    return default_dataset().profile(occupation)


def occupation(query: str) -> Occupation:
    """Resolve a code, title, alternate title or free text to an O*NET occupation."""
    return default_dataset().occupation(query)


def wage_occupation(query: str) -> WageOccupation:
    """Resolve a query to the OEWS occupation whose estimates answer it."""
    return default_dataset().wage_occupation(query)


def occupations(group: str | None = None) -> tuple[Occupation, ...]:
    """All 1,016 O*NET-SOC occupations, or those in one SOC group, by code."""
    return default_dataset().occupations(group)


def wage_occupations(level: str | None = None) -> tuple[WageOccupation, ...]:
    """All OEWS occupations, optionally of one level."""
    return default_dataset().wage_occupations(level)


def search(text: str, n: int = 10) -> tuple[SearchHit, ...]:
    """Ranked, typo-tolerant search over titles and alternate titles."""
    return default_dataset().search(text, n)


def area(query: str) -> Area:
    """Resolve an area code or name."""
    return default_dataset().area(query)


def state(query: str) -> Area:
    """Resolve a state name, postal abbreviation or FIPS code."""
    return default_dataset().state(query)


def areas(kind: str | AreaKind | None = None, state: str | None = None) -> tuple[Area, ...]:
    """OEWS areas, optionally of one kind and/or in one state."""
    return default_dataset().areas(kind, state)


def metros(state: str | None = None, include_nonmetro: bool = False) -> tuple[Area, ...]:
    """Metropolitan areas, optionally of one state (and nonmetro areas)."""
    return default_dataset().metros(state, include_nonmetro)


def estimate(occupation: str, area: str) -> Estimate:
    """The OEWS estimate for one occupation in one area."""
    return default_dataset().estimate(occupation, area)


def estimates(occupation: str) -> tuple[Estimate, ...]:
    """Every area's OEWS estimate for one occupation."""
    return default_dataset().estimates(occupation)


def national(occupation: str) -> Estimate:
    """The national OEWS estimate for one occupation."""
    return default_dataset().national(occupation)


def top_metros(
    occupation: str,
    n: int = 10,
    *,
    by: str = "employment",
    state: str | None = None,
    include_nonmetro: bool = False,
) -> tuple[RankedEstimate, ...]:
    """Metro areas ranked by employment (or ``by=`` another OEWS figure)."""
    return default_dataset().top_metros(
        occupation, n, by=by, state=state, include_nonmetro=include_nonmetro
    )


def top_states(
    occupation: str, n: int = 10, *, by: str = "employment"
) -> tuple[RankedEstimate, ...]:
    """States and territories ranked like :func:`top_metros`."""
    return default_dataset().top_states(occupation, n, by=by)


def compare_metros(occupation: str, a: str, b: str) -> Comparison:
    """Two areas side by side, with differences and ratios."""
    return default_dataset().compare_metros(occupation, a, b)


def skills_by_importance(occupation: str, n: int | None = None) -> RatingSection:
    """Skills, most important first."""
    return default_dataset().skills_by_importance(occupation, n)


def knowledge_by_importance(occupation: str, n: int | None = None) -> RatingSection:
    """Knowledge areas, most important first."""
    return default_dataset().knowledge_by_importance(occupation, n)


def abilities_by_importance(occupation: str, n: int | None = None) -> RatingSection:
    """Abilities, most important first."""
    return default_dataset().abilities_by_importance(occupation, n)


def work_activities_by_importance(occupation: str, n: int | None = None) -> RatingSection:
    """Work activities, most important first."""
    return default_dataset().work_activities_by_importance(occupation, n)


def work_styles_by_importance(occupation: str, n: int | None = None) -> RatingSection:
    """Work styles, most important first."""
    return default_dataset().work_styles_by_importance(occupation, n)


def state_view(occupation: str, state: str) -> StateView:
    """One occupation in one state: its estimate and the state's areas ranked."""
    return default_dataset().state_view(occupation, state)


def education(occupation: str) -> Education:
    """Job zone, O*NET education and training distributions, BLS entry requirements."""
    return default_dataset().education(occupation)


def certifications(occupation: str) -> tuple[Certification, ...]:
    """Curated certifications for an occupation (empty when none are curated)."""
    return default_dataset().certifications(occupation)


def all_certifications() -> tuple[Certification, ...]:
    """Every curated certification."""
    return default_dataset().all_certifications()


def similar_occupations(occupation: str, n: int = 10) -> tuple[SimilarOccupation, ...]:
    """O*NET related occupations with national employment and annual mean wage."""
    return default_dataset().similar_occupations(occupation, n)


def similar_by_ratings(
    occupation: str, n: int = 10, *, domains: Iterable[str] = ("skills", "knowledge", "abilities")
) -> tuple[RatingMatch, ...]:
    """Occupations whose importance ratings most resemble this one's."""
    return default_dataset().similar_by_ratings(occupation, n, domains=domains)


def outlook(occupation: str) -> Outlook:
    """Projections 2020-30 and the national change May 2019 to May 2025."""
    return default_dataset().outlook(occupation)


def national_change(occupation: str) -> NationalChange:
    """National employment and annual mean wage, May 2019 and May 2025, compared."""
    return default_dataset().national_change(occupation)


def report(
    occupation: str,
    *,
    top: int = 5,
    metros: int = 10,
    similar: int = 10,
    compare: tuple[str, str] | None = None,
) -> Report:
    """The whole career profile, ready to print (``str``) or show as Markdown."""
    return default_dataset().report(
        occupation, top=top, metros=metros, similar=similar, compare=compare
    )


def releases() -> tuple[Release, ...]:
    """The bundled releases (O*NET, OEWS May 2025, projections, May 2019) and credits."""
    return default_dataset().releases()


def citation() -> str:
    """The attribution lines for the bundled data."""
    return default_dataset().citation()
