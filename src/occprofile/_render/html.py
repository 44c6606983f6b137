"""HTML for Jupyter: every record and table as a small, self-contained fragment.

What a fragment says is built here as ``layout`` sections, in ``content``'s
words (a report and a comparison are exactly the sections their text and
Markdown show); ``layout.html_document`` writes them out. Text from the data
goes through ``html.escape``; styles are inline, there are no scripts and no
external assets. Records are imported for type checking only and found by
class name, so this module imports nothing of the package at run time.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs

from . import content, phrases
from .layout import Block, Bullets, Facts, Section, Table, html_document

if TYPE_CHECKING:
    from ..career import (
        Certification,
        Distribution,
        Education,
        GapRow,
        HistoricalEstimate,
        InterestMatch,
        MatchedCode,
        NationalChange,
        OccupationComparison,
        Outlook,
        Projection,
        Projection2020,
        RankedOccupation,
        RatingMatch,
        Report,
        SimilarOccupation,
        StateView,
    )
    from ..models import (
        Area,
        Comparison,
        Estimate,
        Figure,
        Occupation,
        Profile,
        RankedEstimate,
        Rating,
        RatingSection,
        Release,
        SearchHit,
        WageOccupation,
    )

#: Rows a table of a record or a collection shows before "… N more rows".
MAX_ROWS = 20
#: Ratings per section on a profile card (a career page shows the top five).
CARD_RATINGS = 5
#: The longest cell of the generic field table, in characters.
CELL_WIDTH = 300


def _page(title: str, parts: Sequence[Section], card: bool = False, wide: bool = False) -> str:
    return html_document(title, parts, max_rows=MAX_ROWS, card=card, wide=wide)


def _one(title: str, blocks: Sequence[Block], wide: bool = False) -> str:
    """A fragment of one untitled section (``wide``: as wide as the page, for many columns)."""
    return _page(title, [Section("", tuple(blocks))], wide=wide)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {phrases.plural(noun, n)}"


def _named(occupation: Occupation | WageOccupation) -> str:
    return f"{occupation.title} ({occupation.code})"


# -- the profile card ----------------------------------------------------------


def profile_card(p: Profile) -> str:
    """Title and code, description, job zone, national employment and mean wage, and
    the top five ratings of each section, most important first."""
    zone = p.job_zone.name if p.job_zone else "O*NET assigns none to this occupation."
    facts = [("Job zone", zone)]
    n = p.national
    if p.wage_occupation is None:
        facts.append(("Wages", "OEWS May 2025 publishes no estimate for this occupation."))
    else:
        facts.append(("Wages", f"OEWS {p.wage_occupation}"))
        if n is None:
            facts.append(("United States", "OEWS May 2025 has no national estimate."))
        else:
            facts.append(("Employment, United States", n.employment.format()))
            facts.append(("Mean wage", phrases.mean_wage(n.annual_mean, n.hourly_mean)))
    parts = [Section("", (p.description, Facts(tuple(facts))))]
    for domain, (plural, _) in content.RATING_TITLES.items():  # a career page's order
        section: RatingSection = getattr(p, domain)
        top = section._by_importance(CARD_RATINGS)
        parts.append(Section(f"Top {plural.lower()}", content.rating_blocks(top)))
    return _page(_named(p.occupation), parts, card=True)


# -- ratings, rankings, estimates ----------------------------------------------


def rating_section(section: RatingSection) -> str:
    plural = content.RATING_TITLES.get(section.domain, (section.domain, ""))[0]
    return _one(f"{plural} ({_count(len(section), 'rating')})", content.rating_blocks(section))


def rating(r: Rating) -> str:
    singular = content.RATING_TITLES.get(r.element.domain or "", ("", "Element"))[1]
    row = (r.name, r.importance_text, r.level_text)
    return _one(r.name, [Table((singular, "Importance (1-5)", "Level (0-7)"), (row,), "lrr")])


#: What a ranking's area column is called when all its areas are of one kind.
_AREA_LABELS = {"metro": "Metro area", "nonmetro": "Nonmetro area", "state": "State"}


def _area_label(rows: Sequence[RankedEstimate]) -> str:
    kinds = {str(r.estimate.area.kind) for r in rows}
    return _AREA_LABELS.get(kinds.pop(), "Area") if len(kinds) == 1 else "Area"


def ranking(rows: Sequence[RankedEstimate]) -> str:
    if not rows:
        return _one("Ranking", ["No areas to rank."])
    label = _area_label(rows)
    by = rows[0].by.replace("_", " ")
    title = f"{_named(rows[0].estimate.occupation)}: {label.lower()}s by {by}"
    return _one(title, content.ranking_blocks(rows, label))


def estimate(e: Estimate) -> str:
    """All 17 figures with their status; footnotes numbered under the table."""
    notes: list[str] = []
    rows = []
    for field in attrs.fields(type(e)):
        figure = getattr(e, field.name)
        if field.name in ("occupation", "area"):
            continue
        status = str(figure.status)
        if figure.footnote:
            if figure.footnote not in notes:
                notes.append(figure.footnote)
            status += f" [{notes.index(figure.footnote) + 1}]"
        money = content.is_money(field.name)
        rows.append((field.name.replace("_", " "), figure.format(money=money), status))
    blocks: list[Block] = [Table(("Measure", "Value", "Status"), tuple(rows), "lrl")]
    if notes:
        blocks.append(Bullets(tuple(f"[{i}] {note}" for i, note in enumerate(notes, 1))))
    kind = "" if str(e.area.kind) == "national" else f" ({e.area.kind})"
    return _one(f"{_named(e.occupation)}: {e.area.name}{kind}", blocks)


def estimates(rows: Sequence[Estimate]) -> str:
    if not rows:
        return _one("Estimates", ["No estimates."])
    table = Table(
        ("Area", "Kind", "Employment", "Annual mean wage", "Location quotient"),
        tuple(
            (
                e.area.name,
                str(e.area.kind),
                e.employment.format(),
                phrases.mean_wage(e.annual_mean, e.hourly_mean),
                e.location_quotient.format(),
            )
            for e in rows
        ),
        "llrrr",
    )
    pairs = [(e.annual_mean, e.hourly_mean) for e in rows]
    title = f"{_named(rows[0].occupation)}: {_count(len(rows), 'estimate')}"
    return _one(title, [table, *content.hourly_note(pairs)])


def comparison(c: Comparison) -> str:
    return content.render_comparison_html(c)


# -- search, occupations, areas, releases --------------------------------------


def _listing(
    noun: str, headers: tuple[str, ...], align: str, rows: Sequence[tuple[str, ...]]
) -> str:
    """A collection as one table under a count ("3 areas"), or a line saying it is empty."""
    if not rows:
        return _one(f"No {noun}s", [f"No {noun}s."])
    return _one(_count(len(rows), noun), [Table(headers, tuple(rows), align)])


def search_hits(hits: Sequence[SearchHit]) -> str:
    rows = [
        (
            str(i),
            h.occupation.code,
            h.occupation.title,
            f"{h.matched_kind}: {h.matched_title}",
            f"{h.score:.2f}",
        )
        for i, h in enumerate(hits, 1)
    ]
    return _listing("search hit", ("#", "Code", "Occupation", "Matched", "Score"), "rlllr", rows)


def occupations(rows: Sequence[Occupation]) -> str:
    """A listing of occupations; a selection (``occupations(...)``) under the filters it applied."""
    table = tuple(
        (o.code, o.title, o.wage_code or "none", o.wage_basis or "no OEWS estimate") for o in rows
    )
    headers = ("Code", "Occupation", "OEWS code", "Wage basis")
    criteria = _criteria(rows)
    if not criteria:
        return _listing("occupation", headers, "llll", table)
    blocks: list[Block] = [criteria]
    blocks.append(Table(headers, table, "llll") if table else "No occupation passes the filters.")
    return _one(_count(len(table), "occupation"), blocks)


def _criteria(rows: object) -> Bullets | None:
    """The filters a selection or ranking applied, as a list ("Filters: ...")."""
    criteria: tuple[str, ...] = getattr(rows, "criteria", ())
    return Bullets(tuple(f"Filter: {c}" for c in criteria)) if criteria else None


def wage_occupations(rows: Sequence[WageOccupation]) -> str:
    table = [(o.code, o.title, o.level) for o in rows]
    return _listing("OEWS occupation", ("Code", "Occupation", "Level"), "lll", table)


def areas(rows: Sequence[Area]) -> str:
    table = [(a.code, a.name, str(a.kind), ", ".join(a.states) or "all") for a in rows]
    return _listing("area", ("Code", "Area", "Kind", "States"), "llll", table)


def releases(rows: Sequence[Release]) -> str:
    table = [(r.name, r.period, r.version, r.publisher, r.license) for r in rows]
    headers = ("Release", "Period", "Version", "Publisher", "License")
    return _listing("release", headers, "lllll", table)


# -- questions across occupations ------------------------------------------------

#: What a ranking of occupations ranks, in words, by its ``by``.
_RANKED_WORDS = {
    "employment": "employment",
    "annual_mean": "annual mean wage",
    "hourly_mean": "hourly mean wage",
    "location_quotient": "location quotient",
    "jobs_per_1000": "jobs per 1,000",
    "projected_growth": "projected growth 2024-34",
    "projected_openings": "projected openings a year",
}
#: The column of the ranked figure, when it is neither employment nor the annual mean.
_RANKED_HEADERS = {
    "projected_growth": "Growth 2024-34",
    "projected_openings": "Openings a year (thousands)",
    "location_quotient": "Location quotient",
    "jobs_per_1000": "Jobs per 1,000",
}
#: What a row is, by the SOC level ranked.
_LEVEL_NOUNS = {
    "detailed": "occupation",
    "broad": "broad occupation",
    "minor": "minor group",
    "major": "major group",
    "total": "total",
}


def _ranked_words(by: str) -> str:
    if by in _RANKED_WORDS:
        return _RANKED_WORDS[by]
    words = by.replace("_", " ")
    return f"{words} wage" if content.is_money(by) else words


def _ranked_header(by: str) -> str:
    return _RANKED_HEADERS.get(by) or _ranked_words(by).capitalize()


def _ranked_cell(by: str, value: Figure) -> str:
    if by in ("projected_growth", "projected_openings"):
        if not value.released:
            return "no projection"
        return f"{value.format()}%" if by == "projected_growth" else value.format()
    return value.format(money=content.is_money(by))


def _onet_codes(occupations: Sequence[Occupation]) -> str:
    """The O*NET occupations a row covers: the first one's code, and how many more."""
    codes = [o.code for o in occupations]
    if not codes:
        return "none"
    return codes[0] if len(codes) == 1 else f"{codes[0]} +{len(codes) - 1} more"


def _projection_code(code: MatchedCode | None) -> str:
    """The projections code that answered: the code, and how it relates when not the same."""
    if code is None:
        return "none"
    return code.code if code.exact else f"{code.code} ({code.match})"


def occupation_ranking(rows: Sequence[RankedOccupation]) -> str:
    """A ranking of occupations (``top_occupations``) as ``top_metros`` shows areas: the
    occupation named, the ranked figure under its name in words, jobs and mean wage, the
    O*NET occupations each covers and, where one answered, the projections code."""
    area = getattr(rows, "area", None) or (rows[0].estimate.area if rows else None)
    by = str(getattr(rows, "by", None) or (rows[0].by if rows else "employment"))
    level = str(getattr(rows, "level", "detailed"))
    noun = _LEVEL_NOUNS.get(level, "occupation")
    plural = noun if noun == "total" else f"{noun}s"
    where = f"{area.name}: " if area is not None else ""
    title = f"{where}{plural} by {_ranked_words(by)}"
    blocks: list[Block] = []
    criteria = _criteria(rows)
    if criteria:
        blocks.append(criteria)
    if not rows:
        note = getattr(rows, "note", None)
        return _one(title, [*blocks, note or f"No {plural} to rank."])
    extra = by not in ("employment", "annual_mean")
    projected = any(r.projection is not None for r in rows)
    headers: tuple[str, ...] = (
        "#",
        "Code",
        noun.capitalize() if noun != "total" else "Occupation",
        *((_ranked_header(by),) if extra else ()),
        "Employment",
        "Annual mean wage",
        "O*NET occupations",
        *(("BLS code",) if projected else ()),
    )
    table = tuple(
        (
            str(r.rank),
            r.estimate.occupation.code,
            r.estimate.occupation.title,
            *((_ranked_cell(by, r.ranked_value),) if extra else ()),
            r.estimate.employment.format(),
            phrases.mean_wage(r.estimate.annual_mean, r.estimate.hourly_mean),
            _onet_codes(r.occupations),
            *((_projection_code(r.projection),) if projected else ()),
        )
        for r in rows
    )
    align = "rLl" + "r" * extra + "rrL" + "L" * projected
    blocks.append(Table(headers, table, align))
    blocks.extend(
        content.hourly_note([(r.estimate.annual_mean, r.estimate.hourly_mean) for r in rows])
    )
    release = getattr(rows, "release", None)
    if release is not None:
        blocks.append(f"Ranked by {release.name}, {release.period}.")
    return _one(title, blocks, wide=True)


def interest_matches(rows: Sequence[InterestMatch]) -> str:
    """Occupations by closeness of interest profile: similarity, high point, the six scores."""
    given: tuple[tuple[str, float], ...] = getattr(rows, "given", ())
    blocks: list[Block] = []
    if given:
        blocks.append("Scores given: " + ", ".join(f"{n} {v:g}" for n, v in given) + ".")
    if not rows:
        blocks.append("No occupation to compare.")
    else:
        names = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
        headers = (
            "#",
            "Code",
            "Occupation",
            "Similarity",
            "High point",
            *(n.capitalize() for n in names),
        )
        table = tuple(
            (
                str(i),
                m.occupation.code,
                m.occupation.title,
                f"{m.similarity:.3f}",
                str(m.high_point) if m.high_point is not None else "none",
                *(f"{getattr(m, n):.2f}" for n in names),
            )
            for i, m in enumerate(rows, 1)
        )
        blocks.append(Table(headers, table, "rLlrl" + "r" * len(names)))
    method = getattr(rows, "method", "")
    if method:
        blocks.append(f"Closeness: {method}.")
    title = f"Occupations by interest profile ({_count(len(rows), 'occupation')})"
    return _one(title, blocks, wide=True)


def rating_gap(rows: Sequence[GapRow]) -> str:
    """Where occupation ``b`` needs more than ``a``: both ratings and the differences."""
    if not rows:
        return _one("Where B needs more than A", ["No element where B needs more than A."])

    def level(value: float | None, signed: bool = False) -> str:
        if value is None:
            return "n/a"
        return f"{value:+.2f}" if signed else f"{value:.2f}"

    table = tuple(
        (
            content.RATING_TITLES.get(g.domain, (g.domain, ""))[0],
            g.element.name,
            f"{g.importance_a:.2f}",
            f"{g.importance_b:.2f}",
            f"{g.importance_difference:+.2f}",
            level(g.level_a),
            level(g.level_b),
            level(g.level_difference, signed=True),
        )
        for g in rows
    )
    headers = (
        "Domain",
        "Element",
        "Importance A",
        "Importance B",
        "Importance B - A",
        "Level A",
        "Level B",
        "Level B - A",
    )
    title = f"Where B needs more than A ({_count(len(rows), 'element')})"
    note = "O*NET importance 1-5, level 0-7; n/a: no level rating for one of the two."
    return _one(title, [Table(headers, table, "llrrrrrr"), note], wide=True)


def occupation_comparison(c: OccupationComparison) -> str:
    return content.render_occupation_comparison_html(c)


# -- the rest of a career profile ----------------------------------------------


def education(e: Education) -> str:
    return _page(
        _named(e.occupation), [Section("Education and training", content.education_blocks(e))]
    )


def distribution(d: Distribution) -> str:
    rows = tuple((content.share_text(s), s.label) for s in d.shares)
    return _one(f"{d.name} ({d.scale})", [Table(("Share", "Category"), rows, "rl")])


def _exam(c: Certification) -> str:
    if c.exam is None:
        return "none listed"
    parts = f"{c.exam.parts}-part exam" if c.exam.parts else "Exam"
    return f"{parts}: {'; '.join(c.exam.topics)}" if c.exam.topics else parts


def certifications(rows: Sequence[Certification]) -> str:
    if not rows:
        return _one("Certifications", ["No certifications are curated for this occupation."])
    table = tuple(
        (
            f"{c.name} ({c.abbreviation})" if c.abbreviation else c.name,
            c.issuer,
            c.level,
            _exam(c),
            c.summary + (f" Note: {c.note}" if c.note else ""),
        )
        for c in rows
    )
    headers = ("Certification", "Issuer", "Level", "Exam", "About")
    return _one(_count(len(rows), "certification"), [Table(headers, table, "lllll")])


def similar_occupations(rows: Sequence[SimilarOccupation]) -> str:
    return _one(content.SIMILAR_TITLE, content.similar_blocks(rows))


def rating_matches(rows: Sequence[RatingMatch]) -> str:
    if not rows:
        return _one("Occupations with similar ratings", ["No occupation to compare."])
    table = tuple(
        (str(i), m.occupation.code, m.occupation.title, f"{m.similarity:.3f}", str(m.elements))
        for i, m in enumerate(rows, 1)
    )
    headers = ("#", "Code", "Occupation", "Similarity", "Ratings compared")
    title = f"Occupations with similar ratings ({', '.join(rows[0].domains)})"
    return _one(title, [Table(headers, table, "rllrr")])


def _projection_2024(p: Projection) -> Section:
    employment = (p.employment_2024_thousands, p.employment_2034_thousands)
    self_employed = (("Self-employed 2024 (%)", p.percent_self_employed.format()),)
    return _projection_section(
        p, ("2024", "2034"), employment, extra=self_employed, wage=p.median_wage_2024
    )


def _projection_2020(p: Projection2020, note: str | None) -> Section:
    employment = (p.employment_2020_thousands, p.employment_2030_thousands)
    return _projection_section(
        p, ("2020", "2030"), employment, extra=(), wage=p.median_wage_2020, note=note
    )


def _projection_section(
    p: Projection | Projection2020,
    years: tuple[str, str],
    employment: tuple[Figure, Figure],
    *,
    extra: tuple[tuple[str, str], ...],
    wage: Figure,
    note: str | None = None,
) -> Section:
    """One release's projection as a measure/value table, with its note."""
    start, end = years
    period = f"{start}-{end[2:]}"
    rows = (
        (f"Employment {start} (thousands)", employment[0].format()),
        (f"Employment {end} (thousands)", employment[1].format()),
        (f"Change {period} (thousands)", p.change_thousands.format()),
        (f"Change {period} (%)", p.percent_change.format()),
        ("Openings a year (thousands)", p.annual_openings_thousands.format()),
        *extra,
        (f"Median annual wage {start}", wage.format(money=True)),
    )
    blocks: list[Block] = [
        f"BLS {p.source.code} {p.source.title} ({p.source.match}).",
        Table(("Measure", "Value"), rows, "lr"),
    ]
    if wage.footnote:
        blocks.append(f"Median annual wage {start}: {wage.footnote}")
    note = p.source.note if note is None else note  # an outlook's note includes the source's
    if note:
        blocks.append(note)
    title = f"Projections {period}" if start == "2024" else f"Earlier projections {period}"
    return Section(title, tuple(blocks))


def _change_section(h: NationalChange) -> Section:
    def side(estimate: HistoricalEstimate | Estimate | None, field: str, money: bool) -> str:
        figure: Figure | None = getattr(estimate, field, None)
        return figure.format(money=money) if figure is not None else "no estimate"

    def change(field: str, money: bool, digits: int) -> str:
        value = getattr(h, f"{field}_change")
        percent = getattr(h, f"{field}_percent_change")
        if value is None or percent is None:
            return "not computed" if h.comparable else "not comparable"
        return f"{content.signed(value, money, digits)} ({percent:+.1f}%)"

    before, after = h.earlier, h.later
    rows = tuple(
        (
            label,
            side(before, field, money),
            side(after, field, money),
            change(field, money, digits),
        )
        for label, field, money, digits in (
            ("Employment", "employment", False, 0),
            ("Annual mean wage", "annual_mean", True, 0),
            ("Hourly mean wage", "hourly_mean", True, 2),
        )
    )
    headers = (
        "National",
        f"May 2019 ({before.code})" if before else "May 2019",
        f"May 2025 ({after.occupation.code})" if after else "May 2025",
        "Change",
    )
    blocks: tuple[Block, ...] = (
        Table(headers, rows, "lrrr"),
        "Wages are not adjusted for inflation.",
        *h.notes,
    )
    return Section("National change, May 2019 to May 2025", blocks)


def outlook(o: Outlook) -> str:
    first = (
        _projection_2024(o.projection)
        if o.projection is not None
        else Section("Projections 2024-34", (o.projection_note or "No projection.",))
    )
    earlier = (
        _projection_2020(o.earlier_projection, o.earlier_projection_note)
        if o.earlier_projection is not None
        else Section(
            "Earlier projections 2020-30", (o.earlier_projection_note or "No projection.",)
        )
    )
    return _page(f"{_named(o.occupation)}: outlook", [first, earlier, _change_section(o.history)])


def projection(p: Projection) -> str:
    return _page(_named(p.occupation), [_projection_2024(p)])


def projection_2020(p: Projection2020) -> str:
    return _page(_named(p.occupation), [_projection_2020(p, None)])


def national_change(h: NationalChange) -> str:
    return _page(_named(h.occupation), [_change_section(h)])


def state_view(v: StateView) -> str:
    if v.estimate is not None:
        e = v.estimate
        first: tuple[Block, ...] = (
            f"{v.state.name}: {phrases.jobs_and_wage(e.employment, e.annual_mean, e.hourly_mean)}.",
        )
    else:
        first = ()
    parts = [Section("", (*first, *v.notes))] if first or v.notes else []
    for title, rows in (("Metro areas", v.metros), ("Nonmetro areas", v.nonmetro)):
        blocks = content.ranking_blocks(rows, title[:-1]) if rows else [f"No {title.lower()}."]
        parts.append(Section(title, tuple(blocks)))
    return _page(f"{_named(v.occupation)} in {v.state.name}", parts)


def report(r: Report) -> str:
    return content.render_html(r)


# -- anything else -------------------------------------------------------------


def _cell(value: object) -> str:
    """A value in a generic table: missing said in words, nested records by their text."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, float):
        return f"{value:g}"
    if _is_collection(value):
        value = tuple(cast("Sequence[Any]", value))
        if not value:
            return "none"
        if all(isinstance(v, str) for v in value):
            text = "; ".join(value)
        else:
            text = f"{_count(len(value), 'item')}: " + "; ".join(_cell(v) for v in value[:3])
            text += "; ..." if len(value) > 3 else ""
    elif type(value).__name__ == "Figure":
        text = value.format()  # type: ignore[attr-defined]
    else:
        text = str(value) or "(empty)"
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 3] + "..."


def _has_str(value: object) -> bool:
    return type(value).__str__ is not object.__str__


def generic_record(obj: Any) -> str:
    """Any other record: its fields and their values."""
    name = type(obj).__name__
    title = f"{name}: {obj}" if _has_str(obj) and len(str(obj)) <= 100 else name
    rows = tuple((f.name, _cell(getattr(obj, f.name))) for f in attrs.fields(type(obj)))
    return _one(title, [Table(("Field", "Value"), rows, "ll")])


def generic_collection(rows: Sequence[Any]) -> str:
    """Any other collection: one column per field of its records (or one of their text)."""
    noun = str(getattr(rows, "item_name", "item"))
    if rows and all(attrs.has(type(r)) for r in rows):
        names = tuple(f.name for f in attrs.fields(type(rows[0])))
        table = [tuple(_cell(getattr(r, n, None)) for n in names) for r in rows]
        return _listing(noun, names, "l" * len(names), table)
    return _listing(noun, (noun.capitalize(),), "l", [(_cell(r),) for r in rows])


def bulk_table(table: Any) -> str:
    """A bulk table (``occprofile.tables``): a preview of its first and last rows."""
    from .preview import bulk_table as preview

    return preview(table)


def _single(render: Callable[[Sequence[Any]], str]) -> Callable[[Any], str]:
    """A record shown as the one row of its collection's table."""
    return lambda obj: render((obj,))


#: Renderers by class name (the classes are not imported; see the module docstring).
RENDERERS: dict[str, Callable[[Any], str]] = {
    "Profile": profile_card,
    "RatingSection": rating_section,
    "Rating": rating,
    "Ranking": ranking,
    "RankedEstimate": _single(ranking),
    "Estimate": estimate,
    "Estimates": estimates,
    "Comparison": comparison,
    "SearchHits": search_hits,
    "SearchHit": _single(search_hits),
    "Occupations": occupations,
    "Occupation": _single(occupations),
    "WageOccupations": wage_occupations,
    "WageOccupation": _single(wage_occupations),
    "Areas": areas,
    "Area": _single(areas),
    "Releases": releases,
    "Release": _single(releases),
    "Education": education,
    "Distribution": distribution,
    "Certifications": certifications,
    "Certification": _single(certifications),
    "SimilarOccupations": similar_occupations,
    "SimilarOccupation": _single(similar_occupations),
    "RatingMatches": rating_matches,
    "RatingMatch": _single(rating_matches),
    "Projection": projection,
    "Projection2020": projection_2020,
    "NationalChange": national_change,
    "Outlook": outlook,
    "StateView": state_view,
    "Report": report,
    "OccupationRanking": occupation_ranking,
    "RankedOccupation": _single(occupation_ranking),
    "InterestMatches": interest_matches,
    "InterestMatch": _single(interest_matches),
    "RatingGap": rating_gap,
    "GapRow": _single(rating_gap),
    "OccupationComparison": occupation_comparison,
    "Table": bulk_table,
}


def _is_collection(value: object) -> bool:
    """A tuple, or a result collection (found by class name, as the renderers are)."""
    return isinstance(value, tuple) or any(c.__name__ == "Results" for c in type(value).__mro__)


def render_html(obj: object) -> str:
    """The HTML display of a record or table: one self-contained ``<div>``."""
    for cls in type(obj).__mro__:
        render = RENDERERS.get(cls.__name__)
        if render is not None:
            return render(obj)
    if _is_collection(obj):
        return generic_collection(cast("Sequence[Any]", obj))
    if attrs.has(type(obj)):
        return generic_record(obj)
    return _one(type(obj).__name__, [str(obj)])
