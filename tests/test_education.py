"""Education, training and experience (``op.education``): O*NET's four
distributions and the job zone, and the BLS entry requirements with their source.

Only the public API is used (``occprofile`` and ``occprofile.Dataset``).
The test marked ``upstream`` re-reads the O*NET workbooks in ../shared/data and
compares them with the answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import occprofile as op
from tests.helpers import read_xlsx

#: O*NET education scales and the Education field holding each.
EDUCATION_FIELDS = {
    "RL": "required_education",
    "RW": "related_experience",
    "PT": "on_site_training",
    "OJ": "on_the_job_training",
}


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


def test_education_entry_source_broader_and_recoded() -> None:
    broader = op.education("13-1021.00")
    assert broader.entry_source is not None
    assert broader.entry_source.match is op.CodeMatch.BROADER
    assert broader.entry_source.code == op.occupation("13-1021.00").wage_code == "13-1020"
    assert any(n.startswith("Entry requirements:") and "13-1020" in n for n in broader.notes)
    # 2020-30 combined 15-1252 into 15-1256; the 2024-34 requirements are its own
    recoded = op.education("15-1252")
    assert recoded.entry_source is not None
    assert recoded.entry_source.match is op.CodeMatch.SAME
    assert recoded.entry_source.code == "15-1252"
    assert recoded.entry_requirements is not None
    assert recoded.entry_requirements.release == "2024-34"


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


def test_low_precision_education_shares_are_flagged() -> None:
    education = op.education("11-1011")
    assert education.on_site_training is not None
    top = education.on_site_training.most_common
    assert top.recommend_suppress
    flat = " ".join(op.report("11-1011").to_text().split())
    assert f"'{top.label}' ({top.percent:.1f}% (low precision) of respondents)" in flat
