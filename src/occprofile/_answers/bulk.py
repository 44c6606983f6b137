"""The bulk tables of ``occprofile.tables``: every OEWS estimate and O*NET rating.

``estimates`` builds its columns straight from the packaged OEWS rows, a
few thousand rows at a time, never an :class:`Estimate` a row: values are
converted a whole column at a time, and only the cells without a released number (about
one in thirty) go through :func:`~.figures.parse_figure`, the one place
that decides what a ``-`` means. Its columns are :func:`schema` of
:class:`Estimate`, so they are those of ``estimates(occ).to_pandas()``
exactly. ``ratings`` flattens the profiles' rating sections, one file at a
time; the career tables (occupations, projections) are in :mod:`.summaries`.
"""

from __future__ import annotations

import contextlib
import gc
from array import array
from collections.abc import Iterator, Sequence
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .._columns import Column, Spec, schema
from .._record import Table
from .._store.resources import decode_json
from ..errors import DataIntegrityError
from ..models import Estimate, Occupation, Rating, Status
from .figures import DATATYPE_FIELDS, DATATYPE_INDEX, NUMBER, parse_figure
from .profiles import section

if TYPE_CHECKING:
    from ..models import Area, RatingDomain, WageOccupation
    from .sources import Sources

# --------------------------------------------------------------------------
# OEWS estimates

#: The text a cell without a number (``null``) gets in its value column (masked out).
_NO_TEXT: dict[str | None, str | None] = {None: "0"}
_DIGITS = b"0123456789"
_STATUSES = tuple(s.value for s in Status)
_RELEASED = _STATUSES.index(Status.RELEASED.value)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while OEWS files are decoded.

    The decoded rows hold no reference cycles (reference counting frees each
    batch), but their 700,000 lists and dicts would set off some 1,300
    collections, a sixth of the build's time. The collector's state is
    restored however the build ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _oews_rows(src: Sources, code: str, area_code: dict[str, int]) -> list[Any]:
    """The rows of one OEWS file as decoded JSON, their shape checked."""
    name = f"oews/{code}.json.gz"
    data = decode_json(name, src.store.read_document(name))
    ok = isinstance(data, dict) and set(data) == {"code", "estimates"} and data["code"] == code
    rows = data["estimates"] if ok else None
    try:  # a list of [area code, 17 values, footnotes], checked a whole file at a time
        malformed = not isinstance(rows, list) or bool(
            rows
            and (
                set(map(len, rows)) != {3}
                or set(map(type, map(itemgetter(1), rows))) != {list}
                or set(map(len, map(itemgetter(1), rows))) != {len(DATATYPE_FIELDS)}
                or set(map(type, map(itemgetter(2), rows))) != {dict}
                or not set(map(itemgetter(0), rows)) <= area_code.keys()
            )
        )
    except (TypeError, KeyError):  # a row that is no list, an unhashable area code
        malformed = True
    if malformed or not isinstance(rows, list):
        raise DataIntegrityError(
            f"packaged resource {name!r} is not an OEWS file of {code} "
            "(rows of a known area, 17 values and footnotes)",
            resource=name,
        )
    return rows


def _first_unpublished(cells: Sequence[str | None]) -> int:
    """The index of the first cell that is not ``None``, ``-`` or a published number."""
    for i, cell in enumerate(cells):
        if (
            cell is not None
            and cell != "-"
            and not (isinstance(cell, str) and NUMBER.fullmatch(cell))
        ):
            return i
    raise AssertionError("no unpublished cell")


def _positions(cells: Sequence[object], marker: object) -> Iterator[int]:
    """The indexes of ``marker`` in ``cells`` (a C-speed scan between hits)."""
    at = -1
    while True:
        try:
            at = cells.index(marker, at + 1)
        except ValueError:
            return
        yield at


class _FigureColumns:
    """The growing columns of one datatype: value (as text), status, footnote, lower bound."""

    __slots__ = ("bound_codes", "bounds", "footnotes", "statuses", "text", "valid")

    def __init__(self) -> None:
        self.text = bytearray()
        self.valid = bytearray()
        self.statuses = array("b")
        self.footnotes = array("b")
        self.bounds: list[float] = []  # the lower bounds seen (one per unit)
        self.bound_codes = array("b")

    def grow(self, cells: tuple[str | None, ...]) -> tuple[str | None, ...] | None:
        """Append cells of this datatype, all as released numbers for now, and return
        the markers among them (``-``, ``None``) to mark; ``None`` (and nothing
        appended) if a cell is not published text.

        The published text is kept, joined by commas. ``float()`` and Arrow
        would also read ``" 5"``, ``"1e3"``, ``"nan"``, ``"-5"`` or ``"5."``,
        which BLS never publishes, so every cell is checked to be ``-`` or a
        number as :data:`~.figures.NUMBER` has it (digits, and a point only
        between digits), a whole column at a time: without its digits the
        text may hold only commas, one ``-`` for each ``-`` cell, and points
        never two in a value nor at a value's start or end. (Scanning the
        cells themselves costs more than these byte searches: comparing a
        text to ``None`` is slow.)
        """
        if not cells:
            return ()
        texts = cells
        markers: tuple[str | None, ...] = ()
        try:
            joined = ",".join(texts)  # type: ignore[arg-type]
        except TypeError:  # a None (no text upstream), or no text at all
            texts = tuple(map(_NO_TEXT.get, cells, cells))
            markers = (None,)
            try:
                joined = ",".join(texts)  # type: ignore[arg-type]
            except TypeError:
                return None
        try:
            text = joined.encode("ascii")
        except UnicodeEncodeError:
            return None
        dashes = cells.count("-")
        marks = text.translate(None, _DIGITS)  # commas, points and dashes
        if (
            marks.translate(None, b".,") != b"-" * dashes
            or b".." in marks
            or b",," in text
            or b",." in text
            or b".," in text
            or text.startswith((b",", b"."))
            or text.endswith((b",", b"."))
            or not text
        ):
            return None
        n = len(cells)
        if self.text:
            self.text += b","
        self.text += text
        self.valid += b"\x01" * n
        self.statuses.frombytes(bytes([_RELEASED]) * n)
        self.footnotes.frombytes(b"\xff" * n)  # -1: no footnote
        self.bound_codes.frombytes(b"\xff" * n)
        return ("-", *markers) if dashes else markers

    def mark(self, row: int, status: int, footnote: int, bound: float | None) -> None:
        """A cell that is not a plain released number."""
        self.statuses[row] = status
        self.footnotes[row] = footnote
        if status != _RELEASED:
            self.valid[row] = 0
        if bound is not None:
            if bound not in self.bounds:
                self.bounds.append(bound)
            self.bound_codes[row] = self.bounds.index(bound)


class _Estimates:
    """The growing columns of the estimates table, many OEWS files at a time."""

    def __init__(self, src: Sources, occupations: Sequence[WageOccupation]) -> None:
        self.occupations = occupations
        self.footnotes = src.footnotes()
        self.notes = tuple(dict.fromkeys(self.footnotes.values()))
        self.note_code = {text: i for i, text in enumerate(self.notes)}
        self.areas = tuple(src.areas().by_code.values())
        self.area_code = {a.code: i for i, a in enumerate(self.areas)}
        self.figures = [_FigureColumns() for _ in DATATYPE_FIELDS]
        self.occ_rows, self.area_rows = array("h"), array("h")
        self.classified: dict[tuple[str, str | None, str | None], tuple[int, int, float | None]]
        self.classified = {}

    def file_of(self, row: int) -> str:
        return f"oews/{self.occupations[self.occ_rows[row]].code}.json.gz"

    def classify(
        self, datatype: str, text: str | None, footnote: object, row: int
    ) -> tuple[int, int, float | None]:
        """(status code, footnote code, lower bound) of a cell, as :func:`parse_figure`
        decides (``text`` is ``"-"``, ``None``, or ``"0"`` standing for a number)."""
        if footnote is not None and not isinstance(footnote, str):
            name = self.file_of(row)
            raise DataIntegrityError(f"{name}: footnote code {footnote!r}", resource=name)
        key = (datatype, text, footnote)
        found = self.classified.get(key)
        if found is None:
            fig = parse_figure(datatype, text, footnote, self.footnotes, self.file_of(row))
            note = -1 if fig.footnote is None else self.note_code[fig.footnote]
            found = (_STATUSES.index(fig.status.value), note, fig.lower_bound)
            self.classified[key] = found
        return found

    def add(self, occupation: int, rows: list[Any]) -> None:
        """Rows of the ``occupation``-th occupation (checked by :func:`_oews_rows`)."""
        self.occ_rows.extend(array("h", [occupation]) * len(rows))
        self.area_rows.extend(map(self.area_code.__getitem__, map(itemgetter(0), rows)))

    def convert(self, rows: list[Any]) -> None:
        """Convert the values of the last ``len(rows)`` rows added, a column at a time.

        Many files at once: the per-call cost of a column's conversion is
        paid once for thousands of rows, not for each file's few hundred.
        """
        if not rows:
            return
        start = len(self.occ_rows) - len(rows)
        notes = list(map(itemgetter(2), rows))
        columns = list(zip(*map(itemgetter(1), rows), strict=True))
        footnoted = 0  # footnotes of cells without a number
        for datatype, cells, target in zip(DATATYPE_FIELDS, columns, self.figures, strict=True):
            markers = target.grow(cells)
            if markers is None:
                name = self.file_of(start + _first_unpublished(cells))
                raise DataIntegrityError(
                    f"packaged resource {name!r} holds a value that is not published OEWS text",
                    resource=name,
                )
            for marker in markers:
                footnoted += self.mark_all(
                    target, datatype, marker, cells, notes=notes, start=start
                )
        if sum(map(len, notes)) == footnoted:
            return  # no footnote on a released number, none of an unknown datatype
        for j in compress(range(len(rows)), notes):  # the rows with footnotes
            for datatype, footnote in notes[j].items():
                i = DATATYPE_INDEX.get(datatype)
                if i is None:
                    name = self.file_of(start + j)
                    raise DataIntegrityError(
                        f"{name} footnotes an unknown datatype {datatype!r}", resource=name
                    )
                if columns[i][j] not in ("-", None):  # a released number with a footnote
                    where = self.classify(datatype, "0", footnote, start + j)
                    self.figures[i].mark(start + j, *where)

    def mark_all(
        self,
        target: _FigureColumns,
        datatype: str,
        marker: str | None,
        cells: tuple[str | None, ...],
        *,
        notes: list[dict[str, object]],
        start: int,
    ) -> int:
        """Mark every ``marker`` cell (``-`` or ``None``) of a column, and count those
        with a footnote; about 140,000 cells in all, so :meth:`_FigureColumns.mark`
        is inlined here."""
        classified = self.classified
        statuses, footnotes, valid = target.statuses, target.footnotes, target.valid
        noted = 0
        for j in _positions(cells, marker):
            footnote = notes[j].get(datatype)
            noted += footnote is not None
            found = classified.get((datatype, marker, footnote))  # type: ignore[arg-type]
            if found is None:
                found = self.classify(datatype, marker, footnote, start + j)
            row = start + j
            status, statuses[row], footnotes[row] = found[0], found[0], found[1]
            if status != _RELEASED:
                valid[row] = 0
            if found[2] is not None:
                target.mark(row, *found)
        return noted

    def column(self, spec: Spec, occupations: Sequence[WageOccupation]) -> Column:
        """The column of one :class:`Estimate` column spec."""
        head, part = spec.path[0], spec.path[-1]
        if head == "occupation":
            return _looked_up(spec, occupations, self.occ_rows)
        if head == "area":
            return _looked_up(spec, self.areas, self.area_rows)
        fig = self.figures[DATATYPE_INDEX[_DATATYPE_OF[head]]]
        if part == "value":
            return Column(spec.name, "float", fig.text, encoding="text", valid=fig.valid)
        if part == "status":
            return Column(spec.name, "category", fig.statuses, encoding="coded", labels=_STATUSES)
        if part == "footnote":
            return Column(spec.name, "str", fig.footnotes, encoding="coded", labels=self.notes)
        if part == "lower_bound":
            labels = tuple(fig.bounds)
            return Column(spec.name, "float", fig.bound_codes, encoding="coded", labels=labels)
        raise AssertionError(f"no estimate column for {spec}")


#: The OEWS datatype of each Estimate figure.
_DATATYPE_OF = {field_name: datatype for datatype, field_name in DATATYPE_FIELDS.items()}


#: Rows converted at a time (about 5 MB of decoded JSON).
BATCH_ROWS = 4_096


def estimates(
    src: Sources, occupations: Sequence[WageOccupation], areas: Sequence[Area] | None
) -> Table:
    """Every cross-industry estimate of ``occupations`` (in ``areas``, or all), by
    occupation code then area code: the columns of :class:`Estimate`."""
    wanted = None if areas is None else {a.code for a in areas}
    built = _Estimates(src, occupations)
    pending: list[Any] = []
    with collector_paused():
        for k, occ in enumerate(occupations):
            rows = _oews_rows(src, occ.code, built.area_code)
            if wanted is not None:
                rows = [r for r in rows if r[0] in wanted]
            built.add(k, rows)
            pending += rows
            if len(pending) >= BATCH_ROWS:
                built.convert(pending)
                pending = []
        built.convert(pending)
    return Table("estimates", (built.column(spec, occupations) for spec in schema(Estimate)))


def _looked_up(spec: Spec, records: Sequence[object], rows: array[int]) -> Column:
    """A column of an attribute of the record each row points to (an area's name):
    coded by the record's index (the ``rows`` array itself), a category by its label."""
    values = spec.values(records, 1)
    if spec.labels is None:
        return Column(spec.name, spec.kind, rows, encoding="coded", labels=tuple(values))
    position = {label: i for i, label in enumerate(spec.labels)}
    codes = [-1 if v is None else position[v] for v in values]
    data = array("b", map(codes.__getitem__, rows))
    return Column(spec.name, spec.kind, data, encoding="coded", labels=spec.labels)


# --------------------------------------------------------------------------
# O*NET ratings


def onet_document(src: Sources, occ: Occupation) -> dict[str, Any]:
    name = f"onet/{occ.code}.json.gz"
    data = decode_json(name, src.store.read_document(name))
    if not isinstance(data, dict) or data.get("code") != occ.code:
        raise DataIntegrityError(f"{name} is not the O*NET file of {occ.code}", resource=name)
    return data


def ratings(
    src: Sources, occupations: Sequence[Occupation], domains: Sequence[RatingDomain]
) -> Table:
    """Every rating of ``occupations`` in ``domains``, in the profiles' order (occupation,
    domain, element id): the columns of a :class:`RatingSection` after the occupation's."""
    from .._store.converter import structure
    from .._store.schema import RatingsRecord

    element = src.elements().__getitem__
    specs = schema(Rating)
    found: list[list[Any]] = [[] for _ in specs]
    codes: list[str] = []
    titles: list[str] = []
    with collector_paused():
        for occ in occupations:
            name = f"onet/{occ.code}.json.gz"
            record = structure(onet_document(src, occ)["ratings"], RatingsRecord, name)
            for domain in domains:
                rated = section(domain, getattr(record, domain), element).ratings
                codes += [occ.code] * len(rated)
                titles += [occ.title] * len(rated)
                for spec, values in zip(specs, found, strict=True):
                    values.extend(spec.values(rated))
    own = (Column("occupation_code", "str", codes), Column("occupation_title", "str", titles))
    return Table(
        "ratings",
        (
            *own,
            *(
                Column(s.name, s.kind, v, labels=s.labels)
                for s, v in zip(specs, found, strict=True)
            ),
        ),
    )
