"""The questions a career profile answers, as methods of :class:`Dataset`.

Loading and lookups live in ``_dataset``; this module ranks, compares and
sorts what the store returns (the sort key of one raw OEWS value is
``_figures.rank_key``), and memoises the answers in a bounded LRU.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ._career_queries import CareerData
from ._figures import DATATYPE_FIELDS, UNRANKED, rank_key
from ._lookup import close_matches
from ._validate import check_bool, check_n
from .errors import ArgumentTypeError, InvalidArgumentError, NoWageDataError
from .models import (
    Area,
    AreaKind,
    Comparison,
    ComparisonRow,
    Figure,
    RankedEstimate,
    RatingSection,
    Status,
    WageOccupation,
)

if TYPE_CHECKING:
    from .career import Report, StateView

#: Shorter spellings people use for ``by=``.
RANK_ALIASES = {"mean": "annual_mean", "median": "annual_median", "lq": "location_quotient"}

#: ``by=`` choices of :meth:`Dataset.top_metros`, mapped to OEWS datatypes.
RANK_BY: dict[str, str] = {
    "employment": "01",
    "annual_mean": "04",
    "annual_median": "13",
    "hourly_mean": "03",
    "hourly_median": "08",
    "location_quotient": "17",
    "jobs_per_1000": "16",
}

#: An annual ranking's hourly counterpart and back, for wages published one way only.
_OTHER_BASIS = {
    "annual_mean": "hourly_mean",
    "annual_median": "hourly_median",
    "hourly_mean": "annual_mean",
    "hourly_median": "annual_median",
}


class Dataset(CareerData):
    """One bundled data release and every query on it.

    ``occprofile.Dataset()`` is the data packaged with the library, and what
    the module-level functions use; pass ``package=`` to query another
    package holding resources built by ``databuild`` (see docs/data-format.md).
    """

    def top_metros(
        self,
        occupation: str,
        n: int = 10,
        *,
        by: str = "employment",
        state: str | None = None,
        include_nonmetro: bool = False,
    ) -> tuple[RankedEstimate, ...]:
        """Metro areas ranked by an OEWS figure for one occupation.

        ``by`` is one of :data:`RANK_BY` (any case; ``mean``, ``median``,
        ``lq`` also work). Ties are broken by area name, then code. Figures
        BLS did not release rank last, flagged by ``ranked_value.status``;
        if no area has one, :class:`NoWageDataError` says so. A top-coded
        wage is ranked at its lower bound, the BLS ceiling in the footnote
        ($239,200 a year): its true value is unknown and may be higher, and
        BLS releases some values above that ceiling elsewhere, so read
        ``ranked_value.status`` before trusting its place. ``state`` keeps
        metros that span that state.
        """
        check_n(n)
        by = _check_by(by)
        check_bool(include_nonmetro, "include_nonmetro")
        occ = self.wage_occupation(occupation)
        where = self.state(state) if state is not None else None
        postal = where.states[0] if where is not None else None

        def compute() -> tuple[RankedEstimate, ...]:
            # Only on a miss: the wording of a "nothing found" error is not hot-path work.
            kind = "metro or nonmetro area" if include_nonmetro else "metro area"
            scope = f"any {kind}" + (f" of {where.name}" if where else "")
            return self._rank(occ, by, self.metros(postal, include_nonmetro), n, scope)

        return self._memo(("top_metros", occ.code, by, postal, include_nonmetro, n), compute)

    def _rank(
        self, occ: WageOccupation, by: str, areas: tuple[Area, ...], n: int, scope: str
    ) -> tuple[RankedEstimate, ...]:
        datatype = RANK_BY[by]
        rows = self._oews_rows(occ.code)
        footnotes = self._footnotes()
        # Sorted on the raw values: no Figure is built for areas that miss the cut.
        keyed = sorted(
            (rank_key(row, datatype, footnotes), area.name, area.code, area)
            for area in areas
            if (row := rows.get(area.code)) is not None
        )
        if not keyed:
            raise NoWageDataError(str(occ), scope)
        if keyed[0][0][0] == UNRANKED:  # nothing to rank by: not an A-Z list in disguise
            raise NoWageDataError(str(occ), self._why_unranked(occ, by, keyed, scope))
        ranked = []
        for rank, (*_, area) in enumerate(keyed[:n], start=1):
            estimate = self._estimate(occ, area.code)
            assert estimate is not None  # keyed only holds areas with a row
            ranked.append(RankedEstimate(rank, by, self._figure_in(occ, area, datatype), estimate))
        return tuple(ranked)

    def _why_unranked(
        self, occ: WageOccupation, by: str, keyed: list[tuple[Any, str, str, Area]], scope: str
    ) -> str:
        """Say why no area has a released ``by`` figure, and what to rank by instead."""
        datatype = RANK_BY[by]
        statuses = Counter(self._figure_in(occ, area, datatype).status for *_, area in keyed)
        counts = ", ".join(f"{status} in {count}" for status, count in statuses.most_common())
        text = f"{scope} with a released {by} ({counts})"
        other = _OTHER_BASIS.get(by)
        if other and statuses.most_common(1)[0][0] in (Status.HOURLY_ONLY, Status.ANNUAL_ONLY):
            text += f"; rank by={other!r} instead"
        return text

    def compare_metros(self, occupation: str, a: str, b: str) -> Comparison:
        """Two areas side by side for one occupation: every OEWS figure,
        difference ``a - b`` and ratio ``a / b`` where both are released.

        Works for any two areas (metro, nonmetro, state, national). An area
        with no OEWS row for the occupation yields ``None`` for its estimate
        and a line in ``missing``.
        """
        occ = self.wage_occupation(occupation)
        area_a, area_b = self.area(a), self.area(b)

        def compute() -> Comparison:
            est_a = self._estimate(occ, area_a.code)
            est_b = self._estimate(occ, area_b.code)
            missing: list[str] = []
            for area, est in ((area_a, est_a), (area_b, est_b)):
                if est is None:
                    missing.append(f"{area.name}: OEWS publishes no estimate for {occ}.")
            absent = Figure(Status.NO_ESTIMATE, None, None, None)
            rows = []
            for name in DATATYPE_FIELDS.values():
                fa: Figure = getattr(est_a, name) if est_a else absent
                fb: Figure = getattr(est_b, name) if est_b else absent
                row = _compare(name, fa, fb)
                if row.note and est_a and est_b:
                    missing.append(f"{name}: {row.note}")
                rows.append(row)
            return Comparison(occ, est_a, est_b, area_a, area_b, tuple(rows), tuple(missing))

        return self._memo(("compare", occ.code, area_a.code, area_b.code), compute)

    def top_states(
        self, occupation: str, n: int = 10, *, by: str = "employment"
    ) -> tuple[RankedEstimate, ...]:
        """States and territories ranked like :meth:`top_metros`."""
        check_n(n)
        by = _check_by(by)
        occ = self.wage_occupation(occupation)
        states = self.areas(kind=AreaKind.STATE)
        return self._memo(
            ("top_states", occ.code, by, n),
            lambda: self._rank(occ, by, states, n, "any state or territory"),
        )

    def state_view(self, occupation: str, state: str) -> StateView:
        """One occupation in one state: the state estimate, and the state's metro and
        nonmetro areas ranked by employment (the seed's "pick a state" view).

        Pick two of ``view.metros`` (or ``metros(state=...)``) for
        :meth:`compare_metros`.
        """
        from .career import StateView

        occ = self.wage_occupation(occupation)
        where = self.state(state)

        def compute() -> StateView:
            postal = where.states[0]
            notes: list[str] = []
            estimate = self._estimate(occ, where.code)
            if estimate is None:
                notes.append(f"OEWS publishes no {where.name} estimate for {occ}.")
            ranked: dict[AreaKind, tuple[RankedEstimate, ...]] = {}
            rows = self._oews_rows(occ.code)
            for kind, label in ((AreaKind.METRO, "metro"), (AreaKind.NONMETRO, "nonmetro")):
                areas = self.areas(kind=kind, state=postal)
                with_rows = [a for a in areas if a.code in rows]
                if not areas:
                    notes.append(f"OEWS defines no {label} areas in {where.name}.")
                elif not with_rows:
                    notes.append(
                        f"OEWS publishes no estimate for {occ} in any {label} area of {where.name}."
                    )
                elif len(with_rows) < len(areas):
                    notes.append(
                        f"{len(areas) - len(with_rows)} of the {len(areas)} {label} areas of "
                        f"{where.name} have no OEWS estimate for {occ}."
                    )
                try:
                    ranked[kind] = self._rank(occ, "employment", areas, len(areas) or 1, "")
                except NoWageDataError:
                    ranked[kind] = ()
                    if with_rows:
                        notes.append(
                            f"No {label} area of {where.name} has a released employment figure."
                        )
            return StateView(
                occ,
                where,
                estimate,
                ranked[AreaKind.METRO],
                ranked[AreaKind.NONMETRO],
                tuple(notes),
            )

        return self._memo(("state_view", occ.code, where.code), compute)

    # the report ---------------------------------------------------------

    def report(
        self,
        occupation: str,
        *,
        top: int = 5,
        metros: int = 10,
        similar: int = 10,
        compare: tuple[str, str] | None = None,
    ) -> Report:
        """The whole career profile of an occupation, ready to print.

        Description, education and training, certifications, the ``top``
        skills, abilities, knowledge areas, work activities and work styles,
        the ``metros`` metro areas with the most jobs, ``similar`` related
        occupations, the outlook and the sources; ``compare`` adds a
        comparison of two areas. ``str(report)`` is text; see
        :meth:`Report.to_markdown`.
        """
        if compare is not None and (not isinstance(compare, tuple | list) or len(compare) != 2):
            raise ArgumentTypeError(f"compare must be a pair of areas, not {compare!r}")
        from ._report import build_report

        return build_report(
            self, occupation, top=top, metros=metros, similar=similar, compare=compare
        )

    # ratings ------------------------------------------------------------

    def skills_by_importance(self, occupation: str, n: int | None = None) -> RatingSection:
        """Skills, most important first (then by level, then name)."""
        return self.ratings_by_importance(occupation, "skills", n)

    def knowledge_by_importance(self, occupation: str, n: int | None = None) -> RatingSection:
        """Knowledge areas, most important first."""
        return self.ratings_by_importance(occupation, "knowledge", n)

    def abilities_by_importance(self, occupation: str, n: int | None = None) -> RatingSection:
        """Abilities, most important first (levels exist only where O*NET data has them)."""
        return self.ratings_by_importance(occupation, "abilities", n)

    def work_activities_by_importance(self, occupation: str, n: int | None = None) -> RatingSection:
        """Work activities, most important first (``available`` is False where none exist)."""
        return self.ratings_by_importance(occupation, "work_activities", n)

    def work_styles_by_importance(self, occupation: str, n: int | None = None) -> RatingSection:
        """Work styles, most important first (importance only)."""
        return self.ratings_by_importance(occupation, "work_styles", n)


def _check_by(by: object) -> str:
    """The canonical ``by`` name (case-insensitive, aliases accepted)."""
    if not isinstance(by, str):
        raise ArgumentTypeError(f"by must be a str, not {type(by).__name__}: {by!r}")
    key = by.strip().lower().replace(" ", "_")
    key = RANK_ALIASES.get(key, key)
    if key not in RANK_BY:
        hint = close_matches(by, RANK_BY, n=1)
        did = f" Did you mean {hint[0]!r}?" if hint else ""
        raise InvalidArgumentError(f"Unknown ranking {by!r}: choose one of {list(RANK_BY)}.{did}")
    return key


def _compare(name: str, a: Figure, b: Figure) -> ComparisonRow:
    if a.value is None or b.value is None or a.text is None or b.text is None:
        why = [f"{side}: {fig.status}" for side, fig in (("a", a), ("b", b)) if fig.value is None]
        return ComparisonRow(name, a, b, None, None, "; ".join(why))
    # From the published text, so 26.04 - 26.33 is -0.29, not -0.28999999999999915.
    difference = float(Decimal(a.text) - Decimal(b.text))
    ratio = a.value / b.value if b.value else None
    note = None if ratio is not None else "ratio undefined: b is 0"
    return ComparisonRow(name, a, b, difference, ratio, note)
