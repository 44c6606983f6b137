"""Read one O*NET table from either of O*NET's two distributions.

O*NET publishes every table as Excel (`X.xlsx`) and as tab-separated text
(`X.txt`). The Excel files add `Title`/`Scale Name` columns and hold numbers as
numbers; the text files hold everything as text, with `n/a` for absent flags.
Reading columns by name and converting each one by its declared kind makes both
give identical rows, so a rebuild from a fresh download of either works.
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl

Value = str | int | float | bool | None
"""A converted cell."""

#: The text distribution's spellings of "no value" in number and flag columns.
_ABSENT = ("", "n/a", "N/A")


class TableError(ValueError):
    """An upstream table is missing, malformed or holds an unexpected value."""


class Kind(enum.Enum):
    """How a column's cells are converted; `OPT_*` kinds allow an absent value."""

    TEXT = "text"
    OPT_TEXT = "optional text"
    INT = "integer"
    OPT_INT = "optional integer"
    FLOAT = "number"
    OPT_FLOAT = "optional number"
    FLAG = "Y/N flag"
    OPT_FLAG = "optional Y/N flag"


@dataclass(frozen=True)
class TableSpec:
    """The columns the build needs from one table, by name; other columns are ignored."""

    name: str
    columns: Mapping[str, Kind]


@dataclass(frozen=True)
class Row:
    """One converted row, with typed getters so callers need no casts."""

    values: Mapping[str, Value]

    def text(self, column: str) -> str:
        value = self.values[column]
        assert isinstance(value, str), (column, value)
        return value

    def opt_text(self, column: str) -> str | None:
        value = self.values[column]
        assert value is None or isinstance(value, str), (column, value)
        return value

    def integer(self, column: str) -> int:
        value = self.values[column]
        assert not isinstance(value, bool), (column, value)
        assert isinstance(value, int), (column, value)
        return value

    def opt_integer(self, column: str) -> int | None:
        value = self.values[column]
        assert not isinstance(value, bool), (column, value)
        assert value is None or isinstance(value, int), (column, value)
        return value

    def number(self, column: str) -> float:
        value = self.values[column]
        assert isinstance(value, float), (column, value)
        return value

    def opt_number(self, column: str) -> float | None:
        value = self.values[column]
        assert value is None or isinstance(value, float), (column, value)
        return value

    def opt_flag(self, column: str) -> bool | None:
        value = self.values[column]
        assert value is None or isinstance(value, bool), (column, value)
        return value

    def flag(self, column: str) -> bool:
        value = self.values[column]
        assert isinstance(value, bool), (column, value)
        return value


@dataclass(frozen=True)
class Table:
    """A table's rows and the file they came from."""

    path: Path
    rows: list[Row]


def find_optional_table(folder: Path, name: str) -> Path | None:
    """Return `name.xlsx` or, failing that, `name.txt` in `folder`; None if neither exists."""
    for suffix in (".xlsx", ".txt"):
        path = folder / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def find_table(folder: Path, name: str) -> Path:
    """Return `name.xlsx` or, failing that, `name.txt` in `folder`."""
    path = find_optional_table(folder, name)
    if path is None:
        raise TableError(f"{folder}: neither {name}.xlsx nor {name}.txt exists")
    return path


def read_table(folder: Path, spec: TableSpec) -> Table:
    """Read the table `spec.name` from `folder`, whichever distribution is there."""
    return read_table_file(find_table(folder, spec.name), spec)


def read_table_file(path: Path, spec: TableSpec) -> Table:
    """Read the columns of `spec` from one `.xlsx` or `.txt` file."""
    if path.suffix == ".xlsx":
        raw_rows = _xlsx_rows(path)
    elif path.suffix == ".txt":
        raw_rows = _txt_rows(path)
    else:
        raise TableError(f"{path}: not an O*NET .xlsx or .txt table")
    try:
        header = next(raw_rows)
    except StopIteration:
        raise TableError(f"{path}: empty file") from None
    names = [str(cell).strip() if cell is not None else "" for cell in header]
    positions: dict[str, int] = {}
    for column in spec.columns:
        if names.count(column) != 1:
            raise TableError(f"{path}: expected one column {column!r}, header is {names}")
        positions[column] = names.index(column)
    rows: list[Row] = []
    for line, raw in enumerate(raw_rows, start=2):
        if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in raw):
            continue  # blank line / formatted-but-empty spreadsheet row
        values: dict[str, Value] = {}
        for column, kind in spec.columns.items():
            position = positions[column]
            cell = raw[position] if position < len(raw) else None
            try:
                values[column] = convert(kind, cell)
            except (TypeError, ValueError) as error:
                raise TableError(f"{path}: row {line}, column {column!r}: {error}") from None
        rows.append(Row(values))
    return Table(path, rows)


def convert(kind: Kind, cell: object) -> Value:
    """Convert one raw cell (openpyxl value or text) to `kind`; raise ValueError if it isn't."""
    absent = cell is None or (isinstance(cell, str) and cell.strip() in _ABSENT)
    if kind is Kind.TEXT or kind is Kind.OPT_TEXT:
        if cell is None or cell == "":
            if kind is Kind.OPT_TEXT:
                return None
            raise ValueError("missing text")
        if isinstance(cell, str):
            return cell
        if isinstance(cell, int) and not isinstance(cell, bool):
            return str(cell)  # a code-like text column Excel stored as a number
        raise ValueError(f"expected text, got {cell!r}")
    if absent:
        if kind in (Kind.OPT_INT, Kind.OPT_FLOAT, Kind.OPT_FLAG):
            return None
        raise ValueError(f"missing {kind.value}")
    if kind is Kind.INT or kind is Kind.OPT_INT:
        return _to_int(cell)
    if kind is Kind.FLOAT or kind is Kind.OPT_FLOAT:
        return _to_float(cell)
    if cell == "Y":
        return True
    if cell == "N":
        return False
    raise ValueError(f"expected Y or N, got {cell!r}")


def _to_int(cell: object) -> int:
    if isinstance(cell, bool):
        raise ValueError(f"expected an integer, got {cell!r}")
    if isinstance(cell, int):
        return cell
    number = float(cell) if isinstance(cell, (float, str)) else None
    if number is None or not number.is_integer():
        raise ValueError(f"expected an integer, got {cell!r}")
    return int(number)


def _to_float(cell: object) -> float:
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        raise ValueError(f"expected a number, got {cell!r}")
    return float(cell)


def _xlsx_rows(path: Path) -> Iterator[Sequence[object]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def _txt_rows(path: Path) -> Iterator[Sequence[object]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
