"""Plain helpers shared by test modules (fixtures and hooks stay in conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import occprofile

REPO_ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = REPO_ROOT.parent / "shared" / "data"


def require_upstream() -> Path:
    """The upstream folder; skip without it, but fail under CI, which always has it."""
    if (UPSTREAM / "onet-29.3").is_dir():
        return UPSTREAM
    reason = f"upstream data not found at {UPSTREAM}"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def module_functions() -> set[str]:
    """The names of the module API's functions (the shared Dataset's bound methods)."""
    return {
        name
        for name in occprofile.__all__
        if name[0].islower() and callable(getattr(occprofile, name))
    }


def check_golden(path: Path, actual: str, update: bool) -> None:
    """``actual`` equals the golden file at ``path`` (``update``: rewrite it first)."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs; rerun with --update-golden and review"


def obj(value: object) -> dict[str, Any]:
    """A decoded JSON object, checked (for tests that walk generated documents)."""
    assert isinstance(value, dict)
    return value


def lst(value: object) -> list[Any]:
    """A decoded JSON array, checked."""
    assert isinstance(value, list)
    return value


def read_xlsx(path: Path, sheet: str | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a workbook sheet as dicts keyed by the header row."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = book[sheet] if sheet else book.active
        ws.reset_dimensions()  # some files carry a wrong <dimension>
        rows = ws.iter_rows(values_only=True)
        header = [str(h) for h in next(rows)]
        for row in rows:
            yield dict(zip(header, row, strict=False))
    finally:
        book.close()


def table_1_2_rows(upstream: Path) -> list[tuple[Any, ...]]:
    """Every row of Table 1.2 of the BLS Employment Projections 2024-34 workbook."""
    book = openpyxl.load_workbook(
        upstream / "bls-ep-2024-34" / "occupation.xlsx", read_only=True, data_only=True
    )
    try:
        return list(book["Table 1.2"].iter_rows(values_only=True))
    finally:
        book.close()


def assert_same_frames_without_pyarrow(monkeypatch: pytest.MonkeyPatch, tables: list[Any]) -> None:
    """pandas and polars frames of ``tables`` are the same with pyarrow hidden (pandas
    then parses text and builds columns from numpy alone, polars from lists)."""
    import pandas as pd

    expected = [(t.to_pandas(), t.to_polars()) for t in tables]
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import fails as if not installed
    for table, (frame, polars_frame) in zip(tables, expected, strict=True):
        plain = table.to_pandas()
        assert [str(d) for d in plain.dtypes] == [str(d) for d in frame.dtypes]
        pd.testing.assert_frame_equal(plain, frame)
        assert table.to_polars().equals(polars_frame)


#: The libraries the core must never import.
FRAME_LIBRARIES = ("pandas", "polars", "pyarrow", "numpy", "duckdb")


def assert_core_only(*statements: str) -> None:
    """A fresh process runs ``statements`` (``op`` is occprofile) without importing any
    of :data:`FRAME_LIBRARIES`."""
    code = "\n".join(
        [
            "import sys, occprofile as op",
            *statements,
            f"print(sorted(m for m in {FRAME_LIBRARIES!r} if m in sys.modules))",
        ]
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def index_bytes(members: dict[str, list[Any]], *, count: int | None = None) -> bytes:
    """A pack index file (docs/data-format.md), written here from the format's text, not
    with the build's or the library's code: member -> [offset, length, crc32], in the
    order given (``count``: a header count other than the number of members)."""
    import struct

    names = "\n".join(members).encode("ascii")
    n = len(members) if count is None else count
    where = list(members.values())
    return (
        struct.pack("<4sIII", b"OPIX", 2, n, len(names))
        + names
        + b"".join(struct.pack("<I", w[0]) for w in where)
        + b"".join(struct.pack("<I", w[1]) for w in where)
        + b"".join(struct.pack("<I", w[2]) for w in where)
    )


def index_members(data: bytes) -> dict[str, list[Any]]:
    """The inverse of :func:`index_bytes`: member -> [offset, length, crc32]."""
    import struct

    _, _, n, size = struct.unpack_from("<4sIII", data)
    names = data[16 : 16 + size].decode("ascii").split("\n")
    at = 16 + size
    offsets = struct.unpack_from(f"<{n}I", data, at)
    lengths = struct.unpack_from(f"<{n}I", data, at + 4 * n)
    crcs = struct.unpack_from(f"<{n}I", data, at + 8 * n)
    return {name: [offsets[i], lengths[i], crcs[i]] for i, name in enumerate(names)}
