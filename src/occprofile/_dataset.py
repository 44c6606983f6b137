"""The data store: lazy, cached, thread-safe access to the packaged resources.

Nothing is read at import or construction time. Each resource is read on
first use under one lock (double-checked, so warm calls take no lock) and
kept: the occupation index and areas are small; an occupation's O*NET
content and its OEWS estimates are separate files, read only when asked.
The matching rules live in ``_occupations`` and ``_areas``, profile
assembly in ``_profiles``, OEWS value parsing in ``_figures``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from . import _records, _resources
from ._areas import NATIONAL_CODE, AreaIndex
from ._converter import structure
from ._figures import build_estimate, figure_of
from ._occupations import SOC_LEVELS, OccupationIndex, TitleData
from ._profiles import build_profile, by_importance
from ._validate import check_bool, check_str
from .errors import DataIntegrityError, InvalidArgumentError, NoWageDataError
from .models import (
    Area,
    AreaKind,
    Element,
    Estimate,
    Figure,
    Occupation,
    Profile,
    RatingSection,
    Release,
    SearchHit,
    WageOccupation,
)

T = TypeVar("T")

SCHEMA_VERSION = 1


class DataStore:
    """Loading, caching and lookups over one bundled data release.

    The public :class:`occprofile.Dataset` adds the queries on top.
    ``package`` names the importable package holding the resources.
    """

    #: How many query answers (rankings, comparisons, estimates) are remembered.
    MEMO_SIZE = 4096

    def __init__(self, package: str = _resources.DEFAULT_PACKAGE) -> None:
        self.package = package
        self._lock = threading.RLock()
        self._cache: dict[Hashable, Any] = {}
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(package={self.package!r})"

    # caching ------------------------------------------------------------

    def _once(self, key: Hashable, load: Callable[[], T]) -> T:
        """Return the cached value for ``key``, loading it once under the lock."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = load()
            return self._cache[key]  # type: ignore[no-any-return]

    def _memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Remember a query's answer, least recently used first out.

        Resources are bounded by the data; answers are not (every ``n``,
        every pair of areas) and built estimates can reach 237,000, so they
        share a bounded memo. ``compute`` runs under the store's lock: a
        slow first ranking holds up other threads' first answers, never a
        remembered one for long.
        """
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]  # type: ignore[no-any-return]
            value = compute()
            self._answers[key] = value
            if len(self._answers) > self.MEMO_SIZE:
                self._answers.popitem(last=False)
            return value

    def clear_cache(self) -> None:
        """Forget everything loaded; the next call reads the resources again."""
        with self._lock:
            self._cache.clear()
            self._answers.clear()

    def _read(self, name: str, cls: type[T]) -> T:
        return structure(_resources.read_json(self.package, name), cls, name)

    # resources ----------------------------------------------------------

    @property
    def manifest(self) -> _records.Manifest:
        """What was built from which upstream files (checksums, row counts)."""

        def load() -> _records.Manifest:
            raw = _resources.read_json(self.package, "manifest.json")
            version = raw.get("schema_version") if isinstance(raw, dict) else None
            if version != SCHEMA_VERSION:
                raise DataIntegrityError(
                    f"packaged data has schema version {version!r}; this occprofile "
                    f"reads version {SCHEMA_VERSION}"
                )
            return structure(raw, _records.Manifest, "manifest.json")

        return self._once("manifest", load)

    def _reference(self) -> _records.ElementsFile:
        return self._once("elements", lambda: self._read("elements.json", _records.ElementsFile))

    def _elements(self) -> dict[str, Element]:
        def load() -> dict[str, Element]:
            return {
                eid: Element(eid, rec.name, rec.description, rec.domain)
                for eid, rec in self._reference().elements.items()
            }

        return self._once("element_objects", load)

    def _footnotes(self) -> dict[str, str]:
        return self._once(
            "oews_reference",
            lambda: self._read("oews_reference.json", _records.OewsReference),
        ).footnotes

    def _index(self) -> OccupationIndex:
        def load() -> OccupationIndex:
            return OccupationIndex(
                self._read("occupations.json", _records.OccupationsFile), self._titles
            )

        return self._once("occupations", load)

    def _titles(self) -> TitleData:
        def load() -> TitleData:
            return TitleData(self._read("titles.json.gz", _records.TitlesFile), self._index().onet)

        return self._once("titles", load)

    def _areas(self) -> AreaIndex:
        return self._once("areas", lambda: AreaIndex(self._read("areas.json", _records.AreasFile)))

    def _oews_rows(self, code: str) -> dict[str, _records.OewsRow]:
        def load() -> dict[str, _records.OewsRow]:
            name = f"oews/{code}.json.gz"
            shard = self._read(name, _records.OewsShard)
            if shard.code != code:
                raise DataIntegrityError(f"{name} holds {shard.code}, not {code}")
            return {row[0]: row for row in shard.estimates}

        return self._once(("oews", code), load)

    # releases -----------------------------------------------------------

    def releases(self) -> tuple[Release, ...]:
        """The upstream releases bundled here, with their credit lines."""
        return self.manifest.releases

    def release(self, key: str) -> Release:
        """One bundled release by key (``"onet"``, ``"oews"``)."""
        for r in self.releases():
            if r.key == key:
                return r
        raise KeyError(f"{key!r}: the releases are {[r.key for r in self.releases()]}")

    def citation(self) -> str:
        """The attribution text every use of the data should carry."""
        return "\n".join(r.credit for r in self.releases())

    def element(self, element_id: str) -> Element:
        """A Content Model element by id (``"2.A.1.a"``)."""
        try:
            return self._elements()[element_id]
        except KeyError:
            raise DataIntegrityError(f"unknown Content Model element {element_id!r}") from None

    # occupations --------------------------------------------------------

    def occupations(self, group: str | None = None) -> tuple[Occupation, ...]:
        """O*NET-SOC occupations with a profile, by code: all, or those in one SOC group.

        ``group`` is a major, minor or broad SOC group by code (``"29"``,
        ``"29-0000"``, ``"29-1020"``) or OEWS title ("Healthcare Practitioners
        and Technical Occupations").
        """
        if group is None:
            return tuple(self._index().onet.values())
        return self._index().within(group)

    def wage_occupations(self, level: str | None = None) -> tuple[WageOccupation, ...]:
        """All OEWS occupations, optionally of one SOC level (major, minor, broad, detailed)."""
        occs = tuple(self._index().oews.values())
        if level is None:
            return occs
        check_str(level, "level")
        wanted = level.strip().lower()  # as lenient as area kinds ("Metro")
        if wanted not in SOC_LEVELS:
            raise InvalidArgumentError(
                f"Unknown level {level!r}: choose one of {list(SOC_LEVELS)}."
            )
        return tuple(o for o in occs if o.level == wanted)

    def search(self, text: str, n: int = 10) -> tuple[SearchHit, ...]:
        """Occupations whose title or alternate titles best match ``text``, best first."""
        return self._index().search(text, n)

    def occupation(self, query: str) -> Occupation:
        """Resolve a code, title, alternate title or free text to an O*NET occupation."""
        return self._index().find(query)

    def wage_occupation(self, query: str) -> WageOccupation:
        """Resolve a query to the OEWS occupation whose estimates answer it."""
        return self._index().find_wage(query)

    # areas --------------------------------------------------------------

    def area(self, query: str) -> Area:
        """Resolve an area code, name, unambiguous part of a name, state or "national"."""
        return self._areas().find(query)

    def state(self, query: str) -> Area:
        """Resolve a state name, postal abbreviation or FIPS code to the state area."""
        return self._areas().state(query)

    def areas(
        self, kind: str | AreaKind | None = None, state: str | None = None
    ) -> tuple[Area, ...]:
        """OEWS areas, optionally of one kind and/or in one state (metros spanning it included)."""
        return self._areas().select(kind, state)

    def metros(self, state: str | None = None, include_nonmetro: bool = False) -> tuple[Area, ...]:
        """Metropolitan areas (and optionally nonmetro areas), by code."""
        check_bool(include_nonmetro, "include_nonmetro")
        kinds = {AreaKind.METRO, AreaKind.NONMETRO} if include_nonmetro else {AreaKind.METRO}
        return tuple(a for a in self.areas(state=state) if a.kind in kinds)

    # profiles -----------------------------------------------------------

    def profile(self, occupation: str) -> Profile:
        """The full O*NET profile of an occupation (wages: see ``national()``)."""
        occ = self.occupation(occupation)
        return self._once(("profile", occ.code), lambda: self._load_profile(occ))

    def _load_profile(self, occ: Occupation) -> Profile:
        name = f"onet/{occ.code}.json.gz"
        shard = self._read(name, _records.OnetShard)
        if shard.code != occ.code:
            raise DataIntegrityError(f"{name} holds {shard.code}, not {occ.code}")
        index = self._index()
        wage_occ = index.oews[occ.wage_code] if occ.wage_code else None
        return build_profile(
            occ,
            shard,
            ref=self._reference(),
            element=self.element,
            title_of=index.title_of,
            wage_occ=wage_occ,
        )

    def ratings_by_importance(self, query: str, domain: str, n: int | None = None) -> RatingSection:
        """One rating section sorted by importance, then level (both descending), then name."""
        return by_importance(self.profile(query), domain, n)

    # OEWS estimates -----------------------------------------------------

    def _estimate(self, occ: WageOccupation, area_code: str) -> Estimate | None:
        row = self._oews_rows(occ.code).get(area_code)
        if row is None:
            return None
        area = self._areas().by_code[area_code]
        return self._memo(
            ("estimate", occ.code, area_code),
            lambda: build_estimate(occ, area, row, self._footnotes()),
        )

    def _figure_in(self, occ: WageOccupation, area: Area, datatype: str) -> Figure:
        """One figure of an area's row (the area must have one)."""
        return figure_of(self._oews_rows(occ.code)[area.code], datatype, self._footnotes())

    def estimate(self, occupation: str, area: str) -> Estimate:
        """OEWS estimate for one occupation in one area (raises if BLS has no row)."""
        occ = self.wage_occupation(occupation)
        where = self.area(area)
        found = self._estimate(occ, where.code)
        if found is None:
            raise NoWageDataError(str(occ), where.name)
        return found

    def estimates(self, occupation: str) -> tuple[Estimate, ...]:
        """Every area's estimate for one occupation, by area code."""
        occ = self.wage_occupation(occupation)
        built = (self._estimate(occ, code) for code in sorted(self._oews_rows(occ.code)))
        return tuple(e for e in built if e is not None)

    def national(self, occupation: str) -> Estimate:
        """The national OEWS estimate for an occupation."""
        occ = self.wage_occupation(occupation)
        found = self._estimate(occ, NATIONAL_CODE)
        if found is None:
            raise NoWageDataError(str(occ))
        return found
