"""Every record and collection a user looks at has a short, one-line repr.

The answers of every query with typical arguments, and every record nested
in them (a profile's ratings and tasks, a report's sections, ...), are walked.
"""

from __future__ import annotations

from occprofile._record import REPR_WIDTH, Results
from tests.samples import public_record_classes, shown


def test_the_samples_cover_every_public_record_and_collection() -> None:
    seen = {type(x).__name__ for x in shown()}
    assert public_record_classes() - seen == set()


def test_every_repr_is_one_short_line() -> None:
    long = []
    for obj in shown():
        text = repr(obj)
        name = type(obj).__name__
        if "\n" in text or len(text) > REPR_WIDTH or not text.startswith(f"{name}("):
            long.append(text[:400])
    assert long == []
    assert REPR_WIDTH == 300


def test_a_collection_repr_counts_its_rows() -> None:
    for obj in shown():
        if isinstance(obj, Results):
            assert repr(obj).startswith(f"{type(obj).__name__}({len(obj)} "), repr(obj)
