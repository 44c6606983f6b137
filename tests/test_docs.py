"""The examples in README.md and docs/*.md are executed, so they cannot go stale."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted(
    p for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")] if ">>> " in p.read_text()
)


def test_there_are_examples_to_run() -> None:
    assert ROOT / "docs" / "getting-started.md" in PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
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
