"""The provenance records: the upstream releases bundled in the package.

Public as :mod:`occprofile.models` names (served from there on first use):
a question's answer does not hold them, so only ``releases()``, a report's
sources and the manifest's checks create these classes.
"""

from __future__ import annotations

from attrs import frozen

from ._record import Record, Results

__all__ = ["Release", "Releases"]


@frozen(repr=False, eq=False)
class Release(Record):
    """One upstream data release bundled in the package, with its credit line."""

    _repr_fields = ("key", "name", "version", "period")

    key: str
    name: str
    version: str
    period: str
    publisher: str
    license: str
    url: str
    credit: str
    changes: str

    def __str__(self) -> str:
        return f"{self.name}, {self.period} (release {self.version}), {self.publisher}"


class Releases(Results[Release]):
    """The bundled upstream releases."""

    __slots__ = ()
    item_name = "release"
