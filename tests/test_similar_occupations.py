"""Similar occupations as O*NET relates them (``op.similar_occupations``), with
their national figures.

Only the public API is used (``occprofile`` and ``occprofile.Dataset``).
The test marked ``upstream`` re-reads O*NET's Related Occupations workbook in
../shared/data and compares it with the answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import occprofile as op
from tests.helpers import read_xlsx


@pytest.fixture(scope="module")
def related_xlsx(upstream: Path) -> dict[str, list[tuple[str, str, int]]]:
    """O*NET related occupations: code -> [(related code, tier, index)] in index order."""
    out: dict[str, list[tuple[str, str, int]]] = {}
    for row in read_xlsx(upstream / "onet-29.3" / "Related Occupations.xlsx"):
        out.setdefault(row["O*NET-SOC Code"], []).append(
            (row["Related O*NET-SOC Code"], row["Relatedness Tier"], int(row["Index"]))
        )
    return {code: sorted(rel, key=lambda r: r[2]) for code, rel in out.items()}


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
