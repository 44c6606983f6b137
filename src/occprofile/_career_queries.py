"""The rest of a career profile: education, certifications, similar jobs, outlook.

These answers join O*NET with the other bundled releases (the 2020-30
projections, OES May 2019, the curated certifications). Code matching
across releases is ``_outlook``'s; rating similarity is ``_similarity``'s;
this module loads the resources once and assembles the public models.
Those modules are imported inside the methods that use them: ``Dataset``
inherits these methods, and the core queries (``top_metros`` from a cold
start) should not pay for creating the career-profile classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._areas import NATIONAL_CODE
from ._dataset import DataStore
from ._lookup import close_matches
from ._validate import check_n
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    NoRatingsError,
    UnknownOccupationError,
)
from .models import Figure, Occupation, Status, WageOccupation

if TYPE_CHECKING:
    from . import _career_records, _similarity
    from .career import (
        Certification,
        Distribution,
        Education,
        MatchedCode,
        NationalChange,
        Outlook,
        RatingMatch,
        SimilarOccupation,
    )

#: The rating domains ``similar_by_ratings`` can compare, and compares by default.
DEFAULT_DOMAINS = ("skills", "knowledge", "abilities")

#: O*NET's education, training and experience scales, as Education fields.
EDUCATION_SCALES = {
    "RL": "required_education",
    "RW": "related_experience",
    "PT": "on_site_training",
    "OJ": "on_the_job_training",
}


class CareerData(DataStore):
    """Loaders and queries for the parts of a profile beyond O*NET and OEWS May 2025."""

    # resources ----------------------------------------------------------

    def _projections(self) -> dict[str, _career_records.ProjectionRecord]:
        from . import _career_records

        def load() -> dict[str, _career_records.ProjectionRecord]:
            rec = self._read("projections.json.gz", _career_records.ProjectionsFile)
            return {p.code: p for p in rec.projections}

        return self._once("projections", load)

    def _history(self) -> dict[str, _career_records.HistoryRecord]:
        from . import _career_records

        def load() -> dict[str, _career_records.HistoryRecord]:
            rec = self._read("oes_2019.json.gz", _career_records.HistoryFile)
            return {h.code: h for h in rec.occupations}

        return self._once("oes_2019", load)

    def _release_titles(self, release: str) -> dict[str, str]:
        """Code -> title of the ``"projections"`` or ``"oes_2019"`` release, built once:
        code matching asks for them on every outlook, education and change."""

        def load() -> dict[str, str]:
            records = self._projections() if release == "projections" else self._history()
            return {code: rec.title for code, rec in records.items()}

        return self._once(("titles", release), load)

    def _combined(self) -> dict[str, _career_records.CombinedCode]:
        """May 2025 code -> the hybrid May 2019 / 2020-30 code that included it."""
        from . import _career_records

        def load() -> dict[str, _career_records.CombinedCode]:
            rec = self._read("soc_changes.json", _career_records.SocChangesFile)
            return {part: c for c in rec.combined for part in c.parts}

        return self._once("soc_changes", load)

    def _certifications(self) -> tuple[Certification, ...]:
        from . import _career_records

        return self._once(
            "certifications",
            lambda: (
                self._read("certifications.json", _career_records.CertificationsFile).certifications
            ),
        )

    def _vectors(self, domains: tuple[str, ...]) -> dict[str, _similarity.Vector]:
        from . import _career_records, _similarity

        def load_file() -> _career_records.SimilarityFile:
            return self._read("similarity.json.gz", _career_records.SimilarityFile)

        def load() -> dict[str, _similarity.Vector]:
            file = self._once("similarity", load_file)
            return _similarity.joined([_similarity.centred(file.domains[d]) for d in domains])

        return self._once(("vectors", domains), load)

    # education ----------------------------------------------------------

    def education(self, occupation: str) -> Education:
        """Job zone, O*NET education/experience/training distributions, and BLS
        typical entry requirements (2020-30 projections) for one occupation."""
        from ._outlook import entry_requirements
        from .career import Distribution, Education

        occ = self.occupation(occupation)
        profile = self.profile(occ.code)
        scales = self._reference().education_categories
        found: dict[str, Distribution | None] = dict.fromkeys(EDUCATION_SCALES.values())
        for scale, field in EDUCATION_SCALES.items():
            shares = tuple(s for s in profile.education if s.scale == scale)
            if shares:
                found[field] = Distribution(scale, scales[scale].name, shares)
        missing = [
            scales[scale].name.lower()
            for scale, field in EDUCATION_SCALES.items()
            if found[field] is None
        ]
        notes = []
        if missing:
            listed = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
            notes.append(f"O*NET publishes no {listed} data for this occupation.")
        source = self._projection_source(occ)
        entry = None
        if source is None:
            notes.append(self._no_projection_note(occ))
        else:
            entry = entry_requirements(self._projections()[source.code])
            if source.note:
                notes.append(f"Entry requirements: {source.note}")
        return Education(
            occ,
            profile.job_zone,
            found["required_education"],
            found["related_experience"],
            found["on_site_training"],
            found["on_the_job_training"],
            entry,
            source,
            tuple(notes),
        )

    # certifications -----------------------------------------------------

    def certifications(self, occupation: str) -> tuple[Certification, ...]:
        """Curated certifications for an occupation (empty when none are curated)."""
        occ = self.occupation(occupation)
        wanted = {occ.code, occ.soc_code}
        return tuple(c for c in self._certifications() if wanted & set(c.occupations))

    def all_certifications(self) -> tuple[Certification, ...]:
        """Every curated certification, in the curated file's order."""
        return self._certifications()

    # similar occupations ------------------------------------------------

    def similar_occupations(self, occupation: str, n: int = 10) -> tuple[SimilarOccupation, ...]:
        """O*NET related occupations in tier/index order, with national employment and
        annual mean wage (OEWS May 2025)."""
        check_n(n)
        occ = self.occupation(occupation)
        related = sorted(self.profile(occ.code).related, key=lambda r: (r.index, r.code))
        return tuple(self._similar(r.code, r.tier, r.index) for r in related[:n])

    def _similar(self, code: str, tier: str, index: int) -> SimilarOccupation:
        from .career import SimilarOccupation

        occ = self._index().onet[code]
        wage = self._index().oews.get(occ.wage_code) if occ.wage_code else None
        national = self._estimate(wage, NATIONAL_CODE) if wage else None
        if national is None:
            note = f"OEWS May 2025 publishes no national estimate for {occ.code}."
            absent = Figure(Status.NO_ESTIMATE, None, None, note)
            return SimilarOccupation(occ, tier, index, wage, absent, absent, absent)
        return SimilarOccupation(
            occ,
            tier,
            index,
            wage,
            national.employment,
            national.annual_mean,
            national.hourly_mean,
        )

    def similar_by_ratings(
        self,
        occupation: str,
        n: int = 10,
        *,
        domains: Iterable[str] = DEFAULT_DOMAINS,
    ) -> tuple[RatingMatch, ...]:
        """Occupations whose importance ratings most resemble this one's.

        Cosine similarity of importance vectors centred on each element's
        mean over all rated occupations (see :class:`RatingMatch`).
        ``domains`` picks any of skills, knowledge, abilities. Raises
        :class:`NoRatingsError` when O*NET has no ratings for the occupation.
        """
        from . import _similarity
        from .career import RatingMatch

        check_n(n)
        chosen = _check_domains(domains)
        occ = self.occupation(occupation)
        vectors = self._vectors(chosen)
        if occ.code not in vectors:
            raise NoRatingsError(str(occ), chosen)
        index = self._index().onet
        return self._memo(
            ("similar_by_ratings", occ.code, chosen, n),
            lambda: tuple(
                RatingMatch(index[code], score, chosen, shared)
                for score, shared, code in _similarity.ranked(occ.code, vectors)[:n]
            ),
        )

    # outlook ------------------------------------------------------------

    def _projection_source(self, occ: Occupation) -> MatchedCode | None:
        from ._outlook import match_code, within_soc

        titles = self._release_titles("projections")
        return within_soc(occ, match_code(occ.soc_code, occ.wage_code, titles, self._combined()))

    def _no_projection_note(self, occ: Occupation) -> str:
        return (
            f"The BLS 2020-30 projections have no row for {occ.soc_code} "
            "or for a broad or combined code containing it."
        )

    def outlook(self, occupation: str) -> Outlook:
        """Employment projections 2020-30 and the national change May 2019 -> May 2025."""
        from ._outlook import entry_requirements, projection_figure, projection_wage
        from .career import Outlook, Projection

        occ = self.occupation(occupation)
        source = self._projection_source(occ)
        projection = None
        note = None
        if source is None:
            note = self._no_projection_note(occ)
        else:
            rec = self._projections()[source.code]
            projection = Projection(
                occ,
                source,
                rec.sample_titles,
                projection_figure(rec.employment_2020),
                projection_figure(rec.employment_2030),
                projection_figure(rec.change),
                projection_figure(rec.percent_change),
                projection_figure(rec.openings),
                projection_wage(rec.median_wage),
                entry_requirements(rec),
            )
            note = source.note
        return Outlook(occ, projection, note, self.national_change(occ.code))

    def national_change(self, occupation: str) -> NationalChange:
        """National employment and mean wages in May 2019 and May 2025.

        Accepts an O*NET occupation or an OEWS code without a profile
        (``"43-6010"``). The May 2025 figures are those of the occupation's
        OEWS wage code; May 2019 is matched to that code (else to the
        occupation's own SOC code, else to the hybrid code that combined
        it). The change is computed only when both releases publish the
        same code; otherwise ``notes`` says why not.
        """
        from ._outlook import (
            TIME_SERIES_CAVEAT,
            change,
            historical_estimate,
            match_code,
            retitled,
            within_soc,
        )
        from .career import NationalChange

        subject: Occupation | WageOccupation
        try:
            subject = self.occupation(occupation)
            soc, wage_code = subject.soc_code, subject.wage_code
        except UnknownOccupationError as no_profile:
            try:  # an OEWS code with no O*NET profile ("43-6010")
                subject = self.wage_occupation(occupation)
            except UnknownOccupationError:
                raise no_profile from None
            soc, wage_code = subject.code, subject.code
        history = self._history()
        titles = self._release_titles("oes_2019")
        wage = self._index().oews.get(wage_code) if wage_code else None
        later = self._estimate(wage, NATIONAL_CODE) if wage else None
        source = match_code(wage_code or soc, None, titles, self._combined())
        if source is None and wage_code is not None and wage_code != soc:
            source = match_code(soc, None, titles, self._combined())
        if isinstance(subject, Occupation):
            source = within_soc(subject, source)
        earlier = historical_estimate(history[source.code]) if source else None
        notes: list[str] = []
        if later is None:
            notes.append(f"OEWS May 2025 publishes no national estimate for {soc}.")
        if source is None:
            notes.append(f"OES May 2019 published no estimate for {wage_code or soc}.")
        elif source.note:
            notes.append(source.note)
        if wage is not None and wage.code != soc:
            notes.append(f"{soc} is published only within {wage}.")
        comparable = (
            source is not None
            and earlier is not None
            and later is not None
            and source.code == later.occupation.code
        )
        if comparable and source is not None and later is not None:
            note = retitled(source, later)
            if note:
                notes.append(note)
            notes.append(TIME_SERIES_CAVEAT)
        elif earlier is not None and later is not None:
            notes.append("No change is computed: the two releases do not measure the same group.")
        none: tuple[float | None, float | None] = (None, None)
        employment = annual = hourly = none
        if comparable and earlier is not None and later is not None:
            employment = change(earlier.employment, later.employment)
            annual = change(earlier.annual_mean, later.annual_mean)
            hourly = change(earlier.hourly_mean, later.hourly_mean)
        return NationalChange(
            subject,
            earlier,
            source,
            later,
            comparable,
            employment[0],
            employment[1],
            annual[0],
            annual[1],
            hourly[0],
            hourly[1],
            tuple(notes),
        )


def _check_domains(domains: object) -> tuple[str, ...]:
    """Any collection of domain names (list, tuple, set), in a canonical order."""
    if isinstance(domains, str | bytes) or not isinstance(domains, Iterable):
        raise ArgumentTypeError(
            f"domains must be a collection of domain names such as {list(DEFAULT_DOMAINS)}, "
            f"not {type(domains).__name__}: {domains!r}"
        )
    chosen = tuple(domains)
    allowed = DEFAULT_DOMAINS
    if not chosen:
        raise InvalidArgumentError(f"domains is empty: name at least one of {list(allowed)}.")
    bad = [d for d in chosen if not isinstance(d, str) or d not in allowed]
    if bad:
        hint = close_matches(str(bad[0]), allowed, n=1)
        did = f" Did you mean {hint[0]!r}?" if hint else ""
        raise InvalidArgumentError(
            f"Unknown rating domains {bad!r}: choose from {list(allowed)}.{did}"
        )
    return tuple(sorted(set(chosen), key=allowed.index))
