"""Which schema record reads which packaged resource: the one map of the data package.

The library (``Store.read``) and the build tool (``databuild.library_check``)
both ask :func:`record_class`, so they cannot disagree about which record a
file must structure into. Records are named, not imported: the career
records are created only when a career query (or the build) first needs them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..errors import DataIntegrityError

#: Resource (a top-level file, or a pack ending in ``/`` for its members)
#: -> (module of ``occprofile._store``, record class). The members of
#: ``oews.pack`` are column blocks, not JSON: ``oews_columns`` reads them.
RECORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "manifest.json": ("schema", "Manifest"),
        "areas.json": ("schema", "AreasFile"),
        "area_aliases.json": ("schema", "AreaAliasesFile"),
        "elements.json": ("schema", "ElementsFile"),
        "occupations.json": ("schema", "OccupationsFile"),
        "oews_reference.json": ("schema", "OewsReference"),
        "oews_values.json.gz": ("schema", "OewsValuesFile"),
        "titles.json.gz": ("schema", "TitlesFile"),
        "onet_reference.json.gz": ("schema", "OnetReferenceFile"),
        "certifications.json": ("career_schema", "CertificationsFile"),
        "oes_2019.json.gz": ("career_schema", "HistoryFile"),
        "projections.json.gz": ("career_schema", "ProjectionsFile"),
        "projections_2024_34.json.gz": ("career_schema", "Projections2024File"),
        "similarity.json.gz": ("career_schema", "SimilarityFile"),
        "soc_changes.json": ("career_schema", "SocChangesFile"),
        "onet.pack/": ("schema", "OnetShard"),
    }
)


def onet_shard(code: str) -> str:
    """The resource holding the O*NET profile of ``code`` (``"43-6013.00"``)."""
    return f"onet.pack/{code}"


def oews_shard(code: str) -> str:
    """The resource holding the OEWS estimates of ``code`` (``"43-6013"``)."""
    return f"oews.pack/{code}"


def record_class(name: str) -> type[Any]:
    """The schema record resource ``name`` structures into (a pack member: its pack's).

    A name the package does not have is a :class:`DataIntegrityError` naming it.
    """
    folder, slash, _ = name.partition("/")
    entry = RECORDS.get(folder + slash if slash else name)
    if entry is None:
        raise DataIntegrityError(
            f"{name!r} is not a resource of an occprofile data package", resource=name
        )
    module, cls = entry
    found: type[Any] = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
    return found
