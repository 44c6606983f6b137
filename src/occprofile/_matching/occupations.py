"""Finding occupations from what people type, and the O*NET → OEWS link.

Rules, in order: a code in any usual spelling (``43-6013.00``, ``43-6013``,
``436013``); an exact O*NET title; an exact OEWS title; an exact alternate
or reported title (several occupations sharing one is ambiguous); then the
ranked search, accepted only when its best hit is near-exact and alone.
"Exact" forgives case, punctuation and plurals, but an alternate title
spelled exactly as typed beats a broad group's title that only matches as a
plural when it names one occupation of that group, other than its "All
Other" code: "Dentist" is Dentists, General (29-1021.00), not the broad
group "Dentists"; "Physician", an alternate title of 21 occupations, stays
the group "Physicians".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .._store.columnar import KeyedRecords
from ..errors import (
    AmbiguousOccupationError,
    DataIntegrityError,
    InvalidArgumentError,
    NoProfileError,
    NoWageDataError,
    UnknownOccupationError,
)
from ..models import Occupation, SocLevel, WageOccupation
from . import text as _lookup
from .arguments import check_choice, check_n, check_query, check_str
from .lay_terms import lay_rewrite

SOC_LEVELS: tuple[SocLevel, ...] = ("total", "major", "minor", "broad", "detailed")
#: SOC major group 55 (military): in O*NET, not in OEWS.
_MILITARY = "55-"
_CONFIDENT = 0.9
#: The resource :class:`OccupationIndex` reads.
OCCUPATIONS = "occupations.json"

if TYPE_CHECKING:
    from .._search_records import SearchHit
    from .._store.schema import OccupationsFile, TitlesFile


def soc_level(code: str) -> SocLevel:
    """The SOC hierarchy level a code's shape says (``43-6010`` is broad).

    OEWS's own ``display_level`` is a display indent, not the SOC level.
    """
    if code == "00-0000":
        return "total"
    if code.endswith("0000"):
        return "major"
    if code.endswith("00"):  # 43-6000, and SOC 2018's 15-1200, 31-1100
        return "minor"
    if code.endswith("0"):
        return "broad"
    return "detailed"


def in_soc_group(soc: str, group: str) -> bool:
    """Whether SOC code ``soc`` lies in ``group`` (any level, itself included).

    SOC levels are code shapes: a group's digits before its trailing zeros
    are the prefix its members share (29-1020 → 29102, 15-1200 → 1512).
    """
    return soc.replace("-", "").startswith(group.replace("-", "").rstrip("0"))


def major_group_code(text: str) -> str:
    """``text`` stripped, with a two-digit major group spelled out: ``"29"`` → ``"29-0000"``."""
    text = text.strip()
    folded = _lookup.fold_code(text)
    return f"{folded}-0000" if len(folded) == 2 and folded.isdecimal() else text


class TitleData:
    """Official, alternate and reported titles: the search index and exact-match lookups.

    ``rec`` is the index the build made (``titles.json.gz``): the official
    titles first, in ``occupations.json`` order, then the others. Read
    without going over every title: a first misspelling costs about what a
    first exact title does.
    """

    def __init__(
        self, rec: TitlesFile, onet: Mapping[str, Occupation] | Sequence[tuple[str, str]]
    ) -> None:
        # ``onet``: the occupations, or their (code, official title) pairs, in order.
        with _lookup.gc_paused():
            self.index = _lookup.PackedTitleIndex(titles_fields(rec), TITLES)
            if isinstance(onet, Mapping):
                official = [(o.code, "title", o.title) for o in onet.values()]
            else:
                official = [(code, "title", title) for code, title in onet]
        self._first = len(onet)
        if len(self.index) < self._first or self.index.entries(self._first) != official:
            raise DataIntegrityError(
                "its first titles are not the official titles of occupations.json, in order",
                resource=TITLES,
            )

    def exact(self, key: str) -> tuple[str, ...]:
        """Codes (in title order, once each) of the alternate and reported titles whose
        :func:`~.text.title_key` is ``key``."""
        return tuple(dict.fromkeys(self.index.entry(i)[0] for i in self._keyed(key)))

    def literal(self, norm: str) -> tuple[str, ...]:
        """The same for titles spelled as ``norm`` (:func:`~.text.normalize`, no plural folding)."""
        key = " ".join(_lookup.stem(w) for w in norm.split())
        index = self.index
        return tuple(
            dict.fromkeys(
                index.entry(i)[0] for i in self._keyed(key) if index.normalized_of(i) == norm
            )
        )

    def _keyed(self, key: str) -> list[int]:
        return [i for i in self.index.with_key(key) if i >= self._first]


#: The resource :class:`TitleData` reads.
TITLES = "titles.json.gz"


def titles_fields(rec: TitlesFile) -> dict[str, str]:
    """The text fields of ``titles.json.gz`` by name (:meth:`~.text.TitleIndex.packed`):
    the record's fields, as its schema declares them."""
    import attrs

    return {a.name: getattr(rec, a.name) for a in attrs.fields(type(rec))}


def titles_file(onet: Iterable[Occupation], others: Iterable[tuple[str, str, str]]) -> TitlesFile:
    """The ``titles.json.gz`` record of official titles ``onet`` and ``others``
    (``(code, kind, title)``): what the build writes, for tests of other titles."""
    from .._store.lookup_schema import TitlesFile

    entries = [(o.code, "title", o.title) for o in onet]
    entries.extend(others)
    return TitlesFile(**_lookup.TitleIndex(entries).packed())


class OccupationIndex:
    """Occupation lookups built once from ``occupations.json``.

    ``titles`` loads the (larger) title resource only when a lookup needs
    more than codes and official titles.
    """

    def __init__(self, rec: OccupationsFile, titles: Callable[[], TitleData]) -> None:
        self._titles = titles
        onet, oews = rec.onet, rec.oews
        self._onet_codes: list[str] = onet.column("code")
        self._wage_codes: list[str | None] = onet.column("wage_code")
        # Code -> row from the code columns alone: a record is made when first asked
        # for (a question by code makes only its own), all of them at once for a
        # listing or a lookup by title.
        self.onet: KeyedRecords[Occupation] = onet.keyed("code", OCCUPATIONS, "O*NET code")
        self._onet_titles: list[str] = onet.column("title")
        self._oews_codes: list[str] = oews.column("code")
        self._oews_titles: list[str] = oews.column("title")
        codes, titles_ = self._oews_codes, self._oews_titles
        self.oews: KeyedRecords[WageOccupation] = KeyedRecords(
            codes,
            lambda i: WageOccupation(codes[i], titles_[i], soc_level(codes[i])),
            lambda: map(WageOccupation, codes, titles_, map(soc_level, codes)),
            OCCUPATIONS,
            "OEWS code",
        )

    @functools.cached_property
    def _by_soc(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for code in self._onet_codes:
            found.setdefault(code[:7], []).append(code)
        return found

    @functools.cached_property
    def _by_wage_code(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for code, wage_code in zip(self._onet_codes, self._wage_codes, strict=True):
            if wage_code:
                found.setdefault(wage_code, []).append(code)
        return found

    def official_titles(self) -> list[tuple[str, str]]:
        """(code, title) of every O*NET occupation, in ``occupations.json`` order."""
        return list(zip(self._onet_codes, self._onet_titles, strict=True))

    @functools.cached_property
    def _by_title(self) -> dict[str, list[str]]:
        # Normalising every title is built on the first lookup by title, not by code,
        # from the title column: no record is made for it.
        found: dict[str, list[str]] = {}
        keys = _lookup.title_keys(self._onet_titles)
        for code, key in zip(self._onet_codes, keys, strict=True):
            found.setdefault(key, []).append(code)
        return found

    @functools.cached_property
    def _oews_by_title(self) -> dict[str, str]:
        found: dict[str, str] = {}
        keys = _lookup.title_keys(self._oews_titles)
        for code, key in zip(self._oews_codes, keys, strict=True):
            # "Cashiers" is both 41-2010 and 41-2011: the detailed code is the one meant.
            if key not in found or soc_level(code) == "detailed":
                found[key] = code
        return found

    def title_of(self, code: str) -> str:
        occ = self.onet.get(code)
        return occ.title if occ else code

    def _near(self, soc: str) -> list[str]:
        """Suggestions for an unknown code: occupations sharing its broad, else minor, group."""
        for prefix in (soc[:6], soc[:4], soc[:2]):
            near = [c for c in self.onet if c.startswith(prefix)]
            if near:
                return [str(self.onet[c]) for c in near[:8]]
        return []

    def of_level(self, level: str | None) -> tuple[WageOccupation, ...]:
        """All OEWS occupations, or those of one SOC level (any case: ``"Detailed"``)."""
        occs = tuple(self.oews.values())
        if level is None:
            return occs
        check_str(level, "level")
        wanted = check_choice(level.strip().lower(), SOC_LEVELS, "level")
        return tuple(o for o in occs if o.level == wanted)

    def ranked_hits(self, text: str, n: int) -> tuple[SearchHit, ...]:
        """Occupations whose title or alternate titles best match ``text``, best first."""
        from .._search_records import SearchHit

        check_query(text, "search text")
        check_n(n)
        if not _lookup.normalize(text):
            raise InvalidArgumentError("Empty search text: pass words to look for.")
        if _lookup.looks_like_code(text) and (by_code := self._search_code(text)) is not None:
            return by_code[:n]
        titles = self._titles()
        found, official = titles.index.best_by_key(text)
        best: dict[str, tuple[float, str, str]] = {}
        for code, (score, i) in found.items():
            _, kind, title = titles.index.entry(i)
            best[code] = (score, kind, title)
        # Equal scores: the occupation whose official title fits the query better
        # wins ("truck driver" is an alternate title of several occupations), then,
        # for a lay word, the one whose titles fit its official word ("doctor":
        # Dermatologists, also "Dermatology Physician", before Therapists, All Other).
        lay: dict[str, float] = {}
        if (official_words := lay_rewrite(text)) is not None:
            by_key, _ = titles.index.best_by_key(official_words)
            lay = {c: score for c, (score, _) in by_key.items()}
        ranked = sorted(
            best, key=lambda c: (-best[c][0], -official.get(c, 0.0), -lay.get(c, 0.0), c)
        )
        return tuple(
            SearchHit(self.onet[c], best[c][2], best[c][1], best[c][0]) for c in ranked[:n]
        )

    def _search_code(self, text: str) -> tuple[SearchHit, ...] | None:
        """A pasted code finds its occupations: a SOC code its specialties, a group its members.

        ``None`` for digits that are no code ("911"): the caller then searches
        titles ("911 Dispatcher"). A well-formed code nobody has finds ``()``.
        """
        from .._search_records import SearchHit

        text = major_group_code(text)
        try:
            soc, onet_code = _lookup.parse_occupation_code(text)
        except ValueError:
            return None
        if onet_code is not None:
            codes = [onet_code] if onet_code in self.onet else []
        elif soc_level(soc) == "detailed":
            codes = sorted(self._by_soc.get(soc, []))
        else:
            try:
                codes = [o.code for o in self.within(soc)]
            except LookupError:
                codes = []
        return tuple(SearchHit(self.onet[c], self.onet[c].title, "code", 1.0) for c in codes)

    def find(self, query: str) -> Occupation:
        """Resolve a code, title, alternate title or free text to an O*NET occupation."""
        check_query(query, "occupation")
        text = major_group_code(query)
        if _lookup.looks_like_code(text):
            soc, onet_code = _lookup.parse_occupation_code(text)
            if onet_code is None:
                return self._for_soc(query, soc)
            if onet_code in self.onet:
                return self.onet[onet_code]
            raise UnknownOccupationError(query, self._near(soc))
        key = _lookup.title_key(text)
        if not key:
            raise InvalidArgumentError(
                "Empty occupation query: pass a code, a title or words to search."
            )
        codes = self._by_title.get(key)
        if codes is None and (oews_code := self._oews_title(text, key)) is not None:
            return self._for_soc(query, oews_code)
        if codes is None:
            codes = sorted(self._titles().exact(key))
        if len(codes) > 1:
            raise AmbiguousOccupationError(query, [str(self.onet[c]) for c in codes])
        if codes:
            return self.onet[codes[0]]
        hits = self.ranked_hits(query, n=5)
        if (
            hits
            and hits[0].score >= _CONFIDENT
            and (len(hits) == 1 or hits[1].score < hits[0].score)
        ):
            return hits[0].occupation
        raise UnknownOccupationError(query, [str(h.occupation) for h in hits])

    def within(self, group: str) -> tuple[Occupation, ...]:
        """O*NET occupations inside a SOC group, given its code or OEWS title.

        ``"29"``, ``"29-0000"`` and ``"Healthcare Practitioners and Technical
        Occupations"`` name the same major group; minor (``29-1000``) and
        broad (``29-1020``) groups work the same way. A group OEWS does not
        publish (military, ``55-0000``) is accepted by code.
        """
        check_query(group, "group")
        text = major_group_code(group)
        if not _lookup.normalize(text):
            raise InvalidArgumentError("Empty group: pass a SOC group code or title.")
        not_a_group = (
            f"{group!r} is an occupation, not a group: pass a major (29-0000), "
            "minor (29-1000) or broad (29-1020) SOC group, by code or title."
        )
        if _lookup.looks_like_code(text):
            soc, onet_code = _lookup.parse_occupation_code(text)
            if onet_code is not None or soc_level(soc) == "detailed":
                raise InvalidArgumentError(not_a_group)
            # A group must exist: OEWS publishes every SOC group but the military ones.
            if soc not in self.oews and not soc.startswith(_MILITARY):
                near = [
                    str(w)
                    for prefix in (soc[:4], soc[:2])
                    for w in self.oews.values()
                    if w.code.startswith(prefix) and w.level in ("major", "minor", "broad")
                ]
                raise UnknownOccupationError(
                    group, list(dict.fromkeys(near))[:8], detail=f"No SOC group has the code {soc}."
                )
        else:
            # Alternate titles name occupations, not groups: OEWS titles only.
            code = self._oews_by_title.get(_lookup.title_key(text))
            if code is None:
                groups = {
                    _lookup.title_key(w.title): f"{w.code} {w.title}"
                    for w in self.oews.values()
                    if w.level != "detailed"
                }
                suggestions = _lookup.suggest(_lookup.title_key(text), groups)
                raise UnknownOccupationError(
                    group, suggestions, detail=f"Unknown SOC group: {group!r}."
                )
            if soc_level(code) == "detailed":
                raise InvalidArgumentError(not_a_group)
            soc = code
        found = tuple(o for o in self.onet.values() if in_soc_group(o.soc_code, soc))
        if not found:
            raise UnknownOccupationError(
                group, detail=f"No O*NET occupation lies in SOC group {soc} ({group!r})."
            )
        return found

    def _oews_title(self, text: str, key: str) -> str | None:
        """The OEWS code whose title ``text`` names, unless an alternate title fits better.

        A broad group's title matched only through plural folding gives way
        to an alternate title spelled exactly as typed that names a single
        occupation inside that group, unless that occupation is the group's
        "All Other" remainder ("Dentist" is 29-1021.00, not 29-1020; "Logging
        Worker" stays 45-4020, not 45-4029 Logging Workers, All Other).
        """
        code = self._oews_by_title.get(key)
        if code is None:
            return None
        typed = _lookup.normalize(text)
        if typed == _lookup.normalize(self.oews[code].title) or soc_level(code) != "broad":
            return code
        named = self._titles().literal(typed)
        if len(named) != 1:
            return code
        soc = self.onet[next(iter(named))].soc_code
        if in_soc_group(soc, code) and not soc.endswith("9"):
            return None
        return code

    def _for_soc(self, query: str, soc: str) -> Occupation:
        """A SOC code's O*NET occupation: its ``.00`` code, or its only child."""
        if f"{soc}.00" in self.onet:
            return self.onet[f"{soc}.00"]
        children = self._by_soc.get(soc, [])
        if len(children) == 1:
            return self.onet[children[0]]
        if children:
            raise AmbiguousOccupationError(query, [str(self.onet[c]) for c in children])
        if soc in self.oews:
            # O*NET occupations paid from this code, else those inside its group.
            related = [str(self.onet[c]) for c in self._by_wage_code.get(soc, [])]
            raise NoProfileError(query, related[:8] or self._near(soc.rstrip("0")))
        raise UnknownOccupationError(query, self._near(soc))

    def find_wage(self, query: str) -> WageOccupation:
        """Resolve a query to the OEWS occupation whose estimates answer it.

        OEWS codes with no O*NET profile (broad groups, ``00-0000``) are
        accepted as codes or exact OEWS titles; an O*NET occupation maps to
        its ``wage_code``.
        """
        check_query(query, "occupation")
        text = major_group_code(query)
        if _lookup.looks_like_code(text):
            soc, onet_code = _lookup.parse_occupation_code(text)
            if onet_code is None and soc in self.oews:
                return self.oews[soc]
        elif (code := self._oews_title(text, _lookup.title_key(text))) is not None:
            return self.oews[code]
        occ = self.find(query)
        if occ.wage_code is None:
            raise NoWageDataError(str(occ))
        return self.oews[occ.wage_code]
