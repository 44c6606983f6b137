"""The schema of the lookup resources (titles, area aliases), as attrs classes
(see ``schema``).

Made only when a lookup by name needs them: a question by code reads
neither resource, so these classes are not made on its first call.
"""

from __future__ import annotations

from attrs import frozen

from .._record import Record

__all__ = ["AreaAlias", "AreaAliasesFile", "TitlesFile"]


@frozen(repr=False, eq=False)
class AreaAlias(Record):
    """A name people type for an area ("NYC"): the code(s) it means, and why."""

    alias: str
    codes: tuple[str, ...]
    why: str


@frozen(repr=False, eq=False)
class AreaAliasesFile(Record):
    aliases: tuple[AreaAlias, ...]


@frozen(repr=False, eq=False)
class TitlesFile(Record):
    """The title index (docs/data-format.md): text fields, split and parsed on use."""

    codes: str
    kinds: str
    titles: str
    word_counts: str
    distinct_counts: str
    vocabulary: str
    letters: str
    postings: str
