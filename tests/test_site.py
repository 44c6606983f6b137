"""The documentation site as a reader sees it: built, served on 127.0.0.1, opened in
headless Chromium (Debian's ``chromium`` and ``chromium-driver``), screenshotted.

Without Chromium these tests skip; under CI (``CI`` set) they fail instead.
Screenshots go to ``$OCCPROFILE_SCREENSHOTS`` when it names a folder, else to a
temporary one.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbconvert import HTMLExporter
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from tests.helpers import REPO_ROOT, module_functions

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1400",
)
#: How a record looks where a notebook shows its repr instead of an HTML table.
RAW_REPR = "RankedEstimate(rank=1, by="


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built from this checkout with ``mkdocs build --strict``."""
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=REPO_ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site's address on 127.0.0.1, on a free port, for as long as the module runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """Headless Chromium with a fresh profile; skipped without it, except under CI."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    except (WebDriverException, OSError) as error:
        reason = f"headless Chromium did not start ({CHROMIUM}, {CHROMEDRIVER}): {error}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("OCCPROFILE_SCREENSHOTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        return Path(wanted)
    return tmp_path_factory.mktemp("screenshots")


def _open(driver: webdriver.Chrome, url: str, screenshot: Path) -> None:
    driver.get(url)
    assert driver.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000


def _ids(driver: webdriver.Chrome) -> set[str | None]:
    return {e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "[id]")}


def _console_errors(driver: webdriver.Chrome) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_getting_started_renders_its_tables_and_examples(
    browser: webdriver.Chrome, served: str, screenshots: Path
) -> None:
    _open(browser, f"{served}/", screenshots / "getting-started.png")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Getting started"
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "article table th")]
    assert {"Extra", "What it enables", "Query", "What it answers"} <= set(headers)
    article = browser.find_element(By.TAG_NAME, "article").text
    assert "--8<--" not in article  # the README snippets were included
    assert ">>> import occprofile as op" in article
    assert _console_errors(browser) == []


def test_the_api_reference_documents_every_module_function(
    browser: webdriver.Chrome, served: str, screenshots: Path
) -> None:
    _open(browser, f"{served}/api/", screenshots / "api.png")
    ids = _ids(browser)
    assert {f"occprofile.{name}" for name in module_functions()} <= ids
    assert {"occprofile.Dataset", "occprofile.Dataset.release"} <= ids
    signature = browser.find_element(By.ID, "occprofile.top_metros").find_element(
        By.XPATH, "following::code[1]"
    )
    assert signature.text.startswith("top_metros(")
    assert "self" not in signature.text  # a function here, not the unbound method
    assert _console_errors(browser) == []


def test_the_models_reference_shows_the_records(
    browser: webdriver.Chrome, served: str, screenshots: Path
) -> None:
    _open(browser, f"{served}/api/models/", screenshots / "api-models.png")
    assert {"occprofile.models.Figure", "occprofile.models.Comparison.row"} <= _ids(browser)
    article = browser.find_element(By.TAG_NAME, "article").text
    assert ":class:`" not in article  # Sphinx roles became code


def test_the_tutorial_page_shows_the_executed_notebook(
    browser: webdriver.Chrome, served: str, screenshots: Path
) -> None:
    _open(browser, f"{served}/tutorial/", screenshots / "tutorial.png")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Tutorial")
    outputs = browser.find_elements(By.CSS_SELECTOR, ".nb-output")
    assert len(outputs) > 15
    text = "\n".join(o.text for o in outputs)
    assert "Speaking (importance 4.00, level 3.62)" in text
    tables = browser.find_elements(By.CSS_SELECTOR, ".nb-rich table")
    assert tables  # the comparison, displayed as its Markdown table
    assert _console_errors(browser) == []


@pytest.fixture(scope="module")
def notebook_html(site: Path) -> str:
    """The executed notebook the site offers for download, exported by nbconvert."""
    notebook = nbformat.reads((site / "tutorial.ipynb").read_text(), as_version=4)
    # No require.js or MathJax from a CDN: the page is read offline, and needs neither.
    exporter = HTMLExporter(template_name="lab", require_js_url="", mathjax_url="")
    body, _ = exporter.from_notebook_node(notebook)
    (site / "tutorial-export.html").write_text(body)
    return "tutorial-export.html"


def test_the_exported_notebook_opens(
    browser: webdriver.Chrome, served: str, notebook_html: str, screenshots: Path
) -> None:
    _open(browser, f"{served}/{notebook_html}", screenshots / "tutorial-export.png")
    cells = browser.find_elements(By.CSS_SELECTOR, ".jp-Cell")
    assert len(cells) > 30
    assert "Speaking (importance 4.00, level 3.62)" in browser.page_source


def test_the_exported_notebook_shows_no_raw_repr(
    browser: webdriver.Chrome, served: str, notebook_html: str
) -> None:
    browser.get(f"{served}/{notebook_html}")
    shows_raw_repr = RAW_REPR in browser.find_element(By.TAG_NAME, "body").text
    assert not shows_raw_repr, f"the notebook shows {RAW_REPR!r}..."
    tables = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output table")]
    # the profile card (its skills table), the ranking row, the frame
    assert any("Speaking" in t and "Active Listening" in t for t in tables)
    assert any("New York-Newark-Jersey City, NY-NJ" in t and "52,640" in t for t in tables)
    assert any("occupation_code" in t and "29-1" in t for t in tables)
    assert browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img")  # the plot
