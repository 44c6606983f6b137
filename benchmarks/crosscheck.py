"""Did every side print the same answer? Checked before any timing is believed.

Every fresh process of a "top metros" question prints one line per area,
``code<TAB>name<TAB>employment``; every "estimate" process prints one line
per figure of :data:`~benchmarks.subject.ESTIMATE_FIGURES`,
``field<TAB>published text``. The reference is the SQL on the upstream file;
a side that differs is reported (a row that fails), not silently timed.
"""

from __future__ import annotations

from collections.abc import Mapping

from benchmarks.harness import Row, verdict


def parse_top(output: str) -> list[tuple[str, str, int]]:
    """``(area code, area name, employment)`` of each printed line."""
    rows = []
    for line in output.splitlines():
        code, name, employment = line.split("\t")
        rows.append((code, name, int(employment)))
    return rows


def parse_estimate(output: str) -> dict[str, str]:
    """``{field: published text}`` of each printed line."""
    return dict(line.split("\t", 1) for line in output.splitlines())


def top_mismatch(reference: str, other: str, n: int) -> str | None:
    """Why ``other`` is not the reference's top ``n`` (None when it is the same)."""
    expected, got = parse_top(reference), parse_top(other)
    if len(expected) != n:
        return f"the reference printed {len(expected)} areas, not {n}"
    if [(c, e) for c, _, e in got] != [(c, e) for c, _, e in expected]:
        return f"areas or employment differ: {got[:3]}... vs {expected[:3]}..."
    if [name for _, name, _ in got] != [name for _, name, _ in expected]:
        return "area names differ"
    return None


def estimate_mismatch(reference: str, other: str) -> str | None:
    expected, got = parse_estimate(reference), parse_estimate(other)
    if not expected:
        return "the reference printed no figure"
    differ = [f"{k}: {got.get(k)!r} vs {v!r}" for k, v in expected.items() if got.get(k) != v]
    return "; ".join(differ) if differ else None


def agreement_row(question: str, reference: str, mismatches: Mapping[str, str | None]) -> Row:
    """One row: which sides printed the reference's answer, and which did not (FAIL)."""
    same = [name for name, why in mismatches.items() if why is None]
    differ = {name: why for name, why in mismatches.items() if why is not None}
    text = f"same as {reference}: " + (", ".join(same) or "none")
    if differ:
        text += "; DIFFERENT: " + "; ".join(f"{k} ({v})" for k, v in differ.items())
    return Row(
        f"answers cross-checked: {question}",
        text,
        target="same answer",
        verdict=verdict(not differ),
    )
