"""The data store: lazy, cached, thread-safe access to the packaged resources.

Nothing is read at import or construction time. Each resource is read on
first use under one lock (double-checked, so warm calls take no lock) and
kept: the occupation index and areas are small; an occupation's O*NET
content and its OEWS estimates are separate files, read only when asked.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from . import _lookup, _records, _resources
from ._converter import structure
from .errors import (
    AmbiguousAreaError,
    AmbiguousOccupationError,
    DataIntegrityError,
    NoProfileError,
    NoWageDataError,
    UnknownAreaError,
    UnknownOccupationError,
)
from .models import (
    Area,
    AreaKind,
    EducationShare,
    Element,
    Estimate,
    Figure,
    Interest,
    JobZone,
    Occupation,
    Profile,
    Rating,
    RatingSection,
    RelatedOccupation,
    Release,
    SearchHit,
    Status,
    WageOccupation,
)

T = TypeVar("T")

SCHEMA_VERSION = 1

#: Estimate attribute for each OEWS datatype code, in datatype order.
DATATYPE_FIELDS: dict[str, str] = {
    "01": "employment",
    "02": "employment_rse",
    "03": "hourly_mean",
    "04": "annual_mean",
    "05": "wage_rse",
    "06": "hourly_p10",
    "07": "hourly_p25",
    "08": "hourly_median",
    "09": "hourly_p75",
    "10": "hourly_p90",
    "11": "annual_p10",
    "12": "annual_p25",
    "13": "annual_median",
    "14": "annual_p75",
    "15": "annual_p90",
    "16": "jobs_per_1000",
    "17": "location_quotient",
}
_DATATYPE_INDEX = {dt: i for i, dt in enumerate(DATATYPE_FIELDS)}
_HOURLY = frozenset({"03", "06", "07", "08", "09", "10"})
_ANNUAL = frozenset({"04", "11", "12", "13", "14", "15"})
_FOOTNOTE_NOT_RELEASED = "8"
_FOOTNOTE_ONE_UNIT_ONLY = "4"
_FOOTNOTE_TOP_CODED = "5"
_TOP_CODE = re.compile(r"\$([\d,.]+) per hour or \$([\d,.]+) per year")

SOC_LEVELS = ("total", "major", "minor", "broad", "detailed")
_NATIONAL_ALIASES = frozenset({"national", "nation", "us", "u s", "usa", "united states"})


class DataStore:
    """Loading, caching and lookups over one bundled data release.

    The public :class:`occprofile.Dataset` adds the queries on top.
    ``package`` names the importable package holding the resources.
    """

    def __init__(self, package: str = _resources.DEFAULT_PACKAGE) -> None:
        self.package = package
        self._lock = threading.RLock()
        self._cache: dict[Hashable, Any] = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(package={self.package!r})"

    # ------------------------------------------------------------------
    # caching

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

    def clear_cache(self) -> None:
        """Forget everything loaded; the next call reads the resources again."""
        with self._lock:
            self._cache.clear()

    def _read(self, name: str, cls: type[T]) -> T:
        return structure(_resources.read_json(self.package, name), cls, name)

    # ------------------------------------------------------------------
    # reference resources

    @property
    def manifest(self) -> _records.Manifest:
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

    def releases(self) -> tuple[Release, ...]:
        """The upstream releases bundled here, with their credit lines."""
        return self.manifest.releases

    def release(self, key: str) -> Release:
        for r in self.releases():
            if r.key == key:
                return r
        raise KeyError(key)

    def citation(self) -> str:
        """The attribution text every use of the data should carry."""
        return "\n".join(r.credit for r in self.releases())

    def _elements_file(self) -> _records.ElementsFile:
        return self._once(
            "elements_file", lambda: self._read("elements.json", _records.ElementsFile)
        )

    def _elements(self) -> dict[str, Element]:
        def load() -> dict[str, Element]:
            return {
                eid: Element(id=eid, name=rec.name, description=rec.description, domain=rec.domain)
                for eid, rec in self._elements_file().elements.items()
            }

        return self._once("elements", load)

    def element(self, element_id: str) -> Element:
        try:
            return self._elements()[element_id]
        except KeyError:
            raise DataIntegrityError(f"unknown Content Model element {element_id!r}") from None

    def _oews_reference(self) -> _records.OewsReference:
        return self._once(
            "oews_reference", lambda: self._read("oews_reference.json", _records.OewsReference)
        )

    # ------------------------------------------------------------------
    # occupations

    def _index(self) -> _OccupationIndex:
        return self._once("index", self._load_index)

    def _load_index(self) -> _OccupationIndex:
        rec = self._read("occupations.json", _records.OccupationsFile)
        return _OccupationIndex(rec)

    def occupations(self) -> tuple[Occupation, ...]:
        """All O*NET-SOC occupations with a profile, by code."""
        return tuple(self._index().onet.values())

    def wage_occupations(self, level: str | None = None) -> tuple[WageOccupation, ...]:
        """All OEWS occupations, optionally of one level (major, minor, broad, detailed)."""
        occs = tuple(self._index().oews.values())
        if level is None:
            return occs
        if level not in SOC_LEVELS:
            raise ValueError(f"Unknown level {level!r}: choose one of {list(SOC_LEVELS)}.")
        return tuple(o for o in occs if o.level == level)

    def _titles(self) -> _TitleData:
        return self._once("titles", self._load_titles)

    def _load_titles(self) -> _TitleData:
        rec = self._read("titles.json.gz", _records.TitlesFile)
        index = self._index()
        entries = [(o.code, "title", o.title) for o in index.onet.values()]
        entries.extend(rec.titles)
        exact: dict[str, set[str]] = {}
        for code, _kind, title in rec.titles:
            exact.setdefault(_lookup.normalize(title), set()).add(code)
        return _TitleData(_lookup.TitleIndex(entries), exact)

    def search(self, text: str, n: int = 10) -> tuple[SearchHit, ...]:
        """Occupations whose title or alternate titles best match ``text``."""
        _check_str(text, "text")
        _check_n(n)
        titles = self._titles()
        onet = self._index().onet
        hits: list[SearchHit] = []
        seen: set[str] = set()
        for score, i in titles.index.search(text):
            code, kind, title = titles.index.entry(i)
            if code in seen:
                continue
            seen.add(code)
            hits.append(SearchHit(onet[code], title, kind, score))
            if len(hits) == n:
                break
        return tuple(hits)

    def occupation(self, query: str) -> Occupation:
        """Resolve a code, title, alternate title or free text to an O*NET occupation."""
        _check_str(query, "occupation")
        index = self._index()
        text = query.strip()
        if _lookup.looks_like_code(text):
            soc, onet_code = _lookup.parse_occupation_code(text)
            if onet_code is not None:
                if onet_code in index.onet:
                    return index.onet[onet_code]
                raise UnknownOccupationError(query, index.codes_near(soc))
            return self._occupation_for_soc(query, soc)
        norm = _lookup.normalize(text)
        if not norm:
            raise ValueError("Empty occupation query: pass a code, a title or words to search.")
        codes = index.by_title.get(norm)
        if codes is None and norm in index.oews_by_title:
            return self._occupation_for_soc(query, index.oews_by_title[norm])
        if codes is None:
            codes = sorted(self._titles().exact.get(norm, ()))
        if len(codes) == 1:
            return index.onet[codes[0]]
        if len(codes) > 1:
            raise AmbiguousOccupationError(query, [str(index.onet[c]) for c in codes])
        return self._occupation_by_search(query)

    def _occupation_for_soc(self, query: str, soc: str) -> Occupation:
        index = self._index()
        children = index.by_soc.get(soc, [])
        if f"{soc}.00" in index.onet:
            return index.onet[f"{soc}.00"]
        if len(children) == 1:
            return index.onet[children[0]]
        if children:
            raise AmbiguousOccupationError(query, [str(index.onet[c]) for c in children])
        if soc in index.oews:
            related = [str(index.onet[c]) for c in index.by_wage_code.get(soc, [])]
            raise NoProfileError(query, related[:8])
        raise UnknownOccupationError(query, index.codes_near(soc))

    def _occupation_by_search(self, query: str) -> Occupation:
        hits = self.search(query, n=5)
        if hits and hits[0].score >= 0.9 and (len(hits) == 1 or hits[1].score < hits[0].score):
            return hits[0].occupation
        raise UnknownOccupationError(query, [str(h.occupation) for h in hits])

    def wage_occupation(self, query: str) -> WageOccupation:
        """Resolve a query to the OEWS occupation whose estimates answer it.

        OEWS codes with no O*NET profile (broad groups, ``00-0000``) are
        accepted as codes or exact OEWS titles; an O*NET occupation maps to
        its ``wage_code``.
        """
        _check_str(query, "occupation")
        index = self._index()
        text = query.strip()
        if _lookup.looks_like_code(text):
            soc, onet_code = _lookup.parse_occupation_code(text)
            if onet_code is None and soc in index.oews:
                return index.oews[soc]
        elif _lookup.normalize(text) in index.oews_by_title:
            return index.oews[index.oews_by_title[_lookup.normalize(text)]]
        occ = self.occupation(query)
        if occ.wage_code is None:
            raise NoWageDataError(str(occ))
        return index.oews[occ.wage_code]

    # ------------------------------------------------------------------
    # areas

    def _areas(self) -> _AreaIndex:
        return self._once("areas", lambda: _AreaIndex(self._read("areas.json", _records.AreasFile)))

    def areas(
        self, kind: str | AreaKind | None = None, state: str | None = None
    ) -> tuple[Area, ...]:
        """OEWS areas, optionally of one kind and/or in one state (metros spanning it included)."""
        found: list[Area] = list(self._areas().by_code.values())
        if kind is not None:
            wanted = _area_kind(kind)
            found = [a for a in found if a.kind is wanted]
        if state is not None:
            postal = self.state(state).states[0]
            found = [a for a in found if postal in a.states and a.kind is not AreaKind.STATE]
        return tuple(found)

    def metros(self, state: str | None = None, include_nonmetro: bool = False) -> tuple[Area, ...]:
        """Metropolitan areas (and optionally nonmetro areas), by code."""
        kinds = {AreaKind.METRO, AreaKind.NONMETRO} if include_nonmetro else {AreaKind.METRO}
        return tuple(a for a in self.areas(state=state) if a.kind in kinds)

    def state(self, query: str) -> Area:
        """Resolve a state name, postal abbreviation or FIPS code to the state area."""
        _check_str(query, "state")
        areas = self._areas()
        text = query.strip()
        norm = _lookup.normalize(text)
        if text.isdigit():
            code = _lookup.parse_area_code(text.zfill(2) if len(text) == 1 else text)
            found = areas.by_code.get(code)
        else:
            found = areas.states_by_name.get(norm) or areas.states_by_postal.get(norm)
        if found is None or found.kind is not AreaKind.STATE:
            names = [a.name for a in areas.by_code.values() if a.kind is AreaKind.STATE]
            raise UnknownAreaError(query, _lookup.close_matches(text, names))
        return found

    def area(self, query: str) -> Area:
        """Resolve an area code, name, unambiguous part of a name, state or "national"."""
        _check_str(query, "area")
        areas = self._areas()
        text = query.strip()
        if text.isdigit():
            code = _lookup.parse_area_code(text)
            if code in areas.by_code:
                return areas.by_code[code]
            raise UnknownAreaError(query, [])
        norm = _lookup.normalize(text)
        if not norm:
            raise ValueError("Empty area query: pass an area code or name.")
        if norm in _NATIONAL_ALIASES:
            return areas.by_code["0000000"]
        exact = areas.exact.get(norm, set()) | areas.city_parts.get(norm, set())
        if norm in areas.states_by_postal:
            exact.add(areas.states_by_postal[norm].code)
        if len(exact) == 1:
            return areas.by_code[next(iter(exact))]
        contains = {code for code, n in areas.normalized.items() if f" {norm} " in f" {n} "}
        if len(exact) > 1:
            candidates = sorted(exact | contains)
            raise AmbiguousAreaError(query, [areas.describe(c) for c in candidates])
        if len(contains) == 1:
            return areas.by_code[next(iter(contains))]
        if contains:
            raise AmbiguousAreaError(query, [areas.describe(c) for c in sorted(contains)])
        names = [a.name for a in areas.by_code.values()]
        raise UnknownAreaError(query, _lookup.close_matches(text, names))

    # ------------------------------------------------------------------
    # O*NET profiles

    def profile(self, query: str) -> Profile:
        """The full O*NET profile of an occupation (wages: see ``national()``)."""
        occ = self.occupation(query)
        return self._once(("profile", occ.code), lambda: self._load_profile(occ))

    def _load_profile(self, occ: Occupation) -> Profile:
        name = f"onet/{occ.code}.json.gz"
        shard = self._read(name, _records.OnetShard)
        if shard.code != occ.code:
            raise DataIntegrityError(f"{name} holds {shard.code}, not {occ.code}")
        ref = self._elements_file()
        index = self._index()
        job_zone = None
        if shard.job_zone is not None:
            z = ref.job_zones[str(shard.job_zone)]
            job_zone = JobZone(
                shard.job_zone,
                z.name,
                z.experience,
                z.education,
                z.training,
                z.examples,
                z.svp_range,
            )
        education = tuple(
            EducationShare(
                scale=e.scale,
                category=e.category,
                label=_category_label(ref, e.scale, e.category),
                percent=e.percent,
                n=e.n,
                standard_error=e.standard_error,
                lower_ci=e.lower_ci,
                upper_ci=e.upper_ci,
                recommend_suppress=e.recommend_suppress,
            )
            for e in shard.education
        )
        related = tuple(
            RelatedOccupation(r.code, index.title_of(r.code), r.tier, r.index)
            for r in shard.related
        )
        interests = tuple(
            Interest(self.element(i.element_id), i.scale, i.value) for i in shard.interests
        )
        ratings = shard.ratings
        wage_occ = index.oews.get(occ.wage_code) if occ.wage_code else None
        return Profile(
            occupation=occ,
            description=shard.description,
            job_zone=job_zone,
            alternate_titles=shard.alternate_titles,
            reported_titles=shard.reported_titles,
            tasks=shard.tasks,
            education=education,
            related=related,
            interests=interests,
            technology_skills=shard.technology_skills,
            skills=self._section("skills", ratings.skills),
            knowledge=self._section("knowledge", ratings.knowledge),
            abilities=self._section("abilities", ratings.abilities),
            work_activities=self._section("work_activities", ratings.work_activities),
            work_styles=self._section("work_styles", ratings.work_styles),
            wage_occupation=wage_occ,
        )

    def _section(
        self, domain: str, records: tuple[_records.RatingRecord, ...] | None
    ) -> RatingSection:
        label = domain.replace("_", " ")
        if records is None:
            return RatingSection(
                domain,
                available=False,
                ratings=(),
                note=f"No {label} ratings for this occupation in the bundled O*NET 29.3 data.",
            )
        ratings = tuple(Rating(self.element(r.element_id), r.importance, r.level) for r in records)
        note = None
        if ratings and all(r.level is None for r in ratings):
            note = (
                f"Importance only: O*NET 29.3 as bundled has no level ratings of {label} "
                "for this occupation."
            )
        return RatingSection(domain, available=True, ratings=ratings, note=note)

    def ratings_by_importance(self, query: str, domain: str, n: int | None = None) -> RatingSection:
        """One rating section sorted by importance, then level, then name (both descending)."""
        if n is not None:
            _check_n(n)
        sections = ("skills", "knowledge", "abilities", "work_activities", "work_styles")
        if domain not in sections:
            raise ValueError(f"Unknown rating domain {domain!r}: choose one of {list(sections)}.")
        section: RatingSection = getattr(self.profile(query), domain)
        ranked = sorted(section.ratings, key=_importance_key)
        if n is not None:
            ranked = ranked[:n]
        return RatingSection(section.domain, section.available, tuple(ranked), section.note)

    # ------------------------------------------------------------------
    # OEWS estimates

    def _oews_rows(self, code: str) -> dict[str, _records.OewsRow]:
        def load() -> dict[str, _records.OewsRow]:
            name = f"oews/{code}.json.gz"
            shard = self._read(name, _records.OewsShard)
            if shard.code != code:
                raise DataIntegrityError(f"{name} holds {shard.code}, not {code}")
            return {row[0]: row for row in shard.estimates}

        return self._once(("oews", code), load)

    def _parse_figure(self, datatype: str, text: str | None, footnote: str | None) -> Figure:
        notes = self._oews_reference().footnotes
        note_text = notes.get(footnote) if footnote else None
        if footnote and note_text is None:
            raise DataIntegrityError(f"unknown OEWS footnote code {footnote!r}")
        if text is None:
            return Figure(Status.NOT_APPLICABLE, None, None, note_text)
        if text != "-":
            try:
                value = float(text)
            except ValueError:
                raise DataIntegrityError(f"unreadable OEWS value {text!r}") from None
            return Figure(Status.RELEASED, value, text, note_text)
        if footnote == _FOOTNOTE_TOP_CODED and note_text is not None:
            m = _TOP_CODE.search(note_text)
            bound = None
            if m:
                hourly, annual = (float(g.replace(",", "")) for g in m.groups())
                bound = hourly if datatype in _HOURLY else annual if datatype in _ANNUAL else None
            return Figure(Status.TOP_CODED, None, text, note_text, bound)
        if footnote == _FOOTNOTE_ONE_UNIT_ONLY:
            status = Status.ANNUAL_ONLY if datatype in _HOURLY else Status.HOURLY_ONLY
            return Figure(status, None, text, note_text)
        return Figure(Status.NOT_RELEASED, None, text, note_text)

    def _estimate(self, occ: WageOccupation, area_code: str) -> Estimate | None:
        row = self._oews_rows(occ.code).get(area_code)
        if row is None:
            return None

        def build() -> Estimate:
            _, values, footnotes = row
            if len(values) != len(DATATYPE_FIELDS):
                raise DataIntegrityError(
                    f"OEWS row {occ.code}/{area_code} has {len(values)} values"
                )
            figures = {
                name: self._parse_figure(dt, values[i], footnotes.get(dt))
                for i, (dt, name) in enumerate(DATATYPE_FIELDS.items())
            }
            return Estimate(occupation=occ, area=self._areas().by_code[area_code], **figures)

        return self._once(("estimate", occ.code, area_code), build)

    def estimate(self, occupation: str, area: str) -> Estimate:
        """OEWS estimate for one occupation in one area (raises if BLS has no row)."""
        occ = self.wage_occupation(occupation)
        where = self.area(area)
        found = self._estimate(occ, where.code)
        if found is None:
            raise UnknownAreaError(f"{where.name} (no OEWS May 2025 estimate for {occ})", [])
        return found

    def estimates(self, occupation: str) -> tuple[Estimate, ...]:
        """Every area's estimate for one occupation, by area code."""
        occ = self.wage_occupation(occupation)
        built = (self._estimate(occ, code) for code in sorted(self._oews_rows(occ.code)))
        return tuple(e for e in built if e is not None)

    def _figure_in(self, occ: WageOccupation, area_code: str, datatype: str) -> Figure | None:
        """One figure of one area's row (``None`` if OEWS has no row there).

        Rankings read one figure of every area: this skips building the
        other 16 until an area makes the cut.
        """
        row = self._oews_rows(occ.code).get(area_code)
        if row is None:
            return None
        index = _DATATYPE_INDEX[datatype]
        return self._parse_figure(datatype, row[1][index], row[2].get(datatype))


class _OccupationIndex:
    """Occupation lookups built once from ``occupations.json``."""

    def __init__(self, rec: _records.OccupationsFile) -> None:
        self.onet: dict[str, Occupation] = {o.code: o for o in rec.onet}
        self.oews: dict[str, WageOccupation] = {
            o.code: WageOccupation(o.code, o.title, soc_level(o.code)) for o in rec.oews
        }
        self.by_title: dict[str, list[str]] = {}
        self.by_soc: dict[str, list[str]] = {}
        self.by_wage_code: dict[str, list[str]] = {}
        for o in rec.onet:
            self.by_title.setdefault(_lookup.normalize(o.title), []).append(o.code)
            self.by_soc.setdefault(o.soc_code, []).append(o.code)
            if o.wage_code:
                self.by_wage_code.setdefault(o.wage_code, []).append(o.code)
        self.oews_by_title: dict[str, str] = {}
        for w in rec.oews:
            self.oews_by_title.setdefault(_lookup.normalize(w.title), w.code)

    def title_of(self, code: str) -> str:
        occ = self.onet.get(code)
        return occ.title if occ else code

    def codes_near(self, soc: str) -> list[str]:
        """Suggestions for an unknown code: occupations sharing its broad group."""
        prefix = soc[:6]
        near = [str(o) for c, o in self.onet.items() if c.startswith(prefix)]
        if not near:
            near = [str(o) for c, o in self.onet.items() if c.startswith(soc[:4])]
        return near[:8]


class _TitleData:
    def __init__(self, index: _lookup.TitleIndex, exact: dict[str, set[str]]) -> None:
        self.index = index
        self.exact = exact


class _AreaIndex:
    """Area lookups built once from ``areas.json``."""

    def __init__(self, rec: _records.AreasFile) -> None:
        self.by_code: dict[str, Area] = {a.code: a for a in rec.areas}
        self.normalized: dict[str, str] = {a.code: _lookup.normalize(a.name) for a in rec.areas}
        self.exact: dict[str, set[str]] = {}
        self.city_parts: dict[str, set[str]] = {}
        self.states_by_name: dict[str, Area] = {}
        self.states_by_postal: dict[str, Area] = {}
        for a in rec.areas:
            self.exact.setdefault(_lookup.normalize(a.name), set()).add(a.code)
            self.exact.setdefault(_lookup.normalize(a.short_name), set()).add(a.code)
            if a.kind is AreaKind.METRO:
                for part in a.short_name.split("-"):
                    self.city_parts.setdefault(_lookup.normalize(part), set()).add(a.code)
            if a.kind is AreaKind.STATE:
                self.states_by_name[_lookup.normalize(a.name)] = a
                if a.states:
                    self.states_by_postal[a.states[0].lower()] = a

    def describe(self, code: str) -> str:
        a = self.by_code[code]
        return f"{a.name} [{a.kind.value} {a.code}]"


def soc_level(code: str) -> str:
    """The SOC hierarchy level a code's shape says (``43-6010`` is broad).

    OEWS's own ``display_level`` is a display indent, not the SOC level.
    """
    if code == "00-0000":
        return "total"
    if code.endswith("0000"):
        return "major"
    if code.endswith("000"):
        return "minor"
    if code.endswith("0"):
        return "broad"
    return "detailed"


def _importance_key(r: Rating) -> tuple[int, float, float, str]:
    imp = r.importance.value if r.importance else 0.0
    lvl = r.level.value if r.level else -1.0
    return (r.importance is None, -imp, -lvl, r.name)


def _category_label(ref: _records.ElementsFile, scale: str, category: int) -> str:
    try:
        return ref.education_categories[scale].categories[str(category)]
    except KeyError:
        raise DataIntegrityError(f"no label for education category {scale}/{category}") from None


def _area_kind(kind: str | AreaKind) -> AreaKind:
    if isinstance(kind, AreaKind):
        return kind
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str or AreaKind, not {type(kind).__name__}")
    try:
        return AreaKind(kind)
    except ValueError:
        raise ValueError(
            f"Unknown area kind {kind!r}: choose one of {[k.value for k in AreaKind]}."
        ) from None


def _check_str(value: object, what: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}: {value!r}")


def _check_n(n: object) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int, not {type(n).__name__}: {n!r}")
    if n <= 0:
        raise ValueError(f"n must be a positive number of results, got {n}")
