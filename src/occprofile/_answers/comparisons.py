"""Two areas side by side for one occupation: every OEWS figure, difference and ratio."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..models import Comparison, ComparisonRow, Figure, Status
from .figures import DATATYPE_FIELDS

if TYPE_CHECKING:
    from ..models import Area, WageOccupation
    from .sources import Sources


def compare_areas(src: Sources, occ: WageOccupation, area_a: Area, area_b: Area) -> Comparison:
    """Every figure of ``occ`` in two areas; an area with no OEWS row is a note."""

    def compute() -> Comparison:
        est_a = src.estimate(occ, area_a.code)
        est_b = src.estimate(occ, area_b.code)
        missing: list[str] = []
        for area, est in ((area_a, est_a), (area_b, est_b)):
            if est is None:
                missing.append(f"{area.name}: OEWS publishes no estimate for {occ}.")
        absent = Figure(Status.NO_ESTIMATE, None, None, None)
        rows = []
        for name in DATATYPE_FIELDS.values():
            fa: Figure = getattr(est_a, name) if est_a else absent
            fb: Figure = getattr(est_b, name) if est_b else absent
            row = compare_figures(name, fa, fb)
            if row.note and est_a and est_b:
                missing.append(f"{name}: {row.note}")
            rows.append(row)
        return Comparison(occ, est_a, est_b, area_a, area_b, tuple(rows), tuple(missing))

    return src.store.memo(("compare", occ.code, area_a.code, area_b.code), compute)


def compare_figures(name: str, a: Figure, b: Figure) -> ComparisonRow:
    """One measure's row: ``a - b`` and ``a / b`` where both are released."""
    if a.value is None or b.value is None or a.text is None or b.text is None:
        why = [f"{side}: {fig.status}" for side, fig in (("a", a), ("b", b)) if fig.value is None]
        return ComparisonRow(name, a, b, None, None, "; ".join(why))
    # From the published text, so 26.04 - 26.33 is -0.29, not -0.28999999999999915.
    difference = float(Decimal(a.text) - Decimal(b.text))
    ratio = a.value / b.value if b.value else None
    note = None if ratio is not None else "ratio undefined: b is 0"
    return ComparisonRow(name, a, b, difference, ratio, note)
