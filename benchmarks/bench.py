"""Performance benchmark of occprofile, each figure a ratio against the obvious alternative.

    python benchmarks/bench.py [--sqlite PATH] [--repeat N] [--markdown] [--instructions]

Machines here are noisy, so every comparison is made within one run: fresh
subprocesses are run interleaved (A, B, C, ... then B, C, ..., A, rotating),
in-process loops alternate between the two sides, and medians are reported.

1. ``import occprofile`` vs ``import attrs, cattrs`` (fresh processes, raw and
   net of ``python -c pass``), and the first real call (import + top_metros).
2. A fresh process printing ``top_metros("43-6013", 10)`` vs a fresh process
   answering the same question from the upstream OEWS SQLite file; the two
   answers are checked to be the same areas with the same employment.
3. Warm ``top_metros`` (in-process, repeated) vs the warm SQLite query on an
   open connection.
4. Cached ``profile("43-6013")`` and the first ``profile()`` of every 10th
   occupation on a warm ``Dataset`` (median, p90, max; 43-6013.00 separately).
5. Size of the installed package data (importlib.resources traversal) and
   its on-disk blocks.
6. Peak RSS and tracemalloc after loading all 1,016 profiles in a fresh
   process, vs a bare interpreter with attrs and cattrs imported.
7. First and warm career-profile queries (report, outlook, similar_by_ratings).
8. With ``--instructions``: the instructions the fresh processes of (2)
   execute, counted by valgrind's callgrind (noise-free), and those of
   ``import typing`` / ``import attrs`` / ``import attrs, cattrs`` alone.

Before measuring, occprofile's modules are compiled to bytecode, as
``pip install`` does for an installed package (see :func:`compile_bytecode`).

``--sqlite`` takes the SQLite file or its gzip (decompressed once into a
temporary directory); the default is the upstream
``../shared/data/oews-2025/oews-2025.sqlite.gz`` next to the repository.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import gc
import gzip
import json
import math
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib_resources.abc import Traversable

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = REPO_ROOT.parent / "shared" / "data" / "oews-2025" / "oews-2025.sqlite.gz"

OCCUPATION = "43-6013"
ONET_CODE = "43-6013.00"
TOP_N = 10
MB = 1_000_000

#: "Top 10 metros by employment" on the upstream schema, the fastest SQL we found:
#: one primary-key lookup of the occupation's cross-industry row per metro area
#: (a range scan over the metro keys filtered on the occupation is about 30x
#: slower), BLS nonmetropolitan areas left out (as top_metros does by default),
#: unreleased employment ('-') left out.
TOP_METROS_SQL = """
SELECT a.area_code, a.area_name, c.v01
FROM area AS a
JOIN cell AS c ON c.key = 'OEUM' || a.area_code || ?
WHERE a.areatype_code = 'M'
  AND a.area_name NOT LIKE '%nonmetropolitan%'
  AND c.v01 <> '-'
ORDER BY CAST(c.v01 AS INTEGER) DESC, a.area_name
LIMIT ?
""".strip()
SQL_PARAMS = ("000000" + OCCUPATION.replace("-", ""), TOP_N)

OCCPROFILE_TOP_SCRIPT = f"""
import occprofile as op
for r in op.top_metros({OCCUPATION!r}, {TOP_N}):
    e = r.estimate
    print(e.area.code, e.area.name, e.employment.text, sep="\\t")
"""

#: Peak RSS of the process itself: ``ru_maxrss`` and, where /proc exists, VmHWM
#: (the same high-water mark, per address space) as a cross-check.
_PEAK_RSS = """
import json, resource
def _hwm():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None
def report(**extra):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"maxrss": rss, "vmhwm_kb": _hwm(), **extra}))
"""

MEMORY_SCRIPT = (
    _PEAK_RSS
    + """
import gc, sys
trace = sys.argv[1:] == ["trace"]
if trace:
    import tracemalloc
    tracemalloc.start()
import occprofile as op
n = sum(1 for o in op.occupations() if op.profile(o.code))
gc.collect()
report(profiles=n, traced=tracemalloc.get_traced_memory()[0] if trace else 0)
"""
)

BASELINE_MEMORY_SCRIPT = (
    _PEAK_RSS
    + """
import attrs, cattrs
report(profiles=0, traced=0)
"""
)

#: Runs a command from a small, fresh process. Linux carries the parent's peak
#: RSS into a child's ru_maxrss across fork + exec, so a child forked from this
#: (large) benchmark process would report at least the benchmark's own peak.
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"


def sqlite_script(uri: str) -> str:
    return (
        "import sqlite3\n"
        f"con = sqlite3.connect({uri!r}, uri=True)\n"
        f"for row in con.execute({TOP_METROS_SQL!r}, {SQL_PARAMS!r}):\n"
        "    print(*row, sep='\\t')\n"
    )


def shipped_sqlite_script(gz_path: Path) -> str:
    """The same question from the file as ../shared/data ships it: gunzip, then query."""
    return (
        "import gzip, shutil, sqlite3, tempfile, os\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    db = os.path.join(tmp, 'oews.sqlite')\n"
        f"    with gzip.open({str(gz_path)!r}) as src, open(db, 'wb') as dst:\n"
        "        shutil.copyfileobj(src, dst, 1 << 20)\n"
        "    con = sqlite3.connect(db)\n"
        f"    for row in con.execute({TOP_METROS_SQL!r}, {SQL_PARAMS!r}):\n"
        "        print(*row, sep='\\t')\n"
        "    con.close()\n"
    )


# ----------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class Row:
    measurement: str
    occprofile: str
    alternative: str
    ratio: str
    target: str
    verdict: str


HEADER = Row("measurement", "occprofile", "alternative", "ratio", "target", "pass/fail")


def verdict(ok: bool | None) -> str:
    return "info" if ok is None else ("pass" if ok else "FAIL")


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def ms2(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.2f} µs" if seconds < 1e-3 else ms2(seconds)


def megabytes(n_bytes: float) -> str:
    return f"{n_bytes / MB:.1f} MB"


def ratio_text(ratio: float) -> str:
    if ratio < 0.1:
        return f"{ratio:.4f} (1/{1 / ratio:,.0f})"
    return f"{ratio:.2f}"


def render(rows: Sequence[Row], markdown: bool) -> str:
    cells = [
        [r.measurement, r.occprofile, r.alternative, r.ratio, r.target, r.verdict] for r in rows
    ]
    head = [
        HEADER.measurement,
        HEADER.occprofile,
        HEADER.alternative,
        HEADER.ratio,
        HEADER.target,
        HEADER.verdict,
    ]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
        lines.extend("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in cells)
        return "\n".join(lines)
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head))]
    rule = "  ".join("-" * w for w in widths)
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip(), rule]
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
    )
    return "\n".join(lines)


_T0 = time.perf_counter()


def progress(message: str) -> None:
    print(f"[bench {time.perf_counter() - _T0:6.1f}s] {message}", file=sys.stderr, flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


# ----------------------------------------------------------------------------
# fresh subprocesses


def run_python(code: str, cwd: Path, *args: str, launcher: bool = False) -> str:
    """Stdout of ``python -c code *args`` (started by :data:`LAUNCHER` if asked)."""
    command = [sys.executable, "-c", code, *args]
    if launcher:
        command = [sys.executable, "-c", LAUNCHER, *command]
    done = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"subprocess failed ({done.returncode}):\n{code}\n{done.stderr}")
    return done.stdout


def rotations(names: Sequence[str], count: int) -> Iterator[list[str]]:
    """``count`` orders of ``names``, each rotated by one from the last (A B C, B C A, ...)."""
    for i in range(count):
        k = i % len(names)
        yield [*names[k:], *names[:k]]


def time_subprocesses(
    scripts: dict[str, str], runs: int, cwd: Path
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Wall time of ``runs`` fresh ``python -c`` processes per script, interleaved.

    One untimed warm-up run of each first (bytecode caches, page cache). Returns
    the times and each script's output, which must be the same on every run.
    """
    outputs = {name: run_python(code, cwd) for name, code in scripts.items()}
    times: dict[str, list[float]] = {name: [] for name in scripts}
    for order in rotations(list(scripts), runs):
        for name in order:
            start = time.perf_counter()
            out = run_python(scripts[name], cwd)
            times[name].append(time.perf_counter() - start)
            if out != outputs[name]:
                raise AssertionError(f"{name}: output changed between runs")
    return times, outputs


def parse_top(output: str) -> list[tuple[str, str, int]]:
    rows = []
    for line in output.splitlines():
        code, name, employment = line.split("\t")
        rows.append((code, name, int(employment)))
    return rows


def measure_subprocesses(
    runs: int, sqlite_uri: str, cwd: Path, shipped_gz: Path | None
) -> tuple[list[Row], dict[str, float]]:
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

    ours = parse_top(outputs["occprofile top_metros"])
    theirs = parse_top(outputs["sqlite3 query"])
    assert len(ours) == TOP_N, ours
    assert [(c, e) for c, _, e in ours] == [(c, e) for c, _, e in theirs], (ours, theirs)
    assert [n for _, n, _ in ours] == [n for _, n, _ in theirs], (ours, theirs)
    if shipped_gz is not None:
        assert parse_top(outputs["sqlite3 from .gz"]) == theirs

    med = {name: statistics.median(t) for name, t in times.items()}
    base = med["pass"]
    net = {name: med[name] - base for name in med}
    rows: list[Row] = []
    r_raw = med["import occprofile"] / med["import attrs, cattrs"]
    r_net = net["import occprofile"] / net["import attrs, cattrs"]
    rows.append(
        Row(
            "import occprofile vs import attrs, cattrs (fresh process, raw)",
            ms(med["import occprofile"]),
            ms(med["import attrs, cattrs"]),
            ratio_text(r_raw),
            "info",
            verdict(None),
        )
    )
    rows.append(
        Row(
            f"same, net of `python -c pass` ({ms(base)})",
            ms(net["import occprofile"]),
            ms(net["import attrs, cattrs"]),
            ratio_text(r_net),
            "ratio <= 1.3",
            verdict(r_net <= 1.3),
        )
    )
    rows.append(
        Row(
            f"first real call: import + top_metros({OCCUPATION!r}, {TOP_N}), net",
            ms(net["first call"]),
            ms(net["import attrs, cattrs"]),
            ratio_text(net["first call"] / net["import attrs, cattrs"]),
            "info (vs import attrs, cattrs)",
            verdict(None),
        )
    )
    r_fresh = med["occprofile top_metros"] / med["sqlite3 query"]
    rows.append(
        Row(
            f"fresh process: top {TOP_N} metros for {OCCUPATION}, printed (raw wall)",
            ms(med["occprofile top_metros"]),
            ms(med["sqlite3 query"]) + " (sqlite3)",
            ratio_text(r_fresh),
            "ratio < 1 (occprofile faster)",
            verdict(r_fresh < 1),
        )
    )
    rows.append(
        Row(
            "same, net of `python -c pass`",
            ms(net["occprofile top_metros"]),
            ms(net["sqlite3 query"]),
            ratio_text(net["occprofile top_metros"] / net["sqlite3 query"]),
            "info",
            verdict(None),
        )
    )
    if shipped_gz is not None:
        rows.append(
            Row(
                "same, against the SQLite as shipped (.gz: gunzip + query)",
                ms(med["occprofile top_metros"]),
                ms(med["sqlite3 from .gz"]),
                ratio_text(med["occprofile top_metros"] / med["sqlite3 from .gz"]),
                "info",
                verdict(None),
            )
        )
    # The floor under any design the issue allows: the models must be attrs
    # classes, so a fresh process that answers anything pays `import attrs`.
    rows.append(
        Row(
            "floor: `import attrs` alone (required dependency), raw wall",
            ms(med["import attrs"]),
            ms(med["sqlite3 query"]) + " (whole sqlite3 process)",
            ratio_text(med["import attrs"] / med["sqlite3 query"]),
            "info",
            verdict(None),
        )
    )
    return rows, med


def count_instructions(code: str, cwd: Path) -> int:
    """Instructions ``python -c code`` executes, counted by valgrind's callgrind.

    A count is the same from run to run whatever else the machine is doing,
    so it checks the wall-clock ratios of the noisy fresh-process timings.
    """
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind failed ({done.returncode}):\n{code}\n{done.stderr[-2000:]}")
    return int(found.group(1))


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

    def millions(n: int) -> str:
        return f"{n / 1e6:,.1f} M instr."

    rows = [
        Row(
            f"instructions: fresh process, top {TOP_N} metros for {OCCUPATION}",
            millions(counts["occprofile top_metros"]),
            millions(sqlite) + " (sqlite3)",
            ratio_text(counts["occprofile top_metros"] / sqlite),
            "ratio < 1 (occprofile faster)",
            verdict(counts["occprofile top_metros"] < sqlite),
        )
    ]
    for name in ("import attrs, cattrs", "import attrs", "import typing", "pass"):
        rows.append(
            Row(
                f'instructions: `python -c "{name}"` alone',
                millions(counts[name]),
                millions(sqlite) + " (whole sqlite3 process)",
                ratio_text(counts[name] / sqlite),
                "info",
                verdict(None),
            )
        )
    return rows


# ----------------------------------------------------------------------------
# in-process loops


def calibrate(fn: Callable[[], object], seconds: float) -> int:
    """Loop count so that one timed sample takes about ``seconds``."""
    number = 1
    while True:
        elapsed = timeit.Timer(fn).timeit(number)
        if elapsed >= seconds / 5 or number >= 10_000_000:
            return max(1, round(number * seconds / max(elapsed, 1e-9)))
        number *= 10


def time_in_process(
    functions: dict[str, Callable[[], object]], repeat: int, sample_seconds: float = 0.05
) -> dict[str, list[float]]:
    """Per-call seconds of each function: ``repeat`` timeit samples each, interleaved."""
    numbers = {name: calibrate(fn, sample_seconds) for name, fn in functions.items()}
    per_call: dict[str, list[float]] = {name: [] for name in functions}
    for order in rotations(list(functions), repeat):
        for name in order:
            elapsed = timeit.Timer(functions[name]).timeit(numbers[name])
            per_call[name].append(elapsed / numbers[name])
    return per_call


def measure_warm(repeat: int, sqlite_uri: str) -> list[Row]:
    import occprofile as op

    con = sqlite3.connect(sqlite_uri, uri=True)
    try:
        first = op.top_metros(OCCUPATION, TOP_N)
        sql_rows = con.execute(TOP_METROS_SQL, SQL_PARAMS).fetchall()
        assert [r.estimate.area.code for r in first] == [r[0] for r in sql_rows]
        op.profile(OCCUPATION)

        def warm_top() -> object:
            return op.top_metros(OCCUPATION, TOP_N)

        def warm_sql() -> object:
            return con.execute(TOP_METROS_SQL, SQL_PARAMS).fetchall()

        def cached_profile() -> object:
            return op.profile(OCCUPATION)

        progress(f"warm loops: {repeat} interleaved timeit samples each")
        times = time_in_process(
            {"top": warm_top, "sql": warm_sql, "profile": cached_profile}, repeat
        )
        unmemoised = statistics.median(first_rankings(repeat))
    finally:
        con.close()
    top, sql, prof = (statistics.median(times[k]) for k in ("top", "sql", "profile"))
    return [
        Row(
            f"warm top_metros({OCCUPATION!r}, {TOP_N}), in-process",
            us(top),
            ms2(sql) + " (sqlite3, open connection)",
            ratio_text(top / sql) + f", {sql / top:,.0f}x faster",
            ">= 100x faster",
            verdict(sql / top >= 100),
        ),
        Row(
            "same, data loaded but this ranking not yet computed (not memoised)",
            us(unmemoised),
            ms2(sql),
            ratio_text(unmemoised / sql) + f", {sql / unmemoised:,.0f}x faster",
            "info",
            verdict(None),
        ),
        Row(
            f"cached profile({OCCUPATION!r})",
            us(prof),
            "-",
            "-",
            "<= 10 µs",
            verdict(prof <= 10e-6),
        ),
    ]


def first_rankings(repeat: int) -> list[float]:
    """Seconds of a Dataset's first ``top_metros`` once its data is loaded.

    A warm ``top_metros`` answers from the memoised ranking; this is the cost
    without that: a new Dataset per sample, its occupation index, areas and
    the occupation's OEWS resource loaded by ``top_states`` first.
    """
    import occprofile as op

    samples = []
    for _ in range(repeat):
        ds = op.Dataset()
        ds.top_states(OCCUPATION, 1)
        start = time.perf_counter()
        ds.top_metros(OCCUPATION, TOP_N)
        samples.append(time.perf_counter() - start)
    return samples


def measure_first_profiles(rounds: int) -> list[Row]:
    """First ``profile()`` of every 10th occupation, each on a warm ``Dataset``.

    Each round builds a new Dataset and warms its occupation index, areas,
    manifest and Content Model reference (with a profile outside the sample),
    so each timed call reads only that occupation's resource. An occupation's
    figure is its median over the rounds.
    """
    import occprofile as op

    codes = [o.code for o in op.occupations()]
    sample = codes[::10]
    timed = [*sample, ONET_CODE] if ONET_CODE not in sample else list(sample)
    warm_code = next(c for c in codes if c not in timed)
    per_code: dict[str, list[float]] = {c: [] for c in timed}
    progress(f"first profile() of {len(timed)} occupations x {rounds} rounds")
    for order in rotations(timed, rounds):
        ds = op.Dataset()
        ds.profile(warm_code)
        ds.areas()
        ds.releases()
        gc.collect()
        for code in order:
            start = time.perf_counter()
            ds.profile(code)
            per_code[code].append(time.perf_counter() - start)
        del ds
    medians = [statistics.median(per_code[c]) for c in sample]
    largest = statistics.median(per_code[ONET_CODE])
    label = f"first profile(), {len(sample)} occupations (every 10th)"
    return [
        Row(
            f"{label}: median",
            ms2(statistics.median(medians)),
            "-",
            "-",
            "<= 5 ms",
            verdict(statistics.median(medians) <= 5e-3),
        ),
        Row(
            f"{label}: p90",
            ms2(percentile(medians, 90)),
            "-",
            "-",
            "<= 5 ms",
            verdict(percentile(medians, 90) <= 5e-3),
        ),
        Row(f"{label}: max", ms2(max(medians)), "-", "-", "<= 5 ms", verdict(max(medians) <= 5e-3)),
        Row(
            f"first profile({ONET_CODE!r}) (largest resource)",
            ms2(largest),
            "-",
            "-",
            "<= 5 ms",
            verdict(largest <= 5e-3),
        ),
    ]


def measure_career(repeat: int) -> list[Row]:
    """The career-profile queries of issue 3: no targets, figures for the record.

    First calls are timed on a new Dataset each (every resource read again);
    warm calls on one Dataset whose answers are memoised.
    """
    import occprofile as op

    def first(call: Callable[[op.Dataset], object]) -> float:
        samples = []
        for _ in range(max(3, repeat // 5)):
            ds = op.Dataset()
            gc.collect()
            start = time.perf_counter()
            call(ds)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    progress("career queries: first and warm report(), outlook(), similar_by_ratings()")
    first_report = first(lambda ds: ds.report(OCCUPATION).to_text())
    first_similar = first(lambda ds: ds.similar_by_ratings(OCCUPATION))
    first_outlook = first(lambda ds: ds.outlook(OCCUPATION))
    ds = op.Dataset()
    ds.report(OCCUPATION).to_text()
    ds.similar_by_ratings(OCCUPATION)
    times = time_in_process(
        {
            "report": lambda: ds.report(OCCUPATION),
            "render": lambda: ds.report(OCCUPATION).to_text(),
            "similar": lambda: ds.similar_by_ratings(OCCUPATION),
        },
        repeat,
    )
    warm = {k: statistics.median(v) for k, v in times.items()}
    return [
        Row(
            f"first report({OCCUPATION!r}).to_text(), new Dataset",
            ms2(first_report),
            "-",
            "-",
            "info",
            verdict(None),
        ),
        Row("warm report() (parts memoised)", us(warm["report"]), "-", "-", "info", verdict(None)),
        Row("warm report().to_text()", ms2(warm["render"]), "-", "-", "info", verdict(None)),
        Row(
            f"first outlook({OCCUPATION!r}), new Dataset",
            ms2(first_outlook),
            "-",
            "-",
            "info",
            verdict(None),
        ),
        Row(
            f"first similar_by_ratings({OCCUPATION!r}), new Dataset",
            ms2(first_similar),
            "-",
            "-",
            "info",
            verdict(None),
        ),
        Row("warm similar_by_ratings()", us(warm["similar"]), "-", "-", "info", verdict(None)),
    ]


# ----------------------------------------------------------------------------
# size and memory


def walk(node: Traversable, prefix: str = "") -> Iterator[tuple[str, int]]:
    """``(relative path, size)`` of every resource file under ``node``."""
    for child in node.iterdir():
        if child.name == "__pycache__":
            continue
        path = f"{prefix}{child.name}"
        if child.is_dir():
            yield from walk(child, path + "/")
        elif child.is_file():
            yield path, len(child.read_bytes())


def disk_usage(path: Path) -> int | None:
    """Bytes of on-disk blocks, as ``du -sk`` counts them (None if unavailable)."""
    du = shutil.which("du")
    if du is None:
        return None
    done = subprocess.run([du, "-sk", str(path)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return None
    return int(done.stdout.split()[0]) * 1024


def measure_size(sqlite_path: Path) -> tuple[list[Row], dict[str, int]]:
    import importlib_resources

    root = importlib_resources.files("occprofile.data")
    files = dict(walk(root))
    total = sum(files.values())
    parts: dict[str, int] = {}
    for name, size in files.items():
        top = name.split("/")[0] + "/" if "/" in name else "other files"
        parts[top] = parts.get(top, 0) + size
    upstream = sqlite_path.stat().st_size
    rows = [
        Row(
            f"installed package data ({len(files):,} files, sum of sizes)",
            megabytes(total),
            megabytes(upstream) + " (OEWS SQLite alone)",
            ratio_text(total / upstream),
            "<= 25 MB",
            verdict(total <= 25 * MB),
        )
    ]
    blocks = disk_usage(Path(str(root))) if isinstance(root, os.PathLike) else None
    if blocks is not None:
        rows.append(
            Row("same, on-disk blocks (du -sk)", megabytes(blocks), "-", "-", "info", "info")
        )
    return rows, parts


def rss_bytes(maxrss: int) -> int:
    return maxrss if sys.platform == "darwin" else maxrss * 1024


def measure_memory(runs: int, cwd: Path) -> tuple[list[Row], str]:
    progress(f"memory: {runs} fresh processes each (all profiles, traced, baseline)")
    loaded: list[int] = []
    hwm: list[int] = []
    traced: list[int] = []
    base: list[int] = []
    n_profiles = 0
    for _ in range(runs):
        full = json.loads(run_python(MEMORY_SCRIPT, cwd, launcher=True))
        loaded.append(rss_bytes(full["maxrss"]))
        if full["vmhwm_kb"] is not None:
            hwm.append(full["vmhwm_kb"] * 1024)
        n_profiles = full["profiles"]
        trace = json.loads(run_python(MEMORY_SCRIPT, cwd, "trace", launcher=True))
        traced.append(trace["traced"])
        bare_run = json.loads(run_python(BASELINE_MEMORY_SCRIPT, cwd, launcher=True))
        base.append(rss_bytes(bare_run["maxrss"]))
    rss, cur, bare = (statistics.median(x) for x in (loaded, traced, base))
    rows = [
        Row(
            f"peak RSS (ru_maxrss) after loading all {n_profiles:,} profiles, fresh process",
            megabytes(rss),
            megabytes(bare) + " (python + attrs, cattrs)",
            ratio_text(rss / bare),
            "<= 250 MB",
            verdict(rss <= 250 * MB),
        ),
        Row(
            "tracemalloc current after loading them (incl. imports)",
            megabytes(cur),
            "-",
            "-",
            "<= 250 MB",
            verdict(cur <= 250 * MB),
        ),
    ]
    note = f"VmHWM of the same process: {megabytes(statistics.median(hwm))}" if hwm else ""
    return rows, note


# ----------------------------------------------------------------------------


def prepare_sqlite(path: Path, workdir: Path) -> Path:
    if path.suffix != ".gz":
        return path
    target = workdir / path.stem
    progress(f"decompressing {path} -> {target}")
    with gzip.open(path, "rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return target


def compile_bytecode() -> str:
    """Compile occprofile's modules to ``__pycache__``, as ``pip install`` does.

    An installed package carries bytecode (pip compiles it), and attrs,
    cattrs and the standard library are measured with theirs. An editable
    checkout run with ``PYTHONDONTWRITEBYTECODE`` set (as on these machines)
    would otherwise recompile every occprofile module in every fresh process,
    which cost about 15-25 ms a process here (median wall time).
    """
    import occprofile as op

    package = Path(op.__file__).parent
    if not compileall.compile_dir(package, quiet=1):
        raise RuntimeError(f"could not compile {package}")
    return f"bytecode compiled for {package}"


def machine() -> str:
    return (
        f"{os.cpu_count()} CPUs (nproc), {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()} ({sys.executable}), "
        f"{datetime.date.today().isoformat()}"
    )


def revision() -> str:
    """The occprofile version and, in a git checkout, the commit measured."""
    from importlib.metadata import version

    text = f"occprofile {version('occprofile')}"
    git = shutil.which("git")
    if git is None or not (REPO_ROOT / ".git").exists():
        return text
    head = subprocess.run(
        [git, "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        [git, "-C", str(REPO_ROOT), "status", "--porcelain", "--", "src"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{text} at git {head}" + (" (src/ modified)" if dirty else "") if head else text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
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
    args = parser.parse_args(argv)
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
        uri = sqlite_path.resolve().as_uri() + "?mode=ro"
        shipped = sqlite_arg if sqlite_arg.suffix == ".gz" else None
        rows, _ = measure_subprocesses(repeat, uri, workdir, shipped)
        if args.instructions:
            rows += measure_instructions(uri, workdir)
        rows += measure_warm(repeat, uri)
        rows += measure_first_profiles(max(3, repeat // 4))
        rows += measure_career(repeat)
        size_rows, parts = measure_size(sqlite_path)
        rows += size_rows
        memory_rows, memory_note = measure_memory(3, workdir)
        rows += memory_rows

    print(f"Machine: {machine()}")
    print(f"Measured: {revision()}; --repeat {repeat}; {time.perf_counter() - started:.0f} s")
    print()
    print(render(rows, args.markdown))
    print()
    breakdown = ", ".join(f"{k} {megabytes(v)}" for k, v in sorted(parts.items()))
    print(f"Package data by part: {breakdown}.")
    if memory_note:
        print(f"Peak RSS cross-check: {memory_note}.")
    failed = [r.measurement for r in rows if r.verdict == "FAIL"]
    print(f"Targets missed: {len(failed)}" + (f" ({'; '.join(failed)})" if failed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
