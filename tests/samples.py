"""Typical answers of every query, and every record nested in them, for tests of how
records show (reprs, HTML)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import attrs

import occprofile as op
from occprofile import career, models
from occprofile._record import Results

#: A label and the call that answers it, for each query with typical arguments:
#: occupations chosen for their gaps (hourly-only, top-coded, no ratings, no wages).
QUERIES: dict[str, Callable[[], object]] = {
    "profile": lambda: op.profile("43-6013"),
    "profile no ratings": lambda: op.profile("15-1252"),
    "profile with emerging tasks": lambda: op.profile("11-3013"),
    "occupation": lambda: op.occupation("43-6013"),
    "wage_occupation": lambda: op.wage_occupation("43-6010"),
    "occupations": lambda: op.occupations(group="43"),
    "wage_occupations": lambda: op.wage_occupations(level="major"),
    "search": lambda: op.search("nurse", 5),
    "area": lambda: op.area("San Diego"),
    "state": lambda: op.state("CA"),
    "areas": lambda: op.areas(kind="state"),
    "metros": lambda: op.metros(state="CA"),
    "estimate": lambda: op.estimate("29-1211", "Orlando"),
    "estimates": lambda: op.estimates("27-2011"),
    "national": lambda: op.national("27-2011"),
    "top_metros": lambda: op.top_metros("29-1211", 10),
    "top_metros by lq": lambda: op.top_metros("43-6013", 5, by="lq"),
    "top_states": lambda: op.top_states("27-2011", 5, by="hourly_mean"),
    "compare_metros": lambda: op.compare_metros("43-6013", "Los Angeles", "San Diego"),
    "compare no estimate": lambda: op.compare_metros("27-2011", "Los Angeles", "Buffalo"),
    "skills_by_importance": lambda: op.skills_by_importance("43-6013"),
    "knowledge_by_importance": lambda: op.knowledge_by_importance("43-6013", 5),
    "abilities_by_importance": lambda: op.abilities_by_importance("29-1211", 5),
    "work_activities_by_importance": lambda: op.work_activities_by_importance("29-1211"),
    "work_styles_by_importance": lambda: op.work_styles_by_importance("43-6013", 5),
    "state_view": lambda: op.state_view("27-2011", "NY"),
    "education": lambda: op.education("43-6013"),
    "education none": lambda: op.education("55-1011"),
    "certifications": lambda: op.certifications("43-6013"),
    "certifications none": lambda: op.certifications("29-1211"),
    "all_certifications": op.all_certifications,
    "similar_occupations": lambda: op.similar_occupations("27-2011", 5),
    "similar_by_ratings": lambda: op.similar_by_ratings("43-6013", 5),
    "outlook": lambda: op.outlook("29-1211"),
    "outlook combined code": lambda: op.outlook("15-1252"),
    "national_change": lambda: op.national_change("43-6010"),
    "report": lambda: op.report("27-2011.00"),
    "report compared": lambda: op.report("43-6013", compare=("Los Angeles", "San Diego")),
    "releases": op.releases,
    "occupations as a plain collection": lambda: models.Occupations(op.occupations()[:3]),
    "top_occupations": lambda: op.top_occupations("Texas", 5, by="annual_mean"),
    "compare_occupations": lambda: op.compare_occupations("43-6013", "29-1141"),
    "match_interests": lambda: op.match_interests(social=6, conventional=5, n=3),
}


def nested(value: Any) -> Iterator[object]:
    """``value`` and every record and collection inside it, depth first."""
    if isinstance(value, tuple | Results):
        if isinstance(value, Results):
            yield value
        for item in value:
            yield from nested(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from nested(getattr(value, field.name))


@functools.cache
def answers() -> dict[str, object]:
    """Each query's answer, computed once per session."""
    return {label: call() for label, call in QUERIES.items()}


def shown() -> Iterator[object]:
    """Every record and collection of every answer (repeats included)."""
    for value in answers().values():
        yield from nested(value)


def public_record_classes() -> set[str]:
    """The names of the public record and collection classes."""
    names = set()
    for module in (models, career):
        for name in module.__all__:
            cls = getattr(module, name)
            if isinstance(cls, type) and (attrs.has(cls) or issubclass(cls, Results)):
                names.add(name)
    return names
