"""The career answers beyond a profile: education, certifications, similar
occupations, outlook, the May 2019 -> May 2025 change and the state view.

Only the public API is used (``occprofile`` and ``occprofile.Dataset``).
Tests marked ``upstream`` re-read the raw release files in ../shared/data
(BLS projections CSV, OES May 2019 workbook, O*NET workbooks, the importance
supplement, the OEWS May 2025 SQLite) and compare them with the answers, so a
build bug cannot hide behind the same bug in the build's own checks.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest

import occprofile as op

#: The rating domains compared by default (also the names of the Profile sections).
DEFAULT_DOMAINS = ("skills", "knowledge", "abilities")
#: Column prefixes of importance_wide_29.csv, per domain.
WIDE_PREFIX = {"skills": "Skill: ", "knowledge": "Knowledge: ", "abilities": "Ability: "}
#: O*NET education scales and the Education field holding each.
EDUCATION_FIELDS = {
    "RL": "required_education",
    "RW": "related_experience",
    "PT": "on_site_training",
    "OJ": "on_the_job_training",
}


# --------------------------------------------------------------------------
# Helpers


def bls_code(cell: str) -> str:
    """``="43-6013"`` (the CSV's Excel-formula spelling) -> ``43-6013``."""
    return cell.strip().removeprefix("=").strip('"')


def bls_number(text: str) -> float:
    return float(text.replace(",", ""))


def centred_cosine(
    a: Mapping[str, float], b: Mapping[str, float], means: Mapping[str, float]
) -> float:
    """Cosine of two importance vectors after subtracting each element's mean."""
    shared = sorted(set(a) & set(b))
    xs = [a[k] - means[k] for k in shared]
    ys = [b[k] - means[k] for k in shared]
    dot = sum(x * y for x, y in zip(xs, ys, strict=True))
    return dot / math.sqrt(sum(x * x for x in xs) * sum(y * y for y in ys))


def profile_importance(code: str, domains: Sequence[str]) -> dict[str, float]:
    """Element id -> importance value, from ``op.profile`` (rated elements only)."""
    profile = op.profile(code)
    out: dict[str, float] = {}
    for domain in domains:
        section: op.RatingSection = getattr(profile, domain)
        for rating in section:
            if rating.importance is not None:
                out[rating.element.id] = rating.importance.value
    return out


@cache
def packaged_means() -> dict[str, dict[str, float]]:
    """Per domain, element id -> mean importance over every row of the packaged
    similarity resource (the occupations with ratings)."""
    raw = (files("occprofile") / "data" / "similarity.json.gz").read_bytes()
    document = json.loads(gzip.decompress(raw))
    means: dict[str, dict[str, float]] = {}
    for domain, table in document["domains"].items():
        columns = list(zip(*table["rows"].values(), strict=True))
        means[domain] = {
            element: sum(v for v in column if v is not None)
            / sum(1 for v in column if v is not None)
            for element, column in zip(table["elements"], columns, strict=True)
        }
    return means


@cache
def packaged_rows() -> dict[str, dict[str, dict[str, float]]]:
    """Per domain, occupation -> element id -> importance, as packaged."""
    raw = (files("occprofile") / "data" / "similarity.json.gz").read_bytes()
    document = json.loads(gzip.decompress(raw))
    return {
        domain: {
            code: {e: v for e, v in zip(table["elements"], row, strict=True) if v is not None}
            for code, row in table["rows"].items()
        }
        for domain, table in document["domains"].items()
    }


def full_ranking(code: str, domains: Sequence[str] = DEFAULT_DOMAINS) -> dict[str, float]:
    """Every other rated occupation's similarity to ``code``."""
    return {
        m.occupation.code: m.similarity
        for m in op.similar_by_ratings(code, 10_000, domains=domains)
    }


def read_xlsx(path: Path, sheet: str | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a workbook sheet as dicts keyed by the header row."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = book[sheet] if sheet else book.active
        ws.reset_dimensions()  # some files carry a wrong <dimension>
        rows = ws.iter_rows(values_only=True)
        header = [str(h) for h in next(rows)]
        for row in rows:
            yield dict(zip(header, row, strict=False))
    finally:
        book.close()


# --------------------------------------------------------------------------
# Upstream fixtures (each file read once per module)


@pytest.fixture(scope="module")
def projections_csv(upstream: Path) -> dict[str, dict[str, str]]:
    """The BLS 2020-30 projections table, by occupation code."""
    path = upstream / "bls-ep-2020-30" / "Employment-Projections_2020-30.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = {bls_code(r["Occupation Code"]): r for r in csv.DictReader(fh)}
    assert len(rows) == 790
    return rows


@pytest.fixture(scope="module")
def oes_2019(upstream: Path) -> dict[str, dict[str, Any]]:
    """The national OES May 2019 rows, by occupation code (first row of a code)."""
    path = upstream / "oes-2019-national" / "national_M2019_dl.xlsx"
    rows: dict[str, dict[str, Any]] = {}
    for row in read_xlsx(path, "national_M2019_dl"):
        rows.setdefault(row["occ_code"], row)
    assert "00-0000" in rows
    return rows


@pytest.fixture(scope="module")
def related_xlsx(upstream: Path) -> dict[str, list[tuple[str, str, int]]]:
    """O*NET related occupations: code -> [(related code, tier, index)] in index order."""
    out: dict[str, list[tuple[str, str, int]]] = {}
    for row in read_xlsx(upstream / "onet-29.3" / "Related Occupations.xlsx"):
        out.setdefault(row["O*NET-SOC Code"], []).append(
            (row["Related O*NET-SOC Code"], row["Relatedness Tier"], int(row["Index"]))
        )
    return {code: sorted(rel, key=lambda r: r[2]) for code, rel in out.items()}


# --------------------------------------------------------------------------
# Education


def test_education_medical_secretaries() -> None:
    """All four O*NET distributions, the job zone and BLS entry requirements."""
    edu = op.education("43-6013")
    profile = op.profile("43-6013")
    assert edu.occupation == op.occupation("43-6013.00")
    assert edu.job_zone == profile.job_zone
    assert edu.job_zone is not None
    assert edu.job_zone.zone == 2
    for scale, field in EDUCATION_FIELDS.items():
        dist = getattr(edu, field)
        assert dist is not None, field
        assert dist.scale == scale
        assert dist.shares == tuple(s for s in profile.education if s.scale == scale)
        assert [s.category for s in dist] == list(range(1, len(dist) + 1))
        assert sum(s.percent for s in dist) == pytest.approx(100, abs=0.5)
        assert dist.most_common.percent == max(s.percent for s in dist)
    assert edu.required_education is not None
    assert edu.required_education.most_common.category == 2  # high school diploma, 47.63%
    assert edu.entry_requirements is not None
    assert edu.entry_requirements.education == "High school diploma or equivalent"
    assert edu.entry_source is not None
    assert edu.entry_source.code == "43-6013"
    assert edu.entry_source.match is op.CodeMatch.SAME
    assert edu.notes == ()


def test_education_agrees_with_outlook() -> None:
    """Entry requirements and their source are the projection's, for every kind of match."""
    for code in ("43-6013", "15-1252", "13-1021.00", "29-1211"):
        edu = op.education(code)
        projection = op.outlook(code).projection
        assert projection is not None
        assert edu.entry_requirements == projection.entry_requirements
        assert edu.entry_source == projection.source


def test_education_missing_distributions_are_none_and_noted() -> None:
    """Legislators: a job zone but no O*NET education data; the note names all four."""
    edu = op.education("11-1031.00")
    assert edu.job_zone is not None
    for field in EDUCATION_FIELDS.values():
        assert getattr(edu, field) is None
    note = edu.notes[0]
    for name in ("required level of education", "related work experience", "on-the-job training"):
        assert name in note.lower()
    assert edu.entry_requirements is not None  # BLS still projects legislators


def test_education_entry_source_broader_and_combined() -> None:
    broader = op.education("13-1021.00")
    assert broader.entry_source is not None
    assert broader.entry_source.match is op.CodeMatch.BROADER
    assert broader.entry_source.code == op.occupation("13-1021.00").wage_code == "13-1020"
    assert any(n.startswith("Entry requirements:") and "13-1020" in n for n in broader.notes)
    combined = op.education("15-1252")
    assert combined.entry_source is not None
    assert combined.entry_source.match is op.CodeMatch.COMBINED
    assert combined.entry_source.code == "15-1256"
    assert any("15-1256" in n for n in combined.notes)


def test_education_without_projection() -> None:
    edu = op.education("55-1011")
    assert edu.entry_requirements is None
    assert edu.entry_source is None
    assert edu.job_zone is None
    assert any("55-1011" in n and "projections" in n for n in edu.notes)


def test_education_dataset_method_matches_module_function() -> None:
    assert op.Dataset().education("43-6013") == op.education("43-6013")


@pytest.mark.upstream
def test_education_matches_onet_tables(upstream: Path) -> None:
    """Shares and job zones re-read from the O*NET workbooks, on a sample of occupations."""
    codes = {o.code for o in op.occupations()[::20]} | {"43-6013.00", "15-1252.00", "11-1031.00"}
    shares: dict[tuple[str, str], list[dict[str, Any]]] = {}
    path = upstream / "onet-29.3" / "Education, Training, and Experience.xlsx"
    for row in read_xlsx(path):
        if row["O*NET-SOC Code"] in codes:
            shares.setdefault((row["O*NET-SOC Code"], row["Scale ID"]), []).append(row)
    zones = {
        r["O*NET-SOC Code"]: r["Job Zone"]
        for r in read_xlsx(upstream / "onet-29.3" / "Job Zones.xlsx")
    }
    assert ("43-6013.00", "RL") in shares
    for code in sorted(codes):
        edu = op.education(code)
        assert (edu.job_zone.zone if edu.job_zone else None) == zones.get(code), code
        for scale, field in EDUCATION_FIELDS.items():
            dist = getattr(edu, field)
            rows = sorted(shares.get((code, scale), []), key=lambda r: r["Category"])
            if not rows:
                assert dist is None, (code, scale)
                continue
            assert dist is not None, (code, scale)
            got = [(s.category, s.percent, s.n, s.standard_error) for s in dist]
            want = [(r["Category"], r["Data Value"], r["N"], r["Standard Error"]) for r in rows]
            assert got == want, (code, scale)


# --------------------------------------------------------------------------
# Certifications


def test_certifications_medical_secretaries() -> None:
    certs = op.certifications("43-6013")
    assert [c.abbreviation for c in certs] == ["CPS", "CAP", None]
    cps, cap, amspar = certs
    assert cps.exam is not None
    assert cps.exam.parts == 3 == len(cps.exam.topics)
    assert cap.exam is not None
    assert cap.exam.parts == 4 == len(cap.exam.topics)
    assert "Advanced organizational management" in cap.exam.topics
    assert set(cps.exam.topics) < set(cap.exam.topics)  # CAP is the advanced step
    assert amspar.name == "Level 3 Certificate in Medical Terminology"
    assert "AMSPAR" in amspar.issuer
    assert amspar.exam is None
    for cert in certs:
        assert cert.sources, cert.id
        assert str(cert).startswith(cert.name)


def test_certifications_by_any_spelling_of_the_occupation() -> None:
    expected = op.certifications("43-6013")
    assert op.certifications("43-6013.00") == expected
    assert op.certifications("Medical Secretaries and Administrative Assistants") == expected
    assert op.Dataset().certifications("43-6013") == expected


def test_no_curated_certifications_is_empty() -> None:
    assert op.certifications("15-1252") == ()
    assert op.certifications("55-1011") == ()


def test_certifications_unknown_occupation() -> None:
    with pytest.raises(op.UnknownOccupationError):
        op.certifications("99-9999")
    with pytest.raises(LookupError):
        op.certifications("99-9999")


def test_all_certifications_are_reachable_from_their_occupations() -> None:
    every = op.all_certifications()
    assert len({c.id for c in every}) == len(every) >= 3
    reached: set[str] = set()
    for occ in op.occupations():
        found = op.certifications(occ.code)
        assert set(found) <= set(every)
        for cert in found:
            assert occ.soc_code in cert.occupations or occ.code in cert.occupations
        reached |= {c.id for c in found}
    assert reached == {c.id for c in every}
    for cert in every:
        for code in cert.occupations:
            assert cert in op.certifications(code)


# --------------------------------------------------------------------------
# Similar occupations (O*NET related)


def test_similar_occupations_order_and_national_figures() -> None:
    similar = op.similar_occupations("43-6013")
    assert len(similar) == 10
    assert [s.index for s in similar] == list(range(1, 11))
    assert similar[0].occupation.code == "29-2072.00"
    for s in similar:
        assert s.wage_occupation is not None
        national = op.national(s.occupation.code)
        assert s.wage_occupation == national.occupation
        assert s.employment == national.employment
        assert s.annual_mean == national.annual_mean
        assert s.employment.released


def test_similar_occupations_n() -> None:
    ten = op.similar_occupations("43-6013", 10)
    assert op.similar_occupations("43-6013", 3) == ten[:3]
    everything = op.similar_occupations("43-6013", 1000)
    assert len(everything) == len(op.profile("43-6013").related) == 20
    assert everything[:10] == ten
    assert op.Dataset().similar_occupations("43-6013", 3) == ten[:3]


def test_similar_occupation_without_estimate() -> None:
    """Legislators, related to Chief Executives, have no OEWS figures: said so, not zero."""
    similar = {s.occupation.code: s for s in op.similar_occupations("11-1011", 50)}
    legislators = similar["11-1031.00"]
    assert legislators.wage_occupation is None
    for figure in (legislators.employment, legislators.annual_mean):
        assert figure.status is op.Status.NO_ESTIMATE
        assert figure.value is None
    with pytest.raises(op.NoWageDataError):
        op.national("11-1031.00")


@pytest.mark.upstream
def test_similar_occupations_follow_onet_related_order(
    related_xlsx: dict[str, list[tuple[str, str, int]]],
) -> None:
    codes = [o.code for o in op.occupations()[::15]] + ["43-6013.00", "15-1252.00"]
    for code in codes:
        got = [(s.occupation.code, s.tier, s.index) for s in op.similar_occupations(code, 1000)]
        assert got == related_xlsx.get(code, []), code


# --------------------------------------------------------------------------
# Similar by ratings


@pytest.mark.parametrize("code", ["43-6013.00", "29-1141.00", "11-1011.00", "47-2061.00"])
def test_similar_by_ratings_properties(code: str) -> None:
    matches = op.similar_by_ratings(code, 25)
    assert len(matches) == 25
    assert code not in {m.occupation.code for m in matches}
    scores = [m.similarity for m in matches]
    assert all(-1.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    own = profile_importance(code, DEFAULT_DOMAINS)
    for m in matches:
        assert m.domains == DEFAULT_DOMAINS
        other = profile_importance(m.occupation.code, DEFAULT_DOMAINS)
        assert m.elements == len(set(own) & set(other)) > 0


def test_similar_by_ratings_whole_ranking() -> None:
    """Every rated occupation but itself, best first, with negative scores at the end."""
    ranking = op.similar_by_ratings("43-6013", 10_000)
    assert len(ranking) == len(packaged_rows()["skills"]) - 1
    assert ranking[-1].similarity < 0 < ranking[0].similarity
    assert op.similar_by_ratings("43-6013", 5) == ranking[:5]


def test_similarity_is_symmetric() -> None:
    for a, b in [("43-6013.00", "43-6014.00"), ("43-6013.00", "47-2061.00")]:
        forward = full_ranking(a)[b]
        backward = full_ranking(b)[a]
        assert forward == pytest.approx(backward, abs=1e-12)


@pytest.mark.parametrize(
    ("a", "b", "domains"),
    [
        ("43-6013.00", "43-6014.00", DEFAULT_DOMAINS),
        ("43-6013.00", "47-2061.00", DEFAULT_DOMAINS),
        ("29-1141.00", "31-1131.00", ("knowledge",)),
        ("15-1251.00", "17-2061.00", ("skills", "abilities")),
    ],
)
def test_similarity_recomputed_from_profiles(a: str, b: str, domains: tuple[str, ...]) -> None:
    """One score recomputed here: profile importances, centred on the packaged means."""
    means: dict[str, float] = {}
    for domain in domains:
        means |= packaged_means()[domain]
        # the packaged rows are the profiles' importances
        for code in (a, b):
            assert packaged_rows()[domain][code] == profile_importance(code, [domain])
    expected = centred_cosine(profile_importance(a, domains), profile_importance(b, domains), means)
    assert full_ranking(a, domains)[b] == pytest.approx(expected, abs=1e-9)


def test_domain_order_and_duplicates_do_not_matter() -> None:
    canonical = op.similar_by_ratings("43-6013", 5, domains=("skills", "abilities"))
    assert canonical[0].domains == ("skills", "abilities")
    shuffled = op.similar_by_ratings("43-6013", 5, domains=["abilities", "skills", "skills"])
    assert shuffled == canonical
    assert canonical != op.similar_by_ratings("43-6013", 5)


def test_unrated_occupation_raises_no_ratings_error() -> None:
    with pytest.raises(op.NoRatingsError) as info:
        op.similar_by_ratings("15-1252.00")
    assert isinstance(info.value, LookupError)
    assert info.value.domains == DEFAULT_DOMAINS
    assert "15-1252" in str(info.value)
    assert not op.profile("15-1252.00").skills.available


@pytest.mark.parametrize("domains", [(), ("skill",), ("work_styles",), ("skills", "tasks")])
def test_bad_domains_are_value_errors(domains: tuple[str, ...]) -> None:
    with pytest.raises(op.InvalidArgumentError):
        op.similar_by_ratings("43-6013", domains=domains)
    with pytest.raises(ValueError, match="domains"):
        op.similar_by_ratings("43-6013", domains=domains)


@pytest.mark.parametrize("domains", ["skills", 3, None])
def test_domains_of_the_wrong_type(domains: Any) -> None:
    with pytest.raises(TypeError, match="domains"):
        op.similar_by_ratings("43-6013", domains=domains)


@pytest.mark.upstream
def test_similarity_recomputed_from_wide_table(upstream: Path) -> None:
    """Scores recomputed from importance_wide_29.csv alone (means over its rated rows)."""
    path = upstream / "onet-29.3-supplement" / "importance_wide_29.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = {r["O*NET-SOC Code"]: r for r in csv.DictReader(fh)}
    columns = [c for c in next(iter(rows.values())) if c.startswith(tuple(WIDE_PREFIX.values()))]
    vectors = {
        code: {c: float(row[c]) for c in columns if row[c]}
        for code, row in rows.items()
        if any(row[c] for c in columns)
    }
    means = {
        c: sum(v[c] for v in vectors.values() if c in v)
        / sum(1 for v in vectors.values() if c in v)
        for c in columns
    }
    target = "43-6013.00"
    ranking = op.similar_by_ratings(target, 10_000)
    assert {m.occupation.code for m in ranking} == set(vectors) - {target}
    for match in ranking[:3] + ranking[400:402] + ranking[-3:]:
        expected = centred_cosine(vectors[target], vectors[match.occupation.code], means)
        assert match.similarity == pytest.approx(expected, abs=1e-9), match.occupation.code


# --------------------------------------------------------------------------
# Outlook: projections 2020-30


def test_outlook_same_code() -> None:
    outlook = op.outlook("43-6013")
    projection = outlook.projection
    assert projection is not None
    assert outlook.occupation == projection.occupation == op.occupation("43-6013")
    assert projection.source.code == "43-6013"
    assert projection.source.match is op.CodeMatch.SAME
    assert projection.source.exact
    assert projection.employment_2020_thousands.value == 611.2
    assert projection.median_wage_2020.value == 37350
    assert projection.median_wage_2020.status is op.Status.RELEASED
    assert "Dental Secretary" in projection.sample_titles
    e2020 = projection.employment_2020_thousands.value
    e2030 = projection.employment_2030_thousands.value
    change = projection.change_thousands.value
    assert e2020 is not None
    assert e2030 is not None
    assert change is not None
    assert e2030 - e2020 == pytest.approx(change, abs=0.11)  # BLS rounds each to 0.1
    assert outlook.projection_note is None


def test_outlook_combined_code() -> None:
    outlook = op.outlook("15-1252")
    projection = outlook.projection
    assert projection is not None
    assert projection.source.match is op.CodeMatch.COMBINED
    assert not projection.source.exact
    assert projection.source.code == "15-1256"
    assert outlook.projection_note == projection.source.note
    assert outlook.projection_note is not None
    assert "15-1253" in outlook.projection_note  # the other part of 15-1256


def test_outlook_broader_code() -> None:
    outlook = op.outlook("13-1021.00")
    projection = outlook.projection
    assert projection is not None
    assert projection.source.match is op.CodeMatch.BROADER
    assert projection.source.code == "13-1020"
    assert outlook.projection_note is not None
    assert "13-1020" in outlook.projection_note


def test_outlook_without_projection() -> None:
    outlook = op.outlook("55-1011")
    assert outlook.projection is None
    assert outlook.projection_note is not None
    assert "55-1011" in outlook.projection_note
    assert "no row" in outlook.projection_note


def test_projection_median_wage_statuses() -> None:
    top = op.outlook("29-1211").projection  # anesthesiologists: ">=208,000"
    assert top is not None
    wage = top.median_wage_2020
    assert wage.status is op.Status.TOP_CODED
    assert wage.value is None
    assert wage.lower_bound == 208000
    assert wage.text == ">=208,000"
    na = op.outlook("27-2011").projection  # actors: "N/A"
    assert na is not None
    assert na.median_wage_2020.status is op.Status.NOT_RELEASED
    assert na.median_wage_2020.value is None
    assert na.median_wage_2020.lower_bound is None


def test_outlook_history_is_national_change() -> None:
    for code in ("43-6013", "15-1252", "55-1011"):
        assert op.outlook(code).history == op.national_change(code)
    assert op.Dataset().outlook("43-6013") == op.outlook("43-6013")


#: O*NET occupations that OEWS May 2025 publishes only within an OEWS aggregate
#: (curated in databuild/curated/oews_aggregates.json), and that aggregate: it is
#: also the 2020-30 projections code and the May 2019 code that holds them.
IN_AGGREGATES = [
    ("21-1011.00", "21-1018"),
    ("21-1014.00", "21-1018"),
    ("25-2055.00", "25-2052"),
    ("25-2056.00", "25-2052"),
    ("25-9042.00", "25-9045"),
    ("25-9043.00", "25-9045"),
    ("25-9049.00", "25-9045"),
    ("51-2022.00", "51-2028"),
    ("51-2023.00", "51-2028"),
    ("53-1042.00", "53-1047"),
    ("53-1042.01", "53-1047"),
    ("53-1043.00", "53-1047"),
    ("53-1044.00", "53-1047"),
    ("53-1049.00", "53-1047"),
]


@pytest.mark.parametrize(("code", "aggregate"), IN_AGGREGATES)
def test_occupations_within_an_aggregate_use_it_everywhere(code: str, aggregate: str) -> None:
    occ = op.occupation(code)
    assert (occ.wage_code, occ.wage_basis) == (aggregate, "aggregate")
    outlook = op.outlook(code)
    assert outlook.projection is not None, outlook.projection_note
    assert outlook.projection.source.code == aggregate
    assert outlook.projection.source.match is op.CodeMatch.BROADER
    assert op.education(code).entry_requirements == outlook.projection.entry_requirements
    history = outlook.history
    assert history.comparable
    assert history.later is not None
    assert history.later.occupation.code == aggregate
    assert any(aggregate in note for note in history.notes)


@pytest.mark.upstream
def test_aggregates_are_projection_rows(
    projections_csv: dict[str, dict[str, str]],
) -> None:
    """The aggregate has a projections row; the occupation's own code has none."""
    for code, aggregate in IN_AGGREGATES:
        occ = op.occupation(code)
        assert aggregate in projections_csv
        assert occ.soc_code not in projections_csv


@pytest.mark.upstream
def test_projections_match_bls_table(projections_csv: dict[str, dict[str, str]]) -> None:
    """Every O*NET occupation: the matching rule and every value, against the CSV."""
    fields = {
        "employment_2020_thousands": "Employment 2020",
        "employment_2030_thousands": "Employment 2030",
        "change_thousands": "Employment Change, 2020-2030",
        "percent_change": "Employment Percent Change, 2020-2030",
        "annual_openings_thousands": "Occupational Openings, 2020-2030 Annual Average",
    }
    seen: set[op.CodeMatch] = set()
    for occ in op.occupations():
        projection = op.outlook(occ.code).projection
        if projection is None:
            assert occ.soc_code not in projections_csv, occ
            assert occ.wage_code not in projections_csv, occ
            continue
        source = projection.source
        seen.add(source.match)
        if occ.soc_code in projections_csv and occ.code.endswith(".00"):
            assert source.match is op.CodeMatch.SAME, occ
            assert source.code == occ.soc_code
        elif occ.soc_code in projections_csv:  # a sub-occupation: its whole SOC occupation
            assert source.match is op.CodeMatch.BROADER, occ
            assert source.code == occ.soc_code
            assert source.note is not None
            assert occ.code in source.note
        elif source.match is op.CodeMatch.BROADER:
            assert source.code == occ.wage_code != occ.soc_code
        else:
            assert source.match is op.CodeMatch.COMBINED, occ
            assert source.note is not None
            assert occ.soc_code in source.note
            assert source.code in source.note
        row = projections_csv[source.code]
        title, *samples = row["Occupation Title"].split("*")
        assert source.title == title.strip()
        assert projection.sample_titles == tuple(s.strip() for s in samples)
        for field, column in fields.items():
            figure: op.Figure = getattr(projection, field)
            assert figure.text == row[column], (occ, field)
            assert figure.value == bls_number(row[column]), (occ, field)
            assert figure.status is op.Status.RELEASED
        wage = row["Median Annual Wage 2020"]
        median = projection.median_wage_2020
        assert median.text == wage
        if wage == "N/A":
            assert median.status is op.Status.NOT_RELEASED
        elif wage.startswith(">="):
            assert median.status is op.Status.TOP_CODED
            assert median.lower_bound == bls_number(wage[2:])
        else:
            assert median.value == bls_number(wage)
        entry = projection.entry_requirements
        assert (entry.education, entry.education_code) == (
            row["Typical Entry-Level Education"],
            int(row["Education Code"]),
        )
        assert (entry.work_experience, entry.work_experience_code) == (
            row["Work Experience in a Related Occupation"],
            int(row["Workex Code"]),
        )
        assert (entry.training, entry.training_code) == (
            row["Typical on-the-job Training"],
            int(row["trCode"]),
        )
    assert seen == set(op.CodeMatch)


# --------------------------------------------------------------------------
# National change, May 2019 -> May 2025


def test_national_change_same_code() -> None:
    change = op.national_change("43-6013")
    national = op.national("43-6013")
    assert change.comparable
    assert change.earlier is not None
    assert change.earlier.period == "May 2019"
    assert change.earlier.employment.value == 604780
    assert change.earlier.annual_mean.value == 38090
    assert change.later == national
    assert change.earlier_source is not None
    assert change.earlier_source.match is op.CodeMatch.SAME
    later_emp, later_mean = national.employment.value, national.annual_mean.value
    assert later_emp is not None
    assert later_mean is not None
    assert change.employment_change == later_emp - 604780
    assert change.employment_percent_change == pytest.approx((later_emp / 604780 - 1) * 100)
    assert change.annual_mean_change == later_mean - 38090
    assert change.annual_mean_percent_change == pytest.approx((later_mean / 38090 - 1) * 100)


def test_national_change_combined_code_is_not_compared() -> None:
    change = op.national_change("15-1252")
    assert not change.comparable
    assert change.earlier is not None
    assert change.earlier.code == "15-1256"
    assert change.earlier_source is not None
    assert change.earlier_source.match is op.CodeMatch.COMBINED
    assert change.later == op.national("15-1252")
    assert change.employment_change is None
    assert change.employment_percent_change is None
    assert change.annual_mean_change is None
    assert change.annual_mean_percent_change is None
    assert any("15-1256" in n for n in change.notes)


def test_national_change_without_may_2025_estimate() -> None:
    change = op.national_change("11-1031")  # legislators
    assert change.later is None
    assert not change.comparable
    assert change.earlier is not None  # May 2019 did publish them
    assert change.employment_change is None
    assert any("May 2025" in n and "11-1031" in n for n in change.notes)


def test_national_change_with_neither_release() -> None:
    change = op.national_change("55-1011")
    assert change.earlier is None
    assert change.earlier_source is None
    assert change.later is None
    assert not change.comparable
    assert len(change.notes) == 2


@pytest.mark.parametrize("code", ["00-0000", "43-6010", "43-0000"])
def test_national_change_accepts_oews_only_codes(code: str) -> None:
    change = op.national_change(code)
    assert change.occupation == op.wage_occupation(code)
    assert change.later == op.national(code)
    assert change.comparable
    assert change.earlier is not None
    assert change.earlier.code == code
    later = change.later.employment.value
    earlier = change.earlier.employment.value
    assert later is not None
    assert earlier is not None
    assert change.employment_change == later - earlier


def test_national_change_unknown_occupation() -> None:
    with pytest.raises(op.UnknownOccupationError):
        op.national_change("99-9999")
    assert op.Dataset().national_change("43-6013") == op.national_change("43-6013")


def expected_2019_status(row: Mapping[str, Any], column: str) -> op.Status:
    """What a May 2019 marker means for one column (see the workbook's notes)."""
    value = row[column]
    if isinstance(value, int | float):
        return op.Status.RELEASED
    if value == "#":
        return op.Status.TOP_CODED
    if column.startswith("h_") and row["annual"] == "TRUE":
        return op.Status.ANNUAL_ONLY
    if column.startswith("a_") and row["hourly"] == "TRUE":
        return op.Status.HOURLY_ONLY
    return op.Status.NOT_RELEASED


@pytest.mark.upstream
def test_every_detailed_code_matches_may_2019(oes_2019: dict[str, dict[str, Any]]) -> None:
    """Same code in the May 2019 file, or inside a combined code; values as published."""
    columns = {"employment": "tot_emp", "annual_mean": "a_mean", "hourly_mean": "h_mean"}
    combined = 0
    for occ in op.wage_occupations("detailed"):
        change = op.national_change(occ.code)
        source = change.earlier_source
        assert source is not None, occ
        assert change.earlier is not None
        row = oes_2019[source.code]
        assert change.earlier.code == source.code == row["occ_code"]
        if occ.code in oes_2019:
            assert source.match is op.CodeMatch.SAME, occ
            assert change.comparable == (change.later is not None)
        else:
            combined += 1
            assert source.match is op.CodeMatch.COMBINED, occ
            assert not change.comparable
            assert change.employment_change is None
        for field, column in columns.items():
            figure: op.Figure = getattr(change.earlier, field)
            assert figure.status is expected_2019_status(row, column), (occ, field)
            if figure.released:
                assert figure.value == float(row[column]), (occ, field)
            elif figure.status is op.Status.TOP_CODED:
                assert figure.lower_bound == (100 if column.startswith("h_") else 208000)
        later = change.later.employment.value if change.later else None
        earlier = change.earlier.employment.value
        if change.comparable and later is not None and earlier is not None:
            assert change.employment_change == later - earlier
    assert 0 < combined < len(op.wage_occupations("detailed"))


# --------------------------------------------------------------------------
# State view


@pytest.mark.parametrize(
    ("occupation", "state"),
    [("43-6013", "CA"), ("43-6013", "New Jersey"), ("43-6013", "AL"), ("29-1141", "TX")],
)
def test_state_view_ranks_and_areas(occupation: str, state: str) -> None:
    view = op.state_view(occupation, state)
    where = op.state(state)
    postal = where.states[0]
    assert view.state == where
    assert view.occupation == op.wage_occupation(occupation)
    assert view.estimate == op.estimate(occupation, where.code)
    assert view.metros, "every one of these states has metros with estimates"
    for kind, ranked in ((op.AreaKind.METRO, view.metros), (op.AreaKind.NONMETRO, view.nonmetro)):
        assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))
        assert len({r.area.code for r in ranked}) == len(ranked)
        for r in ranked:
            assert r.area.kind is kind
            assert postal in r.area.states
            assert r.by == "employment"
            assert r.ranked_value == r.estimate.employment
            assert r.estimate == op.estimate(occupation, r.area.code)
        released = [v for r in ranked if (v := r.ranked_value.value) is not None]
        assert released == sorted(released, reverse=True)
        # unreleased figures come after every released one
        flags = [r.ranked_value.released for r in ranked]
        assert flags == sorted(flags, reverse=True)
    in_state = {a.code for a in op.metros(postal)}
    assert {r.area.code for r in view.metros} <= in_state


def test_state_view_unreleased_metro_ranks_last() -> None:
    view = op.state_view("43-6013", "AL")
    assert not view.metros[-1].ranked_value.released
    assert all(r.ranked_value.released for r in view.metros[:-1])


@pytest.mark.parametrize(
    ("occupation", "state"), [("43-6013", "CA"), ("43-6013", "NJ"), ("29-1141", "TX")]
)
def test_state_view_agrees_with_top_metros(occupation: str, state: str) -> None:
    view = op.state_view(occupation, state)
    assert op.top_metros(occupation, len(view.metros), state=state) == view.metros
    assert op.top_metros(occupation, 3, state=state) == view.metros[:3]
    with_nonmetro = op.top_metros(occupation, 1000, state=state, include_nonmetro=True)
    assert {r.area.code for r in with_nonmetro} == {
        r.area.code for r in view.metros + view.nonmetro
    }


def test_state_view_metros_feed_compare_metros() -> None:
    view = op.state_view("43-6013", "CA")
    first, second = view.metros[0], view.metros[1]
    comparison = op.compare_metros("43-6013", first.area.code, second.area.code)
    assert comparison.a == first.estimate
    assert comparison.b == second.estimate
    a, b = first.estimate.employment.value, second.estimate.employment.value
    assert a is not None
    assert b is not None
    row = comparison.row("employment")
    assert row.difference == a - b > 0
    assert row.ratio == pytest.approx(a / b)
    assert comparison.missing == ()


def test_state_view_state_spellings_agree() -> None:
    view = op.state_view("43-6013", "CA")
    assert op.state_view("43-6013", "California") == view
    assert op.state_view("43-6013", view.state.code) == view
    assert op.state_view("43-6013.00", "CA") == view
    assert op.Dataset().state_view("43-6013", "CA") == view


def test_state_view_says_what_is_missing() -> None:
    """No state row and no area rows: empty parts and a note for each."""
    view = op.state_view("13-1074", "AL")  # farm labor contractors
    assert view.estimate is None
    assert view.metros == ()
    assert view.nonmetro == ()
    assert any("Alabama" in n and "estimate" in n for n in view.notes)
    assert any("metro" in n for n in view.notes)


def test_state_view_unreleased_nonmetro_areas_are_noted() -> None:
    """Washington's only nonmetro row for 45-2091 is unreleased: no ranking, but a note."""
    view = op.state_view("45-2091", "WA")
    assert view.metros
    assert view.nonmetro == ()
    assert any("nonmetro" in n and "Washington" in n for n in view.notes)
    unranked = op.top_metros("45-2091", 100, state="WA", include_nonmetro=True)[-1]
    assert unranked.area.kind is op.AreaKind.NONMETRO
    assert not unranked.ranked_value.released


def test_state_view_without_any_wages() -> None:
    with pytest.raises(op.NoWageDataError):
        op.state_view("55-1011", "CA")
    with pytest.raises(op.UnknownAreaError):
        op.state_view("43-6013", "Atlantis")


@pytest.mark.upstream
def test_state_view_matches_sqlite(oews_db: sqlite3.Connection) -> None:
    """New Jersey's metros (including multi-state ones) and their employment, from SQL."""
    rows = oews_db.execute(
        """
        SELECT a.area_code, a.area_name, c.v01 FROM cell c
        JOIN area a ON a.area_code = substr(c.key, 5, 7)
        WHERE c.key >= 'OEUM' AND c.key < 'OEUN' AND substr(c.key, 12, 12) = '000000436013'
          AND a.area_name NOT LIKE '%nonmetropolitan%'
        """
    ).fetchall()
    in_nj = [r for r in rows if "NJ" in r[1].rsplit(", ", 1)[1].split("-")]
    assert in_nj
    expected = sorted((r for r in in_nj if r[2] != "-"), key=lambda r: (-int(r[2]), r[1]))
    view = op.state_view("43-6013", "NJ")
    got = [(r.area.code, r.area.name, r.estimate.employment.text) for r in view.metros]
    assert got[: len(expected)] == [tuple(r) for r in expected]
    assert len(got) == len(in_nj)


# --------------------------------------------------------------------------
# Argument checks


#: The functions taking ``n``, module level and Dataset methods.
N_FUNCTIONS: dict[str, Callable[..., object]] = {
    "similar_occupations": op.similar_occupations,
    "similar_by_ratings": op.similar_by_ratings,
    "Dataset.similar_occupations": op.Dataset().similar_occupations,
    "Dataset.similar_by_ratings": op.Dataset().similar_by_ratings,
}


@pytest.mark.parametrize("name", sorted(N_FUNCTIONS))
@pytest.mark.parametrize("n", [0, -1])
def test_n_must_be_positive(name: str, n: int) -> None:
    with pytest.raises(op.InvalidArgumentError, match="positive"):
        N_FUNCTIONS[name]("43-6013", n)
    with pytest.raises(ValueError, match="positive"):
        N_FUNCTIONS[name]("43-6013", n)


@pytest.mark.parametrize("name", sorted(N_FUNCTIONS))
@pytest.mark.parametrize("n", [1.5, "3", True, None])
def test_n_must_be_an_int(name: str, n: Any) -> None:
    with pytest.raises(op.ArgumentTypeError, match="n must be an int"):
        N_FUNCTIONS[name]("43-6013", n)
    with pytest.raises(TypeError, match="must be an int"):
        N_FUNCTIONS[name]("43-6013", n)


@pytest.mark.parametrize(
    "call",
    [
        op.education,
        op.certifications,
        op.outlook,
        op.national_change,
        op.similar_occupations,
        op.similar_by_ratings,
        lambda occupation: op.state_view(occupation, "CA"),
    ],
)
def test_occupation_must_be_a_str(call: Any) -> None:
    with pytest.raises(TypeError):
        call(436013)


# --------------------------------------------------------------------------
# Sub-occupations, hourly-only wages, codes that differ between releases


def test_sub_occupation_figures_are_labelled_as_the_whole_soc() -> None:
    """11-1011.03 Chief Sustainability Officers: BLS publishes only 11-1011."""
    outlook = op.outlook("11-1011.03")
    assert outlook.projection is not None
    source = outlook.projection.source
    assert (source.code, source.match) == ("11-1011", op.CodeMatch.BROADER)
    assert source.note is not None
    assert "11-1011.03" in source.note
    assert "whole SOC occupation 11-1011" in source.note
    assert op.education("11-1011.03").entry_source == source
    history = outlook.history
    assert history.comparable  # the same SOC code in both years...
    assert any("11-1011.03" in n for n in history.notes)  # ...said to be the whole SOC
    flat = " ".join(op.report("11-1011.03").to_text().split())
    assert "BLS 11-1011 Chief executives, broader code" in flat


def test_hourly_only_wages_are_shown_per_hour() -> None:
    national = op.national("27-2011")
    assert national.annual_mean.status is op.Status.HOURLY_ONLY
    assert national.hourly_mean.value is not None
    dancers = next(
        s for s in op.similar_occupations("27-2011") if s.occupation.code == "27-2031.00"
    )
    assert dancers.hourly_mean == op.national("27-2031").hourly_mean
    history = op.national_change("27-2011")
    assert history.annual_mean_change is None
    assert history.earlier is not None
    assert history.earlier.hourly_mean.value is not None
    assert history.hourly_mean_change == pytest.approx(
        national.hourly_mean.value - history.earlier.hourly_mean.value
    )
    flat = " ".join(op.report("27-2011").to_text().split())
    assert f"mean wage {national.hourly_mean.format(money=True)} an hour" in flat
    assert "Hourly mean wage change: +$" in flat


def test_a_change_needs_the_same_code_in_both_releases() -> None:
    """If May 2019 had only the occupation's own code while May 2025 publishes a broader
    one, the two are different groups: no change is computed."""

    class Patched(op.Dataset):
        def _history(self) -> dict[str, Any]:
            history = dict(super()._history())
            record = history.pop("29-2010")
            history["29-2011"] = attrs.evolve(record, code="29-2011")
            return history

    change = Patched().national_change("29-2011.00")
    assert change.earlier is not None
    assert change.later is not None
    assert change.earlier.code == "29-2011"
    assert change.later.occupation.code == "29-2010"
    assert not change.comparable
    assert change.employment_change is None


def test_comparable_changes_carry_the_time_series_caveat() -> None:
    assert any("not designed as a time series" in n for n in op.national_change("43-6013").notes)
    assert not any(
        "not designed as a time series" in n for n in op.national_change("15-1252").notes
    )


def test_domains_accept_any_collection_and_explain_mistakes() -> None:
    as_set = op.similar_by_ratings("43-6013", 3, domains={"knowledge", "skills"})
    assert as_set == op.similar_by_ratings("43-6013", 3, domains=("skills", "knowledge"))
    with pytest.raises(op.InvalidArgumentError, match="empty"):
        op.similar_by_ratings("43-6013", domains=[])
    with pytest.raises(op.InvalidArgumentError, match="Did you mean 'skills'"):
        op.similar_by_ratings("43-6013", domains=["skill"])


def test_state_view_explains_missing_areas() -> None:
    guam = op.state_view("43-6013", "Guam")
    assert (guam.metros, guam.nonmetro) == ((), ())
    assert "OEWS defines no metro areas in Guam." in guam.notes
    texas = op.state_view("15-1252", "TX")
    missing = len(op.metros(state="TX")) - len(texas.metros)
    assert missing > 0
    assert any(
        n.startswith(f"{missing} of the {len(op.metros(state='TX'))} metro") for n in texas.notes
    )


def test_low_precision_education_shares_are_flagged() -> None:
    education = op.education("11-1011")
    assert education.on_site_training is not None
    top = education.on_site_training.most_common
    assert top.recommend_suppress
    flat = " ".join(op.report("11-1011").to_text().split())
    assert f"'{top.label}' ({top.percent:.1f}% (low precision) of respondents)" in flat
