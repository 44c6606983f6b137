"""Questions across occupations: ``top_occupations`` against the same SQL on the upstream file.

Every question ranks an area's detailed occupations (OEWS's display level 3)
by employment, ties by code. The SQL is the fastest we found: a range scan of
the area's cross-industry keys (they are contiguous, ``OEU`` + area type +
area code + ``000000`` + occupation), joined to the occupation table for the
level, unreleased (``-``) left out. Both sides are checked to give the same
occupations and employment before anything is timed.

1. The first ``top_occupations`` on a new Dataset, which builds the area
   index from all 1,104 OEWS resources (no alternative; for the record).
2. Warm ``top_occupations`` for a state and a metro (memoised, as a repeated
   ``top_metros`` is) vs the SQL on an open connection, interleaved.
3. Warm but not memoised: every state asked a ranking it has not been asked
   (``n=9`` after a pass with ``n=10`` loaded the areas' orders and rows),
   median over the states, vs the SQL for the same states.
4. The top 5 occupations of every metro area (393), on a Dataset whose index
   is built and nothing else, vs one SQL statement ranking every metro
   (``row_number()`` over each area); then the same pass memoised.
5. The first filtered question (``job_zone=``), which reads the O*NET facts
   of all 1,016 occupations once (for the record).
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from benchmarks.harness import (
    Row,
    ms,
    ms2,
    progress,
    ratio_text,
    rotations,
    time_in_process,
    us,
    verdict,
)

if TYPE_CHECKING:
    from occprofile import Dataset
    from occprofile.career import OccupationRanking

#: The SQLite file's area type letter of each occprofile area kind.
AREA_TYPE = {"national": "N", "state": "S", "metro": "M", "nonmetro": "M"}

TOP_SQL = """
SELECT substr(c.key, 18, 6), c.v01
FROM cell AS c JOIN occupation AS o ON o.occupation_code = substr(c.key, 18, 6)
WHERE c.key >= :low AND c.key < :high AND o.display_level = 3 AND c.v01 <> '-'
ORDER BY CAST(c.v01 AS INTEGER) DESC, substr(c.key, 18, 6)
LIMIT :n
""".strip()

EVERY_METRO_SQL = """
SELECT area_code, occ, v FROM (
  SELECT a.area_code, substr(c.key, 18, 6) AS occ, c.v01 AS v,
         row_number() OVER (
           PARTITION BY a.area_code ORDER BY CAST(c.v01 AS INTEGER) DESC, substr(c.key, 18, 6)
         ) AS place
  FROM cell AS c
  JOIN area AS a ON a.area_code = substr(c.key, 5, 7)
  JOIN occupation AS o ON o.occupation_code = substr(c.key, 18, 6)
  WHERE c.key >= 'OEUM' AND c.key < 'OEUN' AND substr(c.key, 12, 6) = '000000'
    AND a.area_name NOT LIKE '%nonmetropolitan%' AND o.display_level = 3 AND c.v01 <> '-'
)
WHERE place <= 5 ORDER BY area_code, place
""".strip()

#: The areas of the warm comparison: a state and a metro.
WARM_AREAS = ("California", "Los Angeles")
TOP = 10


def sql_params(code: str, kind: str, n: int) -> dict[str, object]:
    low = f"OEU{AREA_TYPE[kind]}{code}000000"
    return {"low": low, "high": low + "z", "n": n}


def answer(ranking: OccupationRanking) -> list[tuple[str, str | None]]:
    """(occupation code as the SQLite file writes it, employment text) of released rows."""
    return [
        (r.wage_occupation.code.replace("-", ""), r.ranked_value.text)
        for r in ranking
        if r.ranked_value.released
    ]


def _asking(ds: Dataset, name: str) -> Callable[[], object]:
    return lambda: ds.top_occupations(name, TOP)


def _querying(con: sqlite3.Connection, params: dict[str, object]) -> Callable[[], object]:
    return lambda: con.execute(TOP_SQL, params).fetchall()


def measure_across(repeat: int, sqlite_uri: str) -> list[Row]:
    import occprofile as op

    con = sqlite3.connect(sqlite_uri, uri=True)
    try:
        progress("across occupations: first top_occupations (builds the area index)")
        ds = op.Dataset()
        start = time.perf_counter()
        ds.top_occupations(WARM_AREAS[0], TOP)
        first = time.perf_counter() - start
        rows = [Row("first top_occupations() of a Dataset: builds the area index", ms(first))]
        rows += _warm(ds, con, repeat)
        rows += _not_memoised(ds, con)
        rows += _every_metro(con)
        start = time.perf_counter()
        ds.top_occupations(WARM_AREAS[0], TOP, job_zone=4)
        rows.append(
            Row(
                "first filtered top_occupations(job_zone=4): reads O*NET facts",
                ms(time.perf_counter() - start),
            )
        )
    finally:
        con.close()
    return rows


def _warm(ds: Dataset, con: sqlite3.Connection, repeat: int) -> list[Row]:
    rows = []
    for name in WARM_AREAS:
        area = ds.area(name)
        params = sql_params(area.code, area.kind.value, TOP)
        ours = ds.top_occupations(name, TOP)
        assert answer(ours) == con.execute(TOP_SQL, params).fetchall(), name
        progress(f"warm top_occupations({name!r}): {repeat} interleaved timeit samples each")
        times = time_in_process({"ours": _asking(ds, name), "sql": _querying(con, params)}, repeat)
        ours_t, sql_t = (statistics.median(times[k]) for k in ("ours", "sql"))
        rows.append(
            Row(
                f"warm top_occupations({name!r}, {TOP}), memoised",
                us(ours_t),
                ms2(sql_t) + f" (sqlite3, {area.kind} range scan)",
                ratio_text(ours_t / sql_t),
                "<= sqlite3",
                verdict(ours_t <= sql_t),
            )
        )
    return rows


def _not_memoised(ds: Dataset, con: sqlite3.Connection) -> list[Row]:
    """Each state's first ``n=9`` ranking, after an ``n=10`` pass loaded what it reads."""
    states = list(ds.areas(kind="state"))
    for state in states:
        ds.top_occupations(state.code, TOP)
    ours: list[float] = []
    sql: list[float] = []
    progress(f"not memoised: {len(states)} states, interleaved with the SQL")
    for order in rotations(["ours", "sql"], len(states)):
        state = states[len(ours)]
        params = sql_params(state.code, "state", TOP - 1)
        for side in order:
            start = time.perf_counter()
            if side == "ours":
                got = ds.top_occupations(state.code, TOP - 1)
                ours.append(time.perf_counter() - start)
            else:
                expected = con.execute(TOP_SQL, params).fetchall()
                sql.append(time.perf_counter() - start)
        assert answer(got) == expected, state
    ours_t, sql_t = statistics.median(ours), statistics.median(sql)
    return [
        Row(
            f"same, not memoised: each state's first n={TOP - 1} (median of {len(states)})",
            us(ours_t),
            ms2(sql_t) + " (sqlite3, same states)",
            ratio_text(ours_t / sql_t),
            "<= sqlite3",
            verdict(ours_t <= sql_t),
        )
    ]


def _every_metro(con: sqlite3.Connection) -> list[Row]:
    """The top 5 of every metro on a Dataset with only its index built, then memoised."""
    import occprofile as op

    ds = op.Dataset()
    ds.top_occupations("national", 1)  # builds the index (and asks about the nation only)
    metros = list(ds.metros())
    progress(f"top 5 of every metro area ({len(metros)}): occprofile, then the SQL")
    start = time.perf_counter()
    ours = {m.code: ds.top_occupations(m.code, 5) for m in metros}
    first = time.perf_counter() - start
    start = time.perf_counter()
    for m in metros:
        ds.top_occupations(m.code, 5)
    memoised = time.perf_counter() - start
    start = time.perf_counter()
    sql_rows = con.execute(EVERY_METRO_SQL).fetchall()
    sql_t = time.perf_counter() - start
    expected: dict[str, list[tuple[str, str]]] = {}
    for area_code, occ, value in sql_rows:
        expected.setdefault(area_code, []).append((occ, value))
    assert {code: answer(r) for code, r in ours.items() if answer(r)} == expected
    return [
        Row(
            f"top 5 occupations of every metro ({len(metros)}), index built",
            ms(first),
            ms(sql_t) + " (sqlite3, one row_number() query)",
            ratio_text(first / sql_t),
            "<= 1 s",
            verdict(first <= 1.0),
        ),
        Row("same, asked again (memoised)", ms2(memoised)),
    ]
