"""``python -m occprofile``: print an occupation's profile, top metros and a comparison.

python -m occprofile                       # Medical Secretaries (43-6013)
python -m occprofile "registered nurses" --compare Boston Chicago
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import Dataset, NoWageDataError, OccprofileError
from .models import Comparison, RankedEstimate, RatingSection


def _section_lines(title: str, section: RatingSection, n: int) -> list[str]:
    lines = [f"{title}:"]
    if not section.available:
        return [*lines, f"  {section.note}"]
    shown = section[:n]
    width = max((len(r.name) for r in shown), default=0)
    lines.append(f"  {'':<{width}}  importance  level")
    for r in shown:
        imp = str(r.importance) if r.importance else "not rated"
        lvl = str(r.level) if r.level else r.level_status
        lines.append(f"  {r.name:<{width}}  {imp:>10}  {lvl}")
    if section.note:
        lines.append(f"  ({section.note})")
    return lines


def _metro_lines(rows: Sequence[RankedEstimate]) -> list[str]:
    lines = ["Metro areas with the most jobs:"]
    width = max((len(r.area.name) for r in rows), default=0)
    lines.append(f"      {'':<{width}}  {'jobs':>9}  {'annual mean':>11}")
    for r in rows:
        e = r.estimate
        lines.append(
            f"  {r.rank:>2}. {e.area.name:<{width}}  {e.employment.format():>9}  "
            f"{e.annual_mean.format(money=True):>11}"
        )
    return lines


def _comparison_lines(c: Comparison) -> list[str]:
    lines = [f"{c.area_a.name} vs {c.area_b.name}:"]
    for name in ("employment", "annual_mean", "annual_median", "location_quotient"):
        row = c.row(name)
        money = name.startswith("annual")
        digits = max(len((f.text or "").partition(".")[2]) for f in (row.a, row.b))
        diff = f"{row.difference:+,.{digits}f}" if row.difference is not None else "n/a"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "n/a"
        lines.append(
            f"  {name:<18} {row.a.format(money):>12} {row.b.format(money):>12}"
            f"   difference {diff:>12}   ratio {ratio}"
        )
    lines.extend(f"  note: {m}" for m in c.missing)
    return lines


def render(ds: Dataset, query: str, n_metros: int, compare: Sequence[str]) -> str:
    p = ds.profile(query)
    lines = [f"{p.occupation.title} ({p.occupation.code})", "", p.description, ""]
    if p.wage_occupation is not None:
        nat = ds.national(p.wage_occupation.code)
        basis = "" if p.occupation.wage_basis == "detailed" else f" (OEWS {p.wage_occupation})"
        lines.append(
            f"United States, May 2025{basis}: {nat.employment.format()} jobs, "
            f"annual mean wage {nat.annual_mean.format(money=True)}, "
            f"median {nat.annual_median.format(money=True)}"
        )
    else:
        lines.append("United States, May 2025: OEWS publishes no estimate for this occupation.")
    lines.append("")
    for title, section in (
        ("Skills", p.skills),
        ("Knowledge", p.knowledge),
        ("Abilities", p.abilities),
        ("Work activities", p.work_activities),
        ("Work styles", p.work_styles),
    ):
        ranked = (
            ds.ratings_by_importance(p.code, section.domain, 5) if section.available else section
        )
        lines.extend([*_section_lines(title, ranked, 5), ""])
    if p.wage_occupation is not None:
        try:
            lines.extend([*_metro_lines(ds.top_metros(p.code, n_metros)), ""])
        except NoWageDataError as exc:
            lines.extend(["Metro areas with the most jobs:", f"  {exc}", ""])
        if compare:
            lines.extend([*_comparison_lines(ds.compare_metros(p.code, *compare)), ""])
    lines.append("Sources: " + "; ".join(str(r) for r in ds.releases()))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="occprofile", description="Print an occupation's profile, top metros and a comparison."
    )
    parser.add_argument("occupation", nargs="?", default="43-6013", help="code, title or words")
    parser.add_argument("--metros", type=int, default=10, help="how many metro areas to list")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("AREA_A", "AREA_B"),
        default=("Los Angeles", "San Diego"),
        help="two areas to compare (codes or names)",
    )
    args = parser.parse_args(argv)
    try:
        print(render(Dataset(), args.occupation, args.metros, args.compare))
    except OccprofileError as exc:
        print(f"occprofile: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `python -m occprofile | head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
