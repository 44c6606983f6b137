"""The career-profile report: golden files, and properties every report has.

Golden files pin the whole rendering of a few occupations chosen for their
gaps. After an intended change, rewrite them with
``python -m pytest tests/test_report.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import occprofile as op
from occprofile.career import Report
from tests.helpers import check_golden

GOLDEN = Path(__file__).parent / "golden"

#: (O*NET code, why it is here)
CASES = {
    "43-6013.00": "the seed page's occupation: every section has data",
    "15-1252.00": "no O*NET ratings or education data; 2020-30 combined code, recoded in 2024-34",
    "27-2011.00": "hourly-only wages, unreleased metro wages, projection wage N/A, no levels",
    "29-1211.00": "top-coded metro wage and a >=208,000 projected median",
    "55-1011.00": "no wages, no projection row, no ratings, no related occupations",
}
SECTIONS = (
    "Description",
    "Education and training",
    "Certifications",
    "Top skills",
    "Top abilities",
    "Top knowledge",
    "Top work activities",
    "Top work styles",
    "Work values",
    "Tools used",
    "Metro areas with the most jobs (OEWS May 2025)",
    "Similar occupations (national, OEWS May 2025)",
    "Outlook",
    "Sources",
)


@pytest.mark.parametrize("code", sorted(CASES))
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_golden(code: str, fmt: str, update_golden: bool) -> None:
    report = op.report(code)
    text = report.to_text() if fmt == "txt" else report.to_markdown()
    check_golden(GOLDEN / f"{code}.{fmt}", text, update_golden)


def _section_titles(text: str) -> list[str]:
    lines = text.splitlines()
    return [
        lines[i]
        for i in range(len(lines) - 1)
        if lines[i] and set(lines[i + 1]) == {"-"} and len(lines[i + 1]) == len(lines[i])
    ]


@pytest.mark.parametrize("code", sorted(CASES))
def test_every_section_in_order(code: str) -> None:
    assert _section_titles(op.report(code).to_text()) == list(SECTIONS)
    headings = re.findall(r"^## (.*)$", op.report(code).to_markdown(), re.MULTILINE)
    assert headings == list(SECTIONS)


@pytest.mark.parametrize("code", sorted(CASES))
def test_text_fits_78_columns(code: str) -> None:
    long = [line for line in op.report(code).to_text().splitlines() if len(line) > 78]
    assert long == []


def _section(text: str, title: str) -> list[str]:
    after = text.split(f"\n{title}\n{'-' * len(title)}\n", 1)[1]
    body = re.split(r"\n\n(?=[^\n]+\n-+\n)", after, maxsplit=1)[0]
    return [line for line in body.strip().splitlines() if line.strip()]


def test_empty_sections_say_so_in_one_line() -> None:
    text = op.report("55-1011.00").to_text()
    flat = {t: " ".join(_section(text, t)) for t in SECTIONS}
    assert flat["Certifications"] == "No certifications are curated for this occupation."
    for title in ("Top skills", "Top abilities", "Top knowledge"):
        assert flat[title].startswith("No "), flat[title]
        assert "ratings" in flat[title]
    assert flat["Metro areas with the most jobs (OEWS May 2025)"] == (
        "OEWS May 2025 publishes no estimate for 55-1011."
    )
    assert flat["Similar occupations (national, OEWS May 2025)"] == (
        "O*NET lists no related occupations for this occupation."
    )
    assert flat["Education and training"].startswith("No education or training data:")
    assert flat["Outlook"].startswith("No outlook data:")
    for title in SECTIONS[1:-1]:  # every data section of this occupation is one paragraph
        body = text.split(f"\n{title}\n{'-' * len(title)}\n", 1)[1].split("\n\n")[0]
        assert " ".join(body.split()) == flat[title], title


def test_report_figures_are_the_query_answers() -> None:
    report = op.report("43-6013", metros=3, similar=4, top=2)
    assert report.top_metros == op.top_metros("43-6013", 3)
    assert report.similar == op.similar_occupations("43-6013", 4)
    top_skills = op.skills_by_importance("43-6013", 2)
    assert [r.name for r in report.skills] == [r.name for r in top_skills]
    assert report.outlook == op.outlook("43-6013")
    assert report.education == op.education("43-6013")
    assert report.certifications == op.certifications("43-6013")
    text = report.to_text()
    for ranked in report.top_metros:
        assert ranked.estimate.employment.format() in text
        assert ranked.estimate.annual_mean.format(money=True) in text


def test_seed_page_facts_appear() -> None:
    flat = " ".join(op.report("43-6013").to_text().split())
    assert "Speaking 4.00 3.62" in flat
    assert "Certified Professional Secretary (CPS)" in flat
    assert "Certified Administrative Professional (CAP)" in flat
    assert "Advanced organizational management" in flat
    assert "Level 3 Certificate in Medical Terminology" in flat
    assert "May 2019: 604,780 jobs, annual mean wage $38,090 (43-6013)" in flat


def test_markdown_is_escaped_and_tables_are_rectangular() -> None:
    md = op.report("43-6013").to_markdown()
    assert "O\\*NET" in md  # a bare "O*NET ... O*NET" would turn into emphasis
    assert "\\$38,090" in md  # Jupyter would typeset "$38,090 ... $46,800" as TeX
    assert re.search(r"(?<!\\)\$", md) is None
    for block in re.findall(r"(?:^\|.*\|\n)+", md, re.MULTILINE):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in block.splitlines()}
        assert len(widths) == 1, block


def test_report_renders_in_notebooks_and_print() -> None:
    report = op.report("43-6013")
    assert isinstance(report, Report)
    assert report._repr_markdown_() == report.to_markdown()
    assert str(report) == report.to_text()


def test_comparison_is_optional() -> None:
    plain = op.report("43-6013")
    compared = op.report("43-6013", compare=("Los Angeles", "San Diego"))
    assert plain.comparison is None
    assert compared.comparison == op.compare_metros("43-6013", "Los Angeles", "San Diego")
    assert "Two areas compared" in compared.to_text()
    assert "Two areas compared" not in plain.to_text()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"top": 0}, op.InvalidArgumentError),
        ({"metros": -1}, op.InvalidArgumentError),
        ({"similar": "3"}, op.ArgumentTypeError),
        ({"compare": ("Los Angeles",)}, op.ArgumentTypeError),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        op.report("43-6013", **kwargs)  # type: ignore[arg-type]


def test_unknown_occupation_suggests() -> None:
    with pytest.raises(op.UnknownOccupationError, match="Did you mean"):
        op.report("medical secretray assistent xyz")
