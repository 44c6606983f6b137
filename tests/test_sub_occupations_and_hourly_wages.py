"""Two cases that run through several career answers and the report: O*NET
sub-occupations, whose BLS figures are the whole SOC occupation's, and
occupations whose wages OEWS publishes only per hour."""

from __future__ import annotations

import pytest

import occprofile as op


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
