"""Career-profile queries (issue 3): report, outlook and similar_by_ratings.

No alternative. First calls are timed on a new Dataset each (every
resource read again, in this warm process), warm calls on one Dataset whose
answers are memoised. The first ``report()`` and the first
``similar_by_ratings()`` have a target (at most 20 ms each); the rest are
figures for the record.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable

from benchmarks.harness import Row, judged, ms2, progress, time_first_calls, time_in_process, us
from benchmarks.subject import OCCUPATION

#: The first report() and similar_by_ratings() of a Dataset: at most 20 ms each.
FIRST_LIMIT = 20e-3


def measure_career(repeat: int) -> list[Row]:
    import occprofile as op

    def new_dataset() -> op.Dataset:
        ds = op.Dataset()
        gc.collect()
        return ds

    def first(call: Callable[[op.Dataset], object]) -> float:
        return statistics.median(time_first_calls(new_dataset, call, max(3, repeat // 5)))

    progress("career queries: first and warm report(), outlook(), similar_by_ratings()")
    first_report = first(lambda ds: ds.report(OCCUPATION))
    first_text = first(lambda ds: ds.report(OCCUPATION).to_text())
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
        judged(f"first report({OCCUPATION!r}), new Dataset", first_report, ms2, FIRST_LIMIT),
        Row(f"first report({OCCUPATION!r}).to_text(), new Dataset", ms2(first_text)),
        Row("warm report() (parts memoised)", us(warm["report"])),
        Row("warm report().to_text()", ms2(warm["render"])),
        Row(f"first outlook({OCCUPATION!r}), new Dataset", ms2(first_outlook)),
        judged(
            f"first similar_by_ratings({OCCUPATION!r}), new Dataset",
            first_similar,
            ms2,
            FIRST_LIMIT,
        ),
        Row("warm similar_by_ratings()", us(warm["similar"])),
    ]
