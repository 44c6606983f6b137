"""Docstring coverage of the public API, which the API reference is generated from.

Every public class, function, method and property has a docstring that opens
with a summary (a first paragraph ending a sentence), and every parameter of a
public function or method is named in its docstring (``name``, ``name=...``,
or a ``name:`` entry of an Args section). ``NO_DOCSTRING`` and
``UNDOCUMENTED_PARAMETERS`` list what is not documented yet: the checks fail
on anything else, and on an entry that has since been documented, so the
lists only shrink.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import attrs

import occprofile
from occprofile import career, errors, models

#: Public objects without a docstring yet.
NO_DOCSTRING: tuple[str, ...] = (
    "occprofile.models.AlternateTitle",
    "occprofile.models.AreaKind",
    "occprofile.models.Figure.released",
    "occprofile.models.Occupation.soc_code",
    "occprofile.models.Profile.code",
    "occprofile.models.Profile.title",
    "occprofile.models.RankedEstimate.area",
    "occprofile.models.Rating.name",
    "occprofile.models.RelatedOccupation",
    "occprofile.models.ReportedTitle",
    "occprofile.models.TechnologySkill",
    "occprofile.career.MatchedCode.exact",
)

#: Public callables whose docstrings do not name these parameters yet.
UNDOCUMENTED_PARAMETERS: dict[str, tuple[str, ...]] = {
    "occprofile.Dataset.release": ("key",),
    "occprofile.Dataset.element": ("element_id",),
    "occprofile.Dataset.occupation": ("query",),
    "occprofile.Dataset.wage_occupation": ("query",),
    "occprofile.Dataset.wage_occupations": ("level",),
    "occprofile.Dataset.search": ("text", "n"),
    "occprofile.Dataset.area": ("query",),
    "occprofile.Dataset.state": ("query",),
    "occprofile.Dataset.areas": ("kind", "state"),
    "occprofile.Dataset.metros": ("state", "include_nonmetro"),
    "occprofile.Dataset.profile": ("occupation",),
    "occprofile.Dataset.ratings_by_importance": ("occupation", "domain", "n"),
    "occprofile.Dataset.skills_by_importance": ("occupation", "n"),
    "occprofile.Dataset.knowledge_by_importance": ("occupation", "n"),
    "occprofile.Dataset.abilities_by_importance": ("occupation", "n"),
    "occprofile.Dataset.work_activities_by_importance": ("occupation", "n"),
    "occprofile.Dataset.work_styles_by_importance": ("occupation", "n"),
    "occprofile.Dataset.estimate": ("occupation", "area"),
    "occprofile.Dataset.estimates": ("occupation",),
    "occprofile.Dataset.national": ("occupation",),
    "occprofile.Dataset.top_metros": ("occupation", "n"),
    "occprofile.Dataset.top_states": ("occupation", "n", "by"),
    "occprofile.Dataset.compare_metros": ("occupation", "a", "b"),
    "occprofile.Dataset.state_view": ("occupation", "state"),
    "occprofile.Dataset.education": ("occupation",),
    "occprofile.Dataset.certifications": ("occupation",),
    "occprofile.Dataset.similar_occupations": ("occupation", "n"),
    "occprofile.Dataset.similar_by_ratings": ("occupation", "n"),
    "occprofile.Dataset.outlook": ("occupation",),
    "occprofile.Dataset.national_change": ("occupation",),
    "occprofile.Dataset.report": ("occupation",),
    "occprofile.models.Comparison.row": ("measure",),
    "occprofile.models.Figure.format": ("money",),
    "occprofile.errors.AmbiguousQueryError.__init__": ("query", "candidates"),
    "occprofile.errors.DataIntegrityError.__init__": ("message",),
    "occprofile.errors.NoProfileError.__init__": ("query", "suggestions"),
    "occprofile.errors.NoRatingsError.__init__": ("occupation", "domains"),
    "occprofile.errors.NoWageDataError.__init__": ("occupation", "area"),
    "occprofile.errors.UnknownQueryError.__init__": ("query", "suggestions", "detail"),
}


def _own_doc(obj: object) -> str:
    """The object's own docstring (not one inherited from a base class)."""
    if inspect.isclass(obj):
        return obj.__dict__.get("__doc__") or ""
    if isinstance(obj, property):
        return (obj.fget.__doc__ if obj.fget else None) or ""
    return getattr(obj, "__doc__", None) or ""


def _members(cls: type) -> Iterator[tuple[str, Any]]:
    """The public methods and properties a class defines itself (and an explicit __init__)."""
    for name, raw in vars(cls).items():
        value = raw.__func__ if isinstance(raw, (staticmethod, classmethod)) else raw
        if name.startswith("_") and not (name == "__init__" and not attrs.has(cls)):
            continue
        if inspect.isfunction(value) or isinstance(value, property):
            yield name, value


def public_api() -> Iterator[tuple[str, Any, type | None]]:
    """(qualified name, object, class it belongs to) for everything the reference shows."""
    yield "occprofile.default_dataset", occprofile.default_dataset, None
    modules: list[tuple[ModuleType, list[str]]] = [
        (occprofile, ["Dataset"]),
        (models, list(models.__all__)),
        (career, list(career.__all__)),
        (errors, list(errors.__all__)),
    ]
    for module, names in modules:
        for name in names:
            obj = getattr(module, name)
            if inspect.isclass(obj) and obj.__module__.startswith("occprofile"):
                qualified = f"{module.__name__}.{name}"
                yield qualified, obj, None
                for member_name, member in _members(obj):
                    yield f"{qualified}.{member_name}", member, obj
            elif inspect.isfunction(obj):
                yield f"{module.__name__}.{name}", obj, None


def _parameters(func: Callable[..., Any]) -> list[str]:
    names = list(inspect.signature(func).parameters)
    return [n for n in names if n not in ("self", "cls")]


def _documents(doc: str, parameter: str) -> bool:
    name = re.escape(parameter)
    return bool(
        re.search(rf"`+\*{{0,2}}{name}(=[^`]*)?`+", doc)
        or re.search(rf"^\s*\*{{0,2}}{name}\s*(\([^)]*\))?:", doc, re.MULTILINE)
        or re.search(rf":param\s+(\w+\s+)?{name}:", doc)
    )


def missing_summaries() -> list[str]:
    """Public objects without a docstring that opens with a summary sentence."""
    missing = []
    for qualified, obj, _ in public_api():
        if qualified.endswith(".__init__"):
            continue  # documented by its class
        summary = inspect.cleandoc(_own_doc(obj)).partition("\n\n")[0].strip()
        if not summary.endswith((".", ")", ":", "?")):
            missing.append(qualified)
    return missing


def undocumented_parameters() -> dict[str, tuple[str, ...]]:
    """Public functions and methods whose docstrings do not name each parameter."""
    found = {}
    for qualified, obj, cls in public_api():
        if not inspect.isfunction(obj):
            continue
        doc = _own_doc(obj)
        if obj.__name__ == "__init__" and cls is not None:
            doc += "\n" + _own_doc(cls)
        lacking = tuple(p for p in _parameters(obj) if not _documents(doc, p))
        if lacking:
            found[qualified] = lacking
    return found


def test_the_walk_finds_the_api() -> None:
    names = {qualified for qualified, _, _ in public_api()}
    assert {
        "occprofile.Dataset.top_metros",
        "occprofile.models.Comparison.row",
        "occprofile.career.Report.to_markdown",
        "occprofile.errors.UnknownQueryError.__init__",
    } <= names
    assert not any(n.rpartition(".")[2].startswith("_") for n in names if "__init__" not in n)


def test_every_public_object_has_a_summary() -> None:
    new = sorted(set(missing_summaries()) - set(NO_DOCSTRING))
    assert new == [], "give these a docstring that opens with a summary sentence"


def test_the_list_of_missing_docstrings_is_current() -> None:
    """An entry that now has its docstring (or is gone) is removed from the list."""
    stale = sorted(set(NO_DOCSTRING) - set(missing_summaries()))
    assert stale == [], "now documented: remove these from NO_DOCSTRING"


def test_every_parameter_is_documented() -> None:
    found = undocumented_parameters()
    new = {k: v for k, v in found.items() if set(v) - set(UNDOCUMENTED_PARAMETERS.get(k, ()))}
    assert new == {}, "document these parameters in the docstring (``name``)"


def test_the_list_of_undocumented_parameters_is_current() -> None:
    """An entry whose parameters are now documented (or gone) is removed from the list."""
    found = undocumented_parameters()
    stale = {
        k: sorted(set(v) - set(found.get(k, ())))
        for k, v in UNDOCUMENTED_PARAMETERS.items()
        if set(v) - set(found.get(k, ()))
    }
    assert stale == {}, "now documented: remove these from UNDOCUMENTED_PARAMETERS"
