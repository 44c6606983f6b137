"""Tables as columns: the columns of a record type, and compact column storage.

A table is anything with ``_table_columns()``, a tuple of :class:`Column` of
one length; ``to_records()`` and the frames of ``_render.frames`` read
nothing else. A result collection's columns come from its row records
through :func:`schema`, which knows them from the record type alone (so an
empty collection has its columns and kinds too); a bulk table
(``occprofile._record.Table``) holds its columns directly, built without a
record per row.

How a record becomes columns (docs/tables.md):

- a field is a column of its name; a nested record's fields are columns
  prefixed with the field's name (``area`` -> ``area_code``, ``area_name``),
  and its ``value`` field takes the field's name alone (a :class:`Figure`
  ``employment`` -> ``employment``, ``employment_status``);
- a record class lists its columns in ``_table_fields`` (fields or
  properties, in order; all attrs fields by default); those in
  ``_table_optional`` appear only where the owning field's metadata asks
  (``field(metadata=WAGE)``: a top-code lower bound and a footnote);
- ``INLINE`` flattens a nested record without the prefix, ``OMIT`` leaves a
  field out; a tuple of strings is one text column joined with ``"; "``, a
  tuple of records is a table of its own and is left out;
- kinds: ``str``, ``int``, ``float``, ``bool``, and ``category`` for enums
  (a fixed set of labels, the same whatever the rows hold).

Only the standard library is used: ``import occprofile`` and
``to_records()`` never import pandas, polars or pyarrow.
"""

from __future__ import annotations

import enum
import operator
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

#: Column kinds: text, whole numbers, decimals, flags, and a fixed set of labels.
KINDS = ("str", "int", "float", "bool", "category")

Kind = Literal["str", "int", "float", "bool", "category"]
Encoding = Literal["plain", "masked", "text", "coded"]

#: Field metadata (``attrs.field(metadata=...)``): how a field becomes columns.
INLINE: Mapping[str, object] = types.MappingProxyType({"table": "inline"})
OMIT: Mapping[str, object] = types.MappingProxyType({"table": "omit"})
#: A figure BLS attaches footnotes to: its value, status and footnote.
FOOTNOTED: Mapping[str, object] = types.MappingProxyType({"table": ("footnote",)})
#: A wage figure that can be top-coded: also its lower bound.
WAGE: Mapping[str, object] = types.MappingProxyType({"table": ("lower_bound", "footnote")})

#: The separator of a tuple of strings in its one text column.
JOIN = "; "


# --------------------------------------------------------------------------
# Columns


class Column:
    """One column: a name, a kind, and its values in one of four encodings.

    - ``plain``: ``data`` holds the values, ``None`` for a null (a
      category's values are its labels);
    - ``masked``: ``data`` is an ``array("d")`` (``float``) or ``array("q")``
      (``int``) of the values, a null's slot 0;
    - ``text``: a ``float`` column kept as the decimal text it was published
      as: ``data`` is the ASCII text of every value, joined by commas; a
      value is ``float()`` of its text, and a frame library parses a whole
      column at a time (a null's text, ``-`` or ``0``, is not read);
    - ``coded``: ``data`` is an ``array`` of integer codes into ``labels``,
      -1 for a null: a category's codes, or a column with few distinct values
      (area names, footnotes, the two top-code lower bounds).

    ``valid`` (``masked`` and ``text``) holds one byte a row, 1 where there
    is a value. ``labels`` is a category's fixed set of values, whatever the
    encoding. ``decimals``: the decimals every value of a ``float`` column was
    published with, where the data fixes them (an OEWS figure's), for display.
    Columns are not changed once built.
    """

    __slots__ = ("data", "decimals", "encoding", "kind", "labels", "name", "valid")

    def __init__(
        self,
        name: str,
        kind: Kind,
        data: Sequence[Any],
        *,
        encoding: Encoding = "plain",
        valid: bytes | bytearray | None = None,
        labels: tuple[Any, ...] | None = None,
        decimals: int | None = None,
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown column kind {kind!r}")
        if (encoding in ("masked", "text")) != (valid is not None):
            raise ValueError(f"column {name!r}: only a masked or text column has a validity mask")
        if encoding == "text" and kind != "float":
            raise ValueError(f"column {name!r}: a text column holds decimals")
        if (encoding == "coded" or kind == "category") and labels is None:
            raise ValueError(f"column {name!r} needs its labels")
        self.name = name
        self.kind: Kind = kind
        self.data = data
        self.encoding: Encoding = encoding
        self.valid = valid
        self.labels = labels
        self.decimals = decimals

    def __len__(self) -> int:
        return len(self.valid) if self.encoding == "text" else len(self.data)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        return f"Column({self.name!r}, {self.kind}, {len(self):,} rows, {self.encoding})"

    def to_list(self) -> list[Any]:
        """The values as Python objects, ``None`` for a null."""
        if self.encoding == "masked":
            assert self.valid is not None
            return [v if ok else None for v, ok in zip(self.data, self.valid, strict=True)]
        if self.encoding == "text":
            assert self.valid is not None
            texts = self.texts()
            return [float(t) if ok else None for t, ok in zip(texts, self.valid, strict=True)]
        if self.encoding == "coded":
            assert self.labels is not None
            lookup = (*self.labels, None)  # code -1 reads the None at the end
            return [lookup[code] for code in self.data]
        return list(self.data)

    def texts(self, stop: int | None = None) -> list[bytes]:
        """A ``text`` column's texts, one a row (only the first ``stop``, if given)."""
        if not len(self):
            return []
        if stop is None:
            found: list[bytes] = self.data.split(b",")  # type: ignore[attr-defined]
            return found
        first: list[bytes] = self.data.split(b",", stop)[:stop]  # type: ignore[attr-defined]
        return first

    def slice(self, start: int, stop: int) -> Column:
        """Rows ``start`` to ``stop`` (a copy in the same encoding)."""
        start, stop, _ = slice(start, stop).indices(len(self))
        if self.encoding == "text":
            data: Sequence[Any] = b",".join(self.texts(stop)[start:stop])
        else:
            data = self.data[start:stop]
        return Column(
            self.name,
            self.kind,
            data,
            encoding=self.encoding,
            valid=None if self.valid is None else self.valid[start:stop],
            labels=self.labels,
            decimals=self.decimals,
        )


def records(columns: Sequence[Column]) -> list[dict[str, Any]]:
    """One flat dict a row, keys in column order."""
    names = [c.name for c in columns]
    return [
        dict(zip(names, row, strict=True))
        for row in zip(*(c.to_list() for c in columns), strict=True)
    ]


# --------------------------------------------------------------------------
# The columns of a record type


class Spec:
    """One column of a record type: its name, kind and where its value is.

    ``path`` is the attribute path from the row record (``("area", "name")``);
    a ``None`` on the way is a null. ``convert`` turns the value found into
    the column's (an enum into its value, a tuple of strings into one text).
    """

    __slots__ = ("convert", "kind", "labels", "name", "path")

    def __init__(
        self,
        name: str,
        kind: Kind,
        path: tuple[str, ...],
        labels: tuple[str, ...] | None = None,
        convert: Callable[[Any], Any] | None = None,
    ) -> None:
        self.name = name
        self.kind: Kind = kind
        self.path = path
        self.labels = labels
        self.convert = convert

    def __repr__(self) -> str:
        return f"Spec({self.name!r}, {self.kind}, {'.'.join(self.path)})"

    def values(self, rows: Sequence[object], start: int = 0) -> list[Any]:
        """This column's value for each of ``rows`` (records at depth ``start`` of the path)."""
        found: list[Any] = list(rows)
        for name in self.path[start:]:
            get = operator.attrgetter(name)
            found = [None if v is None else get(v) for v in found]
        convert = self.convert
        if convert is not None:
            found = [None if v is None else convert(v) for v in found]
        return found

    def column(self, rows: Sequence[object], start: int = 0) -> Column:
        return Column(self.name, self.kind, self.values(rows, start), labels=self.labels)


_SCHEMAS: dict[type, tuple[Spec, ...]] = {}


def schema(row_type: type) -> tuple[Spec, ...]:
    """The columns of a table whose rows are ``row_type`` records (computed once a type)."""
    found = _SCHEMAS.get(row_type)
    if found is None:
        found = _SCHEMAS[row_type] = tuple(_specs(row_type, "", (), None))
    return found


def columns_of_rows(row_type: type, rows: Iterable[object]) -> tuple[Column, ...]:
    """The columns of ``rows``, records of ``row_type``."""
    listed = list(rows)
    return tuple(spec.column(listed) for spec in schema(row_type))


def _table_fields(cls: type) -> tuple[str, ...]:
    declared: tuple[str, ...] | None = getattr(cls, "_table_fields", None)
    if declared is not None:
        return declared
    return tuple(a.name for a in cls.__attrs_attrs__)  # type: ignore[attr-defined]


def _specs(
    cls: type, prefix: str, path: tuple[str, ...], extras: tuple[str, ...] | None
) -> Iterable[Spec]:
    hints = _field_types(cls)
    metadata = {a.name: a.metadata for a in cls.__attrs_attrs__}  # type: ignore[attr-defined]
    optional: frozenset[str] = getattr(cls, "_table_optional", frozenset())
    for field in _table_fields(cls):
        if field in optional and field not in (extras or ()):
            continue
        rule = metadata.get(field, {}).get("table")
        if rule == "omit":
            continue
        if field in hints:
            hint = hints[field]
        else:  # a property
            prop = getattr(cls, field)
            hint = typing.get_type_hints(prop.fget)["return"]
        name = prefix.rstrip("_") if field == "value" and prefix else f"{prefix}{field}"
        where = (*path, field)
        tp = _strip_optional(hint, f"{cls.__name__}.{field}")
        if hasattr(tp, "__attrs_attrs__"):
            inner = prefix if rule == "inline" else f"{name}_"
            nested = rule if isinstance(rule, tuple) else None
            yield from _specs(tp, inner, where, nested)
            continue
        spec = _leaf(name, tp, where, f"{cls.__name__}.{field}")
        if spec is not None:
            yield spec


def _field_types(cls: type) -> dict[str, Any]:
    """The attrs fields' types, their annotations evaluated in the class's module.

    ``typing.get_type_hints`` would evaluate every annotation of every base
    class too (about 200 for an estimate and what it holds; 70 ms).
    """
    namespace = vars(sys.modules[cls.__module__])
    return {
        a.name: eval(a.type, namespace) if isinstance(a.type, str) else a.type
        for a in cls.__attrs_attrs__  # type: ignore[attr-defined]
    }


def _strip_optional(tp: Any, where: str) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(kept) != 1:
            raise TypeError(f"{where}: a column cannot hold {tp}")
        return kept[0]
    return tp


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _joined(value: tuple[str, ...]) -> str:
    return JOIN.join(value)


_SIMPLE: dict[Any, Kind] = {str: "str", bool: "bool", int: "int", float: "float"}


def _leaf(name: str, tp: Any, path: tuple[str, ...], where: str) -> Spec | None:
    if tp in _SIMPLE:
        return Spec(name, _SIMPLE[tp], path)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return Spec(name, "category", path, tuple(m.value for m in tp), _enum_value)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Literal and all(isinstance(a, str) for a in args):
        return Spec(name, "str", path)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:
            return Spec(name, "str", path, convert=_joined)
        if hasattr(args[0], "__attrs_attrs__"):
            return None  # a nested collection: a table of its own
    raise TypeError(f"{where}: no column kind for {tp}")
