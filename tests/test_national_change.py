"""The national change, May 2019 -> May 2025 (``op.national_change``): computed only
between the same code in both releases, with the caveats that go with it.

Only the public API is used (``occprofile`` and ``occprofile.Dataset``).
The test marked ``upstream`` re-reads the OES May 2019 workbook in ../shared/data
and compares it with the answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

import occprofile as op
from tests.helpers import read_xlsx


@pytest.fixture(scope="module")
def oes_2019(upstream: Path) -> dict[str, dict[str, Any]]:
    """The national OES May 2019 rows, by occupation code (first row of a code)."""
    path = upstream / "oes-2019-national" / "national_M2019_dl.xlsx"
    rows: dict[str, dict[str, Any]] = {}
    for row in read_xlsx(path, "national_M2019_dl"):
        rows.setdefault(row["occ_code"], row)
    assert "00-0000" in rows
    return rows


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


def test_a_change_needs_the_same_code_in_both_releases(monkeypatch: pytest.MonkeyPatch) -> None:
    """If May 2019 had only the occupation's own code while May 2025 publishes a broader
    one, the two are different groups: no change is computed."""

    ds = op.Dataset()
    history = dict(ds._src.history())
    record = history.pop("29-2010")
    history["29-2011"] = attrs.evolve(record, code="29-2011")
    monkeypatch.setattr(ds._src, "history", lambda: history)
    titles = {code: rec.title for code, rec in history.items()}
    release_titles = ds._src.release_titles
    monkeypatch.setattr(
        ds._src,
        "release_titles",
        lambda release: titles if release == "oes_2019" else release_titles(release),
    )

    change = ds.national_change("29-2011.00")
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
