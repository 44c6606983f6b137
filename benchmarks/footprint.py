"""Footprint: what occprofile costs on disk and in memory.

1. The packaged data: its number of files (at most 50) and bytes (at most
   12 MB), counted recursively under ``importlib.resources.files("occprofile")
   / "data"`` (the modules and their bytecode left out), its on-disk blocks,
   against the upstream OEWS SQLite file alone; and the wheel (at most
   10 MB), built into a temporary directory with ``python -m build --wheel``
   (from this interpreter when it has ``build``, else from a venv of its own;
   skipped in ``--smoke``).
2. Peak RSS of a fresh process after loading every profile (at most
   100 MB; median of the runs) and, in another, after every
   ``estimates(code)`` of every OEWS occupation (at most 200 MB; one run),
   against a bare interpreter with attrs and cattrs imported; tracemalloc
   after the profiles (one run). The processes are
   started by :data:`~benchmarks.harness.LAUNCHER`, so that the benchmark's
   own peak RSS is not carried into theirs.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.harness import (
    MB,
    REPO_ROOT,
    Row,
    compared,
    judged,
    megabytes,
    progress,
    run_python,
    skipped,
    verdict,
)
from benchmarks.venvs import python_of

if TYPE_CHECKING:
    from importlib.abc import Traversable

DATA_FILES_LIMIT = 50
DATA_BYTES_LIMIT = 12 * MB
WHEEL_LIMIT = 10 * MB
PROFILES_RSS_LIMIT = 100 * MB
ESTIMATES_RSS_LIMIT = 200 * MB

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

ESTIMATES_MEMORY_SCRIPT = (
    PEAK_RSS_REPORT
    + """
import occprofile as op
n = sum(len(op.estimates(o.code)) for o in op.wage_occupations())
report(estimates=n)
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
        if child.name == "__pycache__" or child.name.endswith((".py", ".pyc")):
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


def measure_size(sqlite_path: Path, wheel: bool) -> tuple[list[Row], dict[str, int]]:
    """The size rows, and the package data's bytes by top-level part."""
    from importlib.resources import files

    root = files("occprofile") / "data"
    found = dict(walk(root))
    total = sum(found.values())
    parts: dict[str, int] = {}
    for name, size in found.items():
        top = name.split("/")[0] + "/" if "/" in name else "other files"
        parts[top] = parts.get(top, 0) + size
    upstream = sqlite_path.stat().st_size
    rows = [
        Row(
            "packaged data files (occprofile/data, recursively)",
            f"{len(found):,} files",
            target=f"<= {DATA_FILES_LIMIT}",
            verdict=verdict(len(found) <= DATA_FILES_LIMIT),
        ),
        compared(
            "installed package data (sum of file sizes)",
            total,
            upstream,
            megabytes,
            note=" (OEWS SQLite alone)",
            target=f"<= {megabytes(DATA_BYTES_LIMIT)}",
            ok=total <= DATA_BYTES_LIMIT,
        ),
    ]
    blocks = disk_usage(Path(str(root))) if isinstance(root, os.PathLike) else None
    if blocks is not None:
        rows.append(Row("same, on-disk blocks (du -sk)", megabytes(blocks)))
    rows.append(measure_wheel() if wheel else skipped("wheel size", "not built in this mode"))
    return rows, parts


def measure_wheel() -> Row:
    """The size of the wheel ``python -m build --wheel`` makes of this checkout."""
    label = "wheel (python -m build --wheel)"
    limit = f"<= {megabytes(WHEEL_LIMIT)}"
    if importlib.util.find_spec("build") is not None:
        python: Path | str = Path(sys.executable)
    else:
        python = python_of("build", ("build",), install=True)
    if not isinstance(python, Path):
        return skipped(label, python, limit)
    progress(f"building the wheel of {REPO_ROOT} with {python}")
    with tempfile.TemporaryDirectory(prefix="occprofile-wheel-") as out:
        done = subprocess.run(
            [str(python), "-m", "build", "--wheel", "--outdir", out, str(REPO_ROOT)],
            capture_output=True,
            text=True,
            check=False,
        )
        wheels = list(Path(out).glob("*.whl"))
        if done.returncode != 0 or len(wheels) != 1:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return skipped(label, f"the build failed: {last}", limit)
        return judged(
            f"{label}: {wheels[0].name}", wheels[0].stat().st_size, megabytes, WHEEL_LIMIT
        )


# ----------------------------------------------------------------------------
# memory


def rss_bytes(maxrss: int) -> int:
    return maxrss if sys.platform == "darwin" else maxrss * 1024


def measure_memory(runs: int, cwd: Path, full: bool = True) -> tuple[list[Row], str]:
    """The memory rows, and the VmHWM cross-check ("" where there is no /proc).

    Without ``full`` (``--smoke``) only the all-profiles process and the bare
    one run: tracing and every estimate take most of the family's time.
    """
    once = "; traced and all estimates once" if full else ""
    progress(f"memory: {runs} fresh processes each (all profiles, bare){once}")
    loaded: list[int] = []
    hwm: list[int] = []
    traced: list[int] = []
    every_estimate: list[int] = []
    base: list[int] = []
    n_profiles = n_estimates = 0
    for _ in range(runs):
        profiles = json.loads(run_python(MEMORY_SCRIPT, cwd, launcher=True))
        loaded.append(rss_bytes(profiles["maxrss"]))
        if profiles["vmhwm_kb"] is not None:
            hwm.append(profiles["vmhwm_kb"] * 1024)
        n_profiles = profiles["profiles"]
        if full and not traced:  # once: peaks barely move, and these take most of the time
            trace = json.loads(run_python(MEMORY_SCRIPT, cwd, "trace", launcher=True))
            traced.append(trace["traced"])
            found = json.loads(run_python(ESTIMATES_MEMORY_SCRIPT, cwd, launcher=True))
            every_estimate.append(rss_bytes(found["maxrss"]))
            n_estimates = found["estimates"]
        bare_run = json.loads(run_python(BASELINE_MEMORY_SCRIPT, cwd, launcher=True))
        base.append(rss_bytes(bare_run["maxrss"]))
    rss, bare = statistics.median(loaded), statistics.median(base)
    rows = [
        compared(
            f"peak RSS (ru_maxrss) after loading all {n_profiles:,} profiles, fresh process",
            rss,
            bare,
            megabytes,
            note=" (python + attrs, cattrs)",
            target=f"<= {megabytes(PROFILES_RSS_LIMIT)}",
            ok=rss <= PROFILES_RSS_LIMIT,
        ),
    ]
    if traced:
        rows.append(
            Row(
                "tracemalloc current after loading them (incl. imports)",
                megabytes(statistics.median(traced)),
            )
        )
    label = "peak RSS after every estimates(code) of every OEWS occupation, fresh process"
    if every_estimate:
        peak = statistics.median(every_estimate)
        rows.append(
            compared(
                f"{label} ({n_estimates:,} estimates)",
                peak,
                bare,
                megabytes,
                note=" (python + attrs, cattrs)",
                target=f"<= {megabytes(ESTIMATES_RSS_LIMIT)}",
                ok=peak <= ESTIMATES_RSS_LIMIT,
            )
        )
    else:
        rows.append(skipped(label, "not run in this mode", f"<= {megabytes(ESTIMATES_RSS_LIMIT)}"))
    note = f"VmHWM of the same process: {megabytes(statistics.median(hwm))}" if hwm else ""
    return rows, note
