"""Data frames of any table: pyarrow, pandas, polars and the Arrow C stream.

Each is built from the table's columns (``_table_columns()``, see
``occprofile._columns``), a column at a time, never from one dict a row. A
null stays a null of the column's type: pandas' nullable ``Int64``,
``Float64``, ``boolean`` and ``string``, never a 0 or a float NaN standing
in for an integer; a category (a figure's status, an area's kind) has its
fixed set of labels whatever the rows hold (pandas ``category``, polars
``Enum``, an Arrow dictionary), so frames of different tables concatenate
cleanly.

A count of jobs (OEWS ``employment``, and ``estimate_employment`` of an
occupation ranking: :func:`is_count`) is a whole number although a figure's
value is a ``float``: its frames are nullable integers (pandas ``Int64``,
polars ``Int64``, Arrow ``int64``), cast exactly (a value that is not a whole
number raises rather than being rounded) with its nulls kept; ``to_records()``
keeps the figure's ``float``.

Compact columns become Arrow arrays without a copy; a column kept as
published text is parsed by Arrow a whole column at a time. pandas columns
are built from numpy arrays (text as ``string[python]``: a repeated name is
one object, not one copy a row), polars from Arrow. Without pyarrow, text
is parsed by ``float()`` and polars is built from Python lists (slower, the
same dtypes). The libraries are optional extras, imported here only.
"""

from __future__ import annotations

import importlib
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError

if TYPE_CHECKING:
    from .._columns import Column


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError.for_extra(extra, module) from exc


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


#: The figures that count jobs: whole numbers in every release (OEWS rounds to tens).
COUNTS = frozenset({"employment"})


def is_count(col: Column) -> bool:
    """Whether a decimal column holds a count of jobs (``employment``, ``estimate_employment``)."""
    if col.kind != "float":
        return False
    name = col.name
    return name in COUNTS or any(name.endswith(f"_{count}") for count in COUNTS)


def _columns(table: object) -> Sequence[Column]:
    get = getattr(table, "_table_columns", None)
    if not callable(get):
        raise TypeError(f"{type(table).__name__} is not a table")
    columns: Sequence[Column] = get()
    return columns


# --------------------------------------------------------------------------
# pyarrow


def _arrow_type(pa: Any, kind: str) -> Any:
    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return kinds.get(kind, pa.string())  # a category's labels are text


def _index_type(pa: Any, labels: tuple[Any, ...]) -> Any:
    return pa.int8() if len(labels) < 128 else pa.int16() if len(labels) < 32768 else pa.int32()


_CODE_TYPES = {1: "int8", 2: "int16", 4: "int32", 8: "int64"}


def _bitmap(pa: Any, valid: bytes | bytearray | None, n: int) -> Any:
    """An Arrow validity bitmap from one byte a row (1: a value)."""
    mask = pa.Array.from_buffers(pa.uint8(), n, [None, pa.py_buffer(valid)])
    return mask.cast(pa.bool_()).buffers()[1]


def _arrow_array(pa: Any, col: Column) -> Any:
    """One column as an Arrow array (a dictionary for a category; a count as ``int64``)."""
    array = _arrow_values(pa, col)
    if is_count(col):  # a safe cast: a number that is not whole raises
        return array.cast(pa.int64())
    return array


def _arrow_values(pa: Any, col: Column) -> Any:
    n = len(col)
    if col.encoding == "text":  # the published text, parsed a column at a time
        pc = importlib.import_module("pyarrow.compute")
        if not n:
            return pa.array([], pa.float64())
        whole = pa.py_buffer(col.data)  # one binary value, no copy
        offsets = pa.py_buffer(array("q", [0, whole.size]))
        joined = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, whole])
        texts = pc.split_pattern(joined, b",").flatten()  # one text a row
        buffers = [_bitmap(pa, col.valid, n), *texts.buffers()[1:]]
        return pa.Array.from_buffers(pa.large_string(), n, buffers).cast(pa.float64())
    if col.encoding == "masked":
        buffers = [_bitmap(pa, col.valid, n), pa.py_buffer(col.data)]
        return pa.Array.from_buffers(_arrow_type(pa, col.kind), n, buffers)
    labels = col.labels or ()
    if col.encoding == "coded":
        pc = importlib.import_module("pyarrow.compute")
        width = getattr(pa, _CODE_TYPES[col.data.itemsize])()  # type: ignore[attr-defined]
        codes = pa.Array.from_buffers(width, n, [None, pa.py_buffer(col.data)])
        codes = pc.if_else(pc.greater_equal(codes, 0), codes, pa.scalar(None, width))
    elif col.kind == "category":
        position = {label: i for i, label in enumerate(labels)}
        codes = pa.array([None if v is None else position[v] for v in col.data], pa.int32())
    else:
        return pa.array(col.data, _arrow_type(pa, col.kind))
    dictionary = pa.DictionaryArray.from_arrays(codes, pa.array(labels, _arrow_type(pa, col.kind)))
    if col.kind == "category":
        return dictionary.cast(pa.dictionary(_index_type(pa, labels), pa.string()))
    return dictionary.dictionary_decode()


def _arrow_table(pa: Any, columns: Sequence[Column]) -> Any:
    return pa.Table.from_arrays([_arrow_array(pa, c) for c in columns], [c.name for c in columns])


def to_arrow(table: object) -> Any:
    """A pyarrow Table with typed, nullable columns (categories as dictionaries)."""
    pa = _require("pyarrow", "arrow")
    return _arrow_table(pa, _columns(table))


def arrow_c_stream(table: object, requested_schema: object = None) -> object:
    """The Arrow PyCapsule stream of the table (through pyarrow)."""
    return to_arrow(table).__arrow_c_stream__(requested_schema)


# --------------------------------------------------------------------------
# pandas


def to_pandas(table: object) -> Any:
    """A pandas DataFrame with nullable dtypes, one column per table column."""
    pd = _require("pandas", "pandas")
    columns = _columns(table)
    pa = _optional("pyarrow")
    return pd.DataFrame({c.name: _pandas_array(pd, pa, c) for c in columns}, copy=False)


def _pandas_array(pd: Any, pa: Any, col: Column) -> Any:
    """One column as a pandas extension array (a count as ``Int64``)."""
    if not is_count(col):
        return _pandas_values(pd, pa, col)
    import numpy as np

    if col.encoding == "masked":  # the values' own buffer: no float array is made
        decimals = np.frombuffer(col.data, dtype=np.float64)  # type: ignore[call-overload]
        missing = _nulls(np, col.valid)
    else:
        values = _pandas_values(pd, pa, col)
        decimals = values.to_numpy(dtype=np.float64, na_value=0.0)
        missing = values.isna()
    whole = decimals.astype(np.int64)
    if not np.array_equal(whole, decimals):  # pandas' own cast would truncate
        raise ValueError(f"column {col.name!r}: a count of jobs is not a whole number")
    return pd.arrays.IntegerArray(whole, missing)


def _pandas_values(pd: Any, pa: Any, col: Column) -> Any:
    """One column as a pandas extension array, from numpy (pandas needs it anyway).

    Built with as few temporary arrays as possible: a freed array of a few
    MB is often kept by the C allocator, so each would raise the peak RSS.
    """
    import numpy as np

    labels = col.labels or ()
    if col.encoding == "coded":
        codes = _codes(np, col.data)
        if col.kind == "category":
            dtype = pd.CategoricalDtype(list(labels))
            return pd.Categorical.from_codes(codes.copy(), dtype=dtype)
        if col.kind == "str":  # code -1 reads the NA at the end
            lookup = np.array([*labels, pd.NA], dtype=object)
            return pd.arrays.StringArray(lookup[codes], dtype=pd.StringDtype("python"))
        # Mostly nulls (the top-code lower bounds): zeros are calloc's untouched
        # pages, so only the rows with a value cost memory.
        numbers = np.array(labels, dtype=np.float64 if col.kind == "float" else np.int64)
        values = np.zeros(len(codes), dtype=numbers.dtype)
        present = np.flatnonzero(codes >= 0)
        values[present] = numbers[codes[present]]
        kind = pd.arrays.FloatingArray if col.kind == "float" else pd.arrays.IntegerArray
        return kind(values, codes < 0)
    if col.kind == "category":
        return pd.Categorical(col.data, dtype=pd.CategoricalDtype(list(labels)))
    if col.encoding == "text":
        if pa is None:
            return pd.array(col.to_list(), dtype=pd.Float64Dtype())
        parsed = _arrow_values(pa, col)
        buffer = parsed.buffers()[1]
        values = np.frombuffer(buffer, dtype=np.float64, count=len(col), offset=parsed.offset * 8)
        return pd.arrays.FloatingArray(values.copy(), _nulls(np, col.valid))
    if col.encoding == "masked":
        numbers = np.array(col.data, dtype=np.float64 if col.kind == "float" else np.int64)
        kind = pd.arrays.FloatingArray if col.kind == "float" else pd.arrays.IntegerArray
        return kind(numbers, _nulls(np, col.valid))
    dtypes = {
        "str": pd.StringDtype("python"),
        "int": pd.Int64Dtype(),
        "float": pd.Float64Dtype(),
        "bool": pd.BooleanDtype(),
    }
    return pd.array(list(col.data), dtype=dtypes[col.kind])


def _codes(np: Any, data: Any) -> Any:
    """A coded column's codes as a numpy view (an ``array`` of int8, int16, ...)."""
    width = getattr(data, "itemsize", 8)
    if isinstance(data, list) or not len(data):
        return np.array(data, dtype=np.int64)
    return np.frombuffer(data, dtype=f"int{8 * width}")


def _nulls(np: Any, valid: bytes | bytearray | None) -> Any:
    """The null mask pandas wants (True: no value) from one byte a row (1: a value)."""
    if not valid:
        return np.zeros(0, dtype=bool)
    return np.frombuffer(valid, dtype=np.uint8) == 0


# --------------------------------------------------------------------------
# polars


def to_polars(table: object) -> Any:
    """A polars DataFrame with typed, nullable columns (categories as ``Enum``)."""
    pl = _require("polars", "polars")
    columns = _columns(table)
    enums = {c.name: pl.Enum(list(c.labels or ())) for c in columns if c.kind == "category"}
    pa = _optional("pyarrow")
    if pa is not None:
        frame = pl.from_arrow(_arrow_table(pa, columns))
        return frame.with_columns(pl.col(name).cast(dtype) for name, dtype in enums.items())
    types = {"str": pl.String, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean}
    return pl.DataFrame(
        [
            pl.Series(c.name, _whole(c.to_list()), dtype=pl.Int64)
            if is_count(c)
            else pl.Series(c.name, c.to_list(), dtype=enums.get(c.name) or types[c.kind])
            for c in columns
        ]
    )


def _whole(values: list[Any]) -> list[int | None]:
    """A count's values as ints, exactly (a number that is not whole raises)."""
    found = [None if v is None else int(v) for v in values]
    for v, w in zip(values, found, strict=True):
        if v is not None and v != w:
            raise ValueError(f"a count of jobs is not a whole number: {v!r}")
    return found
