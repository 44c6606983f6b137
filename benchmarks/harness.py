"""How the benchmark measures and reports, whatever the question.

Machines here are noisy, so every comparison is made within one run: fresh
subprocesses are run interleaved (A, B, C, ... then B, C, ..., A, rotating),
in-process loops alternate between the sides the same way, and medians are
reported. Instruction counts (valgrind's callgrind) are the noise-free check.
Every figure ends up as a :class:`Row` of the table :func:`render` prints.
"""

from __future__ import annotations

import compileall
import datetime
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

REPO_ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

# ----------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class Row:
    """One line of the table; a figure without an alternative leaves it ``-``."""

    measurement: str
    occprofile: str
    alternative: str = "-"
    ratio: str = "-"
    target: str = "info"
    verdict: str = "info"


HEADER = Row("measurement", "occprofile", "alternative", "ratio", "target", "pass/fail")


def verdict(ok: bool | None) -> str:
    return "info" if ok is None else ("pass" if ok else "FAIL")


def skipped(measurement: str, reason: str, target: str = "info") -> Row:
    """A row that could not be measured here, saying why (never judged)."""
    return Row(measurement, "-", f"skipped: {reason}", "-", target, "skipped")


def judged(measurement: str, value: float, unit: Callable[[float], str], limit: float) -> Row:
    """An absolute figure against its target: at most ``limit`` (in the same unit)."""
    return Row(
        measurement, unit(value), target=f"<= {unit(limit)}", verdict=verdict(value <= limit)
    )


def compared(
    measurement: str,
    ours: float,
    theirs: float,
    unit: Callable[[float], str],
    *,
    note: str = "",
    target: str = "info",
    ok: bool | None = None,
) -> Row:
    """A figure against the alternative's: both in ``unit``, ``note`` after theirs, the ratio."""
    return Row(
        measurement, unit(ours), unit(theirs) + note, ratio_text(ours / theirs), target, verdict(ok)
    )


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


def render(rows: Sequence[Row], markdown: bool, head: Sequence[str] | None = None) -> str:
    """The table of ``rows``; with ``head``, only as many columns (the first, then the verdict)."""
    columns = [
        [r.measurement, r.occprofile, r.alternative, r.ratio, r.target, r.verdict] for r in rows
    ]
    names = [
        HEADER.measurement,
        HEADER.occprofile,
        HEADER.alternative,
        HEADER.ratio,
        HEADER.target,
        HEADER.verdict,
    ]
    if head is not None:
        keep = len(head) - 1
        columns = [[*c[:keep], c[-1]] for c in columns]
        names = list(head)
    if markdown:
        lines = ["| " + " | ".join(names) + " |", "|" + "|".join(" --- " for _ in names) + "|"]
        lines.extend("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in columns)
        return "\n".join(lines)
    widths = [max(len(c[i]) for c in [names, *columns]) for i in range(len(names))]
    rule = "  ".join("-" * w for w in widths)
    lines = ["  ".join(c.ljust(w) for c, w in zip(names, widths, strict=True)).rstrip(), rule]
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in columns
    )
    return "\n".join(lines)


def render_targets(rows: Sequence[Row], markdown: bool) -> str:
    """The rows that have a target, target first: what the issue asked, and whether it is met.

    The figure judged is the ratio when the target is one, the measured value
    otherwise, and the reason for a row that was skipped.
    """
    cells = [Row(r.target, _judged_figure(r), r.measurement, verdict=r.verdict) for r in rows]
    kept = [c for c in cells if c.measurement != "info"]
    return render(kept, markdown, head=("target", "measured", "measurement", "met"))


def _judged_figure(row: Row) -> str:
    if row.verdict == "skipped":
        return row.alternative
    if "ratio" in row.target or "faster" in row.target:
        return row.ratio
    return row.occprofile


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

#: Runs a command from a small, fresh process. Linux carries the parent's peak
#: RSS into a child's ru_maxrss across fork + exec, so a child forked from this
#: (large) benchmark process would report at least the benchmark's own peak.
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"


@dataclass(frozen=True)
class Script:
    """Python code for a fresh process, and the interpreter (another venv's) that runs it."""

    code: str
    python: str = sys.executable
    env: dict[str, str] | None = None

    def command(self, *args: str) -> list[str]:
        return [self.python, "-c", self.code, *args]

    def environment(self) -> dict[str, str] | None:
        return None if self.env is None else {**os.environ, **self.env}


def as_script(script: str | Script) -> Script:
    return script if isinstance(script, Script) else Script(script)


def run_python(code: str | Script, cwd: Path, *args: str, launcher: bool = False) -> str:
    """Stdout of ``python -c code *args`` (started by :data:`LAUNCHER` if asked)."""
    script = as_script(code)
    command = script.command(*args)
    if launcher:
        command = [sys.executable, "-c", LAUNCHER, *command]
    done = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=script.environment(),
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"subprocess failed ({done.returncode}):\n{script.code}\n{done.stderr[-3000:]}"
        )
    return done.stdout


def rotations(names: Sequence[str], count: int) -> Iterator[list[str]]:
    """``count`` orders of ``names``, each rotated by one from the last (A B C, B C A, ...)."""
    for i in range(count):
        k = i % len(names)
        yield [*names[k:], *names[:k]]


def time_subprocesses(
    scripts: Mapping[str, str | Script], runs: int, cwd: Path
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


def count_instructions(code: str | Script, cwd: Path) -> int:
    """Instructions ``python -c code`` executes, counted by valgrind's callgrind.

    A count is the same from run to run whatever else the machine is doing,
    so it checks the wall-clock ratios of the noisy fresh-process timings.
    """
    script = as_script(code)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *script.command()],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=script.environment(),
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(
            f"callgrind failed ({done.returncode}):\n{script.code}\n{done.stderr[-2000:]}"
        )
    return int(found.group(1))


def millions(n: float) -> str:
    return f"{n / 1e6:,.1f} M instr."


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


def time_first_calls(
    fresh: Callable[[], T], call: Callable[[T], object], count: int
) -> list[float]:
    """Seconds of ``call(fresh())``, ``count`` times; only the call is timed.

    For a first call, which a loop cannot repeat: ``fresh`` builds a new,
    untimed state (a new Dataset, say) for every sample.
    """
    samples = []
    for _ in range(count):
        state = fresh()
        start = time.perf_counter()
        call(state)
        samples.append(time.perf_counter() - start)
    return samples


# ----------------------------------------------------------------------------
# what is measured, and where


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
