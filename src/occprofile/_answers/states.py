"""One occupation in one state: the state estimate and its areas ranked (the seed's
"pick a state" view), with a note for every kind of area that has no figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import NoWageDataError
from ..models import AreaKind, Ranking
from .rankings import rank

if TYPE_CHECKING:
    from ..career import StateView
    from ..models import Area, WageOccupation
    from .sources import Sources


def state_view(src: Sources, occ: WageOccupation, where: Area) -> StateView:
    """The state's estimate, and its metro and nonmetro areas ranked by employment."""
    from ..career import StateView

    def compute() -> StateView:
        postal = where.states[0]
        notes: list[str] = []
        estimate = src.estimate(occ, where.code)
        if estimate is None:
            notes.append(f"OEWS publishes no {where.name} estimate for {occ}.")
        ranked: dict[AreaKind, Ranking] = {}
        rows = src.oews_rows(occ.code)
        for kind, label in ((AreaKind.METRO, "metro"), (AreaKind.NONMETRO, "nonmetro")):
            areas = src.areas().select(kind, postal)
            with_rows = [a for a in areas if a.code in rows]
            if not areas:
                notes.append(f"OEWS defines no {label} areas in {where.name}.")
            elif not with_rows:
                notes.append(
                    f"OEWS publishes no estimate for {occ} in any {label} area of {where.name}."
                )
            elif len(with_rows) < len(areas):
                notes.append(
                    f"{len(areas) - len(with_rows)} of the {len(areas)} {label} areas of "
                    f"{where.name} have no OEWS estimate for {occ}."
                )
            try:
                codes = [a.code for a in areas]
                ranked[kind] = rank(src, occ, "employment", codes, n=len(areas) or 1, scope="")
            except NoWageDataError:
                ranked[kind] = Ranking()
                if with_rows:
                    notes.append(
                        f"No {label} area of {where.name} has a released employment figure."
                    )
        return StateView(
            occ,
            where,
            estimate,
            ranked[AreaKind.METRO],
            ranked[AreaKind.NONMETRO],
            tuple(notes),
        )

    return src.store.memo(("state_view", occ.code, where.code), compute)
