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

import struct
from array import array
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import itemgetter, truediv
from typing import TYPE_CHECKING, Any, NamedTuple

from .._columns import Column, Spec, schema
from .._matching.text import gc_paused
from .._record import Table
from .._store.layout import onet_shard
from .._store.oews_columns import HOURLY_OF, MARKERS, NUMBER, UINT32, annual_wages
from .._store.resources import decode_json
from ..errors import DataIntegrityError
from ..models import Estimate, Occupation, Rating, Status
from .figures import DATATYPE_FIELDS, DATATYPE_INDEX, parse_figure
from .profiles import section

if TYPE_CHECKING:
    from ..models import Area, RatingDomain, WageOccupation
    from .sources import Sources

# --------------------------------------------------------------------------
# OEWS estimates

_STATUSES = tuple(s.value for s in Status)
_RELEASED = _STATUSES.index(Status.RELEASED.value)


class _Estimates:
    """The estimates table's columns, gathered from the OEWS column blocks.

    A block already holds each cell as an integer and a kind, so nothing is
    done a cell in Python: the blocks' arrays are concatenated, each value
    column is its integers divided by ten to the datatype's decimals (a
    correctly rounded division: the float of the published text exactly),
    with no text rendered, and a cell's status, footnote and
    lower bound are its kind's, mapped a whole column at a time with
    ``bytes.translate`` (:func:`~.figures.parse_figure` decides them, once a kind).
    """

    def __init__(self, src: Sources) -> None:
        self.values = src.store.oews_values()
        self.footnotes = src.footnotes()
        self.notes = tuple(dict.fromkeys(self.footnotes.values()))
        self.area_codes = src.area_codes()
        self.areas = tuple(src.areas().by_code.values())
        self.occ_rows, self.area_rows = array("h"), array("h")
        self.numbers = [array(UINT32) for _ in DATATYPE_FIELDS]
        self.kinds = [bytearray() for _ in DATATYPE_FIELDS]

    def add(self, src: Sources, occupation: int, code: str, wanted: set[int] | None) -> None:
        """The rows of ``code`` (the ``occupation``-th), those of ``wanted`` areas only
        if given."""
        block = src.store.oews_block(code, len(self.area_codes))
        numbers, kinds, areas = block.stored, block.kinds, block.areas
        if wanted is not None:
            keep = [j for j, a in enumerate(areas) if a in wanted]
            pick = itemgetter(*keep) if len(keep) > 1 else None

            def chosen(column: Sequence[int]) -> list[int]:
                return list(pick(column)) if pick else [column[j] for j in keep]

            areas = array("H", chosen(areas))
            numbers = [array(UINT32, chosen(c)) for c in numbers]
            kinds = [bytes(chosen(k)) for k in kinds]
        self.occ_rows.extend(array("h", [occupation]) * len(areas))
        self.area_rows.frombytes(areas.tobytes())  # area indexes < 32,768: the same bytes
        for i in range(len(DATATYPE_FIELDS)):
            self.numbers[i].extend(numbers[i])
            self.kinds[i] += kinds[i]

    def column(self, spec: Spec, occupations: Sequence[WageOccupation]) -> Column:
        """The column of one :class:`Estimate` column spec."""
        head, part = spec.path[0], spec.path[-1]
        if head == "occupation":
            return _looked_up(spec, occupations, self.occ_rows)
        if head == "area":
            return _looked_up(spec, self.areas, self.area_rows)
        datatype = _DATATYPE_OF[head]
        i = DATATYPE_INDEX[datatype]
        if part == "value":
            valid = self.kinds[i].translate(self._table(datatype, lambda f: f.valid))
            numbers = self._numbers(i, valid)
            decimals = self.values.decimals[i]
            return Column(
                spec.name, "float", numbers, encoding="masked", valid=valid, decimals=decimals
            )
        if part == "status":
            statuses = self._coded(i, datatype, lambda f: f.status)
            return Column(spec.name, "category", statuses, encoding="coded", labels=_STATUSES)
        if part == "footnote":
            notes = self._coded(i, datatype, lambda f: f.note)
            return Column(spec.name, "str", notes, encoding="coded", labels=self.notes)
        if part == "lower_bound":
            bounds = self._coded(i, datatype, lambda f: f.bound)
            labels = self._bounds(datatype)
            return Column(spec.name, "float", bounds, encoding="coded", labels=labels)
        raise AssertionError(f"no estimate column for {spec}")

    def _numbers(self, i: int, valid: bytes | bytearray) -> array[float]:
        """Datatype ``i``'s values as floats: ``n / 10**decimals``, an int by an int
        (correctly rounded, so ``float()`` of the published text exactly); an annual
        wage decoded against its hourly wage, its null slot (its hourly wage's base)
        set to 0."""
        numbers = self.numbers[i]
        hourly = HOURLY_OF.get(i)
        if hourly is not None:
            numbers = annual_wages(self.numbers[i], self.numbers[hourly], valid)
        return _floats(numbers, self.values.decimals[i])

    def _coded(self, i: int, datatype: str, which: Callable[[_Kind], int]) -> array[int]:
        found = array("b")
        found.frombytes(self.kinds[i].translate(self._table(datatype, which)))
        return found

    def _table(self, datatype: str, which: Callable[[_Kind], int]) -> bytes:
        """A ``bytes.translate`` table: a cell kind -> its code (-1: 0xff) for ``datatype``."""
        kinds = self._kinds(datatype)
        return bytes(which(k) & 0xFF for k in kinds) + bytes(256 - len(kinds))

    def _kinds(self, datatype: str) -> list[_Kind]:
        """What each cell kind means for ``datatype``: the figure parse_figure makes."""
        found = []
        bounds = self._bounds(datatype)
        for value, footnote in self.values.kinds:
            text = "0" if value == NUMBER else MARKERS[value]  # "0" standing for a number
            fig = parse_figure(datatype, text, footnote, self.footnotes, VALUES)
            status = _STATUSES.index(fig.status.value)
            note = -1 if fig.footnote is None else self.notes.index(fig.footnote)
            bound = -1 if fig.lower_bound is None else bounds.index(fig.lower_bound)
            found.append(_Kind(status, int(status == _RELEASED), note, bound))
        return found

    def _bounds(self, datatype: str) -> tuple[float, ...]:
        """The lower bounds the kinds give ``datatype`` (one a unit: hourly or annual)."""
        found: list[float] = []
        for value, footnote in self.values.kinds:
            text = "0" if value == NUMBER else MARKERS[value]
            bound = parse_figure(datatype, text, footnote, self.footnotes, VALUES).lower_bound
            if bound is not None and bound not in found:
                found.append(bound)
        return tuple(found)


def _floats(numbers: array[int], decimals: int) -> array[float]:
    """``n / 10**decimals`` for each ``n``: an int by an int, correctly rounded (the
    float of the published text exactly), as ``array("d")``.

    Packed by ``struct`` in one call and read as the array's bytes: an array made
    from values parses each one as a call argument, twice the work. Whole numbers are
    packed as they are, exactly (every one is below 2**53).
    """
    found = array("d")
    if decimals == 0:
        found.frombytes(struct.pack(f"{len(numbers)}d", *numbers))
    else:
        scale = repeat(10**decimals)
        found.frombytes(struct.pack(f"{len(numbers)}d", *map(truediv, numbers, scale)))
    return found


class _Kind(NamedTuple):
    status: int
    valid: int
    note: int
    bound: int


#: The resource the cell kinds come from (named by errors about them).
VALUES = "oews_values.json.gz"

#: The OEWS datatype of each Estimate figure.
_DATATYPE_OF = {field_name: datatype for datatype, field_name in DATATYPE_FIELDS.items()}


def estimates(
    src: Sources, occupations: Sequence[WageOccupation], areas: Sequence[Area] | None
) -> Table:
    """Every cross-industry estimate of ``occupations`` (in ``areas``, or all), by
    occupation code then area code: the columns of :class:`Estimate`."""
    built = _Estimates(src)
    wanted = None
    if areas is not None:
        position = {code: i for i, code in enumerate(built.area_codes)}
        wanted = {position[a.code] for a in areas}
    with gc_paused():  # the blocks' arrays hold no reference cycles
        for k, occ in enumerate(occupations):
            built.add(src, k, occ.code, wanted)
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
    name = onet_shard(occ.code)
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
    with gc_paused():
        for occ in occupations:
            name = onet_shard(occ.code)
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
