"""occprofile: U.S. occupation profiles, offline.

O*NET 29.3 (what a job involves, skills, knowledge, abilities, work
activities and styles with importance and level) and BLS OEWS May 2025
(employment and wages in the nation, every state and every metro and
nonmetro area), packaged with the library as typed, immutable records.

>>> import occprofile as op
>>> op.profile("43-6013").title
'Medical Secretaries and Administrative Assistants'

The module functions are the bound methods of one shared :class:`Dataset`
(as cattrs' are its global converter's); make your own ``Dataset`` to pass
one explicitly. Importing reads no data and creates no attrs class.
"""

from __future__ import annotations

__version__ = "0.2.0"

from typing import TYPE_CHECKING

from . import errors
from ._dataset import Dataset
from .errors import (
    AmbiguousAreaError,
    AmbiguousOccupationError,
    AmbiguousQueryError,
    ArgumentTypeError,
    DataIntegrityError,
    InvalidArgumentError,
    MissingExtraError,
    NoProfileError,
    NoRatingsError,
    NoWageDataError,
    OccprofileError,
    UnknownAreaError,
    UnknownNameError,
    UnknownOccupationError,
    UnknownQueryError,
)

if TYPE_CHECKING:
    from . import career, models, tables
    from ._answers.filters import EntryEducation, OutlookFlag
    from ._answers.rankings import RANK_BY, RankBy
    from ._answers.top_occupations import OccupationRankBy
    from .career import (
        Certification,
        CodeMatch,
        Education,
        InterestMatch,
        InterestMatches,
        NationalChange,
        OccupationComparison,
        OccupationRanking,
        Outlook,
        Projection,
        Projection2020,
        RankedOccupation,
        RatingMatch,
        Report,
        SimilarOccupation,
        StateView,
    )
    from .models import (
        RATING_DOMAINS,
        Area,
        AreaKind,
        Comparison,
        DetailedWorkActivity,
        EmergingTask,
        Estimate,
        Figure,
        Occupation,
        OccupationSelection,
        Profile,
        RankedEstimate,
        Rating,
        RatingDomain,
        RatingSection,
        Release,
        SearchHit,
        SocLevel,
        Status,
        Tool,
        WageOccupation,
        WorkValues,
    )

    ONET_VERSION: str  # the bundled O*NET release ("29.3")
    OEWS_PERIOD: str  # the bundled OEWS period ("May 2025")

#: Public names served on first access (PEP 562), so that importing stays cheap.
_LAZY: dict[str, tuple[str, str | None]] = {
    "models": ("occprofile.models", None),
    "career": ("occprofile.career", None),
    "tables": ("occprofile.tables", None),
    "RANK_BY": ("occprofile._answers.rankings", "RANK_BY"),
    "RankBy": ("occprofile._answers.rankings", "RankBy"),
    "OccupationRankBy": ("occprofile._answers.top_occupations", "OccupationRankBy"),
    "EntryEducation": ("occprofile._answers.filters", "EntryEducation"),
    "OutlookFlag": ("occprofile._answers.filters", "OutlookFlag"),
}
#: Modules whose ``__all__`` names (record classes, typed names) are served the same way.
_LAZY_FROM = ("occprofile.models", "occprofile.career")

# fmt: off
__all__ = [
    "OEWS_PERIOD", "ONET_VERSION", "RANK_BY", "RATING_DOMAINS", "AmbiguousAreaError",
    "AmbiguousOccupationError", "AmbiguousQueryError", "Area", "AreaKind", "ArgumentTypeError",
    "Certification", "CodeMatch", "Comparison", "DataIntegrityError", "Dataset",
    "DetailedWorkActivity", "Education", "EmergingTask", "EntryEducation", "Estimate", "Figure",
    "InterestMatch", "InterestMatches", "InvalidArgumentError", "MissingExtraError",
    "NationalChange", "NoProfileError", "NoRatingsError", "NoWageDataError", "OccprofileError",
    "Occupation", "OccupationComparison", "OccupationRankBy", "OccupationRanking",
    "OccupationSelection", "Outlook", "OutlookFlag", "Profile", "Projection", "Projection2020",
    "RankBy", "RankedEstimate", "RankedOccupation", "Rating", "RatingDomain", "RatingMatch",
    "RatingSection", "Release", "Report", "SearchHit", "SimilarOccupation", "SocLevel",
    "StateView", "Status", "Tool", "UnknownAreaError", "UnknownNameError",
    "UnknownOccupationError", "UnknownQueryError", "WageOccupation", "WorkValues",
    "abilities_by_importance", "all_certifications", "area", "areas", "career", "certifications",
    "citation", "clear_cache", "compare_metros", "compare_occupations", "default_dataset",
    "education", "errors", "estimate", "estimates", "knowledge_by_importance", "match_interests",
    "metros", "models", "national", "national_change", "occupation", "occupations", "outlook",
    "profile", "releases", "report", "search", "similar_by_ratings", "similar_occupations",
    "skills_by_importance", "state", "state_view", "tables", "top_metros", "top_occupations",
    "top_states",
    "wage_occupation", "wage_occupations", "work_activities_by_importance",
    "work_styles_by_importance",
]
# fmt: on

_default = Dataset()


def default_dataset() -> Dataset:
    """The shared :class:`Dataset` over the bundled data, which the module functions use."""
    return _default


# The module-level API: the shared dataset's bound methods, so mypy sees
# each full signature and a misspelled name is an error in the caller's code.
clear_cache = _default.clear_cache
profile = _default.profile
occupation = _default.occupation
wage_occupation = _default.wage_occupation
occupations = _default.occupations
wage_occupations = _default.wage_occupations
search = _default.search
area = _default.area
state = _default.state
areas = _default.areas
metros = _default.metros
estimate = _default.estimate
estimates = _default.estimates
national = _default.national
top_metros = _default.top_metros
top_states = _default.top_states
compare_metros = _default.compare_metros
top_occupations = _default.top_occupations
compare_occupations = _default.compare_occupations
match_interests = _default.match_interests
skills_by_importance = _default.skills_by_importance
knowledge_by_importance = _default.knowledge_by_importance
abilities_by_importance = _default.abilities_by_importance
work_activities_by_importance = _default.work_activities_by_importance
work_styles_by_importance = _default.work_styles_by_importance
state_view = _default.state_view
education = _default.education
certifications = _default.certifications
all_certifications = _default.all_certifications
similar_occupations = _default.similar_occupations
similar_by_ratings = _default.similar_by_ratings
outlook = _default.outlook
national_change = _default.national_change
report = _default.report
releases = _default.releases
citation = _default.citation

if not TYPE_CHECKING:  # hidden from type checkers: only the names above exist for them

    def __getattr__(name: str) -> object:
        import importlib

        if name in _LAZY:
            module_name, attr = _LAZY[name]
            module = importlib.import_module(module_name)
            value = module if attr is None else getattr(module, attr)
            globals()[name] = value
            return value
        if name in __all__:  # a record class or typed name of models or career
            for module_name in _LAZY_FROM:
                module = importlib.import_module(module_name)
                if name in module.__all__:
                    globals()[name] = getattr(module, name)
                    return globals()[name]
        if name == "ONET_VERSION":
            return _default.release("onet").version
        if name == "OEWS_PERIOD":
            return _default.release("oews").period
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*__all__, "__version__"})
