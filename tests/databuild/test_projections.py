"""The BLS 2020-30 projections reader (databuild.projections).

Most tests feed the reader a tiny CSV written into `tmp_path`; the test marked
`upstream` checks the real file's header in ../shared/data.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from databuild import projections
from databuild.sources import EP_DIR, InputLog, sha256_file
from databuild.writer import rows_of
from tests.helpers import obj

#: The first line of bls-ep-2020-30/Employment-Projections_2020-30.csv, verbatim.
EP_HEADER = (
    '"Occupation Title","Occupation Code","Employment 2020","Employment 2030",'
    '"Employment Change, 2020-2030","Employment Percent Change, 2020-2030",'
    '"Occupational Openings, 2020-2030 Annual Average","Median Annual Wage 2020",'
    '"Typical Entry-Level Education","Education Code",'
    '"Work Experience in a Related Occupation","Workex Code",'
    '"Typical on-the-job Training","trCode"'
)
EP_COLUMNS = next(csv.reader([EP_HEADER]))
#: The real 43-6013 row, cell by cell.
MEDICAL = dict(
    zip(
        EP_COLUMNS,
        [
            "Medical secretaries and administrative assistants    "
            "* Dental Secretary* Hospital Secretary* Psychiatric Secretary",
            '="43-6013"',
            "611.2",
            "676.1",
            "64.9",
            "10.6",
            "75.2",
            "37,350",
            "High school diploma or equivalent",
            "7",
            "None",
            "4",
            "Moderate-term on-the-job training",
            "4",
        ],
        strict=True,
    )
)


CODE, TITLE, WAGE = "Occupation Code", "Occupation Title", "Median Annual Wage 2020"


def ep_row(changes: dict[str, str] | None = None) -> dict[str, str]:
    """The 43-6013 row with some cells changed."""
    row = dict(MEDICAL)
    for column, value in (changes or {}).items():
        assert column in row, column
        row[column] = value
    return row


def write_projections(source: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    """The projections CSV as BLS exports it: every cell quoted, `\\n` line ends."""
    path = source / EP_DIR / projections.EP_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as handle:
        handle.write(EP_HEADER + "\n")
        out = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for row in rows:
            out.writerow([row[column] for column in EP_COLUMNS])
    return path


def read_one_bad_row(tmp_path: Path, changes: dict[str, str]) -> str:
    """The ProjectionsError message for a file whose second data row has `changes`."""
    second = ep_row({CODE: '="43-6014"', **changes})
    write_projections(tmp_path, [ep_row(), second])
    with pytest.raises(projections.ProjectionsError) as caught:
        projections.read_projections(tmp_path, InputLog(tmp_path))
    return str(caught.value)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "Medical secretaries and administrative assistants    "
            "* Dental Secretary* Hospital Secretary* Psychiatric Secretary",
            (
                "Medical secretaries and administrative assistants",
                ["Dental Secretary", "Hospital Secretary", "Psychiatric Secretary"],
            ),
        ),
        (
            "Acupuncturists and healthcare diagnosing or treating practitioners, all other",
            ("Acupuncturists and healthcare diagnosing or treating practitioners, all other", []),
        ),
        ("  Actors *  * Actor Understudy *", ("Actors", ["Actor Understudy"])),
    ],
    ids=["samples", "no-samples", "empty-samples"],
)
def test_split_title(cell: str, expected: tuple[str, list[str]]) -> None:
    assert projections.split_title(cell) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_read_projections_keeps_the_published_text(tmp_path: Path, encoding: str) -> None:
    rows = [
        ep_row(
            {
                TITLE: "Secretaries and administrative assistants    * School Secretary",
                CODE: '="43-6014"',
                "Employment 2020": "2,053.5",
                "Employment 2030": "1,896.7",
                "Employment Change, 2020-2030": "-156.9",
                "Employment Percent Change, 2020-2030": "-7.6",
            }
        ),
        ep_row(),
        ep_row({TITLE: "Anesthesiologists", CODE: '="29-1211"', WAGE: ">=208,000"}),
        ep_row({TITLE: "Actors", CODE: '="27-2011"', WAGE: "N/A"}),
    ]
    path = write_projections(tmp_path, rows, encoding)
    log = InputLog(tmp_path)
    result = projections.read_projections(tmp_path, log)

    assert [obj(r)["code"] for r in result] == ["27-2011", "29-1211", "43-6013", "43-6014"]
    assert obj(result[2]) == {
        "code": "43-6013",
        "title": "Medical secretaries and administrative assistants",
        "sample_titles": ["Dental Secretary", "Hospital Secretary", "Psychiatric Secretary"],
        "employment_2020": "611.2",
        "employment_2030": "676.1",
        "change": "64.9",
        "percent_change": "10.6",
        "openings": "75.2",
        "median_wage": "37,350",
        "education": "High school diploma or equivalent",
        "education_code": 7,
        "experience": "None",
        "experience_code": 4,
        "training": "Moderate-term on-the-job training",
        "training_code": 4,
    }
    secretaries = obj(result[3])
    assert (secretaries["employment_2020"], secretaries["change"]) == ("2,053.5", "-156.9")
    assert secretaries["percent_change"] == "-7.6"
    assert secretaries["sample_titles"] == ["School Secretary"]
    assert obj(result[1])["median_wage"] == ">=208,000"
    assert obj(result[0])["median_wage"] == "N/A"
    assert obj(result[0])["sample_titles"] == []
    name = f"{EP_DIR}/{projections.EP_FILE}"
    assert [(f.path, f.rows, f.sha256) for f in log.files()] == [(name, 4, sha256_file(path))]
    document = obj(projections.projections_document(result))
    assert rows_of(document["projections"], "projections") == result  # stored as columns


@pytest.mark.parametrize(
    "code",
    ["43-6013", '"43-6013"', '="43-601"', '="436013"', '="43-6013.00"', '="4A-6013"', ""],
)
def test_read_projections_rejects_a_bad_code(tmp_path: Path, code: str) -> None:
    message = read_one_bad_row(tmp_path, {CODE: code})
    assert message == f"{projections.EP_FILE} line 3: unexpected code {code!r}"


@pytest.mark.parametrize("column", list(projections.NUMBER_COLUMNS))
@pytest.mark.parametrize("value", ["1392.2", "1,392", "1,392.25", "1.392,2", "N/A", "", "+5.0"])
def test_read_projections_rejects_a_bad_number(tmp_path: Path, column: str, value: str) -> None:
    message = read_one_bad_row(tmp_path, {column: value})
    assert message == f"{projections.EP_FILE} line 3: {column} is {value!r}, not a number"


@pytest.mark.parametrize(
    "wage", ["37350", "$37,350", "37,350.00", "> 208,000", ">208,000", "n/a", "", "-1"]
)
def test_read_projections_rejects_a_bad_wage(tmp_path: Path, wage: str) -> None:
    message = read_one_bad_row(tmp_path, {WAGE: wage})
    assert message == f"{projections.EP_FILE} line 3: Median Annual Wage 2020 is {wage!r}"


def test_read_projections_rejects_a_duplicate_code(tmp_path: Path) -> None:
    write_projections(tmp_path, [ep_row(), ep_row({CODE: '="43-6014"'}), ep_row()])
    with pytest.raises(projections.ProjectionsError) as caught:
        projections.read_projections(tmp_path, InputLog(tmp_path))
    assert str(caught.value) == f"{projections.EP_FILE} line 4: code 43-6013 appears twice"


@pytest.mark.parametrize("column", ["Education Code", "Workex Code", "trCode"])
def test_read_projections_rejects_a_non_integer_category_code(tmp_path: Path, column: str) -> None:
    message = read_one_bad_row(tmp_path, {column: "seven"})
    assert "line 3" in message


def test_read_projections_rejects_a_truncated_row(tmp_path: Path) -> None:
    path = write_projections(tmp_path, [ep_row()])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n").removesuffix(',"4"') + "\n", encoding="utf-8")
    with pytest.raises(projections.ProjectionsError, match="line 2"):
        projections.read_projections(tmp_path, InputLog(tmp_path))


@pytest.mark.upstream
def test_projections_header_is_the_real_one(upstream: Path) -> None:
    path = upstream / EP_DIR / projections.EP_FILE
    with path.open(encoding="utf-8-sig") as handle:
        assert handle.readline().rstrip("\r\n") == EP_HEADER
