"""docs/tutorial.ipynb runs from top to bottom, and shows what its text says it shows."""

from __future__ import annotations

import json

import nbformat
import pytest
import tutorial_page  # docs/hooks/tutorial_page.py, the docs build's hook (pytest's pythonpath)

from tests.helpers import REPO_ROOT

NOTEBOOK = REPO_ROOT / "docs" / "tutorial.ipynb"


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    """The notebook run by the docs build's own hook (nbclient, python3 kernel)."""
    return tutorial_page.execute(NOTEBOOK)


def _text(output: nbformat.NotebookNode) -> str:
    if output.output_type == "stream":
        return str(output.text)
    return "\n".join(str(v) for v in output.get("data", {}).values())


def test_committed_without_outputs() -> None:
    """Outputs come from running it, so the committed file cannot go stale."""
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_every_cell_ran_without_error(executed: nbformat.NotebookNode) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_outputs_show_the_answers(executed: nbformat.NotebookNode) -> None:
    text = "\n".join(_text(o) for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    for expected in (
        "('29.3', 'May 2025')",
        "43-6013.00 Medical Secretary 0.9",
        "Job Zone Two: Some Preparation Needed",
        "Speaking (importance 4.00, level 3.62)",
        "'not rated'",
        "1. New York-Newark-Jersey City, NY-NJ: 52,640 jobs, annual mean wage $51,870",
        "| employment | 40,380 | 11,260 | +29,120 | 3.59x |",
        "Certified Administrative Professional (CAP)",
        "29-2072.00 Medical Records Specialists: 194,720 jobs",
        "850.0 -> 885.3",
        "combined code",
        "top-coded >= $239,200",
        "# Medical Secretaries and Administrative Assistants (43-6013.00)",
        "This product includes information from the O*NET 29.3 Database",
    ):
        assert expected in text


def test_the_site_page_is_made_from_the_outputs(executed: nbformat.NotebookNode) -> None:
    page = tutorial_page.to_markdown(executed, "tutorial.ipynb")
    assert page.startswith("# Tutorial: the first 15 minutes\n")
    assert '<a href="tutorial.ipynb">' in page
    assert "Speaking (importance 4.00, level 3.62)" in page
    assert '<div class="nb-output nb-rich" markdown="0">' in page  # the comparison's Markdown
