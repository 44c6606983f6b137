"""Integrity: what checking a resource against the manifest costs its read.

Every resource is checked against the CRC-32 ``manifest.json`` records when
it is first read (a pack member against the one its pack's index records).
This times, in-process and interleaved, ``zlib.crc32`` (the check, as
``occprofile._store.resources.verify`` makes it)
of the subject's O*NET profile (its member of ``onet.pack``) against the
whole read the library makes of it (``Store.read``: read the slice, check
it, inflate it, decode the JSON, structure it into its schema record;
nothing cached), and reports the
check's share of the read. It uses private internals (the one way to time
a single resource's read), so a layout they no longer match skips the row.
"""

from __future__ import annotations

import statistics
import zlib

from benchmarks.harness import Row, compared, progress, skipped, time_in_process, us
from benchmarks.subject import OCCUPATION


def measure_checksum(repeat: int) -> list[Row]:
    """The check's share of a read; skipped when the private layout it reads has changed."""
    try:
        return _measure_checksum(repeat)
    except (ImportError, AttributeError, LookupError, OSError, TypeError) as error:
        return [skipped("CRC-32 of a resource vs the read that checks it", f"{error!r}")]


def _measure_checksum(repeat: int) -> list[Row]:
    # Private internals: the only way to time one resource's read by itself.
    from occprofile._store.layout import onet_shard, record_class
    from occprofile._store.packs import read_slice
    from occprofile._store.store import Store

    name = onet_shard(f"{OCCUPATION}.00")
    store = Store()
    member = store.member(name)
    if member is None:
        raise LookupError(f"{name} is not a pack member")
    data = read_slice(store.package, member, name)
    record = record_class(name)

    def checksum() -> object:
        return zlib.crc32(data) == member.crc32

    def read() -> object:
        return store.read(name, record)

    progress(f"checksum vs read of {name}: {repeat} interleaved timeit samples each")
    times = time_in_process({"checksum": checksum, "read": read}, repeat)
    check, whole = (statistics.median(times[k]) for k in ("checksum", "read"))
    return [
        compared(
            f"CRC-32 of {name} ({len(data) / 1e3:,.0f} kB) vs the read that checks it",
            check,
            whole,
            us,
            note=" (Store.read: check, inflate, JSON, structure)",
            target="ratio <= 0.10",
            ok=check / whole <= 0.10,
        )
    ]
