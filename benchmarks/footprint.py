"""Footprint: what occprofile costs on disk and in memory.

1. Size of the installed package data (importlib.resources traversal) and
   its on-disk blocks, against the upstream OEWS SQLite file alone.
2. Peak RSS and tracemalloc after loading all 1,016 profiles in a fresh
   process, vs a bare interpreter with attrs and cattrs imported. The
   processes are started by :data:`~benchmarks.harness.LAUNCHER`, so that
   the benchmark's own peak RSS is not carried into theirs.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.harness import MB, Row, compared, megabytes, progress, run_python, verdict

if TYPE_CHECKING:
    from importlib_resources.abc import Traversable

#: Peak RSS of the process itself: ``ru_maxrss`` and, where /proc exists, VmHWM
#: (the same high-water mark, per address space) as a cross-check.
PEAK_RSS_REPORT = """
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
    PEAK_RSS_REPORT
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
    PEAK_RSS_REPORT
    + """
import attrs, cattrs
report(profiles=0, traced=0)
"""
)


# ----------------------------------------------------------------------------
# size


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
    """The size rows, and the package data's bytes by top-level part."""
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
        compared(
            f"installed package data ({len(files):,} files, sum of sizes)",
            total,
            upstream,
            megabytes,
            note=" (OEWS SQLite alone)",
            target="<= 25 MB",
            ok=total <= 25 * MB,
        )
    ]
    blocks = disk_usage(Path(str(root))) if isinstance(root, os.PathLike) else None
    if blocks is not None:
        rows.append(Row("same, on-disk blocks (du -sk)", megabytes(blocks)))
    return rows, parts


# ----------------------------------------------------------------------------
# memory


def rss_bytes(maxrss: int) -> int:
    return maxrss if sys.platform == "darwin" else maxrss * 1024


def measure_memory(runs: int, cwd: Path) -> tuple[list[Row], str]:
    """The memory rows, and the VmHWM cross-check ("" where there is no /proc)."""
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
        compared(
            f"peak RSS (ru_maxrss) after loading all {n_profiles:,} profiles, fresh process",
            rss,
            bare,
            megabytes,
            note=" (python + attrs, cattrs)",
            target="<= 250 MB",
            ok=rss <= 250 * MB,
        ),
        Row(
            "tracemalloc current after loading them (incl. imports)",
            megabytes(cur),
            target="<= 250 MB",
            verdict=verdict(cur <= 250 * MB),
        ),
    ]
    note = f"VmHWM of the same process: {megabytes(statistics.median(hwm))}" if hwm else ""
    return rows, note
