"""A bulk table's HTML preview: its first and last rows, its first and last columns.

What pandas and polars show in a notebook, in the library's words: the shape
in the title, column names as headers, the first and last :data:`EDGE_ROWS`
rows of a long table with an ellipsis row between them, the first and last
:data:`EDGE_COLUMNS` columns of a wide one with an ellipsis column between
them. Numbers are grouped by thousands, a column's decimals the most any
shown value needs (nothing is rounded away), wages with a dollar sign. A
missing value says so as a figure's HTML does: ``(not released)`` from its
status column, ``>= $239,200`` from its top-code lower bound, ``none``
elsewhere. Only the rows shown are read from the columns (a compact column
is never decoded whole), so a 236,799-row table previews as fast as a short
one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import content
from .layout import Section, Table, html_document

if TYPE_CHECKING:
    from .._columns import Column
    from .._record import Table as BulkTable

#: Rows shown at each end of a table longer than :data:`MAX_ROWS`.
EDGE_ROWS = 5
#: A table of at most this many rows is shown whole.
MAX_ROWS = 20
#: Columns shown at each end of a table wider than :data:`MAX_COLUMNS`.
EDGE_COLUMNS = 10
#: A table of at most this many columns is shown whole.
MAX_COLUMNS = 20
#: The longest text cell, in characters.
TEXT_WIDTH = 60
#: The most decimals a number shows.
MAX_DECIMALS = 6

ELLIPSIS = "…"
MISSING = "none"


def _edges(n: int, most: int, edge: int) -> tuple[range, range]:
    """The positions shown: all of them, or the first and last ``edge``."""
    if n <= most:
        return range(n), range(0)
    return range(edge), range(n - edge, n)


def _values(col: Column, rows: range) -> list[Any]:
    """The values of ``rows`` (consecutive positions) alone, ``None`` for a null."""
    if not rows:
        return []
    start, stop = rows.start, rows.stop
    if col.encoding != "text":
        return col.slice(start, stop).to_list()  # a slice of the encoded values
    assert col.valid is not None
    if start == 0:
        texts = col.texts(stop)
    else:  # the last rows: split from the end, never the whole column
        texts = col.data.rsplit(b",", len(col) - start)[1:][: stop - start]  # type: ignore[attr-defined]
    return [float(t) if col.valid[start + i] else None for i, t in enumerate(texts)]


def is_money(name: str) -> bool:
    """Whether a column holds dollars: a wage figure (as :func:`.content.is_money`
    says of an estimate's), its top-code lower bound, or a median wage."""
    base = name.removeprefix("estimate_")
    return content.is_money(base) or base.startswith("median_wage")


def _decimals(value: float) -> int:
    text = repr(value)
    if "e" in text or "n" in text:  # 1e-07, inf, nan: no fixed decimals
        return MAX_DECIMALS
    return len(text.partition(".")[2].rstrip("0"))


def _needed(values: list[Any], money: bool) -> int:
    """The decimals a column shows where the data does not fix them (see
    ``Column.decimals``): as many as a shown value needs, cents for dollars."""
    shown = [v for v in values if v is not None]
    decimals = min(MAX_DECIMALS, max((_decimals(v) for v in shown), default=0))
    return max(decimals, 2) if money and decimals else decimals


def _number(value: float, decimals: int, money: bool) -> str:
    unit = "$" if money else ""
    sign = "-" if value < 0 else ""
    return f"{sign}{unit}{abs(value):,.{decimals}f}"


def _text(value: object) -> str:
    text = str(value)
    if not text:
        return "(empty)"
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + ELLIPSIS


def _cells(
    col: Column, values: list[Any], status: list[Any] | None, bound: list[Any] | None
) -> list[str]:
    """One column's shown values as text (``status``, ``bound``: its figure's, if it has one)."""
    money = col.kind == "float" and is_money(col.name)
    if col.kind == "float":
        decimals = col.decimals if col.decimals is not None else _needed(values, money)
    cells = []
    for i, value in enumerate(values):
        if value is None:
            if bound is not None and bound[i] is not None:
                cells.append(f">= {'$' if money else ''}{bound[i]:,.0f}")  # as Figure.format
            elif status is not None and status[i] is not None:
                cells.append(f"({status[i]})")
            else:
                cells.append(MISSING)
        elif col.kind == "bool":
            cells.append("yes" if value else "no")
        elif col.kind == "int":
            cells.append(f"{value:,}")
        elif col.kind == "float":
            cells.append(_number(value, decimals, money))
        else:
            cells.append(_text(value))
    return cells


def _shown_cells(columns: Sequence[Column], rows: range, names: Sequence[str]) -> list[list[str]]:
    """The cells of ``rows`` of the columns named ``names``, a list a column."""
    by_name = {c.name: c for c in columns}
    read: dict[str, list[Any]] = {}

    def values(name: str) -> list[Any] | None:
        if name not in by_name:
            return None
        if name not in read:
            read[name] = _values(by_name[name], rows)
        return read[name]

    out = []
    for name in names:
        col = by_name[name]
        figure = col.kind == "float"
        status = values(f"{name}_status") if figure else None
        bound = values(f"{name}_lower_bound") if figure else None
        out.append(_cells(col, values(name) or [], status, bound))
    return out


def bulk_table(table: BulkTable) -> str:
    """The preview of a :class:`occprofile.tables.Table` as one ``<div>``."""
    columns = table._table_columns()
    n, width = len(table), len(columns)
    shape = f"{n:,} row{'' if n == 1 else 's'} × {width:,} column{'' if width == 1 else 's'}"  # noqa: RUF001
    title = f"{table.name}: {shape}"
    if not width:
        return html_document(title, [Section("", ("No columns.",))])
    first_cols, last_cols = _edges(width, MAX_COLUMNS, EDGE_COLUMNS)
    picked = [columns[i] for i in (*first_cols, *last_cols)]
    names = [c.name for c in picked]
    align = "".join("r" if c.kind in ("int", "float") else "L" for c in picked)
    headers = ["row", *names]
    if last_cols:
        cut = len(first_cols)
        headers.insert(1 + cut, ELLIPSIS)
        align = align[:cut] + "L" + align[cut:]
    align = "r" + align
    first_rows, last_rows = _edges(n, MAX_ROWS, EDGE_ROWS)
    body: list[tuple[str, ...]] = []
    for rows in (first_rows, last_rows):
        if not rows:
            continue
        if rows is last_rows:
            body.append((ELLIPSIS,) * len(headers))
        by_column = _shown_cells(columns, rows, names)
        for k, position in enumerate(rows):
            cells = [f"{position:,}", *(column[k] for column in by_column)]
            if last_cols:
                cells.insert(1 + len(first_cols), ELLIPSIS)
            body.append(tuple(cells))
    blocks: list[Any] = [Table(tuple(headers), tuple(body), align)]
    if not n:
        blocks.append("No rows.")
    if last_rows or last_cols:
        rows_said = (
            f"rows 0-{EDGE_ROWS - 1:,} and {n - EDGE_ROWS:,}-{n - 1:,}"
            if last_rows
            else f"all {n:,} rows"
        )
        cols_said = f"{len(picked)} of {width} columns" if last_cols else f"all {width} columns"
        blocks.append(
            f"Showing {rows_said}, {cols_said} ({ELLIPSIS} marks what is left out): "
            "to_pandas(), to_polars(), to_arrow() or column(name) read everything."
        )
    return html_document(title, [Section("", tuple(blocks))], wide=True)
