"""Shared fixtures: where the raw upstream files are, for the tests that re-read them."""

from __future__ import annotations

import gzip
import os
import shutil
import sqlite3
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest

import occprofile
import occprofile as op
from occprofile._store import resources as _resources
from tests.helpers import REPO_ROOT, require_upstream

#: Set by .ci/run when the tests run against the installed wheel.
INSTALLED = "OCCPROFILE_TEST_INSTALLED"


@pytest.fixture(scope="session")
def upstream() -> Path:
    return require_upstream()


@pytest.fixture(scope="session")
def oews_db(
    upstream: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[sqlite3.Connection]:
    """The upstream OEWS SQLite, decompressed once per test session."""
    target = tmp_path_factory.mktemp("oews") / "oews.sqlite"
    with gzip.open(upstream / "oews-2025" / "oews-2025.sqlite.gz") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    conn = sqlite3.connect(target)
    yield conn
    conn.close()


def pytest_report_header(config: pytest.Config) -> str:
    return f"occprofile {occprofile.__version__} from {Path(occprofile.__file__).parent}"


def pytest_sessionstart(session: pytest.Session) -> None:
    """With OCCPROFILE_TEST_INSTALLED set, refuse to test anything but the installed package."""
    if not os.environ.get(INSTALLED):
        return
    where = Path(occprofile.__file__).resolve()
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    if not where.is_relative_to(site_packages) or where.is_relative_to(REPO_ROOT / "src"):
        raise pytest.UsageError(f"{INSTALLED} is set, but occprofile was imported from {where}")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current renderer instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def reading_nothing(monkeypatch: pytest.MonkeyPatch) -> op.Dataset:
    """A new Dataset that fails the test if anything reads a packaged resource, for
    the checks that arguments are refused before any data is read."""

    def no_reading(*args: object) -> object:
        raise AssertionError(f"data was read: {args}")

    monkeypatch.setattr(_resources, "read_json", no_reading)
    return op.Dataset()
