"""Typo-tolerant lookup: a fresh process's first misspelt title against an exact one.

``occupation("registerd nurse")`` needs the typo-tolerant title index;
``occupation("Registered Nurses")`` is an exact title. Both printed by fresh
processes, interleaved, medians (and instructions with callgrind); the
target is a misspelling costing at most 1.5x an exact title. Both must name
the same occupation.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks.harness import (
    Row,
    compared,
    count_instructions,
    millions,
    ms,
    progress,
    time_subprocesses,
)

TYPO = "registerd nurse"
EXACT = "Registered Nurses"
RATIO = 1.5


def lookup_script(query: str) -> str:
    return f"import occprofile as op\nprint(op.occupation({query!r}).code)"


def measure_lookup(runs: int, cwd: Path, instructions: bool) -> list[Row]:
    scripts = {"typo": lookup_script(TYPO), "exact": lookup_script(EXACT)}
    progress(f"first lookup: typo vs exact title, {runs} fresh processes each")
    times, outputs = time_subprocesses(scripts, runs, cwd)
    if outputs["typo"] != outputs["exact"]:
        raise AssertionError(f"{TYPO!r} and {EXACT!r} found different occupations: {outputs}")
    typo, exact = (statistics.median(times[k]) for k in ("typo", "exact"))
    rows = [
        compared(
            f"fresh process: first occupation({TYPO!r}) vs ({EXACT!r})",
            typo,
            exact,
            ms,
            note=" (exact title)",
            target=f"ratio <= {RATIO}",
            ok=typo / exact <= RATIO,
        )
    ]
    if instructions:
        progress("callgrind: typo and exact lookups, one each")
        counts = {k: count_instructions(code, cwd) for k, code in scripts.items()}
        rows.append(
            compared(
                "same, instructions",
                counts["typo"],
                counts["exact"],
                millions,
                target=f"ratio <= {RATIO}",
                ok=counts["typo"] / counts["exact"] <= RATIO,
            )
        )
    return rows
