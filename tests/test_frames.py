"""Result collections as tables: column names, kinds and missing data, and the frames.

The columns of a collection come from its row type alone, so an empty one
has them too, and frames of two occupations concatenate without a dtype
changing. A missing value is a null beside its status, never a 0.
"""

from __future__ import annotations

import copy
import pickle
import sys
from array import array
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import occprofile as op
from occprofile import career, models
from occprofile._columns import schema
from occprofile.models import Status
from tests.helpers import assert_core_only, assert_same_frames_without_pyarrow

STATUSES = [s.value for s in Status]

#: Every result collection class, with a call that returns a non-empty one.
COLLECTIONS: dict[type, Any] = {
    models.Ranking: lambda: op.top_metros("43-6013", 5),
    models.SearchHits: lambda: op.search("medical secretary", 5),
    models.Estimates: lambda: op.estimates("43-6013"),
    models.Areas: lambda: op.areas(kind="state"),
    models.Occupations: lambda: op.occupations("29-1020"),
    models.WageOccupations: lambda: op.wage_occupations("major"),
    models.Releases: op.releases,
    career.SimilarOccupations: lambda: op.similar_occupations("43-6013", 5),
    career.RatingMatches: lambda: op.similar_by_ratings("43-6013", 5),
    career.Certifications: op.all_certifications,
}

PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def _dtypes(frame: Any) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def _is_count(name: str) -> bool:
    return name == "employment" or name.endswith("_employment")


def _expected_dtypes(kinds: Mapping[str, str]) -> dict[str, str]:
    """pandas dtypes by kind; a count of jobs (a ``float`` figure) is ``Int64``."""
    return {
        name: "Int64" if _is_count(name) else PANDAS_DTYPES.get(kind, "category")
        for name, kind in kinds.items()
    }


@pytest.mark.parametrize("cls", list(COLLECTIONS), ids=lambda c: c.__name__)
def test_an_empty_collection_has_its_columns_and_dtypes(cls: Any) -> None:
    full, empty = COLLECTIONS[cls](), cls(())
    assert isinstance(full, cls)
    assert len(full) > 0
    assert empty.columns == full.columns == tuple(s.name for s in schema(cls._row_type))
    kinds = {s.name: s.kind for s in schema(cls._row_type)}
    assert _dtypes(empty.to_pandas()) == _dtypes(full.to_pandas()) == _expected_dtypes(kinds)
    assert empty.to_polars().schema == full.to_polars().schema
    assert empty.to_arrow().schema == full.to_arrow().schema
    assert empty.to_records() == []
    assert len(full.to_records()) == len(full)


def test_a_ranking_row_reads_as_the_estimate_itself() -> None:
    ranking = op.top_metros("43-6013", 3, by="annual_mean")
    columns = ranking.columns
    assert columns[:5] == ("rank", "by", "occupation_code", "occupation_title", "occupation_level")
    assert not any(c.startswith(("estimate_", "ranked_value")) for c in columns)
    assert columns == ("rank", "by", *op.estimates("43-6013").columns)
    row = ranking.to_records()[0]
    first = ranking[0]
    assert row["rank"] == 1
    assert row["by"] == "annual_mean"
    assert row["annual_mean"] == first.ranked_value.value == first.estimate.annual_mean.value
    assert row["area_code"] == first.area.code  # codes stay strings
    assert row["area_states"] == "; ".join(first.area.states)


def test_figure_columns_where_they_apply() -> None:
    """Every figure has a value and a status; OEWS figures a footnote (BLS attaches one
    to every datatype); only wages that can be top-coded a lower bound."""
    columns = set(op.estimates("43-6013").columns)
    wages = [f for f in models.Estimate.__attrs_attrs__ if f.name.startswith(("hourly", "annual"))]
    others = ["employment", "employment_rse", "jobs_per_1000", "location_quotient", "wage_rse"]
    assert len(wages) == 12
    for figure in [w.name for w in wages] + others:
        assert {figure, f"{figure}_status", f"{figure}_footnote"} <= columns
        assert (f"{figure}_lower_bound" in columns) == (figure not in others)
    assert not any(c.endswith("_text") for c in columns)
    projection = schema(career.Projection)
    names = [s.name for s in projection]
    assert "median_wage_2024_lower_bound" in names
    assert "percent_self_employed_footnote" in names  # "—": not available, with a note
    assert "employment_2024_thousands_footnote" not in names  # BLS attaches none
    earlier = [s.name for s in schema(career.Projection2020)]
    assert "median_wage_2020_lower_bound" in earlier


def test_missing_data_is_null_with_its_status_never_zero() -> None:
    actors = op.estimates("27-2011").to_pandas()  # paid by the hour: no annual wages
    national = actors[actors.area_code == "0000000"].iloc[0]
    assert national.annual_mean is pd.NA
    assert national.annual_mean_status == "hourly only"
    assert "hourly wages or annual salaries" in national.annual_mean_footnote
    assert national.hourly_mean > 0
    assert national.location_quotient is pd.NA  # not published for the nation
    assert national.location_quotient_status == "not applicable"

    surgeons = op.estimates("29-1022").to_pandas()
    alabama = surgeons[surgeons.area_name == "Alabama"].iloc[0]
    assert alabama.annual_mean is pd.NA
    assert alabama.annual_mean_status == "top-coded"
    assert alabama.annual_mean_lower_bound == 239200
    assert alabama.hourly_mean_lower_bound == 115
    assert "$239,200 per year" in alabama.annual_mean_footnote

    executives = op.estimates("11-1011").to_pandas()
    colorado = executives[executives.area_name == "Colorado"].iloc[0]
    assert colorado.employment is pd.NA
    assert colorado.employment_status == "not released"
    assert colorado.employment_footnote == "Estimate not released."


def test_dtypes_are_nullable_and_statuses_keep_every_category() -> None:
    frame = op.top_metros("43-6013", 5).to_pandas()
    assert str(frame["rank"].dtype) == "Int64"
    assert str(frame["employment"].dtype) == "Int64"  # a count of jobs
    assert str(frame["annual_mean"].dtype) == "Float64"
    assert str(frame["area_code"].dtype) == "string"
    status = frame["employment_status"].dtype
    assert isinstance(status, pd.CategoricalDtype)
    assert list(status.categories) == STATUSES  # all of them, whatever the rows hold
    section = op.skills_by_importance("43-6013").to_pandas()
    assert str(section["importance_recommend_suppress"].dtype) == "boolean"
    assert str(section["importance_n"].dtype) == "Int64"
    assert section.columns[:4].tolist() == [
        "element_id",
        "element_name",
        "element_description",
        "element_domain",
    ]
    assert {"importance", "importance_standard_error", "level", "level_status"} <= set(section)


def test_counts_of_jobs_are_nullable_integers_in_every_frame() -> None:
    """Employment is a whole number of jobs: ``Int64`` in pandas and polars, ``int64`` in
    Arrow, the same values as the records' floats, a null where it is not released."""
    from occprofile import tables
    from occprofile._columns import Column
    from occprofile._record import Table

    executives = op.estimates("11-1011")  # Colorado's employment is not released
    records = executives.to_records()
    expected = [None if r["employment"] is None else int(r["employment"]) for r in records]
    assert None in expected
    assert all(r["employment"] is None or r["employment"] % 1 == 0 for r in records)
    frame = executives.to_pandas()
    assert str(frame["employment"].dtype) == "Int64"
    assert [None if v is pd.NA else v for v in frame["employment"]] == expected
    assert executives.to_polars()["employment"].dtype == pl.Int64
    assert executives.to_polars()["employment"].to_list() == expected
    assert executives.to_arrow().schema.field("employment").type == pa.int64()
    assert executives.to_arrow().column("employment").to_pylist() == expected
    ranked = op.top_occupations("Boston", 3).to_pandas()
    assert str(ranked["estimate_employment"].dtype) == "Int64"
    assert str(ranked["ranked_value"].dtype) == "Float64"  # a count only when by employment
    bulk = tables.estimates(occupation="11-1011")
    assert bulk.to_pandas()["employment"].equals(frame["employment"])
    assert str(bulk.to_polars().schema["employment"]) == "Int64"
    # Not rounded: a count that is not a whole number is an error, not a silent change.
    plain = Column("employment", "float", [1.5, None])
    masked = Column("employment", "float", array("d", [1.5, 0]), encoding="masked", valid=b"\1\0")
    for odd in (Table("odd", [plain]), Table("odd", [masked])):
        for export in (odd.to_pandas, odd.to_polars, odd.to_arrow):
            with pytest.raises((TypeError, ValueError, pa.ArrowInvalid)):
                export()
    whole = Column("employment", "float", array("d", [15, 0]), encoding="masked", valid=b"\1\0")
    assert Table("whole", [whole]).to_pandas()["employment"].tolist() == [15, pd.NA]


def test_frames_of_different_occupations_concatenate_cleanly() -> None:
    a = op.estimates("43-6013").to_pandas()
    b = op.estimates("27-2011").to_pandas()  # hourly only: other statuses
    both = pd.concat([a, b], ignore_index=True)
    assert _dtypes(both) == _dtypes(a) == _dtypes(b)
    assert len(both) == len(a) + len(b)
    assert pl.concat([op.estimates("43-6013").to_polars(), op.estimates("27-2011").to_polars()])[
        "annual_mean_status"
    ].dtype == pl.Enum(STATUSES)


def test_records_and_every_frame_hold_the_same_values() -> None:
    ranking = op.top_metros("27-2011", 10, by="hourly_mean")  # nulls among the annual figures
    records = ranking.to_records()
    as_pandas = ranking.to_pandas().astype(object).where(ranking.to_pandas().notna(), None)
    assert as_pandas.to_dict("records") == records
    assert ranking.to_polars().to_dicts() == records
    assert ranking.to_arrow().to_pylist() == records


def test_the_record_tables_read_through_the_arrow_stream() -> None:
    """A rating section, a comparison and a distribution are no tuples: pyarrow, polars
    and DuckDB read them through ``__arrow_c_stream__``."""
    import duckdb

    section = op.skills_by_importance("43-6013", 5)
    comparison = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    for table, count in ((section, len(section)), (comparison, len(comparison.rows))):
        assert pa.table(table).equals(table.to_arrow())
        assert pl.DataFrame(table).to_dicts() == table.to_records()
        assert len(table.to_records()) == count
    # DuckDB finds the tables by the names of this function's variables.
    skills = duckdb.sql("select element_name from section order by importance desc")
    assert skills is not None
    assert skills.fetchall()[0] == ("Speaking",)
    found = duckdb.sql("select a from comparison where measure = 'employment'")
    assert found is not None
    assert found.fetchall() == [(comparison.row("employment").a.value,)]


def test_the_libraries_read_a_collection_directly() -> None:
    """pyarrow, polars and DuckDB take a tuple or a Sequence for rows before they look for
    the Arrow stream: a result collection is neither, so they read its columns."""
    import duckdb

    ranking = op.top_metros("43-6013", 3)
    assert not isinstance(ranking, tuple | Sequence)
    assert pa.table(ranking).equals(ranking.to_arrow())
    assert pa.RecordBatchReader.from_stream(ranking).read_all().equals(ranking.to_arrow())
    assert pl.DataFrame(ranking).to_dicts() == ranking.to_records()
    names = duckdb.sql("select area_name from ranking order by rank")
    assert names is not None
    assert [n for (n,) in names.fetchall()] == [r.area.name for r in ranking]
    empty = op.state_view("43-6013", "Guam").metros  # no rows, still the columns
    assert pa.table(empty).num_rows == 0
    assert pa.table(empty).column_names == list(ranking.columns)
    tbl = ranking.to_table()
    assert repr(tbl) == f"Table(Ranking: 3 rows × {len(ranking.columns)} columns)"  # noqa: RUF001
    assert tbl.to_table() is tbl
    assert pa.table(tbl).equals(ranking.to_arrow())


def test_a_collection_still_behaves_as_its_tuple() -> None:
    ranking = op.top_metros("43-6013", 5)
    rows = tuple(ranking)
    assert ranking == rows
    assert rows == ranking
    assert hash(ranking) == hash(rows)
    assert len(ranking) == 5
    assert ranking[0] is rows[0]
    assert ranking[-1] is rows[-1]
    assert list(reversed(ranking)) == list(reversed(rows))
    assert rows[2] in ranking
    assert ranking.index(rows[3]) == 3
    assert ranking.count(rows[1]) == 1
    assert ranking + rows[:1] == (*rows, rows[0])
    assert rows[:1] + ranking == (rows[0], *rows)
    head = ranking[:2]
    assert type(head) is type(ranking)
    assert head == rows[:2]
    assert head.to_records() == ranking.to_records()[:2]
    with pytest.raises(IndexError):
        ranking[5]
    with pytest.raises(AttributeError, match="read-only"):
        ranking.item_name = "x"  # type: ignore[misc]
    chosen = op.occupations("15", outlook="growing")
    assert chosen[:3].criteria == chosen.criteria
    assert pickle.loads(pickle.dumps(chosen)) == chosen
    assert pickle.loads(pickle.dumps(chosen)).criteria == chosen.criteria
    assert copy.copy(ranking) == ranking


@pytest.mark.parametrize(
    ("method", "module", "extra"),
    [
        ("to_pandas", "pandas", "pandas"),
        ("to_polars", "polars", "polars"),
        ("to_arrow", "pyarrow", "arrow"),
        ("__arrow_c_stream__", "pyarrow", "arrow"),
    ],
)
def test_a_missing_extra_says_which_to_install(
    monkeypatch: pytest.MonkeyPatch, method: str, module: str, extra: str
) -> None:
    ranking = op.top_metros("43-6013", 3)
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(op.errors.MissingExtraError, match=rf"occprofile\[{extra}\]") as caught:
        getattr(ranking, method)()
    assert isinstance(caught.value, ImportError)
    assert caught.value.name == module


def test_without_pyarrow_pandas_and_polars_give_the_same_frames(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert_same_frames_without_pyarrow(
        monkeypatch,
        [op.estimates("27-2011"), op.top_metros("29-1022", 5, by="annual_median")],  # top-coded
    )


def test_the_core_never_imports_a_frame_library() -> None:
    """``import occprofile``, the queries and ``to_records()`` need nothing but the
    standard library, attrs and cattrs."""
    assert_core_only(
        "op.top_metros('43-6013', 3).to_records()",
        "op.skills_by_importance('43-6013').to_records()",
        "op.compare_metros('43-6013', 'Los Angeles', 'San Diego').to_table().head(3)",
    )
