"""What a printed report or comparison says, section by section.

The words, figures and their order; ``layout`` turns the sections into text,
Markdown or HTML. Records are imported for type checking only: the records'
display methods import this module, never the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .layout import (
    Block,
    Bullets,
    Section,
    Table,
    html_document,
    markdown_document,
    text_document,
)
from .phrases import hourly_instead, jobs_and_wage, mean_wage

if TYPE_CHECKING:
    from ..career import (
        Distribution,
        Education,
        OccupationComparison,
        Outlook,
        Projection,
        Projection2020,
        RankedOccupation,
        Report,
        SimilarOccupation,
    )
    from ..models import (
        Comparison,
        ComparisonRow,
        EducationShare,
        Figure,
        RankedEstimate,
        RatingSection,
    )

RATING_TITLES = {
    "skills": ("Skills", "Skill"),
    "abilities": ("Abilities", "Ability"),
    "knowledge": ("Knowledge", "Knowledge area"),
    "work_activities": ("Work activities", "Work activity"),
    "work_styles": ("Work styles", "Work style"),
}


# -- content ----------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{value:.1f}%"


LOW_PRECISION = " (low precision)"


def share_text(share: EducationShare) -> str:
    """A percentage, caveated when O*NET recommends suppressing it (low precision)."""
    return _pct(share.percent) + (LOW_PRECISION if share.recommend_suppress else "")


def _distribution(label: str, dist: Distribution) -> str:
    top = dist.most_common
    return f"{label}: most common answer '{top.label}' ({share_text(top)} of respondents)."


HOURLY_NOTE = "/hour: OEWS publishes only an hourly mean wage for that row."


def hourly_note(pairs: Sequence[tuple[Figure, Figure]]) -> list[Block]:
    return [HOURLY_NOTE] if any(hourly_instead(a, h) for a, h in pairs) else []


def education_blocks(e: Education) -> tuple[Block, ...]:
    """Job zone, the required-education table, the other distributions' most
    common answers, BLS entry requirements; what is missing is in ``e.notes``."""
    distributions = (
        e.required_education,
        e.related_experience,
        e.on_site_training,
        e.on_the_job_training,
    )
    if e.job_zone is None and e.entry_requirements is None and not any(distributions):
        return (
            "No education or training data: O*NET publishes none for this occupation and "
            "the BLS 2024-34 projections have no row for it.",
        )
    blocks: list[Block] = []
    if e.job_zone is None:
        blocks.append("Job zone: O*NET assigns none to this occupation.")
    else:
        blocks.append(f"{e.job_zone.name}. {e.job_zone.education}")
    if e.required_education is not None:
        shares = sorted(e.required_education, key=lambda s: (-s.percent, s.category))
        rows = tuple((share_text(s), s.label) for s in shares if s.percent > 0)
        blocks.append("Required level of education (O*NET, share of respondents):")
        blocks.append(Table(("Share", "Education"), rows, "rl"))
    others = [
        _distribution(label, dist)
        for label, dist in (
            ("Related work experience", e.related_experience),
            ("On-site or in-plant training", e.on_site_training),
            ("On-the-job training", e.on_the_job_training),
        )
        if dist is not None
    ]
    if others:
        blocks.append(Bullets(tuple(others)))
    if e.entry_requirements is not None:
        r = e.entry_requirements
        code = f", code {e.entry_source.code}" if e.entry_source else ""
        blocks.append(
            f"Typical entry requirements (BLS projections {r.release}{code}): {r.education}; "
            f"work experience in a related occupation: {r.work_experience}; "
            f"on-the-job training: {r.training}."
        )
    blocks.extend(e.notes)
    return tuple(blocks)


def certification_blocks(report: Report) -> tuple[Block, ...]:
    if not report.certifications:
        return ("No certifications are curated for this occupation.",)
    items = []
    for c in report.certifications:
        text = f"{c}; level: {c.level}. {c.summary}"
        if c.exam is not None:
            parts = f"{c.exam.parts}-part exam" if c.exam.parts else "Exam"
            text += f" {parts}: {'; '.join(c.exam.topics)}."
        if c.note:
            text += f" Note: {c.note}"
        items.append(text)
    return (Bullets(tuple(items)),)


def rating_blocks(section: RatingSection) -> tuple[Block, ...]:
    plural, singular = RATING_TITLES[section.domain]
    if not section.available or not section.ratings:
        return (section.note or f"O*NET has no {plural.lower()} ratings for this occupation.",)
    rows = []
    for r in section:
        rows.append((r.name, r.importance_text, r.level_text))
    blocks: list[Block] = [Table((singular, "Importance (1-5)", "Level (0-7)"), tuple(rows), "lrr")]
    if section.note:
        blocks.append(section.note)
    return tuple(blocks)


def work_activity_blocks(report: Report) -> tuple[Block, ...]:
    """Work activities by importance; importance alone (O*NET 29.1) in a table without a
    level column; with no importance at all, the activities the tasks involve (DWAs)."""
    section = report.work_activities
    if section.ratings and all(r.level is None for r in section):
        rows = tuple((r.name, r.importance_text) for r in section)
        table = Table(("Work activity", "Importance (1-5)"), rows, "lr")
        return (table, *((section.note,) if section.note else ()))
    if section.ratings or not report.work_activities_from_tasks:
        return rating_blocks(section)
    rows = tuple((a.name, str(len(a.task_ids))) for a in report.work_activities_from_tasks)
    return (
        "O*NET rates no work-activity importance for this occupation; its tasks involve "
        "these work activities (from O*NET's detailed work activities, most tasks first):",
        Table(("Work activity", "Tasks"), rows, "lr"),
    )


#: How many work values and UNSPSC commodities of tools a report shows.
WORK_VALUES_SHOWN = 3
TOOL_GROUPS_SHOWN = 8


def work_value_blocks(report: Report) -> tuple[Block, ...]:
    """The top three work values with what they mean, and O*NET's high points."""
    values = report.work_values
    if not values.available:
        return (values.note or "O*NET has no work values for this occupation.",)
    items = tuple(
        f"{v.name} (extent {v.extent:.2f} of 7): {v.element.description}"
        for v in values.ranked(WORK_VALUES_SHOWN)
    )
    blocks: list[Block] = [
        f"The {len(items)} work values this occupation satisfies most (O*NET, extent 1-7):",
        Bullets(items),
    ]
    if values.high_points:
        blocks.append(
            "O*NET's work-value high points: " + ", ".join(v.name for v in values.high_points) + "."
        )
    if values.note:
        blocks.append(values.note)
    return tuple(blocks)


def tool_blocks(report: Report) -> tuple[Block, ...]:
    """Tools by UNSPSC commodity, the commodities with the most examples first."""
    if not report.tools:
        return ("O*NET lists no tools used for this occupation.",)
    groups: dict[str, list[str]] = {}
    for tool in report.tools:
        groups.setdefault(tool.commodity_title, []).append(tool.example)
    ranked = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))
    shown = ranked[:TOOL_GROUPS_SHOWN]
    tools = len(report.tools)
    blocks: list[Block] = [
        f"O*NET lists {tools} tool{'s' if tools != 1 else ''} in {len(groups)} UNSPSC "
        f"commodit{'ies' if len(groups) != 1 else 'y'}"
        + ("; those with the most examples:" if len(ranked) > len(shown) else ":"),
        Bullets(tuple(f"{title}: {'; '.join(examples)}" for title, examples in shown)),
    ]
    more = len(ranked) - len(shown)
    if more:
        blocks.append(f"And {more} more commodit{'ies' if more != 1 else 'y'}.")
    return tuple(blocks)


def ranking_blocks(ranking: Sequence[RankedEstimate], area_label: str) -> list[Block]:
    """Rank, area, employment and mean wage of each row, and the figure ranked by
    when it is neither of those; the hourly note where a row needs it."""
    by = ranking[0].by if ranking else "employment"
    extra = by not in ("employment", "annual_mean")
    money = is_money(by)
    rows = tuple(
        (
            str(r.rank),
            r.estimate.area.name,
            r.estimate.employment.format(),
            mean_wage(r.estimate.annual_mean, r.estimate.hourly_mean),
            *((r.ranked_value.format(money=money),) if extra else ()),
        )
        for r in ranking
    )
    headers: tuple[str, ...] = ("#", area_label, "Employment", "Annual mean wage")
    if extra:
        headers += (by.replace("_", " ").capitalize(),)
    pairs = [(r.estimate.annual_mean, r.estimate.hourly_mean) for r in ranking]
    return [Table(headers, rows, "rlrr" + "r" * extra), *hourly_note(pairs)]


def metro_blocks(report: Report) -> tuple[Block, ...]:
    if not report.top_metros:
        return (report.top_metros_note or "No metro area has an estimate.",)
    blocks: list[Block] = []
    if report.national is not None:
        n = report.national
        blocks.append(
            f"United States: {jobs_and_wage(n.employment, n.annual_mean, n.hourly_mean)} "
            f"({n.occupation})."
        )
    return (*blocks, *ranking_blocks(report.top_metros, "Metro area"))


def similar_blocks(similar: Sequence[SimilarOccupation]) -> tuple[Block, ...]:
    if not similar:
        return ("O*NET lists no related occupations for this occupation.",)
    rows = []
    shared = False
    for s in similar:
        code = s.wage_occupation.code if s.wage_occupation else "none"
        if s.wage_occupation and s.occupation.code != f"{code}.00":
            code += "*"
            shared = True
        rows.append(
            (
                s.occupation.title,
                code,
                s.employment.format(),
                mean_wage(s.annual_mean, s.hourly_mean),
            )
        )
    blocks: list[Block] = [
        Table(("Occupation", "OEWS code", "Employment", "Annual mean wage"), tuple(rows), "llrr")
    ]
    if shared:
        blocks.append(
            "* OEWS publishes these figures for the whole SOC occupation, aggregate or broad group "
            "of that code, which includes more than the O*NET occupation named."
        )
    blocks.extend(hourly_note([(s.annual_mean, s.hourly_mean) for s in similar]))
    return tuple(blocks)


def signed(value: float, money: bool = False, digits: int = 0) -> str:
    """A change with its sign: "+7,750", "-$1,234", "+$2.15" (``digits=2``)."""
    sign = "+" if value >= 0 else "-"
    unit = "$" if money else ""
    return f"{sign}{unit}{abs(value):,.{digits}f}"


def _thousands(f: Figure) -> str:
    return f"{f.format()} thousand"


def _projected_wage(w: Figure) -> str:
    if w.value is None and w.lower_bound is None:
        return f"not available ({w.footnote})"
    return w.format(money=True) + (f" ({w.footnote})" if w.footnote else "")


def _projection_text(p: Projection) -> str:
    s = p.percent_self_employed
    self_employed = (
        f"{s.format()}% self-employed in 2024"
        if s.value is not None
        else "percent self-employed in 2024 not available"
    )
    text = (
        f"Projections 2024-34 (BLS {p.source.code} {p.source.title}, {p.source.match}): "
        "employment "
        f"{_thousands(p.employment_2024_thousands)} in 2024 and "
        f"{_thousands(p.employment_2034_thousands)} in 2034, a change of "
        f"{_thousands(p.change_thousands)} ({p.percent_change.format()}%); "
        f"{_thousands(p.annual_openings_thousands)} openings a year; {self_employed}; "
        f"median annual wage in 2024 {_projected_wage(p.median_wage_2024)}."
    )
    return f"{text} {p.source.note}" if p.source.note else text


def _earlier_projection_text(e: Projection2020, note: str | None) -> str:
    text = (
        f"The earlier projections, 2020-30 (BLS {e.source.code} {e.source.title}, "
        f"{e.source.match}): {_thousands(e.employment_2020_thousands)} in 2020 and "
        f"{_thousands(e.employment_2030_thousands)} in 2030 ({e.percent_change.format()}%); "
        f"median annual wage in 2020 {_projected_wage(e.median_wage_2020)}."
    )
    return f"{text} {note}" if note else text


def outlook_blocks(o: Outlook) -> tuple[Block, ...]:
    blocks: list[Block] = []
    p = o.projection
    h = o.history
    if p is None and o.earlier_projection is None and h.earlier is None and h.later is None:
        return (
            f"No outlook data: {o.projection_note} The 2020-30 projections have none either, "
            "and neither OES May 2019 nor OEWS May 2025 has a national estimate.",
        )
    blocks.append(f"Projections 2024-34: {o.projection_note}" if p is None else _projection_text(p))
    if o.earlier_projection is not None:
        blocks.append(_earlier_projection_text(o.earlier_projection, o.earlier_projection_note))
    else:
        blocks.append(f"Projections 2020-30: {o.earlier_projection_note}")
    if h.earlier is None and h.later is None:
        blocks.append("National change May 2019 to May 2025: neither release has an estimate.")
        return tuple(blocks)
    before = (
        f"{jobs_and_wage(h.earlier.employment, h.earlier.annual_mean, h.earlier.hourly_mean)} "
        f"({h.earlier.code})"
        if h.earlier
        else "no estimate"
    )
    after = (
        f"{jobs_and_wage(h.later.employment, h.later.annual_mean, h.later.hourly_mean)} "
        f"({h.later.occupation.code})"
        if h.later
        else "no estimate"
    )
    text = f"National, May 2019: {before}. May 2025: {after}."
    if h.employment_change is not None and h.employment_percent_change is not None:
        text += (
            f" Employment change: {signed(h.employment_change)} "
            f"({h.employment_percent_change:+.1f}%)."
        )
    if h.annual_mean_change is not None and h.annual_mean_percent_change is not None:
        text += (
            f" Annual mean wage change: {signed(h.annual_mean_change, money=True)} "
            f"({h.annual_mean_percent_change:+.1f}%, not adjusted for inflation)."
        )
    elif h.hourly_mean_change is not None and h.hourly_mean_percent_change is not None:
        text += (
            f" Hourly mean wage change: {signed(h.hourly_mean_change, money=True, digits=2)} "
            f"({h.hourly_mean_percent_change:+.1f}%, not adjusted for inflation)."
        )
    blocks.append(" ".join((text, *h.notes)))
    return tuple(blocks)


def is_money(measure: str) -> bool:
    """Whether an :class:`Estimate` figure is a wage (``annual_mean``, ``hourly_p10``)."""
    return measure.startswith(("annual", "hourly"))


#: The comparison rows a report shows (``Comparison.rows`` has all 17).
COMPARED = ("employment", "annual_mean", "hourly_mean", "annual_median", "location_quotient")


COMPARED_HEADERS = ("Measure", "A", "B", "A - B", "A / B")


def compared_cells(row: ComparisonRow) -> tuple[str, str, str, str, str]:
    """A comparison row's cells: measure, A, B, A - B (at the published precision), A / B."""
    money = row.measure.startswith(("annual", "hourly"))
    digits = max(len((f.text or "").partition(".")[2]) for f in (row.a, row.b))
    diff = f"{row.difference:+,.{digits}f}" if row.difference is not None else "n/a"
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "n/a"
    return (row.measure.replace("_", " "), row.a.format(money), row.b.format(money), diff, ratio)


def comparison_blocks(c: Comparison, measures: Sequence[str] = COMPARED) -> tuple[Block, ...]:
    rows = [compared_cells(c.row(name)) for name in measures]
    legend = f"A: {c.area_a.name} ({c.area_a.kind}). B: {c.area_b.name} ({c.area_b.kind})."
    # The table shows each figure's status; only the notes about whole areas follow it.
    return (legend, Table(COMPARED_HEADERS, tuple(rows), "lrrrr"), *c.area_notes)


SIMILAR_TITLE = "Similar occupations (national, OEWS May 2025)"


def sections(report: Report) -> list[Section]:
    """The report's content, section by section, in the order a career page shows it."""
    out = [
        Section("Description", (report.description,)),
        Section("Education and training", education_blocks(report.education)),
        Section("Certifications", certification_blocks(report)),
    ]
    for section in (
        report.skills,
        report.abilities,
        report.knowledge,
        report.work_activities,
        report.work_styles,
    ):
        plural = RATING_TITLES[section.domain][0]
        blocks = (
            work_activity_blocks(report)
            if section.domain == "work_activities"
            else rating_blocks(section)
        )
        out.append(Section(f"Top {plural.lower()}", blocks))
    out.append(Section("Work values", work_value_blocks(report)))
    out.append(Section("Tools used", tool_blocks(report)))
    out.append(Section("Metro areas with the most jobs (OEWS May 2025)", metro_blocks(report)))
    if report.comparison is not None:
        out.append(
            Section("Two areas compared (OEWS May 2025)", comparison_blocks(report.comparison))
        )
    out.append(Section(SIMILAR_TITLE, similar_blocks(report.similar)))
    out.append(Section("Outlook", outlook_blocks(report.outlook)))
    out.append(Section("Sources", tuple(r.credit for r in report.releases)))
    return out


def _title(report: Report) -> str:
    return f"{report.occupation.title} ({report.occupation.code})"


def render_text(report: Report) -> str:
    return text_document(_title(report), sections(report))


def render_markdown(report: Report) -> str:
    return markdown_document(_title(report), sections(report))


def render_html(report: Report) -> str:
    return html_document(_title(report), sections(report))


# -- a comparison on its own ---------------------------------------------------


def _comparison_document(c: Comparison) -> tuple[str, list[Section]]:
    """Every measure of ``c`` (a report shows five), under the occupation's name."""
    title = f"{c.occupation.title} ({c.occupation.code})"
    heading = f"{c.area_a.name} vs {c.area_b.name}"
    return title, [Section(heading, comparison_blocks(c, [r.measure for r in c.rows]))]


def render_comparison_text(c: Comparison) -> str:
    return text_document(*_comparison_document(c))


def render_comparison_markdown(c: Comparison) -> str:
    return markdown_document(*_comparison_document(c))


def render_comparison_html(c: Comparison) -> str:
    return html_document(*_comparison_document(c))


# -- questions across occupations ----------------------------------------------


def ranked_value_text(by: str, value: Figure) -> str:
    """A ranked figure as a phrase: "annual_median $52,000", "projected growth 10.6%"."""
    if by == "projected_growth":
        return f"projected growth {value.format()}%" if value.released else "no projection"
    if by == "projected_openings":
        return (
            f"{value.format()} thousand projected openings a year"
            if value.released
            else "no projection"
        )
    return f"{by} {value.format(money=by.startswith(('annual_', 'hourly_')))}"


def ranked_occupation_line(r: RankedOccupation) -> str:
    """ "1. 43-6013 Medical Secretaries and Administrative Assistants: 52,640 jobs, ..." """
    e = r.estimate
    line = f"{r.rank}. {e.occupation}: {jobs_and_wage(e.employment, e.annual_mean, e.hourly_mean)}"
    if r.by not in ("employment", "annual_mean"):
        line += f", {ranked_value_text(r.by, r.ranked_value)}"
    return line


#: The wage rows a printed occupation comparison shows (``wages`` has all 17).
OCCUPATION_MEASURES = (
    "employment",
    "hourly_mean",
    "annual_mean",
    "annual_p10",
    "annual_median",
    "annual_p90",
    "location_quotient",
)
#: Gap rows printed per domain (``gap`` has them all).
GAP_SHOWN = 8


def _outlook_line(o: Outlook) -> str:
    p = o.projection
    if p is None:
        return f"{o.occupation.title}: {o.projection_note}"
    return (
        f"{o.occupation.title}: {p.percent_change.format()}% projected change, "
        f"{_thousands(p.annual_openings_thousands)} openings a year "
        f"(BLS {p.source.code}, {p.source.match})."
    )


def _preparation_line(e: Education) -> str:
    zone = e.job_zone.name if e.job_zone else "no O*NET job zone"
    entry = e.entry_requirements.education if e.entry_requirements else "no BLS entry requirement"
    return f"{e.occupation.title}: {zone}; typical entry education: {entry}."


def _gap_blocks(c: OccupationComparison) -> tuple[Block, ...]:
    if not c.gap_domains:
        return ("No ratings are compared: see the notes.",)
    if not c.gap:
        compared = ", ".join(d.replace("_", " ") for d in c.gap_domains)
        return (f"{c.b.title} needs no more than {c.a.title} in {compared}.",)
    blocks: list[Block] = []
    for domain, (plural, singular) in RATING_TITLES.items():
        rows = [g for g in c.gap if g.domain == domain]
        if not rows:
            continue
        shown = tuple(
            (
                g.element.name,
                f"{g.importance_a:.2f}",
                f"{g.importance_b:.2f}",
                f"{g.importance_difference:+.2f}",
                f"{g.level_difference:+.2f}" if g.level_difference is not None else "n/a",
            )
            for g in rows[:GAP_SHOWN]
        )
        blocks.append(Table((singular, "Imp. A", "Imp. B", "B - A", "Level B - A"), shown, "lrrrr"))
        if len(rows) > GAP_SHOWN:
            blocks.append(f"... and {len(rows) - GAP_SHOWN} more {plural.lower()} (see .gap).")
    return tuple(blocks)


def _technology_blocks(c: OccupationComparison) -> tuple[Block, ...]:
    def listed(names: tuple[str, ...]) -> str:
        return "; ".join(names) if names else "none"

    return (
        Bullets(
            (
                f"Both ({len(c.technology_shared)}): {listed(c.technology_shared)}",
                f"Only A ({len(c.technology_only_a)}): {listed(c.technology_only_a)}",
                f"Only B ({len(c.technology_only_b)}): {listed(c.technology_only_b)}",
            )
        ),
    )


def occupation_comparison_sections(c: OccupationComparison) -> list[Section]:
    """What a printed comparison of two occupations says, section by section."""
    by_name = {r.measure: r for r in c.wages}
    rows = tuple(compared_cells(by_name[name]) for name in OCCUPATION_MEASURES)
    legend = f"A: {c.a}. B: {c.b}."
    wages = Table(COMPARED_HEADERS, rows, "lrrrr")
    return [
        Section(f"Employment and wages, {c.area.name} (OEWS May 2025)", (legend, wages)),
        Section("Outlook", (Bullets((_outlook_line(c.outlook_a), _outlook_line(c.outlook_b))),)),
        Section(
            "Preparation",
            (Bullets((_preparation_line(c.education_a), _preparation_line(c.education_b))),),
        ),
        Section("Where B needs more than A (O*NET importance 1-5, level 0-7)", _gap_blocks(c)),
        Section("Technology", _technology_blocks(c)),
        Section("Notes", (Bullets(c.notes),)),
    ]


def _occupation_comparison_title(c: OccupationComparison) -> str:
    return f"{c.a.title} vs {c.b.title}"


def render_occupation_comparison_text(c: OccupationComparison) -> str:
    return text_document(_occupation_comparison_title(c), occupation_comparison_sections(c))


def render_occupation_comparison_markdown(c: OccupationComparison) -> str:
    return markdown_document(_occupation_comparison_title(c), occupation_comparison_sections(c))


def render_occupation_comparison_html(c: OccupationComparison) -> str:
    return html_document(_occupation_comparison_title(c), occupation_comparison_sections(c))
