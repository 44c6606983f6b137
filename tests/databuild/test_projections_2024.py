"""The BLS 2024-34 projections reader (databuild.projections_2024) and its check of the
2020-30 -> 2024-34 code changes.

Most tests write a tiny Table 1.2 workbook into `tmp_path`; the tests marked
`upstream` re-read the real workbook in ../shared/data, every row, and compare it
with the committed projections_2024_34.json.gz.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from databuild import projections_2024 as p24
from databuild.sources import EP_2024_DIR, InputLog
from databuild.writer import Json, rows_of
from tests.databuild.helpers import committed
from tests.helpers import obj


def _packaged_rows() -> list[dict[str, Json]]:
    """The committed 2024-34 entries (stored as columns), a dict each."""
    return rows_of(obj(committed("projections_2024_34.json.gz"))["projections"], "projections")


HEADER = [
    p24.TITLE,
    p24.CODE,
    p24.TYPE,
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024\u201334",
    "Employment change, percent, 2024\u201334",
    "Percent self employed, 2024",
    "Occupational openings, 2024\u201334 annual average",
    p24.WAGE_COLUMN,
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
]
DASH = "\u2014"
#: Rows as the workbook has them (numbers as numbers), a summary row over two details.
SUMMARY = ["  Secretaries and administrative assistants", "43-6010", "Summary"]
MEDICAL = [
    "      Medical secretaries and administrative assistants",
    "43-6013",
    "Line item",
    850,
    885.3,
    0.5,
    0.5,
    35.3,
    4.2,
    0,
    85.9,
    44640,
    "High school diploma or equivalent",
    "None",
    "Moderate-term on-the-job training",
    "OOH Content",
]
#: The entry requirements of 43-6013 (the same in 2020-30), key by key.
ENTRY_KEYS = (
    "education",
    "education_code",
    "experience",
    "experience_code",
    "training",
    "training_code",
)
ENTRY = ("High school diploma or equivalent", 7, "None", 4, "Moderate-term on-the-job training", 4)
CODES = {
    "education": {"High school diploma or equivalent": 7, "Doctoral or professional degree": 1},
    "experience": {"None": 4},
    "training": {"Moderate-term on-the-job training": 4, "Internship/residency": 1},
}


def row(base: list[Any], **changes: Any) -> list[Any]:
    """`base` with cells changed by column key (code=..., wage=..., self_employed=...)."""
    at = {"title": 0, "code": 1, "kind": 2, "employment": 3, "self_employed": 9, "wage": 11}
    out = list(base)
    for key, value in changes.items():
        out[at[key]] = value
    return out


def write_workbook(source: Path, rows: list[list[Any]], title: str | None = None) -> Path:
    """Table 1.2 as BLS lays it out: a title row, the header, the rows, footnotes."""
    path = source / EP_2024_DIR / p24.EP_2024_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = p24.SHEET
    sheet.append([title or p24.TITLE_PREFIX + ", 2024 (Employment in thousands)"])
    sheet.append(HEADER)
    for cells in rows:
        sheet.append([*cells, *[DASH] * (len(HEADER) - len(cells))])
    sheet.append(["Footnotes:"])
    sheet.append(["Source: Employment Projections program, U.S. Bureau of Labor Statistics"])
    book.save(path)
    return path


def read(source: Path) -> p24.Projections2024:
    return p24.read_projections_2024(source, InputLog(source), CODES)


def anesthesiologists() -> list[Any]:
    cells = row(MEDICAL, code="29-1211", wage=">=$239,200", self_employed=DASH)
    cells[0] = "      Anesthesiologists"
    cells[12], cells[14] = "Doctoral or professional degree", "Internship/residency"
    return cells


def test_reads_detailed_rows_as_the_workbook_shows_them(tmp_path: Path) -> None:
    secretaries = row(MEDICAL, code="43-6014", employment=1693.8)
    path = write_workbook(tmp_path, [SUMMARY, MEDICAL, secretaries, anesthesiologists()])
    log = InputLog(tmp_path)
    result = p24.read_projections_2024(tmp_path, log, CODES)

    assert [obj(r)["code"] for r in result.rows] == ["29-1211", "43-6013", "43-6014"]
    assert obj(result.rows[1]) == {
        "code": "43-6013",
        "title": "Medical secretaries and administrative assistants",
        "employment_2024": "850.0",
        "employment_2034": "885.3",
        "change": "35.3",
        "percent_change": "4.2",
        "percent_self_employed": "0.0",
        "openings": "85.9",
        "median_wage": "44,640",
        **dict(zip(ENTRY_KEYS, ENTRY, strict=True)),
    }
    assert obj(result.rows[2])["employment_2024"] == "1,693.8"
    top = obj(result.rows[0])
    assert (top["median_wage"], top["percent_self_employed"]) == (">=$239,200", DASH)
    assert (top["education_code"], top["training_code"]) == (1, 1)
    assert result.summary_codes == ["43-6010"]
    assert result.children == {"43-6010": ["43-6013", "43-6014", "29-1211"]}
    assert [(f.path, f.rows) for f in log.files()] == [(f"{EP_2024_DIR}/{path.name}", 4)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"employment": 850.05}, "more than 1 decimals"),
        ({"employment": "850.0"}, "is not a number"),
        ({"employment": DASH}, "is not a number"),  # only percent self-employed may be —
        ({"wage": 44640.5}, "median wage 44640.5"),
        ({"wage": "> $239,200"}, "median wage"),
        ({"code": "43-601"}, "unexpected code"),
        ({"kind": "Detail"}, "unexpected type"),
    ],
)
def test_rejects_what_it_cannot_keep_exactly(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    write_workbook(tmp_path, [row(MEDICAL, **changes)])
    with pytest.raises(p24.Projections2024Error, match=message):
        read(tmp_path)


def test_rejects_unknown_categories_titles_and_duplicates(tmp_path: Path) -> None:
    unknown = list(MEDICAL)
    unknown[12] = "Some college"
    write_workbook(tmp_path, [unknown])
    with pytest.raises(p24.Projections2024Error, match="not a category of the 2020-30 table"):
        read(tmp_path)
    write_workbook(tmp_path, [MEDICAL, MEDICAL])
    with pytest.raises(p24.Projections2024Error, match="43-6013 appears twice"):
        read(tmp_path)
    write_workbook(tmp_path, [MEDICAL], title="Table 1.3 Fastest growing occupations")
    with pytest.raises(p24.Projections2024Error, match="title is not"):
        read(tmp_path)


def test_decimal_text() -> None:
    assert [p24.decimal_text(v, "x") for v in (0, -0.0, 5, -156.9, 3712.9)] == [
        "0.0",
        "0.0",
        "5.0",
        "-156.9",
        "3,712.9",
    ]
    with pytest.raises(p24.Projections2024Error):
        p24.decimal_text(True, "x")


def test_category_codes_come_from_the_2020_30_rows() -> None:
    rows: list[Any] = [
        {"education": "A", "education_code": 1, "experience": "B", "experience_code": 2,
         "training": "C", "training_code": 3},
        {"education": "A", "education_code": 1, "experience": "B", "experience_code": 2,
         "training": "D", "training_code": 4},
    ]  # fmt: skip
    assert p24.category_codes(rows) == {
        "education": {"A": 1},
        "experience": {"B": 2},
        "training": {"C": 3, "D": 4},
    }
    rows[1]["education_code"] = 5
    with pytest.raises(p24.Projections2024Error, match="'A' has codes 1, 5"):
        p24.category_codes(rows)


def _projected(codes: list[str], children: dict[str, list[str]]) -> p24.Projections2024:
    return p24.Projections2024([{"code": c} for c in codes], [], children)


def test_check_recoded_accepts_the_curated_changes() -> None:
    crosswalk = {"15-1256": ["15-1252", "15-1253"], "29-2040": ["29-2042", "29-2043"]}
    new = _projected(
        ["11-1011", "15-1252", "15-1253", "29-2042", "29-2043"],
        {"29-2040": ["29-2042", "29-2043"], "15-1250": ["15-1252", "15-1253"]},
    )
    assert p24.check_recoded(crosswalk, ["11-1011", "15-1256", "29-2040"], new) == []


def test_check_recoded_lists_every_problem() -> None:
    crosswalk = {"15-1256": ["15-1252", "15-1253"], "29-2040": ["29-2042", "29-2043"]}
    new = _projected(
        ["15-1252", "15-1256", "29-2042", "29-9999", "53-3051"],
        {"29-2040": ["29-2042", "29-9999"]},
    )
    assert p24.check_recoded(crosswalk, ["11-1011", "15-1256", "29-2040"], new) == [
        "2020-30 code 11-1011 is not in 2024-34 and not a curated combined code",
        "combined code 15-1256 is still a 2024-34 detailed code",
        "2024-34 code 29-9999 is new but not a part of a curated combined code",
        "2024-34 code 53-3051 is new but not a part of a curated combined code",
        "part 15-1253 is not a 2024-34 detailed code",
        "part 29-2043 is not a 2024-34 detailed code",
        "2024-34 summary row 29-2040 holds ['29-2042', '29-9999'], "
        "curated parts are ['29-2042', '29-2043']",
    ]


# -- the real workbook ------------------------------------------------------------------


def _shown(cell: object, digits: int) -> str:
    """A cell as Excel shows it with `#,##0.0` / `#,##0` (independent of the build)."""
    if isinstance(cell, str):
        return cell
    assert isinstance(cell, int | float)
    return format(float(cell) + 0.0, f",.{digits}f")


@pytest.fixture(scope="module")
def table_1_2(upstream: Path) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(
        upstream / EP_2024_DIR / "occupation.xlsx", read_only=True, data_only=True
    )
    try:
        return list(book["Table 1.2"].iter_rows(values_only=True))
    finally:
        book.close()


@pytest.mark.upstream
def test_every_detailed_row_is_packaged_as_shown(table_1_2: list[tuple[Any, ...]]) -> None:
    header = [str(c) for c in table_1_2[1]]
    assert header == HEADER
    body = [r for r in table_1_2[2:] if r[2] in ("Line item", "Summary")]
    detailed = {str(r[1]): r for r in body if r[2] == "Line item"}
    assert (len(detailed), len(body) - len(detailed)) == (832, 281)
    packaged = {str(p["code"]): p for p in _packaged_rows()}
    assert sorted(packaged) == sorted(detailed)
    columns = {
        "employment_2024": 3,
        "employment_2034": 4,
        "change": 7,
        "percent_change": 8,
        "percent_self_employed": 9,
        "openings": 10,
    }
    for code, cells in detailed.items():
        entry = packaged[code]
        assert entry["title"] == str(cells[0]).strip()
        for key, at in columns.items():
            assert entry[key] == _shown(cells[at], 1), (code, key)
        assert entry["median_wage"] == _shown(cells[11], 0), code
        assert (entry["education"], entry["experience"], entry["training"]) == cells[12:15]
    wages = [str(obj(p)["median_wage"]) for p in packaged.values()]
    assert (wages.count(">=$239,200"), wages.count(DASH)) == (17, 6)
    assert [str(p["percent_self_employed"]) for p in packaged.values()].count(DASH) == 199


@pytest.mark.upstream
def test_detailed_rows_add_up_to_the_published_total(table_1_2: list[tuple[Any, ...]]) -> None:
    """The 832 packaged rows are the whole economy: they sum to Total, all occupations
    (169,956.1 -> 175,167.9 thousand, as in the BLS news release), within rounding."""
    total = next(r for r in table_1_2 if r[1] == "00-0000")
    assert total[3:5] == (169956.1, 175167.9)
    rows = _packaged_rows()
    for key, published in (("employment_2024", 169956.1), ("employment_2034", 175167.9)):
        packaged = sum(float(str(r[key]).replace(",", "")) for r in rows)
        assert packaged == pytest.approx(published, rel=2e-5)


@pytest.mark.upstream
def test_entry_requirement_codes_are_those_of_2020_30(upstream: Path) -> None:
    path = upstream / "bls-ep-2020-30" / "Employment-Projections_2020-30.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        old = list(csv.DictReader(handle))
    code_of = {
        "education": {r["Typical Entry-Level Education"]: int(r["Education Code"]) for r in old},
        "experience": {
            r["Work Experience in a Related Occupation"]: int(r["Workex Code"]) for r in old
        },
        "training": {r["Typical on-the-job Training"]: int(r["trCode"]) for r in old},
    }
    for entry in _packaged_rows():
        for key, codes in code_of.items():
            assert obj(entry)[f"{key}_code"] == codes[obj(entry)[key]]


@pytest.mark.upstream
def test_the_recoded_codes_are_the_curated_hybrid_codes(
    upstream: Path, table_1_2: list[tuple[Any, ...]]
) -> None:
    """30 codes of 2020-30 are gone from the 2024 matrix, 72 are new: exactly the curated
    combined codes and their parts (the README's 15-1256 -> 15-1252 and 15-1253)."""
    path = upstream / "bls-ep-2020-30" / "Employment-Projections_2020-30.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        old = {r["Occupation Code"].strip('="') for r in csv.DictReader(handle)}
    new = {str(r[1]) for r in table_1_2 if r[2] == "Line item"}
    curated = json.loads(
        (Path(p24.__file__).parent / "curated" / "soc_2019_hybrid.json").read_text()
    )["combined"]
    assert (len(old - new), len(new - old)) == (30, 72)
    assert old - new == set(curated)
    assert new - old == {part for parts in curated.values() for part in parts}
    assert curated["15-1256"] == ["15-1252", "15-1253"]
