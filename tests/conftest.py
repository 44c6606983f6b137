"""Shared fixtures: where the raw upstream files are, for the tests that re-read them."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import occprofile as op
from occprofile._store import resources as _resources
from tests.helpers import require_upstream


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
