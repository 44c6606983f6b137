"""What the answers read: the store's resources, indexed and turned into records once.

Every answer module takes a :class:`Sources`; it hands out the packaged
files as schema records (through the :class:`Store`'s cache) and the
lookup indexes built from them (``_matching``). Memoised per store, so two
``Dataset`` objects over the same store share nothing but the package name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._matching.areas import NATIONAL_CODE, AreaIndex
from .._matching.occupations import OccupationIndex, TitleData
from .._store import schema
from .._store.layout import oews_shard, onet_shard
from ..errors import DataIntegrityError
from .figures import build_estimate, figure_of

if TYPE_CHECKING:
    from .._store import career_schema, onet_schema
    from .._store.columnar import KeyedRecords, RecordColumns
    from .._store.oews_columns import BlockRows
    from .._store.store import Store
    from ..career import Certifications
    from ..models import Area, Element, Estimate, Figure, Occupation, Profile, WageOccupation
    from .similarity import Vectors


#: A release's file and its table of columns.
_RELEASES = {
    "projections": ("projections.json.gz", "projections"),
    "projections_2024": ("projections_2024_34.json.gz", "projections"),
    "oes_2019": ("oes_2019.json.gz", "occupations"),
}


class Sources:
    """The resources of one store, loaded on first use."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # O*NET reference and OEWS footnotes -----------------------------------

    # The O*NET records are created on the first O*NET question, not at import.

    def reference(self) -> onet_schema.ElementsFile:
        from .._store import onet_schema

        return self.store.once(
            "elements", lambda: self.store.read("elements.json", onet_schema.ElementsFile)
        )

    def elements(self) -> KeyedRecords[Element]:
        """Content Model id -> element, each made when first asked for (a profile shows
        a few hundred of the 627)."""

        def load() -> KeyedRecords[Element]:
            return self.reference().elements.keyed("id", "elements.json", "element id")

        return self.store.once("element_objects", load)

    def onet_reference(self) -> onet_schema.SharedTitles:
        """DWA, IWA and tool commodity titles, shared by the profiles."""
        from .._store import onet_schema

        def load() -> onet_schema.SharedTitles:
            name = "onet_reference.json.gz"
            file = self.store.read(name, onet_schema.OnetReferenceFile)
            return onet_schema.SharedTitles(file, name)

        return self.store.once("onet_reference", load)

    def footnotes(self) -> dict[str, str]:
        return self.store.once(
            "oews_reference",
            lambda: self.store.read("oews_reference.json", schema.OewsReference),
        ).footnotes

    # lookups --------------------------------------------------------------

    def occupations(self) -> OccupationIndex:
        def load() -> OccupationIndex:
            return OccupationIndex(
                self.store.read("occupations.json", schema.OccupationsFile), self.titles
            )

        return self.store.once("occupations", load)

    def titles(self) -> TitleData:
        def load() -> TitleData:
            rec = self.store.read("titles.json.gz", schema.TitlesFile)
            return TitleData(rec, self.occupations().official_titles())

        return self.store.once("titles", load)

    def areas(self) -> AreaIndex:
        def load() -> AreaIndex:
            return AreaIndex(
                self.store.read("areas.json", schema.AreasFile),
                lambda: self.store.read("area_aliases.json", schema.AreaAliasesFile),
            )

        return self.store.once("areas", load)

    def area_codes(self) -> tuple[str, ...]:
        """The area codes in ``areas.json`` order: what the OEWS columns' area indexes index."""
        return self.store.once("area_codes", lambda: tuple(self.areas().codes))

    def area_positions(self) -> dict[str, int]:
        """Area code -> its index in ``areas.json``."""
        return self.areas().by_code.rows

    # O*NET profiles -------------------------------------------------------

    def profile(self, occ: Occupation) -> Profile:
        """The profile of a resolved occupation, read from its shard once."""
        return self.store.once(("profile", occ.code), lambda: self._load_profile(occ))

    def _load_profile(self, occ: Occupation) -> Profile:
        from .._store import onet_schema
        from .profiles import build_profile

        name = onet_shard(occ.code)
        shard = self.store.read(name, onet_schema.OnetShard)
        if shard.code != occ.code:
            raise DataIntegrityError(f"{name} holds {shard.code}, not {occ.code}", resource=name)
        index = self.occupations()
        wage_occ = index.oews[occ.wage_code] if occ.wage_code else None
        return build_profile(
            occ,
            shard,
            ref=self.reference(),
            shared=self.onet_reference(),
            element=self.elements().__getitem__,
            title_of=index.title_of,
            wage_occ=wage_occ,
            national=self.national_estimate(wage_occ) if wage_occ else None,
        )

    # OEWS estimates -------------------------------------------------------

    def oews_rows(self, code: str) -> BlockRows:
        """Area code -> row of OEWS occupation ``code``: its checked columns, read once,
        each row built when first asked for."""

        return self.store.once(("oews", code), lambda: self._block_rows(code))

    def _block_rows(self, code: str) -> BlockRows:
        from .._store.oews_columns import BlockRows

        codes = self.area_codes()
        block = self.store.oews_block(code, len(codes))
        return BlockRows(block, codes, self.area_positions(), self.store.oews_values())

    def national_estimate(self, occ: WageOccupation) -> Estimate | None:
        """:meth:`estimate` in the nation, without keeping the occupation's block where
        nothing has read it yet: every profile shows its national estimate, and a
        thousand kept blocks would be 15 MB no other question may need."""
        rows = self.store.cached(("oews", occ.code))
        if rows is None:
            rows = self._block_rows(occ.code)
        return self._estimate(occ, NATIONAL_CODE, rows)

    def estimate(self, occ: WageOccupation, area_code: str) -> Estimate | None:
        """The estimate of an occupation in an area, ``None`` where OEWS has no row."""
        return self._estimate(occ, area_code, self.oews_rows(occ.code))

    def _estimate(self, occ: WageOccupation, area_code: str, rows: BlockRows) -> Estimate | None:
        row = rows.get(area_code)
        if row is None:
            return None
        area = self.areas().by_code[area_code]
        return self.store.memo(
            ("estimate", occ.code, area_code),
            lambda: build_estimate(occ, area, row, self.footnotes(), oews_shard(occ.code)),
        )

    def figure_in(self, occ: WageOccupation, area: Area, datatype: str) -> Figure:
        """One figure of an area's row (the area must have one)."""
        row = self.oews_rows(occ.code)[area.code]
        return figure_of(row, datatype, self.footnotes(), oews_shard(occ.code))

    # the other releases ---------------------------------------------------

    def projections(self) -> KeyedRecords[career_schema.ProjectionRecord]:
        """Code -> 2020-30 projection, each record made when first asked for."""
        return self._keyed("projections")

    def projections_2024(self) -> KeyedRecords[career_schema.Projection2024Record]:
        """Code -> 2024-34 projection, each record made when first asked for."""
        return self._keyed("projections_2024")

    def history(self) -> KeyedRecords[career_schema.HistoryRecord]:
        """Code -> May 2019 national estimate, each record made when first asked for."""
        return self._keyed("oes_2019")

    def release_titles(self, release: str) -> dict[str, str]:
        """Code -> title of the ``"projections_2024"``, ``"projections"`` (2020-30) or
        ``"oes_2019"`` release, from its code and title columns (no record made): code
        matching asks for them on every outlook, education and change."""

        def load() -> dict[str, str]:
            titles = self._release(release).column("title")
            return dict(zip(self._keyed(release), titles, strict=True))

        return self.store.once(("titles", release), load)

    def _keyed(self, release: str) -> KeyedRecords[Any]:
        """Code -> record of a release (a code listed twice refused, whatever is read)."""

        def load() -> KeyedRecords[Any]:
            return self._release(release).keyed("code", _RELEASES[release][0], "code")

        return self.store.once(("keyed", release), load)

    def _release(self, release: str) -> RecordColumns[Any]:
        """The columns of a release's file, read once."""
        from .._store.layout import record_class

        def load() -> RecordColumns[Any]:
            name, table = _RELEASES[release]
            columns: RecordColumns[Any] = getattr(self.store.read(name, record_class(name)), table)
            return columns

        return self.store.once(("columns", release), load)

    def combined(self) -> dict[str, career_schema.CombinedCode]:
        """May 2025 code -> the hybrid May 2019 / 2020-30 code that included it."""
        from .._store import career_schema

        def load() -> dict[str, career_schema.CombinedCode]:
            rec = self.store.read("soc_changes.json", career_schema.SocChangesFile)
            return {part: c for c in rec.combined for part in c.parts}

        return self.store.once("soc_changes", load)

    def certifications(self) -> Certifications:
        from .._store import career_schema
        from ..career import Certifications

        def load() -> Certifications:
            rec = self.store.read("certifications.json", career_schema.CertificationsFile)
            return Certifications(rec.certifications)

        return self.store.once("certifications", load)

    def vectors(self, domains: tuple[str, ...]) -> Vectors:
        """Importance vectors of ``domains``, centred per element and joined."""
        from .._store import career_schema
        from . import similarity

        def load_file() -> career_schema.SimilarityFile:
            return self.store.read("similarity.json.gz", career_schema.SimilarityFile)

        def load() -> Vectors:
            file = self.store.once("similarity", load_file)
            return similarity.vectors([file.domains[d] for d in domains])

        return self.store.once(("vectors", domains), load)
