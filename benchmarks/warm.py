"""Warm queries: a process that has answered before, against an open SQLite connection.

``top_metros`` repeated in-process after a first call (timeit loops) vs the
same SQL on an open connection, interleaved. A repeated ``top_metros``
returns the memoised ranking, so the cost of a ranking not memoised yet (data
already loaded) is reported too.
"""

from __future__ import annotations

import sqlite3
import statistics

from benchmarks.harness import (
    Row,
    ms2,
    progress,
    ratio_text,
    time_first_calls,
    time_in_process,
    us,
    verdict,
)
from benchmarks.sqlite_reference import SQL_PARAMS, TOP_METROS_SQL
from benchmarks.subject import OCCUPATION, TOP_N


def measure_warm(repeat: int, sqlite_uri: str) -> list[Row]:
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
