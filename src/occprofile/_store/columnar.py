"""Records stored as columns: one JSON list per field, a record made when asked for.

``occupations.json`` and ``areas.json`` hold their records this way (one
list per field, ``{"code": [...], "title": [...]}``), so decoding them makes
a few long lists instead of a dict per record, and a question by code makes
only the records its answer shows. Reading a :class:`RecordColumns` checks
every value of every column at once with the converter's hooks (the
converter's ``_record_columns_hook``): a column of exact types by the set of
its types, any other by structuring each distinct value (an enum) or each
value (a list of strings); so a record made later cannot fail, and a column
read without making records (every area's kind, for a ranking) is as checked
as the records are.
"""

from __future__ import annotations

from collections.abc import (
    Callable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sequence,
    ValuesView,
)
from typing import Any, Generic, TypeVar

from ..errors import DataIntegrityError

T = TypeVar("T")
V = TypeVar("V")


class RecordColumns(Generic[T]):
    """Records of class ``cls`` as checked columns, one per field in field order."""

    __slots__ = ("_made", "cls", "columns", "n", "names")

    def __init__(
        self,
        cls: type[T],
        names: tuple[str, ...],
        columns: tuple[list[Any], ...],
        tuples: frozenset[str] = frozenset(),
    ) -> None:
        self.cls = cls
        self.names = names
        #: the columns as read: a field in ``tuples`` holds lists (checked), made
        #: tuples only in the records (a list per row costs less to read than a tuple more)
        self.columns = columns
        self.n = len(columns[0]) if columns else 0
        #: per field, what makes its value of a record from the column's (None: itself)
        self._made: tuple[Callable[[Any], Any] | None, ...] = tuple(
            tuple if name in tuples else None for name in names
        )

    @classmethod
    def of(cls, record_cls: type[V], records: Iterable[V]) -> RecordColumns[V]:
        """The columns of ``records`` (tests build indexes of made-up records with it)."""
        import attrs

        names = tuple(a.name for a in attrs.fields(record_cls))  # type: ignore[arg-type]
        rows = list(records)
        return RecordColumns(record_cls, names, tuple([getattr(r, n) for r in rows] for n in names))

    def __len__(self) -> int:
        return self.n

    def column(self, name: str) -> list[Any]:
        """The checked values of field ``name``, in record order (a tuple field's as lists)."""
        return self.columns[self.names.index(name)]

    def record(self, i: int) -> T:
        """Record ``i``, made now (each call makes a new one: callers keep it)."""
        return self.cls(
            *[
                c[i] if made is None else made(c[i])
                for c, made in zip(self.columns, self._made, strict=True)
            ]
        )

    def keyed(self, key: str, resource: str, what: str) -> KeyedRecords[T]:
        """Field ``key`` -> record, each made on first access (see :class:`KeyedRecords`)."""
        return KeyedRecords(self.column(key), self.record, self.records, resource, what)

    def records(self) -> tuple[T, ...]:
        """Every record, made a column at a time."""
        columns = [
            c if made is None else list(map(made, c))
            for c, made in zip(self.columns, self._made, strict=True)
        ]
        return tuple(map(self.cls, *columns))


class KeyedRecords(Mapping[str, T]):
    """Key -> record over columns: the keys from the key column alone, each record made
    on first access and kept; ``values()`` and ``items()`` make all of them at once.

    ``make(i)`` makes record ``i``, ``make_all()`` every record in order. Two
    records with one key are a :class:`DataIntegrityError` naming ``resource``.
    """

    __slots__ = ("_all", "_made", "_make", "_make_all", "rows")

    def __init__(
        self,
        keys: Sequence[str],
        make: Callable[[int], T],
        make_all: Callable[[], Iterable[T]],
        resource: str,
        what: str,
    ) -> None:
        #: key -> its record's index
        self.rows: dict[str, int] = dict(zip(keys, range(len(keys)), strict=True))
        if len(self.rows) != len(keys):
            seen: set[str] = set()
            twice = ""
            for twice in keys:
                if twice in seen:
                    break
                seen.add(twice)
            raise DataIntegrityError(
                f"packaged resource {resource!r} lists {what} {twice!r} twice", resource=resource
            )
        self._make = make
        self._make_all = make_all
        self._made: dict[str, T] = {}
        self._all: dict[str, T] | None = None

    def __getitem__(self, key: str) -> T:
        try:
            return self._made[key]
        except KeyError:
            if self._all is not None:
                raise
        found = self._made[key] = self._make(self.rows[key])
        return found

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def everything(self) -> dict[str, T]:
        """Every record by key, made once (those made before are the ones kept)."""
        if self._all is None:
            made = self._made
            self._all = {
                k: made.get(k, r) for k, r in zip(self.rows, self._make_all(), strict=True)
            }
            self._made = self._all
        return self._all

    def values(self) -> ValuesView[T]:
        return self.everything().values()

    def items(self) -> ItemsView[str, T]:
        return self.everything().items()

    def keys(self) -> KeysView[str]:
        return self.rows.keys()
