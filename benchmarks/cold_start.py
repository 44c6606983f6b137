"""Cold start: what a fresh process pays before and for its first answer.

1. ``import occprofile`` vs ``import attrs, cattrs`` (fresh processes, raw and
   net of ``python -c pass``), and the first real call (import + top_metros).
2. A fresh process printing ``top_metros("43-6013", 10)`` vs a fresh process
   answering the same question from the upstream OEWS SQLite file; the two
   answers are checked to be the same areas with the same employment.
3. With ``--instructions``: the instructions the fresh processes of (2)
   execute, counted by valgrind's callgrind (noise-free), and those of
   ``import typing`` / ``import attrs`` / ``import attrs, cattrs`` alone.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks.harness import (
    Row,
    compared,
    count_instructions,
    ms,
    progress,
    time_subprocesses,
)
from benchmarks.sqlite_reference import check_same_answer, shipped_sqlite_script, sqlite_script
from benchmarks.subject import OCCUPATION, TOP_N

OCCPROFILE_TOP_SCRIPT = f"""
import occprofile as op
for r in op.top_metros({OCCUPATION!r}, {TOP_N}):
    e = r.estimate
    print(e.area.code, e.area.name, e.employment.text, sep="\\t")
"""


def measure_fresh_processes(
    runs: int, sqlite_uri: str, cwd: Path, shipped_gz: Path | None
) -> list[Row]:
    scripts = {
        "pass": "pass",
        "import occprofile": "import occprofile",
        "import attrs, cattrs": "import attrs, cattrs",
        "import attrs": "import attrs",
        "first call": (f"import occprofile as op\nop.top_metros({OCCUPATION!r}, {TOP_N})"),
        "occprofile top_metros": OCCPROFILE_TOP_SCRIPT,
        "sqlite3 query": sqlite_script(sqlite_uri),
    }
    if shipped_gz is not None:
        scripts["sqlite3 from .gz"] = shipped_sqlite_script(shipped_gz)
    progress(f"{len(scripts)} scripts x {runs} fresh processes, interleaved")
    times, outputs = time_subprocesses(scripts, runs, cwd)
    check_same_answer(
        outputs["occprofile top_metros"], outputs["sqlite3 query"], outputs.get("sqlite3 from .gz")
    )

    med = {name: statistics.median(t) for name, t in times.items()}
    base = med["pass"]
    net = {name: med[name] - base for name in med}
    ours, sqlite = med["occprofile top_metros"], med["sqlite3 query"]
    attrs_cattrs = net["import attrs, cattrs"]
    rows = [
        compared(
            "import occprofile vs import attrs, cattrs (fresh process, raw)",
            med["import occprofile"],
            med["import attrs, cattrs"],
            ms,
        ),
        compared(
            f"same, net of `python -c pass` ({ms(base)})",
            net["import occprofile"],
            attrs_cattrs,
            ms,
            target="ratio <= 1.3",
            ok=net["import occprofile"] / attrs_cattrs <= 1.3,
        ),
        compared(
            f"first real call: import + top_metros({OCCUPATION!r}, {TOP_N}), net",
            net["first call"],
            attrs_cattrs,
            ms,
            target="info (vs import attrs, cattrs)",
        ),
        compared(
            f"fresh process: top {TOP_N} metros for {OCCUPATION}, printed (raw wall)",
            ours,
            sqlite,
            ms,
            note=" (sqlite3)",
            target="ratio < 1 (occprofile faster)",
            ok=ours < sqlite,
        ),
        compared(
            "same, net of `python -c pass`", net["occprofile top_metros"], net["sqlite3 query"], ms
        ),
    ]
    if shipped_gz is not None:
        rows.append(
            compared(
                "same, against the SQLite as shipped (.gz: gunzip + query)",
                ours,
                med["sqlite3 from .gz"],
                ms,
            )
        )
    # The floor under any design the issue allows: the models must be attrs
    # classes, so a fresh process that answers anything pays `import attrs`.
    rows.append(
        compared(
            "floor: `import attrs` alone (required dependency), raw wall",
            med["import attrs"],
            sqlite,
            ms,
            note=" (whole sqlite3 process)",
        )
    )
    return rows


def measure_instructions(sqlite_uri: str, cwd: Path) -> list[Row]:
    """Instruction counts of the fresh-process scripts (needs valgrind on PATH)."""
    scripts = {
        "pass": "pass",
        "import typing": "import typing",
        "import attrs": "import attrs",
        "import attrs, cattrs": "import attrs, cattrs",
        "occprofile top_metros": OCCPROFILE_TOP_SCRIPT,
        "sqlite3 query": sqlite_script(sqlite_uri),
    }
    progress(f"callgrind: {len(scripts)} fresh processes, one each")
    counts = {name: count_instructions(code, cwd) for name, code in scripts.items()}
    sqlite = counts["sqlite3 query"]

    def millions(n: float) -> str:
        return f"{n / 1e6:,.1f} M instr."

    rows = [
        compared(
            f"instructions: fresh process, top {TOP_N} metros for {OCCUPATION}",
            counts["occprofile top_metros"],
            sqlite,
            millions,
            note=" (sqlite3)",
            target="ratio < 1 (occprofile faster)",
            ok=counts["occprofile top_metros"] < sqlite,
        )
    ]
    rows.extend(
        compared(
            f'instructions: `python -c "{name}"` alone',
            counts[name],
            sqlite,
            millions,
            note=" (whole sqlite3 process)",
        )
        for name in ("import attrs, cattrs", "import attrs", "import typing", "pass")
    )
    return rows
