"""Rankings, comparisons and sorted ratings: the questions a profile page answers."""

from __future__ import annotations

import itertools

import pytest

import occprofile as op
from occprofile.models import AreaKind, Status


def test_skills_by_importance_top5() -> None:
    top = op.skills_by_importance("43-6013")[:5]
    assert [r.name for r in top][:2] == ["Speaking", "Active Listening"]
    imps = [r.importance.value for r in top if r.importance]
    assert imps == sorted(imps, reverse=True)
    assert top[0].importance is not None
    assert top[0].importance.value == 4.0
    assert top[0].level is not None
    assert top[0].level.value == 3.62


@pytest.mark.parametrize(
    "fn",
    [
        op.skills_by_importance,
        op.knowledge_by_importance,
        op.abilities_by_importance,
        op.work_activities_by_importance,
        op.work_styles_by_importance,
    ],
)
def test_rating_order_is_importance_level_name(fn: object) -> None:
    section = fn("43-6013")  # type: ignore[operator]
    keys = [
        (-(r.importance.value if r.importance else 0), -(r.level.value if r.level else -1), r.name)
        for r in section
    ]
    assert keys == sorted(keys)
    assert len(fn("43-6013", n=3)) == 3  # type: ignore[operator]


def test_n_validation() -> None:
    with pytest.raises(ValueError, match="positive"):
        op.skills_by_importance("43-6013", n=0)
    with pytest.raises(TypeError, match="n must be an int"):
        op.top_metros("43-6013", n="3")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="positive"):
        op.top_metros("43-6013", n=-1)


def test_top_metros_by_employment() -> None:
    top = op.top_metros("43-6013", n=3)
    assert [r.rank for r in top] == [1, 2, 3]
    assert [r.area.short_name for r in top] == [
        "New York-Newark-Jersey City",
        "Los Angeles-Long Beach-Anaheim",
        "Miami-Fort Lauderdale-West Palm Beach",
    ]
    assert [r.estimate.employment.value for r in top] == [52640, 40380, 27020]
    assert [r.estimate.annual_mean.value for r in top] == [51870, 54150, 44960]
    assert all(r.area.kind is AreaKind.METRO for r in top)


def test_top_metros_default_is_ten_and_aliases_agree() -> None:
    assert len(op.top_metros("43-6013")) == 10
    assert op.top_metros("Medical Secretaries and Administrative Assistants", 3) == op.top_metros(
        "436013", 3
    )


@pytest.mark.parametrize("by", list(op.RANK_BY))
def test_top_metros_ranking_order(by: op.RankBy) -> None:
    rows = op.top_metros("43-6013", n=500, by=by, include_nonmetro=True)
    assert len({r.area.code for r in rows}) == len(rows)
    released = [r.ranked_value.value for r in rows if r.ranked_value.value is not None]
    assert released == sorted(released, reverse=True)
    statuses = [r.ranked_value.released for r in rows]
    # unreleased rows come after every released one
    if False in statuses:
        assert all(not s for s in statuses[statuses.index(False) :])


def test_top_metros_unreleased_ranked_last_and_flagged() -> None:
    # Chief executives: many metro wages are top-coded or unreleased.
    rows = op.top_metros("11-1011", n=1000, by="annual_mean")
    kinds = [r.ranked_value.status for r in rows]
    assert Status.TOP_CODED in kinds or Status.NOT_RELEASED in kinds
    groups = [0 if k in (Status.TOP_CODED, Status.RELEASED) else 1 for k in kinds]
    assert groups == sorted(groups)
    # a top-coded mean sits at its bound: everything before it is at least that much
    ranked_at = [
        r.ranked_value.value if r.ranked_value.value is not None else r.ranked_value.lower_bound
        for r in rows
        if r.ranked_value.status in (Status.TOP_CODED, Status.RELEASED)
    ]
    assert ranked_at == sorted(ranked_at, key=lambda v: -(v or 0))
    for r in rows:
        if r.ranked_value.status is Status.TOP_CODED:
            assert r.ranked_value.value is None
            assert r.ranked_value.lower_bound == 239200
            assert r.ranked_value.footnote
            assert "239,200" in r.ranked_value.footnote


def test_top_metros_by_state_and_nonmetro() -> None:
    ca = op.top_metros("43-6013", n=50, state="CA")
    assert ca
    assert all("CA" in r.area.states for r in ca)
    assert op.top_metros("43-6013", n=50, state="California") == ca
    with_non = op.top_metros("43-6013", n=600, state="06", include_nonmetro=True)
    assert any(r.area.kind is AreaKind.NONMETRO for r in with_non)
    assert not any(r.area.kind is AreaKind.NONMETRO for r in ca)


def test_top_metros_bad_by_suggests() -> None:
    with pytest.raises(ValueError, match="annual_mean"):
        op.top_metros("43-6013", by="anual_mean")  # type: ignore[arg-type]


def test_ties_are_deterministic() -> None:
    rows = op.top_metros("43-6013", n=600, by="location_quotient", include_nonmetro=True)
    for a, b in itertools.pairwise(rows):
        if a.ranked_value.value == b.ranked_value.value:
            assert (a.area.name, a.area.code) <= (b.area.name, b.area.code)


def test_compare_metros() -> None:
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    assert c.area_a.short_name == "Los Angeles-Long Beach-Anaheim"
    assert c.area_b.short_name.startswith("San Diego")
    emp = c.row("employment")
    assert emp.a.value == 40380
    assert emp.b.value is not None
    assert emp.difference == pytest.approx(emp.a.value - emp.b.value)
    assert emp.ratio == pytest.approx(emp.a.value / emp.b.value)
    assert len(c.rows) == 17


def test_comparison_prints_as_a_table() -> None:
    """str(), to_markdown() and Jupyter's _repr_markdown_ show every measure side by side."""
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    text = str(c)
    assert text == c.to_text()
    assert max(len(line) for line in text.splitlines()) <= 78
    emp = c.row("employment")
    assert emp.a.value is not None
    assert emp.b.value is not None
    assert emp.difference is not None
    assert emp.ratio is not None
    expected = [
        f"{emp.a.value:,.0f}",
        f"{emp.b.value:,.0f}",
        f"{emp.difference:+,.0f}",
        f"{emp.ratio:.2f}x",
    ]
    [line] = [line for line in text.splitlines() if line.split()[:2] == ["employment", expected[0]]]
    assert line.split()[1:] == expected
    for row in c.rows:  # all 17 measures, not only the five a report shows
        assert row.measure.replace("_", " ") in text
    md = c._repr_markdown_()
    assert md == c.to_markdown()
    assert md.count("\n| ") == len(c.rows) + 2  # header, rule, one line per measure
    assert "\\$54,150" in md  # dollars escaped for Jupyter's TeX
    # Unreleased figures say why instead of showing a number.
    actors = op.compare_metros("27-2011", "Los Angeles", "Nevada")
    annual = [line for line in str(actors).splitlines() if "annual mean" in line]
    assert annual
    assert "hourly only" in annual[0]
    # Long area names wrap too: the heading names both areas.
    long = op.compare_metros("43-6013", "Washington, DC", "New York, NY").to_text()
    assert max(len(line) for line in long.splitlines()) <= 78
    assert "Washington-Arlington-Alexandria" in long


def test_compare_any_area_kinds() -> None:
    c = op.compare_metros("43-6013", "national", "California")
    assert c.area_a.kind is AreaKind.NATIONAL
    assert c.area_b.kind is AreaKind.STATE
    lq = c.row("location_quotient")
    assert lq.a.status is Status.NOT_APPLICABLE
    assert lq.difference is None
    assert lq.ratio is None
    assert lq.note
    assert any("location_quotient" in m for m in c.missing)


def test_compare_area_without_estimate() -> None:
    # Find an occupation and a metro with no OEWS row, straight from the data.
    metros = op.areas(kind="metro")
    for wage_occ in op.wage_occupations("detailed"):
        occ = wage_occ.code
        have = {e.area.code for e in op.estimates(occ)}
        if len(have) < len(metros):
            break
    missing_area = next(a for a in metros if a.code not in have)
    c = op.compare_metros(occ, "national", missing_area.code)
    assert c.b is None
    assert c.row("employment").b.status is Status.NO_ESTIMATE
    assert any(missing_area.name in m for m in c.missing)
    assert c.area_notes == (f"{missing_area.name}: OEWS publishes no estimate for {c.occupation}.",)
    assert f"{missing_area.name}: OEWS publishes no estimate" in c.to_text().replace("\n", " ")


def test_comparison_area_notes_leave_out_row_notes() -> None:
    c = op.compare_metros("43-6013", "national", "California")
    row_notes = [f"{r.measure}: {r.note}" for r in c.rows if r.note]
    assert row_notes  # the nation has no location quotient
    assert set(row_notes) <= set(c.missing)
    assert c.area_notes == ()
    assert "location_quotient:" not in c.to_text()


def test_top_states() -> None:
    rows = op.top_states("43-6013", n=5)
    assert all(r.area.kind is AreaKind.STATE for r in rows)
    emp = [r.ranked_value.value for r in rows if r.ranked_value.value is not None]
    assert len(emp) == 5
    assert emp == sorted(emp, reverse=True)


def test_national_and_estimate() -> None:
    nat = op.national("43-6013")
    assert nat.area.kind is AreaKind.NATIONAL
    assert nat.location_quotient.status is Status.NOT_APPLICABLE
    la = op.estimate("43-6013", "31080")
    assert la.employment.text == "40380"
    assert la.annual_mean.value == 54150


def test_oews_only_codes_reachable_for_wages() -> None:
    broad = op.national("43-6010")
    assert broad.occupation.level == "broad"
    total = op.national("00-0000")
    assert total.occupation.title == "All Occupations"
    with pytest.raises(op.NoProfileError):
        op.profile("43-6010")


def test_occupations_without_wages() -> None:
    unmapped = [o for o in op.occupations() if o.wage_code is None]
    assert unmapped
    with pytest.raises(op.NoWageDataError):
        op.top_metros(unmapped[0].code)


def test_hourly_only_and_annual_only_wages() -> None:
    found = {Status.ANNUAL_ONLY: False, Status.HOURLY_ONLY: False}
    for occ in ("25-2021", "27-2011"):  # teachers (annual only), actors (hourly only)
        nat = op.national(occ)
        for fig in (nat.hourly_mean, nat.annual_mean):
            if fig.status in found:
                found[fig.status] = True
                assert fig.value is None
                assert fig.footnote
    assert all(found.values())


def test_listings() -> None:
    assert len(op.occupations()) == 1016
    assert len(op.wage_occupations()) == 1104
    assert all(o.level == "detailed" for o in op.wage_occupations("detailed"))
    assert len(op.areas()) == 583
    assert len(op.areas(kind="state")) == 54
    assert len(op.areas(kind=AreaKind.NONMETRO)) == 135
    assert len(op.metros()) == 528 - 135
    ca = op.metros(state="CA")
    assert ca
    assert all("CA" in a.states for a in ca)
    with pytest.raises(ValueError, match="Unknown area kind"):
        op.areas(kind="city")
    # Kinds and levels are read the same way: case and spacing do not matter.
    assert op.areas(kind=" Metro") == op.metros()
    detailed = op.wage_occupations("Detailed ")  # type: ignore[arg-type]
    assert detailed == op.wage_occupations("detailed")
    with pytest.raises(ValueError, match="Unknown level 'details'"):
        op.wage_occupations("details")  # type: ignore[arg-type]
    with pytest.raises(op.ArgumentTypeError, match="include_nonmetro"):
        op.metros(include_nonmetro="yes")  # type: ignore[arg-type]


def test_module_functions_are_the_default_datasets_methods() -> None:
    """The module API is written once: each function is the shared dataset's bound method."""
    import inspect

    default = op.default_dataset()
    bound = [name for name in op.__all__ if inspect.ismethod(getattr(op, name))]
    for name in bound:
        fn = getattr(op, name)
        assert fn.__self__ is default, name
        assert fn.__func__ is getattr(op.Dataset, name), name
    assert len(bound) >= 30
    # No other callable stands in for a query: every lower-case public name is one of them.
    others = {
        name
        for name in op.__all__
        if name[0].islower() and callable(getattr(op, name)) and name not in bound
    }
    assert others == {"default_dataset"}
    assert op.Dataset().profile(occupation="43-6013").code == "43-6013.00"


def test_releases_and_citation() -> None:
    keys = {r.key: r for r in op.releases()}
    assert keys["onet"].version == "29.3"
    assert keys["oews"].period == "May 2025"
    assert "CC BY 4.0" in op.citation()
    assert op.ONET_VERSION == "29.3"


def test_top_coded_wages() -> None:
    """29-1215 in Albany, OR: every wage is at or above the BLS ceiling (footnote 5)."""
    est = op.estimate("29-1215", "Albany, OR")
    for fig, bound in (
        (est.annual_mean, 239200),
        (est.hourly_median, 115),
        (est.annual_p90, 239200),
    ):
        assert fig.status is Status.TOP_CODED
        assert fig.value is None
        assert fig.lower_bound == bound
        assert fig.text == "-"
        assert fig.footnote is not None
    assert est.annual_mean.format(money=True) == ">= $239,200"
    rows = op.top_metros("29-1215", n=1000, by="annual_median")
    albany = next(r for r in rows if r.area.name == "Albany, OR")
    assert albany.ranked_value.status is Status.TOP_CODED
    before = [r for r in rows if r.rank < albany.rank]
    after = [r for r in rows if r.rank > albany.rank]
    assert all(r.ranked_value.value is not None and r.ranked_value.value >= 239200 for r in before)
    assert all(r.ranked_value.value is None or r.ranked_value.value <= 239200 for r in after)


def test_empty_rankings_raise() -> None:
    with pytest.raises(op.NoWageDataError, match="any metro area"):
        op.top_metros("15-1250")  # OEWS publishes this broad group nationally only
    with pytest.raises(op.NoWageDataError, match="Guam"):
        op.top_metros("43-6013", state="GU")


def test_by_is_forgiving_about_spelling() -> None:
    assert op.top_metros("43-6013", 3, by="Median") == op.top_metros(  # type: ignore[arg-type]
        "43-6013", 3, by="annual_median"
    )
    assert op.top_metros("43-6013", 3, by="LQ")[0].by == "location_quotient"  # type: ignore[arg-type]
    with pytest.raises(op.ArgumentTypeError):
        op.top_metros("43-6013", by=["employment"])  # type: ignore[arg-type]


def test_differences_use_published_precision() -> None:
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    assert c.row("hourly_mean").difference == -0.29
    assert c.row("employment_rse").difference == 1.7
    assert c.row("employment_rse").a.format() == "6.8"
    with pytest.raises(KeyError, match="employment"):
        c.row("salary")


def test_answers_are_memoised_within_a_bound() -> None:
    ds = op.Dataset()
    ds._store.MEMO_SIZE = 3
    first = ds.top_metros("43-6013", 1)
    assert ds.top_metros("43-6013", 1) is first
    for n in range(2, 6):
        ds.top_metros("43-6013", n)
    assert len(ds._store._answers) == 3
    again = ds.top_metros("43-6013", 1)
    assert again == first
    assert again is not first  # evicted and recomputed


def test_nothing_to_rank_by_raises() -> None:
    # Actors are paid by the hour only; teachers by the year only.
    with pytest.raises(op.NoWageDataError, match="released annual_mean"):
        op.top_metros("27-2011", by="annual_mean")
    with pytest.raises(op.NoWageDataError, match="released hourly_median") as err:
        op.top_metros("25-2021", by="hourly_median")
    # The message counts why, area by area, and names the ranking that works.
    metros = {a.code for a in op.metros()}
    teachers = [e for e in op.estimates("25-2021") if e.area.code in metros]
    assert all(e.hourly_median.status is op.Status.ANNUAL_ONLY for e in teachers)
    assert f"(annual only in {len(teachers)}); rank by='annual_median' instead" in str(err.value)
    assert op.top_metros("25-2021", 1, by="annual_median")


def test_estimates_are_memoised_within_the_bound() -> None:
    ds = op.Dataset()
    ds._store.MEMO_SIZE = 50
    assert len(ds.estimates("43-6013")) > 50
    assert len(ds._store._answers) <= 50


def test_occupations_in_a_soc_group() -> None:
    everything = op.occupations()
    major = op.occupations("29")
    assert major == op.occupations("29-0000")
    # Every lookup reads a two-digit major group the same way.
    assert op.wage_occupation("29").code == "29-0000"
    with pytest.raises(op.NoProfileError):
        op.occupation(" 29 ")
    assert major == op.occupations("Healthcare Practitioners and Technical Occupations")
    assert {o.code[:3] for o in major} == {"29-"}
    assert major == tuple(o for o in everything if o.code.startswith("29-"))
    broad = op.occupations("43-6010")
    assert broad == op.occupations("secretaries and administrative assistants")
    assert "43-6013.00" in {o.code for o in broad}
    assert all(o.soc_code.startswith("43-601") for o in broad)
    assert op.occupations("15-1200")  # a SOC 2018 minor group ending in 00
    assert op.occupations("00-0000") == everything
    # Every occupation lies in exactly one major group, military (55, not in OEWS) too.
    majors = sorted({o.code[:2] for o in everything})
    assert sum(len(op.occupations(m)) for m in majors) == len(everything)
    with pytest.raises(op.InvalidArgumentError, match="an occupation, not a group"):
        op.occupations("43-6013")
    with pytest.raises(op.UnknownOccupationError) as err:
        op.occupations("Healthcare practioners")
    assert "29-0000 Healthcare Practitioners and Technical Occupations" in err.value.suggestions
    # Group codes must exist: SOC 2018 has no 15-1000 (its computer minor group is 15-1200).
    with pytest.raises(op.UnknownOccupationError, match="No SOC group has the code 15-1000") as e2:
        op.occupations("15-1000")
    assert "15-1200 Computer Occupations" in e2.value.suggestions
    assert len(op.occupations("55-1000")) > 1  # military groups are not in OEWS but exist
    with pytest.raises(op.InvalidArgumentError, match="Empty group"):
        op.occupations("  ")
    with pytest.raises(op.ArgumentTypeError):
        op.occupations(29)  # type: ignore[arg-type]


def test_a_ranking_builds_only_the_rows_it_returns() -> None:
    """``top_metros`` ranks one cell of each metro's row: only the first ``n`` rows
    (their estimates) are built, and the answer is what every row would give."""
    from occprofile._answers.sources import Sources

    ds = op.Dataset()
    ranking = ds.top_metros("43-6013", 5, by="hourly_median")
    rows = Sources(ds._store).oews_rows("43-6013")
    assert len(rows._built) == 5
    metros = [r.estimate for r in ds.top_metros("43-6013", 400, by="hourly_median")]
    by_value = sorted(
        (e for e in metros if e.hourly_median.value is not None),
        key=lambda e: (-e.hourly_median.value, e.area.name),  # type: ignore[operator]
    )
    assert [r.estimate.area.code for r in ranking] == [e.area.code for e in by_value[:5]]
