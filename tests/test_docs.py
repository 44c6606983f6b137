"""The examples in README.md and docs/*.md are executed, so they cannot go stale."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import module_functions

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
MARKDOWN = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])
PAGES = [p for p in MARKDOWN if ">>> " in p.read_text()]
#: Fenced code blocks of Python (``python``, ``pycon`` or ``py``) and their body.
PYTHON_BLOCK = re.compile(r"^```(?:python|pycon|py)\s*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_there_are_examples_to_run() -> None:
    pages = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {
        "README.md",
        "docs/index.md",
        "docs/profile.md",
        "docs/ratings.md",
        "docs/where-the-jobs-are.md",
        "docs/compare-areas.md",
        "docs/similar-jobs.md",
        "docs/outlook.md",
        "docs/education.md",
        "docs/data-and-releases.md",
        "docs/frames.md",
    } <= pages


@pytest.mark.parametrize("page", MARKDOWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_python_block_is_executed(page: Path) -> None:
    """A Python block without ``>>>`` would be shown but never run."""
    unrun = [b for b in PYTHON_BLOCK.findall(page.read_text()) if ">>> " not in b]
    assert unrun == [], f"{page.name}: write these as >>> examples so they run"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_examples_run(page: Path) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(page.read_text(), {}, page.name, str(page), 0)
    assert test.examples, f"{page.name} has no examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) failed in {page.name} (see output)"


def test_the_plot_images_are_those_make_plots_draws(tmp_path: Path) -> None:
    """docs/images/make_plots.py draws every image docs/plots.md shows, and no other."""
    images = ROOT / "docs" / "images"
    subprocess.run(
        [sys.executable, str(images / "make_plots.py"), str(tmp_path)],
        capture_output=True,
        check=True,
    )
    drawn = sorted(p.name for p in tmp_path.glob("*.png"))
    page = (ROOT / "docs" / "plots.md").read_text()
    shown = sorted(re.findall(r"\]\(images/([\w-]+\.png)\)", page))
    assert drawn == shown == sorted(p.name for p in images.glob("*.png"))
    for name in drawn:
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_api_reference_lists_every_module_function() -> None:
    """docs/api/index.md names its members; a new module function must be added there."""
    listed = set(re.findall(r"^\s+- (\w+)$", (DOCS / "api" / "index.md").read_text(), re.M))
    assert module_functions() - listed == set()


def test_the_nav_names_every_page() -> None:
    """mkdocs.yml's nav lists every page (the tutorial page is made from the notebook)."""
    nav = (ROOT / "mkdocs.yml").read_text().partition("\nnav:\n")[2]
    in_nav = set(re.findall(r"^\s+- (?:[^:\n]+: )?(\S+\.md)$", nav, re.M))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert pages - in_nav == set()
    assert in_nav - pages == {"tutorial.md"}
