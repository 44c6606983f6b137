"""Bulk tables: every OEWS estimate, O*NET rating, occupation and projection at once.

Each function returns a :class:`Table`: ``len()``, ``columns``, ``head(n)``,
and the same exports as every result collection -- ``to_records()`` (core),
``to_pandas()``, ``to_polars()``, ``to_arrow()`` (extras) and the Arrow C
stream, so ``pyarrow.table(t)``, ``polars.DataFrame(t)`` and DuckDB read a
table directly. Columns are named as in docs/tables.md; each call builds
its table anew from the packaged files (nothing is kept afterwards).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._record import Table

if TYPE_CHECKING:
    from ._answers.sources import Sources
    from ._dataset import Dataset
    from .models import AreaKind, RatingDomain, SocLevel

__all__ = ["Table", "estimates", "occupations", "projections", "ratings"]


def _sources(dataset: Dataset | None) -> tuple[Dataset, Sources]:
    from . import default_dataset
    from ._dataset import Dataset
    from .errors import ArgumentTypeError

    if dataset is None:
        dataset = default_dataset()
    elif not isinstance(dataset, Dataset):
        raise ArgumentTypeError(
            f"dataset must be an occprofile.Dataset, not {type(dataset).__name__}: {dataset!r}"
        )
    return dataset, dataset._src


def estimates(
    *,
    occupation: str | None = None,
    level: SocLevel | None = None,
    area_kind: str | AreaKind | None = None,
    state: str | None = None,
    dataset: Dataset | None = None,
) -> Table:
    """Every cross-industry OEWS May 2025 estimate: 236,799 rows, one an occupation in an area,
    all 17 figures, by occupation code then area code.

    ``occupation`` keeps one OEWS occupation (any code, title or text
    ``occprofile.wage_occupation`` accepts); ``level`` the occupations of one
    SOC level (``"detailed"``, ``"broad"``, ``"minor"``, ``"major"``,
    ``"total"``); ``area_kind`` one kind of area (``"national"``,
    ``"state"``, ``"metro"``, ``"nonmetro"``); ``state`` the areas of one
    state: the state itself, its nonmetro areas and every metro area that
    spans it. Every argument is checked before any estimate is read.
    """
    from ._answers import bulk
    from ._matching.areas import area_kind as check_kind

    ds, src = _sources(dataset)
    index = src.occupations()
    chosen = index.of_level(level)
    if occupation is not None:
        one = ds.wage_occupation(occupation)
        chosen = tuple(o for o in chosen if o.code == one.code)
    kind = None if area_kind is None else check_kind(area_kind)
    postal = None if state is None else ds.state(state).states[0]
    areas = None
    if kind is not None or postal is not None:
        areas = [
            a
            for a in src.areas().by_code.values()
            if (kind is None or a.kind is kind) and (postal is None or postal in a.states)
        ]
    return bulk.estimates(src, chosen, areas)


def ratings(
    *,
    occupation: str | None = None,
    domain: RatingDomain | None = None,
    dataset: Dataset | None = None,
) -> Table:
    """Every O*NET rating, one row an element of an occupation: importance and level with their
    precision fields (n, standard error, CI, flags, date, source) and the level status.

    Rows follow the profiles: by occupation code, then domain (skills,
    abilities, knowledge, work activities, work styles), then element id.
    ``occupation`` keeps one O*NET occupation (a code, title or text
    ``occprofile.occupation`` accepts); ``domain`` one rating domain.
    """
    from ._answers import bulk
    from ._answers.profiles import check_domain
    from .models import RATING_DOMAINS

    ds, src = _sources(dataset)
    domains = RATING_DOMAINS if domain is None else (check_domain(domain),)
    chosen = (
        tuple(src.occupations().onet.values())
        if occupation is None
        else (ds.occupation(occupation),)
    )
    return bulk.ratings(src, chosen, domains)


def occupations(*, dataset: Dataset | None = None) -> Table:
    """Every O*NET occupation (1,016) with its OEWS wage link, job zone, most common
    required education, BLS entry requirements and 2024-34 projection summary."""
    from ._answers import summaries

    return summaries.occupations(_sources(dataset)[1])


def projections(*, dataset: Dataset | None = None) -> Table:
    """The 2024-34 projection of every O*NET occupation BLS projects: what
    ``occprofile.outlook(code).projection`` holds, one row each, by code.

    ``source_code`` and ``source_match`` say which projections code answered:
    an O*NET sub-occupation, or one BLS combined with others, shares its row's
    figures with the occupations of that code.
    """
    from ._answers import summaries

    return summaries.projections(_sources(dataset)[1])
