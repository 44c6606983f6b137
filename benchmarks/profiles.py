"""Profiles: an occupation's profile, cached and read for the first time.

Cached ``profile("43-6013")``, and the first ``profile()`` of every 10th
occupation on a warm ``Dataset`` (median, p90, max; 43-6013.00, the largest
resource, separately). No alternative: the targets are absolute.
"""

from __future__ import annotations

import gc
import statistics
import time

from benchmarks.harness import (
    Row,
    ms2,
    percentile,
    progress,
    rotations,
    time_in_process,
    us,
    verdict,
)
from benchmarks.subject import OCCUPATION, ONET_CODE


def measure_profiles(repeat: int, rounds: int, every: int = 10) -> list[Row]:
    return [measure_cached_profile(repeat), *measure_first_profiles(rounds, every)]


def measure_cached_profile(repeat: int) -> Row:
    import occprofile as op

    op.profile(OCCUPATION)
    progress(f"cached profile(): {repeat} timeit samples")
    prof = statistics.median(
        time_in_process({"profile": lambda: op.profile(OCCUPATION)}, repeat)["profile"]
    )
    return Row(
        f"cached profile({OCCUPATION!r})",
        us(prof),
        target="<= 10 µs",
        verdict=verdict(prof <= 10e-6),
    )


def measure_first_profiles(rounds: int, every: int = 10) -> list[Row]:
    """First ``profile()`` of every ``every``-th occupation, each on a warm ``Dataset``.

    Each round builds a new Dataset and warms its occupation index, areas,
    manifest and Content Model reference (with a profile outside the sample),
    so each timed call reads only that occupation's resource. An occupation's
    figure is its median over the rounds.
    """
    import occprofile as op

    codes = [o.code for o in op.occupations()]
    sample = codes[::every]
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
    label = f"first profile(), {len(sample)} occupations (every {every}th)"
    figures = {
        f"{label}: median": statistics.median(medians),
        f"{label}: p90": percentile(medians, 90),
        f"{label}: max": max(medians),
        f"first profile({ONET_CODE!r}) (largest resource)": statistics.median(per_code[ONET_CODE]),
    }
    return [
        Row(name, ms2(seconds), target="<= 5 ms", verdict=verdict(seconds <= 5e-3))
        for name, seconds in figures.items()
    ]
