"""Tests of the build's career modules: projections, May 2019 history, SOC changes,
certifications and the similarity matrix.

Most tests feed the readers tiny synthetic sources written into `tmp_path`; the tests
marked `upstream` check the curated files against the real sources in ../shared/data.
"""

from __future__ import annotations

import copy
import csv
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from databuild import (
    certifications,
    history,
    occupations,
    projections,
    similarity,
    soc_changes,
    writer,
)
from databuild.sources import EP_DIR, OES_2019_DIR, InputLog, sha256_file
from databuild.writer import Json
from tests.helpers import REPO_ROOT, lst, obj

COMMITTED = REPO_ROOT / "src" / "occprofile" / "data"
CURATED = REPO_ROOT / "databuild" / "curated"


def committed(path: str) -> Json:
    if not (COMMITTED / path).is_file():
        pytest.fail(f"{COMMITTED / path} is missing; run `python -m databuild`")
    return writer.decode(path, (COMMITTED / path).read_bytes())


def problems_of(error: BaseException, prefix: str) -> list[str]:
    """The `; `-joined problems of an error message that starts with `prefix: `."""
    message = str(error)
    assert message.startswith(prefix + ": "), message
    return message.removeprefix(prefix + ": ").split("; ")


# -- projections ------------------------------------------------------------------------

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
    assert projections.projections_document(result) == {"projections": result}


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


# -- May 2019 national estimates ----------------------------------------------------------

#: The header row of national_M2019_dl.xlsx's `national_M2019_dl` sheet.
OES_HEADER = (
    "area", "area_title", "area_type", "naics", "naics_title", "i_group", "own_code",
    "occ_code", "occ_title", "o_group", "tot_emp", "emp_prse", "jobs_1000", "loc_quotient",
    "pct_total", "h_mean", "a_mean", "mean_prse", "h_pct10", "h_pct25", "h_median", "h_pct75",
    "h_pct90", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90", "annual", "hourly",
)  # fmt: skip
#: The real 43-6013 row.
OES_MEDICAL: dict[str, object] = dict(
    zip(
        OES_HEADER,
        (
            "99", "U.S.", "1", "000000", "Cross-industry", "cross-industry", "1235",
            "43-6013", "Medical Secretaries and Administrative Assistants", "detailed",
            604780, 0.8, "", "", None, 18.31, 38090, 0.3, 12.58, 14.71, 17.59, 21.47, 25.59,
            26180, 30590, 36580, 44650, 53230, None, None,
        ),
        strict=True,
    )
)  # fmt: skip


def oes_row(**changes: object) -> tuple[object, ...]:
    """The 43-6013 row with some cells changed."""
    row = dict(OES_MEDICAL)
    for column, value in changes.items():
        assert column in row, column
        row[column] = value
    return tuple(row.values())


def write_oes(source: Path, rows: list[tuple[object, ...]]) -> Path:
    """A workbook shaped like the real one: the data sheet is not the first one."""
    path = source / OES_2019_DIR / history.OES_2019_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    decoy = workbook.active
    assert decoy is not None
    decoy.title = "Field Descriptions"
    decoy.append(("area", "occ_code"))
    decoy.append(("01", "not a row"))
    sheet = workbook.create_sheet(history.SHEET)
    sheet.append(OES_HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def read_oes(source: Path) -> list[Json]:
    return history.read_national_2019(source, InputLog(source))


def test_read_national_2019_keeps_markers_and_published_text(tmp_path: Path) -> None:
    rows = [
        oes_row(),
        oes_row(occ_code="00-0000", occ_title="All Occupations", o_group="total", emp_prse=1),
        oes_row(
            occ_code="11-1030",
            occ_title="Legislators ",
            o_group="broad",
            tot_emp="**",
            h_mean="*",
            h_median="*",
            a_median="#",
            mean_prse="",
            annual="TRUE",
        ),
        oes_row(occ_code="27-2011", occ_title="Actors", a_mean="*", hourly="TRUE"),
    ]
    path = write_oes(tmp_path, rows)
    log = InputLog(tmp_path)
    result = history.read_national_2019(tmp_path, log)

    assert [obj(r)["code"] for r in result] == ["00-0000", "11-1030", "27-2011", "43-6013"]
    assert obj(result[3]) == {
        "code": "43-6013",
        "title": "Medical Secretaries and Administrative Assistants",
        "group": "detailed",
        "annual_only": False,
        "hourly_only": False,
        "employment": "604780",
        "employment_rse": "0.8",
        "hourly_mean": "18.31",
        "annual_mean": "38090",
        "wage_rse": "0.3",
        "hourly_median": "17.59",
        "annual_median": "36580",
    }
    legislators = obj(result[1])
    assert legislators["title"] == "Legislators"
    assert legislators["group"] == "broad"
    assert (legislators["annual_only"], legislators["hourly_only"]) == (True, False)
    assert legislators["employment"] == "**"
    assert (legislators["hourly_mean"], legislators["hourly_median"]) == ("*", "*")
    assert legislators["annual_median"] == "#"
    assert legislators["wage_rse"] is None
    actors = obj(result[2])
    assert (actors["annual_only"], actors["hourly_only"]) == (False, True)
    assert actors["annual_mean"] == "*"
    assert obj(result[0])["employment_rse"] == "1"  # an integer cell, without ".0"
    name = f"{OES_2019_DIR}/{history.OES_2019_FILE}"
    assert [(f.path, f.rows, f.sha256) for f in log.files()] == [(name, 4, sha256_file(path))]
    assert history.history_document(result) == {"occupations": result}


@pytest.mark.parametrize("groups", [("detailed", "broad"), ("broad", "detailed")])
def test_a_code_listed_twice_with_equal_values_is_kept_once(
    tmp_path: Path, groups: tuple[str, str]
) -> None:
    first, second = groups
    buyers = {"occ_code": "13-1020", "occ_title": "Buyers and Purchasing Agents"}
    rows = [oes_row(**buyers, o_group=first), oes_row(), oes_row(**buyers, o_group=second)]
    write_oes(tmp_path, rows)
    log = InputLog(tmp_path)
    result = history.read_national_2019(tmp_path, log)
    assert [(obj(r)["code"], obj(r)["group"]) for r in result] == [
        ("13-1020", "detailed"),
        ("43-6013", "detailed"),
    ]
    assert obj(result[0])["employment"] == "604780"
    assert log.files()[0].rows == 3  # every data row of the file, duplicates included


@pytest.mark.parametrize(
    "change",
    [{"tot_emp": 604781}, {"a_median": "#"}, {"occ_title": "Medical Secretaries"}],
    ids=["employment", "marker", "title"],
)
def test_a_code_listed_twice_with_different_values_fails(
    tmp_path: Path, change: dict[str, object]
) -> None:
    write_oes(tmp_path, [oes_row(o_group="broad"), oes_row(**change)])
    with pytest.raises(history.HistoryError) as caught:
        read_oes(tmp_path)
    assert str(caught.value) == (
        f"{history.OES_2019_FILE} row 3: 43-6013 listed twice with different values"
    )


@pytest.mark.parametrize(
    "change", [{"area": "01"}, {"area": 99}, {"naics": "999000"}], ids=["state", "int", "naics"]
)
def test_a_row_that_is_not_national_cross_industry_fails(
    tmp_path: Path, change: dict[str, object]
) -> None:
    write_oes(tmp_path, [oes_row(occ_code="00-0000"), oes_row(**change)])
    with pytest.raises(history.HistoryError) as caught:
        read_oes(tmp_path)
    assert str(caught.value) == (
        f"{history.OES_2019_FILE} row 3: not a national cross-industry row"
    )


@pytest.mark.parametrize("value", ["604,780", "N/A", "***", "~", True])
def test_an_unexpected_cell_fails(tmp_path: Path, value: object) -> None:
    write_oes(tmp_path, [oes_row(tot_emp=value)])
    with pytest.raises(history.HistoryError) as caught:
        read_oes(tmp_path)
    assert str(caught.value) == (f"{history.OES_2019_FILE} row 2 tot_emp: unexpected {value!r}")


@pytest.mark.upstream
def test_oes_2019_header_is_the_real_one(upstream: Path) -> None:
    path = upstream / OES_2019_DIR / history.OES_2019_FILE
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        header = next(workbook[history.SHEET].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert header == OES_HEADER


# -- SOC changes ------------------------------------------------------------------------

SocSources = tuple[dict[str, list[str]], dict[str, int], dict[str, str], set[str]]


def soc_sources() -> SocSources:
    """A consistent crosswalk, May 2025 levels, May 2019 titles and projection codes."""
    crosswalk = {"11-2030": ["11-2033", "11-2032"]}
    oews_2025 = {
        "00-0000": 0,
        "11-0000": 0,
        "11-2000": 1,
        "11-2030": 2,
        "11-2032": 3,
        "11-2033": 3,
        "43-6013": 3,
    }
    titles = {
        "00-0000": "All Occupations",
        "11-2030": "Public Relations and Fundraising Managers",
        "43-6013": "Medical Secretaries and Administrative Assistants",
    }
    return crosswalk, oews_2025, titles, {"11-2030", "43-6013"}


def test_changes_document_from_consistent_sources() -> None:
    crosswalk, oews_2025, titles, projected = soc_sources()
    oews_2025["11-9000"] = 1  # a new non-detailed code needs no entry
    assert soc_changes.changes_document(crosswalk, oews_2025, titles, projected) == {
        "combined": [
            {
                "code": "11-2030",
                "title": "Public Relations and Fundraising Managers",
                "parts": ["11-2032", "11-2033"],
            }
        ]
    }
    assert crosswalk == {"11-2030": ["11-2033", "11-2032"]}  # the input is not sorted in place


def _not_in_2019(s: SocSources) -> None:
    del s[2]["11-2030"]


def _not_projected(s: SocSources) -> None:
    s[3].discard("11-2030")


def _combined_is_detailed(s: SocSources) -> None:
    s[1]["11-2030"] = 3


def _part_unknown(s: SocSources) -> None:
    s[0]["11-2030"].append("11-2034")


def _part_broad(s: SocSources) -> None:
    s[1]["11-2032"] = 2


def _part_in_2019(s: SocSources) -> None:
    s[2]["11-2032"] = "Advertising and Promotions Managers"


def _part_twice(s: SocSources) -> None:
    s[0]["11-3010"] = ["11-3012", "11-2033"]
    s[1].update({"11-3010": 2, "11-3012": 3})
    s[2]["11-3010"] = "Administrative Services and Facilities Managers"
    s[3].add("11-3010")


def _detailed_missing(s: SocSources) -> None:
    s[1]["15-1252"] = 3


SOC_PROBLEMS: list[tuple[Callable[[SocSources], None], list[str]]] = [
    (_not_in_2019, ["11-2030 is not a May 2019 code"]),
    (_not_projected, ["11-2030 has no 2020-30 projection row"]),
    (_combined_is_detailed, ["11-2030 is a May 2025 detailed code, not a combined one"]),
    (_part_unknown, ["11-2034 (in 11-2030) is not a May 2025 detailed code"]),
    (_part_broad, ["11-2032 (in 11-2030) is not a May 2025 detailed code"]),
    (_part_in_2019, ["11-2032 (in 11-2030) is itself published in May 2019"]),
    (_part_twice, ["11-2033 is listed under both 11-2030 and 11-3010"]),
    (_detailed_missing, ["May 2025 detailed code 15-1252 is neither in May 2019 nor listed"]),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), SOC_PROBLEMS, ids=[m.__name__.strip("_") for m, _ in SOC_PROBLEMS]
)
def test_changes_document_reports_each_disagreement(
    mutate: Callable[[SocSources], None], expected: list[str]
) -> None:
    sources = soc_sources()
    mutate(sources)
    with pytest.raises(soc_changes.SocChangeError) as caught:
        soc_changes.changes_document(*sources)
    assert problems_of(caught.value, "soc_2019_hybrid.json") == expected


def test_changes_document_reports_every_disagreement_at_once() -> None:
    sources = soc_sources()
    for mutate, _ in SOC_PROBLEMS:
        if mutate is not _combined_is_detailed:  # it would hide the parts' problems
            mutate(sources)
    with pytest.raises(soc_changes.SocChangeError) as caught:
        soc_changes.changes_document(*sources)
    found = problems_of(caught.value, "soc_2019_hybrid.json")
    for mutate, expected in SOC_PROBLEMS:
        if mutate is not _combined_is_detailed:
            assert set(expected) <= set(found), expected


def write_crosswalk(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_read_crosswalk(tmp_path: Path) -> None:
    path = write_crosswalk(
        tmp_path / "hybrid.json",
        {"about": "a", "source": "s", "combined": {"11-2030": ["11-2032", "11-2033"]}},
    )
    log = InputLog(tmp_path)
    assert soc_changes.read_crosswalk(log, path) == {"11-2030": ["11-2032", "11-2033"]}
    assert [(f.path, f.rows) for f in log.files()] == [("curated/hybrid.json", 1)]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"source": "s", "combined": {}}, "hybrid.json: expected keys about, source, combined"),
        (
            {"about": "a", "source": "s", "combined": {}, "notes": "n"},
            "hybrid.json: expected keys about, source, combined",
        ),
        (
            {"about": "a", "source": "s", "combined": {"11-2030": []}},
            "hybrid.json: 11-2030 must list May 2025 codes",
        ),
        (
            {"about": "a", "source": "s", "combined": {"11-2030": "11-2032"}},
            "hybrid.json: 11-2030 must list May 2025 codes",
        ),
        (
            {"about": "a", "source": "s", "combined": {"11-2030": ["11-2032", 112033]}},
            "hybrid.json: 11-2030 must list May 2025 codes",
        ),
    ],
    ids=["missing-key", "extra-key", "empty", "not-a-list", "not-text"],
)
def test_read_crosswalk_rejects_a_malformed_file(
    tmp_path: Path, document: object, message: str
) -> None:
    path = write_crosswalk(tmp_path / "hybrid.json", document)
    log = InputLog(tmp_path)
    with pytest.raises(soc_changes.SocChangeError) as caught:
        soc_changes.read_crosswalk(log, path)
    assert str(caught.value) == message
    assert log.files() == []


@pytest.mark.upstream
def test_committed_crosswalk_agrees_with_the_real_sources(upstream: Path) -> None:
    log = InputLog(upstream)
    crosswalk = soc_changes.read_crosswalk(log)
    national = [obj(r) for r in history.read_national_2019(upstream, log)]
    projected = [obj(r) for r in projections.read_projections(upstream, log)]
    levels = {
        str(obj(e)["code"]): int(str(obj(e)["level"]))
        for e in lst(obj(committed("occupations.json"))["oews"])
    }
    assert sum(level == soc_changes.DETAILED for level in levels.values()) > 700
    document = soc_changes.changes_document(
        crosswalk,
        levels,
        {str(r["code"]): str(r["title"]) for r in national},
        {str(r["code"]) for r in projected},
    )
    assert len(lst(obj(document)["combined"])) == len(crosswalk) > 0
    assert document == committed("soc_changes.json")


# -- certifications ---------------------------------------------------------------------

ONET_CODES = {"43-6013.00", "43-6014.00", "15-1252.00", "15-1252.01"}


def cert(**changes: Json) -> dict[str, Json]:
    """A valid entry with some fields changed."""
    entry: dict[str, Json] = {
        "id": "cps",
        "name": "Certified Professional Secretary",
        "abbreviation": "CPS",
        "issuer": "IAAP",
        "level": "professional",
        "summary": "A general credential for secretaries.",
        "exam": {"parts": 3, "topics": ["Office systems and technology", "Management"]},
        "occupations": ["43-6013"],
        "sources": [
            {"title": "Seed page", "url": None},
            {"title": "Issuer", "url": "https://www.iaap-hq.org/"},
        ],
        "note": None,
    }
    entry.update(changes)
    return entry


@pytest.mark.parametrize(
    "entry",
    [
        cert(),
        cert(abbreviation=None),
        cert(note="Check with the issuer whether it is still offered."),
        cert(exam=None),
        cert(exam={"parts": None, "topics": []}),
        cert(occupations=["43-6013.00", "15-1252", "15-1252.01"]),
        cert(sources=[{"title": "Issuer", "url": None}]),
        cert(id="cap-2-advanced"),
    ],
    ids=[
        "full",
        "no-abbreviation",
        "with-note",
        "no-exam",
        "exam-without-parts",
        "codes",
        "url-null",
        "id",
    ],
)
def test_check_entry_accepts_a_valid_entry(entry: dict[str, Json]) -> None:
    assert certifications.check_entry(entry, ONET_CODES) == []


def _without(key: str) -> dict[str, Json]:
    entry = cert()
    del entry[key]
    return entry


CERT_PROBLEMS: list[tuple[str, object, list[str]]] = [
    ("not-an-object", ["cps"], ["an entry is not an object"]),
    ("unknown-field", cert(website="x"), ["cps: unknown field 'website'"]),
    ("missing-name", _without("name"), ["cps: missing field 'name'"]),
    ("missing-abbreviation", _without("abbreviation"), ["cps: missing field 'abbreviation'"]),
    ("missing-exam", _without("exam"), ["cps: missing field 'exam'"]),
    (
        "missing-id",
        _without("id"),
        ["?: missing field 'id'"],
    ),
    ("empty-name", cert(name=""), ["cps: name must be non-empty text without outer spaces"]),
    (
        "padded-issuer",
        cert(issuer="IAAP "),
        ["cps: issuer must be non-empty text without outer spaces"],
    ),
    (
        "padded-summary",
        cert(summary="\nA credential."),
        ["cps: summary must be non-empty text without outer spaces"],
    ),
    ("level-not-text", cert(level=3), ["cps: level must be non-empty text without outer spaces"]),
    ("empty-abbreviation", cert(abbreviation=""), ["cps: abbreviation must be text or null"]),
    ("padded-abbreviation", cert(abbreviation=" CPS"), ["cps: abbreviation must be text or null"]),
    ("upper-case-id", cert(id="CPS"), ["CPS: id must be lower-case words joined by '-'"]),
    ("underscore-id", cert(id="c_p"), ["c_p: id must be lower-case words joined by '-'"]),
    ("double-dash-id", cert(id="c--p"), ["c--p: id must be lower-case words joined by '-'"]),
    ("trailing-dash-id", cert(id="cps-"), ["cps-: id must be lower-case words joined by '-'"]),
    (
        "padded-id",
        cert(id="cps\n"),
        ["cps\n: id must be non-empty text without outer spaces"],
    ),
    (
        "exam-missing-topics",
        cert(exam={"parts": 3}),
        ["cps: exam must be null or have exactly ['parts', 'topics']"],
    ),
    (
        "exam-extra-field",
        cert(exam={"parts": 3, "topics": [], "hours": 2}),
        ["cps: exam must be null or have exactly ['parts', 'topics']"],
    ),
    ("exam-a-list", cert(exam=[3]), ["cps: exam must be null or have exactly ['parts', 'topics']"]),
    (
        "exam-topics-text",
        cert(exam={"parts": 3, "topics": "Management"}),
        ["cps: exam.topics must be a list of text"],
    ),
    (
        "exam-topic-padded",
        cert(exam={"parts": 3, "topics": ["Management "]}),
        ["cps: exam.topics must be a list of text"],
    ),
    *[
        (
            f"exam-parts-{parts!r}",
            cert(exam={"parts": parts, "topics": []}),
            ["cps: exam.parts must be a positive integer or null"],
        )
        for parts in (0, -1, True, 2.0, "3")
    ],
    ("no-occupations", cert(occupations=[]), ["cps: occupations must list at least one code"]),
    (
        "occupations-text",
        cert(occupations="43-6013"),
        ["cps: occupations must list at least one code"],
    ),
    *[
        (
            f"bad-code-{code!r}",
            cert(occupations=[code]),
            [f"cps: {code!r} is not an SOC or O*NET-SOC code"],
        )
        for code in (
            "436013",
            "43-601",
            "43-601300",
            "43-6013.0",
            "43-6013.00.1",
            436013,
            "43_6013",
        )
    ],
    *[
        (
            f"unknown-code-{code}",
            cert(occupations=["43-6013", code]),
            [f"cps: O*NET has no occupation {code}"],
        )
        for code in ("43-6099", "43-6013.01", "43-6014.01", "15-1252.02", "15-1253")
    ],
    ("no-sources", cert(sources=[]), ["cps: sources must list where the facts come from"]),
    ("sources-null", cert(sources=None), ["cps: sources must list where the facts come from"]),
    (
        "source-without-url",
        cert(sources=[{"title": "Issuer"}]),
        ["cps: a source must have exactly title and url"],
    ),
    (
        "source-a-string",
        cert(sources=["https://www.iaap-hq.org/"]),
        ["cps: a source must have exactly title and url"],
    ),
    *[
        (
            f"source-url-{url}",
            cert(sources=[{"title": "Issuer", "url": url}]),
            ["cps: a source needs a title and an https url or null"],
        )
        for url in ("http://www.iaap-hq.org/", "www.iaap-hq.org", "", "HTTPS://x.org/")
    ],
    (
        "source-empty-title",
        cert(sources=[{"title": "", "url": None}]),
        ["cps: a source needs a title and an https url or null"],
    ),
]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [(entry, expected) for _, entry, expected in CERT_PROBLEMS],
    ids=[name for name, _, _ in CERT_PROBLEMS],
)
def test_check_entry_reports_each_problem(entry: object, expected: list[str]) -> None:
    assert certifications.check_entry(entry, ONET_CODES) == expected


def test_check_entry_reports_every_problem_of_an_entry() -> None:
    entry = cert(id="Bad Id", name=" ", exam={"parts": 0, "topics": []}, occupations=["99-9999"])
    entry["extra"] = 1
    del entry["sources"]
    assert certifications.check_entry(entry, ONET_CODES) == [
        "Bad Id: unknown field 'extra'",
        "Bad Id: missing field 'sources'",
        "Bad Id: name must be non-empty text without outer spaces",
        "Bad Id: id must be lower-case words joined by '-'",
        "Bad Id: exam.parts must be a positive integer or null",
        "Bad Id: O*NET has no occupation 99-9999",
        "Bad Id: sources must list where the facts come from",
    ]


def write_certifications(path: Path, entries: object, **extra: Json) -> Path:
    path.write_text(
        json.dumps({"about": "test", "certifications": entries, **extra}), encoding="utf-8"
    )
    return path


def test_read_certifications_keeps_file_order_and_logs_the_file(tmp_path: Path) -> None:
    entries = [cert(id="zeta"), cert(id="alpha", occupations=["43-6014.00"])]
    path = write_certifications(tmp_path / "certs.json", entries)
    log = InputLog(tmp_path)
    result = certifications.read_certifications(sorted(ONET_CODES), log, path)
    assert result == entries
    assert [(f.path, f.rows, f.sha256) for f in log.files()] == [
        ("curated/certs.json", 2, sha256_file(path))
    ]
    assert certifications.certifications_document(result) == {"certifications": entries}


def test_read_certifications_rejects_a_duplicate_id(tmp_path: Path) -> None:
    path = write_certifications(tmp_path / "certs.json", [cert(), cert(id="cap"), cert()])
    log = InputLog(tmp_path)
    with pytest.raises(certifications.CertificationError) as caught:
        certifications.read_certifications(ONET_CODES, log, path)
    assert problems_of(caught.value, "certs.json") == ["cps: duplicate id"]
    assert log.files() == []


def test_read_certifications_reports_all_problems_together(tmp_path: Path) -> None:
    entries = [
        cert(occupations=["43-6099"]),
        cert(id="cap", sources=[{"title": "Issuer", "url": "http://x.org/"}]),
        "not an entry",
        cert(name=""),
        cert(id="ok"),
    ]
    path = write_certifications(tmp_path / "certs.json", entries)
    log = InputLog(tmp_path)
    with pytest.raises(certifications.CertificationError) as caught:
        certifications.read_certifications(ONET_CODES, log, path)
    assert problems_of(caught.value, "certs.json") == [
        "cps: O*NET has no occupation 43-6099",
        "cap: a source needs a title and an https url or null",
        "an entry is not an object",
        "cps: name must be non-empty text without outer spaces",
        "cps: duplicate id",
    ]
    assert log.files() == []


@pytest.mark.parametrize(
    "document",
    [
        {"certifications": []},
        {"about": "a", "certifications": [], "version": 1},
        [{"about": "a", "certifications": []}],
    ],
    ids=["missing-about", "extra-key", "not-an-object"],
)
def test_read_certifications_rejects_a_malformed_file(tmp_path: Path, document: object) -> None:
    path = tmp_path / "certs.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(certifications.CertificationError) as caught:
        certifications.read_certifications(ONET_CODES, InputLog(tmp_path), path)
    assert str(caught.value) == "certs.json: expected keys about, certifications"


@pytest.mark.parametrize("bad_id", [["cps"], {"id": "cps"}])
def test_read_certifications_reports_an_unhashable_id(tmp_path: Path, bad_id: Json) -> None:
    path = write_certifications(tmp_path / "certs.json", [cert(id=bad_id)])
    with pytest.raises(certifications.CertificationError, match="id must be non-empty text"):
        certifications.read_certifications(ONET_CODES, InputLog(tmp_path), path)


def onet_codes() -> list[str]:
    return [str(obj(e)["code"]) for e in lst(obj(committed("occupations.json"))["onet"])]


def test_committed_certifications_are_valid_and_packaged_unchanged(tmp_path: Path) -> None:
    codes = onet_codes()
    assert len(codes) == 1016
    log = InputLog(tmp_path)
    entries = certifications.read_certifications(codes, log, CURATED / "certifications.json")
    assert len(entries) > 0
    assert [(f.path, f.rows) for f in log.files()] == [
        ("curated/certifications.json", len(entries))
    ]
    packaged = obj(committed("certifications.json"))
    assert list(packaged) == ["certifications"]
    assert lst(packaged["certifications"]) == entries
    assert certifications.certifications_document(entries) == packaged


# -- similarity -------------------------------------------------------------------------


def rating(element: str, importance: float | None) -> Json:
    measure: Json = None
    if importance is not None:
        measure = {"value": importance, "n": 8, "source": "onet-29.3/Skills.xlsx"}
    return {"element_id": element, "importance": measure, "level": {"value": 9.0}}


def profile(**domains: list[Json] | None) -> Json:
    ratings: dict[str, Json] = {
        "skills": None,
        "knowledge": None,
        "abilities": None,
        "work_activities": [rating("4.A.1.a.1", 4.25)],
        "work_styles": [rating("1.C.1.a", 3.0)],
    }
    for domain, listed in domains.items():
        ratings[domain] = copy.deepcopy(listed)
    return {"code": "x", "ratings": ratings}


def test_similarity_document_lays_out_importance_per_domain() -> None:
    profiles = {
        "43-6014.00": profile(
            skills=[rating("2.A.1.b", 3.0), rating("2.A.1.a", 4)],
            abilities=[rating("1.A.1.a.1", 2.5)],
        ),
        "11-1011.00": profile(
            skills=[rating("2.A.1.c", 1.5), rating("2.A.1.a", None)],
            knowledge=[],
            abilities=[rating("1.A.1.a.1", None)],
        ),
        "55-1011.00": profile(),
    }
    document = similarity.similarity_document(profiles)
    assert document == {
        "domains": {
            "skills": {
                "elements": ["2.A.1.a", "2.A.1.b", "2.A.1.c"],
                "rows": {"11-1011.00": [None, None, 1.5], "43-6014.00": [4.0, 3.0, None]},
            },
            "knowledge": {"elements": [], "rows": {}},
            "abilities": {"elements": ["1.A.1.a.1"], "rows": {"43-6014.00": [2.5]}},
        }
    }
    rows = obj(obj(obj(obj(document)["domains"])["skills"])["rows"])
    assert type(lst(rows["43-6014.00"])[0]) is float  # the int 4 became 4.0
    writer.encode("similarity.json.gz", document)  # plain JSON, no NaN


def test_committed_similarity_matches_the_profile() -> None:
    code = "43-6013.00"
    domains = obj(obj(committed("similarity.json.gz"))["domains"])
    assert sorted(domains) == sorted(similarity.DOMAINS)
    ratings = obj(obj(committed(f"onet/{code}.json.gz"))["ratings"])
    for domain in similarity.DOMAINS:
        matrix = obj(domains[domain])
        elements = [str(e) for e in lst(matrix["elements"])]
        assert elements == sorted(elements)
        row = lst(obj(matrix["rows"])[code])
        assert len(row) == len(elements)
        from_matrix = {e: v for e, v in zip(elements, row, strict=True) if v is not None}
        from_profile = {
            str(obj(r)["element_id"]): obj(obj(r)["importance"])["value"]
            for r in lst(ratings[domain])
        }
        assert from_matrix == from_profile, domain
    skills = obj(domains["skills"])
    speaking = lst(skills["elements"]).index("2.A.1.d")
    assert lst(obj(skills["rows"])[code])[speaking] == 4.0


# -- OEWS aggregates (curated/oews_aggregates.json) ------------------------------------------


def write_aggregates(tmp_path: Path, aggregates: dict[str, list[str]]) -> Path:
    path = tmp_path / "oews_aggregates.json"
    path.write_text(json.dumps({"about": "a", "source": "s", "aggregates": aggregates}))
    return path


#: A tiny world: O*NET splits 21-1018 into 21-1011 and 21-1014; OEWS has the aggregate.
ONET = ["21-1011.00", "21-1014.00", "21-1012.00", "13-1021.00"]
LEVELS = {"21-1018": 3, "21-1012": 3, "21-1010": 2, "13-1020": 3}


def test_read_aggregates_maps_each_onet_soc_to_its_aggregate(tmp_path: Path) -> None:
    path = write_aggregates(tmp_path, {"21-1018": ["21-1011", "21-1014"]})
    log = InputLog(tmp_path)
    within = occupations.read_aggregates(ONET, LEVELS, log, path)
    assert within == {"21-1011": "21-1018", "21-1014": "21-1018"}
    assert [(f.path, f.rows) for f in log.files()] == [("curated/oews_aggregates.json", 1)]


@pytest.mark.parametrize(
    ("aggregates", "problem"),
    [
        ({"21-1019": ["21-1011", "21-1014"]}, "21-1019 is not an OEWS May 2025 detailed code"),
        ({"21-1018": ["21-1011", "21-1014", "21-1099"]}, "21-1099 (in 21-1018) is not an O*NET"),
        ({"21-1018": ["21-1011", "21-1014", "21-1012"]}, "21-1012 (in 21-1018) has its own OEWS"),
        ({"21-1018": ["21-1011", "21-1014", "13-1021"]}, "13-1021 is not in the broad group"),
        ({"21-1018": ["21-1011", "21-1014", "21-1011"]}, "21-1011 is listed under both"),
        ({"21-1018": ["21-1011"]}, "O*NET 21-1014 has no OEWS code but its broad group has"),
    ],
)
def test_read_aggregates_refuses_what_disagrees_with_the_sources(
    tmp_path: Path, aggregates: dict[str, list[str]], problem: str
) -> None:
    path = write_aggregates(tmp_path, aggregates)
    log = InputLog(tmp_path)
    with pytest.raises(occupations.AggregateError) as caught:
        occupations.read_aggregates(ONET, LEVELS, log, path)
    assert problem in str(caught.value)
    assert log.files() == []


def test_committed_aggregates_hold_for_the_committed_index(tmp_path: Path) -> None:
    index = json.loads((REPO_ROOT / "src/occprofile/data/occupations.json").read_text())
    levels = {str(o["code"]): int(o["level"]) for o in index["oews"]}
    codes = [str(o["code"]) for o in index["onet"]]
    within = occupations.read_aggregates(codes, levels, InputLog(tmp_path))
    linked = {str(o["code"]): o for o in index["onet"]}
    for code, o in linked.items():
        aggregate = within.get(code[:7])
        if aggregate is not None:
            assert (o["wage_code"], o["wage_basis"]) == (aggregate, "aggregate")
    assert sum(o["wage_basis"] == "aggregate" for o in linked.values()) == 14
