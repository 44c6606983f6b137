"""The records of two areas side by side (``compare_metros``, a report's comparison).

Public as :mod:`occprofile.models` names (served from there on first use),
kept apart so that the other questions do not pay for creating them.
"""

from __future__ import annotations

from typing import ClassVar

from attrs import field, frozen

from ._columns import WAGE
from ._record import Record, Tabular

# Annotations are evaluated in this module (cattrs, the table schema): these must be here.
from .models import Area, Estimate, Figure, WageOccupation, _unknown_name

__all__ = ["Comparison", "ComparisonRow"]


@frozen(repr=False, eq=False)
class ComparisonRow(Record):
    """One measure for two areas, their difference (a - b) and ratio (a / b).

    ``difference`` and ``ratio`` are ``None`` when either side has no
    released number (or ``b`` is 0 for the ratio); ``note`` says why.
    """

    measure: str
    a: Figure = field(metadata=WAGE)
    b: Figure = field(metadata=WAGE)
    difference: float | None
    ratio: float | None
    note: str | None

    def _summary(self) -> str:
        a, b = self.a.format(), self.b.format()
        return f"{self.measure}: a {a}, b {b}, difference {self.difference}"


@frozen(repr=False, eq=False)
class Comparison(Record, Tabular):
    """Side-by-side OEWS figures for one occupation in two areas."""

    _row_type: ClassVar[type] = ComparisonRow

    occupation: WageOccupation
    a: Estimate | None
    b: Estimate | None
    area_a: Area
    area_b: Area
    rows: tuple[ComparisonRow, ...]
    missing: tuple[str, ...]

    def _rows(self) -> tuple[object, ...]:
        return self.rows

    def _summary(self) -> str:
        areas = f"{self.area_a.name} vs {self.area_b.name}"
        return f"{self.occupation.code}: {areas}, {len(self.rows)} measures"

    def row(self, measure: str) -> ComparisonRow:
        """The row of one measure (an :class:`Estimate` attribute name, ``"annual_mean"``).

        An unknown measure raises :class:`~occprofile.errors.UnknownNameError`
        (a ``LookupError``) naming the closest measures.
        """
        from .errors import ArgumentTypeError

        if not isinstance(measure, str):
            raise ArgumentTypeError(
                f"measure must be a str, not {type(measure).__name__}: {measure!r}"
            )
        for r in self.rows:
            if r.measure == measure:
                return r
        measures = [r.measure for r in self.rows]
        raise _unknown_name(
            measure, measures, f"Unknown measure {measure!r}: the measures are {measures}."
        )

    @property
    def area_notes(self) -> tuple[str, ...]:
        """The lines of ``missing`` about whole areas (one with no estimate at all),
        without those that repeat a row's ``note``."""
        row_notes = {f"{r.measure}: {r.note}" for r in self.rows if r.note}
        return tuple(m for m in self.missing if m not in row_notes)

    def to_text(self) -> str:
        """Every measure side by side as a plain-text table, 78 columns wide."""
        from ._render.content import render_comparison_text

        return render_comparison_text(self)

    def to_markdown(self) -> str:
        """The same table in GitHub-flavoured Markdown."""
        from ._render.content import render_comparison_markdown

        return render_comparison_markdown(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return self.to_text()
