"""The exceptions occprofile raises.

Every error derives from :class:`OccprofileError` *and* from the builtin a
caller would naturally catch (``LookupError``, ``ValueError``,
``TypeError``, ``ImportError``), so both ``except occprofile.OccprofileError``
and ``except ValueError`` work.
Lookup errors carry the close matches they found, so a notebook user sees
"did you mean …" and code can read ``err.suggestions``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmbiguousAreaError",
    "AmbiguousOccupationError",
    "AmbiguousQueryError",
    "ArgumentTypeError",
    "DataIntegrityError",
    "InvalidArgumentError",
    "MissingExtraError",
    "NoProfileError",
    "NoRatingsError",
    "NoWageDataError",
    "OccprofileError",
    "UnknownAreaError",
    "UnknownNameError",
    "UnknownOccupationError",
    "UnknownQueryError",
]


class OccprofileError(Exception):
    """Base class of every error this package raises on purpose."""


class InvalidArgumentError(OccprofileError, ValueError):
    """A malformed argument: a code of the wrong shape, ``n <= 0``, an unknown ``by``."""


class ArgumentTypeError(OccprofileError, TypeError):
    """An argument of the wrong type (``profile(436013)`` instead of ``"436013"``)."""


class MissingExtraError(OccprofileError, ImportError):
    """An optional feature's package is not installed; the message names the extra to install.

    ``extra`` is the ``occprofile[...]`` extra that brings it, ``package``
    (and ``name``, as for any ``ImportError``) the missing package, ``message``
    what the user reads. Make one with :meth:`for_extra`.
    """

    def __init__(self, message: str, *, extra: str, package: str) -> None:
        super().__init__(message, name=package)
        self.extra = extra
        self.package = package

    @classmethod
    def for_extra(
        cls, extra: str, package: str, *, feature: str | None = None
    ) -> MissingExtraError:
        """The error for ``feature`` (default: the ``extra``) needing ``package`` of ``extra``:
        ``MissingExtraError.for_extra("plot", "matplotlib", feature="occprofile.plots")``."""
        what = feature or f"occprofile[{extra}]"
        return cls(
            f"{what} needs {package}, which is not installed. "
            f"Install it with: pip install 'occprofile[{extra}]'",
            extra=extra,
            package=package,
        )


def _did_you_mean(suggestions: Sequence[str]) -> str:
    if not suggestions:
        return ""
    return " Did you mean: " + "; ".join(suggestions) + "?"


class UnknownQueryError(OccprofileError, LookupError):
    """A well-formed query that matches nothing in the bundled data."""

    kind = "item"

    def __init__(
        self, query: str, suggestions: Sequence[str] = (), detail: str | None = None
    ) -> None:
        self.query = query
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        what = detail or f"Unknown {self.kind}: {query!r}."
        super().__init__(f"{what}{_did_you_mean(self.suggestions)}")

    def __str__(self) -> str:  # KeyError-style repr quoting would hide the message
        return str(self.args[0])


class UnknownNameError(UnknownQueryError, KeyError):
    """A name the call does not know: a release key, a rating, a measure, an element.

    Also a ``KeyError``, which ``RatingSection.by_name`` and ``Comparison.row``
    raised before they suggested names.
    """

    kind = "name"


class UnknownOccupationError(UnknownQueryError):
    """No occupation has this code, title or alternate title."""

    kind = "occupation"


class UnknownAreaError(UnknownQueryError):
    """No OEWS area has this code or name."""

    kind = "area"


class NoProfileError(UnknownOccupationError):
    """The code is an OEWS wage occupation with no O*NET profile (e.g. a broad group)."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(query, suggestions)
        self.args = (
            f"{query!r} is an OEWS occupation with wage data but no O*NET profile "
            f"(a broad, aggregate or combined code).{_did_you_mean(self.suggestions)}",
        )


class NoWageDataError(OccprofileError, LookupError):
    """The occupation exists but OEWS publishes no estimate for it (there).

    O*NET occupations whose SOC code and broad group are both absent from
    OEWS (military occupations, legislators, ...) have no wage figures at
    all; many occupations have none in a given small area.
    """

    def __init__(self, occupation: str, area: str | None = None) -> None:
        self.occupation = occupation
        self.area = area
        where = f" in {area}" if area else " (neither its SOC code nor its broad group)"
        super().__init__(f"OEWS May 2025 publishes no estimate for {occupation}{where}.")


class NoRatingsError(OccprofileError, LookupError):
    """O*NET has no importance ratings for the occupation in the domains asked about.

    137 O*NET occupations (mostly "All Other" and military codes) have none.
    """

    def __init__(self, occupation: str, domains: Sequence[str]) -> None:
        self.occupation = occupation
        self.domains = tuple(domains)
        super().__init__(
            f"O*NET 29.3 has no {', '.join(self.domains)} importance ratings for "
            f"{occupation}, so it cannot be compared by ratings."
        )


class AmbiguousQueryError(OccprofileError, LookupError):
    """The query matches several items equally well; the caller must choose."""

    kind = "item"

    def __init__(self, query: str, candidates: Sequence[str]) -> None:
        self.query = query
        self.candidates: tuple[str, ...] = tuple(candidates)
        listed = "; ".join(self.candidates)
        super().__init__(
            f"Ambiguous {self.kind} {query!r} matches {len(self.candidates)}: {listed}. "
            "Pass a code or a more specific name."
        )

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousOccupationError(AmbiguousQueryError):
    """Several occupations match the query."""

    kind = "occupation"


class AmbiguousAreaError(AmbiguousQueryError):
    """Several areas match the query (e.g. "New York": a state, a metro, nonmetro areas)."""

    kind = "area"


class DataIntegrityError(OccprofileError, RuntimeError):
    """The packaged data does not match the schema this version reads.

    Raised at load time, never silently tolerated: it means the installed
    resources and the code disagree (a partial upgrade or a hand-edited file).
    ``resource`` is the file's path inside the data package, where one is to blame.
    """

    def __init__(self, message: str, *, resource: str | None = None) -> None:
        self.resource = resource
        super().__init__(message)
