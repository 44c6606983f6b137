"""Jupyter's HTML display of every record and collection.

Each fragment is one ``<div>`` of a few plain tags with inline styles only:
no scripts, no links, no classes, no colours of its own (it reads on light and
dark themes). Tables hold what the records hold; a missing figure says why in
the library's words; text from the data is escaped. Golden files pin a few
fragments: after an intended change, rewrite them with
``python -m pytest tests/test_html.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import occprofile as op
from occprofile import tables
from occprofile._columns import Column
from occprofile._render import content
from occprofile._render.layout import (
    Bullets,
    Facts,
    Section,
    Table,
    html_document,
    markdown_document,
    text_document,
)
from tests.helpers import check_golden
from tests.samples import answers, public_record_classes, shown

GOLDEN = Path(__file__).parent / "golden" / "html"

#: The only tags a fragment uses, and the only attribute.
TAGS = {"div", "h3", "h4", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"}


class Fragment(HTMLParser):
    """A parsed fragment: its tables, headings, paragraphs and list items, as text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = text
        self.stack: list[str] = []
        self.roots: list[str] = []
        self.styles: list[str] = []
        self.attributes: set[str] = set()
        self.tags: set[str] = set()
        #: Per table: its rows, each a list of (tag, text) cells; rows in <thead> marked.
        self.tables: list[list[list[tuple[str, str]]]] = []
        self.head_rows: set[tuple[int, int]] = set()
        self.headings: list[tuple[str, str]] = []
        self.paragraphs: list[str] = []
        self.items: list[str] = []
        self._text: list[str] | None = None
        self.feed(text)
        self.close()
        assert self.stack == [], f"unclosed tags {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.stack:
            self.roots.append(tag)
        self.stack.append(tag)
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name == "style":
                self.styles.append(value or "")
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            if "thead" in self.stack:
                self.head_rows.add((len(self.tables) - 1, len(self.tables[-1])))
            self.tables[-1].append([])
        if tag in ("th", "td", "h3", "h4", "p", "li"):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()
        if self._text is None:
            return
        text = " ".join("".join(self._text).split())
        self._text = None
        if tag in ("th", "td"):
            self.tables[-1][-1].append((tag, text))
        elif tag in ("h3", "h4"):
            self.headings.append((tag, text))
        elif tag == "p":
            self.paragraphs.append(text)
        elif tag == "li":
            self.items.append(text)

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def _rows(self, table: int, head: bool) -> list[list[str]]:
        rows = enumerate(self.tables[table])
        return [[text for _, text in r] for i, r in rows if ((table, i) in self.head_rows) == head]

    def header(self, table: int) -> list[str]:
        (row,) = self._rows(table, head=True)
        return row

    def body(self, table: int) -> list[list[str]]:
        return self._rows(table, head=False)

    def pairs(self, table: int) -> dict[str, str]:
        """A two-column table's rows as label -> value."""
        return dict(self.body(table))

    @property
    def title(self) -> str:
        return self.headings[0][1]

    def sections(self) -> list[str]:
        return [text for tag, text in self.headings if tag == "h4"]


def parse(obj: object) -> Fragment:
    html = obj._repr_html_()  # type: ignore[attr-defined]
    assert isinstance(html, str)
    return Fragment(html)


def assert_self_contained(f: Fragment) -> None:
    assert f.roots == ["div"], "one <div> holds the fragment"
    assert f.tags <= TAGS, f.tags - TAGS  # no script, style, link, img, a, ...
    assert f.attributes <= {"style"}, f.attributes  # no class, href, src, on...
    for style in f.styles:
        assert not re.search(r"url\(|@import|https?:|expression", style), style
        # Colours are the page's: no colour or background of the fragment's own.
        assert not re.search(r"(^|;)\s*(color|background[-a-z]*)\s*:", style), style
    assert not re.search(r"(?i)<script|<link|<style|https?://[^\s\"<]*\"", f.source)
    for table in f.tables:
        for row in table:
            assert all(text for _, text in row), f"empty cell in {row}"


# -- every record ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(public_record_classes()))
def test_every_record_shows_as_one_self_contained_fragment(name: str) -> None:
    instances = [x for x in shown() if type(x).__name__ == name]
    assert instances, f"no sample of {name}"
    for obj in instances[:4]:
        fragment = parse(obj)
        assert_self_contained(fragment)
        assert fragment.title


def test_generic_fallback_lists_fields() -> None:
    task = op.profile("43-6013").tasks[0]
    f = parse(task)
    assert f.header(0) == ["Field", "Value"]
    assert [row[0] for row in f.body(0)] == [a.name for a in attrs.fields(type(task))]
    assert ["text", task.text] in f.body(0)
    figure = op.estimate("29-1211", "Orlando").annual_mean
    cells = parse(figure).pairs(0)
    assert cells["status"] == "top-coded"
    assert cells["value"] == "none"  # said, not blank


# -- the profile card ------------------------------------------------------------


def test_profile_card() -> None:
    p = op.profile("43-6013")
    f = parse(p)
    assert f.title == "Medical Secretaries and Administrative Assistants (43-6013.00)"
    assert f.paragraphs[0] == p.description
    facts = f.pairs(0)
    assert p.job_zone is not None
    assert facts["Job zone"] == p.job_zone.name
    assert "43-6013 Medical Secretaries" in facts["Wages"]
    national = op.national("43-6013")
    assert p.national == national
    assert facts["Employment, United States"] == national.employment.format() == "961,610"
    assert facts["Mean wage"] == national.annual_mean.format(money=True) == "$46,800"
    assert f.sections() == [
        "Top skills",
        "Top abilities",
        "Top knowledge",
        "Top work activities",
        "Top work styles",
    ]
    tops = (
        op.skills_by_importance,
        op.abilities_by_importance,
        op.knowledge_by_importance,
        op.work_activities_by_importance,
        op.work_styles_by_importance,
    )
    for table, top in enumerate(tops, 1):
        expected = [[r.name, r.importance_text, r.level_text] for r in top("43-6013", 5)]
        assert f.header(table)[1:] == ["Importance (1-5)", "Level (0-7)"]
        assert f.body(table) == expected
    assert f.body(5)[0][2] == "no level scale"  # work styles


def test_profile_card_says_what_is_missing() -> None:
    f = parse(op.profile("55-1011"))
    facts = f.pairs(0)
    assert facts["Wages"] == "OEWS May 2025 publishes no estimate for this occupation."
    assert "Employment, United States" not in facts
    assert op.profile("55-1011").national is None
    assert any(p.startswith("No skills ratings") for p in f.paragraphs)
    actors = parse(op.profile("27-2011")).pairs(0)  # OEWS publishes an hourly mean only
    assert actors["Mean wage"] == "$58.29/hour"
    abilities = parse(op.profile("29-1211"))
    assert {row[2] for row in abilities.body(2)} == {"not rated"}


def test_profile_card_is_small() -> None:
    # The profile repr was 110,057 characters.
    assert len(op.profile("29-1141")._repr_html_()) < 20_000


# -- tables of collections ---------------------------------------------------------


def test_rating_section_shows_the_first_rows_and_counts_the_rest() -> None:
    skills = op.skills_by_importance("43-6013")
    assert len(skills) == 35
    f = parse(skills)
    assert f.title == "Skills (35 ratings)"
    assert f.header(0) == ["Skill", "Importance (1-5)", "Level (0-7)"]
    assert f.body(0) == [[r.name, r.importance_text, r.level_text] for r in skills[:20]]
    assert "… 15 more rows" in f.paragraphs
    top = parse(op.skills_by_importance("43-6013", 5))
    assert len(top.body(0)) == 5
    assert not any("more row" in p for p in top.paragraphs)


def test_ranking_table_words_unreleased_and_top_coded_wages() -> None:
    ranking = op.top_metros("29-1211", 10)
    f = parse(ranking)
    assert f.title == "Anesthesiologists (29-1211): metro areas by employment"
    assert f.header(0) == ["#", "Metro area", "Employment", "Annual mean wage"]
    body = f.body(0)
    assert [row[1] for row in body] == [r.area.name for r in ranking]
    assert [row[2] for row in body] == [r.estimate.employment.format() for r in ranking]
    wages = [row[3] for row in body]
    assert "(not released)" in wages
    assert ">= $239,200" in wages  # as Figure.format and the text report word it
    assert "&gt;= $239,200" in f.source


def test_ranking_by_another_figure_shows_it() -> None:
    f = parse(op.top_metros("43-6013", 5, by="lq"))
    assert f.header(0)[-1] == "Location quotient"
    states = parse(op.top_states("27-2011", 5, by="hourly_mean"))
    assert states.header(0)[1] == "State"
    assert all(row[3].endswith("/hour") for row in states.body(0))  # hourly-only actors
    assert content.HOURLY_NOTE in states.paragraphs


def test_estimate_shows_every_figure_and_its_status() -> None:
    e = op.estimate("29-1211", "Orlando")
    f = parse(e)
    assert f.header(0) == ["Measure", "Value", "Status"]
    rows = {row[0]: row[1:] for row in f.body(0)}
    assert len(rows) == 17
    value, status = rows["annual mean"]
    assert value == ">= $239,200"
    assert status == "top-coded [1]"
    assert f.items[0] == f"[1] {e.annual_mean.footnote}"
    actors = {row[0]: row[1:] for row in parse(op.national("27-2011")).body(0)}
    assert actors["annual mean"] == ["(hourly only)", "hourly only [1]"]
    assert actors["hourly mean"] == ["$58.29", "released"]


def test_search_and_listings() -> None:
    hits = op.search("nurse", 5)
    f = parse(hits)
    assert f.title == "5 search hits"
    assert [row[1] for row in f.body(0)] == [h.occupation.code for h in hits]
    areas = op.areas(kind="state")
    listing = parse(areas)
    assert listing.header(0) == ["Code", "Area", "Kind", "States"]
    assert len(listing.body(0)) == 20
    assert f"… {len(areas) - 20} more rows" in listing.paragraphs
    one = parse(op.area("San Diego"))
    assert one.title == "1 area"
    assert one.body(0) == [["0041740", "San Diego-Chula Vista-Carlsbad, CA", "metro", "CA"]]


def test_outlook_tables() -> None:
    f = parse(op.outlook("29-1211"))
    assert f.sections() == [
        "Projections 2024-34",
        "Earlier projections 2020-30",
        "National change, May 2019 to May 2025",
    ]
    projection = f.pairs(0)
    assert projection["Median annual wage 2024"] == ">= $239,200"
    assert projection["Self-employed 2024 (%)"] == "4.7"
    assert f.pairs(1)["Median annual wage 2020"] == ">= $208,000"
    assert f.header(2) == ["National", "May 2019 (29-1211)", "May 2025 (29-1211)", "Change"]
    assert f.body(2)[0] == ["Employment", "31,010", "38,760", "+7,750 (+25.0%)"]
    combined = parse(op.outlook("15-1252"))
    assert "not comparable" in combined.body(2)[0]
    note = op.outlook("15-1252").earlier_projection_note
    assert note is not None
    assert combined.paragraphs.count(note) == 1
    assert not any(p != note and p in note for p in combined.paragraphs[:4])  # said once


def test_state_view_and_certifications() -> None:
    f = parse(op.state_view("27-2011", "NY"))
    assert f.sections() == ["Metro areas", "Nonmetro areas"]
    assert f.paragraphs[0].startswith("New York: 6,630 jobs")
    assert "No nonmetro areas." in f.paragraphs
    certs = op.certifications("43-6013")
    c = parse(certs)
    assert [row[0] for row in c.body(0)] == [
        f"{x.name} ({x.abbreviation})" if x.abbreviation else x.name for x in certs
    ]
    assert parse(op.certifications("29-1211")).paragraphs == [
        "No certifications are curated for this occupation."
    ]


# -- questions across occupations ---------------------------------------------------


def test_every_collection_has_a_display_of_its_own() -> None:
    """No public collection falls back to the generic table of raw field names."""
    from occprofile._record import Results
    from occprofile._render.html import RENDERERS

    for name in sorted(public_record_classes()):
        cls = getattr(op.models, name, None) or getattr(op.career, name)
        if issubclass(cls, Results):
            assert any(c.__name__ in RENDERERS for c in cls.__mro__), name


def test_occupation_ranking_names_each_occupation_as_top_metros_names_areas() -> None:
    ranking = op.top_occupations("Boston", 5)
    f = parse(ranking)
    assert_self_contained(f)
    assert f.title == "Boston-Cambridge-Newton, MA-NH: occupations by employment"
    assert f.header(0) == [
        "#",
        "Code",
        "Occupation",
        "Employment",
        "Annual mean wage",
        "O*NET occupations",
    ]
    body = f.body(0)
    assert [row[1:3] for row in body] == [
        [r.estimate.occupation.code, r.estimate.occupation.title] for r in ranking
    ]
    assert [row[3] for row in body] == [r.estimate.employment.format() for r in ranking]
    assert [row[4] for row in body] == [r.estimate.annual_mean.format(money=True) for r in ranking]
    assert body[0][5] == "31-1121.00 +1 more"  # two O*NET occupations, compactly
    assert ranking.area is not None
    assert not any(ranking.area.name in cell for row in body for cell in row)  # said once
    assert f.paragraphs == ["Ranked by Occupational Employment and Wage Statistics, May 2025."]
    one = parse(ranking[0])
    assert one.body(0) == [body[0]]


def test_occupation_ranking_by_another_figure_shows_it_in_words() -> None:
    growth = op.top_occupations("United States", 3, by="projected_growth")
    f = parse(growth)
    assert f.title == "National: occupations by projected growth 2024-34"
    assert f.header(0)[3] == "Growth 2024-34"
    assert f.header(0)[-1] == "BLS code"
    assert [row[3] for row in f.body(0)] == [f"{r.ranked_value.format()}%" for r in growth]
    assert all(r.projection is not None for r in growth)
    assert [row[-1] for row in f.body(0)] == [r.projection.code for r in growth if r.projection]
    major = parse(op.top_occupations("California", 3, by="location_quotient", level="major"))
    assert major.title == "California: major groups by location quotient"
    assert major.header(0)[2:4] == ["Major group", "Location quotient"]
    hourly = parse(op.top_occupations("Boston", 3, by="hourly_median"))
    assert hourly.header(0)[3] == "Hourly median wage"
    assert all(row[3].startswith("$") for row in hourly.body(0))


def test_occupation_ranking_says_its_filters_and_why_it_is_empty() -> None:
    empty = op.top_occupations("Boston", 5, group="11", job_zone=1)
    f = parse(empty)
    assert f.items == ["Filter: SOC group 11-0000 (11)", "Filter: O*NET job zone 1"]
    assert empty.note is not None
    assert f.paragraphs == [empty.note]
    assert f.tables == []
    ranking = op.top_occupations("Boston", 2)
    first = attrs.evolve(
        ranking[0],
        estimate=attrs.evolve(
            ranking[0].estimate,
            occupation=attrs.evolve(ranking[0].estimate.occupation, title=EVIL),
        ),
    )
    _escaped(type(ranking)((first, ranking[1])))


def test_interest_matches_and_rating_gaps_read_in_words() -> None:
    matches = op.match_interests(social=6, conventional=5, n=3)
    f = parse(matches)
    assert f.title == "Occupations by interest profile (3 occupations)"
    assert f.header(0)[:5] == ["#", "Code", "Occupation", "Similarity", "High point"]
    assert [row[2] for row in f.body(0)] == [m.occupation.title for m in matches]
    assert f.paragraphs[0] == "Scores given: Social 6, Conventional 5."
    gap = op.compare_occupations("43-6013", "29-1141").gap
    g = parse(gap)
    assert g.header(0)[:3] == ["Domain", "Element", "Importance A"]
    assert [row[1] for row in g.body(0)] == [r.element.name for r in gap[:20]]
    no_level = next(r for r in gap if r.level_difference is None)  # abilities
    levels = ["n/a" if v is None else f"{v:.2f}" for v in (no_level.level_a, no_level.level_b)]
    assert parse(no_level).body(0)[0][-3:] == [*levels, "n/a"]
    selection = op.occupations(group="43", job_zone=2)
    s = parse(selection)
    assert s.items == [f"Filter: {c}" for c in selection.criteria]
    assert s.header(0) == ["Code", "Occupation", "OEWS code", "Wage basis"]


def test_occupation_comparison_html_says_what_its_markdown_says() -> None:
    c = op.compare_occupations("43-6013", "29-1141")
    f = parse(c)
    assert_self_contained(f)
    _assert_says(f, f"{c.a.title} vs {c.b.title}", content.occupation_comparison_sections(c))


# -- bulk tables: a preview of their rows ------------------------------------------


def _subset(table: tables.Table, names: tuple[str, ...]) -> tables.Table:
    kept = [c for c in table._table_columns() if c.name in names]
    return tables.Table(table.name, kept)


def test_a_bulk_table_previews_its_rows_under_its_shape() -> None:
    t = tables.estimates(occupation="43-6013", area_kind="state").head(3)
    f = parse(t)
    assert_self_contained(f)
    assert f.title == "estimates: 3 rows × 71 columns"  # noqa: RUF001
    names = list(t.columns)
    assert f.header(0) == ["row", *names[:10], "…", *names[-10:]]
    body = f.body(0)
    assert [row[0] for row in body] == ["0", "1", "2"]
    assert [row[1 + names.index("area_name")] for row in body] == t.column("area_name")
    assert all(row[11] == "…" for row in body)  # the columns left out
    employment = t.column("employment")
    assert [row[1 + names.index("employment")] for row in body] == [f"{v:,.0f}" for v in employment]
    assert "Showing all 3 rows, 20 of 71 columns" in f.paragraphs[0]
    narrow = parse(_subset(t, ("area_name", "employment", "hourly_mean", "annual_mean")))
    assert narrow.header(0) == ["row", "area_name", "employment", "hourly_mean", "annual_mean"]
    assert narrow.body(0)[0] == ["0", "Alabama", "16,580", "$18.97", "$39,460"]
    assert narrow.paragraphs == []  # nothing left out, nothing to say


def test_a_preview_shows_an_oews_figure_as_published() -> None:
    """A figure's decimals are the data's (0.90, not 0.9), not those the values on
    screen need: each cell of a one-row preview reads as the estimate's published text."""
    t = tables.estimates(occupation="43-6013", area_kind="state").head(3)
    kept = _subset(t, ("area_name", "location_quotient", "hourly_mean", "employment_rse"))
    names = list(kept.columns)
    trailing_zero = False
    for i, area in enumerate(t.column("area_name")):
        row = tables.Table(t.name, [c.slice(i, i + 1) for c in kept._table_columns()])
        e = op.estimate("43-6013", area)
        texts = {n: getattr(e, n).text for n in names if n != "area_name"}
        texts["hourly_mean"] = f"${texts['hourly_mean']}"
        assert parse(row).body(0)[0][1:] == [area if n == "area_name" else texts[n] for n in names]
        trailing_zero |= texts["location_quotient"].endswith("0")
    assert trailing_zero  # the case a guess from the value alone gets wrong


def test_a_long_table_shows_its_first_and_last_rows_reading_only_those(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    t = tables.estimates()
    assert len(t) == 236_799
    real_list, real_texts = Column.to_list, Column.texts

    def to_list(col: Column) -> list[object]:
        assert len(col) <= 5, f"{col} decoded whole"
        return real_list(col)

    def texts(col: Column, stop: int | None = None) -> list[bytes]:
        assert stop is not None, f"{col} split whole"
        assert stop <= 5, f"{col} split past the rows shown"
        return real_texts(col, stop)

    monkeypatch.setattr(Column, "to_list", to_list)
    monkeypatch.setattr(Column, "texts", texts)
    f = parse(t)
    assert f.title == "estimates: 236,799 rows × 71 columns"  # noqa: RUF001
    body = f.body(0)
    assert len(body) == 11
    assert [row[0] for row in body] == [
        *"01234",
        "…",
        "236,794",
        "236,795",
        "236,796",
        "236,797",
        "236,798",
    ]
    assert set(body[5]) == {"…"}  # the ellipsis row
    monkeypatch.undo()
    assert [row[2] for row in body[6:]] == t.column("occupation_title")[-5:]
    assert "rows 0-4 and 236,794-236,798, 20 of 71 columns" in f.paragraphs[0]


def test_a_text_column_previews_its_last_rows_from_the_end() -> None:
    values = [float(i) / 4 for i in range(30)]
    text = ",".join(("-" if i == 27 else repr(v)) for i, v in enumerate(values)).encode()
    valid = bytes(0 if i == 27 else 1 for i in range(30))
    col = Column("x", "float", text, encoding="text", valid=valid)
    f = parse(tables.Table("t", [col]))
    assert [row[1] for row in f.body(0)] == [
        *("0.00", "0.25", "0.50", "0.75", "1.00"),
        "…",
        *("6.25", "6.50", "none", "7.00", "7.25"),
    ]


def test_a_missing_value_in_a_table_says_why() -> None:
    executives = tables.estimates(occupation="11-1011", area_kind="state")
    shown = ("area_name", "employment", "employment_status", "employment_footnote")
    f = parse(_subset(executives.head(6), shown))
    colorado = f.body(0)[4]
    assert colorado == ["4", "Colorado", "(not released)", "not released", "Estimate not released."]
    assert f.body(0)[0][4] == "none"  # no footnote: said, not blank
    surgeons = tables.estimates(occupation="29-1022", area_kind="state").head(3)
    shown = ("area_name", "annual_p90", "annual_p90_status", "annual_p90_lower_bound")
    wages = parse(_subset(surgeons, shown))
    assert [row[2] for row in wages.body(0)] == [">= $239,200", ">= $239,200", "$432,240"]
    assert [row[3] for row in wages.body(0)] == ["top-coded", "top-coded", "released"]
    # Without its lower bound, a top-coded wage says its status, as Figure.format does.
    bare = parse(_subset(surgeons, ("area_name", "annual_p90", "annual_p90_status")))
    assert [row[2] for row in bare.body(0)] == ["(top-coded)", "(top-coded)", "$432,240"]
    assert "&gt;= $239,200" in wages.source


def test_a_table_preview_escapes_its_text_and_says_when_empty() -> None:
    table = tables.Table("evil", [Column("name", "str", [EVIL]), Column("n", "int", [1])])
    _escaped(table)
    empty = parse(tables.estimates(occupation="43-6013").head(0))
    assert_self_contained(empty)
    assert empty.title == "estimates: 0 rows × 71 columns"  # noqa: RUF001
    assert empty.body(0) == []
    assert "No rows." in empty.paragraphs


# -- reports and comparisons say what their text says -----------------------------


def _blocks_of(parts: list[Section]) -> tuple[list[Table], list[str], list[str]]:
    blocks = [b for s in parts for b in s.blocks]
    tables = [b for b in blocks if isinstance(b, Table)]
    paragraphs = [" ".join(b.split()) for b in blocks if isinstance(b, str)]
    items = [" ".join(i.split()) for b in blocks if isinstance(b, Bullets) for i in b.items]
    return tables, paragraphs, items


def _assert_says(f: Fragment, title: str, parts: list[Section]) -> None:
    tables, paragraphs, items = _blocks_of(parts)
    assert f.title == title
    assert f.sections() == [s.title for s in parts]
    assert len(f.tables) == len(tables)
    for i, table in enumerate(tables):
        assert f.header(i) == list(table.headers)
        assert f.body(i) == [list(row) for row in table.rows]
    assert f.paragraphs == paragraphs
    assert f.items == items


@pytest.mark.parametrize("code", ["27-2011.00", "29-1211.00", "55-1011.00", "15-1252.00"])
def test_report_html_says_what_its_text_says(code: str) -> None:
    report = op.report(code, compare=("Los Angeles", "San Diego"))
    f = parse(report)
    assert_self_contained(f)
    _assert_says(f, f"{report.occupation.title} ({code})", content.sections(report))
    assert report._repr_markdown_() == report.to_markdown()  # still there for other frontends


def test_comparison_html_says_what_its_text_says() -> None:
    for c in (answers()["compare_metros"], answers()["compare no estimate"]):
        assert isinstance(c, op.Comparison)
        f = parse(c)
        _assert_says(f, *content._comparison_document(c))
        assert [row[0] for row in f.body(0)] == [r.measure.replace("_", " ") for r in c.rows]


# -- escaping --------------------------------------------------------------------

EVIL = "<script>alert('x')</script> & <b>bold</b>"


def _escaped(obj: object) -> None:
    f = parse(obj)
    assert "<script" not in f.source
    assert "<b>" not in f.source
    assert "&lt;script&gt;" in f.source
    cells = [cell for table in f.tables for row in table for _, cell in row]
    assert EVIL in f.paragraphs + cells  # the text itself, shown as typed


def test_text_from_the_data_is_escaped() -> None:
    p = op.profile("43-6013")
    _escaped(attrs.evolve(p, description=EVIL))
    _escaped(attrs.evolve(p.tasks[0], text=EVIL))
    report = op.report("43-6013")
    _escaped(attrs.evolve(report, description=EVIL))
    ranked = op.top_metros("43-6013", 2)
    area = attrs.evolve(ranked[0].area, name=EVIL)
    first = attrs.evolve(ranked[0], estimate=attrs.evolve(ranked[0].estimate, area=area))
    _escaped(type(ranked)((first, ranked[1])))
    renamed = attrs.evolve(p, occupation=attrs.evolve(p.occupation, title=EVIL))
    assert parse(renamed).title == f"{EVIL} (43-6013.00)"


# -- layout ----------------------------------------------------------------------


def test_facts_render_in_every_format() -> None:
    parts = [Section("Key facts", (Facts((("Job zone", "Two"), ("Wage", "$5 <a>"))),))]
    assert "- Job zone: Two\n- Wage: $5 <a>\n" in text_document("T", parts)
    assert "- **Job zone:** Two\n- **Wage:** \\$5 \\<a\\>\n" in markdown_document("T", parts)
    f = Fragment(html_document("T", parts))
    assert f.body(0) == [["Job zone", "Two"], ["Wage", "$5 <a>"]]


def test_html_document_cuts_long_tables_only_when_asked() -> None:
    rows = tuple((str(i),) for i in range(25))
    parts = [Section("", (Table(("N",), rows, "r"),))]
    assert len(Fragment(html_document("T", parts)).body(0)) == 25
    cut = Fragment(html_document("T", parts, max_rows=20))
    assert len(cut.body(0)) == 20
    assert cut.paragraphs == ["… 5 more rows"]
    assert cut.sections() == []  # an untitled section has no heading


# -- golden files ------------------------------------------------------------------

GOLDEN_CASES: dict[str, Callable[[], object]] = {
    "profile-43-6013.00": lambda: op.profile("43-6013"),
    "top_metros-29-1211": lambda: op.top_metros("29-1211", 10),
    "compare-43-6013-los-angeles-san-diego": lambda: op.compare_metros(
        "43-6013", "Los Angeles", "San Diego"
    ),
    "report-27-2011.00": lambda: op.report("27-2011.00"),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name: str, update_golden: bool) -> None:
    html = GOLDEN_CASES[name]()._repr_html_()  # type: ignore[attr-defined]
    check_golden(GOLDEN / f"{name}.html", html, update_golden)
