"""What every public record and result collection shares: how it shows and exports.

A record's ``repr`` is one short line naming what it is (the nested records
are named, not dumped); ``_repr_html_`` is Jupyter's rich display. A result
collection behaves as a tuple (indexing, slicing, equality with tuples all
work as before) and also exports itself as flat records and data frames; a bulk
:class:`Table` (``occprofile.tables``) holds its columns directly. Columns
are :mod:`occprofile._columns`; the frames are made by ``_render.frames``,
imported when a method is called.
"""

from __future__ import annotations

import enum
import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, get_args, overload

from ._columns import Column, columns_of_rows, records, schema

T = TypeVar("T")

#: The longest repr, in characters.
REPR_WIDTH = 300


def brief(value: object, width: int = 80) -> str:
    """A value as a repr shows it: text quoted, records by their ``str``, tuples by size."""
    if isinstance(value, enum.Enum):
        text = str(value.value)
    elif isinstance(value, str):
        text = repr(value)
    elif isinstance(value, tuple | Results):
        text = f"<{len(value)} items>"
    elif value is None or isinstance(value, int | float | bool):
        text = repr(value)
    elif type(value).__str__ is not object.__str__:
        text = str(value)
    else:
        text = type(value).__name__
    return text if len(text) <= width else text[: width - 3] + "..."


def short_repr(obj: object, fields: tuple[str, ...], summary: str | None = None) -> str:
    """``Name(summary)`` or ``Name(field=value, ...)``, cut at :data:`REPR_WIDTH`."""
    inner = (
        summary
        if summary is not None
        else ", ".join(f"{name}={brief(getattr(obj, name))}" for name in fields)
    )
    text = f"{type(obj).__name__}({inner})"
    return text if len(text) <= REPR_WIDTH else text[: REPR_WIDTH - 4] + "...)"


#: Record class -> a function giving its field values (one, or a tuple of several).
_VALUES: dict[type, Callable[[object], object]] = {}


def served_on_first_use(
    module: str, deferred: dict[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module's ``__getattr__`` and ``__dir__`` (PEP 562) for public names whose
    classes live in ``deferred[name]``, a module imported, and its classes created,
    only when one of them is first asked for: the first answer that needs none of
    them creates none. A name served is then kept in ``module``'s namespace."""

    def __getattr__(name: str) -> object:
        source = deferred.get(name)
        if source is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(source), name)
        setattr(sys.modules[module], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[module]), *deferred})

    return __getattr__, __dir__


def _values_of(cls: type) -> Callable[[object], object]:
    try:
        return _VALUES[cls]
    except KeyError:
        names = [a.name for a in cls.__attrs_attrs__]  # type: ignore[attr-defined]
        getter = _VALUES[cls] = operator.attrgetter(*names)
        return getter


class Record:
    """Mixin of the attrs records (the public ones and the on-disk schema's): a short
    ``repr``, an HTML display, and equality and hashing by value.

    ``_repr_fields`` names the fields the repr shows (all by default); a
    record with a telling ``_summary()`` shows that instead. Records are made
    with ``@frozen(repr=False, eq=False)``: the ``__eq__`` and ``__hash__``
    below are attrs' semantics (same class, equal fields in order), written
    once instead of compiled for every class when it is created.
    """

    __slots__ = ()
    _repr_fields: ClassVar[tuple[str, ...]] = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _values_of(self.__class__)
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash((self.__class__, _values_of(self.__class__)(self)))

    def _summary(self) -> str | None:
        return None

    def __repr__(self) -> str:
        import attrs

        fields = self._repr_fields or tuple(a.name for a in attrs.fields(type(self)))  # type: ignore[arg-type]
        return short_repr(self, fields, self._summary())

    def _repr_html_(self) -> str:
        from ._render.html import render_html

        return render_html(self)


class Tabular:
    """Mixin of everything that is a table: result collections and bulk tables.

    A table's columns are ``_table_columns()`` (see :mod:`occprofile._columns`):
    by default those of its rows, records of ``_row_type``, so an empty
    collection still has its columns and their kinds. ``to_records()`` needs
    nothing but the standard library; the frame methods need their extra
    (``occprofile[pandas]``, ``[polars]``, ``[arrow]``) and say so when it is
    missing.
    """

    __slots__ = ()
    #: The record class of a row (a :class:`Results` subclass reads it from its type argument).
    _row_type: ClassVar[type | None] = None

    def _rows(self) -> Iterable[object]:
        """The records the rows are made of."""
        raise NotImplementedError(type(self).__name__)

    def _table_columns(self) -> tuple[Column, ...]:
        """The columns: one per column of the row type's schema, over the rows."""
        if self._row_type is None:
            raise NotImplementedError(f"{type(self).__name__} declares no row type")
        return columns_of_rows(self._row_type, self._rows())

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names, in order (the same whatever the rows hold)."""
        if self._row_type is None:
            return tuple(c.name for c in self._table_columns())
        return tuple(spec.name for spec in schema(self._row_type))

    def to_table(self) -> Table:
        """The same columns as an :class:`occprofile.tables.Table` (compact columns,
        ``head(n)``)."""
        return Table(type(self).__name__, self._table_columns())

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per row: a figure becomes a value column, its status and,
        where they apply, its top-code lower bound and footnote; codes stay strings."""
        return records(self._table_columns())

    def to_pandas(self) -> Any:
        """A pandas DataFrame with nullable dtypes (needs ``occprofile[pandas]``)."""
        from ._render.frames import to_pandas

        return to_pandas(self)

    def to_polars(self) -> Any:
        """A polars DataFrame (needs ``occprofile[polars]``)."""
        from ._render.frames import to_polars

        return to_polars(self)

    def to_arrow(self) -> Any:
        """A pyarrow Table (needs ``occprofile[arrow]``)."""
        from ._render.frames import to_arrow

        return to_arrow(self)

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        """The Arrow PyCapsule stream: ``pyarrow.table(x)``, ``polars.DataFrame(x)``
        and DuckDB read it directly (needs ``occprofile[arrow]``)."""
        from ._render.frames import arrow_c_stream

        return arrow_c_stream(self, requested_schema)

    def _repr_html_(self) -> str:
        from ._render.html import render_html

        return render_html(self)


if TYPE_CHECKING:
    from typing_extensions import Self

    #: For type checkers a result collection is a ``Sequence``; at run time it is
    #: not registered as one (see :class:`Results`).
    _Rows = Sequence
else:

    class _Rows(Generic[T]):
        __slots__ = ()


class Results(Tabular, _Rows[T]):
    """Base of the result collections: an immutable sequence of records that is also a table.

    It behaves as the tuple it holds (indexing, slicing, ``len``, iteration,
    ``in``, ``+``, equality with tuples and hashing), but is neither a
    ``tuple`` nor a registered ``collections.abc.Sequence``: pyarrow, polars
    and DuckDB read a tuple or a Sequence as rows of values before they look
    for the Arrow stream, so only this way do ``pyarrow.table(x)``,
    ``polars.DataFrame(x)`` and ``duckdb.sql("... from x")`` read its columns.
    Slicing keeps the class (and a :class:`NotedResults`' notes). Subclasses
    set ``item_name`` (how the repr counts its rows).
    """

    __slots__ = ("_items",)
    item_name: ClassVar[str] = "item"
    _items: tuple[T, ...]

    def __new__(cls, items: Iterable[T] = ()) -> Self:
        made = object.__new__(cls)
        object.__setattr__(made, "_items", tuple(items))
        return made

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in getattr(cls, "__orig_bases__", ()):
            args = get_args(base)
            if args and isinstance(args[0], type):
                cls._row_type = args[0]

    def _rows(self) -> tuple[T, ...]:
        return self._items

    def _like(self, items: Iterable[T]) -> Self:
        """A collection of the same class (and notes) holding ``items``."""
        made = Results.__new__(type(self), items)
        notes = getattr(self, "__dict__", None)
        if notes:
            made.__dict__.update(notes)
        return made

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._items, dict(getattr(self, "__dict__", {}))))

    # the tuple it holds ---------------------------------------------------

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __reversed__(self) -> Iterator[T]:
        return reversed(self._items)

    def __contains__(self, item: object) -> bool:
        return item in self._items

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    def __getitem__(self, index: int | slice) -> T | Self:
        if isinstance(index, slice):
            return self._like(self._items[index])
        return self._items[index]

    def index(self, value: Any, start: int = 0, stop: int = sys.maxsize) -> int:
        """The position of the first row equal to ``value`` (``ValueError`` if none)."""
        return self._items.index(value, start, stop)

    def count(self, value: Any) -> int:
        """How many rows equal ``value``."""
        return self._items.count(value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Results):
            return self._items == other._items
        if isinstance(other, tuple):
            return self._items == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __add__(self, other: tuple[T, ...] | Results[T]) -> tuple[T, ...]:
        if isinstance(other, Results | tuple):
            return self._items + tuple(other)
        return NotImplemented

    def __radd__(self, other: tuple[T, ...]) -> tuple[T, ...]:
        if isinstance(other, tuple):
            return other + self._items
        return NotImplemented

    def __repr__(self) -> str:
        from ._render.phrases import plural

        text = f"{len(self)} {plural(self.item_name, len(self))}"
        for i, item in enumerate(self):
            shown = brief(item, 100)
            if len(text) + len(shown) > REPR_WIDTH - 40:
                return short_repr(self, (), f"{text}; ... ({len(self) - i} more)")
            text += (": " if i == 0 else "; ") + shown
        return short_repr(self, (), text)


def _rebuild(cls: type[Results[Any]], items: tuple[Any, ...], notes: dict[str, Any]) -> Any:
    """Unpickle (and copy) a result collection: its rows, then its notes."""
    made = Results.__new__(cls, items)
    if notes:
        made.__dict__.update(notes)
    return made


R = TypeVar("R", bound="NotedResults[Any]")


class NotedResults(Results[T]):
    """A result collection that also says how it was made: the rule a filter
    applied, the release that answered, a note on what is missing.

    Those are read-only attributes set by the constructor (each subclass's
    ``__new__`` names them, with defaults); equality is the rows', as for a tuple.
    """

    @classmethod
    def _noted(cls: type[R], items: Iterable[Any], **notes: object) -> R:
        made = Results.__new__(cls, items)
        made.__dict__.update(notes)
        return made


# --------------------------------------------------------------------------
# Bulk tables


class Table(Tabular):
    """A table of :mod:`occprofile.tables`: named columns of one length, stored compactly.

    ``len(t)`` rows, ``t.columns`` their names, ``t.kinds`` their kinds,
    ``t.head(n)`` the first rows; ``to_records()``, ``to_pandas()``,
    ``to_polars()``, ``to_arrow()`` and the Arrow C stream as for every
    result collection.
    """

    __slots__ = ("_cols", "name")
    _row_type: ClassVar[type | None] = None

    def __init__(self, name: str, columns: Iterable[Column]) -> None:
        self.name = name
        self._cols = tuple(columns)
        lengths = {len(c) for c in self._cols}
        if len(lengths) > 1:
            raise ValueError(f"table {name!r}: columns of different lengths {sorted(lengths)}")
        names = [c.name for c in self._cols]
        if len(set(names)) != len(names):
            raise ValueError(f"table {name!r}: repeated column names")

    @classmethod
    def of_rows(cls, name: str, row_type: type, rows: Iterable[object]) -> Table:
        """The table of ``rows``, records of ``row_type``, flattened by :func:`schema`."""
        return cls(name, columns_of_rows(row_type, rows))

    def __len__(self) -> int:
        return len(self._cols[0]) if self._cols else 0

    def __repr__(self) -> str:
        return f"Table({self.name}: {len(self):,} rows × {len(self._cols)} columns)"  # noqa: RUF001

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self._cols)

    @property
    def kinds(self) -> dict[str, str]:
        """Column name -> kind (``str``, ``int``, ``float``, ``bool``, ``category``)."""
        return {c.name: c.kind for c in self._cols}

    def column(self, name: str) -> list[Any]:
        """One column's values (``None`` for a null)."""
        for c in self._cols:
            if c.name == name:
                return c.to_list()
        import difflib

        from .errors import UnknownNameError

        close = difflib.get_close_matches(name, self.columns, n=3)
        raise UnknownNameError(name, close, detail=f"No column {name!r} in {self!r}.")

    def head(self, n: int = 5) -> Table:
        """The first ``n`` rows, as a table."""
        from .errors import ArgumentTypeError, InvalidArgumentError

        if isinstance(n, bool) or not isinstance(n, int):
            raise ArgumentTypeError(f"n must be an int, not {type(n).__name__}: {n!r}")
        if n < 0:
            raise InvalidArgumentError(f"n must be 0 or more rows, got {n}")
        return Table(self.name, (c.slice(0, n) for c in self._cols))

    def to_table(self) -> Table:
        return self

    def _table_columns(self) -> tuple[Column, ...]:
        return self._cols
