"""Performance benchmark of occprofile, each figure a ratio against the obvious alternative.

    python -m benchmarks [--sqlite PATH] [--repeat N] [--markdown] [--instructions]
                         [--only FAMILY ...]
    python benchmarks/bench.py ...   (the same)

Runs the question families in this order, one table: cold start (import,
first call, fresh process vs sqlite3; instructions with ``--instructions``),
warm queries, profiles, the manifest check's share of a read, career
queries, questions across occupations, package size and memory, then the
bulk tables (every estimate as a pandas DataFrame vs ``pandas.read_sql``).
``--only`` runs the families named. How each is measured is in its module;
how they are timed, in :mod:`benchmarks.harness`.

Before measuring, occprofile's modules are compiled to bytecode, as
``pip install`` does for an installed package (see
:func:`~benchmarks.harness.compile_bytecode`).

``--sqlite`` takes the SQLite file or its gzip (decompressed once into a
temporary directory); the default is the upstream
``../shared/data/oews-2025/oews-2025.sqlite.gz`` next to the repository.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.across import measure_across
from benchmarks.career import measure_career
from benchmarks.cold_start import measure_fresh_processes, measure_instructions
from benchmarks.footprint import measure_memory, measure_size
from benchmarks.harness import compile_bytecode, machine, megabytes, progress, render, revision
from benchmarks.integrity import measure_checksum
from benchmarks.profiles import measure_profiles
from benchmarks.sqlite_reference import DEFAULT_SQLITE, prepare_sqlite, read_only_uri
from benchmarks.tables import measure_tables
from benchmarks.warm import measure_warm

#: The question families, in the order they run.
FAMILIES = (
    "cold_start",
    "warm",
    "profiles",
    "integrity",
    "career",
    "across",
    "footprint",
    "tables",
)


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
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the fresh processes' instructions with valgrind (about 1 min)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=FAMILIES,
        default=list(FAMILIES),
        metavar="FAMILY",
        help=f"run only these question families ({', '.join(FAMILIES)}; default: all)",
    )
    args = parser.parse_args(argv)
    only: set[str] = set(args.only)
    repeat: int = args.repeat
    if repeat < 3:
        parser.error("--repeat must be at least 3")
    sqlite_arg: Path = args.sqlite
    if not sqlite_arg.is_file():
        parser.error(f"no SQLite file at {sqlite_arg}")
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind on PATH")

    started = time.perf_counter()
    progress(compile_bytecode())
    with tempfile.TemporaryDirectory(prefix="occprofile-bench-") as tmp:
        workdir = Path(tmp)
        sqlite_path = prepare_sqlite(sqlite_arg, workdir)
        uri = read_only_uri(sqlite_path)
        shipped = sqlite_arg if sqlite_arg.suffix == ".gz" else None
        rows = []
        parts: dict[str, int] = {}
        memory_note = ""
        if "cold_start" in only:
            rows += measure_fresh_processes(repeat, uri, workdir, shipped)
            if args.instructions:
                rows += measure_instructions(uri, workdir)
        if "warm" in only:
            rows += measure_warm(repeat, uri)
        if "profiles" in only:
            rows += measure_profiles(repeat, max(3, repeat // 4))
        if "integrity" in only:
            rows += measure_checksum(repeat)
        if "career" in only:
            rows += measure_career(repeat)
        if "across" in only:
            rows += measure_across(repeat, uri)
        if "footprint" in only:
            size_rows, parts = measure_size(sqlite_path)
            rows += size_rows
            memory_rows, memory_note = measure_memory(3, workdir)
            rows += memory_rows
        if "tables" in only:
            rows += measure_tables(repeat, uri, workdir)

    print(f"Machine: {machine()}")
    families = (
        "" if only == set(FAMILIES) else f"; --only {' '.join(f for f in FAMILIES if f in only)}"
    )
    print(
        f"Measured: {revision()}; --repeat {repeat}{families}; "
        f"{time.perf_counter() - started:.0f} s"
    )
    print()
    print(render(rows, args.markdown))
    print()
    if parts:
        breakdown = ", ".join(f"{k} {megabytes(v)}" for k, v in sorted(parts.items()))
        print(f"Package data by part: {breakdown}.")
    if memory_note:
        print(f"Peak RSS cross-check: {memory_note}.")
    failed = [r.measurement for r in rows if r.verdict == "FAIL"]
    print(f"Targets missed: {len(failed)}" + (f" ({'; '.join(failed)})" if failed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
