"""Flat records: every result collection as a list of plain dicts, with a column schema.

A row is one record of the collection, its nested records flattened into
prefixed columns (``estimate`` → ``area_code``, ``area_name``, ...). A
:class:`~occprofile.models.Figure` becomes a value column plus ``_status``
and, where the figure kind has them, ``_lower_bound`` and ``_footnote``
columns, so a missing value stays a ``None`` with its reason beside it —
never a 0. Codes stay strings. Only the standard library is used.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import Any

#: Column kinds a frame gives a dtype: text, whole numbers, decimals, flags.
KINDS = ("str", "int", "float", "bool")

Row = dict[str, Any]


def rows_of(table: object) -> Iterable[object]:
    """The records a table's rows are made of (a collection's items, a section's ratings)."""
    rows = getattr(table, "_rows", None)
    if callable(rows):
        found: Iterable[object] = rows()
        return found
    if isinstance(table, tuple):
        return table
    raise TypeError(f"{type(table).__name__} is not a table")


def to_records(table: object) -> list[Row]:
    """One flat dict per row of ``table``."""
    custom = getattr(table, "_records", None)
    if callable(custom):  # bulk tables build their rows column-wise
        records: list[Row] = custom()
        return records
    return uniform([flatten(row) for row in rows_of(table)])


def uniform(rows: list[Row]) -> list[Row]:
    """Every row with every column, in first-seen order (absent -> ``None``).

    An absent nested record flattens to one ``None`` under its field name; that
    column is dropped where other rows spell the record out (``job_zone_zone``).
    """
    names = list(dict.fromkeys(name for row in rows for name in row))
    present = set(names)
    keep = [
        name
        for name in names
        if not (
            any(other.startswith(name + "_") for other in present)
            and all(row.get(name) is None for row in rows)
        )
    ]
    return [{name: row.get(name) for name in keep} for row in rows]


def flatten(record: object) -> Row:
    """A record as one flat dict (nested records prefixed by their field name)."""
    return dict(_items(record, ""))


def _items(value: object, prefix: str) -> Iterator[tuple[str, Any]]:
    fields = getattr(type(value), "__attrs_attrs__", None)
    own = getattr(value, "_flat_items", None)
    if callable(own):  # a record that knows its columns (a Figure: value, status, ...)
        yield from own(prefix.rstrip("_") or "value")
        return
    if fields is None:
        yield prefix.rstrip("_") or "value", _scalar(value)
        return
    for field in fields:
        child = getattr(value, field.name)
        key = f"{prefix}{field.name}"
        if isinstance(child, tuple):
            if all(isinstance(c, str) for c in child):
                yield key, "; ".join(child)  # titles, topics, states: one text cell
            continue  # nested collections are tables of their own
        if child is None:
            yield key, None
            continue
        yield from _items(child, f"{key}_")


def _scalar(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    return value


def columns(rows: list[Row]) -> dict[str, str]:
    """Column name -> kind (``str``, ``int``, ``float``, ``bool``) over all rows, in order.

    A column whose values are all ``None`` is ``str``; ints and floats mixed are ``float``.
    """
    kinds: dict[str, str] = {}
    for row in rows:
        for name, value in row.items():
            kind = _kind(value)
            seen = kinds.get(name)
            if seen is None or seen == "none":
                kinds[name] = kind
            elif kind not in ("none", seen):
                kinds[name] = "float" if {seen, kind} == {"int", "float"} else "str"
    return {name: ("str" if kind == "none" else kind) for name, kind in kinds.items()}


def _kind(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "str"
