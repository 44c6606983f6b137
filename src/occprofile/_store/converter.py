"""The package's one cattrs converter, built on first use.

A private converter (cattrs advises against customising the global one)
with ``forbid_extra_keys`` so schema drift fails loudly, and numbers
checked rather than coerced: a string where a float belongs is an error.

Records, homogeneous tuples, optionals and string-keyed dicts get hooks made
here from closures: cattrs would generate and compile a function per record
class and per dict type, which is most of a first question's structuring
cost. They are as strict (unknown and missing keys, exact types; a JSON
array, not any iterable, for a tuple) and say which class and field failed.
"""

from __future__ import annotations

import enum
import functools
import itertools
import sys
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import DataIntegrityError
from ..models import AreaKind, Status
from .columnar import RecordColumns

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {value!r}")
    return float(value)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {value!r}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {value!r}")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    return cls(value)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


Hook = Callable[[Any, Any], Any]


#: Types whose hook checks only the exact type of the value: JSON gives nothing else.
_EXACT: dict[Any, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),
    bool: frozenset({bool}),
    str | None: frozenset({str, type(None)}),
    int | None: frozenset({int, type(None)}),
    bool | None: frozenset({bool, type(None)}),
}


def _is_record(t: Any) -> bool:
    fields = getattr(t, "__attrs_attrs__", None)
    return (
        isinstance(t, type) and fields is not None and all(a.init and not a.kw_only for a in fields)
    )


#: Record classes whose string fields are interned when structured (see :func:`share_strings`).
_SHARED_STRINGS: set[type] = set()


def share_strings(*classes: type) -> None:
    """Intern the str fields of ``classes`` as they are structured: the texts O*NET
    repeats in every profile (a task's date and domain source, a commodity title, a
    related code) are then one object each, not one per profile that holds them.
    Call before the first structuring of the classes (their hooks are made once)."""
    _SHARED_STRINGS.update(classes)


#: A field as the hooks see it: name, exact types (see ``_EXACT``), hook, type.
Field = tuple[str, frozenset[type] | None, Hook, Any]


def _fields(conv: cattrs.Converter, cls: type) -> list[Field]:
    """Each field of record ``cls``: its name, the exact types its hook checks alone
    (``None``: its hook does more), the hook and the field's type."""
    import attrs

    namespace = vars(sys.modules[cls.__module__])
    found = []
    for a in attrs.fields(cls):
        tp = eval(a.type, namespace) if isinstance(a.type, str) else a.type
        found.append((a.name, _EXACT.get(tp), conv.get_structure_hook(tp), tp))
    return found


def _shared(cls: type, fields: list[Field]) -> set[str]:
    """The str fields of ``cls`` to intern (see :func:`share_strings`)."""
    return {n for n, exact, _, _ in fields if cls in _SHARED_STRINGS and exact and str in exact}


def _record_hook(conv: cattrs.Converter, cls: type) -> Hook:
    """Structure a JSON object into record ``cls``: exactly its fields (those with a
    default may be left out), each by its type's hook, passed positionally."""
    import attrs

    fields = attrs.fields(cls)
    # Fields whose hook only checks the value's exact type (str, int, bool, or one of
    # them or null) are checked inline: most fields are, and a call per field is the cost.
    checks = _fields(conv, cls)
    specs = [(name, hook, tp) for name, _, hook, tp in checks]
    names = frozenset(a.name for a in fields)
    required = [a.name for a in fields if a.default is attrs.NOTHING]
    aliases = {a.name: a.alias for a in fields}
    interned = _shared(cls, checks)
    shared = [i for i, (name, _, _, _) in enumerate(checks) if name in interned]
    intern = sys.intern

    def located(obj: dict[str, Any], exc: Exception) -> Exception:
        for name, hook, tp in specs:
            if name in obj:
                try:
                    hook(obj[name], tp)
                except Exception as inner:
                    return TypeError(f"{cls.__name__}.{name}: {inner}")
        return exc

    def structure(obj: Any, _: Any) -> Any:
        if type(obj) is not dict:
            raise TypeError(f"{cls.__name__} is read from an object, got {obj!r:.80}")
        if len(obj) != len(specs) or not names.issuperset(obj):
            return partial(obj)
        args = []
        try:
            for name, types_, hook, tp in checks:
                value = obj[name]
                if types_ is None:
                    args.append(hook(value, tp))
                elif type(value) in types_:
                    args.append(value)
                else:  # the hook raises, saying what was expected
                    args.append(hook(value, tp))
            for i in shared:
                if args[i] is not None:
                    args[i] = intern(args[i])
            return cls(*args)
        except Exception as exc:
            raise located(obj, exc) from exc

    def partial(obj: dict[str, Any]) -> Any:
        extra = sorted(set(obj) - names)
        if extra:
            raise TypeError(f"extra keys in {cls.__name__}: {', '.join(extra)}")
        missing = [name for name in required if name not in obj]
        if missing:
            raise TypeError(f"{cls.__name__} lacks {', '.join(missing)}")
        try:
            return cls(**{aliases[n]: hook(obj[n], tp) for n, hook, tp in specs if n in obj})
        except Exception as exc:
            raise located(obj, exc) from exc

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(conv: cattrs.Converter, t: Any) -> Hook:
    item = typing.get_args(t)[0]
    if item is str:

        def strings(value: Any, _: Any) -> tuple[str, ...]:
            if type(value) is not list or not all(type(v) is str for v in value):
                raise TypeError(f"expected a list of strings, got {value!r:.80}")
            return tuple(value)

        return strings
    hook = conv.get_structure_hook(item)
    if _is_record(item):
        return _records_hook(conv, item, hook)
    # Numbers (the similarity rows: 100,000 of them) are floats as JSON gives them:
    # one look at the set of their types, not a call each (ints go through the hook).
    floats = {float: frozenset({float}), float | None: frozenset({float, type(None)})}.get(item)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {value!r:.80}")
        if floats is not None and floats.issuperset(map(type, value)):
            return tuple(value)
        return tuple([hook(v, item) for v in value])

    return structure


def _records_hook(conv: cattrs.Converter, cls: type, one: Hook) -> Hook:
    """Structure a JSON array of objects into a tuple of records ``cls``, a column at a
    time: the key sets compared at once and each field's values checked together (the
    2,700 records of occupations.json and areas.json on a first question). Anything
    that does not fit (a key missing or extra, a value of the wrong type) is
    structured record by record with ``one``, the record hook, which says what failed.
    """
    columns = _fields(conv, cls)
    keys = {name for name, _, _, _ in columns}
    shared = _shared(cls, columns)
    intern = sys.intern

    def one_by_one(value: list[Any]) -> tuple[Any, ...]:
        return tuple([one(v, cls) for v in value])

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {value!r:.80}")
        if not all(type(v) is dict and v.keys() == keys for v in value):
            return one_by_one(value)
        made = []
        for name, exact, hook, tp in columns:
            column = [v[name] for v in value]
            if exact is not None:
                if not exact.issuperset(map(type, column)):
                    return one_by_one(value)
                if name in shared:  # as the record hook does (see share_strings)
                    column = [v if v is None else intern(v) for v in column]
            else:
                try:
                    column = [hook(v, tp) for v in column]
                except Exception:
                    return one_by_one(value)
            made.append(column)
        return tuple(map(cls, *made))

    return structure


#: Homogeneous tuples whose items' hook checks only their exact type (see ``_EXACT``).
_EXACT_TUPLES: dict[Any, frozenset[type]] = {tuple[str, ...]: frozenset({str})}


def _is_record_columns(t: Any) -> bool:
    return typing.get_origin(t) is RecordColumns


def _record_columns_hook(conv: cattrs.Converter, t: Any) -> Hook:
    """Structure a JSON object of one list per field into :class:`~.columnar.RecordColumns`
    of record ``cls``: exactly its fields, lists of one length, every value checked now
    by its field's hook (see ``columnar``), so no record made later can fail. A column
    of exact types is checked by the set of its types and kept as decoded; any other
    is structured (each distinct value once, where values are hashable: an enum)."""
    (cls,) = typing.get_args(t)
    fields = _fields(conv, cls)
    names = tuple(name for name, _, _, _ in fields)
    keys = frozenset(names)
    shared = _shared(cls, fields)
    intern = sys.intern
    #: the fields whose column holds lists, each a tuple in its record
    tuples = frozenset(name for name, _, _, tp in fields if tp in _EXACT_TUPLES)

    def checked(
        name: str, exact: frozenset[type] | None, hook: Hook, tp: Any, column: list[Any]
    ) -> list[Any]:
        if exact is not None:
            if not exact.issuperset(map(type, column)):
                for v in column:
                    if type(v) not in exact:
                        hook(v, tp)  # raises, saying what was expected
                raise TypeError(f"expected {sorted(t.__name__ for t in exact)}")
            if name in shared:  # as the record hook does (see share_strings)
                return [v if v is None else intern(v) for v in column]
            return column
        if tp in _EXACT_TUPLES:  # lists of strings (an area's states): checked at once
            items = _EXACT_TUPLES[tp]
            if {list}.issuperset(map(type, column)) and items.issuperset(
                map(type, itertools.chain.from_iterable(column))
            ):
                return column  # kept as lists: a record makes its tuple (``tuples``)
            for v in column:
                hook(v, tp)  # raises, saying which and why
            raise TypeError(f"expected lists of {sorted(t.__name__ for t in items)}")
        typed = list(zip(map(type, column), column, strict=True))
        try:
            # Keyed by type and value: 1 and True, equal as keys, are told apart.
            made = {key: hook(key[1], tp) for key in set(typed)}
        except TypeError as exc:
            if "unhashable" not in str(exc):
                raise
            return [hook(v, tp) for v in column]
        return list(map(made.__getitem__, typed))

    def structure(value: Any, _: Any) -> RecordColumns[Any]:
        if type(value) is not dict:
            raise TypeError(f"{cls.__name__} columns are read from an object, got {value!r:.80}")
        if value.keys() != keys:
            extra = sorted(set(value) - keys)
            if extra:
                raise TypeError(f"extra keys in {cls.__name__}: {', '.join(extra)}")
            missing = [name for name in names if name not in value]
            raise TypeError(f"{cls.__name__} lacks {', '.join(missing)}")
        columns = []
        for name, exact, hook, tp in fields:
            column = value[name]
            if type(column) is not list:
                raise TypeError(f"{cls.__name__}.{name}: a column is a list, got {column!r:.80}")
            if len(column) != len(value[names[0]]):
                raise TypeError(
                    f"{cls.__name__} columns differ in length: {names[0]} has "
                    f"{len(value[names[0]])} values, {name} {len(column)}"
                )
            try:
                columns.append(checked(name, exact, hook, tp, column))
            except Exception as exc:
                raise TypeError(f"{cls.__name__}.{name}: {exc}") from exc
        return RecordColumns(cls, names, tuple(columns), tuples)

    return structure


def _is_fixed_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and bool(args) and Ellipsis not in args


def _fixed_tuple_hook(conv: cattrs.Converter, t: Any) -> Hook:
    items = typing.get_args(t)
    if all(item is str for item in items):  # the 68,000 titles of titles.json.gz

        def strings(value: Any, _: Any) -> tuple[str, ...]:
            if (
                type(value) is not list
                or len(value) != len(items)
                or any(type(v) is not str for v in value)
            ):
                raise TypeError(f"expected a list of {len(items)} strings, got {value!r:.80}")
            return tuple(value)

        return strings
    hooks = [(conv.get_structure_hook(item), item) for item in items]

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list or len(value) != len(hooks):
            raise TypeError(f"expected a list of {len(hooks)}, got {value!r:.80}")
        return tuple([hook(v, item) for v, (hook, item) in zip(value, hooks, strict=True)])

    return structure


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return (
        typing.get_origin(t) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_hook(conv: cattrs.Converter, t: Any) -> Hook:
    (inner,) = [a for a in typing.get_args(t) if a is not type(None)]
    hook = conv.get_structure_hook(inner)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _is_str_dict(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is dict and len(args) == 2 and args[0] is str


def _dict_hook(conv: cattrs.Converter, t: Any) -> Hook:
    item = typing.get_args(t)[1]
    hook = conv.get_structure_hook(item)

    def structure(value: Any, _: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise TypeError(f"expected an object, got {value!r:.80}")
        made = {k: hook(v, item) for k, v in value.items()}
        if not all(type(k) is str for k in made):
            raise TypeError(f"object keys are strings, got {list(made)!r:.80}")
        return made

    return structure


def _bound(
    make: Callable[[cattrs.Converter, Any], Hook], conv: cattrs.Converter
) -> Callable[[Any], Hook]:
    def factory(t: Any) -> Hook:
        return make(conv, t)

    return factory


@functools.cache
def converter() -> cattrs.Converter:
    """Return the converter (imported lazily: ``import occprofile`` stays cheap).

    ``detailed_validation`` is off: it doubles the cost of the first
    ``profile()``, and errors still name the resource, class and field.
    """
    import cattrs

    # The resources are plain JSON already decoded by the json module, so the
    # base converter suffices (the json preconf adds datetime/bytes hooks we never need).
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    factories: list[tuple[Callable[[Any], bool], Callable[[cattrs.Converter, Any], Hook]]] = [
        (_is_record, _record_hook),
        (_is_record_columns, _record_columns_hook),
        (_is_homogeneous_tuple, _tuple_hook),
        (_is_fixed_tuple, _fixed_tuple_hook),
        (_is_optional, _optional_hook),
        (_is_str_dict, _dict_hook),
    ]
    for applies, make in factories:
        # cattrs asks a factory's signature whether it takes the converter too: say no.
        conv.register_structure_hook_factory(applies, _bound(make, conv))
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    # The str hook above would also catch these str-valued enums: give them their own.
    for enum_cls in (AreaKind, Status):
        conv.register_structure_hook(enum_cls, _structure_enum)
    return conv


def structure(data: Any, cls: type[T], resource: str) -> T:
    """Structure decoded JSON into ``cls``; any mismatch names the resource and path."""
    try:
        return converter().structure(data, cls)
    except Exception as exc:  # any failure here means data and schema disagree
        detail = f"{type(exc).__name__}: {exc}"
        raise DataIntegrityError(
            f"packaged resource {resource!r} does not match the schema: {detail}",
            resource=resource,
        ) from exc
