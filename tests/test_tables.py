"""occprofile.tables: every estimate, rating, occupation and projection as one table.

The bulk tables are built column-wise from the packaged files, not from a
record per row; these tests hold them to the records (the same columns, the
same values as ``estimates()``, the profiles and ``outlook()``) and, marked
``upstream``, the estimates to the raw OEWS SQLite file itself.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import occprofile as op
from occprofile import tables
from occprofile._answers.figures import DATATYPE_FIELDS
from occprofile._record import Table
from occprofile._store.store import Store
from tests.helpers import assert_core_only, assert_same_frames_without_pyarrow

#: Cross-industry OEWS estimates in the packaged data (the manifest's count).
ESTIMATES = 236_799


@cache
def every_estimate() -> Table:
    return tables.estimates()


def _pandas_records(frame: Any) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = (
        frame.astype(object).where(frame.notna(), None).to_dict("records")
    )
    return records


# --------------------------------------------------------------------------
# estimates


def test_every_estimate_is_one_row() -> None:
    table = every_estimate()
    assert len(table) == ESTIMATES == op.default_dataset().manifest.counts["oews_estimates"]
    assert table.columns == op.estimates("43-6013").columns
    assert repr(table) == f"Table(estimates: 236,799 rows × {len(table.columns)} columns)"  # noqa: RUF001
    assert len(table.columns) == 71
    codes = table.column("occupation_code")
    assert codes == sorted(codes)  # by occupation code, then area code
    assert len(set(zip(codes, table.column("area_code"), strict=True))) == ESTIMATES


@pytest.mark.parametrize(
    "code",
    [
        "00-0000",  # all occupations: location quotient not applicable nationally
        "43-6013",
        "27-2011",  # actors: hourly only
        "29-1022",  # surgeons: top-coded wages
        "11-1011",  # chief executives: employment not released in some states
        "25-1011",  # postsecondary teachers: annual only
        "43-6010",  # a broad group
    ],
)
def test_one_occupation_is_the_estimates_of_the_records(code: str) -> None:
    bulk = tables.estimates(occupation=code)
    records = op.estimates(code)
    assert bulk.to_records() == records.to_records()
    assert bulk.kinds == {c.name: c.kind for c in records._table_columns()}
    pd.testing.assert_frame_equal(bulk.to_pandas(), records.to_pandas())
    assert bulk.to_polars().equals(records.to_polars())
    assert bulk.to_arrow().equals(records.to_arrow())


def test_a_sample_of_every_estimate_is_the_records() -> None:
    """Every 40th occupation's rows of the whole table, against the record path."""
    frame = every_estimate().to_pandas()
    for occ in op.wage_occupations()[::40]:
        rows = frame[frame.occupation_code == occ.code].reset_index(drop=True)
        assert _pandas_records(rows) == op.estimates(occ.code).to_records(), occ.code


def test_filters() -> None:
    california = tables.estimates(occupation="43-6013", state="California").to_records()
    assert {r["area_kind"] for r in california} == {"state", "metro", "nonmetro"}
    assert all("CA" in r["area_states"].split("; ") for r in california)
    spanning = [r for r in california if r["area_states"] != "CA"]
    assert spanning == []  # no metro area spans California and another state
    oregon = tables.estimates(occupation="43-6013", state="OR", area_kind="metro").to_records()
    assert any(r["area_states"] == "OR; WA" for r in oregon)  # Portland, OR-WA
    states = tables.estimates(area_kind="state", level="major")
    assert len(states) == len(tables.estimates(area_kind="state", level="Major"))  # type: ignore[arg-type]
    assert set(states.column("occupation_level")) == {"major"}
    assert set(states.column("area_kind")) == {"state"}
    national = tables.estimates(area_kind="national")
    assert len(national) == len(op.wage_occupations())  # each has a national row
    assert len(tables.estimates(occupation="29-1022", level="broad")) == 0


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"occupation": "no such job at all"}, op.UnknownOccupationError),
        ({"occupation": 436013}, op.ArgumentTypeError),
        ({"area_kind": "county"}, op.InvalidArgumentError),
        ({"state": "Atlantis"}, op.UnknownAreaError),
        ({"level": "tiny"}, op.InvalidArgumentError),
        ({"dataset": "occprofile.data"}, op.ArgumentTypeError),
    ],
)
def test_bad_filters_are_typed_errors(arguments: dict[str, Any], error: type) -> None:
    with pytest.raises(error):
        tables.estimates(**arguments)


def test_table_api() -> None:
    table = tables.estimates(occupation="27-2011", area_kind="state")
    head = table.head(3)
    assert len(head) == 3
    assert head.columns == table.columns
    assert head.kinds == table.kinds
    assert head.to_records() == table.to_records()[:3]
    assert len(table.head(0)) == 0
    assert table.head(0).to_pandas().dtypes.equals(table.to_pandas().dtypes)
    assert len(table.head(10_000)) == len(table)
    assert table.column("area_name")[:2] == [r["area_name"] for r in head.to_records()[:2]]
    with pytest.raises(op.UnknownNameError, match="annual_mean"):
        table.column("annual_mean_wage")
    with pytest.raises(op.InvalidArgumentError):
        table.head(-1)
    with pytest.raises(op.ArgumentTypeError):
        table.head("3")  # type: ignore[arg-type]


def test_the_arrow_stream_of_a_table() -> None:
    import duckdb

    table = tables.estimates(occupation="43-6013", area_kind="state")
    arrow = pa.table(table)
    assert arrow.equals(table.to_arrow())
    assert arrow.schema.field("employment_status").type == pa.dictionary(pa.int8(), pa.string())
    assert pl.DataFrame(table).to_dicts() == table.to_records()
    tbl = table  # noqa: F841 (DuckDB finds it by its name)
    top = duckdb.sql("select area_name from tbl order by employment desc limit 1")
    assert top is not None
    assert top.fetchall() == [(op.top_states("43-6013", 1)[0].area.name,)]


def test_decimals_out_of_range_are_an_integrity_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bulk table renders the integers with the decimals: they are checked first."""
    real = Store.read_document

    def tampered(self: Store, name: str) -> bytes:
        document = real(self, name)
        if name != "oews_values.json.gz":
            return document
        assert b'"03":2,' in document  # the build writes compact JSON
        return document.replace(b'"03":2,', b'"03":9,', 1)

    monkeypatch.setattr(Store, "read_document", tampered)
    op.clear_cache()  # the values are decoded once a store: read them again
    try:
        with pytest.raises(op.DataIntegrityError, match=r"oews_values\.json\.gz") as caught:
            tables.estimates(occupation="43-6013", area_kind="national").to_pandas()
    finally:
        op.clear_cache()
    assert caught.value.resource == "oews_values.json.gz"


#: A block's header: its row count (4 bytes), then each datatype's bytes a cell.
HEAD = 4 + 17


def _area_out_of_range(block: bytes) -> bytes:
    n = int.from_bytes(block[:4], "little")
    at = HEAD + 2 * n - 1  # the last area's high byte
    return block[:at] + b"\xff" + block[at + 1 :]


def _kind_out_of_range(block: bytes) -> bytes:
    return block[:-1] + b"\xfa"


def _too_wide(block: bytes) -> bytes:
    return block[:4] + b"\x05" + block[5:]  # datatype 01's bytes a cell: above 4


@pytest.mark.parametrize(
    "damage",
    [lambda b: b[:-1], _area_out_of_range, _kind_out_of_range, _too_wide],
    ids=["a byte short", "unknown area", "unknown kind", "too wide a column"],
)
def test_a_malformed_block_is_an_integrity_error(
    monkeypatch: pytest.MonkeyPatch, damage: Callable[[bytes], bytes]
) -> None:
    real = Store.read_document

    def tampered(self: Store, name: str) -> bytes:
        document = real(self, name)
        return damage(document) if name == "oews.pack/43-6013" else document

    monkeypatch.setattr(Store, "read_document", tampered)
    with pytest.raises(op.DataIntegrityError, match=r"oews\.pack/43-6013") as caught:
        tables.estimates(occupation="43-6013")
    assert caught.value.resource == "oews.pack/43-6013"


def test_the_collector_is_restored() -> None:
    import gc

    assert gc.isenabled()
    tables.estimates(occupation="43-6013")
    assert gc.isenabled()
    gc.disable()
    try:
        tables.estimates(occupation="43-6013")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_without_pyarrow_a_table_gives_the_same_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    """The figures kept as published text are parsed by ``float()`` instead of Arrow."""
    assert_same_frames_without_pyarrow(
        monkeypatch,
        [tables.estimates(occupation="29-1022"), tables.estimates(state="RI").head(500)],
    )


def test_the_estimates_do_not_load_the_career_modules() -> None:
    career = ("occprofile.career", "occprofile._answers.summaries", "occprofile._answers.outlook")
    code = (
        "import sys\n"
        "from occprofile import tables\n"
        "tables.estimates(occupation='43-6013'); tables.ratings(occupation='43-6013')\n"
        f"print(sorted(m for m in {career!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_bulk_tables_never_import_a_frame_library() -> None:
    assert_core_only(
        "from occprofile import tables",
        "tables.estimates(occupation='43-6013').to_records()",
        "tables.estimates(occupation='29-1022').head(3).column('annual_mean')",
        "tables.projections().head(2).to_records()",
    )


# --------------------------------------------------------------------------
# ratings, occupations, projections


def test_ratings_are_the_profiles_sections() -> None:
    occupations = op.occupations()
    for occ in [*occupations[::50], op.occupation("43-6013")]:
        expected = []
        profile = op.profile(occ.code)
        for domain in op.RATING_DOMAINS:
            own = {"occupation_code": occ.code, "occupation_title": occ.title}
            expected += [own | row for row in getattr(profile, domain).to_records()]
        assert tables.ratings(occupation=occ.code).to_records() == expected, occ.code
    section = op.profile("43-6013").abilities.to_pandas()
    one = tables.ratings(occupation="43-6013", domain="abilities").to_pandas()
    pd.testing.assert_frame_equal(
        one.drop(columns=["occupation_code", "occupation_title"]), section
    )


def test_every_rating() -> None:
    table = tables.ratings()
    frame = table.to_pandas()
    assert len(table) == 148_203
    assert frame.occupation_code.nunique() == 879  # 137 occupations have no ratings
    per_domain = frame.element_domain.value_counts().to_dict()
    assert per_domain["work_activities"] == 41 * 699  # 43-6013.00 and 698 from O*NET 29.1
    activities = frame[frame.element_domain == "work_activities"]
    leveled = activities[activities.level.notna()]
    assert set(leveled.occupation_code) == {"43-6013.00"}
    assert (activities[activities.level.isna()].level_status == "not rated").all()
    from_29_1 = activities[activities.occupation_code != "43-6013.00"].importance_source
    assert set(from_29_1) == {"onet-29.1-work-activities-importance/onet_gwa_importance_matrix.csv"}
    assert (frame[frame.element_domain == "work_styles"].level_status == "no level scale").all()
    with pytest.raises(op.InvalidArgumentError, match="skills"):
        tables.ratings(domain="skill")  # type: ignore[arg-type]


def test_occupations_summarise_the_career_answers() -> None:
    table = tables.occupations()
    assert len(table) == 1016
    rows = {r["code"]: r for r in table.to_records()}
    for occ in [*op.occupations()[::60], op.occupation("43-6013"), op.occupation("55-1011")]:
        row = rows[occ.code]
        education = op.education(occ.code)
        outlook = op.outlook(occ.code)
        assert row["job_zone"] == (education.job_zone.zone if education.job_zone else None)
        common = education.required_education
        assert row["required_education"] == (common.most_common.label if common else None)
        entry = education.entry_requirements
        assert row["entry_education"] == (entry.education if entry else None)
        projection = outlook.projection
        assert row["projection_code"] == (projection.source.code if projection else None)
        if projection is None:
            assert row["percent_change"] is None
            assert row["percent_change_status"] == "no estimate"
        else:
            assert row["percent_change"] == projection.percent_change.value
            assert row["median_wage_2024_status"] == projection.median_wage_2024.status.value
    assert rows["43-6013.00"]["wage_title"] == "Medical Secretaries and Administrative Assistants"


def test_projections_are_the_outlooks() -> None:
    table = tables.projections()
    rows = {r["occupation_code"]: r for r in table.to_records()}
    expected = {}
    for occ in op.occupations():
        projection = op.outlook(occ.code).projection
        if projection is not None:
            expected[occ.code] = projection
    assert set(rows) == set(expected)
    assert len(table) == len(expected)
    for code in [*list(expected)[::25], "43-6013.00"]:
        flat = tables.Table.of_rows("one", op.career.Projection, [expected[code]]).to_records()
        assert rows[code] == flat[0]
    statuses = {r["median_wage_2024_status"] for r in rows.values()}
    assert statuses == {"released", "top-coded", "not released"}  # >=$239,200 and —
    top = next(r for r in rows.values() if r["median_wage_2024_status"] == "top-coded")
    assert top["median_wage_2024"] is None
    assert top["median_wage_2024_lower_bound"] == 239200


# --------------------------------------------------------------------------
# against the raw OEWS SQLite


@pytest.mark.upstream
def test_the_row_count_is_the_sqlite_cross_industry_cells(oews_db: sqlite3.Connection) -> None:
    (cells,) = oews_db.execute("SELECT count(*) FROM cell WHERE substr(key, 12, 6) = '000000'")
    assert cells == (ESTIMATES,)
    (all_cells,) = oews_db.execute("SELECT count(*) FROM cell")
    assert all_cells[0] > ESTIMATES  # the rest are industry-specific, left out
    assert len(every_estimate()) == ESTIMATES


def _sqlite_rows(db: sqlite3.Connection) -> dict[tuple[str, str], tuple[Any, ...]]:
    values = ", ".join(f"v{dt}" for dt in DATATYPE_FIELDS)
    notes = ", ".join(f"f{dt}" for dt in DATATYPE_FIELDS)
    query = (
        f"SELECT substr(key, 5, 7), substr(key, 18, 6), {values}, {notes} "
        "FROM cell WHERE substr(key, 12, 6) = '000000'"
    )
    return {(f"{occ[:2]}-{occ[2:]}", area): rest for area, occ, *rest in db.execute(query)}


@pytest.mark.upstream
def test_every_value_is_the_published_text(oews_db: sqlite3.Connection) -> None:
    """All 236,799 rows' 17 values: the float of SQLite's text (parsed by Arrow for the
    frames), null where it has none, with the status its footnote gives."""
    raw = _sqlite_rows(oews_db)
    footnotes = dict(oews_db.execute("SELECT footnote_code, footnote_text FROM footnote"))
    table = every_estimate().to_arrow()
    codes, areas = table["occupation_code"].to_pylist(), table["area_code"].to_pylist()
    keys = list(zip(codes, areas, strict=True))
    assert set(keys) == set(raw)
    cases: set[tuple[str | None, str | None, str]] = set()
    for i, (datatype, name) in enumerate(DATATYPE_FIELDS.items()):
        values = table[name].to_pylist()
        statuses = table[f"{name}_status"].to_pylist()
        notes = table[f"{name}_footnote"].to_pylist()
        for key, value, status, note in zip(keys, values, statuses, notes, strict=True):
            text, footnote = raw[key][i], raw[key][17 + i]
            if text is not None and text != "-":
                assert (value, status) == (float(text), "released"), (key, name)
            else:
                assert value is None, (key, name)
            assert note == (footnotes[footnote] if footnote else None), (key, name)
            cases.add(("n" if text not in ("-", None) else text, footnote, status))
        assert datatype in {f"{n:02d}" for n in range(1, 18)}
    assert cases == {
        ("n", None, "released"),
        ("-", "8", "not released"),
        ("-", "5", "top-coded"),
        ("-", "4", "hourly only"),
        ("-", "4", "annual only"),
        (None, None, "not applicable"),
    }


@pytest.mark.upstream
def test_statuses_of_the_unpublished_cases(oews_db: sqlite3.Connection) -> None:
    """``-`` with footnote 8, 5 or 4, and an empty cell, as BLS means them; the raw file
    has no ``*`` or ``#`` markers (those are May 2019's: ``national_change``)."""
    markers = " OR ".join(f"v{dt} IN ('*', '#', '**')" for dt in DATATYPE_FIELDS)
    assert oews_db.execute(f"SELECT count(*) FROM cell WHERE {markers}").fetchone() == (0,)
    frame = every_estimate().to_pandas()
    hourly = frame.hourly_mean_status.value_counts().to_dict()
    raw = dict(
        oews_db.execute(
            "SELECT f03, count(*) FROM cell "
            "WHERE substr(key, 12, 6) = '000000' AND v03 = '-' GROUP BY f03"
        )
    )
    assert hourly["not released"] == raw["8"]
    assert hourly["top-coded"] == raw["5"]
    assert hourly["annual only"] == raw["4"]
    top = frame[frame.annual_p90_status == "top-coded"]
    assert (top.annual_p90_lower_bound == 239200).all()
    assert top.annual_p90.isna().all()
    assert frame[frame.area_kind == "national"].location_quotient_status.eq("not applicable").all()
