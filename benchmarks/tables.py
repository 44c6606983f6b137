"""Bulk tables: every OEWS estimate decoded, and as a pandas DataFrame from a fresh process.

First, in this process: ``tables.estimates()`` on a new Dataset each time
(every estimate decoded from the packaged data; target at most 0.5 s),
median of a few. Then the frames:
``from occprofile import tables; tables.estimates().to_pandas()`` (236,799
rows, 71 typed columns), against a fresh process reading the same rows from
the upstream SQLite file with ``pandas.read_sql``: the 17 values and their
footnote codes with the occupation and area joined, once as stored (text)
and once with the values converted by ``pandas.to_numeric``, as a frame of
numbers needs. The three scripts run interleaved; each is started by a small
launcher that times it and keeps its peak RSS (``ru_maxrss``) its own (see
:data:`~benchmarks.harness.LAUNCHER`). Every run checks that both sides
hold the same rows and the same total employment. pandas comes from this
interpreter or from the venv of :mod:`benchmarks.parquet_reference`.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from benchmarks.footprint import PEAK_RSS_REPORT, rss_bytes
from benchmarks.harness import (
    MB,
    Row,
    Script,
    compared,
    judged,
    megabytes,
    progress,
    rotations,
    run_python,
    skipped,
    time_first_calls,
)
from benchmarks.parquet_reference import frames_script

#: Every estimate decoded by tables.estimates(): at most this many seconds.
DECODE_LIMIT = 0.5

#: Runs the command, timing it, and prints its wall time and its stdout as JSON.
TIMED_LAUNCHER = """
import json, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
if done.returncode:
    sys.stderr.write(done.stderr)
    sys.exit(done.returncode)
print(json.dumps({"seconds": elapsed, "report": json.loads(done.stdout)}))
"""

OCCPROFILE_SCRIPT = (
    PEAK_RSS_REPORT
    + """
from occprofile import tables
frame = tables.estimates().to_pandas()
report(rows=len(frame), employment=float(frame["employment"].sum()))
"""
)

#: Every cross-industry cell with its occupation and area, as the upstream file has them.
ESTIMATES_SQL = (
    "SELECT o.occupation_code, o.occupation_name, o.display_level, "
    "a.area_code, a.areatype_code, a.area_name, a.state_code, "
    + ", ".join(f"c.v{i:02d}" for i in range(1, 18))
    + ", "
    + ", ".join(f"c.f{i:02d}" for i in range(1, 18))
    + " FROM cell AS c"
    " JOIN area AS a ON a.area_code = substr(c.key, 5, 7)"
    " JOIN occupation AS o ON o.occupation_code = substr(c.key, 18, 6)"
    " WHERE substr(c.key, 12, 6) = '000000'"
)


def read_sql_script(uri: str, numeric: bool) -> str:
    """A fresh process reading every estimate with ``pandas.read_sql`` (and, if
    ``numeric``, converting the 17 values: ``-`` becomes NaN)."""
    convert = (
        "values = [f'v{i:02d}' for i in range(1, 18)]\n"
        "frame[values] = frame[values].apply(pd.to_numeric, errors='coerce')\n"
        if numeric
        else ""
    )
    return (
        PEAK_RSS_REPORT
        + "import sqlite3\n"
        + "import pandas as pd\n"
        + f"con = sqlite3.connect({uri!r}, uri=True)\n"
        + f"frame = pd.read_sql({ESTIMATES_SQL!r}, con)\n"
        + convert
        + "employment = pd.to_numeric(frame['v01'], errors='coerce').sum()\n"
        + "report(rows=len(frame), employment=float(employment))\n"
    )


def _run(script: Script, cwd: Path) -> dict[str, Any]:
    """One fresh process of ``script``: its wall time and what it reported."""
    launcher = Script(TIMED_LAUNCHER, env=script.env)
    out: dict[str, Any] = json.loads(run_python(launcher, cwd, *script.command()))
    return out


def s(value: float) -> str:
    return f"{value:.2f} s"


def measure_decode(runs: int) -> Row:
    """``tables.estimates()`` on a new Dataset: every estimate decoded, in this process."""
    import occprofile as op
    from occprofile import tables

    progress(f"tables.estimates() decode: {runs} new Datasets")
    seconds = time_first_calls(op.Dataset, lambda ds: tables.estimates(dataset=ds), runs)
    return judged(
        "tables.estimates(): every estimate decoded, new Dataset",
        statistics.median(seconds),
        s,
        DECODE_LIMIT,
    )


def measure_tables(
    runs: int, sqlite_uri: str, cwd: Path, frames: Path | str, frames_too: bool = True
) -> list[Row]:
    rows = [measure_decode(max(3, runs // 3))]
    label = "fresh process: tables.estimates().to_pandas(), wall"
    if not frames_too:
        return [*rows, skipped(label, "not run in this mode", "<= 2 s")]
    if not isinstance(frames, Path):
        return [*rows, skipped(label, frames, "<= 2 s")]
    scripts = {
        name: frames_script(frames, code)
        for name, code in {
            "occprofile": OCCPROFILE_SCRIPT,
            "read_sql": read_sql_script(sqlite_uri, numeric=False),
            "read_sql + to_numeric": read_sql_script(sqlite_uri, numeric=True),
        }.items()
    }
    progress(f"tables: {len(scripts)} scripts x {runs} fresh processes (+1 warm-up), interleaved")
    seconds: dict[str, list[float]] = {name: [] for name in scripts}
    peak: dict[str, list[int]] = {name: [] for name in scripts}
    answers: dict[str, tuple[int, float]] = {}
    for warm_up, order in enumerate(rotations(list(scripts), runs + 1)):
        for name in order:
            found = _run(scripts[name], cwd)
            report = found["report"]
            answers.setdefault(name, (report["rows"], report["employment"]))
            if answers[name] != (report["rows"], report["employment"]):
                raise AssertionError(f"{name}: the answer changed between runs")
            if warm_up:
                seconds[name].append(found["seconds"])
                peak[name].append(rss_bytes(report["maxrss"]))
    if len(set(answers.values())) != 1:
        raise AssertionError(f"the sides hold different estimates: {answers}")
    n_rows, _ = answers["occprofile"]
    time = {name: statistics.median(t) for name, t in seconds.items()}
    rss = {name: statistics.median(r) for name, r in peak.items()}
    ours_time, ours_rss = time["occprofile"], rss["occprofile"]
    return [
        *rows,
        compared(
            f"fresh process: tables.estimates().to_pandas() ({n_rows:,} rows), wall",
            ours_time,
            time["read_sql"],
            s,
            note=" (pandas.read_sql)",
            target="<= 2 s",
            ok=ours_time <= 2,
        ),
        compared(
            "same, vs read_sql + to_numeric of the 17 figures",
            ours_time,
            time["read_sql + to_numeric"],
            s,
        ),
        compared(
            "same, peak RSS (ru_maxrss)",
            ours_rss,
            rss["read_sql"],
            megabytes,
            note=" (pandas.read_sql)",
            target="<= 300 MB",
            ok=ours_rss <= 300 * MB,
        ),
        compared(
            "same, peak RSS vs read_sql + to_numeric",
            ours_rss,
            rss["read_sql + to_numeric"],
            megabytes,
        ),
    ]
