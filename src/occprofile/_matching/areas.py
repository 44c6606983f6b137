"""Finding OEWS areas from what people type: codes, names, parts of names, states.

Rules, in order: a digit string is a code (7-digit, 5-digit CBSA or
2-digit state FIPS); "national"/"US" is the nation; an exact full name,
name without its state list, one principal city of a metro ("San Diego"),
state name or postal abbreviation matches; a unique run of words inside a
name matches. More than one candidate at any step is ambiguous -- so
"New York" (a state, a metro, three nonmetro areas) asks the caller to choose,
and so does "Charleston" (Charleston, WV, and Charleston-North Charleston,
SC): a metro of exactly that name does not hide another whose principal
cities include it. ("Salem" is only Salem, OR: Winston-Salem is one city.)
A trailing postal code narrows the search to that state: "Charleston, SC",
"Portland, OR".

Curated aliases (``area_aliases.json``: "NYC", "Twin Cities", "Bay Area")
join the candidates of the first step, so an alias that is also a postal
code or a name ("LA": Los Angeles or Louisiana; "DC": the Washington metro
or the District of Columbia) is ambiguous rather than silently one of them.
A five-digit number no area has, or a ZIP+4, is read as a ZIP code, which
needs a crosswalk the package does not ship: the error says to type the
city instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from .._store.columnar import KeyedRecords
from ..errors import (
    AmbiguousAreaError,
    DataIntegrityError,
    InvalidArgumentError,
    UnknownAreaError,
)
from ..models import Area, AreaKind
from . import text as _lookup
from .arguments import check_bool, check_query, check_str

NATIONAL_CODE = "0000000"
_NATIONAL_ALIASES = frozenset({"national", "nation", "us", "u s", "usa", "united states"})
#: a ZIP+4 code ("10001-1234"); a bare five-digit ZIP is a number no area code has
_ZIP_PLUS_4 = re.compile(r"^\d{5}[-\s]\d{4}$")
_ALIASES = "area_aliases.json"
#: The resource :class:`AreaIndex` reads.
AREAS = "areas.json"

if TYPE_CHECKING:
    from .._store.schema import AreaAliasesFile, AreasFile


class AreaIndex:
    """Area lookups built once from ``areas.json``.

    Code -> area from the code column alone: an area is made when first asked
    for, all of them at once for a listing or a lookup by name; selections by
    kind and state read the kind and state columns without making areas.
    """

    def __init__(
        self, rec: AreasFile, aliases: Callable[[], AreaAliasesFile] | None = None
    ) -> None:
        areas = rec.areas
        #: every area code, in ``areas.json`` order
        self.codes: list[str] = areas.column("code")
        self._kinds: list[AreaKind] = areas.column("kind")
        self._area_names: list[str] = areas.column("name")
        self._states: list[tuple[str, ...]] = areas.column("states")
        self.by_code: KeyedRecords[Area] = areas.keyed("code", AREAS, "area code")
        self._aliases = aliases

    def name_of(self, code: str) -> str:
        """The name of area ``code`` (one the index has), without making the area."""
        return self._area_names[self.by_code.rows[code]]

    @functools.cached_property
    def _names(self) -> _AreaNames:
        # Built on the first lookup by name: code lookups and listings never pay for it.
        names = _AreaNames(self.by_code.values())
        if self._aliases is not None:
            names.add_aliases(self._aliases(), self.by_code)
        return names

    def _describe(self, codes: set[str]) -> list[str]:
        return [f"{self.by_code[c].name} [{self.by_code[c].kind.value} {c}]" for c in sorted(codes)]

    def find(self, query: str) -> Area:
        """Resolve an area code, name, unambiguous part of a name, state or "national"."""
        check_query(query, "area")
        text = query.strip()
        if _lookup.is_number(text):
            folded = _lookup.fold_code(text).strip()
            code = _lookup.parse_area_code(text)
            if code in self.by_code:
                return self.by_code[code]
            if len(folded) == 5:
                raise _zip_error(query)
            raise UnknownAreaError(query, [])
        if _ZIP_PLUS_4.match(_lookup.fold_code(text)):
            raise _zip_error(query)
        norm = _lookup.normalize(text)
        if not norm:
            raise InvalidArgumentError("Empty area query: pass an area code or name.")
        if norm in _NATIONAL_ALIASES:
            return self.by_code[NATIONAL_CODE]
        found = self._match(query, norm, postal=None)
        if found is None:
            # "Seattle, WA", "Kansas City KS", "Portland, Oregon": a place, then its state.
            for place, state in self._place_and_state(text, norm):
                found = self._match(query, place, postal=state.states[0])
                if found is not None:
                    break
        if found is None:
            raise UnknownAreaError(query, _lookup.suggest(norm, self._names.suggestions))
        return found

    def _place_and_state(self, text: str, norm: str) -> list[tuple[str, Area]]:
        """Ways to read the query as "place, state": after a comma, or a final postal code."""
        found = []
        place, comma, after = text.rpartition(",")
        if comma and (states := self._names.state_named(_lookup.normalize(after))):
            found.append((_lookup.normalize(place), states[0]))
        place, _, tail = norm.rpartition(" ")
        if place and tail in self._names.states_by_postal:
            found.append((place, self._names.states_by_postal[tail]))
        return found

    def _match(self, query: str, norm: str, postal: str | None) -> Area | None:
        """The one area ``norm`` names (optionally within state ``postal``), or None.

        Raises :class:`AmbiguousAreaError` when several match equally well.
        """
        names = self._names

        def keep(codes: set[str]) -> set[str]:
            if postal is None:
                return codes
            return {c for c in codes if postal in self.by_code[c].states}

        exact = keep(names.exact.get(norm, set()))
        states = set() if postal else {a.code for a in names.state_named(norm)}
        cities = keep(names.city_parts.get(norm, set()))
        aliases = keep(names.aliased(norm))
        pool = exact | states | cities | aliases
        if len(pool) == 1:
            return self.by_code[next(iter(pool))]
        contains = keep({c for c, n in names.normalized.items() if f" {norm} " in f" {n} "})
        if pool:
            # An alias collision lists what collided ("LA": Los Angeles, Louisiana),
            # not every area whose name holds the letters "la".
            raise AmbiguousAreaError(query, self._describe(pool if aliases else pool | contains))
        if len(contains) == 1:
            return self.by_code[next(iter(contains))]
        if contains:
            raise AmbiguousAreaError(query, self._describe(contains))
        return None

    def state(self, query: str) -> Area:
        """Resolve a state name, postal abbreviation or FIPS code to the state area."""
        check_query(query, "state")
        text = query.strip()
        if _lookup.is_number(text):
            found = self.by_code.get(_lookup.parse_area_code(text.zfill(2)))
            states = [found] if found is not None and found.kind is AreaKind.STATE else []
        else:
            states = self._names.state_named(_lookup.normalize(text))
        if not states:
            keyed = {k: a.name for k, a in self._names.states_by_name.items()}
            suggestions = _lookup.suggest(_lookup.normalize(text), keyed)
            try:
                other = self.find(query)
            except AmbiguousAreaError as err:
                raise UnknownAreaError(
                    query,
                    suggestions,
                    detail=f"{query!r} is not a state; it names several areas: "
                    + "; ".join(err.candidates)
                    + ".",
                ) from None
            except (LookupError, ValueError):
                raise UnknownAreaError(query, suggestions) from None
            # A real area, just not a state: say so, and offer the state(s) it lies in.
            inside = [
                a.name
                for a in self.by_code.values()
                if a.kind is AreaKind.STATE and a.states and a.states[0] in other.states
            ]
            raise UnknownAreaError(
                query,
                inside,
                detail=f"{query!r} is {other.name}, a {other.kind} area, not a state.",
            )
        return states[0]

    def select(self, kind: str | AreaKind | None, state: str | None) -> tuple[Area, ...]:
        """Areas of one kind and/or in one state (metros spanning it included), by code."""
        return self._areas(self.select_codes(kind, state))

    def select_codes(self, kind: str | AreaKind | None, state: str | None) -> tuple[str, ...]:
        """The codes of :meth:`select`, read from the columns."""
        kinds, states = self._kinds, self._states
        rows: Iterable[int] = range(len(self.codes))
        if kind is not None:
            wanted = area_kind(kind)
            rows = [i for i in rows if kinds[i] is wanted]
        if state is not None:
            postal = self.state(state).states[0]
            rows = [i for i in rows if postal in states[i] and kinds[i] is not AreaKind.STATE]
        codes = self.codes
        return tuple(codes[i] for i in rows)

    def metros(self, state: str | None, include_nonmetro: bool) -> tuple[Area, ...]:
        """Metropolitan areas (and optionally nonmetro areas), of one state or all, by code."""
        return self._areas(self.metro_codes(state, include_nonmetro))

    def metro_codes(self, state: str | None, include_nonmetro: bool) -> tuple[str, ...]:
        """The codes of :meth:`metros`, read from the columns."""
        check_bool(include_nonmetro, "include_nonmetro")
        kinds = {AreaKind.METRO, AreaKind.NONMETRO} if include_nonmetro else {AreaKind.METRO}
        kind_of, rows = self._kinds, self.by_code.rows
        return tuple(c for c in self.select_codes(None, state) if kind_of[rows[c]] in kinds)

    def _areas(self, codes: Iterable[str]) -> tuple[Area, ...]:
        """The areas of ``codes``: a listing makes every area at once."""
        every = self.by_code.everything()
        return tuple(every[c] for c in codes)


class _AreaNames:
    """Normalised names, principal cities and state spellings, for lookups by name."""

    def __init__(self, areas: Iterable[Area]) -> None:
        self.normalized: dict[str, str] = {}
        self.exact: dict[str, set[str]] = {}
        self.city_parts: dict[str, set[str]] = {}
        self.states_by_name: dict[str, Area] = {}
        self.states_by_postal: dict[str, Area] = {}
        #: curated aliases, normalised -> the codes they mean (see :meth:`add_aliases`)
        self.aliases: dict[str, set[str]] = {}
        #: every spelling worth suggesting, normalised → the area name to show
        self.suggestions: dict[str, str] = {}
        # Every spelling (names, short names, principal cities) normalised in one
        # pass: ``normalize_all`` gives ``normalize``'s keys at a fraction of its cost.
        listed = list(areas)
        cities = {
            a.code: principal_cities(a.short_name) if a.kind is AreaKind.METRO else []
            for a in listed
        }
        spellings = sorted({s for a in listed for s in (a.name, a.short_name, *cities[a.code])})
        key = dict(zip(spellings, _lookup.normalize_all(spellings), strict=True))
        for a in listed:
            self.normalized[a.code] = key[a.name]
            self.suggestions[self.normalized[a.code]] = a.name
            if a.kind is AreaKind.STATE:
                self.states_by_name[self.normalized[a.code]] = a
                if a.states:
                    self.states_by_postal[a.states[0].lower()] = a
                continue
            for spelling in {self.normalized[a.code], key[a.short_name]}:
                self.exact.setdefault(spelling, set()).add(a.code)
                self.suggestions.setdefault(spelling, a.name)
            if a.kind is AreaKind.METRO:
                for part in cities[a.code]:
                    self.city_parts.setdefault(key[part], set()).add(a.code)
                    self.suggestions.setdefault(key[part], a.name)

    def add_aliases(self, rec: AreaAliasesFile, by_code: Mapping[str, Area]) -> None:
        """Index the curated aliases; one naming no packaged area is a data error."""
        for entry in rec.aliases:
            key = _lookup.normalize(entry.alias)
            unknown = [c for c in entry.codes if c not in by_code]
            if not key or not entry.codes or unknown or key in self.aliases:
                raise DataIntegrityError(
                    f"{_ALIASES}: alias {entry.alias!r} is empty, repeated or names "
                    f"no area of areas.json ({', '.join(unknown) or 'no codes'})",
                    resource=_ALIASES,
                )
            self.aliases[key] = set(entry.codes)
            if len(entry.codes) == 1:
                self.suggestions.setdefault(key, by_code[entry.codes[0]].name)

    def aliased(self, norm: str) -> set[str]:
        """The codes an alias means; a leading "the" is optional ("the Twin Cities")."""
        found = self.aliases.get(norm)
        if found is None and norm.startswith("the "):
            found = self.aliases.get(norm[4:])
        return found or set()

    def state_named(self, norm: str) -> list[Area]:
        found = self.states_by_name.get(norm) or self.states_by_postal.get(norm)
        return [found] if found is not None else []


#: Metro titles whose hyphen joins one city's name rather than two cities.
#: Census titles separate principal cities with "-" (or "--" when a city's own
#: name has one, as in "Scranton--Wilkes-Barre"), so a title naming a single
#: hyphenated city cannot show it. Only Winston-Salem needs saying: split, its
#: "Salem" would make Salem, OR ambiguous. Consolidated city-county titles
#: (Athens-Clarke County, Augusta-Richmond County, Macon-Bibb County,
#: Lexington-Fayette) stay split: their first part is the name people use.
ONE_CITY_TITLES = frozenset({"Winston-Salem"})


def principal_cities(short_name: str) -> list[str]:
    """The principal cities a metro's title names ("San Diego-Chula Vista-Carlsbad").

    Each part of a "--" title is also split at its hyphens, so "Nashville"
    still finds Nashville-Davidson--Murfreesboro--Franklin.
    """
    if short_name in ONE_CITY_TITLES:
        return [short_name]
    if "--" in short_name:
        cities = short_name.split("--")
        return cities + [part for city in cities if "-" in city for part in city.split("-")]
    return short_name.split("-")


def _zip_error(query: str) -> UnknownAreaError:
    """Five digits no area has (or a ZIP+4): a ZIP code, which this package cannot place."""
    return UnknownAreaError(
        query,
        detail=f"{query.strip()!r} looks like a ZIP code: finding its area needs a ZIP-to-metro "
        "(CBSA) crosswalk, which occprofile does not ship. Pass the city or metro name "
        "instead ('Newark, NJ', 'San Francisco'), or a state.",
    )


def area_kind(kind: str | AreaKind) -> AreaKind:
    if isinstance(kind, AreaKind):
        return kind
    check_str(kind, "kind")
    try:
        return AreaKind(kind.strip().lower())
    except ValueError:
        raise InvalidArgumentError(
            f"Unknown area kind {kind!r}: choose one of {[k.value for k in AreaKind]}."
        ) from None
