"""Data frames of any table: pandas, polars, pyarrow and the Arrow C stream.

Each builds on the flat records of ``records`` and its column kinds, so a
missing value is a null of the column's type (pandas' nullable ``Int64``,
``Float64``, ``boolean``, ``string``), never a 0 or a float NaN standing in
for an integer. The libraries are optional extras, imported here only.
"""

from __future__ import annotations

import importlib
from typing import Any

from ..errors import MissingExtraError
from .records import columns, to_records


def _table(table: object) -> tuple[list[dict[str, Any]], dict[str, str]]:
    custom = getattr(table, "_columns", None)
    rows = to_records(table)
    kinds: dict[str, str] = custom() if callable(custom) else columns(rows)
    return rows, kinds


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError.for_extra(extra, module) from exc


_PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def to_pandas(table: object) -> Any:
    """A pandas DataFrame with nullable dtypes, one column per flat-record key."""
    pd = _require("pandas", "pandas")
    rows, kinds = _table(table)
    data = {name: [row[name] for row in rows] for name in kinds}
    return pd.DataFrame(
        {name: pd.array(values, dtype=_PANDAS_DTYPES[kinds[name]]) for name, values in data.items()}
    )


def _arrow_schema(pa: Any, kinds: dict[str, str]) -> Any:
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in kinds.items()])


def to_arrow(table: object) -> Any:
    """A pyarrow Table with typed, nullable columns."""
    pa = _require("pyarrow", "arrow")
    rows, kinds = _table(table)
    data = {name: [row[name] for row in rows] for name in kinds}
    return pa.table(data, schema=_arrow_schema(pa, kinds))


def to_polars(table: object) -> Any:
    """A polars DataFrame with typed, nullable columns."""
    pl = _require("polars", "polars")
    rows, kinds = _table(table)
    types = {"str": pl.Utf8, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean}
    data = {name: [row[name] for row in rows] for name in kinds}
    return pl.DataFrame(data, schema={name: types[kind] for name, kind in kinds.items()})


def arrow_c_stream(table: object, requested_schema: object = None) -> object:
    """The Arrow PyCapsule stream of the table (through pyarrow)."""
    return to_arrow(table).__arrow_c_stream__(requested_schema)
