"""How the command line prints an answer: text for people, JSON or CSV for programs.

JSON and CSV carry the same content as ``to_records()``: one flat row per
item of a table; a single record is one row of its own flat fields (JSON
gives a single record in full, nested).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, Literal, TextIO

from .._record import Results

Format = Literal["text", "json", "csv"]


def records_of(answer: object) -> list[dict[str, Any]]:
    """The flat rows of a table, or the one flat row of a single record."""
    to_records = getattr(answer, "to_records", None)
    if callable(to_records):
        rows: list[dict[str, Any]] = to_records()
        return rows
    from .._columns import columns_of_rows, records

    return records(columns_of_rows(type(answer), [answer]))


def write(answer: object, fmt: Format, out: TextIO, text: str | None = None) -> None:
    """Write ``answer`` as ``fmt``; ``text`` is the human rendering (default: ``str``)."""
    if fmt == "json":
        json.dump(_json_value(answer), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt == "csv":
        write_csv(records_of(answer), out)
    else:
        rendered = text if text is not None else _text(answer)
        out.write(rendered if rendered.endswith("\n") else rendered + "\n")


def _json_value(answer: object) -> Any:
    if callable(getattr(answer, "to_records", None)):
        return records_of(answer)
    import cattrs

    converter = cattrs.Converter()
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Results),
        lambda rows: [converter.unstructure(row) for row in rows],
    )
    return converter.unstructure(answer)


def _text(answer: object) -> str:
    if isinstance(answer, tuple | Results):
        return "\n".join(str(item) for item in answer) if answer else "(nothing found)"
    rows = getattr(answer, "_rows", None)
    if callable(rows) and type(answer).__str__ is object.__str__:
        return "\n".join(str(item) for item in rows())
    return str(answer)


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """Rows as CSV with a header; ``None`` is an empty cell."""
    rows = list(rows)
    if not rows:
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    out.write(buffer.getvalue())
