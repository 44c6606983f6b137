"""The OEWS column encoding: released texts as integers at fixed decimals, annual
wages against their hourly wages, decoded by the build's and the library's code."""

from __future__ import annotations

from typing import Any

import pytest

from databuild import packs
from databuild.oews import OewsError
from occprofile._store.oews_columns import DATATYPES, Block, BlockRows, Values, render
from occprofile._store.schema import OewsKind, OewsValuesFile
from occprofile.errors import DataIntegrityError

AREAS = ("0000000", "0100000", "0200000")


@pytest.mark.parametrize(
    ("text", "datatype", "number"),
    [("741990", "01", 741990), ("0", "01", 0), ("1.0", "02", 10), ("24.94", "03", 2494),
     ("0.05", "03", 5), ("51870", "04", 51870), ("1.234", "16", 1234), ("0.57", "17", 57)],
)  # fmt: skip
def test_a_released_text_is_its_integer_at_the_datatypes_decimals(
    text: str, datatype: str, number: int
) -> None:
    assert packs.number(text, datatype) == number
    assert packs.text_of(number, datatype) == text
    assert render(number, packs.DECIMALS[datatype]) == text


@pytest.mark.parametrize(
    ("text", "datatype"),
    [("24.9", "03"), ("24.940", "03"), ("24", "03"), ("940.0", "01"), ("0940", "01"),
     ("1e3", "01"), (" 5", "01"), ("nan", "01"), ("-5", "01"), ("", "01"), ("5-3", "01"),
     ("5.0.1", "02"), ("5.", "02"), (".5", "02"), ("00.5", "02"), ("\uff11\uff12", "01")],
)  # fmt: skip
def test_the_build_refuses_a_text_not_canonical_at_its_decimals(text: str, datatype: str) -> None:
    with pytest.raises(OewsError, match=f"datatype {datatype}"):
        packs.number(text, datatype)
    document: Any = {"code": "43-6013", "estimates": [["0000000", [text if d == datatype else "1"
                for d in DATATYPES], {}]]}  # fmt: skip
    with pytest.raises(OewsError):
        packs.values_document({"oews.pack/43-6013": document})


def _row(area: str, hourly: str | None, annual: str | None) -> list[object]:
    values: list[str | None] = ["1"] * 17
    values[1] = values[4] = "1.0"  # the relative standard errors
    values[15] = "1.000"  # the location quotient
    values[16] = "1.00"  # jobs per 1,000
    for h, a in ((2, 3), (5, 10), (6, 11), (7, 12), (8, 13), (9, 14)):
        values[h], values[a] = hourly, annual
    return [area, values, {} if hourly is not None else {"03": "4"}]


def test_annual_wages_round_trip_against_their_hourly_wages() -> None:
    """Stored as the difference from hourly * 2,080 (rounded half up): a wage BLS
    rounded the other way, one without an hourly wage, and one not released."""
    document: Any = {
        "code": "43-6013",
        "estimates": [
            _row("0000000", "24.94", "51870"),  # 24.94 * 2080 = 51875.2: BLS's 51870
            _row("0100000", None, "239200"),  # an annual-only wage
            _row("0200000", "10.00", "-"),
        ],
    }
    values = packs.values_document({"oews.pack/43-6013": document})
    block = packs.BlockEncoder(values, AREAS).block(document)
    assert packs.decode_block("43-6013", block, values, AREAS) == document
    listed: Any = values
    kinds = tuple((k[0], k[1]) for k in listed["kinds"])
    decoded = Values(OewsValuesFile(kinds, dict(packs.DECIMALS)), "oews_values.json.gz")
    index = {a: i for i, a in enumerate(AREAS)}
    rows = BlockRows(Block("oews.pack/43-6013", block, 3, decoded), AREAS, index, decoded)
    expected = [tuple(r) for r in document["estimates"]]
    assert [(a, list(v), n) for a, v, n in rows.values()] == [(a, v, n) for a, v, n in expected]
    assert rows["0100000"][1][3] == "239200"
    again = BlockRows(Block("oews.pack/43-6013", block, 3, decoded), AREAS, index, decoded)
    assert again["0000000"][1][3] is rows["0000000"][1][3]  # one str a distinct value


def _decoded_values() -> Values:
    kinds: tuple[OewsKind, ...] = (("number", None), ("-", None))
    return Values(OewsValuesFile(kinds, dict(packs.DECIMALS)), "oews_values.json.gz")


def test_an_annual_wage_beyond_32_bits_is_an_integrity_error() -> None:
    """No build stores one (an hourly wage of 4 bytes is $167,772 an hour); checked when
    the block is read, where a column is that wide."""
    widths = [1] * 17
    widths[2] = 4  # the hourly mean: 2**32 - 1 cents, its annual mean past 2**32
    data = (
        (1).to_bytes(4, "little")
        + bytes(widths)
        + b"\x00\x00"
        + b"".join(b"\xff" * w if i == 2 else b"\x01" for i, w in enumerate(widths))
        + bytes(17)
    )
    with pytest.raises(DataIntegrityError, match="annual wage of datatype 04 is out of range"):
        Block("oews.pack/43-6013", data, 3, _decoded_values())
    widths[2] = 3  # 2**24 - 1 cents: an absurd wage, but its annual one fits
    data = data[:4] + bytes(widths) + data[21:23] + b"\xff" * 3 + data[27:]
    block = Block("oews.pack/43-6013", data, 3, _decoded_values())
    assert block.column(3)[0] == block.number(3, 0) == (2**24 - 1) * 208 // 10 + 1 - 128


def test_a_cell_read_alone_is_the_cell_of_the_decoded_columns() -> None:
    """A first lookup reads one row's bytes without decoding the block's columns: every
    cell of a shipped block (annual wages included) is the same either way."""
    import occprofile as op

    store = op.Dataset()._src.store
    for code in ("43-6013", "29-1141", "00-0000", "25-2021"):
        alone = store.oews_block(code, len(op.Dataset()._src.area_codes()))
        decoded = store.oews_block(code, len(op.Dataset()._src.area_codes()))
        columns = [decoded.column(i) for i in range(len(DATATYPES))]
        assert alone._stored is None  # nothing decoded yet
        cells = [[alone.number(i, j) for j in range(alone.n)] for i in range(len(DATATYPES))]
        assert alone._stored is None
        assert cells == [list(c) for c in columns]
