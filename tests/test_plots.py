"""occprofile.plots: what each plot draws (bars, labels, values, missing data), read back
from the matplotlib artists, and that the core package never needs matplotlib."""

from __future__ import annotations

import importlib
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.patches import Rectangle

import occprofile as op
from occprofile import plots
from occprofile.models import Status

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def yticks(ax: Axes) -> list[str]:
    """The tick labels, with the line breaks of wrapped long names undone."""
    return [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]


def texts(ax: Axes) -> list[str]:
    """Every text drawn in the axes, bar labels included."""
    return [t.get_text() for t in ax.texts]


def legend(ax: Axes) -> list[str]:
    found = ax.get_legend()
    assert found is not None
    return [t.get_text() for t in found.get_texts()]


def floats(values: object) -> list[float]:
    return [float(v) for v in np.asarray(values, dtype=float)]


def saved_png(fig: Figure, path: Path) -> tuple[int, int]:
    """Save ``fig`` as a PNG and check it is one worth looking at; its pixel size."""
    fig.savefig(path, dpi=50)
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert len(data) > 5_000  # a drawn plot, not an empty canvas
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    return width, height


# -- ratings --------------------------------------------------------------------


def test_ratings_draw_importance_bars_and_level_markers(tmp_path: Path) -> None:
    expected = op.skills_by_importance("43-6013", n=5)
    fig = plots.ratings("43-6013", "skills", n=5)
    ax, top = fig.axes
    drawn = bars(ax)
    assert len(drawn) == 5
    assert yticks(ax) == [r.name for r in expected]  # most important first ...
    assert ax.yaxis_inverted()  # ... and on top
    assert [b.get_y() + b.get_height() / 2 for b in drawn] == [0, 1, 2, 3, 4]
    # Bars run from 1, the bottom of O*NET's importance scale, to the importance.
    assert {b.get_x() for b in drawn} == {1}
    importances = [r.importance.value for r in expected if r.importance]
    assert [b.get_x() + b.get_width() for b in drawn] == pytest.approx(importances)
    assert texts(ax) == [f"{v:.2f}" for v in importances]
    # The levels: diamonds on the top axes (0-7), one per row.
    (markers,) = top.lines
    assert floats(markers.get_xdata()) == pytest.approx(
        [r.level.value for r in expected if r.level]
    )
    assert floats(markers.get_ydata()) == [0, 1, 2, 3, 4]
    assert top.get_xlim() == (0, 7)
    assert "Level (0-7)" in top.get_xlabel()
    title = ax.get_title()
    assert "Medical Secretaries and Administrative Assistants (43-6013.00)" in title
    assert "Skills by importance" in title
    assert not any("no level" in label for label in legend(ax))
    width, height = saved_png(fig, tmp_path / "ratings.png")
    assert width == 500  # 10 inches at 50 dpi
    assert abs(height - fig.get_figheight() * 50) < 1


@pytest.mark.parametrize(
    ("occupation", "domain", "status"),
    [("43-6013", "work_styles", "no level scale"), ("29-1211", "abilities", "not rated")],
)
def test_ratings_without_a_level_have_no_marker(
    occupation: str, domain: op.RatingDomain, status: str, tmp_path: Path
) -> None:
    expected = op.default_dataset().ratings_by_importance(occupation, domain, 6)
    assert all(r.level is None for r in expected)
    fig = plots.ratings(occupation, domain, n=6)
    assert len(fig.axes) == 1  # no level axes at all, so no level drawn as 0
    (ax,) = fig.axes
    assert len(ax.lines) == 0
    assert len(bars(ax)) == 6
    assert yticks(ax) == [r.name for r in expected]
    assert f"no level rating ({status})" in legend(ax)
    assert expected.note is not None
    assert expected.note.split()[0] in " ".join(texts(ax))  # the section's note, below
    saved_png(fig, tmp_path / "no-levels.png")


def test_ratings_of_a_domain_without_data_say_so() -> None:
    section = op.work_activities_by_importance("29-1141")
    assert not section.available
    assert section.note is not None
    fig = plots.ratings("29-1141", "work_activities")
    (ax,) = fig.axes
    assert bars(ax) == []
    assert [t.replace("\n", " ") for t in texts(ax)] == [section.note]


def test_ratings_draw_into_given_axes_and_return_their_figure() -> None:
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert plots.ratings("43-6013", "knowledge", n=3, ax=right) is fig
    assert bars(left) == []
    assert len(bars(right)) == 3
    subfig = Figure().subfigures(1, 1)
    assert isinstance(subfig, SubFigure)
    assert plots.ratings("43-6013", n=2, ax=subfig.add_subplot()) is subfig.figure


def test_ratings_use_the_library_checks_and_errors() -> None:
    calls: list[tuple[Callable[[], object], type[Exception]]] = [
        (lambda: plots.ratings("43-6013", "skill"), op.InvalidArgumentError),  # type: ignore[arg-type]
        (lambda: plots.ratings("43-6013", n=0), op.InvalidArgumentError),
        (lambda: plots.ratings("43-6013", n="3"), op.ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: plots.ratings("no such job at all"), op.UnknownOccupationError),
        (lambda: plots.ratings("43-6013", ax="left"), op.ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: plots.ratings("43-6013", dataset="x"), op.ArgumentTypeError),  # type: ignore[arg-type]
    ]
    for call, error in calls:
        with pytest.raises(error):
            call()
    with pytest.raises(op.InvalidArgumentError) as ours:
        plots.ratings("43-6013", "skill")  # type: ignore[arg-type]
    with pytest.raises(op.InvalidArgumentError) as theirs:
        op.default_dataset().ratings_by_importance("43-6013", "skill", 3)  # type: ignore[arg-type]
    assert str(ours.value) == str(theirs.value)
    plots.ratings("43-6013", dataset=op.Dataset(), n=1)


# -- top metros ---------------------------------------------------------------------


def test_top_metros_draw_employment_bars_with_the_mean_wage(tmp_path: Path) -> None:
    expected = op.top_metros("43-6013", 10)
    fig = plots.top_metros("43-6013")
    (ax,) = fig.axes
    drawn = bars(ax)
    assert len(drawn) == 10
    assert yticks(ax) == [r.area.name for r in expected]
    assert ax.yaxis_inverted()  # rank 1 on top
    assert [b.get_width() for b in drawn] == [r.estimate.employment.value for r in expected]
    assert all(b.get_fill() and not b.get_hatch() for b in drawn)
    shown = texts(ax)
    for r in expected:
        assert r.estimate.employment.format() in shown  # "52,640" at the bar's end
        assert r.estimate.annual_mean.format(money=True) in shown  # "$51,870" beside it
    assert "annual mean wage" in shown
    assert "Metro areas by employment" in ax.get_title()
    assert ax.get_xlabel() == "Employment"
    saved_png(fig, tmp_path / "metros.png")


def test_top_metros_draw_unreleased_figures_as_empty_hatched_bars(tmp_path: Path) -> None:
    expected = op.top_metros("29-1023", 10)  # Orthodontists: most employment not released
    unreleased = [r for r in expected if not r.ranked_value.released]
    assert 0 < len(unreleased) < len(expected)
    fig = plots.top_metros("29-1023", 10)
    (ax,) = fig.axes
    drawn = bars(ax)
    assert len(drawn) == len(expected)
    assert yticks(ax) == [r.area.name for r in expected]
    right = ax.get_xlim()[1]
    for bar, r in zip(drawn, expected, strict=True):
        if r.ranked_value.released:
            assert bar.get_fill()
            assert bar.get_width() == r.ranked_value.value
        else:  # an empty, hatched bar across the whole plot, not a bar of length 0
            assert not bar.get_fill()
            assert bar.get_hatch() == "//"
            assert bar.get_width() == right
    shown = texts(ax)
    assert shown.count("not released") == len(unreleased)
    top_coded = [r for r in expected if r.estimate.annual_mean.status is Status.TOP_CODED]
    assert top_coded
    assert shown.count("≥ $239,200") == len(top_coded)
    assert "(not released)" in shown  # Seattle's annual mean wage
    assert "0" not in shown
    saved_png(fig, tmp_path / "unreleased.png")


def test_top_metros_draw_top_coded_wages_at_their_bound() -> None:
    expected = op.top_metros("29-1211", 6, by="annual_mean", state="FL")
    fig = plots.top_metros("29-1211", 6, by="mean", state="Florida")
    (ax,) = fig.axes
    drawn = bars(ax)
    assert len(drawn) == len(expected)
    assert yticks(ax) == [r.area.name for r in expected]
    assert "Metro areas in Florida by annual mean wage" in ax.get_title()
    shown = texts(ax)
    assert "employment" in shown  # the column beside, when ranked by the wage
    for bar, r in zip(drawn, expected, strict=True):
        figure = r.ranked_value
        if figure.status is Status.TOP_CODED:
            assert bar.get_hatch() == "//"
            assert bar.get_width() == figure.lower_bound == 239_200
        else:
            assert not bar.get_hatch()
            assert bar.get_width() == figure.value
    assert shown.count("≥ $239,200") == sum(
        r.ranked_value.status is Status.TOP_CODED for r in expected
    )


def test_top_metros_errors_and_given_axes() -> None:
    with pytest.raises(op.InvalidArgumentError, match="Unknown ranking 'wage'"):
        plots.top_metros("43-6013", by="wage")  # type: ignore[arg-type]
    with pytest.raises(op.UnknownAreaError):
        plots.top_metros("43-6013", state="Atlantis")
    fig = Figure()
    ax = fig.add_subplot()
    assert plots.top_metros("43-6013", 3, state="VT", ax=ax) is fig
    assert yticks(ax) == [r.area.name for r in op.top_metros("43-6013", 3, state="VT")]


# -- comparison ---------------------------------------------------------------------


def test_comparison_draws_the_two_areas_per_measure(tmp_path: Path) -> None:
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    fig = plots.comparison(c)
    measures = ("employment", "annual_mean", "hourly_mean", "annual_median", "location_quotient")
    assert len(fig.axes) == len(measures)
    for ax, measure in zip(fig.axes, measures, strict=True):
        row = c.row(measure)
        a, b = bars(ax)
        assert (a.get_height(), b.get_height()) == (row.a.value, row.b.value)
        assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B"]
        money = measure not in {"employment", "location_quotient"}
        assert texts(ax) == [row.a.format(money), row.b.format(money)]
        assert row.ratio is not None
        assert f"A / B = {row.ratio:.2f}" in ax.get_title()
    assert fig.axes[1].get_title().startswith("annual mean wage")
    legends = fig.legends
    assert [t.get_text() for t in legends[0].get_texts()] == [
        f"A: {c.area_a.name}",
        f"B: {c.area_b.name}",
    ]
    suptitle = "Medical Secretaries and Administrative Assistants (43-6013)"
    assert suptitle in [t.get_text() for t in fig.texts]
    saved_png(fig, tmp_path / "comparison.png")


def test_comparison_draws_missing_values_as_labelled_gaps() -> None:
    c = op.compare_metros("29-1211", "Boston", "Orlando")
    row = c.row("annual_mean")
    assert row.a.status is Status.NOT_RELEASED
    assert row.b.status is Status.TOP_CODED
    fig = plots.comparison(c, measures=("annual_mean",))
    (ax,) = fig.axes
    (bar,) = bars(ax)  # B only: A is a gap
    assert bar.get_x() + bar.get_width() / 2 == 1
    assert bar.get_hatch() == "//"
    assert bar.get_height() == 239_200
    assert texts(ax) == ["not released", "≥ $239,200"]
    assert "n/a" in ax.get_title()

    none = op.compare_metros("29-1211", "Orlando", "Cheyenne")
    assert none.b is None
    fig = plots.comparison(none, measures=("employment", "location_quotient"))
    for ax in fig.axes:
        assert len(bars(ax)) == 1
        assert "no estimate" in texts(ax)


def test_comparison_draws_into_one_given_axes_per_measure() -> None:
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    fig = Figure()
    grid = fig.subplots(2, 2)  # an array of axes works, as a list does
    assert plots.comparison(c, measures=("hourly_p10", "hourly_p90"), ax=grid[0]) is fig
    assert [len(bars(ax)) for ax in grid.flat] == [2, 2, 0, 0]
    assert legend(grid[0][0])[0] == f"A: {c.area_a.name}"
    assert plots.comparison(c, measures=["employment"], ax=[grid[1][0]]) is fig


def test_comparison_checks_its_arguments() -> None:
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    ax = Figure().add_subplot()
    with pytest.raises(op.UnknownNameError, match="annual_mea"):
        plots.comparison(c, measures=("annual_mea",))
    with pytest.raises(op.ArgumentTypeError):
        plots.comparison(c, measures="employment")
    with pytest.raises(op.InvalidArgumentError):
        plots.comparison(c, measures=())
    with pytest.raises(op.ArgumentTypeError, match="one Axes per measure"):
        plots.comparison(c, ax=ax)  # type: ignore[arg-type]
    with pytest.raises(op.InvalidArgumentError, match="1 axes for 5 measures"):
        plots.comparison(c, ax=[ax])
    with pytest.raises(op.ArgumentTypeError, match="Comparison"):
        plots.comparison(op.top_metros("43-6013", 2))  # type: ignore[arg-type]


# -- the extra --------------------------------------------------------------------------


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_core_package_never_imports_matplotlib() -> None:
    assert (
        _run(
            "import occprofile as op, sys; op.top_metros('43-6013', 3); "
            "print('matplotlib' in sys.modules)"
        )
        == "False"
    )
    assert (
        _run("import sys, occprofile.plots; print('matplotlib' in sys.modules)") == "False"
    )  # not even the plots module, until a plot is drawn


def test_without_matplotlib_a_plot_raises_missing_extra_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    importlib.reload(plots)  # the module itself imports without matplotlib
    calls: tuple[Callable[[], object], ...] = (
        lambda: plots.ratings("43-6013"),
        lambda: plots.top_metros("43-6013"),
        lambda: plots.comparison(c),
    )
    for call in calls:
        with pytest.raises(op.MissingExtraError) as caught:
            call()
        error = caught.value
        assert isinstance(error, ImportError)
        assert isinstance(error, op.OccprofileError)
        assert "pip install 'occprofile[plot]'" in str(error)
        assert "matplotlib" in str(error)
        assert (error.extra, error.package, error.name) == ("plot", "matplotlib", "matplotlib")
