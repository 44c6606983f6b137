"""``Dataset``: one bundled data release, and every question occprofile answers on it.

A ``Dataset`` holds a :class:`~occprofile._store.store.Store` (cached,
thread-safe reading of the resources) and answers each question in a few
lines: check the arguments, resolve the occupation and areas
(``_matching``), hand them to the answer module of that question
(``_answers``). Importing this module imports no attrs class and reads no
data, so ``import occprofile`` can create the shared dataset at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._store.resources import DEFAULT_PACKAGE
from ._store.store import Store

if TYPE_CHECKING:
    from ._answers.filters import EntryEducation, OutlookFlag
    from ._answers.rankings import RankBy
    from ._answers.sources import Sources
    from ._answers.top_occupations import OccupationRankBy
    from ._store.schema import Manifest
    from .career import (
        Certifications,
        Education,
        InterestMatches,
        NationalChange,
        OccupationComparison,
        OccupationRanking,
        Outlook,
        RatingMatches,
        Report,
        SimilarOccupations,
        StateView,
    )
    from .models import (
        Area,
        AreaKind,
        Areas,
        Comparison,
        Element,
        Estimate,
        Estimates,
        Occupation,
        OccupationSelection,
        Profile,
        Ranking,
        RatingDomain,
        RatingSection,
        Release,
        Releases,
        RiasecInterest,
        SearchHits,
        SocLevel,
        WageOccupation,
        WageOccupations,
    )


class Dataset:
    """One bundled data release and every query on it.

    ``occprofile.Dataset()`` is the data packaged with the library, and what
    the module-level functions use; pass ``package=`` to query another
    package holding resources built by ``databuild`` (see docs/data-format.md).
    A wrong ``package`` fails here, with a typed error, not at first use.
    """

    def __init__(self, package: str = DEFAULT_PACKAGE) -> None:
        self._store = Store(package)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(package={self.package!r})"

    @property
    def package(self) -> str:
        """The importable package whose resources this dataset reads."""
        return self._store.package

    @property
    def _src(self) -> Sources:
        # Made on first use (it imports the attrs classes), without a lock of its
        # own: two threads racing here build two views of the same store.
        src: Sources | None = self.__dict__.get("_sources")
        if src is None:
            from ._answers.sources import Sources

            src = self.__dict__.setdefault("_sources", Sources(self._store))
        return src

    def clear_cache(self) -> None:
        """Forget everything loaded; the next call reads the resources again."""
        self._store.clear()

    # releases -----------------------------------------------------------

    @property
    def manifest(self) -> Manifest:
        """What was built from which upstream files (checksums, row counts)."""
        return self._store.manifest()

    def releases(self) -> Releases:
        """The bundled releases (O*NET, OEWS May 2025, projections, May 2019) and credits."""
        from .models import Releases

        return Releases(self._store.releases())

    def release(self, key: str) -> Release:
        """One bundled release by key: ``"onet"``, ``"oews"``, ``"projections"``, ``"oes_2019"``."""
        from ._answers.catalog import release

        return release(self.releases(), key)

    def citation(self) -> str:
        """The attribution lines every use of the data should carry."""
        return "\n".join(r.credit for r in self.releases())

    def element(self, element_id: str) -> Element:
        """A Content Model element by id (``"2.A.1.a"``)."""
        from ._answers.catalog import element

        return element(self._src.elements(), element_id)

    # occupations --------------------------------------------------------

    def occupation(self, query: str) -> Occupation:
        """Resolve a code, title, alternate title or free text to an O*NET occupation."""
        return self._src.occupations().find(query)

    def wage_occupation(self, query: str) -> WageOccupation:
        """Resolve a query to the OEWS occupation whose estimates answer it."""
        return self._src.occupations().find_wage(query)

    def occupations(
        self,
        group: str | None = None,
        *,
        job_zone: int | None = None,
        education: EntryEducation | None = None,
        interest: RiasecInterest | None = None,
        technology: str | None = None,
        hot_technology: bool = False,
        in_demand: bool = False,
        outlook: OutlookFlag | None = None,
    ) -> OccupationSelection:
        """All 1,016 O*NET-SOC occupations by code, or those that pass every filter given.

        ``group`` is a major, minor or broad SOC group by code (``"29"``,
        ``"29-0000"``, ``"29-1020"``) or OEWS title ("Healthcare Practitioners
        and Technical Occupations"). ``job_zone`` is an O*NET job zone (1-5).
        ``education`` is a BLS typical entry-level education category, exactly
        as published ("Bachelor's degree"; see ``EntryEducation``), from the
        employment projections. ``interest`` is the first interest high point
        ("Realistic", ... "Conventional"; any case). ``technology`` names a
        technology: its words, whole and in order and in any case, in one of
        the occupation's O*NET technology examples or their commodity titles
        ("Python", "Excel", "spreadsheet software"; "C" is not "C++");
        ``hot_technology`` / ``in_demand`` count only technology O*NET flags
        so (alone: any such technology). ``outlook`` is a flag derived from the
        projections by occprofile's rules, not O*NET's Bright Outlook
        designation: ``"growing"``, ``"declining"``, ``"faster_than_average"``
        (above the all-occupations percent change), ``"much_faster_than_average"``
        (at least twice it), ``"many_openings"`` (at least 20 thousand
        openings a year) or ``"bright"`` (either of the last two). An occupation
        without the fact a filter reads (no job zone, no projection) fails it.

        Returns an :class:`OccupationSelection` by code, whose ``criteria``
        states each rule applied, with its thresholds. Arguments are checked
        before any data is read.
        """
        from ._answers.filters import check_criteria, select

        criteria = check_criteria(
            group=group,
            job_zone=job_zone,
            education=education,
            interest=interest,
            technology=technology,
            hot_technology=hot_technology,
            in_demand=in_demand,
            outlook=outlook,
        )
        return select(self._src, criteria)

    def wage_occupations(self, level: SocLevel | None = None) -> WageOccupations:
        """All OEWS occupations, optionally of one SOC level (major, minor, broad, detailed)."""
        from .models import WageOccupations

        return WageOccupations(self._src.occupations().of_level(level))

    def search(self, text: str, n: int = 10) -> SearchHits:
        """Ranked, typo-tolerant search over titles and alternate titles, best first."""
        from .models import SearchHits

        return SearchHits(self._src.occupations().ranked_hits(text, n))

    # areas --------------------------------------------------------------

    def area(self, query: str) -> Area:
        """Resolve an area code, name, unambiguous part of a name, state or "national"."""
        return self._src.areas().find(query)

    def state(self, query: str) -> Area:
        """Resolve a state name, postal abbreviation or FIPS code to the state area."""
        return self._src.areas().state(query)

    def areas(self, kind: str | AreaKind | None = None, state: str | None = None) -> Areas:
        """OEWS areas, optionally of one kind and/or in one state (metros spanning it included)."""
        from .models import Areas

        return Areas(self._src.areas().select(kind, state))

    def metros(self, state: str | None = None, include_nonmetro: bool = False) -> Areas:
        """Metropolitan areas (and optionally nonmetro areas), by code."""
        from .models import Areas

        return Areas(self._src.areas().metros(state, include_nonmetro))

    # profiles and ratings -----------------------------------------------

    def profile(self, occupation: str) -> Profile:
        """The full O*NET profile of an occupation, with its national OEWS estimate."""
        return self._src.profile(self.occupation(occupation))

    def ratings_by_importance(
        self, occupation: str, domain: RatingDomain, n: int | None = None
    ) -> RatingSection:
        """One rating section sorted by importance, then level (both descending), then name."""
        from ._answers.profiles import by_importance, check_domain

        check_domain(domain)
        return by_importance(self.profile(occupation), domain, n)

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

    # OEWS estimates -----------------------------------------------------

    def estimate(self, occupation: str, area: str) -> Estimate:
        """The OEWS estimate for one occupation in one area (raises if BLS has no row)."""
        from ._answers.estimates import estimate_in

        return estimate_in(self._src, self.wage_occupation(occupation), self.area(area))

    def estimates(self, occupation: str) -> Estimates:
        """Every area's OEWS estimate for one occupation, by area code."""
        from ._answers.estimates import all_estimates

        return all_estimates(self._src, self.wage_occupation(occupation))

    def national(self, occupation: str) -> Estimate:
        """The national OEWS estimate for an occupation."""
        from ._answers.estimates import national

        return national(self._src, self.wage_occupation(occupation))

    def top_metros(
        self,
        occupation: str,
        n: int = 10,
        *,
        by: RankBy = "employment",
        state: str | None = None,
        include_nonmetro: bool = False,
    ) -> Ranking:
        """Metro areas ranked by an OEWS figure for one occupation.

        ``by`` is one of :data:`RANK_BY` (any case; ``mean``, ``median``,
        ``lq`` also work). Ties are broken by area name, then code. Figures
        BLS did not release rank last, flagged by ``ranked_value.status``;
        if no area has one, :class:`NoWageDataError` says so. A top-coded
        wage is ranked at its lower bound, the BLS ceiling in the footnote
        ($239,200 a year): its true value is unknown and may be higher, and
        BLS releases some values above that ceiling elsewhere, so read
        ``ranked_value.status`` before trusting its place. ``state`` keeps
        metros that span that state; ``include_nonmetro`` adds BLS nonmetro areas.
        """
        from ._answers import rankings

        key = rankings.check_by(by)
        occ = self.wage_occupation(occupation)
        where = self.state(state) if state is not None else None
        return rankings.top_metros(
            self._src, occ, n=n, by=key, where=where, include_nonmetro=include_nonmetro
        )

    def top_states(self, occupation: str, n: int = 10, *, by: RankBy = "employment") -> Ranking:
        """States and territories ranked like :meth:`top_metros`."""
        from ._answers import rankings

        key = rankings.check_by(by)
        return rankings.top_states(self._src, self.wage_occupation(occupation), n, key)

    def top_occupations(
        self,
        area: str,
        n: int = 10,
        *,
        by: OccupationRankBy = "employment",
        level: SocLevel = "detailed",
        group: str | None = None,
        job_zone: int | None = None,
        education: EntryEducation | None = None,
        interest: RiasecInterest | None = None,
    ) -> OccupationRanking:
        """The occupations of one area ranked by one figure, best first.

        ``area`` is the nation, a state, a metro or a nonmetro area (as
        :meth:`area` takes it); ``n`` how many to return. ``by`` is an OEWS
        figure of the area (as in :meth:`top_metros`: ``"employment"``,
        ``"annual_mean"``, ``"hourly_median"``, ``"location_quotient"``,
        ``"jobs_per_1000"``, ...) or a national projection of the occupations
        found there: ``"projected_growth"`` (percent change) or
        ``"projected_openings"`` (annual average, thousands). Ties are broken
        by code. Figures not released rank last, flagged by
        ``ranked_value.status``; if none is released, :class:`NoWageDataError`
        says so. A top-coded wage ranks at its lower bound.

        ``level`` is the SOC level ranked: ``"detailed"`` is the most
        detailed codes OEWS publishes (every detailed SOC code, and the
        seven broad codes, such as 13-1020 Buyers and Purchasing Agents, that
        OEWS publishes in place of their detailed occupations); ``"broad"``,
        ``"minor"``, ``"major"`` and ``"total"`` are the codes of that shape.
        ``group`` keeps the codes inside a SOC group (code or title, as
        :meth:`occupations` takes it); ``job_zone``, ``education`` and
        ``interest`` filter as in :meth:`occupations`.

        Filters on OEWS codes that cover several O*NET occupations (11-1011
        pays 11-1011.00 and 11-1011.03; the aggregate 21-1018 pays three; a
        group code covers every occupation in it): a code is kept when at
        least one O*NET occupation it covers passes every filter, and
        ``occupations`` lists those that pass; the OEWS figures, and the
        rank, are always the whole code's.

        Returns an :class:`OccupationRanking` whose ``release`` says which
        release answered (OEWS May 2025, or the projections), and whose
        ``criteria`` states each filter applied. Arguments are checked
        before any data is read.
        """
        from ._answers import top_occupations as answer
        from ._answers.filters import check_criteria
        from ._matching.arguments import check_n, check_str

        check_str(area, "area")
        check_n(n)
        key = answer.check_by(by)
        chosen = answer.check_level(level, key)
        criteria = check_criteria(
            group=group, job_zone=job_zone, education=education, interest=interest
        )
        return answer.top_occupations(
            self._src, self.area(area), n=n, by=key, level=chosen, criteria=criteria
        )

    def compare_metros(self, occupation: str, a: str, b: str) -> Comparison:
        """Two areas side by side for one occupation: every OEWS figure,
        difference ``a - b`` and ratio ``a / b`` where both are released.

        Works for any two areas (metro, nonmetro, state, national). An area
        with no OEWS row for the occupation yields ``None`` for its estimate
        and a line in ``missing``.
        """
        from ._answers.comparisons import compare_areas

        occ = self.wage_occupation(occupation)
        return compare_areas(self._src, occ, self.area(a), self.area(b))

    def state_view(self, occupation: str, state: str) -> StateView:
        """One occupation in one state: the state estimate, and the state's metro and
        nonmetro areas ranked by employment (the seed's "pick a state" view).

        Pick two of ``view.metros`` (or ``metros(state=...)``) for
        :meth:`compare_metros`.
        """
        from ._answers.states import state_view

        return state_view(self._src, self.wage_occupation(occupation), self.state(state))

    # the rest of a career profile ---------------------------------------

    def education(self, occupation: str) -> Education:
        """Job zone, O*NET education/experience/training distributions, and BLS
        typical entry requirements (2024-34 projections) for one occupation."""
        from ._answers.education import education

        return education(self._src, self.occupation(occupation))

    def certifications(self, occupation: str) -> Certifications:
        """Curated certifications for an occupation (empty when none are curated)."""
        from ._answers.education import certifications

        return certifications(self._src, self.occupation(occupation))

    def all_certifications(self) -> Certifications:
        """Every curated certification, in the curated file's order."""
        return self._src.certifications()

    def similar_occupations(self, occupation: str, n: int = 10) -> SimilarOccupations:
        """O*NET related occupations in tier/index order, with national employment and
        annual mean wage (OEWS May 2025)."""
        from ._answers.similar import similar_occupations

        return similar_occupations(self._src, self.occupation(occupation), n)

    def similar_by_ratings(
        self,
        occupation: str,
        n: int = 10,
        *,
        domains: Iterable[RatingDomain] = ("skills", "knowledge", "abilities"),
    ) -> RatingMatches:
        """Occupations whose importance ratings most resemble this one's.

        Cosine similarity of importance vectors centred on each element's
        mean over all rated occupations (see :class:`RatingMatch`).
        ``domains`` picks any of skills, knowledge, abilities. Raises
        :class:`NoRatingsError` when O*NET has no ratings for the occupation.
        """
        from ._answers.similar import check_domains, similar_by_ratings

        chosen = check_domains(domains)
        return similar_by_ratings(self._src, self.occupation(occupation), n, chosen)

    def compare_occupations(
        self, a: str, b: str, *, area: str | None = None
    ) -> OccupationComparison:
        """Two occupations side by side, and what ``b`` needs that ``a`` has less of.

        ``a`` and ``b`` are occupations (as :meth:`occupation` takes them);
        ``area`` is where their OEWS employment and wages are compared (the
        nation by default). The comparison holds both occupations' OEWS
        figures with differences ``a - b`` and ratios ``a / b``, their
        outlook and education (job zone, BLS entry requirements), ``gap``:
        the skills, knowledge, abilities and work activities for which
        ``b``'s O*NET importance or level is higher than ``a``'s (largest
        importance difference first, then level), and the technology they
        share and do not share. ``print()`` shows it as a table;
        ``to_markdown()`` and ``gap.to_pandas()`` too. Tasks are not compared
        (O*NET writes them for one occupation each); ``notes`` says so, and
        what else could not be compared.
        """
        from ._answers.compare_occupations import compare_occupations, national_area
        from ._matching.arguments import check_str

        check_str(a, "a")
        check_str(b, "b")
        if area is not None:
            check_str(area, "area")
        occ_a, occ_b = self.occupation(a), self.occupation(b)
        where = self.area(area) if area is not None else national_area(self._src)
        return compare_occupations(self._src, occ_a, occ_b, where)

    def match_interests(
        self,
        *,
        realistic: float | None = None,
        investigative: float | None = None,
        artistic: float | None = None,
        social: float | None = None,
        enterprising: float | None = None,
        conventional: float | None = None,
        n: int = 10,
    ) -> InterestMatches:
        """Occupations whose O*NET interest profile is closest to the scores given.

        ``realistic``, ``investigative``, ``artistic``, ``social``,
        ``enterprising`` and ``conventional`` are scores on O*NET's
        Occupational Interest scale, 1 to 7; give at least one. Closeness is
        occprofile's method, not O*NET's Interest Profiler scoring: the
        root-mean-square difference between the given scores and the
        occupation's, over the interests given (one score
        alone ranks by nearness on that interest), reported as ``difference``
        and as ``similarity = 1 - difference / 6``. Ties are broken by code;
        the 93 occupations O*NET has not rated are left out.

        Returns the ``n`` closest as :class:`InterestMatches`, closest first.
        """
        from ._answers.interests import check_scores, match_interests
        from ._matching.arguments import check_n

        check_n(n)
        given = check_scores(
            {
                "realistic": realistic,
                "investigative": investigative,
                "artistic": artistic,
                "social": social,
                "enterprising": enterprising,
                "conventional": conventional,
            }
        )
        return match_interests(self._src, given, n)

    def outlook(self, occupation: str) -> Outlook:
        """Employment projections 2024-34 (and 2020-30, the earlier release) and the
        national change May 2019 -> May 2025."""
        from ._answers.outlook import outlook

        return outlook(self._src, self.occupation(occupation))

    def national_change(self, occupation: str) -> NationalChange:
        """National employment and mean wages in May 2019 and May 2025.

        Accepts an O*NET occupation or an OEWS code without a profile
        (``"43-6010"``). The change is computed only when both releases
        publish the same code; otherwise ``notes`` says why not.
        """
        from ._answers.outlook import change_subject, national_change

        return national_change(self._src, change_subject(self._src, occupation))

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
        :meth:`Report.to_markdown`. Every argument is checked before any
        data is read.
        """
        from ._answers.report import build_report
        from ._matching.arguments import check_n, check_pair

        for value, name in ((top, "top"), (metros, "metros"), (similar, "similar")):
            check_n(value, name)
        pair = check_pair(compare, "compare")
        occ = self.occupation(occupation)
        areas = None if pair is None else (self.area(pair[0]), self.area(pair[1]))
        return build_report(
            self._src, occ, top=top, metros=metros, similar_n=similar, compare=areas
        )
