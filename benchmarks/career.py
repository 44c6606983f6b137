"""Career-profile queries (issue 3): report, outlook and similar_by_ratings.

No targets and no alternative; figures for the record. First calls are
timed on a new Dataset each (every resource read again), warm calls on one
Dataset whose answers are memoised.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable

from benchmarks.harness import Row, ms2, progress, time_first_calls, time_in_process, us
from benchmarks.subject import OCCUPATION


def measure_career(repeat: int) -> list[Row]:
    import occprofile as op

    def new_dataset() -> op.Dataset:
        ds = op.Dataset()
        gc.collect()
        return ds

    def first(call: Callable[[op.Dataset], object]) -> float:
        return statistics.median(time_first_calls(new_dataset, call, max(3, repeat // 5)))

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
        Row(f"first report({OCCUPATION!r}).to_text(), new Dataset", ms2(first_report)),
        Row("warm report() (parts memoised)", us(warm["report"])),
        Row("warm report().to_text()", ms2(warm["render"])),
        Row(f"first outlook({OCCUPATION!r}), new Dataset", ms2(first_outlook)),
        Row(f"first similar_by_ratings({OCCUPATION!r}), new Dataset", ms2(first_similar)),
        Row("warm similar_by_ratings()", us(warm["similar"])),
    ]
