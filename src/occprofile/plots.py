"""Plots of occprofile's answers, drawn with matplotlib (the ``plot`` extra).

Install it with ``pip install 'occprofile[plot]'``. Each function asks the
public API its question and draws the answer on a matplotlib ``Figure``,
which it returns; pass ``ax=`` to draw into axes of your own.

>>> from occprofile import plots
>>> fig = plots.top_metros("43-6013", n=5)
>>> fig.savefig("medical-secretaries.png")  # doctest: +SKIP

Missing data is drawn as missing, never as 0: a figure BLS did not release
is an empty hatched bar (or, in a comparison, a gap) labelled with its
status, a top-coded wage is a hatched bar at its lower bound labelled
"≥ $239,200", and a rating without a level has no level marker.

Importing this module needs no matplotlib; calling a function without it
raises :class:`~occprofile.errors.MissingExtraError`, an ``ImportError``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import Dataset, default_dataset
from ._render.content import COMPARED, RATING_TITLES
from ._render.phrases import mean_wage
from .errors import ArgumentTypeError, InvalidArgumentError, MissingExtraError
from .models import Comparison

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from . import RankBy, models
    from .models import RankedEstimate, RatingDomain, RatingSection

__all__ = ["comparison", "ratings", "top_metros"]

#: Colours: a bar, the level markers / area B, and what stands for missing data.
BAR = "#3b6ea8"
ACCENT = "#e07b39"
MISSING = "0.55"
#: The hatch of a bar that is not a released value (top-coded or missing).
HATCH = "//"
#: The white box behind a status written over a hatched bar.
_BOX = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none"}

#: How a measure reads in titles and axis labels (others: its name with spaces).
MEASURE_NAMES = {
    "employment": "employment",
    "annual_mean": "annual mean wage",
    "annual_median": "annual median wage",
    "hourly_mean": "hourly mean wage",
    "hourly_median": "hourly median wage",
    "location_quotient": "location quotient",
    "jobs_per_1000": "jobs per 1,000 jobs",
}


# -- helpers ------------------------------------------------------------------


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as e:
        raise MissingExtraError.for_extra("plot", "matplotlib", feature="occprofile.plots") from e


def _new_figure(size: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained")


def _checked_axes(ax: object) -> Axes:
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise ArgumentTypeError(f"ax must be matplotlib Axes or None, not {type(ax).__name__}")
    return ax


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax`` checked, or the axes of a new figure of ``size`` inches (constrained layout)."""
    return _new_figure(size).add_subplot() if ax is None else _checked_axes(ax)


def _root(ax: Axes) -> Figure:
    """The figure ``ax`` is drawn on (the top-level one when it is in a subfigure)."""
    from matplotlib.figure import Figure

    fig = ax.figure
    return fig if isinstance(fig, Figure) else fig.figure


def _dataset(dataset: Dataset | None) -> Dataset:
    if dataset is None:
        return default_dataset()
    if not isinstance(dataset, Dataset):
        raise ArgumentTypeError(
            f"dataset must be an occprofile.Dataset or None, not {type(dataset).__name__}"
        )
    return dataset


def _is_money(measure: str) -> bool:
    return measure.startswith(("annual_", "hourly_"))


def _measure_name(measure: str) -> str:
    return MEASURE_NAMES.get(measure, measure.replace("_", " "))


def _label(fig: models.Figure, money: bool) -> str:
    """A bar's label: ``52,640``, ``$51,870``, ``≥ $239,200`` or ``(not released)``."""
    return fig.format(money).replace(">=", "≥")


def _length(fig: models.Figure) -> float | None:
    """How long ``fig``'s bar is: its value, a top-coded wage's lower bound, or no bar."""
    return fig.value if fig.value is not None else fig.lower_bound


def _longest(figures: Sequence[models.Figure]) -> float:
    return max((x for x in map(_length, figures) if x is not None), default=1.0)


def _bar_style(fig: models.Figure, colour: str) -> dict[str, Any]:
    """A released value's bar is solid; a top-coded wage's (at its lower bound) hatched."""
    if fig.value is None:
        return {"color": "white", "hatch": HATCH, "ec": colour}
    return {"color": colour}


def _format_value_axis(ax: Axes, measure: str, axis: str = "x") -> None:
    """Thousands separators, and dollars for wages, on the value axis's ticks."""
    from matplotlib.ticker import StrMethodFormatter

    target = ax.xaxis if axis == "x" else ax.yaxis
    if _is_money(measure):
        target.set_major_formatter(StrMethodFormatter("${x:,.0f}"))
    elif measure == "employment":
        target.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def _label_rows(ax: Axes, labels: Sequence[str]) -> None:
    """Row ``i`` of horizontal bars is labelled ``labels[i]``, the first on top, with
    light vertical grid lines behind the bars."""
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="x", color="0.9")
    ax.set_axisbelow(True)


def _title(title: str, code: str, what: str) -> str:
    return textwrap.fill(f"{title} ({code})", 66) + f"\n{what}"


# -- ratings ------------------------------------------------------------------


def ratings(
    occupation: str,
    domain: RatingDomain = "skills",
    *,
    n: int = 10,
    dataset: Dataset | None = None,
    ax: Axes | None = None,
) -> Figure:
    """The ``n`` most important ratings of one domain: importance bars, level markers.

    Parameters
    ----------
    occupation
        An O*NET-SOC or SOC code, a title or an alternate title.
    domain
        One of :data:`occprofile.RATING_DOMAINS`.
    n
        How many ratings to draw, most important on top (as
        :func:`occprofile.skills_by_importance` orders them).
    dataset
        The :class:`occprofile.Dataset` to ask; ``None`` is the shared default one.
    ax
        Axes to draw into; ``None`` makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Its first axes hold one bar per rated importance
        (on O*NET's 1-5 scale, so each bar starts at 1 and ends at the
        importance); a twin axes on top holds the levels (0-7) as diamonds.
        A rating without a level has no diamond, and the legend says "no level
        rating"; without any level there is no level axes.
    """
    _require_matplotlib()
    data = _dataset(dataset)
    section = data.ratings_by_importance(occupation, domain, n)
    occ = data.occupation(occupation)
    ax = _axes(ax, (10.0, 2.0 + 0.42 * max(len(section), 3)))
    ax.set_title(_title(occ.title, occ.code, f"{RATING_TITLES[domain][0]} by importance"))
    if not section.ratings:
        _say_nothing(ax, section)
    else:
        _draw_ratings(ax, section)
    return _root(ax)


def _say_nothing(ax: Axes, section: RatingSection) -> None:
    plural = RATING_TITLES[section.domain][0].lower()
    note = section.note or f"O*NET has no {plural} ratings for this occupation."
    ax.text(0.5, 0.5, textwrap.fill(note, 60), ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def _draw_ratings(ax: Axes, section: RatingSection) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows = section.ratings
    rated = [(y, r.importance.value) for y, r in enumerate(rows) if r.importance is not None]
    bars = ax.barh([y for y, _ in rated], [v - 1 for _, v in rated], left=1, height=0.6, color=BAR)
    ax.bar_label(bars, [f"{v:.2f}" for _, v in rated], padding=3, fontsize=8)
    for y, r in enumerate(rows):
        if r.importance is None:
            ax.text(1.05, y, "importance not rated", va="center", color=MISSING, fontsize=8)
    _label_rows(ax, [textwrap.fill(r.name, 32) for r in rows])
    ax.set_xlim(1, 5.25)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel("Importance (1 = not important, 5 = extremely important)")

    handles: list[Patch | Line2D] = [Patch(color=BAR, label="importance (1-5, bottom scale)")]
    levelled = [(y, r.level.value) for y, r in enumerate(rows) if r.level is not None]
    if levelled:
        top = ax.twiny()
        top.plot([v for _, v in levelled], [y for y, _ in levelled], "D", color=ACCENT, ms=7)
        top.set_xlim(0, 7)
        top.set_xlabel("Level (0-7)", color=ACCENT)
        top.tick_params(axis="x", colors=ACCENT)
        handles.append(
            Line2D([], [], ls="none", marker="D", color=ACCENT, label="level (0-7, top scale)")
        )
    unlevelled = sorted({r.level_status for r in rows if r.level is None})
    if unlevelled:  # those rows have no diamond; the legend says why
        label = f"no level rating ({', '.join(unlevelled)})"
        handles.append(Patch(fill=False, ec="none", label=label))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    if section.note:
        ax.annotate(
            textwrap.fill(section.note, 110),
            xy=(0, 0),
            xycoords="axes fraction",
            xytext=(0, -38),
            textcoords="offset points",
            va="top",
            fontsize=8,
            color="0.3",
        )


# -- top metros ---------------------------------------------------------------


def top_metros(
    occupation: str,
    n: int = 10,
    *,
    by: RankBy = "employment",
    state: str | None = None,
    dataset: Dataset | None = None,
    ax: Axes | None = None,
) -> Figure:
    """The ``n`` metro areas ranking highest by ``by``, as bars, with their mean wage.

    Parameters
    ----------
    occupation
        An occupation code, title or alternate title (any OEWS code works).
    n
        How many metro areas to draw (fewer when fewer have an estimate).
    by
        The figure ranked by and drawn as bars, as in :func:`occprofile.top_metros`:
        ``"employment"`` (the default), ``"annual_mean"``, ``"location_quotient"``, ...
    state
        Keep only the metro areas spanning this state (name, postal code, FIPS).
    dataset
        The :class:`occprofile.Dataset` to ask; ``None`` is the shared default one.
    ax
        Axes to draw into; ``None`` makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on: one bar per metro area, rank 1 on top, whose tick
        labels are the area names. A released figure is a solid bar as long as
        its value; a top-coded wage a hatched bar at its lower bound labelled
        "≥ $239,200"; a figure BLS did not release an empty hatched bar across
        the plot, labelled with its status. The column on the right is the
        annual mean wage (the employment, when ranked by the annual mean).
    """
    _require_matplotlib()
    data = _dataset(dataset)
    rows = data.top_metros(occupation, n, by=by, state=state)
    ax = _axes(ax, (10.0, 1.8 + 0.42 * max(len(rows), 3)))
    occ = rows[0].estimate.occupation if rows else data.wage_occupation(occupation)
    key = rows[0].by if rows else "employment"
    where = f" in {data.state(state).name}" if state is not None else ""
    ax.set_title(_title(occ.title, occ.code, f"Metro areas{where} by {_measure_name(key)}"))
    _draw_ranking(ax, rows, key)
    return _root(ax)


def _draw_ranking(ax: Axes, rows: Sequence[RankedEstimate], key: str) -> None:
    money = _is_money(key)
    right = 1.16 * _longest([r.ranked_value for r in rows])
    for y, r in enumerate(rows):
        fig = r.ranked_value
        length = _length(fig)
        if length is None:  # not released: an empty bar across the whole plot, saying so
            ax.barh(y, right, height=0.6, fill=False, hatch=HATCH, ec=MISSING, lw=0.8)
            ax.text(right / 2, y, str(fig.status), ha="center", va="center", bbox=_BOX)
            continue
        bar = ax.barh(y, length, height=0.6, **_bar_style(fig, BAR))
        ax.bar_label(bar, [_label(fig, money)], padding=3, fontsize=9)
    _label_rows(ax, [r.area.name for r in rows])
    ax.set_xlim(0, right)
    ax.set_xlabel(_measure_name(key).capitalize())
    _format_value_axis(ax, key)
    # The second figure of each row, as a column right of the plot.
    column = "employment" if key == "annual_mean" else "annual mean wage"
    side = ax.get_yaxis_transform()
    ax.text(1.02, -0.55, column, transform=side, va="bottom", fontsize=9, weight="bold")
    for y, r in enumerate(rows):
        e = r.estimate
        text = (
            _label(e.employment, False)
            if key == "annual_mean"
            else mean_wage(e.annual_mean, e.hourly_mean).replace(">=", "≥")
        )
        ax.text(1.02, y, text, transform=side, va="center", fontsize=9)


# -- comparison ---------------------------------------------------------------


def comparison(
    comparison: Comparison,
    *,
    measures: Sequence[str] = COMPARED,
    ax: Iterable[Axes] | None = None,
) -> Figure:
    """Two areas side by side, one small plot per measure (their units differ).

    Parameters
    ----------
    comparison
        What :func:`occprofile.compare_metros` returns.
    measures
        The measures to draw, in order: names of :class:`occprofile.Estimate`
        figures (``"employment"``, ``"annual_mean"``, ``"hourly_p90"``, ...).
    ax
        One axes per measure to draw into, or ``None`` to make a new figure
        with a row of them. (A single ``Axes`` is not accepted: each measure
        needs its own scale.)

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Each measure's axes hold a bar for area A and one
        for area B (tick labels ``A`` and ``B``, named in the legend),
        labelled with the published value; its title gives the ratio A / B.
        A top-coded wage is a hatched bar at its lower bound labelled
        "≥ $239,200"; a value BLS did not release (or an area without an
        estimate) is a gap labelled with its status.
    """
    if not isinstance(comparison, Comparison):
        raise ArgumentTypeError(
            "comparison must be an occprofile.Comparison (from compare_metros), "
            f"not {type(comparison).__name__}"
        )
    if isinstance(measures, str) or not isinstance(measures, Sequence):
        raise ArgumentTypeError(f"measures must be a sequence of measure names, not {measures!r}")
    if not measures:
        raise InvalidArgumentError("measures must name at least one measure")
    rows = [comparison.row(m) for m in measures]  # unknown names: UnknownNameError
    _require_matplotlib()
    if ax is None:
        axes = list(
            _new_figure((2.3 * len(rows) + 0.6, 4.2)).subplots(1, len(rows), squeeze=False)[0]
        )
    else:
        axes = _axes_per_measure(ax, len(rows))
    for a, row in zip(axes, rows, strict=True):
        _draw_pair(a, row)
    _legend(axes, comparison, own=ax is None)
    return _root(axes[0])


def _axes_per_measure(ax: object, count: int) -> list[Axes]:
    from matplotlib.axes import Axes

    if isinstance(ax, Axes) or not isinstance(ax, Iterable):
        raise ArgumentTypeError(
            f"ax must be one Axes per measure (a list, or an array of subplots) or None, "
            f"not {type(ax).__name__}"
        )
    axes = [_checked_axes(a) for a in ax]
    if len(axes) != count:
        raise InvalidArgumentError(f"ax has {len(axes)} axes for {count} measures: pass one each")
    return axes


def _draw_pair(ax: Axes, row: models.ComparisonRow) -> None:
    money = _is_money(row.measure)
    tallest = _longest([row.a, row.b])
    for x, (fig, colour) in enumerate(((row.a, BAR), (row.b, ACCENT))):
        length = _length(fig)
        if length is None:  # a labelled gap
            ax.text(x, tallest * 0.04, str(fig.status), rotation=90, ha="center", va="bottom")
            continue
        bar = ax.bar(x, length, width=0.6, **_bar_style(fig, colour))
        ax.bar_label(bar, [_label(fig, money)], padding=2, fontsize=9)
    ax.set_xticks([0, 1], ["A", "B"])
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(0, tallest * 1.15)
    _format_value_axis(ax, row.measure, axis="y")
    ratio = f"A / B = {row.ratio:.2f}" if row.ratio is not None else "A / B: n/a"
    ax.set_title(f"{_measure_name(row.measure)}\n{ratio}", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)


def _legend(axes: Sequence[Axes], c: Comparison, *, own: bool) -> None:
    from matplotlib.patches import Patch

    handles = [
        Patch(color=BAR, label=f"A: {c.area_a.name}"),
        Patch(color=ACCENT, label=f"B: {c.area_b.name}"),
    ]
    occ = f"{c.occupation.title} ({c.occupation.code})"
    if own:
        fig = axes[0].figure
        fig.suptitle(textwrap.fill(occ, 90), weight="bold")
        fig.legend(handles=handles, loc="outside lower center", ncols=2, frameon=False)
    else:
        axes[0].legend(handles=handles, title=occ, loc="best", fontsize=8)
